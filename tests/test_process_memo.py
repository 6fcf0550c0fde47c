"""What each app server process keeps (projects/process_memo.py): a cached page or PDF is served
without a database round trip, yet a committed change shows on the next request.

These tests commit for real (``transaction=True``), as a server does: inside a test's
transaction the process memo asks the database every time, so the other cache tests cannot see
it at work."""

import time

import pytest
from django.test import override_settings
from django.urls import reverse

from projects import process_memo, publication
from projects.models import PolicyProject, SelectionCriterion
from tests.factories import PhaseFactory, PhaseItemFactory, PolicyProjectFactory
from tests.writes import edit_sheet

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(params=["settings", "files"], autouse=True)
def shared_caches(request, tmp_path, settings):
    """Each test with the suite's caches and with the file caches a server uses by default
    (where the generation is read again only when its file is replaced)."""
    from django.conf import settings as django_settings

    if request.param == "files":
        settings.CACHES = {
            **django_settings.CACHES,
            "pages": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                      "LOCATION": str(tmp_path / "pages")},
            "renderings": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                           "LOCATION": str(tmp_path / "renderings")},
        }
    process_memo.clear()
    return request.param


def test_a_generation_renewed_by_another_process_is_read_at_once(shared_caches, settings):
    from django.core.cache.backends.filebased import FileBasedCache

    from projects.public import caching

    first = caching.generation()
    assert caching.generation() == first
    if shared_caches == "files":  # another process: its own cache object on the same folder
        other = FileBasedCache(settings.CACHES["pages"]["LOCATION"], {})
        other.set(caching.GENERATION_KEY, "다른-프로세스가-바꾼-세대", timeout=None)
        assert caching.generation() == "다른-프로세스가-바꾼-세대"
    caching.renew_generation()
    assert caching.generation() not in (first, "다른-프로세스가-바꾼-세대")
    caching.cache().clear()
    assert caching.generation() not in (first, "다른-프로세스가-바꾼-세대")


@pytest.fixture
def sheet():
    # a transactional test starts from empty tables: the criterion the migration seeds is gone
    criterion = SelectionCriterion.objects.create(short_name="시험용 기준", description="시험용 기준")
    project = PolicyProjectFactory(registration_number="2024-17", title="기억시험 마을 쉼터 조성",
                                   selection_criterion=criterion)
    PhaseItemFactory(phase=PhaseFactory(project=project), text="기본계획 수립")
    publication.publish(project=project, user=None)  # committed: the generation is renewed
    return project


def urls(project) -> dict[str, str]:
    number = project.registration_number
    return {
        "sheet": reverse("sheet_detail", args=[number]),
        "register": reverse("register"),
        "pdf": reverse("sheet_pdf", args=[number]),
    }


def test_a_cached_page_or_pdf_asks_the_database_nothing(client, sheet, django_assert_num_queries):
    for name, url in urls(sheet).items():
        first = client.get(url)
        assert first.status_code == 200, name
        with django_assert_num_queries(0):
            again = client.get(url)
        assert again.content == first.content, name


def test_a_committed_change_shows_on_the_next_request(client, sheet):
    before = {name: client.get(url) for name, url in urls(sheet).items()}
    assert "기억시험 마을 쉼터 조성" in before["sheet"].content.decode()
    edit_sheet(sheet, title="기억시험 고친 제목")  # committed; the door renews the generation
    after = {name: client.get(url) for name, url in urls(sheet).items()}
    for name in ("sheet", "register"):
        text = after[name].content.decode()
        assert "기억시험 고친 제목" in text and "마을 쉼터" not in text, name
    assert after["pdf"]["ETag"] != before["pdf"]["ETag"]
    assert after["pdf"].content != before["pdf"].content


def test_a_withdrawn_sheet_is_gone_on_the_next_request(client, sheet):
    for url in urls(sheet).values():
        assert client.get(url).status_code == 200
    publication.withdraw(project=sheet, user=None, reason="재검토")
    assert client.get(urls(sheet)["sheet"]).status_code == 404
    assert client.get(urls(sheet)["pdf"]).status_code == 404
    assert "기억시험" not in client.get(urls(sheet)["register"]).content.decode()


@override_settings(PAGE_STATE_SECONDS=0.2)
def test_a_write_no_generation_announced_shows_within_the_bound(client, sheet):
    """A change outside the door (or a writer that died between its commit and the renewal)
    is not announced: the process asks the database again after PAGE_STATE_SECONDS."""
    process_memo.clear()  # take the setting
    sheet_url = urls(sheet)["sheet"]
    client.get(sheet_url)
    PolicyProject.objects.filter(pk=sheet.pk).update(published_at=None)  # no door, no renewal
    time.sleep(0.3)
    assert client.get(sheet_url).status_code == 404


@override_settings(PROCESS_MEMO_MB=1)
def test_the_memory_of_finished_pages_is_bounded():
    process_memo.clear()
    for number in range(40):  # 40 × 100 kB in a 1 MB memory
        process_memo.remembered(f"page:{number}", lambda: b"x" * 100_000)
    kept = [n for n in range(40)
            if process_memo.remembered(f"page:{n}", lambda: None) is not None]
    assert 0 < len(kept) <= 10
    assert kept == list(range(40 - len(kept), 40))  # the most recent stay
    too_big = process_memo.remembered("pdf:big", lambda: b"x" * 400_000)
    assert too_big is not None  # served, but not kept: one value never fills the memory
    assert process_memo.remembered("pdf:big", lambda: None) is None


def test_made_up_addresses_are_not_kept(client, sheet):
    for made_up in ("x" * 2000, "2024-17/../2024-18", "청년", "2024-99999"):
        client.get("/projects/" + made_up + "/")
        client.get("/projects/" + made_up + ".pdf")
    kept = [key for key, _ in process_memo._current_store()] if process_memo._current else []
    assert all(len(key[1]) <= len("9999-9999") for key in kept if key[0] == "sheet"), kept
