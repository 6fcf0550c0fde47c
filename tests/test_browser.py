"""The public site in a real browser: Debian's chromium driven by Playwright against live_server.

Skipped (with the reason) where chromium or Playwright is missing; ``.ci/run`` installs chromium,
so CI always runs them. One browser serves the whole module; each test gets a fresh page.
"""

import pytest
from django.urls import reverse

from tests.browsing import *  # noqa: F403  (chromium, the demo, a page; skips without chromium)

SERIOUS = {"serious", "critical"}


def open_register(page, live_server, query: str = ""):
    page.goto(live_server.url + reverse("register") + query)


def register_numbers(page) -> list[str]:
    return page.locator(".register-table tbody .col-number").all_inner_texts()


def test_searching_소통공간_finds_the_seed_sheet(page, live_server, demo):
    open_register(page, live_server)
    page.get_by_label("검색어").fill("소통공간")
    page.get_by_role("button", name="검색").click()
    page.wait_for_url("**q=*")
    assert register_numbers(page) == ["2023-13"]
    assert "총 1건" in page.locator(".result-count").inner_text()
    assert page.get_by_label("검색어").input_value() == "소통공간"


def test_two_filters_combine_and_stay_in_the_url(page, live_server, demo):
    open_register(page, live_server)
    page.get_by_label("선정기준").select_option(label="구정주요현안")
    page.get_by_role("button", name="검색").click()
    page.wait_for_url("**criterion=*")
    assert register_numbers(page) == ["2024-3", "2023-13"]
    page.get_by_label("등록연도").select_option(label="2023년")
    page.get_by_role("button", name="검색").click()
    page.wait_for_url("**year=2023*")
    assert "criterion=" in page.url
    assert register_numbers(page) == ["2023-13"]


def test_clicking_a_project_opens_its_sheet(page, live_server, demo):
    open_register(page, live_server)
    page.get_by_role("link", name="1인가구도 행복한 중구 조성").click()
    page.wait_for_url("**/projects/2023-13/")
    heading = page.locator("h1").inner_text()
    assert "2023-13" in heading and "1인가구도 행복한 중구 조성" in heading
    assert "2023-13" in page.title() and "1인가구도 행복한 중구 조성" in page.title()


def test_clicking_an_official_opens_their_record(page, live_server, demo):
    page.goto(live_server.url + demo["2023-13"].get_absolute_url())
    page.get_by_role("link", name="이춘배").first.click()
    page.wait_for_url("**/officials/*/")
    assert "이춘배" in page.locator("h1").inner_text()
    page.get_by_role("link", name="1인가구도 행복한 중구 조성").click()
    page.wait_for_url("**/projects/2023-13/")


def serious_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {[node['target'] for node in v['nodes']][:3]}"
        for v in results.response["violations"] if v["impact"] in SERIOUS
    ]


@pytest.mark.parametrize("width", [1280, 375])
def test_axe_finds_no_serious_violation_on_the_public_pages(page, live_server, demo, width):
    from projects.models import Official

    page.set_viewport_size({"width": width, "height": 900})
    urls = {
        "register": reverse("register") + "?q=소통공간&status=ongoing",
        "sheet": demo["2023-13"].get_absolute_url(),
        "official": Official.objects.get(name="서민경").get_absolute_url(),
    }
    found = {}
    for name, url in urls.items():
        page.goto(live_server.url + url)
        found[name] = serious_violations(page)
    assert found == {name: [] for name in urls}


@pytest.mark.parametrize("width", [360, 375])
def test_pages_do_not_scroll_sideways_on_a_phone(page, live_server, demo, width):
    from projects.models import Official

    page.set_viewport_size({"width": width, "height": 800})
    for url in [
        reverse("register"),
        reverse("register") + "?q=" + "가나다라마바사아자차" * 10,
        Official.objects.get(name="이수정").get_absolute_url(),
        demo["2023-13"].get_absolute_url(),
    ]:
        page.goto(live_server.url + url)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{url}: {overflow}px 가로 스크롤"


def test_skip_link_is_the_first_stop_and_visible_when_focused(page, live_server, demo):
    open_register(page, live_server)
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    assert focused.inner_text() == "본문 바로가기"
    box = focused.bounding_box()
    assert box and box["y"] >= 0 and box["width"] > 10
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_korean_renders_with_the_vendored_font(page, live_server, demo):
    open_register(page, live_server)
    page.wait_for_load_state("load")
    loaded = page.evaluate(
        "document.fonts.ready.then(fonts =>"
        " [...fonts].filter(f => f.status === 'loaded').map(f => f.family))"
    )
    assert any("Pretendard" in family for family in loaded), loaded
    assert "Pretendard" in page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")


def test_keyboard_focus_is_visible_on_the_search_field(page, live_server, demo):
    open_register(page, live_server)
    page.get_by_label("검색어").focus()
    ring = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; })()"
    )
    outline_style, outline_width, box_shadow = ring
    assert (outline_style != "none" and outline_width != "0px") or box_shadow != "none", ring
