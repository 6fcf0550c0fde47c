"""The public sheet page: the seed sheet whole and in order, accessible, safe, fixed queries."""

import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from projects.models import PolicyProject
from tests.factories import PolicyProjectFactory
from tests.sheet_builders import project_with_phases

pytestmark = pytest.mark.django_db

CHECKBOX = re.compile(r"<input\b[^>]*>")  # how the export drew the □ of ⑤
TAG = re.compile(r"</?(div|ul)\b[^>]*>")
MARKER = re.compile(r"(?:^|\s)[□○\-▶·](?=\s)")
EXPORT_ARTEFACTS = {"▶ 사업관련자", "<주요 추진내용 및 사업관련자>"}


def seed_fragments(seed_text: str) -> list[str]:
    """Every text of the published sheet, in order: cells split at bullets and at ⑥'s "/"."""
    fragments = []
    for line in seed_text.splitlines():
        for cell in line.strip().strip("|").split("|"):
            cell = TAG.sub(" ", CHECKBOX.sub(" □ ", cell)).strip()
            if not cell or set(cell) <= set("-") or cell in EXPORT_ARTEFACTS:
                continue
            for part in MARKER.split(cell):
                fragments += [p.strip() for p in part.split(" / ") if p.strip()]
    return fragments


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def assert_in_order(fragments: list[str], text: str):
    position = 0
    for fragment in fragments:
        found = text.find(fragment, position)
        assert found >= 0, f"{fragment!r} is missing after position {position}"
        position = found + len(fragment)


def sheet_url(project) -> str:
    return reverse("sheet_detail", args=[project.registration_number])


def test_seed_page_holds_every_text_of_the_seed_sheet_in_order(client, seed_project, seed_text):
    response = client.get("/projects/2023-13/")
    assert response.status_code == 200
    article = BeautifulSoup(response.content, "html.parser").find("article", class_="sheet")
    fragments = seed_fragments(seed_text)
    assert "1인가구 소통공간 <놀다가> 개소 및 운영 : '23. 1. 28." in fragments
    assert "2021. 7월 ~ 계속" in fragments and "'23. 7. ~ '23. 8." in fragments
    assert_in_order(fragments, squash(article.get_text(" ")))


def test_seed_text_in_angle_brackets_is_escaped_not_markup(client, seed_project):
    html = client.get("/projects/2023-13/").content.decode()
    assert "&lt;놀다가&gt;" in html and "<놀다가>" not in html
    assert "&lt;주요 추진내용 및 사업관련자&gt;" in html


def test_officials_separator_is_text_that_copying_keeps(client, seed_project):
    """⑥ reads as on the form, "/" included, in the page's own text (what copy and paste take)."""
    soup = BeautifulSoup(client.get("/projects/2023-13/").content, "html.parser")
    cell = soup.find("td", headers="sheet-2023-13-officials")
    assert " ".join(cell.get_text().split()) == "복지정책과장 이춘배 / 담당 행정6급 서민경"


def test_a_bracketed_word_is_kept_whole_and_unchanged(client, seed_project):
    soup = BeautifulSoup(client.get("/projects/2023-13/").content, "html.parser")
    kept = [span.get_text() for span in soup.select(".sheet .keep-word")]
    assert kept == ["<놀다가>"]
    assert "1인가구 소통공간 <놀다가> 개소 및 운영 : '23. 1. 28." in soup.select_one(".sheet").get_text()


def test_bullets_are_nested_lists_with_their_markers(client, seed_project):
    soup = BeautifulSoup(client.get("/projects/2023-13/").content, "html.parser")
    outline = soup.select_one("td.outline > ul.bullets-outline")
    sections = outline.find_all("li", recursive=False)
    assert [s.find("span", class_="marker").text for s in sections] == ["□", "□"]
    items = sections[1].find("ul").find_all("li", recursive=False)
    assert items[0].find("span", class_="marker").text == "○"
    assert items[0].find("ul").li.get_text(" ", strip=True).startswith("- 분야별 추진계획")
    phase_rows = soup.select("table.sheet-phases tbody tr")
    assert len(phase_rows) == 5
    second = phase_rows[1].select_one("ul.bullets-phase")
    assert second.li.find("span", class_="marker").text == "▶"
    assert second.li.find("ul").li.find("span", class_="marker").text == "·"
    assert phase_rows[0].select_one(".phase-heading").text == "「중구 1인가구 지원 조례」수립 및 성과관리 추진"


