"""A year's page (/years/2024/) and its book (/years/2024.pdf): cover, contents whose page
numbers are where each sheet starts, a bookmark per sheet; cached until a sheet of the year
changes."""

import io
import re

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from projects.rendering import yearbook
from tests.factories import (
    PhaseFactory,
    PhaseItemFactory,
    PhaseOfficialFactory,
    PolicyProjectFactory,
)
from tests.writes import edit_sheet

pytestmark = pytest.mark.django_db


def sheet(number: str, *, phases: int = 1, **fields):
    project = PolicyProjectFactory(registration_number=number, published_at=timezone.now(),
                                   **fields)
    for phase in PhaseFactory.create_batch(phases, project=project):
        PhaseItemFactory.create_batch(3, phase=phase)
        PhaseOfficialFactory(phase=phase)
    return project


@pytest.fixture
def year_2024(db):
    """Four sheets of 2024, one long enough to take several pages, a draft and another year."""
    projects = [sheet("2024-2", title="짧은 사업"), sheet("2024-10", phases=30, title="긴 사업"),
                sheet("2024-3", title="세 번째 사업"), sheet("2024-11", title="마지막 사업")]
    PolicyProjectFactory(registration_number="2024-5", title="초안 사업")  # unpublished
    sheet("2023-7", title="다른 해 사업")
    return projects


