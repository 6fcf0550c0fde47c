"""Records beyond the sheet (제63조 ①1, ①2, ②): their rules, and that they are written, versioned
and reverted with the sheet through the door."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.urls import reverse
from reversion.models import Version

from projects.history.revisions import revert_sheet
from projects.models import (
    Document,
    Meeting,
    MeetingAttendee,
    MeetingRemark,
    Opinion,
    OpinionKind,
    PolicyProject,
)
from projects.writing import ForeignRowError, sheet_write
from tests.factories import (
    DocumentFactory,
    MeetingAttendeeFactory,
    MeetingFactory,
    MeetingRemarkFactory,
    OfficialFactory,
    OpinionFactory,
    PhaseFactory,
    PolicyProjectFactory,
)

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def refused(**fields):
    """Saving these fields breaks a constraint: the database refuses and nothing is stored."""
    with pytest.raises(IntegrityError), transaction.atomic():
        fields.pop("factory").create(**fields)


def test_opinion_kinds_are_seeded_as_an_editable_list():
    assert list(OpinionKind.objects.values_list("name", flat=True)) == ["찬성", "반대", "수정 의견", "기타"]
    OpinionKind.objects.create(name="유보", order=9)
    assert OpinionKind.objects.last().name == "유보"


def test_a_withheld_document_names_its_ground_and_an_open_one_does_not():
    refused(factory=DocumentFactory, disclosure=Document.Disclosure.CLOSED, ground="")
    refused(factory=DocumentFactory, disclosure=Document.Disclosure.PARTIAL, ground="")
    refused(factory=DocumentFactory, disclosure=Document.Disclosure.OPEN, ground="6")
    document = DocumentFactory(disclosure=Document.Disclosure.CLOSED, ground="6")
    assert document.get_ground_display().startswith("제6호")


def test_a_document_is_a_file_or_a_link_never_both_nor_neither():
    refused(factory=DocumentFactory, url="")
    with pytest.raises(IntegrityError), transaction.atomic():
        document = DocumentFactory.build(project=PolicyProjectFactory())
        document.file.save("both.pdf", ContentFile(PDF_BYTES), save=False)
        document.save()
    document = DocumentFactory.build(project=PolicyProjectFactory(), url="")
    document.file.save("only.pdf", ContentFile(PDF_BYTES))
    assert document.file.name.startswith("documents/") and document.url == ""


def test_a_document_dated_long_before_registration_is_refused_in_korean():
    project = PolicyProjectFactory(registration_number="2023-77")
    document = DocumentFactory.build(project=project, department=project.department,
                                     date=date(2017, 12, 31))
    with pytest.raises(ValidationError) as error:
        document.full_clean()
    assert "등록연도(2023년)보다 5년 넘게 앞섭니다" in error.value.message_dict["date"][0]
    document.date = date(2018, 1, 1)
    document.full_clean()


def test_a_document_may_not_name_a_phase_or_meeting_of_another_project():
    document = DocumentFactory.build(project=PolicyProjectFactory(), phase=PhaseFactory(),
                                     meeting=MeetingFactory())
    document.department = document.project.department
    with pytest.raises(ValidationError) as error:
        document.full_clean()
    assert set(error.value.message_dict) == {"phase", "meeting"}


def test_votes_are_all_three_counts_or_none():
    refused(factory=MeetingFactory, votes_for=5, votes_against=None, votes_abstain=None)
    assert not MeetingFactory().was_voted
    assert MeetingFactory(votes_for=5, votes_against=1, votes_abstain=0).was_voted


def test_an_attendee_is_an_official_or_a_named_outsider_with_affiliation():
    refused(factory=MeetingAttendeeFactory, official=None, name="김민수", affiliation="")
    refused(factory=MeetingAttendeeFactory, name="김민수", affiliation="정책지원단")
    outsider = MeetingAttendeeFactory(official=None, name="김민수", affiliation="정책지원단")
    official = MeetingAttendeeFactory()
    assert (outsider.display_name, outsider.affiliation_name) == ("김민수", "정책지원단")
    assert official.affiliation_name == official.official.department.name


def test_a_remark_has_exactly_one_speaker():
    refused(factory=MeetingRemarkFactory, official=None, speaker_name="")
    refused(factory=MeetingRemarkFactory, speaker_name="김민수(정책지원단)")
    assert MeetingRemarkFactory(official=None, speaker_name="김민수").speaker == "김민수"


def test_records_written_through_the_door_are_one_new_version_and_revision():
    phase = PhaseFactory()
    project = phase.project
    with sheet_write(project=project, user=None, comment="회의 기록"):
        meeting = MeetingFactory(phase=phase)
        MeetingAttendeeFactory(meeting=meeting)
        MeetingRemarkFactory(meeting=meeting)
        OpinionFactory(phase=phase)
        DocumentFactory(project=project, meeting=meeting)
    project.refresh_from_db()
    assert project.version == 2
    stored = Version.objects.get_for_object(project).first().revision.version_set
    models = {version.content_type.model for version in stored.all()}
    assert {"meeting", "meetingattendee", "meetingremark", "opinion", "document"} <= models


def test_the_door_refuses_a_record_of_another_sheet():
    phase, other_phase = PhaseFactory(), PhaseFactory()
    opinion = OpinionFactory(phase=other_phase)
    others_meeting = MeetingFactory(phase=other_phase)
    with pytest.raises(ForeignRowError), sheet_write(project=phase.project, user=None, comment="x"):
        opinion.text = "남의 의견을 고침"
        opinion.save()
    with pytest.raises(ForeignRowError), sheet_write(project=phase.project, user=None, comment="x"):
        MeetingAttendeeFactory(meeting=others_meeting)
    with pytest.raises(ForeignRowError), sheet_write(project=phase.project, user=None, comment="x"):
        DocumentFactory(project=other_phase.project)
    assert Opinion.objects.get(pk=opinion.pk).text != "남의 의견을 고침"


def test_revert_restores_opinions_documents_meetings_and_the_file_a_document_had():
    phase = PhaseFactory()
    project = phase.project
    official = OfficialFactory()
    with sheet_write(project=project, user=None, comment="처음 기록"):
        opinion = OpinionFactory(phase=phase, official=official, text="처음 의견")
        meeting = MeetingFactory(phase=phase, decision="처음 결정")
        MeetingAttendeeFactory(meeting=meeting, official=official)
        MeetingRemarkFactory(meeting=meeting, official=official, text="처음 발언")
        document = DocumentFactory.build(project=project, department=project.department, url="")
        document.file.save("방침.pdf", ContentFile(PDF_BYTES + b"%first"))
    first_file = document.file.name
    first = Version.objects.get_for_object(project).first().revision
    project.refresh_from_db()
    with sheet_write(project=project, user=None, comment="고침"):
        Opinion.objects.filter(pk=opinion.pk).update(text="고친 의견")
        Opinion.objects.get(pk=opinion.pk).save()
        meeting.decision = "바뀐 결정"
        meeting.save()
        meeting.attendees.all().delete()
        MeetingRemarkFactory(meeting=meeting, official=official, text="덧붙인 발언")
        document.file.save("방침.pdf", ContentFile(PDF_BYTES + b"%second"))
        OpinionFactory(phase=phase, official=official, text="새 의견")
    project.refresh_from_db()
    assert document.file.name != first_file

    revert_sheet(project=project, revision=first, user=None, loaded_version=project.version)

    assert list(Opinion.objects.filter(phase=phase).values_list("text", flat=True)) == ["처음 의견"]
    meeting.refresh_from_db()
    assert meeting.decision == "처음 결정"
    assert list(MeetingAttendee.objects.filter(meeting=meeting).values_list("official", flat=True)) == [official.pk]
    assert list(MeetingRemark.objects.filter(meeting=meeting).values_list("text", flat=True)) == ["처음 발언"]
    restored = Document.objects.get(pk=document.pk)
    assert restored.file.name == first_file
    with default_storage.open(restored.file.name) as stored:
        assert stored.read().endswith(b"%first")  # the file itself was never deleted


def test_deleting_a_document_row_keeps_its_stored_file():
    project = PolicyProjectFactory()
    with sheet_write(project=project, user=None, comment="자료"):
        document = DocumentFactory.build(project=project, department=project.department, url="")
        document.file.save("보고서.pdf", ContentFile(PDF_BYTES))
    name = document.file.name
    project.refresh_from_db()
    with sheet_write(project=project, user=None, comment="자료 삭제"):
        document.delete()
    assert default_storage.exists(name)


def test_renaming_an_official_named_only_in_records_moves_their_sheet(admin_client):
    phase = PhaseFactory()
    speaker = OfficialFactory(name="박지현")
    meeting = MeetingFactory(phase=phase)
    MeetingRemarkFactory(meeting=meeting, official=speaker)
    version = phase.project.version
    response = admin_client.post(reverse("admin:projects_official_change", args=[speaker.pk]), {
        "name": "박지연", "department": speaker.department_id, "affiliation": ""})
    assert response.status_code == 302
    phase.project.refresh_from_db()
    assert phase.project.version == version + 1  # its annex PDF is rendered afresh


def test_the_demo_records_are_loaded_once(seed_project):
    from projects.demo import demo_load

    version = PolicyProject.objects.get(pk=seed_project.pk).version
    counts = (Opinion.objects.count(), Meeting.objects.count(), Document.objects.count())
    demo_load()
    assert (Opinion.objects.count(), Meeting.objects.count(), Document.objects.count()) == counts
    assert counts == (1, 1, 4)
    assert PolicyProject.objects.get(pk=seed_project.pk).version == version
    closed = Document.objects.get(disclosure="closed")
    assert closed.ground == "7" and closed.file_type == "pdf"


def test_an_import_replacing_the_sheet_keeps_records_under_the_same_phase(seed_project, seed_text):
    from projects.importer.services import sheet_import

    meeting = Meeting.objects.get(phase__project=seed_project)
    heading = meeting.phase.heading
    sheet_import(source=seed_text.encode(), filename="2023-13.md", replace=True)
    meeting.refresh_from_db()
    assert meeting.phase.heading == heading and meeting.phase.project_id == seed_project.pk
    assert Opinion.objects.get(phase__project=seed_project).phase == meeting.phase
    assert Document.objects.filter(project=seed_project, phase__isnull=False).count() == 3


def test_an_import_that_would_drop_a_phase_holding_records_is_refused(seed_project, seed_text):
    from projects.importer.services import SheetImportError, sheet_import

    changed = seed_text.replace("「중구 1인가구 지원 조례」수립 및 성과관리 추진", "다른 제목", 1)
    version = PolicyProject.objects.get(pk=seed_project.pk).version
    with pytest.raises(SheetImportError) as error:
        sheet_import(source=changed.encode(), filename="2023-13.md", replace=True)
    assert "관련자 의견이나 회의 기록이 있습니다" in str(error.value)
    assert Meeting.objects.filter(phase__project=seed_project).count() == 1
    assert PolicyProject.objects.get(pk=seed_project.pk).version == version
