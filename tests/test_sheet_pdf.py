"""The PDF: the seed's texts in the vendored font, headers on every page, cached, nothing fetched."""

import io
import re
import socket
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from fontTools.ttLib import TTFont
from pypdf import PdfReader
from weasyprint import HTML
from weasyprint.formatting_structure.boxes import LineBox, TextBox

from projects.models import PolicyProject
from projects.rendering import keep_all as pdf_keep_all
from projects.rendering import pdf
from projects.rendering.sheet import sheet_from_project
from tests.conftest import form_data
from tests.factories import PolicyProjectFactory
from tests.sheet_builders import project_with_phases
from tests.test_sheet_page import seed_fragments
from tests.writes import edit_sheet

pytestmark = pytest.mark.django_db

FONTS = Path(settings.BASE_DIR) / "static" / "fonts"
HEADER = ("주요 추진내용", "추진기간", "사업관련자")
PDF_FONT_SUFFIXES = {".otf", ".ttf"}  # what WeasyPrint embeds (the .woff2 files are for browsers)


@pytest.fixture(autouse=True)
def empty_pdf_cache():
    caches["renderings"].clear()
    yield
    caches["renderings"].clear()


@pytest.fixture(scope="module")
def seed_pdf(django_db_setup, django_db_blocker, demo_rows):
    """The seed sheet's PDF as a visitor downloads it, rendered once for the tests that only read
    it (a WeasyPrint render each was most of their time). The demo rows are put back inside a
    transaction that is rolled back, as for a test, and the cached rendering is dropped."""
    with django_db_blocker.unblock(), transaction.atomic():
        demo_rows.restore()
        response = Client().get("/projects/2023-13.pdf")
        transaction.set_rollback(True)
    for cache in caches.all():
        cache.clear()
    return response


def read_pdf(content: bytes) -> PdfReader:
    assert content.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(content))


def unspaced(text: str) -> str:
    """Text without whitespace: where a PDF line wraps is layout, not content."""
    return re.sub(r"\s+", "", text)


def embedded_font_names(reader: PdfReader) -> set[str]:
    """The PostScript names inside the font programs embedded in the PDF (None if not embedded)."""
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font)["/FontDescriptor"]
            descriptor = descriptor.get_object()
            stream = next(
                (descriptor[key] for key in ("/FontFile", "/FontFile2", "/FontFile3") if key in descriptor),
                None,
            )
            if stream is None:
                names.add(None)
                continue
            names.add(TTFont(io.BytesIO(stream.get_object().get_data()))["name"].getDebugName(6))
    return names


def vendored_font_names() -> set[str]:
    return {
        TTFont(path, fontNumber=0)["name"].getDebugName(6)
        for path in FONTS.iterdir() if path.suffix in PDF_FONT_SUFFIXES
    }


def test_seed_pdf_holds_every_text_of_the_seed_sheet_in_order(seed_pdf, seed_text):
    response = seed_pdf
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = unspaced(" ".join(page.extract_text() for page in read_pdf(response.content).pages))
    position = 0
    for fragment in seed_fragments(seed_text):
        found = text.find(unspaced(fragment), position)
        assert found >= 0, f"{fragment!r} is missing from the PDF after {position}"
        position = found
    assert "<놀다가>" in text and "&lt;" not in text


def test_pdf_uses_only_the_vendored_fonts(seed_pdf):
    reader = read_pdf(seed_pdf.content)
    used = embedded_font_names(reader)
    assert used and used <= vendored_font_names()


def test_vendored_font_covers_every_modern_hangul_syllable():
    for path in FONTS.iterdir():
        if path.suffix in PDF_FONT_SUFFIXES:
            cmap = TTFont(path, fontNumber=0).getBestCmap()
            assert all(code in cmap for code in range(0xAC00, 0xD7A4)), path.name
    assert any(path.name.upper().startswith(("OFL", "LICENSE")) for path in FONTS.iterdir())


def test_pdf_metadata_names_the_sheet_the_language_and_the_organisation(seed_pdf):
    reader = read_pdf(seed_pdf.content)
    assert reader.metadata.title == "사업내역서 2023-13 1인가구도 행복한 중구 조성"
    assert reader.metadata.author == settings.REGISTRY_ORGANISATION
    assert reader.trailer["/Root"]["/Lang"] == "ko"
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4 in points


def test_pdf_is_sent_with_an_rfc_6266_file_name(seed_pdf):
    response = seed_pdf
    assert response["Content-Disposition"] == (
        "attachment; filename=\"sheet_2023-13.pdf\"; "
        "filename*=UTF-8''%EC%82%AC%EC%97%85%EB%82%B4%EC%97%AD%EC%84%9C_2023-13.pdf"
    )


