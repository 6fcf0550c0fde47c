"""Public pages come from the page cache, and never stale: every cached page shows a published
change at once, a withdrawn sheet leaves every cached page, and HTTP validators round-trip.

Runs on whatever ``pages`` cache the settings give (local memory; Redis when ``REDIS_URL`` is set,
as CI does once)."""

import pytest
from django.urls import reverse

from projects import publication
from projects.models import Department
from projects.writing import shared_rows_renamed
from tests.factories import (
    OfficialFactory,
    PhaseFactory,
    PhaseItemFactory,
    PhaseOfficialFactory,
    PolicyProjectFactory,
    ProjectOfficialFactory,
)
from tests.writes import edit_sheet

pytestmark = pytest.mark.django_db


@pytest.fixture
def sheet(django_capture_on_commit_callbacks):
    """A published sheet with a ⑥ 담당자 and a phase, published through the door."""
    project = PolicyProjectFactory(registration_number="2024-07", title="캐시시험 청년 공간 조성")
    official = OfficialFactory(name="한캐시")
    ProjectOfficialFactory(project=project, official=official)
    phase = PhaseFactory(project=project)
    PhaseItemFactory(phase=phase, text="기본계획 수립")
    PhaseOfficialFactory(phase=phase, official=official)
    with django_capture_on_commit_callbacks(execute=True):
        publication.publish(project=project, user=None)
    project.refresh_from_db()
    return project


def pages(project) -> dict[str, str]:
    official = project.project_officials.get().official
    number = project.registration_number
    return {
        "sheet": reverse("sheet_detail", args=[number]),
        "history": reverse("sheet_history", args=[number]),
        "register": reverse("register"),
        "search": reverse("register") + "?q=캐시시험",
        "official": reverse("official_detail", args=[official.pk]),
    }


def read_all(client, urls) -> dict[str, str]:
    texts = {}
    for name, url in urls.items():
        response = client.get(url)
        texts[name] = response.content.decode() if response.status_code == 200 else ""
    return texts


def test_cached_pages_are_served_from_the_cache(client, sheet, django_assert_max_num_queries):
    urls = pages(sheet)
    first = read_all(client, urls)
    for name, url in urls.items():
        with django_assert_max_num_queries(1):  # the version of what the page shows, no more
            again = client.get(url)
        assert again.content.decode() == first[name], name


def test_a_published_change_shows_at_once_on_every_cached_page(
    client, sheet, django_capture_on_commit_callbacks,
):
    urls = pages(sheet)
    before = read_all(client, urls)
    assert all("캐시시험 청년 공간 조성" in text for text in before.values()), before.keys()
    with django_capture_on_commit_callbacks(execute=True):
        edit_sheet(sheet, title="캐시시험 고친 제목")
    after = read_all(client, {**urls, "search": reverse("register") + "?q=고친"})
    for name, text in after.items():
        assert "캐시시험 고친 제목" in text, name
        assert "캐시시험 청년 공간 조성" not in text, name


def test_a_renamed_department_shows_at_once_on_every_cached_page(
    client, sheet, django_capture_on_commit_callbacks,
):
    urls = pages(sheet)
    read_all(client, urls)
    department = sheet.department
    with django_capture_on_commit_callbacks(execute=True):
        Department.objects.filter(pk=department.pk).update(name="새이름캐시과")
        shared_rows_renamed([sheet.pk])
    after = read_all(client, {name: urls[name] for name in ("sheet", "register", "official")})
    assert all("새이름캐시과" in text for text in after.values())


def test_a_withdrawn_sheet_disappears_from_every_cached_page(
    client, sheet, django_capture_on_commit_callbacks,
):
    other = PolicyProjectFactory(registration_number="2024-08", title="남는 사업")
    with django_capture_on_commit_callbacks(execute=True):
        publication.publish(project=other, user=None)
    urls = pages(sheet)
    read_all(client, urls)
    with django_capture_on_commit_callbacks(execute=True):
        publication.withdraw(project=sheet, user=None, reason="재검토")
    for name in ("sheet", "history", "official"):
        assert client.get(urls[name]).status_code == 404, name
    register = client.get(urls["register"]).content.decode()
    assert "남는 사업" in register and "캐시시험" not in register
    assert "캐시시험 청년" not in client.get(urls["search"]).content.decode()


def test_a_change_shows_even_before_the_generation_is_renewed(client, sheet):
    """The key holds the sheet's version and the latest change itself, so inside a transaction
    (where the process memo asks the database) a page is fresh before ``sheet_written`` is sent
    (here: never sent). Between processes, tests/test_process_memo.py."""
    urls = pages(sheet)
    read_all(client, urls)
    edit_sheet(sheet, title="신호 전에 고친 제목")  # on_commit callbacks do not run here
    after = read_all(client, {**urls, "search": reverse("register") + "?q=고친"})
    assert all("신호 전에 고친 제목" in text for text in after.values())


def test_etag_and_last_modified_round_trip(client, sheet, django_capture_on_commit_callbacks):
    for name, url in pages(sheet).items():
        first = client.get(url)
        etag, modified = first["ETag"], first["Last-Modified"]
        assert "public" in first["Cache-Control"] and "no-cache" in first["Cache-Control"], name
        again = client.get(url, headers={"if-none-match": etag})
        assert again.status_code == 304 and again["ETag"] == etag, name
        assert again.content == b""
        assert client.get(url, headers={"if-modified-since": modified}).status_code == 304, name
    sheet_url = pages(sheet)["sheet"]
    old_etag = client.get(sheet_url)["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        edit_sheet(sheet)
    changed = client.get(sheet_url, headers={"if-none-match": old_etag})
    assert changed.status_code == 200 and changed["ETag"] != old_etag


def test_numbers_written_the_other_way_still_redirect(client, sheet):
    client.get(reverse("sheet_detail", args=["2024-07"]))
    response = client.get(reverse("sheet_detail", args=["2024-7"]))
    assert response.status_code == 301
    assert response["Location"] == reverse("sheet_detail", args=["2024-07"])
