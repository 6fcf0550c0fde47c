"""`load_demo` builds the seed sheet 2023-13 exactly as published, and is idempotent."""

from datetime import date

import pytest
from django.core.management import call_command

from projects.models import PolicyProject
from timeline.models import Phase

pytestmark = pytest.mark.django_db

MARKS = {0: "□", 1: "○", 2: "-"}


def assert_in_order(haystack: str, needles: list[str]) -> None:
    position = 0
    for needle in needles:
        found = haystack.find(needle, position)
        assert found >= 0, f"not found after position {position}: {needle!r}"
        position = found + len(needle)


def test_seed_sheet_cells_are_loaded_as_published(seed_project, seed_text):
    project = PolicyProject.objects.for_sheet().get(pk=seed_project.pk)
    assert project.registration_number == "2023-13"
    assert project.department.name == "복지정책과"
    assert f"{project.title}({project.get_status_display()})" in seed_text
    assert project.background in seed_text
    assert project.selection_criterion.short_name == "구정주요현안"
    assert project.period_display == "2021. 7월 ~ 계속"
    officials = " / ".join(f"{o.role_label} {o.official.name}" for o in project.project_officials.all())
    assert officials == "복지정책과장 이춘배 / 담당 행정6급 서민경"


def test_seed_outline_has_every_item_at_its_level_in_order(seed_project, seed_text):
    items = list(seed_project.outline_items.all())
    assert [item.level for item in items] == [0, 1, 0, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2]
    outline_cell = seed_text.split("⑤ 사업개요")[1].split("⑥ 담당자")[0]
    assert_in_order(outline_cell, [item.text for item in items])
    assert [item.text for item in items if item.level == 0] == ["추진목표", "추진내용"]


def test_seed_phases_have_heading_items_period_and_officials_in_order(seed_project, seed_text):
    phases = list(Phase.objects.filter(project=seed_project).prefetch_related("items", "officials__official"))
    assert [phase.period_display for phase in phases] == [
        "'21. 8. ~ '21. 10.", "'21. 8. ~ '22. 11.", "'22. 1. ~ '22. 12.",
        "'23. 1. ~ '23. 6.", "'23. 7. ~ '23. 8.",
    ]
    assert [phase.heading for phase in phases] == [
        "「중구 1인가구 지원 조례」수립 및 성과관리 추진", "「1인가구 소통공간」 조성", "", "", "",
    ]
    expected_rows = []
    for phase in phases:
        marks = " ".join(f"{'▶' if i.level == 1 else '·'} {i.text}" for i in phase.items.all())
        people = " ".join(f"{o.official.name} {o.position}" for o in phase.officials.all())
        expected_rows += [f"{phase.heading} {marks}".strip(), phase.period_display, people]
    assert_in_order(seed_text, [row for row in expected_rows if row])
    assert "▶ 1인가구 소통공간 <놀다가> 개소 및 운영 : '23. 1. 28." in seed_text
    assert phases[3].items.all()[0].text == "1인가구 소통공간 <놀다가> 개소 및 운영 : '23. 1. 28."
    assert list(phases[4].items.all()) == []


def test_the_same_person_is_one_official_across_the_sheet(seed_project):
    roles = seed_project.project_officials.select_related("official")
    head = roles.get(role_label="복지정책과장").official
    assert head.phase_roles.get().phase.started_on == date(2023, 7, 1)


def test_demo_has_other_departments_years_states_and_criteria(demo):
    projects = PolicyProject.objects.all()
    assert projects.values("department").distinct().count() >= 5
    assert {p.registration_year for p in projects} >= {2022, 2023, 2024, 2025}
    assert {p.status for p in projects} >= {"ongoing", "completed"}
    assert projects.values("selection_criterion").distinct().count() >= 4
    assert projects.published().count() >= 5


def test_second_run_changes_nothing(demo, capsys):
    before = list(PolicyProject.objects.values_list("pk", "updated_at", "version"))
    counts = (Phase.objects.count(), PolicyProject.objects.count())
    call_command("load_demo")
    assert list(PolicyProject.objects.values_list("pk", "updated_at", "version")) == before
    assert (Phase.objects.count(), PolicyProject.objects.count()) == counts
    assert "이미 있음" in capsys.readouterr().out


def test_debug_run_prints_a_staff_login(db, settings, capsys):
    from django.contrib.auth import get_user_model

    settings.DEBUG = True
    call_command("load_demo")
    out = capsys.readouterr().out
    assert "아이디: demo" in out and "비밀번호: " in out
    assert get_user_model().objects.get(username="demo").is_staff


def test_the_printed_admin_address_is_where_make_run_serves(db, settings, capsys):
    """``make run HOST=127.0.0.1:8311`` serves there and load_demo prints that address."""
    import subprocess
    from pathlib import Path

    settings.DEBUG = True
    call_command("load_demo", host="127.0.0.1:8311")
    assert "http://127.0.0.1:8311/admin/" in capsys.readouterr().out
    call_command("load_demo", host="127.0.0.1:8311")  # the account exists: still says where
    assert "http://127.0.0.1:8311/admin/" in capsys.readouterr().out
    root = Path(__file__).resolve().parent.parent
    plan = subprocess.run(["make", "-n", "run", "HOST=127.0.0.1:8311"], cwd=root,
                          capture_output=True, text=True, check=True).stdout
    assert "load_demo --host 127.0.0.1:8311" in plan and "runserver 127.0.0.1:8311" in plan
