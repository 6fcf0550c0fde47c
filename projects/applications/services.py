"""The writes of 국민신청실명제, each one transaction, keyword-only and typed.

``application_submit`` takes the next 접수번호 of the year and records the application, its first
log row and the receipt e-mail; ``application_transition`` moves an application along the review
(only the transitions in ``ALLOWED`` exist) and, on 선정, writes a draft sheet through the write
door. Views and the admin call these and never set ``state`` themselves.
"""

import logging
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from ..models import (
    Application,
    ApplicationStateChange,
    Department,
    Notification,
    PolicyProject,
    ReceiptCounter,
    SelectionCriterion,
    mask_name,
)
from ..writing import sheet_write
from . import notices

logger = logging.getLogger(__name__)

State = Application.State

#: The review's only paths: 접수 → 검토중 → 심의 → 선정 / 미선정, and 반려 at any step before a decision.
ALLOWED: dict[str, tuple[str, ...]] = {
    State.RECEIVED: (State.REVIEWING, State.RETURNED),
    State.REVIEWING: (State.DELIBERATION, State.RETURNED),
    State.DELIBERATION: (State.SELECTED, State.NOT_SELECTED, State.RETURNED),
    State.SELECTED: (),
    State.NOT_SELECTED: (),
    State.RETURNED: (),
}
#: Changes the applicant is told of by e-mail (접수 is told by ``application_submit``).
NOTIFIED = (State.SELECTED, State.NOT_SELECTED, State.RETURNED)
CRITERION_SHORT_NAME = "국민신청사업"
CRITERION_DESCRIPTION = "국민신청실명제로 신청되어 선정된 사업"
REVIEW_PERMISSION = "projects.review_application"


class TransitionError(ValueError):
    """A state change that is not allowed or lacks what it needs; the message is Korean."""


def next_receipt_number(year: int) -> tuple[int, str]:
    """The next sequence of ``year`` and its 접수번호, inside the caller's transaction.

    The year's counter row is created if missing (``ignore_conflicts``: two first applications of
    a year both try, one row results) and then locked until the transaction ends, so concurrent
    submissions take consecutive numbers one after another; a rolled-back submission gives its
    number back.
    """
    ReceiptCounter.objects.bulk_create([ReceiptCounter(year=year)], ignore_conflicts=True)
    counter = ReceiptCounter.objects.select_for_update().get(year=year)
    counter.last_seq += 1
    counter.save(update_fields=["last_seq"])
    return counter.last_seq, Application.format_number(year, counter.last_seq)


def due_date(received: date) -> date:
    return received + timedelta(days=settings.APPLICATION_DUE_DAYS)


def application_submit(*, data: dict, client_address: str | None) -> Application:
    """Record a citizen's application (cleaned form data) with its 접수번호 and receipt e-mail.

    ``data`` holds applicant_name, applicant_email, applicant_phone, policy_title, department,
    project, reason and consent. Consent is required here too, not only by the form. The
    client's address goes to the log only (to trace abuse), never into the record.
    """
    if data.get("consent") is not True:
        raise ValueError("개인정보 수집·이용에 동의해야 신청할 수 있습니다.")
    now = timezone.now()
    year = timezone.localdate(now).year
    with transaction.atomic():
        seq, number = next_receipt_number(year)
        application = Application.objects.create(
            receipt_number=number, receipt_year=year, receipt_seq=seq, received_at=now,
            applicant_name=data["applicant_name"].strip(),
            applicant_name_masked=mask_name(data["applicant_name"]),
            applicant_email=data["applicant_email"].strip(),
            applicant_phone=(data.get("applicant_phone") or "").strip(),
            policy_title=data["policy_title"].strip(),
            department=data.get("department"), project=data.get("project"),
            reason=data["reason"].strip(), consent=True,
            retention_days=settings.APPLICATION_RETENTION_DAYS,
            due_on=due_date(timezone.localdate(now)),
        )
        ApplicationStateChange.objects.create(
            application=application, changed_at=now, to_state=State.RECEIVED, note="온라인 신청",
        )
        notices.notify(application, kind=notices.Kind.RECEIVED)
    logger.info("국민신청 %s 접수 (주소 %s)", number, client_address or "?")
    return application


