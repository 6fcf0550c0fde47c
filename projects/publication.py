"""Publication of a sheet: draft → published → withdrawn (→ published again); records are kept.

``published_at`` is the only thing the public querysets look at
(``PolicyProject.objects.published()``); the other fields remember the history: when the sheet
was first published, when and why it was withdrawn. Each step is a write through the door
(``projects.writing``), so it is one revision of its own. A sheet that was ever published is a
public record and cannot be deleted, by the admin or by code (``pre_delete`` also covers
queryset deletes).
"""

from django.db.models import ProtectedError
from django.db.models.signals import pre_delete
from django.utils import timezone

from .writing import sheet_write

UNDELETABLE_MESSAGE = (
    "공개한 적이 있는 사업내역서는 기록으로 남기므로 삭제할 수 없습니다. "
    "시민에게 보이지 않게 하려면 공개를 철회하세요."
)
NOT_ALLOWED_MESSAGE = "사업내역서를 공개하거나 철회할 권한이 없습니다. 정책실명제 총괄 담당자에게 요청하세요."


class PublicationError(Exception):
    """A publication step that does not apply (the message is shown to staff as it is)."""


def may_publish(user) -> bool:
    """``None`` is the system (commands, the demo register)."""
    return user is None or user.has_perm("projects.publish_policyproject")


def publish(*, project, user) -> None:
    """Make the sheet public from now on, and keep that state as a revision."""
    if not may_publish(user):
        raise PublicationError(NOT_ALLOWED_MESSAGE)
    with sheet_write(project=project, user=user, comment="공개"):
        project.refresh_from_db()
        if project.is_published:
            raise PublicationError(f"{project.registration_number}은(는) 이미 공개되어 있습니다.")
        project.published_at = timezone.now()
        project.withdrawn_at = None
        project.withdrawal_reason = ""
        project.save()


def withdraw(*, project, user, reason: str = "") -> None:
    """Hide the sheet from the public; nothing is deleted and its history stays."""
    if not may_publish(user):
        raise PublicationError(NOT_ALLOWED_MESSAGE)
    reason = " ".join((reason or "").split())[:200]
    comment = f"공개 철회: {reason}" if reason else "공개 철회"
    with sheet_write(project=project, user=user, comment=comment):
        project.refresh_from_db()
        if not project.is_published:
            raise PublicationError(f"{project.registration_number}은(는) 공개되어 있지 않습니다.")
        project.published_at = None
        project.withdrawn_at = timezone.now()
        project.withdrawal_reason = reason
        project.save()


def _refuse_deleting_public_records(sender, instance, **kwargs):
    if instance.was_ever_published:
        raise ProtectedError(UNDELETABLE_MESSAGE, {instance})


def connect_signals() -> None:
    from .models import PolicyProject

    pre_delete.connect(
        _refuse_deleting_public_records, sender=PolicyProject,
        dispatch_uid="projects.refuse_deleting_public_records",
    )
