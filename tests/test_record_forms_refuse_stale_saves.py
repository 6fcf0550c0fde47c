"""A record's change page (opinion, meeting, document) opened before someone else saved the sheet
does not overwrite their work: the save is refused with the Korean stale message and nothing is
written; a page opened afresh saves."""

import pytest
from django.urls import reverse
from reversion.models import Version

from projects.models import Document, Meeting, Opinion
from tests.conftest import form_data
from tests.factories import (
    DepartmentFactory,
    DocumentFactory,
    MeetingAttendeeFactory,
    MeetingFactory,
    OpinionFactory,
    PhaseFactory,
    PolicyProjectFactory,
)
from tests.staff import DEPARTMENT_STAFF, client_for, staff_user
from tests.writes import edit_sheet

pytestmark = pytest.mark.django_db

#: Each record kind: its factory and a text field the clerk changes.
KINDS = {
    "opinion": (lambda phase: OpinionFactory(phase=phase), Opinion, "text"),
    "meeting": (lambda phase: MeetingAttendeeFactory(meeting=MeetingFactory(phase=phase)).meeting,
                Meeting, "decision"),
    "document": (lambda phase: DocumentFactory(project=phase.project), Document, "title"),
}


@pytest.fixture
def phase():
    project = PolicyProjectFactory(department=DepartmentFactory(name="복지정책과"))
    return PhaseFactory(project=project)


@pytest.fixture
def clerk(phase):
    return client_for(staff_user("서민경", DEPARTMENT_STAFF, departments=["복지정책과"]))


def open_form(client, model, record) -> tuple[str, dict]:
    url = reverse(f"admin:projects_{model}_change", args=[record.pk])
    response = client.get(url)
    assert response.status_code == 200
    return url, form_data(response.content.decode(), f"{model}_form")


@pytest.mark.parametrize("model", KINDS)
def test_a_record_page_opened_before_another_save_is_refused(clerk, phase, model):
    make, record_model, field = KINDS[model]
    record = make(phase)
    url, data = open_form(clerk, model, record)
    edit_sheet(phase.project, comment="동료가 먼저 저장")
    project = phase.project
    project.refresh_from_db()
    version, revisions = project.version, Version.objects.get_for_object(project).count()
    before = getattr(record_model.objects.get(pk=record.pk), field)

    data[field] = ["늦게 저장한 내용"]
    response = clerk.post(url, data)

    assert response.status_code == 200
    assert "다른 사용자가 이 사업내역서를 먼저 저장했습니다" in response.content.decode()
    assert getattr(record_model.objects.get(pk=record.pk), field) == before
    project.refresh_from_db()
    assert project.version == version
    assert Version.objects.get_for_object(project).count() == revisions


@pytest.mark.parametrize("model", KINDS)
def test_a_record_page_opened_afresh_saves(clerk, phase, model):
    make, record_model, field = KINDS[model]
    record = make(phase)
    edit_sheet(phase.project, comment="동료가 먼저 저장")
    url, data = open_form(clerk, model, record)
    data[field] = ["새로 연 화면에서 고친 내용"]
    response = clerk.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert getattr(record_model.objects.get(pk=record.pk), field) == "새로 연 화면에서 고친 내용"


def open_delete(client, model, record) -> tuple[str, dict]:
    url = reverse(f"admin:projects_{model}_delete", args=[record.pk])
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="loaded_version"' in html
    return url, form_data(html, f"{model}_delete_form")


@pytest.mark.parametrize("model", KINDS)
def test_a_deletion_confirmed_after_another_save_is_refused(clerk, phase, model):
    make, record_model, _ = KINDS[model]
    record = make(phase)
    url, data = open_delete(clerk, model, record)
    edit_sheet(phase.project, comment="동료가 먼저 저장")
    project = phase.project
    project.refresh_from_db()
    version = project.version

    response = clerk.post(url, data)

    assert "다른 사용자가 이 사업내역서를 먼저 저장했습니다" in response.content.decode()
    assert record_model.objects.filter(pk=record.pk).exists()
    project.refresh_from_db()
    assert project.version == version
    without_version = {key: value for key, value in data.items() if key != "loaded_version"}
    clerk.post(url, without_version)
    assert record_model.objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize("model", KINDS)
def test_a_deletion_confirmed_on_a_fresh_page_deletes(clerk, phase, model):
    make, record_model, _ = KINDS[model]
    record = make(phase)
    edit_sheet(phase.project, comment="동료가 먼저 저장")
    url, data = open_delete(clerk, model, record)
    response = clerk.post(url, data)
    assert response.status_code == 302
    assert not record_model.objects.filter(pk=record.pk).exists()
