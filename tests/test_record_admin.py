"""Staff record opinions, documents and meetings in the admin: scoped like the sheet, one revision
per save, and bad input answered in Korean with nothing saved."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from reversion.models import Version

from projects.models import Document, Meeting, MeetingAttendee, MeetingRemark, Opinion, OpinionKind
from tests import files
from tests.conftest import form_data
from tests.factories import (
    DepartmentFactory,
    DocumentFactory,
    MeetingFactory,
    OfficialFactory,
    PhaseFactory,
    PolicyProjectFactory,
)
from tests.staff import COORDINATOR, DEPARTMENT_STAFF, change_url, client_for, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def project():
    project = PolicyProjectFactory(department=DepartmentFactory(name="복지정책과"),
                                   registration_number="2023-77")
    PhaseFactory(project=project)
    return project


@pytest.fixture
def coordinator():
    return client_for(staff_user("총괄", COORDINATOR))


def add_url(model: str, project) -> str:
    return reverse(f"admin:projects_{model}_add") + f"?project={project.pk}"


def document_data(project, **overrides) -> dict:
    return {
        "title": "1인가구 지원대책 추진방향 방침", "kind": "plan", "date": "2021-08-20",
        "department": str(project.department_id), "document_number": "복지정책과-12345",
        "phase": "", "meeting": "", "disclosure": "open", "ground": "", "url": "",
        **overrides,
    }


def meeting_data(phase, attendees=(), remarks=()) -> dict:
    data = {
        "phase": str(phase.pk), "name": "1인가구 지원 유관부서장 회의",
        "held_at_0": "2021-09-14", "held_at_1": "14:00", "place": "기획상황실",
        "decision": "복지정책과가 총괄 관리", "votes_for": "", "votes_against": "", "votes_abstain": "",
        "attendees-TOTAL_FORMS": str(len(attendees)), "attendees-INITIAL_FORMS": "0",
        "attendees-MIN_NUM_FORMS": "0", "attendees-MAX_NUM_FORMS": "100",
        "remarks-TOTAL_FORMS": str(len(remarks)), "remarks-INITIAL_FORMS": "0",
        "remarks-MIN_NUM_FORMS": "0", "remarks-MAX_NUM_FORMS": "200",
    }
    for index, row in enumerate(attendees):
        data.update({f"attendees-{index}-{key}": value for key, value in row.items()})
    for index, row in enumerate(remarks):
        data.update({f"remarks-{index}-{key}": value for key, value in row.items()})
    return data


def revisions_of(project) -> int:
    return Version.objects.get_for_object(project).count()


def test_the_change_page_links_to_the_records_of_the_sheet(coordinator, project):
    page = coordinator.get(change_url(project)).content.decode()
    records = reverse("admin:projects_document_records", args=[project.pk])
    assert records in page
    hub = coordinator.get(records).content.decode()
    assert f"{reverse('admin:projects_meeting_add')}?project={project.pk}" in hub
    assert "관련 자료 추가" in hub


def test_a_document_with_a_real_pdf_is_one_new_version(coordinator, project):
    before = revisions_of(project)
    response = coordinator.post(add_url("document", project), {
        **document_data(project), "file": SimpleUploadedFile("방침.pdf", files.pdf_bytes())})
    assert response.status_code == 302
    document = Document.objects.get()
    assert (document.project, document.file_type) == (project, "pdf")
    project.refresh_from_db()
    assert project.version == 2 and revisions_of(project) == before + 1


@pytest.mark.parametrize(("name", "data", "message"), [
    ("방침.pdf", b"MZ\x90\x00" + b"\0" * 500, "실행 파일(EXE·DLL)"),
    ("보고서.pdf", b"<!doctype html><html><body><script>x()</script>", "HTML·SVG·XML 문서"),
    ("보고서.docx", files.zip_bytes({"a.txt": b"x"}), "일반 압축(ZIP) 파일"),
    ("큰자료.pdf", b"%PDF-1.7\n" + b"\0" * (50 * 1024 * 1024), "파일이 너무 큽니다(50.0MB)"),
])
def test_a_bad_file_is_refused_in_korean_and_nothing_is_saved(coordinator, project, name, data, message):
    response = coordinator.post(add_url("document", project), {
        **document_data(project), "file": SimpleUploadedFile(name, data)})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Document.objects.exists()
    project.refresh_from_db()
    assert project.version == 1


def test_a_document_dated_too_early_or_withheld_without_ground_is_refused(coordinator, project):
    response = coordinator.post(add_url("document", project), document_data(
        project, date="2017-05-01", url="https://www.open.go.kr/"))
    assert "등록연도(2023년)보다 5년 넘게 앞섭니다" in response.content.decode()
    response = coordinator.post(add_url("document", project), document_data(
        project, disclosure="closed", url="https://www.open.go.kr/"))
    assert "비공개 근거(정보공개법 제9조 제1항)" in response.content.decode()
    response = coordinator.post(add_url("document", project), document_data(project))
    assert "파일을 올리거나 주소를 적으세요" in response.content.decode()
    assert not Document.objects.exists()


def test_a_meeting_with_attendees_and_remarks_is_one_revision_in_order(coordinator, project):
    phase = project.phases.get()
    chair, member = OfficialFactory(), OfficialFactory()
    before = revisions_of(project)
    response = coordinator.post(add_url("meeting", project), meeting_data(
        phase,
        attendees=[{"official": str(chair.pk), "role": "위원장"},
                   {"name": "김민수", "affiliation": "1인가구 정책지원단", "role": "위원"}],
        remarks=[{"official": str(member.pk), "text": "첫 발언"},
                 {"speaker_name": "김민수(정책지원단)", "text": "둘째 발언"}],
    ))
    assert response.status_code == 302, response.content.decode()[:3000]
    meeting = Meeting.objects.get()
    assert [a.display_name for a in meeting.attendees.all()] == [chair.name, "김민수"]
    assert list(meeting.remarks.values_list("order", "text")) == [(0, "첫 발언"), (1, "둘째 발언")]
    assert revisions_of(project) == before + 1


def test_a_meeting_with_no_attendees_is_refused_and_nothing_saved(coordinator, project):
    response = coordinator.post(add_url("meeting", project), meeting_data(project.phases.get()))
    assert response.status_code == 200
    assert "참석자를 한 명 이상 입력하세요" in response.content.decode()
    assert not Meeting.objects.exists()


def test_half_a_vote_is_refused(coordinator, project):
    data = meeting_data(project.phases.get(), attendees=[{"official": str(OfficialFactory().pk)}])
    data["votes_for"] = "5"
    response = coordinator.post(add_url("meeting", project), data)
    assert "찬성·반대·기권을 모두 입력하거나 모두 비워 두세요" in response.content.decode()
    assert not Meeting.objects.exists() and not MeetingAttendee.objects.exists()


def test_an_opinion_is_recorded_under_a_phase_of_its_sheet(coordinator, project):
    phase = project.phases.get()
    response = coordinator.post(add_url("opinion", project), {
        "phase": str(phase.pk), "official": str(OfficialFactory().pk), "position_then": "과장",
        "date": "2021-08-17", "kind": str(OpinionKind.objects.get(name="수정 의견").pk),
        "text": "고립 예방 조항을 넣을 것"})
    assert response.status_code == 302
    assert Opinion.objects.get().phase == phase


def test_a_posted_phase_of_another_sheet_is_an_invalid_choice(coordinator, project):
    other_phase = PhaseFactory()
    response = coordinator.post(add_url("opinion", project), {
        "phase": str(other_phase.pk), "official": str(OfficialFactory().pk),
        "position_then": "과장", "date": "2021-08-17",
        "kind": str(OpinionKind.objects.first().pk), "text": "남의 단계"})
    assert response.status_code == 200
    assert not Opinion.objects.exists()
    other_meeting = MeetingFactory()
    response = coordinator.post(add_url("document", project), document_data(
        project, meeting=str(other_meeting.pk), url="https://www.open.go.kr/"))
    assert response.status_code == 200 and not Document.objects.exists()


def test_department_staff_cannot_attach_records_to_another_departments_project(project):
    other = PolicyProjectFactory(department=DepartmentFactory(name="청년정책과"))
    other_phase = PhaseFactory(project=other)
    client = client_for(staff_user("서민경", DEPARTMENT_STAFF, departments=["복지정책과"]))
    assert client.get(add_url("document", project)).status_code == 200
    response = client.get(add_url("document", other))
    assert response.status_code == 403
    assert "다른 부서의 사업내역서" in response.content.decode()
    response = client.post(add_url("meeting", other), meeting_data(
        other_phase, attendees=[{"official": str(OfficialFactory().pk)}]))
    assert response.status_code == 403 and not Meeting.objects.exists()
    others_document = DocumentFactory(project=other)
    url = reverse("admin:projects_document_change", args=[others_document.pk])
    assert client.get(url).status_code == 403
    assert client.post(reverse("admin:projects_document_delete", args=[others_document.pk]),
                       {"post": "yes"}).status_code == 403
    assert Document.objects.filter(pk=others_document.pk).exists()
    assert client.get(reverse("admin:projects_document_records", args=[other.pk])).status_code == 403
    listed = client.get(reverse("admin:projects_document_changelist")).content.decode()
    assert others_document.title not in listed


def test_deleting_a_record_is_a_write_of_its_sheet(coordinator, project):
    document = DocumentFactory(project=project)
    before = revisions_of(project)
    url = reverse("admin:projects_document_delete", args=[document.pk])
    confirmation = form_data(coordinator.get(url).content.decode(), "document_delete_form")
    response = coordinator.post(url, confirmation)
    assert response.status_code == 302
    assert not Document.objects.exists()
    assert revisions_of(project) == before + 1


def test_editing_a_meeting_keeps_it_in_one_revision_and_removes_deleted_remarks(coordinator, project):
    phase = project.phases.get()
    official = OfficialFactory()
    coordinator.post(add_url("meeting", project), meeting_data(
        phase, attendees=[{"official": str(official.pk)}],
        remarks=[{"official": str(official.pk), "text": "지울 발언"}]))
    meeting = Meeting.objects.get()
    remark = meeting.remarks.get()
    attendee = meeting.attendees.get()
    project.refresh_from_db()  # the page is opened after the meeting was added
    data = meeting_data(phase)
    data.update({
        "decision": "바뀐 결정",
        "attendees-TOTAL_FORMS": "1", "attendees-INITIAL_FORMS": "1",
        "attendees-0-id": str(attendee.pk), "attendees-0-meeting": str(meeting.pk),
        "attendees-0-official": str(official.pk),
        "remarks-TOTAL_FORMS": "1", "remarks-INITIAL_FORMS": "1",
        "remarks-0-id": str(remark.pk), "remarks-0-meeting": str(meeting.pk),
        "remarks-0-official": str(official.pk), "remarks-0-text": "지울 발언",
        "remarks-0-DELETE": "on", "loaded_version": str(project.version),
    })
    before = revisions_of(project)
    response = coordinator.post(reverse("admin:projects_meeting_change", args=[meeting.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    meeting.refresh_from_db()
    assert meeting.decision == "바뀐 결정" and not MeetingRemark.objects.exists()
    assert revisions_of(project) == before + 1
