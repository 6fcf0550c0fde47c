"""Importing published sheets: the seed round trip, all-or-nothing on every bad input."""

import shutil
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from projects.importer.services import SheetImportError, sheet_from_parsed, sheet_import
from projects.models import Department, Official, PolicyProject
from projects.rendering.sheet import sheet_from_project
from tests.conftest import DATA, SEED_PATH

pytestmark = pytest.mark.django_db
SECOND_PATH = DATA / "sheet-2024-07.md"


def run(*args):
    call_command("import_sheet", *map(str, args))


def table_counts():
    from timeline.models import Phase, PhaseItem, PhaseOfficial

    models = [PolicyProject, Department, Official, Phase, PhaseItem, PhaseOfficial]
    return [model.objects.count() for model in models]


def texts(sheet):
    """Every text of a sheet in reading order (what a reader compares)."""
    def walk(bullets):
        for bullet in bullets:
            yield bullet.text
            yield from walk(bullet.children)

    out = [sheet.registration_number, sheet.department, sheet.title, sheet.status,
           sheet.background, *walk(sheet.outline)]
    out += [f"{p.label} {p.name}" for p in sheet.officials]
    out += [sheet.criterion, sheet.period]
    for phase in sheet.phases:
        out += [phase.heading, *walk(phase.items), phase.period]
        out += [f"{p.name} {p.label}" for p in phase.people]
    return out


def imported_sheet(number):
    return sheet_from_project(PolicyProject.objects.for_sheet().get(registration_number=number))


def test_seed_round_trip_gives_the_published_sheet(demo, seed_text):
    """The demo's 2023-13 was typed from the seed; importing the seed over it changes no text."""
    before = texts(imported_sheet("2023-13"))
    run(SEED_PATH, "--replace")
    after = texts(imported_sheet("2023-13"))
    assert after == before
    assert "1인가구 소통공간 <놀다가> 개소 및 운영 : '23. 1. 28." in after


def test_import_into_empty_register_prints_what_it_found(db, capsys):
    run(SEED_PATH, "--publish")
    out = capsys.readouterr().out
    assert "2023-13 1인가구도 행복한 중구 조성: 사업개요 13항목, 주요 추진내용 5건, 담당자 2명" in out
    assert "새로 등록했습니다" in out
    project = PolicyProject.objects.get()
    assert project.is_published and project.department.name == "복지정책과"
    assert [o.name for o in Official.objects.order_by("name")].count("서민경") == 1


def test_existing_number_is_refused_without_replace_and_nothing_changes(demo, capsys):
    counts, version = table_counts(), PolicyProject.objects.get(registration_year=2023).version
    with pytest.raises(CommandError):
        run(SEED_PATH)
    assert "등록번호 2023-13은(는) 이미 등록되어 있습니다" in capsys.readouterr().err
    assert table_counts() == counts
    assert PolicyProject.objects.get(registration_year=2023).version == version


def test_replace_keeps_the_project_and_bumps_its_version(demo):
    project = PolicyProject.objects.get(registration_number="2023-13")
    run(SEED_PATH, "--replace")
    again = PolicyProject.objects.get(pk=project.pk)
    assert again.version == project.version + 1
    assert again.published_at == project.published_at


def test_dry_run_saves_nothing(db, capsys):
    counts = table_counts()
    run(SEED_PATH, "--dry-run")
    assert "확인만 했습니다" in capsys.readouterr().out
    assert table_counts() == counts


def test_officials_are_matched_by_name_and_department(demo):
    lee = Official.objects.get(name="이춘배", department__name="복지정책과")
    other_lee = Official.objects.create(name="이춘배", affiliation="외부 자문위원")
    run(SEED_PATH, "--replace")
    roles = PolicyProject.objects.get(registration_year=2023).project_officials.all()
    assert roles[0].official == lee
    assert not other_lee.project_roles.exists()


def test_second_sheet_new_department_completed_and_shared_person(db):
    result = sheet_import(source=SECOND_PATH.read_bytes(), filename=SECOND_PATH.name)
    project = PolicyProject.objects.for_sheet().get(pk=result.project.pk)
    assert project.status == "completed" and project.ended_on is not None
    assert project.department.name != "복지정책과"
    sheet = sheet_from_project(project)
    assert any(not phase.items and not phase.heading for phase in sheet.phases)
    ids = [person.official_id for phase in sheet.phases for person in phase.people]
    assert len(ids) > len(set(ids)), "a person in two phases is one official"
    def unlinked(phases):
        return [(p.heading, p.items, p.period, [(x.name, x.label) for x in p.people]) for p in phases]

    assert unlinked(sheet_from_parsed(result.parsed).phases) == unlinked(sheet.phases)


