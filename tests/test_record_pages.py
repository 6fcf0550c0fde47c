"""Citizens read the records beyond the sheet: under each phase of the sheet page, on a meeting's
page, on an official's page, and as downloads that are attachments and never 비공개."""

from datetime import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from projects.models import Document
from tests import files
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


def published(**fields):
    return PolicyProjectFactory(published_at=timezone.now(), **fields)


def text_of(response) -> str:
    return " ".join(BeautifulSoup(response.content.decode(), "html.parser").get_text(" ").split())


def file_document(project, data=None, name="방침.pdf", file_type="pdf", **fields) -> Document:
    document = DocumentFactory.build(project=project, department=project.department, url="",
                                     file_type=file_type, **fields)
    document.file.save(name, ContentFile(data if data is not None else files.pdf_bytes()))
    return document


def test_a_citizen_reads_who_said_what_and_what_was_decided_for_2023_13(client, seed_project):
    page = text_of(client.get(reverse("sheet_detail", args=["2023-13"])))
    records = page[page.index("관련 기록"):]
    assert "이수정 복지정책과장 · 수정 의견 · 2021. 8. 17." in records
    assert "1인가구 지원 유관부서장 회의 2021. 9. 14. 14:00 · 중구청 기획상황실" in records
    assert "1인가구 소통공간 임대차 계약 검토 보고서 · 2022. 3. 10. · 복지정책과 · 문서번호 복지정책과-4021 · 비공개" in records
    assert records.index("'21. 8. ~ '21. 10.") < records.index("이수정") < records.index("'21. 8. ~ '22. 11.")
    meeting = seed_project.phases.first().meetings.get()
    page = text_of(client.get(reverse("meeting_detail", args=["2023-13", meeting.pk])))
    assert "박지현 1인가구 정책지원단 위원" in page
    assert "이수정 : 부서별로 흩어진 1인가구 사업을 한 계획으로 묶어 성과를 관리하겠습니다." in page
    assert "결정사항 부서별 1인가구 지원사업은 복지정책과가 총괄 관리하고" in page


def test_a_withheld_document_is_listed_with_its_ground_but_never_linked(client):
    project = published()
    withheld = file_document(project, title="임대차 계약 검토", disclosure="closed", ground="7")
    html = client.get(project.get_absolute_url()).content.decode()
    assert "임대차 계약 검토" in html and "제7호" in html
    assert reverse("document_download", args=[project.registration_number, withheld.pk]) not in html
    assert client.get(reverse("document_download",
                              args=[project.registration_number, withheld.pk])).status_code == 404


def test_a_download_is_an_attachment_of_the_checked_type_with_nosniff(client):
    project = published(registration_number="2024-05")
    data = files.pdf_bytes()
    document = file_document(project, data, title="추진방향 방침")
    response = client.get(reverse("document_download", args=["2024-05", document.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=UTF-8''%EC%B6%94%EC%A7%84" in disposition  # 추진방향 방침.pdf
    assert b"".join(response.streaming_content) == data


def test_a_stored_file_of_unchecked_type_is_never_sent_as_html(client):
    project = published()
    document = file_document(project, b"<html><script>alert(1)</script></html>", name="x.html",
                             file_type="")
    response = client.get(reverse("document_download", args=[project.registration_number, document.pk]))
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_nothing_of_an_unpublished_sheet_is_served(client):
    draft = PolicyProjectFactory()
    document = file_document(draft)
    meeting = MeetingFactory(phase=PhaseFactory(project=draft))
    number = draft.registration_number
    assert client.get(reverse("document_download", args=[number, document.pk])).status_code == 404
    assert client.get(reverse("meeting_detail", args=[number, meeting.pk])).status_code == 404


def test_ids_of_another_sheet_or_a_link_document_are_not_found(client):
    project, other = published(), published()
    others_document = file_document(other)
    others_meeting = MeetingFactory(phase=PhaseFactory(project=other))
    link = DocumentFactory(project=project)
    number = project.registration_number
    assert client.get(reverse("document_download", args=[number, others_document.pk])).status_code == 404
    assert client.get(reverse("meeting_detail", args=[number, others_meeting.pk])).status_code == 404
    assert client.get(reverse("document_download", args=[number, link.pk])).status_code == 404


def test_a_meeting_address_typed_the_other_way_redirects(client):
    project = published(registration_number="2024-05")
    meeting = MeetingFactory(phase=PhaseFactory(project=project))
    response = client.get(f"/projects/2024-5/meetings/{meeting.pk}/")
    assert response.status_code == 301 and response["Location"] == meeting.get_absolute_url()


def records_of(project, n: int):
    """``n`` of each kind of record on each of two phases of ``project``."""
    for phase in (PhaseFactory(project=project), PhaseFactory(project=project)):
        for _ in range(n):
            OpinionFactory(phase=phase)
            meeting = MeetingFactory(phase=phase)
            MeetingAttendeeFactory(meeting=meeting)
            DocumentFactory(project=project, phase=phase, meeting=meeting)
        DocumentFactory(project=project)


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_sheet_page_queries_do_not_grow_with_records(client):
    few, many = published(), published()
    records_of(few, 1)
    records_of(many, 6)
    assert queries_for(client, few.get_absolute_url()) == queries_for(client, many.get_absolute_url())


def test_meeting_page_queries_do_not_grow_with_attendees_or_remarks(client, django_assert_num_queries):
    project = published()
    small, large = MeetingFactory(phase=PhaseFactory(project=project)), MeetingFactory(
        phase=PhaseFactory(project=project))
    for meeting, n in ((small, 1), (large, 12)):
        for _ in range(n):
            MeetingAttendeeFactory(meeting=meeting)
            MeetingRemarkFactory(meeting=meeting)
            DocumentFactory(project=project, meeting=meeting)
    count = queries_for(client, small.get_absolute_url())
    with django_assert_num_queries(count):
        client.get(large.get_absolute_url())
    assert count <= 6  # project; meeting with phase; attendees; remarks; documents (+ session-free)


def test_an_officials_page_lists_their_opinions_and_meetings_attended(client):
    project = published()
    phase = PhaseFactory(project=project)
    member = OfficialFactory(name="박지현")
    OpinionFactory(phase=phase, official=member, text="대상별 과제를 나눠야 합니다")
    meeting = MeetingFactory(phase=phase, name="정책지원단 회의",
                             held_at=timezone.make_aware(datetime(2021, 9, 14, 14)))
    MeetingAttendeeFactory(meeting=meeting, official=member)
    hidden = MeetingFactory(phase=PhaseFactory(project=PolicyProjectFactory()), name="초안의 회의")
    MeetingAttendeeFactory(meeting=hidden, official=member)
    response = client.get(member.get_absolute_url())
    assert response.status_code == 200  # on no sheet's ⑥ or phases, yet on the record
    page = text_of(response)
    assert "관련자 의견 (1건)" in page and "대상별 과제를 나눠야 합니다" in page
    assert "참석한 회의 (1건)" in page and "정책지원단 회의 2021. 9. 14. 14:00" in page
    assert "초안의 회의" not in page


def test_a_changed_meeting_shows_at_once_though_pages_are_cached(client):
    from projects.writing import sheet_write

    project = published()
    meeting = MeetingFactory(phase=PhaseFactory(project=project), decision="처음 결정")
    assert "처음 결정" in text_of(client.get(meeting.get_absolute_url()))
    project.refresh_from_db()
    with sheet_write(project=project, user=None, comment="결정 보완"):
        meeting.decision = "보완한 결정"
        meeting.save()
    assert "보완한 결정" in text_of(client.get(meeting.get_absolute_url()))