def test_sixty_phases_give_numbered_pages_each_with_the_table_header(client, db):
    project = project_with_phases(60)
    reader = read_pdf(client.get(f"/projects/{project.registration_number}.pdf").content)
    pages = len(reader.pages)
    assert pages >= 3
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert all(label in text for label in HEADER), f"page {number} lacks the header"
        assert f"{number} / {pages}" in text
    # No phase row is split across pages: each phase's last bullet is on its first bullet's page.
    for page in reader.pages:
        text = unspaced(page.extract_text())
        for n in re.findall(r"(\d+)차주민설명회", text):
            assert f"{n}단계성과점검" in text


def test_second_download_does_not_call_weasyprint_and_an_edit_does(
    client, seed_project, django_assert_num_queries,
):
    with mock.patch.object(pdf, "HTML", wraps=pdf.HTML) as render:
        first = client.get("/projects/2023-13.pdf").content
        with django_assert_num_queries(1):  # the revision stamp only
            second = client.get("/projects/2023-13.pdf").content
        assert render.call_count == 1 and first == second
        edit_sheet(seed_project, title="1인가구도 행복한 중구")
        third = client.get("/projects/2023-13.pdf").content
    assert render.call_count == 2
    assert "1인가구도행복한중구(진행중)" in unspaced(read_pdf(third).pages[0].extract_text())


def test_markup_in_any_text_prints_literally(client, db):
    project = project_with_phases(1, title='<script>alert("x")</script> & \'따옴표\'')
    text = read_pdf(client.get(f"/projects/{project.registration_number}.pdf").content).pages[0]
    assert unspaced('<script>alert("x")</script> & \'따옴표\'(진행중)') in unspaced(text.extract_text())


def test_project_without_outline_phases_or_officials_prints(client, db):
    project = PolicyProjectFactory(published_at=timezone.now(), background="")
    reader = read_pdf(client.get(f"/projects/{project.registration_number}.pdf").content)
    text = reader.pages[0].extract_text()
    assert len(reader.pages) == 1 and "등록된 주요 추진내용이 없습니다." in text and "없음" in text


def test_browser_holding_this_revision_gets_304_until_an_edit(client, seed_project):
    first = client.get("/projects/2023-13.pdf")
    assert first["Cache-Control"] == "no-cache" and first["ETag"]
    with mock.patch.object(pdf, "sheet_pdf") as render:
        again = client.get("/projects/2023-13.pdf", headers={"If-None-Match": first["ETag"]})
        assert again.status_code == 304 and not again.content
        render.assert_not_called()
    edit_sheet(seed_project)
    edited = client.get("/projects/2023-13.pdf", headers={"If-None-Match": first["ETag"]})
    assert edited.status_code == 200 and edited["ETag"] != first["ETag"]


def test_unpublished_or_malformed_pdf_is_404(client, demo):
    for number in ["2025-4", "2023-XX", "99999-1", "2023-999"]:
        assert client.get(f"/projects/{number}.pdf").status_code == 404


@pytest.mark.parametrize("url", [
    "https://example.com/logo.png",
    "http://static.invalid/static/css/sheet.css",
    "https://static.invalid/media/secret.pdf",
    "https://static.invalid/static/../policy_registry/settings.py",
    "https://static.invalid/static/css/missing.css",
    "file:///etc/passwd",
    "data:text/css,body{}",
])
def test_fetcher_refuses_anything_but_our_static_files(url):
    with pytest.raises(pdf.ExternalURLRefused):
        pdf.StaticFilesFetcher().fetch(url)


def test_fetcher_serves_our_stylesheet():
    fetcher = pdf.StaticFilesFetcher()
    response = fetcher.fetch("https://static.invalid/static/css/sheet-pdf.css")
    assert b"@page" in response.read()
    assert response.content_type == "text/css"
    fonts = fetcher.fetch("https://static.invalid/static/fonts/pretendard-pdf.css").read().decode()
    first_font = re.search(r'url\("([^"]+)"\)', fonts).group(1)
    font = fetcher.fetch(f"https://static.invalid/static/fonts/{first_font}")
    assert font.read(4) in {b"\x00\x01\x00\x00", b"OTTO"}  # TrueType or CFF OpenType


