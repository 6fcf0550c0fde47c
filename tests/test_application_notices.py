"""E-mails are recorded before they are sent; a failed send keeps the change and is retried by
the cron command; contact details are deleted after the retention period, the record stays."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from projects.applications.services import application_transition
from projects.models import Application, Notification, RejectionReason
from tests.applications import FORM, submitted
from tests.staff import COORDINATOR, staff_user

pytestmark = pytest.mark.django_db
REFUSING = "tests.applications.RefusingBackend"


def command(name) -> str:
    out = StringIO()
    call_command(name, stdout=out)
    return out.getvalue()


@override_settings(EMAIL_BACKEND=REFUSING)
def test_a_failed_receipt_mail_keeps_the_application_and_is_retried_by_the_command(
        client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("apply"), FORM)
    assert response.status_code == 302  # the citizen still gets the receipt
    application = Application.objects.get()
    notification = application.notifications.get()
    assert notification.status == Notification.Status.FAILED and notification.attempts == 1
    assert "메일 서버에 연결할 수 없습니다" in notification.last_error
    assert "실패 1건" in command("send_pending_notifications")  # the server is still down
    notification.refresh_from_db()
    assert notification.attempts == 2

    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        assert "보냄 1건" in command("send_pending_notifications")
        assert "보냄 0건" in command("send_pending_notifications")  # sent once, never twice
    notification.refresh_from_db()
    assert notification.status == Notification.Status.SENT and notification.sent_at is not None
    assert [m.subject for m in mail.outbox] == [notification.subject]
    assert application.receipt_number in mail.outbox[0].body


def test_a_failed_decision_mail_does_not_undo_the_decision(django_capture_on_commit_callbacks):
    application = submitted()
    coordinator = staff_user("총괄", COORDINATOR)
    with override_settings(EMAIL_BACKEND=REFUSING), django_capture_on_commit_callbacks(execute=True):
        application_transition(application=application, user=coordinator, to_state="returned",
                               note="", reason=RejectionReason.objects.get(name="신청 내용 불명확"))
    application.refresh_from_db()
    assert application.state == "returned"
    decided = application.notifications.get(kind="decided")
    assert decided.status == "failed"
    command("send_pending_notifications")
    assert "신청 내용 불명확" in mail.outbox[-1].body
    assert Notification.objects.filter(status="sent").count() == 2  # the receipt, then the decision


@override_settings(EMAIL_BACKEND=REFUSING)
def test_the_command_gives_up_after_the_maximum_attempts():
    submitted()
    Notification.objects.update(attempts=10, status="failed")
    assert "보냄 0건, 실패 0건" in command("send_pending_notifications")


@override_settings(APPLICATION_RETENTION_DAYS=30)
def test_contacts_are_purged_after_the_retention_period_and_the_record_stays(client):
    coordinator = staff_user("총괄", COORDINATOR)
    old, recent, open_ = submitted(), submitted(applicant_name="김철수"), submitted()
    for application in (old, recent):
        application_transition(application=application, user=coordinator, to_state="returned",
                               note="", reason=RejectionReason.objects.first())
    Application.objects.filter(pk=old.pk).update(decided_at=timezone.now() - timedelta(days=31))
    Application.objects.filter(pk=open_.pk).update(received_at=timezone.now() - timedelta(days=400))

    assert command("purge_applicant_contacts") == f"연락처 파기 1건: {old.receipt_number}\n"
    old.refresh_from_db()
    assert (old.applicant_name, old.applicant_email, old.applicant_phone) == ("", "", "")
    assert old.applicant_name_masked == "홍*동" and old.contact_purged_at is not None
    assert set(old.notifications.values_list("to", flat=True)) == {""}
    recent.refresh_from_db()
    open_.refresh_from_db()
    assert recent.applicant_email == "hong@example.com" and open_.applicant_name == "홍길동"
    listing = client.get(reverse("application_list")).content.decode()
    assert old.receipt_number in listing and listing.count("홍*동") == 2  # old and open_
    assert command("purge_applicant_contacts") == "연락처 파기 0건\n"


def test_the_retention_period_is_the_one_stated_when_the_applicant_consented(client):
    with override_settings(APPLICATION_RETENTION_DAYS=90):
        assert "결정한 날부터 90일" in client.get(reverse("apply")).content.decode()
        application = submitted()
    assert application.retention_days == 90
    coordinator = staff_user("총괄", COORDINATOR)
    application_transition(application=application, user=coordinator, to_state="returned", note="",
                           reason=RejectionReason.objects.first())
    Application.objects.update(decided_at=timezone.now() - timedelta(days=60))
    with override_settings(APPLICATION_RETENTION_DAYS=30):  # shortened later: not for this one
        assert command("purge_applicant_contacts") == "연락처 파기 0건\n"
