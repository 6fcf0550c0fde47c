"""A posted id no database can hold (a damaged form, a hand-made post) in an admin picker is a
Korean form error, never a 500: the form comes back with the error and nothing is saved — on a
meeting (attendees and remarks), an opinion, a document, the sheet's ⑥ 담당자 and phase
officials, an official and an application."""

import pytest
from django.urls import reverse
from reversion.models import Version

from projects.models import Application, Official
from tests.applications import change_url as application_url
from tests.applications import submitted
from tests.conftest import form_data
from tests.factories import (
    DepartmentFactory,
    DocumentFactory,
    MeetingAttendeeFactory,
    MeetingFactory,
    MeetingRemarkFactory,
    OfficialFactory,
    OpinionFactory,
    PhaseFactory,
    PhaseOfficialFactory,
    PolicyProjectFactory,
    ProjectOfficialFactory,
)
from tests.staff import COORDINATOR, DEPARTMENT_STAFF, change_url, client_for, load_form, staff_user

pytestmark = pytest.mark.django_db

TOO_BIG = "99999999999999999999"


@pytest.fixture
def phase():
    project = PolicyProjectFactory(department=DepartmentFactory(name="복지정책과"))
    phase = PhaseFactory(project=project)
    ProjectOfficialFactory(project=project)
    PhaseOfficialFactory(phase=phase)
    return phase


@pytest.fixture
def clerk(phase):
    client = client_for(staff_user("서민경", DEPARTMENT_STAFF, departments=["복지정책과"]))
    client.raise_request_exception = False
    return client


def post_changed(client, url, form_id, **changes):
    page = client.get(url)
    assert page.status_code == 200
    data = form_data(page.content.decode(), form_id)
    data.update({name: [value] for name, value in changes.items()})
    return client.post(url, data)


def assert_form_error(response):
    assert response.status_code == 200, response.status_code
    assert "올바르게 선택해 주세요" in response.content.decode()


def revisions(project):
    return Version.objects.get_for_object(project).count()


@pytest.mark.parametrize("field", ["attendees-0-official", "remarks-0-official"])
def test_a_meeting(clerk, phase, field):
    meeting = MeetingFactory(phase=phase)
    MeetingAttendeeFactory(meeting=meeting)
    MeetingRemarkFactory(meeting=meeting)
    before = revisions(phase.project)
    url = reverse("admin:projects_meeting_change", args=[meeting.pk])
    assert_form_error(post_changed(clerk, url, "meeting_form", **{field: TOO_BIG}))
    assert revisions(phase.project) == before


@pytest.mark.parametrize(("model", "make", "field"), [
    ("opinion", lambda phase: OpinionFactory(phase=phase), "official"),
    ("document", lambda phase: DocumentFactory(project=phase.project), "department"),
])
def test_an_opinion_or_a_document(clerk, phase, model, make, field):
    record = make(phase)
    url = reverse(f"admin:projects_{model}_change", args=[record.pk])
    assert_form_error(post_changed(clerk, url, f"{model}_form", **{field: TOO_BIG}))


@pytest.mark.parametrize("field", ["project_officials-0-official", "phases-0-officials-0-official"])
def test_the_sheet(clerk, phase, field):
    project = phase.project
    data = load_form(clerk, project)
    data[field] = [TOO_BIG]
    response = clerk.post(change_url(project), data)
    assert response.status_code == 200, response.status_code
    assert revisions(project) == 0


def test_an_official_and_an_application(phase):
    coordinator = client_for(staff_user("총괄", COORDINATOR))
    coordinator.raise_request_exception = False
    official = OfficialFactory()
    url = reverse("admin:projects_official_change", args=[official.pk])
    assert_form_error(post_changed(coordinator, url, "official_form", department=TOO_BIG))
    assert Official.objects.get(pk=official.pk).department_id == official.department_id
    application = submitted()
    response = post_changed(coordinator, application_url(application), "application_form",
                            project=TOO_BIG, department=TOO_BIG)
    assert_form_error(response)
    assert Application.objects.get().department_id is None