def test_cells_are_announced_with_their_labels(client, seed_project):
    soup = BeautifulSoup(client.get("/projects/2023-13/").content, "html.parser")
    label = soup.find("th", string="② 사업부서")
    assert label["scope"] == "row"
    value = label.find_next_sibling("td")
    assert value.get_text(strip=True) == "복지정책과"
    # The row also holds ① 등록번호: the value names its own label only.
    assert value["headers"] == [label["id"]] == ["sheet-2023-13-department"]
    for th in soup.select("table.sheet-summary th"):
        assert th.find_next_sibling("td")["headers"] == [th["id"]]
    assert soup.find("th", string="③ 정책사업명").find_next_sibling("td").text == (
        "1인가구도 행복한 중구 조성(진행중)"
    )
    assert soup.find("th", string="⑧ 사업기간").find_next_sibling("td").text == "2021. 7월 ~ 계속"
    header = [(th.text, th["scope"]) for th in soup.select("table.sheet-phases thead th")]
    assert header == [("주요 추진내용", "col"), ("추진기간", "col"), ("사업관련자", "col")]
    assert soup.select_one("table.sheet-phases caption").text == "<주요 추진내용 및 사업관련자>"
    title = soup.title.text
    assert "2023-13" in title and "1인가구도 행복한 중구 조성" in title


def test_page_offers_pdf_and_print_without_inline_script_or_style(client, seed_project):
    html = client.get("/projects/2023-13/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    pdf_link = soup.select_one(".sheet-actions a")
    assert pdf_link.get_text(" ", strip=True).startswith("PDF 내려받기")
    assert pdf_link["href"] == "/projects/2023-13.pdf"
    assert soup.find("button", attrs={"data-print": True}).text == "인쇄"
    assert all(script.get("src") for script in soup.find_all("script"))
    assert not soup.find_all("style") and not soup.find_all(style=True)
    assert not re.search(r"\son[a-z]+=", html)
    print_sheets = [link["href"].rsplit("/", 1)[-1] for link in soup.find_all("link", media="print")]
    assert print_sheets == ["sheet-pdf.css", "sheet-print.css"]  # laid out as our PDF, site hidden


def test_get_absolute_url_is_the_sheet_page(seed_project):
    assert seed_project.get_absolute_url() == "/projects/2023-13/"


def test_unpublished_project_is_404(client, demo):
    assert not demo["2025-4"].is_published
    assert client.get("/projects/2025-4/").status_code == 404


@pytest.mark.parametrize("number", [
    "2023-XX", "99999-1", "2023-", "-13", "2023-999", "abc", "2023-13-1", "%202023-13",
    "\uff12023-13", "\u0662\u0660\u0662\u0663-13",
])
def test_malformed_or_unknown_number_is_404(client, seed_project, number):
    assert client.get(f"/projects/{number}/").status_code == 404


def test_markup_in_any_text_shows_literally(client, db):
    project = project_with_phases(1, title='<script>alert("x")</script> & \'따옴표\'')
    project.background = "<b>굵게</b> & 그리고"
    project.save()
    html = client.get(sheet_url(project)).content.decode()
    assert "<script>alert" not in html and "<b>굵게" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;따옴표&#x27;" in html
    assert "&lt;b&gt;굵게&lt;/b&gt; &amp; 그리고" in html


def test_project_without_outline_phases_or_officials_renders_without_empty_lists(client, db):
    project = PolicyProjectFactory(published_at=timezone.now(), background="")
    response = client.get(sheet_url(project))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("table.sheet-phases tbody").get_text(strip=True) == "등록된 주요 추진내용이 없습니다."
    assert all(ul.find("li") for ul in soup.select("article ul"))
    assert [td.get_text(strip=True) for td in soup.select("td.outline")] == ["없음"]


def count_page_queries(client, project) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(sheet_url(project)).status_code == 200
    return len(queries)


def test_sheet_page_runs_the_same_queries_for_1_and_50_phases(client, db):
    small, large = project_with_phases(1), project_with_phases(50)
    assert PolicyProject.objects.for_sheet().get(pk=large.pk).phases.count() == 50
    assert count_page_queries(client, small) == count_page_queries(client, large) <= 7 + 3  # + opinions, meetings, documents (제63조)
