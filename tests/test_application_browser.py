"""국민신청 in a real browser: apply, read the receipt, look the application up; axe finds no
serious violation on the form (empty and with errors), the receipt and the status page."""

import re

import pytest
from django.urls import reverse

from tests.test_browser import (  # noqa: F401  (fixtures: one chromium per module, a page per test)
    CHROMIUM,
    browser,
    page,
    serious_violations,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not __import__("shutil").which(CHROMIUM), reason=f"{CHROMIUM}가 없습니다"),
    pytest.mark.django_db(transaction=True),
]


@pytest.mark.parametrize("width", [1280, 375])
def test_a_citizen_applies_reads_the_receipt_and_looks_it_up(page, live_server, width):  # noqa: F811
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + reverse("apply"))
    assert serious_violations(page) == []

    page.get_by_role("button", name="신청하기").click()  # nothing filled in
    page.wait_for_load_state()
    summary = page.get_by_role("alert")
    assert "입력한 내용을 확인해 주세요" in summary.inner_text()
    assert "개인정보 수집·이용에 동의해야 신청할 수 있습니다" in summary.inner_text()
    assert page.get_by_label("성명").get_attribute("aria-invalid") == "true"
    assert serious_violations(page) == []

    page.get_by_label("성명").fill("홍길동")
    page.get_by_label("전자우편").fill("hong@example.com")
    page.get_by_label("정책명").fill("중구 공공자전거 확충")
    page.get_by_label("신청 이유").fill("예산이 크고 주민 생활에 영향이 큽니다.")
    page.locator("label[for=id_consent]").click()  # KRDS draws the box on the label
    assert page.get_by_label("위 개인정보 수집·이용에 동의합니다.").is_checked()
    page.get_by_role("button", name="신청하기").click()
    page.wait_for_url("**/apply/receipt/**")
    number = page.locator(".receipt-number").inner_text()
    assert re.fullmatch(r"\d{4}-0001", number)
    assert "신청이 접수되었습니다" in page.locator("h1").inner_text()
    assert serious_violations(page) == []

    page.get_by_role("link", name="처리상황 조회").first.click()
    page.wait_for_url("**/apply/status/")
    assert serious_violations(page) == []
    page.get_by_label("접수번호").fill(number)
    page.get_by_label("신청할 때 적은 전자우편").fill("hong@example.com")
    page.get_by_role("button", name="조회").click()
    page.wait_for_load_state()
    assert number in page.locator("h2#status-heading").inner_text()
    assert "접수" in page.locator(".application-state").inner_text()
    assert serious_violations(page) == []

    page.goto(live_server.url + reverse("application_list"))
    assert "홍*동" in page.locator(".application-table").inner_text()
    assert "hong@example.com" not in page.content()
    assert serious_violations(page) == []
