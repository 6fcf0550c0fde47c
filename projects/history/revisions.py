"""One revision holds a whole sheet: the project and every row ``projects.parts`` lists.

django-reversion follows the sheet's parts from the project, so a revision saved for a project
stores every row of its sheet as it was, and reverting it restores them (and removes rows added
since). Departments, officials and criteria are shared by many sheets and are *not* versioned
here: reverting one sheet must never rename a department another sheet shows.

Revisions are recorded by the write door (``projects.writing``), once per changing write; a
revert is itself a write through the door.
"""

import reversion
from django.core.exceptions import ObjectDoesNotExist
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from reversion.errors import RevertError

from .. import parts

#: Publishing is not an edit: a revert never (un)publishes, nor forgets when it was published.
KEPT_ON_REVERT = (
    "published_at", "first_published_at", "withdrawn_at", "withdrawal_reason", "created_at",
)
REVERT_REFUSED_MESSAGE = (
    "이 판으로 되돌릴 수 없습니다: 그 뒤에 바뀐 자료(다른 사업의 등록번호, 삭제된 관련자 등)와 "
    "맞지 않습니다. 아무것도 바꾸지 않았습니다."
)


class RevertRefused(Exception):
    """The revision cannot be restored over today's data; nothing was written."""


def register_sheet_models() -> None:
    from ..models import PolicyProject

    for model in (PolicyProject, *(part.model for part in parts.SHEET_PARTS)):
        if not reversion.is_registered(model):
            # The search columns are derived data: rebuilt after a revert, never restored.
            exclude = ("search_text", "search_grams") if model is PolicyProject else ()
            reversion.register(model, follow=parts.children_of(model), exclude=exclude)


def revert_sheet(*, project, revision, user, loaded_version: int) -> None:
    """Restore every row of the sheet as it was in ``revision`` (rows added since are removed).

    Through the door: scoped (a revert that would put the sheet in another department is
    refused), checked against ``loaded_version``, and recorded as a revision of its own.
    """
    from ..writing import sheet_write

    model = type(project)
    when = date_format(timezone.localtime(revision.date_created), "Y. n. j. H:i")
    try:
        with sheet_write(project=project, user=user, loaded_version=loaded_version,
                         comment=f"{when}에 저장된 판으로 되돌림"):
            before = model.objects.get(pk=project.pk)
            with transaction.atomic():
                revision.revert(delete=True)
                restored = model.objects.get(pk=project.pk)
                for name in KEPT_ON_REVERT:
                    setattr(restored, name, getattr(before, name))
                restored.save()
    except (IntegrityError, RevertError, ObjectDoesNotExist) as error:
        raise RevertRefused(REVERT_REFUSED_MESSAGE) from error
