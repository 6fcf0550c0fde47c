from pathlib import Path

import pytest
from bs4 import BeautifulSoup

DATA = Path(__file__).parent / "data"
SEED_PATH = DATA / "sheet-2023-13.md"


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Each test starts with empty caches (a rolled-back test's cached values are not real)."""
    from django.core.cache import caches

    from projects import process_memo

    for cache in caches.all():
        cache.clear()
    process_memo.clear()


@pytest.fixture
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def demo_rows(django_db_setup, django_db_blocker):
    """The rows ``demo_load()`` writes, read once per session (see tests/demo_rows.py)."""
    from .demo_rows import DemoRows

    with django_db_blocker.unblock():
        return DemoRows.capture()


@pytest.fixture
def demo(db, demo_rows):
    """The demo register, with the seed sheet 2023-13 as its main case: the very rows
    ``demo_load()`` writes, put back into this test's transaction (rolled back after the test)."""
    from projects.models import PolicyProject

    demo_rows.restore()
    return {project.registration_number: project
            for project in PolicyProject.objects.filter(pk__in=demo_rows.project_ids)}


@pytest.fixture
def seed_project(demo):
    return demo["2023-13"]


def form_data(html: str, form_id: str | None = None) -> dict[str, list[str]]:
    """What a browser would submit from the page's form, unchanged (empty templates left out)."""
    soup = BeautifulSoup(html, "html.parser")
    form = soup.find("form", id=form_id) if form_id else soup.find("form", method="post")
    data: dict[str, list[str]] = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or "__prefix__" in name or "-empty-" in name:
            continue
        if field.name == "select":
            values = [o.get("value", o.text) for o in field.find_all("option") if o.has_attr("selected")]
        elif field.name == "textarea":
            values = [field.text.removeprefix("\n")]
        elif field.get("type") in ("checkbox", "radio"):
            values = [field.get("value", "on")] if field.has_attr("checked") else []
        elif field.get("type") in ("submit", "button", "file"):
            continue
        else:
            values = [field.get("value", "")]
        data.setdefault(name, []).extend(values)
    return data
