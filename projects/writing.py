"""The one door for every write of a sheet.

Every write of a 사업내역서 — an admin save, an import, a revert, publishing and withdrawing, the
demo register — runs inside :func:`sheet_write`, and the steps that must follow a write happen
here and nowhere else:

1. it checks that the user may write this sheet (``projects.scope``), before and after: a write
   that would move a sheet into another department is refused too;
2. it locks the project row and, given the version the writer loaded, refuses a stale write
   (someone saved in between) before anything is written;
3. while the write runs, a row of another sheet cannot be saved or deleted (the rows a sheet owns
   are listed in ``projects.parts``): that is refused, whatever the caller's own checks missed;
4. afterwards it compares the whole sheet with how it was: if nothing changed nothing more
   happens — no new version, no revision, the same PDF;
5. otherwise it moves ``version`` once, stamps ``updated_at``, records exactly one revision (who,
   when, the comment), refreshes the search text and, once the transaction commits, retires the
   cached renderings of the old version and tells listeners (``sheet_written``).

Renaming a row many sheets show (a department, an official, a criterion) is
:func:`shared_rows_renamed`: each sheet naming it gets a new version and fresh search text.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import partial

import django.dispatch
import reversion
from django.db import transaction
from django.db.models.signals import pre_delete, pre_save
from django.utils import timezone

from . import parts, scope
from .rendering import cache as renderings
from .search import refresh_search_text, refresh_search_texts

#: Sent after the transaction of a changing write commits: ``project_id``, ``version``.
sheet_written = django.dispatch.Signal()

STALE_MESSAGE = (
    "다른 사용자가 이 사업내역서를 먼저 저장했습니다(이 화면은 버전 {loaded}에서 열었고, 지금은 "
    "버전 {current}입니다). 덮어쓰지 않도록 아무것도 저장하지 않았습니다. 바꾸려던 내용을 따로 "
    "적어 두고, 페이지를 새로 열어 최신 내용에 다시 반영하세요."
)
FOREIGN_ROW_MESSAGE = (
    "이 사업내역서의 행이 아닌 자료({what})를 바꾸려 했습니다. 다른 사업내역서의 행은 그 사업내역서에서만 "
    "고칠 수 있습니다. 아무것도 저장하지 않았습니다."
)


class SheetWriteError(Exception):
    """A write the door refused; nothing was written. The message is Korean, for staff."""


class StaleSheetError(SheetWriteError):
    """The sheet changed since the writer loaded it."""


class ForeignRowError(SheetWriteError):
    """The write touched a row that belongs to another sheet."""


OutOfScope = scope.OutOfScope


@dataclass
class SheetWrite:
    """One write in progress. ``comment`` may still be set inside the ``with`` block (the admin
    knows what changed only after saving); ``changed`` is known once the block has ended."""

    project: object
    user: object
    comment: str
    changed: bool = False
    version_before: int | None = None
    _state_before: tuple | None = field(default=None, repr=False)


_active: ContextVar[SheetWrite | None] = ContextVar("sheet_write", default=None)


def lock_version(project_pk, loaded_version) -> int:
    """Lock the project row until the transaction ends and check it is still at ``loaded_version``.

    Runs inside the writing transaction: a second writer waits here for the first to commit,
    then sees its new version and is refused.
    """
    from .models import PolicyProject

    current = (
        PolicyProject.objects.select_for_update().filter(pk=project_pk)
        .values_list("version", flat=True).first()
    )
    try:
        loaded = int(loaded_version)
    except (TypeError, ValueError):
        loaded = None
    if current is None or loaded != current:
        raise StaleSheetError(STALE_MESSAGE.format(loaded=loaded_version or "?", current=current))
    return current


@contextmanager
def sheet_write(*, project, user, comment: str,
                loaded_version: int | str | None = None) -> Iterator[SheetWrite]:
    """Write one sheet, all or nothing: see the module's docstring for what happens around it.

    ``project`` is the sheet to write; an unsaved instance for a new sheet (the block saves it).
    ``user`` is the staff member, or None for the system (commands, the demo register).
    ``loaded_version``: the version the writer's form or preview was made from (as posted: a
    value that is not a number counts as stale); a write over a
    newer version raises :class:`StaleSheetError`. Raises :class:`OutOfScope` when the user may
    not write the sheet as it was or as it would be.
    """
    from .models import PolicyProject

    if _active.get() is not None:
        raise RuntimeError("sheet_write does not nest: one write, one revision")
    write = SheetWrite(project=project, user=user, comment=comment)
    with transaction.atomic():
        if project.pk is not None:
            current = (PolicyProject.objects.select_for_update().filter(pk=project.pk)
                       .values_list("version", "department_id").first())
            if current is None:
                raise SheetWriteError("사업내역서가 그사이 삭제되었습니다. 아무것도 저장하지 않았습니다.")
            if loaded_version is not None:
                lock_version(project.pk, loaded_version)
            write.version_before, department_before = current
            if not scope.may_write_department(user, department_before):
                raise OutOfScope()
            write._state_before = parts.sheet_state(project.pk)
        token = _active.set(write)
        try:
            yield write
        finally:
            _active.reset(token)
        _finish(write)


def _finish(write: SheetWrite) -> None:
    from .models import PolicyProject

    project = write.project
    if project.pk is None:
        raise SheetWriteError("사업내역서가 저장되지 않았습니다.")
    department_after = (PolicyProject.objects.select_for_update().filter(pk=project.pk)
                        .values_list("department_id", flat=True).get())
    if not scope.may_write_department(write.user, department_after):
        raise OutOfScope()
    if write._state_before is not None and parts.sheet_state(project.pk) == write._state_before:
        write.changed = False
        if write.version_before is not None:  # an unchanged save keeps its stamp and version
            project.version = write.version_before
        return
    write.changed = True
    version = (write.version_before or 0) + 1
    now = timezone.now()
    PolicyProject.objects.filter(pk=project.pk).update(version=version, updated_at=now)
    project.version, project.updated_at = version, now
    refresh_search_text(project)
    _record_revision(write)
    old_version = write.version_before
    transaction.on_commit(partial(_after_commit, project.pk, old_version, version))


def _record_revision(write: SheetWrite) -> None:
    from .models import PolicyProject

    with reversion.create_revision(manage_manually=True):
        if write.user is not None and write.user.is_authenticated:
            reversion.set_user(write.user)
        reversion.set_comment(write.comment)
        reversion.add_to_revision(PolicyProject.objects.get(pk=write.project.pk))


def _after_commit(project_pk, old_version, version) -> None:
    if old_version is not None:
        renderings.retire(project_pk=project_pk, version=old_version)
    sheet_written.send(sender=sheet_write, project_id=project_pk, version=version)


def shared_rows_renamed(project_ids) -> None:
    """A department, official or criterion that these sheets show was renamed: each sheet is
    found under the new name and becomes a new version (its cached renderings print the old
    name). Not a revision: revisions hold the sheet's own rows, and shared rows show their
    current names in every stored revision."""
    from .models import PolicyProject

    ids = sorted(set(project_ids))
    if not ids:
        return
    with transaction.atomic():
        before = dict(PolicyProject.objects.select_for_update().filter(pk__in=ids)
                      .values_list("pk", "version"))
        refresh_search_texts(ids)
        PolicyProject.objects.filter(pk__in=ids).mark_changed()
        for pk, version in before.items():
            transaction.on_commit(partial(_after_commit, pk, version, version + 1))


# --- the guard: while a write is active, rows of other sheets are not touched -----------------

def _guard_save(sender, instance, raw=False, **kwargs):
    write = _active.get()
    part = parts.part_for(sender)
    if write is None or part is None:
        return
    own = write.project.pk
    if instance.pk is not None:
        stored = part.stored_sheet_of(instance.pk)
        if stored is not None and stored != own:
            raise ForeignRowError(FOREIGN_ROW_MESSAGE.format(what=sender._meta.verbose_name))
    owner = part.sheet_of(instance)
    if owner is None and raw:
        return  # a revert restores a row before its parent; the foreign key is checked at commit
    if owner != own:
        raise ForeignRowError(FOREIGN_ROW_MESSAGE.format(what=sender._meta.verbose_name))


def _guard_delete(sender, instance, **kwargs):
    write = _active.get()
    part = parts.part_for(sender)
    if write is None or part is None:
        return
    stored = part.stored_sheet_of(instance.pk)
    if stored is not None and stored != write.project.pk:
        raise ForeignRowError(FOREIGN_ROW_MESSAGE.format(what=sender._meta.verbose_name))


def connect_guards() -> None:
    for part in parts.SHEET_PARTS:
        pre_save.connect(_guard_save, sender=part.model, dispatch_uid=f"sheet-guard-save-{part.label}")
        pre_delete.connect(_guard_delete, sender=part.model,
                           dispatch_uid=f"sheet-guard-delete-{part.label}")
