"""The applicant's e-mails: recorded first, sent after the transaction commits, retried later.

Every e-mail is a ``Notification`` row written in the same transaction as the change it tells
of; it is sent through Django's e-mail framework once that transaction commits. A send that
fails (server down, refused address) leaves the row ``failed`` with the error and the change
stays made; ``manage.py send_pending_notifications`` retries pending and failed rows (row locks
with SKIP LOCKED, so two overlapping cron runs never send one e-mail twice on PostgreSQL).
"""

import logging
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from ..models import Application, Notification

logger = logging.getLogger(__name__)

Kind = Notification.Kind
Status = Notification.Status
NO_ADDRESS = "받는 주소가 없습니다(연락처가 파기되었습니다)."


def notify(application: Application, *, kind: str) -> Notification:
    """Record the e-mail ``kind`` for ``application`` and send it once the transaction commits."""
    context = {"application": application, "organisation": settings.REGISTRY_ORGANISATION}
    subject = " ".join(render_to_string(f"applications/email/{kind}_subject.txt", context).split())
    notification = Notification.objects.create(
        application=application, kind=kind, to=application.applicant_email,
        subject=subject[:200], body=render_to_string(f"applications/email/{kind}.txt", context),
    )
    transaction.on_commit(partial(send_notification, notification.pk))
    return notification


def send_notification(pk: int) -> bool | None:
    """Send one pending or failed notification; True when sent, False when it failed, None when
    there was nothing to send (already sent, or another process is sending it right now)."""
    with transaction.atomic():
        notification = (Notification.objects.select_for_update(skip_locked=True)
                        .filter(pk=pk, status__in=[Status.PENDING, Status.FAILED]).first())
        if notification is None:
            return None
        return _send(notification)


def _send(notification: Notification) -> bool:
    notification.attempts += 1
    try:
        if not notification.to:
            raise ValueError(NO_ADDRESS)
        EmailMessage(subject=notification.subject, body=notification.body,
                     to=[notification.to]).send()
    except Exception as error:  # whatever the mail server or backend raised: the row says so
        notification.status = Status.FAILED
        notification.last_error = f"{type(error).__name__}: {error}"[:500]
        logger.warning("안내 메일 %s 보내기 실패: %s", notification.pk, notification.last_error)
        sent = False
    else:
        notification.status, notification.last_error = Status.SENT, ""
        notification.sent_at = timezone.now()
        sent = True
    notification.save(update_fields=["attempts", "status", "last_error", "sent_at"])
    return sent


def send_pending(*, max_attempts: int | None = None) -> dict[str, int]:
    """Send every pending notification and retry the failed ones that have attempts left."""
    max_attempts = max_attempts or settings.APPLICATION_NOTIFICATION_MAX_ATTEMPTS
    ids = list(Notification.objects.filter(
        status__in=[Status.PENDING, Status.FAILED], attempts__lt=max_attempts,
    ).order_by("created_at", "id").values_list("pk", flat=True))
    counts = {"sent": 0, "failed": 0, "skipped": 0}
    for pk in ids:
        result = send_notification(pk)
        counts["skipped" if result is None else "sent" if result else "failed"] += 1
    return counts
