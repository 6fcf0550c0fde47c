"""What every browser test module shares: Debian's chromium driven by Playwright, one browser a
module, a fresh page a test, and the demo register committed for the live server's thread.

A module uses it with ``from tests.browsing import *`` (the fixtures and ``pytestmark``).
"""

import importlib
import os
import shutil
from contextlib import suppress

import pytest

__all__ = ["CHROMIUM", "browser", "demo", "page", "playwright_api", "pytestmark"]

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")

playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright 패키지가 없습니다: make install",
)
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not shutil.which(CHROMIUM),
        reason=f"{CHROMIUM}가 없어 브라우저 시험을 건너뜁니다: apt-get install -y chromium",
    ),
    # transactional so the live server's thread sees the data (pytest-django runs these last)
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture(scope="module")
def browser():
    """One chromium for the module. Playwright's sync API runs an event loop in this thread, which
    makes Django refuse ORM calls here unless DJANGO_ALLOW_ASYNC_UNSAFE is set: it is, for these
    tests only, and removed again afterwards."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = playwright_api.sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=[
        "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
    ])
    try:
        yield chromium
    finally:
        with suppress(Exception):
            chromium.close()
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def demo(browser, transactional_db):
    """The demo register, committed. A transactional test starts from empty tables, without the
    standard selection criteria a data migration seeds, so they are seeded again first."""
    from django.apps import apps

    from projects.demo import demo_load

    criteria = importlib.import_module("projects.migrations.0002_standard_selection_criteria")
    criteria.seed(apps, None)
    return {project.registration_number: project for project, _ in demo_load()}


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="ko-KR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
