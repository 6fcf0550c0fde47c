"""The sheet's change page in a real browser: a 60-phase sheet (5 bullets and 3 people each)
opens with its phases folded, takes an edit inside one phase and saves; a refused save's error
summary leads to the field, opening its phase."""

import importlib

import pytest
from django.contrib.auth.models import User

from tests.browsing import *  # noqa: F403  (chromium, a page; skips without chromium)
from tests.sheet_builders import project_with_phases
from tests.staff import change_url


@pytest.fixture
def staff_page(page, live_server, transactional_db):  # noqa: F811
    """A page logged in to the admin as a superuser; the standard criteria seeded again (a
    transactional test starts from empty tables)."""
    from django.apps import apps

    importlib.import_module("projects.migrations.0002_standard_selection_criteria").seed(apps, None)
    User.objects.create_superuser("door", "door@example.com", "door-browser-pw")
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "door")
    page.fill("#id_password", "door-browser-pw")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    return page


def test_a_sixty_phase_sheet_opens_folded_takes_an_edit_and_saves(staff_page, live_server):
    page = staff_page
    project = project_with_phases(60, items=5)
    page.set_default_timeout(120_000)  # a page of ~4,000 fields on a busy machine
    page.goto(live_server.url + change_url(project))

    phases = page.locator("#phases-group .sheet-phase.has_original")
    assert phases.count() == 60
    assert page.locator("#phases-group .sheet-phase.has_original details[open]").count() == 0
    thirty_first = page.locator("#phases-30")
    heading = thirty_first.locator("#id_phases-30-heading")
    assert not heading.is_visible()
    thirty_first.locator("summary").click()
    assert heading.is_visible()
    heading.fill("「31단계」 중간 점검")
    heading.press("Tab")
    assert thirty_first.locator("summary").inner_text().split() == ["'22.", "7.", "~", "'22.", "7.",
                                                                     "「31단계」", "중간", "점검"]
    page.get_by_role("button", name="저장", exact=True).click()
    page.wait_for_url("**/admin/projects/policyproject/")

    assert project.registration_number in page.locator(".messagelist .success").inner_text()
    assert project.phases.get(order=30).heading == "「31단계」 중간 점검"
    assert project.phases.count() == 60


def test_the_error_summary_leads_to_the_field_inside_its_phase(staff_page, live_server):
    page = staff_page
    project = project_with_phases(3)
    page.goto(live_server.url + change_url(project))
    page.locator("#phases-1 summary").click()
    page.fill("#id_phases-1-items-2-text", "")
    page.locator("#phases-1 summary").click()  # folded again before saving
    page.get_by_role("button", name="저장", exact=True).click()
    page.wait_for_load_state()

    summary = page.get_by_role("alert")
    assert "저장하지 못했습니다. 고칠 곳 1곳" in summary.inner_text()
    assert page.evaluate("document.activeElement.id") == "sheet-errors"
    page.locator("#phases-1 summary").click()  # staff fold the phase in error away
    summary.get_by_role("link").click()
    field = page.locator("#id_phases-1-items-2-text")
    assert field.is_visible()
    assert page.evaluate("document.activeElement.id") == "id_phases-1-items-2-text"


def test_a_new_phase_with_a_bullet_is_added_open_and_saved(staff_page, live_server):
    page = staff_page
    project = project_with_phases(2)
    page.goto(live_server.url + change_url(project))
    page.locator("#phases-group > fieldset > .djn-add-item a.djn-add-handler").click()
    new = page.locator("#phases-2")
    assert new.locator("details").get_attribute("open") is not None
    new.locator("#id_phases-2-started_on").fill("2024-03")
    new.locator("#id_phases-2-heading").fill("「3단계」 새 추진")
    new.locator("#phases-2-items-group .djn-add-handler").first.click()
    new.locator("#id_phases-2-items-0-text").fill("새 단계의 첫 항목")
    page.get_by_role("button", name="저장", exact=True).click()
    page.wait_for_url("**/admin/projects/policyproject/")

    added = project.phases.get(heading="「3단계」 새 추진")
    assert [item.text for item in added.items.all()] == ["새 단계의 첫 항목"]
    assert project.phases.count() == 3