def book(client, year=2024) -> PdfReader:
    response = client.get(reverse("year_book", args=[year]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    return PdfReader(io.BytesIO(response.getvalue()))


def page_texts(reader) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def test_contents_page_numbers_are_where_each_sheet_starts(client, year_2024):
    reader = book(client)
    texts = page_texts(reader)
    assert "2024년" in texts[0] and "인쇄일" in texts[0] and "총 4건" in texts[0]
    contents = texts[1]
    assert contents.startswith("차례")
    listed = re.findall(r"(2024-\d+) .*? (\d+)(?= 2024-|$)", contents)
    assert [number for number, _ in listed] == ["2024-2", "2024-3", "2024-10", "2024-11"]
    starts = {}
    for index, text in enumerate(texts, start=1):
        found = re.search(r"① 등록번호 (2024-\d+)", text)
        if found and found[1] not in starts:
            starts[found[1]] = index
    assert {number: int(page) for number, page in listed} == starts
    assert starts["2024-11"] - starts["2024-10"] > 1  # the long sheet took several pages
    assert "초안 사업" not in " ".join(texts) and "다른 해 사업" not in " ".join(texts)


def test_every_sheet_has_a_bookmark_to_its_first_page(client, year_2024):
    reader = book(client)
    marks = {item.title: reader.get_destination_page_number(item) + 1 for item in reader.outline}
    texts = page_texts(reader)
    for project in year_2024:
        page = marks[f"{project.registration_number} {project.title}"]
        assert f"① 등록번호 {project.registration_number}" in texts[page - 1]
    assert marks["차례"] == 2


def test_the_book_is_cached_and_retired_when_a_sheet_of_its_year_changes(
        client, year_2024, monkeypatch, django_capture_on_commit_callbacks):
    renders = []
    real = yearbook.render_yearbook
    monkeypatch.setattr(yearbook, "render_yearbook", lambda year: renders.append(year) or real(year))
    url = reverse("year_book", args=[2024])
    first = client.get(url)
    client.get(url)
    assert renders == [2024]
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    with django_capture_on_commit_callbacks(execute=True):
        edit_sheet(year_2024[0], title="이름을 바꾼 사업")
    assert yearbook.renderings.cache().get(yearbook.cache_key(2024)) is None  # retired at once
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and renders == [2024, 2024]
    assert "이름을 바꾼 사업" in " ".join(page_texts(PdfReader(io.BytesIO(changed.getvalue()))))


def test_a_change_in_another_year_keeps_the_book(client, year_2024,
                                                django_capture_on_commit_callbacks):
    client.get(reverse("year_book", args=[2024]))
    other = PolicyProjectFactory(registration_number="2023-9", published_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        edit_sheet(other)
    assert yearbook.renderings.cache().get(yearbook.cache_key(2024)) is not None


def test_year_page_lists_the_years_sheets_and_links_the_book(client, year_2024):
    response = client.get(reverse("year_page", args=[2024]))
    soup = BeautifulSoup(response.content, "html.parser")
    numbers = [cell.text.strip() for cell in soup.select(".register-table tbody .col-number")]
    assert numbers == ["2024-2", "2024-3", "2024-10", "2024-11"]
    assert soup.find("a", href=reverse("year_book", args=[2024]))
    assert client.get(reverse("year_page", args=[1999])).status_code == 404
    assert client.get(reverse("year_book", args=[1999])).status_code == 404


def test_register_links_each_year_page(client, year_2024):
    soup = BeautifulSoup(client.get(reverse("register")).content, "html.parser")
    links = {a["href"] for a in soup.select(".register-downloads a")}
    assert {reverse("year_page", args=[2024]), reverse("year_page", args=[2023])} <= links


def test_render_yearbook_command_fills_the_cache(year_2024, monkeypatch):
    from django.core.management import call_command

    call_command("render_yearbook", "2024", "1999", stdout=io.StringIO())
    stamp, body = yearbook.renderings.cache().get(yearbook.cache_key(2024))
    assert stamp == yearbook.year_stamp(2024) and body.startswith(b"%PDF")
    monkeypatch.setattr(yearbook, "render_yearbook", lambda year: pytest.fail("rendered again"))
    assert yearbook.yearbook_pdf(2024) == body


def test_year_page_query_count_does_not_grow(client, db):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("year_page", args=[2024])).status_code == 200
        return len(captured)

    PolicyProjectFactory.create_batch(2, published_at=timezone.now())
    few = queries()
    PolicyProjectFactory.create_batch(6, published_at=timezone.now())
    assert queries() == few


def test_a_change_queues_the_new_book_for_the_background_worker(
        client, year_2024, django_capture_on_commit_callbacks, monkeypatch):
    from django.test import override_settings

    client.get(reverse("year_book", args=[2024]))
    immediate = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    with override_settings(TASKS=immediate), django_capture_on_commit_callbacks(execute=True):
        edit_sheet(year_2024[1], title="바뀐 긴 사업")
    stamp, body = yearbook.renderings.cache().get(yearbook.cache_key(2024))
    assert stamp == yearbook.year_stamp(2024)  # made for the sheets as they are now
    monkeypatch.setattr(yearbook, "render_yearbook", lambda year: pytest.fail("rendered again"))
    response = client.get(reverse("year_book", args=[2024]))
    assert response.getvalue() == body
    assert "바뀐 긴 사업" in " ".join(page_texts(PdfReader(io.BytesIO(body))))


def test_a_year_too_large_for_one_book_points_to_the_register_instead(
        client, year_2024, settings, django_capture_on_commit_callbacks):
    settings.YEAR_BOOK_MAX_SHEETS = 3  # the year holds 4
    soup = BeautifulSoup(client.get(reverse("year_page", args=[2024])).content, "html.parser")
    lead = soup.select_one(".page-lead").get_text(" ", strip=True)
    assert "4건" in lead and "한 파일로 묶지 않습니다" in lead
    assert not soup.find("a", href=reverse("year_book", args=[2024]))
    assert soup.find("a", href=reverse("register") + "?year=2024")
    assert soup.find("a", href=reverse("dataset_download", args=["projects", "csv"]) + "?year=2024")
    assert not soup.select(".register-table")
    assert client.get(reverse("year_book", args=[2024])).status_code == 404
    immediate = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    with override_settings(TASKS=immediate), django_capture_on_commit_callbacks(execute=True):
        edit_sheet(year_2024[1], title="바뀐 긴 사업")
    assert yearbook.renderings.cache().get(yearbook.cache_key(2024)) is None  # nothing queued
    out = io.StringIO()
    from django.core.management import call_command
    call_command("render_yearbook", "2024", stdout=out)
    assert "모음 PDF를 만들지 않습니다" in out.getvalue()
    assert yearbook.renderings.cache().get(yearbook.cache_key(2024)) is None
