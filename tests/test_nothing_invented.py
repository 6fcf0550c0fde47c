"""A public page shows the record and labels, nothing else: every text a citizen sees on the sheet
page and on an official's page is either one of the page's labels or written in the published
sheet itself (tests/data/sheet-2023-13.md, the seed as published) or in the records staff entered
beside it (opinions, meetings, documents: 제63조)."""

import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from projects.models import Document, Meeting, Official

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
    # the records beyond the sheet (제63조): section labels and the choices' labels
    "관련 기록 포함 PDF", "관련 기록", "관련자 의견", "회의", "관련 자료", "사업 관련 자료",
    "「행정업무의 운영 및 혁신에 관한 규정」 제63조에 따라 사업내역서와 함께 기록한 관련자 의견, "
    "관련 자료, 회의입니다.",
    "문서번호", "(PDF 내려받기)", "(외부 사이트)", "참석한 회의",
    *(label for _, label in Document.Kind.choices), *(label for _, label in Document.Disclosure.choices),
    *(f"(정보공개법 제9조 제1항 {label})" for _, label in Document.Ground.choices),
}
#: Labels written around record values: the date a sheet was saved, "(… 중)" counters.
LABEL_PATTERNS = [
    re.compile(r"\d{4}\. \d{1,2}\. \d{1,2}\."),  # 최초 등록일 / 최종 수정일 (when it was saved)
    re.compile(r"\d+건"),  # how many projects an official's page lists
    re.compile(r"(.+?) 외 \d+건"),  # an official's phase row: its first ▶ item, and how many more
    re.compile(r"(.+?)에서 참여한 추진단계"),  # the phases table's caption on an official's page
    re.compile(r"사업 개요 \(등록번호 (.+)\)"),  # the summary table's caption (screen readers)
    re.compile(r"\(사업내역서_(.+)_관련기록\.pdf\)"),  # the annexed PDF's file name
    re.compile(r"\(사업내역서_(.+)\.pdf\)"),  # the PDF link's file name (screen readers)
    re.compile(r"\(사업내역서_(.+)\.hwpx\)"),  # the HWPX link's file name (screen readers)
    re.compile(r"\d{4}\. \d{1,2}\. \d{1,2}\. \d{2}:\d{2}"),  # when a recorded meeting was held
    re.compile(r"(?:관련자 의견|참석한 회의) \(\d+건\)"),  # an official's records, counted
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


def records_as_entered(project) -> str:
    """What staff wrote in the sheet's records (opinions, meetings, documents): the record too."""
    from projects.models import MeetingAttendee, MeetingRemark, Opinion

    texts = []
    for o in Opinion.objects.filter(phase__project=project).select_related("kind"):
        texts += [o.position_then, o.kind.name, o.text]
    for m in Meeting.objects.filter(phase__project=project):
        texts += [m.name, m.place, m.decision]
    for a in MeetingAttendee.objects.filter(meeting__phase__project=project):
        texts += [a.name, a.affiliation, a.role]
    for r in MeetingRemark.objects.filter(meeting__phase__project=project):
        texts += [r.speaker_name, r.text]
    for d in Document.objects.filter(project=project).select_related("department"):
        texts += [d.title, d.department.name, d.document_number]
    return " ".join(normal(text) for text in texts if text)


@pytest.fixture
def record(seed_text, seed_project) -> str:
    return normal(seed_text) + " " + records_as_entered(seed_project)


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