def test_euc_kr_file_imports_correctly(db):
    result = sheet_import(source=(DATA / "sheet-2023-13-euckr.md").read_bytes())
    assert texts(sheet_from_project(PolicyProject.objects.for_sheet().get(pk=result.project.pk)))[2] == (
        "1인가구도 행복한 중구 조성"
    )


BAD_INPUTS = {
    "empty": (b"", "비어"),
    "not a sheet": ("# 회의록\n\n오늘 회의는 없었습니다.\n".encode(), "①"),
    "binary": (bytes(range(256)) * 40, "텍스트"),
    "too big": (b"a" * (10 * 1024 * 1024), "MB"),
}


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_bad_file_is_refused_with_a_korean_message(db, tmp_path, capsys, name):
    data, words = BAD_INPUTS[name]
    path = tmp_path / "bad.md"
    path.write_bytes(data)
    counts = table_counts()
    with pytest.raises(CommandError):
        run(path)
    err = capsys.readouterr().err
    assert "가져오지 못했습니다" in err and words in err and "Traceback" not in err
    assert table_counts() == counts


@pytest.mark.parametrize(("old", "new", "words"), [
    ("| ① 등록번호 | 2023-13 |", "| 등록 | 2023-13 |", "①"),
    ("'21. 8. ~ '21. 10.", "'21. 13. ~ '21. 10.", "'21. 13."),
    ("| ① 등록번호 | 2023-13 |", "| ① 등록번호 | 2023-XX |", "2023-XX"),
    ("| 구정주요현안 |", "| 없는 기준 |", "구정주요현안, 10억원"),
])
def test_bad_cell_names_the_cell_and_text_and_saves_nothing(db, tmp_path, capsys, old, new, words):
    seed = SEED_PATH.read_text(encoding="utf-8")
    assert old in seed
    path = tmp_path / "sheet.md"
    path.write_text(seed.replace(old, new, 1), encoding="utf-8")
    counts = table_counts()
    with pytest.raises(CommandError):
        run(path)
    assert words in capsys.readouterr().err
    assert table_counts() == counts


def test_failure_in_one_file_keeps_the_others(db, tmp_path):
    shutil.copy(SEED_PATH, tmp_path / "good.md")
    (tmp_path / "bad.md").write_bytes(b"")
    with pytest.raises(CommandError, match="2개 파일 중 1개"):
        run(tmp_path / "bad.md", tmp_path / "good.md")
    assert PolicyProject.objects.filter(registration_number="2023-13").exists()


def test_error_late_in_the_sheet_rolls_back_everything(db):
    seed = SEED_PATH.read_text(encoding="utf-8")
    long_text = "가" * 600  # longer than an item may be, in the last phase with content
    source = seed.replace("네이버카페 활성화 : 920명", long_text).encode()
    counts = table_counts()
    with pytest.raises(SheetImportError, match="주요 추진내용 4번째 행"):
        sheet_import(source=source)
    assert table_counts() == counts
    assert not Department.objects.filter(name="복지정책과").exists()


def test_imported_periods_are_months(db):
    project = sheet_import(source=SEED_PATH.read_bytes()).project
    assert project.started_on == date(2021, 7, 1) and project.ended_on is None


def test_html_page_of_the_seed_imports_the_same_sheet(db):
    markdown = sheet_import(source=SEED_PATH.read_bytes(), dry_run=True).parsed
    html = sheet_import(source=(DATA / "sheet-2023-13.html").read_bytes(), filename="2023-13.html")
    assert html.parsed == markdown
    assert texts(imported_sheet("2023-13"))[5] == "추진목표"


def test_import_is_recorded_as_one_revision_of_the_whole_sheet(db):
    from reversion.models import Version

    from projects.history.stored import sheet_from_revision

    project = sheet_import(source=SEED_PATH.read_bytes(), filename="seed.md").project
    versions = Version.objects.get_for_object(project)
    assert versions.count() == 1
    revision = versions.get().revision
    assert revision.comment == "사업내역서 가져오기 (seed.md)"
    assert texts(sheet_from_revision(revision)) == texts(imported_sheet("2023-13"))
