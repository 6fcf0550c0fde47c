"""A public page shows the record and labels, nothing else: every text a citizen sees on the sheet
page and on an official's page is either one of the page's labels or written in the published
sheet itself (tests/data/sheet-2023-13.md, the seed as published)."""

import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from projects.models import Official

pytestmark = pytest.mark.django_db

#: The labels of the form and of the pages: the only texts that are not the agency's record.
LABELS = {
    "정책실명제 중점관리 대상사업 사업내역서",
    "① 등록번호", "② 사업부서", "③ 정책사업명", "④ 추진배경", "⑤ 사업개요", "⑥ 담당자",
    "⑦ 선정기준", "⑧ 사업기간", "<주요 추진내용 및 사업관련자>", "주요 추진내용", "추진기간",
    "사업관련자", "□", "○", "-", "▶", "·", "/", "(", ")", "없음",
    # the pages around the sheet
    "최초 등록일", "최종 수정일", "변경 이력", "공개된 판 보기", "PDF 내려받기", "한글(HWPX) 내려받기",
    "인쇄",
    "사업부서", "사업기간", "담당자", "추진내용", "직위", "공개된 중점관리 대상사업",
    "에 담당자 또는 사업관련자로 참여했습니다. 최근 참여한 사업부터 보입니다.",
}
#: Labels written around record values: the date a sheet was saved, "(… 중)" counters.
LABEL_PATTERNS = [
    re.compile(r"\d{4}\. \d{1,2}\. \d{1,2}\."),  # 최초 등록일 / 최종 수정일 (when it was saved)
    re.compile(r"\d+건"),  # how many projects an official's page lists
    re.compile(r"(.+?) 외 \d+건"),  # an official's phase row: its first ▶ item, and how many more
    re.compile(r"(.+?)에서 참여한 추진단계"),  # the phases table's caption on an official's page
    re.compile(r"사업 개요 \(등록번호 (.+)\)"),  # the summary table's caption (screen readers)
    re.compile(r"\(사업내역서_(.+)\.(?:pdf|hwpx)\)"),  # a download's file name (screen readers)
]


def normal(text: str) -> str:
    return " ".join(text.split())


#: Parts of a page that show other records than the sheet (관련 기록: opinions, documents and
#: meetings stored with it, tested in their own files): not compared with the sheet here.
OTHER_RECORDS = ".sheet-records"


def shown_texts(html: str) -> list[str]:
    """Each text of the page's main content, as the browser shows it (one per element run)."""
    main = BeautifulSoup(html, "html.parser").find("main")
    for other in main.select(OTHER_RECORDS):
        other.decompose()
    return [normal(text) for text in main.stripped_strings if normal(text)]


def not_in_record(texts: list[str], record: str) -> list[str]:
    """The texts that are neither labels nor found in ``record`` (what a label wraps must be)."""
    absent = []
    for text in texts:
        if text in LABELS or text in record:
            continue
        wrapped = [pattern.fullmatch(text) for pattern in LABEL_PATTERNS]
        match = next((m for m in wrapped if m), None)
        if match and all(normal(group) in record for group in match.groups()):
            continue
        absent.append(text)
    return absent


@pytest.fixture
def record(seed_text) -> str:
    return normal(seed_text)


def test_the_sheet_page_shows_only_the_record_and_labels(client, seed_project, record):
    html = client.get(seed_project.get_absolute_url()).content.decode()
    texts = shown_texts(html)
    assert "서민경" in texts and "<주요 추진내용 및 사업관련자>" in texts  # it read the sheet
    assert not_in_record(texts, record) == []


@pytest.mark.parametrize("name", ["서민경", "이수정", "이춘배"])
def test_an_officials_page_shows_only_the_record_and_labels(client, seed_project, record, name):
    official = Official.objects.get(name=name)
    html = client.get(reverse("official_detail", kwargs={"pk": official.pk})).content.decode()
    texts = shown_texts(html)
    assert name in texts and "2023-13" in texts
    assert not_in_record(texts, record) == []
