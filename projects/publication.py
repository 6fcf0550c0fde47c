"""Publication of a sheet: draft → published → withdrawn (→ published again); records are kept.

``published_at`` is the only thing the public querysets look at
(``PolicyProject.objects.published()``); the other fields remember the history: when the sheet
was first published, when and why it was withdrawn. A sheet that was ever published is a public
record and cannot be deleted, by the admin or by code (``pre_delete`` also covers queryset
deletes).
"""

from django.db import transaction
from django.db.models import ProtectedError
from django.db.models.signals import pre_delete
from django.utils import timezone

from .revisions import record_revision

UNDELETABLE_MESSAGE = (
    "공개한 적이 있는 사업내역서는 기록으로 남기므로 삭제할 수 없습니다. "
    "시민에게 보이지 않게 하려면 공개를 철회하세요."
)


class PublicationError(Exception):
    """A publication step that does not apply (the message is shown to staff as it is)."""


def publish(*, project, user) -> None:
    """Make the sheet public from now on, and keep that state as a revision."""
    from .models import PolicyProject

    with transaction.atomic():
        locked = PolicyProject.objects.select_for_update().get(pk=project.pk)
        if locked.is_published:
            raise PublicationError(f"{locked.registration_number}은(는) 이미 공개되어 있습니다.")
        locked.published_at = timezone.now()
        locked.withdrawn_at = None
        locked.withdrawal_reason = ""
        locked.save()
        record_revision(project=locked, user=user, comment="공개")
    _copy_state(locked, project)


def withdraw(*, project, user, reason: str = "") -> None:
    """Hide the sheet from the public; nothing is deleted and its history stays."""
    from .models import PolicyProject

    reason = (reason or "").strip()[:200]
    with transaction.atomic():
        locked = PolicyProject.objects.select_for_update().get(pk=project.pk)
        if not locked.is_published:
            raise PublicationError(f"{locked.registration_number}은(는) 공개되어 있지 않습니다.")
        locked.published_at = None
        locked.withdrawn_at = timezone.now()
        locked.withdrawal_reason = reason
        locked.save()
        record_revision(
            project=locked, user=user, comment=f"공개 철회: {reason}" if reason else "공개 철회",
        )
    _copy_state(locked, project)


def _copy_state(source, target) -> None:
    for name in ("published_at", "first_published_at", "withdrawn_at", "withdrawal_reason",
                 "version", "updated_at"):
        setattr(target, name, getattr(source, name))


def _refuse_deleting_public_records(sender, instance, **kwargs):
    if instance.was_ever_published:
        raise ProtectedError(UNDELETABLE_MESSAGE, {instance})


def connect_signals() -> None:
    from .models import PolicyProject

    pre_delete.connect(
        _refuse_deleting_public_records, sender=PolicyProject,
        dispatch_uid="projects.refuse_deleting_public_records",
    )
