"""A sheet registered as ``2024-05`` is ``2024-05`` everywhere: imported, on its page, in its PDF
and the PDF's file name, in the register and its search; ``2024-5`` leads there too."""

import io
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from pypdf import PdfReader

from projects.importer.services import sheet_import
from tests.conftest import DATA
from tests.factories import PolicyProjectFactory

pytestmark = pytest.mark.django_db

WRITTEN = "2024-05"


@pytest.fixture
def project():
    """The 을지로 sheet of the test data, registered by its agency as 2024-05."""
    source = (DATA / "sheet-2024-07.md").read_text(encoding="utf-8")
    assert "| ① 등록번호 | 2024-7 |" in source
    source = source.replace("| ① 등록번호 | 2024-7 |", f"| ① 등록번호 | {WRITTEN} |")
    result = sheet_import(source=source.encode(), filename="sheet-2024-05.md", publish=True)
    assert result.summary.startswith(f"{WRITTEN} 을지로 보행환경 개선사업")
    return result.project


def test_import_keeps_the_number_as_written(project):
    project.refresh_from_db()
    assert (project.registration_number, project.registration_year, project.registration_seq) == (
        WRITTEN, 2024, 5)


def test_page_shows_the_number_as_written(client, project):
    page = BeautifulSoup(client.get(f"/projects/{WRITTEN}/").content, "html.parser")
    assert WRITTEN in page.find("main").get_text()
    assert "2024-5 " not in page.get_text() and "2024-5<" not in str(page)


def test_pdf_text_and_file_name_keep_the_number_as_written(client, project):
    response = client.get(f"/projects/{WRITTEN}.pdf")
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="sheet_{WRITTEN}.pdf"; '
        f"filename*=UTF-8''{quote(f'사업내역서_{WRITTEN}.pdf', safe='')}"
    )
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert WRITTEN in text


def test_register_lists_and_links_the_number_as_written(client, project):
    page = BeautifulSoup(client.get("/").content, "html.parser")
    link = page.find("a", href=f"/projects/{WRITTEN}/")
    assert link is not None
    row = link.find_parent("tr") or link.find_parent("li")
    assert WRITTEN in row.get_text()


@pytest.mark.parametrize("url", ["/projects/2024-5/", "/projects/2024-5.pdf",
                                 "/projects/2024-005/"])
def test_the_number_typed_the_other_way_moves_permanently_to_the_written_one(client, project, url):
    response = client.get(url)
    assert response.status_code == 301
    assert response["Location"] == url.replace("2024-005", WRITTEN).replace("2024-5", WRITTEN)


def found(client, query) -> list[str]:
    page = BeautifulSoup(client.get("/", {"q": query}).content, "html.parser")
    return [a["href"] for a in page.select("a[href^='/projects/']") if a["href"].endswith("/")]


@pytest.mark.parametrize("query", [WRITTEN, "2024-5", " 2024-05 ", "2024 - 5"])
def test_search_finds_the_project_by_its_number_typed_either_way(client, project, query):
    PolicyProjectFactory(registration_number="2024-50", published_at=timezone.now())
    PolicyProjectFactory(registration_number="2025-5", published_at=timezone.now())
    assert found(client, query) == [f"/projects/{WRITTEN}/"]


def test_search_by_number_and_a_word_needs_both(client, project):
    assert found(client, "2024-5 을지로") == [f"/projects/{WRITTEN}/"]
    assert found(client, "2024-5 귀갓길") == []


def test_a_number_written_without_zero_is_found_typed_with_one(client):
    PolicyProjectFactory(registration_number="2024-7", published_at=timezone.now())
    assert found(client, "2024-07") == ["/projects/2024-7/"]
