"""The records' pages in a real browser: the meeting page and 정책실명제 소개 pass axe and fit a
phone; the sheet's records section is reached from the sheet page."""

import pytest
from django.urls import reverse

from tests.browsing import *  # noqa: F403  (chromium, the demo, a page; skips without chromium)
from tests.test_browser import serious_violations


def meeting_url(demo) -> str:
    from projects.models import Meeting

    return Meeting.objects.get(phase__project=demo["2023-13"]).get_absolute_url()


@pytest.mark.parametrize("width", [1280, 375])
def test_axe_finds_no_serious_violation_on_the_meeting_page_and_about(page, live_server, demo, width):
    page.set_viewport_size({"width": width, "height": 900})
    urls = {"meeting": meeting_url(demo), "about": reverse("about")}
    found = {}
    for name, url in urls.items():
        page.goto(live_server.url + url)
        found[name] = serious_violations(page)
    assert found == {name: [] for name in urls}


def test_meeting_and_about_do_not_scroll_sideways_on_a_phone(page, live_server, demo):
    page.set_viewport_size({"width": 360, "height": 800})
    for url in (meeting_url(demo), reverse("about")):
        page.goto(live_server.url + url)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{url}: {overflow}px 가로 스크롤"


def test_a_citizen_goes_from_the_sheet_to_its_meeting(page, live_server, demo):
    page.goto(live_server.url + demo["2023-13"].get_absolute_url())
    page.get_by_role("link", name="1인가구 지원 유관부서장 회의", exact=True).click()
    page.wait_for_url("**/meetings/*/")
    assert page.get_by_role("heading", level=1).inner_text() == "1인가구 지원 유관부서장 회의"
    assert page.get_by_text("부서별 1인가구 지원사업은 복지정책과가 총괄 관리하고").is_visible()
