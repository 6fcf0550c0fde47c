"""A citizen applies, follows the application, the 총괄 decides in the admin, the public sees it."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from projects.models import Application, Department, PolicyProject
from projects.writing import sheet_write
from tests.applications import FORM, review
from tests.staff import COORDINATOR, client_for, staff_user

pytestmark = pytest.mark.django_db


def test_apply_receipt_status_decision_and_public_list(client, django_capture_on_commit_callbacks):
    department = Department.objects.create(name="교통행정과")
    # 1. the citizen applies and lands on the receipt (POST, redirect, GET)
    assert "개인정보 수집·이용 동의" in client.get(reverse("apply")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("apply"), FORM)
    assert response.status_code == 302
    application = Application.objects.get()
    number = application.receipt_number
    assert re.fullmatch(rf"{timezone.localdate().year}-0001", number)
    assert number not in response["Location"] and str(application.pk) not in response["Location"].split("/")
    receipt = client.get(response["Location"]).content.decode()
    assert number in receipt and "중구 공공자전거 확충" in receipt and "hong@example.com" in receipt

    # 2. the receipt e-mail says the same
    assert len(mail.outbox) == 1
    received = mail.outbox[0]
    assert received.to == ["hong@example.com"]
    assert number in received.subject and "접수" in received.subject
    assert number in received.body and application.due_on.strftime("%Y. %-m. %-d.") in received.body

    # 3. the status page, by number and e-mail (either case)
    status = client.post(reverse("apply_status"), {"receipt_number": number, "email": "HONG@example.com"})
    page = status.content.decode()
    assert "처리상태" in page and ">접수<" in page and "중구 공공자전거 확충" in page

    # 4. the 총괄 reviews in the admin: 검토중 → 심의 → 선정 with the committee's decision
    coordinator = client_for(staff_user("총괄", COORDINATOR))
    with django_capture_on_commit_callbacks(execute=True):
        assert review(coordinator, application, to_state="reviewing", note="부서 의견 조회").status_code == 302
        assert review(coordinator, application, to_state="deliberation").status_code == 302
        response = review(coordinator, application, to_state="selected", department=str(department.pk),
                          review_date="2026-03-20", decision_text="중점관리 대상사업으로 선정")
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.state == Application.State.SELECTED
    log = [(c.from_state, c.to_state, c.changed_by.username if c.changed_by else None)
           for c in application.state_changes.all()]
    assert log == [("", "received", None), ("received", "reviewing", "총괄"),
                   ("reviewing", "deliberation", "총괄"), ("deliberation", "selected", "총괄")]
    project = application.created_project
    assert project.title == "중구 공공자전거 확충" and project.department == department
    assert project.selection_criterion.short_name == "국민신청사업"
    assert not project.is_published and project.version == 1

    # 5. the decision e-mail
    assert len(mail.outbox) == 2
    decided = mail.outbox[1]
    assert decided.to == ["hong@example.com"] and "선정" in decided.subject
    assert "중점관리 대상사업으로 선정" in decided.body

    # 6. the public list: masked name, decision, never contact details; the sheet once published
    listing = client.get(reverse("application_list")).content.decode()
    assert number in listing and "홍*동" in listing and "중점관리 대상사업으로 선정" in listing
    for private in ("홍길동", "hong@example.com", "010-1234-5678"):
        assert private not in listing
    assert project.get_absolute_url() not in listing
    with sheet_write(project=project, user=None, comment="공개"):
        project.published_at = timezone.now()
        project.save()
    listing = client.get(reverse("application_list")).content.decode()
    assert f'href="{project.get_absolute_url()}"' in listing

    # 7. and the status page shows the decision
    page = client.post(reverse("apply_status"), {"receipt_number": number, "email": "hong@example.com"}).content.decode()
    assert ">선정<" in page and "2026. 3. 20." in page and project.get_absolute_url() in page


def test_the_public_list_is_per_year_and_fixed_in_queries(client, django_assert_max_num_queries):
    from tests.applications import submitted

    for n in range(5):
        submitted(policy_title=f"정책 {n}")
    Application.objects.filter(pk=Application.objects.first().pk).update(receipt_year=2025)
    with django_assert_max_num_queries(4):
        page = client.get(reverse("application_list"), {"year": str(timezone.localdate().year)})
    assert page.content.decode().count("홍*동") == 4
    assert "2025년" in page.content.decode()
    assert client.get(reverse("application_list"), {"year": "abcd"}).status_code == 200


def test_a_project_from_the_register_can_be_named(client, django_capture_on_commit_callbacks):
    from tests.factories import PolicyProjectFactory

    project = PolicyProjectFactory(registration_number="2024-05", published_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("apply"), {**FORM, "project_number": "2024-5"}).status_code == 302
    assert Application.objects.get().project == project
    assert PolicyProject.objects.count() == 1


def test_receipt_and_status_pages_use_a_fixed_number_of_queries(client, django_assert_num_queries):
    from django.core import signing

    from projects.applications.views import RECEIPT_SALT
    from tests.applications import submitted

    application = submitted()
    token = signing.dumps(application.pk, salt=RECEIPT_SALT)
    with django_assert_num_queries(1):
        assert client.get(reverse("apply_receipt", args=[token])).status_code == 200
    with django_assert_num_queries(2):  # the application (with its reason and sheet), its log
        client.post(reverse("apply_status"), {"receipt_number": application.receipt_number,
                                              "email": "hong@example.com"})
