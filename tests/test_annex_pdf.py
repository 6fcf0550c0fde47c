"""The PDF's optional annex (?annex=1): opinions, the document list and the meeting records after
the sheet, on new pages with the page numbers continuing; cached as a rendering of its own."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from projects.models import Meeting
from projects.rendering import pdf
from projects.writing import sheet_write
from tests.staff import COORDINATOR, client_for, staff_user

pytestmark = pytest.mark.django_db


def pages_of(body: bytes) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(body)).pages]


@pytest.fixture
def sheet_and_annex(client, seed_project):
    plain = client.get(reverse("sheet_pdf", args=["2023-13"]))
    annex = client.get(reverse("sheet_pdf", args=["2023-13"]) + "?annex=1")
    assert plain.status_code == annex.status_code == 200
    return plain, annex


def test_the_annex_follows_the_sheet_with_opinions_documents_then_meetings(sheet_and_annex):
    plain, annex = sheet_and_annex
    sheet_pages, all_pages = pages_of(plain.content), pages_of(annex.content)
    first_annex_page = len(sheet_pages)
    annex_text = " ".join(all_pages[first_annex_page:])
    assert all_pages[first_annex_page].startswith("[붙임] 관련 기록 사업내역서 2023-13")
    order = [
        "1. 관련자 의견", "이수정 (복지정책과장) 수정 의견 추진방향에 사회적 고립 예방",
        "2. 관련 자료 목록", "중구 1인가구 지원대책 추진방향 방침 계획서 2021. 8. 20.",
        "1인가구 소통공간 임대차 계약 검토 보고서 2022. 3. 10.",
        "3. 회의록", "1인가구 지원 유관부서장 회의", "일시 2021. 9. 14. 14:00 장소 중구청 기획상황실",
        "박지현 1인가구 정책지원단 위원",
        "박지현(1인가구 정책지원단): 청년·중장년·노년 1인가구의 필요가 달라",
        "결정사항 부서별 1인가구 지원사업은 복지정책과가 총괄 관리하고",
    ]
    position = 0
    for text in order:  # each found after the one before
        position = annex_text.index(text, position) + len(text)
    assert "관련 기록" not in " ".join(sheet_pages)  # the plain PDF is the sheet alone


def test_the_sheet_pages_are_unchanged_and_the_numbers_continue(sheet_and_annex):
    plain, annex = sheet_and_annex
    sheet_pages, all_pages = pages_of(plain.content), pages_of(annex.content)
    total = len(all_pages)
    assert total > len(sheet_pages)
    for number, page in enumerate(all_pages, start=1):
        assert page.endswith(f"{number} / {total}")
    for sheet_page, same_page in zip(sheet_pages, all_pages, strict=False):
        assert sheet_page.rsplit(" ", 3)[0] == same_page.rsplit(" ", 3)[0]  # but for "n / N"
    assert annex["Content-Disposition"].startswith("attachment;")
    assert "%EA%B4%80%EB%A0%A8%EA%B8%B0%EB%A1%9D.pdf" in annex["Content-Disposition"]  # …_관련기록.pdf


def test_the_annex_is_cached_apart_and_renewed_when_a_record_changes(client, seed_project):
    keys = {pdf.cache_key(project=seed_project), pdf.cache_key(project=seed_project, annex=True)}
    assert len(keys) == 2
    url = reverse("sheet_pdf", args=["2023-13"]) + "?annex=1"
    first = client.get(url)
    assert first["ETag"] != client.get(reverse("sheet_pdf", args=["2023-13"]))["ETag"]
    meeting = Meeting.objects.get(phase__project=seed_project)
    with sheet_write(project=seed_project, user=None, comment="결정사항 보완"):
        meeting.decision = "가이드라인 방침을 10월 중 수립하고 분기마다 성과를 점검한다."
        meeting.save()
    second = client.get(url)
    assert second["ETag"] != first["ETag"]
    assert "분기마다 성과를 점검한다" in " ".join(pages_of(second.content))


def test_staff_get_the_annex_from_the_change_page(seed_project):
    client = client_for(staff_user("총괄", COORDINATOR))
    change = client.get(reverse("admin:projects_policyproject_change", args=[seed_project.pk]))
    url = reverse("admin:projects_policyproject_sheet_pdf", args=[seed_project.pk]) + "?annex=1"
    assert url in change.content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert "[붙임] 관련 기록" in " ".join(pages_of(response.content))


def test_the_admin_export_of_several_sheets_can_add_each_annex(demo):
    from projects.models import PolicyProject

    client = client_for(staff_user("총괄", COORDINATOR))
    chosen = [demo["2023-13"].pk, demo["2022-5"].pk]
    response = client.post(reverse("admin:projects_policyproject_changelist"), {
        "action": "download_sheets_pdf_with_records", "_selected_action": [str(pk) for pk in chosen]})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(pages_of(response.content))
    assert text.count("[붙임] 관련 기록") == 2
    assert text.index("사업내역서 2022-5") < text.index("사업내역서 2023-13")  # registration order
    assert "기록된 회의가 없습니다" in text  # 2022-5 has none: said so, not left blank
    assert PolicyProject.objects.filter(pk__in=chosen).count() == 2
