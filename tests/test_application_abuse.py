"""Bad input, bots and floods at /apply/ and /apply/status/: Korean messages, nothing saved,
and nothing said about whether a 접수번호 exists."""

import re

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from projects.models import Application, ReceiptCounter
from tests.applications import FORM, submitted

pytestmark = pytest.mark.django_db


def post_apply(client, **changes):
    data = {**FORM, **changes}
    return client.post(reverse("apply"), {k: v for k, v in data.items() if v is not None})


def nothing_saved():
    assert Application.objects.count() == 0
    assert ReceiptCounter.objects.filter(last_seq__gt=0).count() == 0
    assert mail.outbox == []


@pytest.mark.parametrize(("changes", "message"), [
    ({"consent": None}, "개인정보 수집·이용에 동의해야 신청할 수 있습니다."),
    ({"reason": ""}, "신청 이유를 입력하세요."),
    ({"reason": "   \n  "}, "신청 이유를 입력하세요."),
    ({"reason": "가" * 10_000}, "신청 이유는 1000자 이내로 적으세요(지금 10000자)."),
    ({"applicant_email": "hong-at-example"}, "전자우편 주소 형식이 맞지 않습니다."),
    ({"applicant_name": ""}, "성명을 입력하세요."),
    ({"applicant_phone": "전화 주세요"}, "전화번호는 숫자와 하이픈(-)으로 적으세요."),
    ({"project_number": "2099-99"}, "등록번호 2099-99을(를) 찾지 못했습니다."),
    ({"department": "999999"}, "목록에 있는 부서를 고르세요."),
])
def test_bad_input_is_answered_in_korean_and_saves_nothing(client, changes, message, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_apply(client, **changes)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert 'role="alert"' in page and "아무것도 저장하지 않았습니다" in page
    assert 'aria-invalid="true"' in page
    nothing_saved()


def test_the_error_summary_links_to_the_field_and_the_field_points_at_its_error(client):
    page = post_apply(client, reason="").content.decode()
    assert '<a href="#id_reason">신청 이유: 신청 이유를 입력하세요.</a>' in page
    field = re.search(r"<textarea[^>]*>", page)[0]
    assert 'aria-describedby="error_1_id_reason id_reason_helptext"' in field
    assert 'id="error_1_id_reason"' in page
    assert "예산 규모" not in field  # the reason typed was empty; other fields keep what was typed
    assert 'value="홍길동"' in page


def test_the_honeypot_refuses_and_saves_nothing(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_apply(client, homepage="http://spam.example")
    assert response.status_code == 400
    assert "신청을 접수하지 않았습니다" in response.content.decode()
    nothing_saved()


def test_posting_without_the_csrf_token_is_refused():
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(reverse("apply"), FORM)
    assert response.status_code == 403
    nothing_saved()


@override_settings(APPLICATION_RATE_LIMIT="2/h")
def test_past_the_limit_a_korean_429_keeps_what_was_typed(client):
    assert post_apply(client).status_code == 302
    assert post_apply(client).status_code == 302
    response = post_apply(client, policy_title="세 번째 신청 정책", reason="세 번째 이유")
    assert response.status_code == 429
    page = response.content.decode()
    assert "신청이 너무 많아 지금은 받을 수 없습니다" in page
    assert 'value="세 번째 신청 정책"' in page and "세 번째 이유</textarea>" in page
    assert 'value="hong@example.com"' in page
    assert Application.objects.count() == 2


@override_settings(APPLICATION_RATE_LIMIT="1/h")
def test_the_limit_is_per_client_address(client):
    assert client.post(reverse("apply"), FORM, REMOTE_ADDR="10.0.0.1").status_code == 302
    assert client.post(reverse("apply"), FORM, REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.post(reverse("apply"), FORM, REMOTE_ADDR="10.0.0.2").status_code == 302


def status_page(client, number, email):
    response = client.post(reverse("apply_status"), {"receipt_number": number, "email": email})
    page = response.content.decode()
    return response.status_code, re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page)


def test_wrong_number_and_wrong_email_get_the_same_answer(client):
    application = submitted()
    other = submitted(applicant_email="other@example.com")
    wrong_email = status_page(client, application.receipt_number, "nobody@example.com")
    wrong_number = status_page(client, "2001-0042", "nobody@example.com")
    assert wrong_email[0] == wrong_number[0] == 200
    typed = f'value="{application.receipt_number}"'
    assert wrong_email[1].replace(typed, 'value="2001-0042"') == wrong_number[1]
    assert "접수번호와 전자우편 주소가 맞는 신청을 찾지 못했습니다" in wrong_number[1]
    someone_elses = status_page(client, other.receipt_number, "hong@example.com")
    assert application.policy_title not in someone_elses[1]
    assert "처리상태" not in wrong_email[1]


def test_a_malformed_number_is_explained(client):
    code, page = status_page(client, "이천이십육", "hong@example.com")
    assert code == 400
    assert "접수번호는 연도-번호 형식으로 적으세요" in page


@override_settings(APPLICATION_STATUS_RATE_LIMIT="3/h")
def test_status_lookups_are_limited_too(client):
    for _ in range(3):
        assert status_page(client, "2026-0001", "a@example.com")[0] == 200
    code, page = status_page(client, "2026-0009", "a@example.com")
    assert code == 429
    assert "조회가 너무 많아" in page and 'value="2026-0009"' in page


def test_a_receipt_url_cannot_be_guessed(client):
    assert client.get(reverse("apply_receipt", args=["1"])).status_code == 404
    assert client.get(reverse("apply_receipt", args=["MQ:1xWQDr:forged"])).status_code == 404


def test_a_reason_of_exactly_1000_characters_with_line_breaks_is_accepted(client):
    reason = ("가" * 99 + "\r\n") * 10  # 1,000 characters as the browser counts them
    assert post_apply(client, reason=reason[:-2] + "가").status_code == 302
    assert len(Application.objects.get().reason) == 1000


@override_settings(APPLICATION_RATE_LIMIT="1/h")
def test_the_limit_holds_whichever_worker_answers(client):
    """Counts live in the shared ``limits`` cache (a file cache every worker reads, or Redis):
    a worker whose own memory has never seen this address still refuses it."""
    from django.core.cache import caches

    assert client.post(reverse("apply"), FORM, REMOTE_ADDR="10.0.0.3").status_code == 302
    caches["default"].clear()  # another worker: nothing in its own memory
    assert client.post(reverse("apply"), FORM, REMOTE_ADDR="10.0.0.3").status_code == 429
    caches["limits"].clear()  # the shared count is what refused
    assert client.post(reverse("apply"), FORM, REMOTE_ADDR="10.0.0.3").status_code == 302
