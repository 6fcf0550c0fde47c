"""One revision holds a whole sheet: the project, ⑤, ⑥, the phases and their items and people.

django-reversion follows these relations from the project, so a revision saved for a project
stores every row of its sheet as it was, and reverting it restores them (and removes rows added
since). Departments, officials and criteria are shared by many sheets and are *not* versioned
here: reverting one sheet must never rename a department another sheet shows.
"""

from contextlib import contextmanager

import reversion
from django.core.exceptions import ObjectDoesNotExist
from django.db import IntegrityError, transaction
from reversion.errors import RevertError

SHEET_FOLLOW = ("outline_items", "project_officials", "phases")
PHASE_FOLLOW = ("items", "officials")


def register_sheet_models() -> None:
    from timeline.models import Phase, PhaseItem, PhaseOfficial

    from .models import OutlineItem, PolicyProject, ProjectOfficial

    for model, follow in [
        (PolicyProject, SHEET_FOLLOW),
        (OutlineItem, ()),
        (ProjectOfficial, ()),
        (Phase, PHASE_FOLLOW),
        (PhaseItem, ()),
        (PhaseOfficial, ()),
    ]:
        if not reversion.is_registered(model):
            # The search columns are derived data: rebuilt after a revert, never restored.
            exclude = ("search_text", "search_grams") if model is PolicyProject else ()
            reversion.register(model, follow=follow, exclude=exclude)


@contextmanager
def sheet_revision(*, user, comment: str):
    """A revision whose content is added explicitly with :func:`add_sheet` (no signal magic).

    ``manage_manually`` matters: with signals, a row deleted later in the same request would
    stay in the revision (it was serialised when its project was saved), and reverting would
    bring it back.
    """
    with transaction.atomic(), reversion.create_revision(manage_manually=True):
        if user is not None and user.is_authenticated:
            reversion.set_user(user)
        reversion.set_comment(comment)
        yield


def add_sheet(project) -> None:
    """Put the project's sheet, as it now is in the database, into the active revision."""
    from .models import PolicyProject

    fresh = PolicyProject.objects.get(pk=project.pk)  # no stale prefetch caches
    reversion.add_to_revision(fresh)


def record_revision(*, project, user, comment: str) -> None:
    """Save one revision of the sheet as it now is (publication, revert, imports)."""
    with sheet_revision(user=user, comment=comment):
        add_sheet(project)


KEPT_ON_REVERT = (
    "published_at", "first_published_at", "withdrawn_at", "withdrawal_reason", "created_at",
)
REVERT_REFUSED_MESSAGE = (
    "이 판으로 되돌릴 수 없습니다: 그 뒤에 바뀐 자료(다른 사업의 등록번호, 삭제된 관련자 등)와 "
    "맞지 않습니다. 아무것도 바꾸지 않았습니다."
)


class RevertRefused(Exception):
    """The revision cannot be restored over today's data; nothing was written."""


class StaleSheetError(Exception):
    """The sheet changed since the page was loaded; nothing was written."""


STALE_MESSAGE = (
    "다른 사용자가 이 사업내역서를 먼저 저장했습니다(이 화면은 버전 {loaded}에서 열었고, 지금은 "
    "버전 {current}입니다). 덮어쓰지 않도록 아무것도 저장하지 않았습니다. 바꾸려던 내용을 따로 "
    "적어 두고, 페이지를 새로 열어 최신 내용에 다시 반영하세요."
)


def lock_current_version(project_pk, loaded_version) -> int:
    """Lock the project row until the transaction ends and check it is still ``loaded_version``.

    Must run inside the transaction that writes the sheet: a second writer then waits here for
    the first to commit, and sees its new version.
    """
    from .models import PolicyProject

    current = (
        PolicyProject.objects.select_for_update().filter(pk=project_pk)
        .values_list("version", flat=True).first()
    )
    if current is None or loaded_version is None or int(loaded_version) != current:
        raise StaleSheetError(STALE_MESSAGE.format(loaded=loaded_version or "?", current=current))
    return current


def revert_sheet(*, project, revision, user, loaded_version: int) -> None:
    """Restore every row of the sheet as it was in ``revision`` (rows added since are removed).

    The restored project keeps counting versions forward (a revert is a new version, so a form
    opened before it cannot overwrite it) and the revert itself is recorded as a revision.
    """
    from django.utils import timezone
    from django.utils.formats import date_format

    from .search import refresh_search_text

    model = type(project)
    with transaction.atomic():
        current = lock_current_version(project.pk, loaded_version)
        before = model.objects.get(pk=project.pk)
        try:
            with transaction.atomic():
                revision.revert(delete=True)
                restored = model.objects.get(pk=project.pk)
                for name in KEPT_ON_REVERT:  # publishing is not an edit: a revert never (un)publishes
                    setattr(restored, name, getattr(before, name))
                restored.version = current  # save() moves it to current + 1
                restored.save()
                refresh_search_text(restored)
        except (IntegrityError, RevertError, ObjectDoesNotExist) as error:
            raise RevertRefused(REVERT_REFUSED_MESSAGE) from error
        when = date_format(timezone.localtime(revision.date_created), "Y. n. j. H:i")
        record_revision(project=restored, user=user, comment=f"{when}에 저장된 판으로 되돌림")