def check_transition(*, application: Application, to_state: str, reason=None,
                     department: Department | None = None) -> None:
    """Raise :class:`TransitionError` unless ``to_state`` may follow the application's state now,
    with what it needs (a 반려 사유; for 선정, a department for the draft sheet)."""
    if to_state not in ALLOWED.get(application.state, ()):
        allowed = ", ".join(State(state).label for state in ALLOWED.get(application.state, ()))
        current = State(application.state).label
        raise TransitionError(
            f"'{current}' 상태에서는 '{State(to_state).label if to_state in State.values else to_state}'"
            f"(으)로 바꿀 수 없습니다. " + (f"가능한 상태: {allowed}." if allowed else "이미 결정된 신청입니다.")
        )
    if to_state == State.RETURNED and reason is None:
        raise TransitionError("반려하려면 반려 사유를 고르세요.")
    if to_state == State.SELECTED and (department or application.department) is None:
        raise TransitionError("선정하려면 사업내역서 초안을 맡을 사업부서를 고르세요.")


def application_transition(*, application: Application, user, to_state: str, note: str,
                           reason=None, department: Department | None = None) -> Application:
    """Move ``application`` to ``to_state`` as ``user`` (who needs ``review_application``).

    Logs who, when, from → to and ``note``; 반려 keeps ``reason`` (a RejectionReason) and the
    note as its explanation; 선정 writes a draft sheet (criterion 국민신청사업, the application's
    department or ``department``) through the write door and links it. The applicant's e-mail
    for a decision is recorded here and sent after commit: a failed send leaves the change made.
    """
    if user is None or not user.has_perm(REVIEW_PERMISSION):
        raise PermissionDenied("국민신청을 처리할 권한이 없습니다. 정책실명제 총괄 담당자에게 요청하세요.")
    note = (note or "").strip()
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        check_transition(application=locked, to_state=to_state, reason=reason, department=department)
        now = timezone.now()
        from_state = locked.state
        locked.state = to_state
        if department is not None:
            locked.department = department
        if to_state == State.RETURNED:
            locked.rejection_reason, locked.rejection_note = reason, note[:1000]
        if to_state in Application.DECIDED:
            locked.decided_at = now
        if to_state == State.SELECTED:
            locked.created_project = _draft_sheet(locked, user=user)
        locked.save()
        ApplicationStateChange.objects.create(
            application=locked, changed_at=now, changed_by=user, from_state=from_state,
            to_state=to_state, note=note[:1000],
        )
        if to_state in NOTIFIED:
            notices.notify(locked, kind=notices.Kind.DECIDED)
    application.refresh_from_db()
    return application


def _draft_sheet(application: Application, *, user) -> PolicyProject:
    """A draft 사업내역서 for a selected application, written through the door: the next free
    등록번호 of this year, the applied-for title, criterion 국민신청사업, unpublished."""
    criterion, _ = SelectionCriterion.objects.get_or_create(
        short_name=CRITERION_SHORT_NAME,
        defaults={"description": CRITERION_DESCRIPTION, "order": 100},
    )
    today = timezone.localdate()
    comment = f"국민신청 {application.receipt_number} 선정으로 초안 작성"
    for _attempt in range(3):  # another sheet may take the same number meanwhile: take the next
        last = (PolicyProject.objects.filter(registration_year=today.year)
                .aggregate(last=Max("registration_seq"))["last"] or 0)
        project = PolicyProject(
            registration_number=f"{today.year}-{last + 1}", title=application.policy_title,
            department=application.department, selection_criterion=criterion,
            started_on=today.replace(day=1),
        )
        try:
            with sheet_write(project=project, user=user, comment=comment):
                project.save()
        except IntegrityError:
            continue
        return project
    raise TransitionError("사업내역서 초안의 등록번호를 정하지 못했습니다. 잠시 뒤 다시 선정하세요.")


def purge_applicant_contacts(*, now=None) -> list[str]:
    """Delete the name, e-mail and phone of every application whose retention period (stated in
    the consent text it was given with) has passed since its decision; the public record — the
    masked name, the title, the decision — stays. Returns the 접수번호 purged."""
    now = now or timezone.now()
    with transaction.atomic():
        expired = [
            application for application in Application.objects.contacts_held().select_for_update()
            .only("pk", "receipt_number", "decided_at", "retention_days")
            if application.contact_expires_at <= now
        ]
        ids = [application.pk for application in expired]
        Application.objects.filter(pk__in=ids).update(
            applicant_name="", applicant_email="", applicant_phone="", contact_purged_at=now,
        )
        Notification.objects.filter(application_id__in=ids).update(to="")
    return [application.receipt_number for application in expired]
