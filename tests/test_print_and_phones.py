"""The sheet as a citizen prints it and reads it on a phone, in a real browser (chromium).

Printing (the 인쇄 button, Ctrl+P) gives the sheet alone, on as many A4 pages as our own PDF,
and no page ends with the phases' table header; the table's title <주요 추진내용 및 사업관련자>
shows on the page; at 320 px nothing scrolls sideways and <놀다가> is never split.
"""

import io
import re

import pytest
from django.urls import reverse

from tests.browsing import *  # noqa: F403  (chromium, the demo, a page; skips without chromium)

#: What the site shows around a sheet: none of it belongs on the printed sheet.
SITE_CHROME = [
    "이 누리집은 대한민국 공식 전자정부 누리집입니다",  # government banner (#krds-masthead)
    "본문 바로가기",  # skip link
    "주요 정책의 결정과 집행에 참여한",  # footer
    "PDF 내려받기", "인쇄",  # the page's buttons
    "최초 등록일", "공개된 판 보기",  # the page's own title block
]


def pdf_pages(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def printed(page, live_server, url: str) -> list[str]:
    """The text of each page the browser prints (print media, the page's own @page size)."""
    page.goto(live_server.url + url)
    page.evaluate("document.fonts.ready")
    return pdf_pages(page.pdf(prefer_css_page_size=True, print_background=True))


def ends_with_a_bare_header(text: str) -> bool:
    """Whether a printed page's last thing (its page number aside) is the phases' header row."""
    body = re.sub(r"^\d+ / \d+ | \d+ / \d+$", "", text)
    return body.endswith("주요 추진내용 추진기간 사업관련자")


def test_printing_a_sheet_gives_the_sheet_alone_on_as_many_pages_as_our_pdf(page, live_server, demo):
    project = demo["2023-13"]
    pages = printed(page, live_server, project.get_absolute_url())
    ours = pdf_pages(page.request.get(live_server.url + reverse("sheet_pdf", args=["2023-13"])).body())
    assert len(pages) == len(ours)
    everything = " ".join(pages)
    assert "정책실명제 중점관리 대상사업 사업내역서" in everything and "서민경" in everything
    assert [text for text in SITE_CHROME if text in everything] == []
    assert not any(ends_with_a_bare_header(text) for text in pages)


def test_no_printed_page_ends_with_the_phases_header(page, live_server, demo):
    """A longer and longer ⑤ pushes the phases table down page 1 until its title and header
    would sit at the foot of the page: they move to page 2 with the first phase instead."""
    from tests.factories import OutlineItemFactory
    from tests.sheet_builders import project_with_phases

    bare = {}
    for extra in range(20, 44, 2):  # about a third of a page, in steps of one line
        project = project_with_phases(2)
        for n in range(extra):
            OutlineItemFactory(project=project, order=10 + n, level=1, text=f"시험 사업의 세부 목표 {n + 1}")
        pages = printed(page, live_server, project.get_absolute_url())
        bare[extra] = [n for n, text in enumerate(pages, 1) if ends_with_a_bare_header(text)]
    assert {extra: numbers for extra, numbers in bare.items() if numbers} == {}


@pytest.mark.parametrize("width", [1280, 375])
def test_the_phases_table_title_is_shown(page, live_server, demo, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + demo["2023-13"].get_absolute_url())
    caption = page.locator(".sheet-phases caption")
    assert caption.inner_text() == "<주요 추진내용 및 사업관련자>"
    box = caption.bounding_box()
    assert box and box["width"] > 150 and box["height"] > 10


def public_pages(demo) -> dict[str, str]:
    from projects.models import Official

    return {
        "register": reverse("register"),
        "sheet": demo["2023-13"].get_absolute_url(),
        "official": Official.objects.get(name="서민경").get_absolute_url(),
        "history": reverse("sheet_history", args=["2023-13"]),
    }


SIDEWAYS = """() => {
  const page = document.documentElement.scrollWidth - window.innerWidth;
  const boxes = [...document.querySelectorAll('main table, main .krds-table-wrap')]
    .map(box => box.scrollWidth - box.clientWidth);
  return Math.max(page, ...boxes);
}"""


@pytest.mark.parametrize("width", [320, 375])
def test_no_public_page_scrolls_sideways_on_a_small_phone(page, live_server, demo, width):
    page.set_viewport_size({"width": width, "height": 800})
    overflow = {}
    for name, url in public_pages(demo).items():
        page.goto(live_server.url + url)
        overflow[name] = page.evaluate(SIDEWAYS)
    assert {name: px for name, px in overflow.items() if px > 0} == {}


LINES_OF = """text => {
  const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  const whole = nodes.map(n => n.data).join('');
  const start = whole.indexOf(text);
  if (start < 0) return -1;
  const range = document.createRange();
  let offset = 0;
  for (const node of nodes) {
    const end = offset + node.data.length;
    if (offset <= start && start < end) range.setStart(node, start - offset);
    if (offset < start + text.length && start + text.length <= end) {
      range.setEnd(node, start + text.length - offset);
      break;
    }
    offset = end;
  }
  return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
}"""


@pytest.mark.parametrize("name", ["sheet", "official"])
def test_a_bracketed_word_is_never_split_across_lines(page, live_server, demo, name):
    page.goto(live_server.url + public_pages(demo)[name])
    lines = {}
    for width in range(300, 480, 3):  # every width where the line could end near "<놀다가>"
        page.set_viewport_size({"width": width, "height": 800})
        lines[width] = page.evaluate(LINES_OF, "<놀다가>")
    assert {width: n for width, n in lines.items() if n != 1} == {}
