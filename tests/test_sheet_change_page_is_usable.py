"""The sheet's change page stays usable however many phases a sheet has: each phase is one
summary line (period and heading) until opened, rows do not repeat their content above their
inputs, and a refused save lists every error at the top with a link to its field, the phases in
error opened."""

import pytest
from bs4 import BeautifulSoup
from django import forms

from tests.sheet_builders import project_with_phases
from tests.staff import COORDINATOR, change_url, client_for, load_form, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return client_for(staff_user("coordinator", COORDINATOR))


@pytest.fixture
def project():
    return project_with_phases(4)


def page_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def phase_rows(page):
    return [row for row in page.select("#phases-group .sheet-phase")
            if "empty-form" not in row["class"]]


def test_each_phase_is_one_closed_summary_line_with_its_period_and_heading(staff, project):
    page = page_of(staff.get(change_url(project)))
    rows = phase_rows(page)
    assert len(rows) == 4
    for row, phase in zip(rows, project.phases.order_by("order"), strict=True):
        details = row.find("details")
        assert not details.has_attr("open")
        summary = " ".join(details.find("summary").get_text().split())
        first_item = phase.items.order_by("order").first().text
        assert summary == f"{phase.period_display} {phase.heading or first_item}"
    assert page.select_one("#phases-empty details").has_attr("open")  # a new phase shows its fields


def test_rows_do_not_repeat_their_content_above_their_inputs(staff, project):
    page = page_of(staff.get(change_url(project)))
    assert page.select("td.original") and not page.select("td.original p")
    texts = [item.text for phase in project.phases.all() for item in phase.items.all()]
    shown = page.get_text()
    for text in texts[:5]:
        assert shown.count(text) <= 1  # the input's value is not text; the summary may show one


def test_a_refused_save_lists_its_errors_at_the_top_with_links(staff, project):
    data = load_form(staff, project)
    data["title"] = [""]
    data["phases-2-items-1-text"] = [""]
    page = page_of(staff.post(change_url(project), data))

    summary = page.select_one("#sheet-errors")
    assert summary["role"] == "alert"
    assert "저장하지 못했습니다. 고칠 곳 2곳" in summary.get_text()
    links = {a["href"]: " ".join(a.get_text().split()) for a in summary.select("a")}
    required = str(forms.Field.default_error_messages["required"])  # Django's own, in Korean
    assert links == {
        "#id_title": f"정책사업명: {required}",
        "#id_phases-2-items-1-text": f"주요 추진내용 3번째 › 추진내용 항목 2번째 › 내용: {required}",
    }
    for href in links:
        assert page.select_one(href) is not None
    opened = [row["id"] for row in phase_rows(page) if row.find("details").has_attr("open")]
    assert opened == ["phases-2"]


def test_an_error_of_a_whole_list_links_to_that_list(staff, project):
    data = load_form(staff, project)
    data["phases-1-items-0-level"] = ["2"]  # a sub-item with no item above it
    page = page_of(staff.post(change_url(project), data))
    link = page.select_one("#sheet-errors a")
    assert link["href"] == "#phases-1-items-group" and page.select_one(link["href"])
    assert "추진내용" in link.get_text()
    assert [row["id"] for row in phase_rows(page) if row.find("details").has_attr("open")] == ["phases-1"]


def test_the_page_loads_its_script_and_styles_from_files(staff, project):
    page = page_of(staff.get(change_url(project)))
    assert page.select_one("script[src$='js/admin-sheet.js']")
    assert not [s for s in page.find_all("script") if s.string and s.string.strip()]
    assert not page.find_all("style") and not page.select("[style]")