def test_rendering_with_external_references_opens_no_connection(seed_project):
    html = (
        '<html lang="ko"><link rel="stylesheet" href="https://example.com/x.css">'
        '<img src="http://example.com/a.png"><img src="file:///etc/hostname"><p>본문</p></html>'
    )
    with (
        mock.patch.object(socket.socket, "connect", side_effect=AssertionError("network")) as connect,
        mock.patch.object(pdf.StaticFilesFetcher, "fetch", wraps=pdf.StaticFilesFetcher().fetch) as fetch,
    ):
        HTML(string=html, base_url=pdf.PDF_BASE_URL, url_fetcher=pdf.StaticFilesFetcher()).write_pdf()
    assert fetch.call_count == 3
    connect.assert_not_called()


def line_texts(document) -> list[str]:
    lines = []
    for page in document.pages:
        for box in page._page_box.descendants():
            if isinstance(box, LineBox):
                lines.append("".join(t.text for t in box.descendants() if isinstance(t, TextBox)))
    return lines


def test_pdf_wraps_korean_text_only_between_words(db):
    phrase = "『서울특별시 중구 1인가구 지원조례』 제정 및 1인가구를 위한 다양한 프로그램 추진과 전월세반환보증보험료 지원사업 시행"
    words = phrase.split(" ")
    project = project_with_phases(1)
    phase = project.phases.get()
    phase.items.filter(order=0).update(text=" ".join(words * 3))
    sheet = sheet_from_project(PolicyProject.objects.for_sheet().get(pk=project.pk))
    lines = [line for line in line_texts(pdf.render_document(sheet=sheet)) if "지원조례" in line
             or "보증보험료" in line or "프로그램" in line]
    assert len(lines) >= 3  # the item wraps
    for line in lines:
        for token in line.replace("▶", " ").split():
            assert token in words, f"{token!r} is a broken word in {line!r}"


def test_word_ranges_are_utf8_byte_ranges_of_korean_words():
    text = "가 1인가구 ok 민·관 「조례」수립"
    ranges = pdf_keep_all.word_byte_ranges(text)
    encoded = text.encode()
    assert [encoded[a:b].decode() for a, b in ranges] == ["1인가구", "민·관", "조례", "수립"]
    assert pdf_keep_all.word_byte_ranges("가" * (pdf_keep_all.MAX_WORD + 1)) == []


def test_a_changed_layout_gets_a_fresh_pdf(seed_project, monkeypatch):
    """Cached PDFs of an old template or stylesheet are not served after a deployment."""
    from projects.rendering import layouts, pdf

    before = pdf.cache_key(project=seed_project)
    layouts.signature.cache_clear()
    templates, styles = layouts.LAYOUTS["pdf"]
    monkeypatch.setitem(layouts.LAYOUTS, "pdf", (templates[:-1], styles))
    try:
        assert pdf.cache_key(project=seed_project) != before
    finally:
        layouts.signature.cache_clear()


def test_pdf_links_to_nothing(seed_pdf):
    """Names link to officials' records on the page; on paper (and in the file) they are text."""
    reader = read_pdf(seed_pdf.content)
    annotations = [a for page in reader.pages for a in (page.get("/Annots") or [])]
    assert annotations == []


@pytest.mark.parametrize(("admin_name", "lookup", "field", "new"), [
    ("official", {"name": "이춘배"}, "name", "이춘배개명"),
    ("department", {"name": "복지정책과"}, "name", "복지정책국"),
    ("selectioncriterion", {"short_name": "구정주요현안"}, "short_name", "구정 주요현안"),
])
def test_renaming_a_name_the_sheet_shows_gives_a_fresh_pdf(
    admin_client, seed_project, admin_name, lookup, field, new
):
    """The PDF never prints a name the page no longer shows."""
    from django.apps import apps

    from projects.rendering.pdf import cache_key

    old_key = cache_key(project=seed_project)
    assert "이춘배" in client_pdf_text(admin_client)  # rendered and cached once
    model = next(m for m in apps.get_app_config("projects").get_models() if m._meta.model_name == admin_name)
    obj = model.objects.get(**lookup)
    url = reverse(f"admin:projects_{admin_name}_change", args=[obj.pk])
    data = {**form_data(admin_client.get(url).content.decode(), f"{admin_name}_form"), field: [new]}
    assert admin_client.post(url, data).status_code == 302
    seed_project.refresh_from_db()
    assert cache_key(project=seed_project) != old_key
    assert new in client_pdf_text(admin_client)


def client_pdf_text(client) -> str:
    reader = read_pdf(client.get("/projects/2023-13.pdf").content)
    return " ".join(page.extract_text() for page in reader.pages)
