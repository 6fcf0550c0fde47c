"""The register (/): published projects, newest first, 20 a page, combinable GET filters."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from projects.models import Department, PolicyProject, SelectionCriterion
from projects.public.register import PAGE_SIZE
from tests.factories import DepartmentFactory, PolicyProjectFactory

pytestmark = pytest.mark.django_db


def get(client, **params):
    response = client.get(reverse("register"), params)
    assert response.status_code == 200
    return response


def numbers(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [cell.text.strip() for cell in soup.select(".register-table tbody .col-number")]


def published_batch(count: int, **fields):
    from django.utils import timezone

    return PolicyProjectFactory.create_batch(count, published_at=timezone.now(), **fields)


def test_register_lists_published_projects_newest_registration_first(client, demo):
    response = get(client)
    assert numbers(response) == ["2025-1", "2024-9", "2024-3", "2023-13", "2022-5"]
    assert "총 <strong>5</strong>건" in response.content.decode()


def test_unpublished_project_is_not_listed(client, demo):
    page = get(client).content.decode()
    assert "2025-4" not in page and "음식물류" not in page


def test_row_shows_title_with_status_department_criterion_and_period(client, demo):
    soup = BeautifulSoup(get(client).content, "html.parser")
    row = next(r for r in soup.select(".register-table tbody tr") if "2023-13" in r.text)
    cells = [" ".join(cell.text.split()) for cell in row.find_all(["th", "td"])]
    assert cells == ["2023-13", "1인가구도 행복한 중구 조성 (진행중)", "복지정책과", "구정주요현안",
                     "2021. 7월 ~ 계속"]
    assert row.find("a")["href"] == reverse("sheet_detail", kwargs={"number": "2023-13"})


def test_register_pages_by_twenty_and_keeps_filters(client, demo):
    department = DepartmentFactory(name="페이지시험과")
    published_batch(PAGE_SIZE + 5, department=department)
    first = get(client, department=department.pk)
    assert len(numbers(first)) == PAGE_SIZE
    soup = BeautifulSoup(first.content, "html.parser")
    next_link = soup.select_one(".krds-pagination a.next")["href"]
    assert f"department={department.pk}" in next_link and "page=2" in next_link
    second = client.get(reverse("register") + next_link)
    assert len(numbers(second)) == 5
    assert set(numbers(first)).isdisjoint(numbers(second))


def test_filters_combine(client, demo):
    criterion = SelectionCriterion.objects.get(short_name="구정주요현안")
    assert numbers(get(client, criterion=criterion.pk)) == ["2024-3", "2023-13"]
    assert numbers(get(client, criterion=criterion.pk, year=2023)) == ["2023-13"]
    assert numbers(get(client, criterion=criterion.pk, year=2023, status="completed")) == []
    welfare = Department.objects.get(name="복지정책과")
    assert numbers(get(client, department=welfare.pk, q="소통공간", status="ongoing")) == ["2023-13"]


def test_filter_form_keeps_chosen_values_and_offers_only_published_years(client, demo):
    soup = BeautifulSoup(get(client, year=2023, q="소통공간").content, "html.parser")
    form = soup.find("form", id="register-filter")
    assert form["method"] == "get"
    assert form.find("option", selected=True, value="2023")
    assert form.find("input", attrs={"name": "q"})["value"] == "소통공간"
    years = [o["value"] for o in form.find("select", attrs={"name": "year"}).find_all("option")]
    assert years == ["", "2025", "2024", "2023", "2022"]
    for field in form.find_all(["input", "select"]):
        if field.get("type") != "hidden":
            assert soup.find("label", attrs={"for": field["id"]}), field["name"]


@pytest.mark.parametrize("params", [
    {"year": "zz"}, {"year": "1800"}, {"department": "999999"}, {"department": "x"},
    {"criterion": "' OR 1=1 --"}, {"status": "deleted"}, {"page": "abc"}, {"page": "0"},
    {"page": "-1"}, {"page": "99999"},
])
def test_bad_parameters_give_a_normal_page(client, demo, params):
    response = get(client, **params)
    assert numbers(response)  # the register, unfiltered or its last page
    assert PolicyProject.objects.count() == 6


def test_sql_in_query_is_searched_as_text(client, demo):
    response = get(client, q="'; DROP TABLE projects_policyproject; --")
    assert numbers(response) == []
    assert "총 <strong>0</strong>건" in response.content.decode()
    assert PolicyProject.objects.count() == 6


def test_unknown_filter_value_is_dropped_but_valid_ones_still_apply(client, demo):
    assert numbers(get(client, year=2023, status="deleted", department="x")) == ["2023-13"]


def test_long_query_is_cut_and_echoed(client, demo):
    response = get(client, q="소통공간" + "가" * 2000)
    soup = BeautifulSoup(response.content, "html.parser")
    echoed = soup.find("input", attrs={"name": "q"})["value"]
    assert len(echoed) == 100 and echoed.startswith("소통공간")
    assert numbers(response) == []


def test_html_in_query_is_echoed_escaped(client, demo):
    page = get(client, q='<script>alert("x")</script><놀다가>').content.decode()
    assert "<script>alert" not in page and "<놀다가>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;놀다가&gt;" in page


def test_query_count_is_the_same_whatever_the_number_of_projects(
    client, demo, django_assert_num_queries,
):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()  # the filter choices are cached: count the first, uncached request
    with CaptureQueriesContext(connection) as few:
        get(client, q="사업")
    published_batch(3 * PAGE_SIZE, department=DepartmentFactory(name="쿼리시험과"))
    with django_assert_num_queries(len(few.captured_queries)):
        get(client, q="사업")
    with django_assert_num_queries(len(few.captured_queries) - 3):  # choices now cached
        get(client, q="사업", page=3)


def test_a_new_department_shows_in_the_filter_at_once(client, demo):
    """The cached filter choices are forgotten when a project or department is saved."""
    get(client)
    published_batch(1, department=DepartmentFactory(name="새로만든과"))
    assert "새로만든과" in get(client).content.decode()


def test_page_has_korean_landmarks_skip_link_and_masthead(client, demo, settings):
    settings.REGISTRY_ORGANISATION = "부산광역시 해운대구"
    soup = BeautifulSoup(get(client).content, "html.parser")
    assert soup.html["lang"] == "ko"
    assert soup.select_one("#krds-skip-link a")["href"] == "#main"
    assert soup.find("main", id="main") and soup.find("header") and soup.find("footer")
    assert "이 누리집은 대한민국 공식 전자정부 누리집입니다." in soup.text
    assert "부산광역시 해운대구" in soup.find("header").text
    assert soup.find("nav", attrs={"aria-label": "현재 경로"})


def test_public_pages_have_no_inline_script_or_style(client, demo):
    official = demo["2023-13"].project_officials.first().official
    for url in [reverse("register"), reverse("register") + "?q=청년", official.get_absolute_url()]:
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        assert not soup.find("style"), url
        assert not soup.find(attrs={"style": True}), url
        assert all(tag.get("src") for tag in soup.find_all("script")), url


def test_intro_describes_what_the_register_shows(client, demo):
    """The register lists projects, not people: its intro says what a click on a project gives."""
    soup = BeautifulSoup(get(client).content, "html.parser")
    lead = soup.select_one(".page-lead").get_text()
    assert "정책사업명을 누르면 사업내역서" in lead
    assert "이름을 누르면" not in lead and not soup.select(".register-table a.person")


def test_the_site_icon_exists_where_browsers_look(client, db):
    """Pages link the icon, and /favicon.ico (asked for anyway) leads to it: no 404 per page."""
    soup = BeautifulSoup(get(client).content, "html.parser")
    from django.contrib.staticfiles import finders

    icon = soup.find("link", rel="icon")["href"]
    assert icon == "/static/favicon.ico" and finders.find("favicon.ico")
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == icon
