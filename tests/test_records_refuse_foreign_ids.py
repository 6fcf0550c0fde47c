"""A 사업부서 담당자 editing a record of their own sheet cannot reach another department's rows by
posting their ids: an attendee, a remark, a phase, a meeting or a document of another sheet is a
Korean form error, nothing is saved, and the other sheet keeps its rows, version and history."""

import pytest
from django.urls import reverse
from reversion.models import Version

from projects.models import Document, Meeting, MeetingAttendee, MeetingRemark, Opinion, OpinionKind
from tests.factories import (
    DepartmentFactory,
    DocumentFactory,
    MeetingAttendeeFactory,
    MeetingFactory,
    MeetingRemarkFactory,
    OfficialFactory,
    OpinionFactory,
    PhaseFactory,
    PolicyProjectFactory,
)
from tests.staff import DEPARTMENT_STAFF, client_for, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def own():
    project = PolicyProjectFactory(department=DepartmentFactory(name="복지정책과"))
    phase = PhaseFactory(project=project)
    meeting = MeetingFactory(phase=phase)
    return {"project": project, "phase": phase, "meeting": meeting,
            "attendee": MeetingAttendeeFactory(meeting=meeting),
            "remark": MeetingRemarkFactory(meeting=meeting),
            "opinion": OpinionFactory(phase=phase), "document": DocumentFactory(project=project)}


@pytest.fixture
def other():
    project = PolicyProjectFactory(department=DepartmentFactory(name="청년정책과"))
    phase = PhaseFactory(project=project)
    meeting = MeetingFactory(phase=phase)
    return {"project": project, "phase": phase, "meeting": meeting,
            "attendee": MeetingAttendeeFactory(meeting=meeting, name="남의 참석자", official=None,
                                               affiliation="청년정책과"),
            "remark": MeetingRemarkFactory(meeting=meeting, text="남의 발언"),
            "opinion": OpinionFactory(phase=phase), "document": DocumentFactory(project=project)}


@pytest.fixture
def clerk(own):
    return client_for(staff_user("서민경", DEPARTMENT_STAFF, departments=["복지정책과"]))


def snapshot(side):
    project = side["project"]
    project.refresh_from_db()
    return (project.version, Version.objects.get_for_object(project).count(),
            sorted(MeetingAttendee.objects.filter(meeting__phase__project=project)
                   .values_list("pk", "meeting_id", "name", "order")),
            sorted(MeetingRemark.objects.filter(meeting__phase__project=project)
                   .values_list("pk", "meeting_id", "text", "order")),
            sorted(Opinion.objects.filter(phase__project=project).values_list("pk", "phase_id", "text")),
            sorted(Document.objects.filter(project=project).values_list("pk", "meeting_id", "title")),
            sorted(Meeting.objects.filter(phase__project=project).values_list("pk", "phase_id", "name")))


def meeting_post(own, *, attendee=None, remark=None, **changes) -> dict:
    meeting, official = own["meeting"], OfficialFactory()
    attendee = attendee or own["attendee"]
    remark = remark or own["remark"]
    return {
        "phase": str(own["phase"].pk), "name": meeting.name, "held_at_0": "2024-03-14",
        "held_at_1": "14:00", "place": meeting.place, "decision": meeting.decision,
        "votes_for": "", "votes_against": "", "votes_abstain": "",
        "attendees-TOTAL_FORMS": "1", "attendees-INITIAL_FORMS": "1",
        "attendees-MIN_NUM_FORMS": "0", "attendees-MAX_NUM_FORMS": "100",
        "attendees-0-id": str(attendee.pk), "attendees-0-meeting": str(meeting.pk),
        "attendees-0-official": str(official.pk), "attendees-0-name": "", "attendees-0-affiliation": "",
        "attendees-0-role": "위원",
        "remarks-TOTAL_FORMS": "1", "remarks-INITIAL_FORMS": "1",
        "remarks-MIN_NUM_FORMS": "0", "remarks-MAX_NUM_FORMS": "200",
        "remarks-0-id": str(remark.pk), "remarks-0-meeting": str(meeting.pk),
        "remarks-0-official": str(official.pk), "remarks-0-speaker_name": "",
        "remarks-0-text": "옮겨 온 발언", "loaded_version": str(own["project"].version),
        **changes,
    }


