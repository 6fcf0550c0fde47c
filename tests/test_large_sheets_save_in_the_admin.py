"""A sheet of 60 phases (5 bullets and 3 people each) saves from its change page, and the field
limit is what the admin's bounds need (``projects.sheet_bounds``), not a guess."""

import pytest
import reversion
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects import sheet_bounds
from tests.sheet_builders import project_with_phases
from tests.staff import COORDINATOR, change_url, client_for, load_form, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return client_for(staff_user("coordinator", COORDINATOR))


def fields_posted_with_every_box_ticked(html: str) -> int:
    """What a browser posts from the change form (templates included), every DELETE ticked."""
    form = BeautifulSoup(html, "html.parser").find("form", id="policyproject_form")
    controls = [f for f in form.find_all(["input", "select", "textarea"])
                if f.get("name") and not f.has_attr("disabled")]
    buttons = [f for f in controls if f.get("type") in ("submit", "button", "reset", "image")]
    return len(controls) - len(buttons) + 1  # the one button pressed


def test_the_field_count_of_the_bounds_is_what_the_page_posts(staff):
    project = project_with_phases(2, items=5)
    posted = fields_posted_with_every_box_ticked(staff.get(change_url(project)).content.decode())
    expected = sheet_bounds.posted_fields(outline=2, officials=2, phases=2, phase_items=5,
                                          phase_officials=3)
    assert posted <= expected <= posted + 6  # the project's own fields are counted generously
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS >= sheet_bounds.MAX_POSTED_FIELDS


def test_a_sixty_phase_sheet_saves_with_the_whole_form(staff):
    project = project_with_phases(60, items=5)
    data = load_form(staff, project)
    assert sum(map(len, data.values())) > 1000  # beyond Django's default limit
    data["phases-59-heading"] = ["「60단계」 마무리 점검"]
    data["phases-30-items-4-text"] = ["31단계 세부 과제 2 (보완)"]
    revisions = reversion.models.Version.objects.get_for_object(project).count()

    response = staff.post(change_url(project), data)

    assert response.status_code == 302, response.context and response.context["errors"]
    last = project.phases.order_by("-order").first()
    assert last.heading == "「60단계」 마무리 점검"
    assert project.phases.get(order=30).items.order_by("order")[4].text == "31단계 세부 과제 2 (보완)"
    assert project.phases.count() == 60
    assert sum(phase.items.count() for phase in project.phases.all()) == 300
    assert reversion.models.Version.objects.get_for_object(project).count() == revisions + 1


def test_a_sheet_over_the_phase_bound_is_refused_in_korean(staff):
    project = project_with_phases(2)
    data = load_form(staff, project)
    data["phases-TOTAL_FORMS"] = [str(sheet_bounds.MAX_PHASES + 1)]
    response = staff.post(change_url(project), data)
    assert response.status_code == 200
    assert f"{sheet_bounds.MAX_PHASES}개까지 입력할 수 있습니다" in response.content.decode()


def test_the_change_page_reads_a_few_queries_a_phase(staff):
    """Per phase: its bullets, its people, and each person shown in the picker: one query each
    (not a query per form, nor per field)."""
    small, large = project_with_phases(2), project_with_phases(12)
    counts = []
    for project in (small, large):
        staff.get(change_url(project))  # warm caches that are not per page
        with CaptureQueriesContext(connection) as queries:
            assert staff.get(change_url(project)).status_code == 200
        counts.append(len(queries))
    per_phase = (counts[1] - counts[0]) / 10
    assert per_phase <= 2 + 3  # bullets, people, three people in pickers
