"""Korean substring search: title, background, outline, phases and officials' names."""

import unicodedata

import pytest
from django.db import connection
from django.utils import timezone

from projects.models import PolicyProject
from projects.search import query_words, refresh_search_text, search, short_grams
from tests.factories import PhaseFactory, PhaseItemFactory, PolicyProjectFactory

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL 전용 검사 (pg_trgm 색인)",
)


def found(query: str) -> set[str]:
    return {p.registration_number for p in search(PolicyProject.objects.published(), query)}


@pytest.mark.parametrize(("query", "part"), [
    ("1인가구", "title"),
    ("맞춤형 대응", "background"),
    ("소통공간", "outline and phase items"),
    ("이춘배", "⑥ 담당자 and a phase's 사업관련자"),
    ("엄태섭", "a phase's 사업관련자 only"),
    ("공유", "two syllables"),
    ("안", "one syllable"),
])
def test_seed_project_is_found_by_every_part_of_its_sheet(demo, query, part):
    assert "2023-13" in found(query), part


def test_short_word_finds_only_projects_containing_it(demo):
    assert found("귀갓") == {"2022-5"}
    assert "2024-3" in found("청년")
    assert "2023-13" not in found("청년")


def test_every_word_of_a_query_must_match(demo):
    assert found("1인가구 이춘배") == {"2023-13"}
    assert found("1인가구 박정호") == set()


def test_latin_letters_match_regardless_of_case(demo):
    assert found("cctv") == found("CCTV") == {"2022-5"}


def test_decomposed_hangul_from_macos_matches(demo):
    assert found(unicodedata.normalize("NFD", "소통공간")) == {"2023-13"}


def test_like_wildcards_in_a_query_are_plain_characters(demo):
    assert found("_") == set()
    assert found("%%") == set()


def test_unpublished_project_is_never_found(demo):
    assert demo["2025-4"].search_text  # it is searchable text, just not public
    assert found("음식물류") == set()


def test_search_text_follows_an_edit_once_refreshed(demo):
    project = demo["2024-3"]
    PhaseItemFactory(phase=project.phases.first(), text="메타버스 상담창구 시범 운영")
    assert "2024-3" not in found("메타버스")
    refresh_search_text(project)
    assert "2024-3" in found("메타버스")
    assert "2024-3" in found("메타")


def test_refreshing_search_text_does_not_bump_the_version(demo):
    project = demo["2023-13"]
    before = PolicyProject.objects.values_list("version", "updated_at").get(pk=project.pk)
    refresh_search_text(project)
    assert PolicyProject.objects.values_list("version", "updated_at").get(pk=project.pk) == before


def test_query_is_cut_to_a_bounded_number_of_words_and_characters():
    words = query_words("가" * 2000 + " " + " ".join(f"낱말{n}" for n in range(50)))
    assert words == ["가" * 100]
    assert len(query_words(" ".join(f"낱말{n}" for n in range(50)))) == 8


@on_postgresql
def test_database_locale_makes_hangul_trigrams():
    """pg_trgm ignores Hangul under LC_CTYPE=C: create databases with C.UTF-8 (see .ci/run)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT show_trgm('정책사업'), current_setting('lc_ctype')")
        trigrams, ctype = cursor.fetchone()
    assert trigrams, f"show_trgm('정책사업')가 비었습니다: 데이터베이스 LC_CTYPE={ctype}"


def test_short_grams_are_every_run_of_one_to_four_characters_inside_words():
    assert short_grams("청년 창업\n소통공간").split() == sorted(
        {"청", "년", "청년", "창", "업", "창업", "소", "통", "공", "간", "소통", "통공", "공간",
         "소통공", "통공간", "소통공간"}
    )
    assert "1인가구" in short_grams("1인가구도").split()
    assert "1인가구도" not in short_grams("1인가구도").split()  # five: the trigram index


def explain(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


@on_postgresql
@pytest.mark.parametrize(("query", "index"), [
    ("다문화가족", "project_search_trgm"),
    ("소통공간", "project_search_short_grams"),
    ("청년", "project_search_short_grams"),
    ("안", "project_search_short_grams"),
])
def test_search_is_served_by_a_gin_index(query, index):
    """Published rows (the search indexes are partial on them), enough that an index pays."""
    template = PolicyProjectFactory.build(published_at=timezone.now())
    template.department.save()
    rows = []
    for n in range(1, 3001):
        text = f"시험 정책사업 {n} 주민 {n % 97}번째 모임"
        rows.append(PolicyProject(
            registration_number=f"2024-{n}", registration_year=2024, registration_seq=n,
            title=text, department=template.department, published_at=template.published_at,
            selection_criterion=template.selection_criterion, started_on=template.started_on,
            search_text=text, search_grams=short_grams(text),
        ))
    PolicyProject.objects.bulk_create(rows)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE projects_policyproject")
        for gin in ("project_search_trgm", "project_search_short_grams"):  # as autovacuum would
            cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [gin])
    plan = explain(search(PolicyProject.objects.published(), query).order_by())
    assert index in plan, plan


@on_postgresql
def test_short_grams_index_agrees_with_substring_match():
    """Every project LIKE finds, the grams index finds too (and nothing else)."""
    for text in ["청년 창업", "청년창업", "창업 지원", "년도", "청 년"]:
        project = PolicyProjectFactory(title=text, background="")
        PhaseItemFactory(phase=PhaseFactory(project=project), text="기타")
        refresh_search_text(project)
    for word in ["청년", "업지", "년", "년도", "창업", "청년창업", "년창업", "업 지"]:
        by_grams = set(search(PolicyProject.objects.all(), word).values_list("title", flat=True))
        by_like = set(
            PolicyProject.objects.filter(search_text__contains=word).values_list("title", flat=True)
        )
        assert by_grams == by_like, word


def test_saving_a_sheet_in_the_admin_refreshes_its_search_text(admin_client, demo):
    from django.urls import reverse

    from tests.conftest import form_data

    project = demo["2023-13"]
    url = reverse("admin:projects_policyproject_change", args=[project.pk])
    data = form_data(admin_client.get(url).content.decode(), "policyproject_form")
    data["background"] = ["주거취약 청년을 위한 맞춤형 지원 필요"]
    assert admin_client.post(url, data).status_code == 302
    assert "2023-13" in found("주거취약")
    assert "2023-13" in found("청년")


def test_renaming_an_official_in_the_admin_refreshes_every_sheet_naming_them(admin_client, demo):
    from django.urls import reverse

    from projects.models import Official
    from tests.conftest import form_data

    person = Official.objects.get(name="엄태섭")
    url = reverse("admin:projects_official_change", args=[person.pk])
    data = form_data(admin_client.get(url).content.decode(), "official_form")
    data["name"] = ["엄태오"]
    assert admin_client.post(url, data).status_code == 302
    assert found("엄태오") == {"2023-13"}
    assert found("엄태섭") == set()