def change(model, obj):
    return reverse(f"admin:projects_{model}_change", args=[obj.pk])


def assert_refused(response, own, other, before_own, before_other):
    assert response.status_code in (200, 403), response.status_code
    body = response.content.decode()
    assert any(text in body for text in ("올바르게 선택해 주세요", "아닌 행", "이 사업내역서의 행이 아닌",
                                         "다른 부서")), body[:3000]
    assert snapshot(own) == before_own
    assert snapshot(other) == before_other


@pytest.mark.parametrize("kind", ["attendees", "remarks"])
@pytest.mark.parametrize("delete", [False, True], ids=["move", "delete"])
def test_a_meeting_form_cannot_move_or_delete_another_sheets_attendee_or_remark(
        clerk, own, other, kind, delete):
    before_own, before_other = snapshot(own), snapshot(other)
    target = {"attendees": {"attendee": other["attendee"]}, "remarks": {"remark": other["remark"]}}[kind]
    data = meeting_post(own, **target)
    if delete:
        data[f"{kind}-0-DELETE"] = "on"
    response = clerk.post(change("meeting", own["meeting"]), data)
    assert_refused(response, own, other, before_own, before_other)


def test_a_new_meeting_cannot_adopt_another_sheets_attendee(clerk, own, other):
    before_own, before_other = snapshot(own), snapshot(other)
    data = meeting_post(own, attendee=other["attendee"], remark=other["remark"])
    url = reverse("admin:projects_meeting_add") + f"?project={own['project'].pk}"
    response = clerk.post(url, data)
    assert_refused(response, own, other, before_own, before_other)


@pytest.mark.parametrize("field, target", [("phase", "phase"), ("meeting", "meeting")])
def test_a_document_cannot_point_at_another_sheets_phase_or_meeting(clerk, own, other, field, target):
    document = own["document"]
    before_own, before_other = snapshot(own), snapshot(other)
    data = {"title": "바뀐 제목", "kind": "plan", "date": "2024-02-10",
            "department": str(document.department_id), "document_number": "",
            "phase": "", "meeting": "", "disclosure": "open", "ground": "",
            "url": "https://www.open.go.kr/", field: str(other[target].pk),
            "loaded_version": str(own["project"].version)}
    response = clerk.post(change("document", document), data)
    assert_refused(response, own, other, before_own, before_other)


def test_an_opinion_cannot_be_moved_under_another_sheets_phase(clerk, own, other):
    opinion = own["opinion"]
    before_own, before_other = snapshot(own), snapshot(other)
    response = clerk.post(change("opinion", opinion), {
        "phase": str(other["phase"].pk), "official": str(opinion.official_id),
        "position_then": "과장", "date": "2024-03-05",
        "kind": str(OpinionKind.objects.first().pk), "text": "옮긴 의견",
        "loaded_version": str(own["project"].version)})
    assert_refused(response, own, other, before_own, before_other)


@pytest.mark.parametrize("model", ["opinion", "meeting", "document"])
def test_the_list_action_cannot_delete_another_departments_records(clerk, own, other, model):
    before_own, before_other = snapshot(own), snapshot(other)
    response = clerk.post(reverse(f"admin:projects_{model}_changelist"), {
        "action": "delete_selected", "_selected_action": [str(other[model].pk)], "post": "yes"})
    assert response.status_code in (200, 302, 403)
    assert snapshot(other) == before_other
    assert snapshot(own) == before_own


@pytest.mark.parametrize("model", ["opinion", "meeting", "document"])
def test_another_departments_record_cannot_be_opened_changed_or_deleted(clerk, own, other, model):
    before_other = snapshot(other)
    record = other[model]
    assert clerk.get(change(model, record)).status_code == 403
    assert clerk.post(change(model, record), {"name": "x"}).status_code == 403
    assert clerk.post(reverse(f"admin:projects_{model}_delete", args=[record.pk]),
                      {"post": "yes"}).status_code == 403
    assert clerk.get(reverse(f"admin:projects_{model}_history", args=[record.pk])).status_code in (403, 404)
    assert snapshot(other) == before_other
