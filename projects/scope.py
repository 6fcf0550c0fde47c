"""Who may write which sheet: one policy for editing, importing, reverting and the PDF export.

A 정책실명제 총괄 user (``projects.change_any_department``) writes every department's sheets; a
사업부서 담당자 writes only the sheets of the departments they staff (``Department.staff``). The
write door (``projects.writing``) applies it to every write; the admin applies the same rules to
what it lists and opens, so a user never sees a form they could not save.
"""

from django.db.models import QuerySet

OTHER_DEPARTMENT_MESSAGE = (
    "다른 부서의 사업내역서는 열거나 고칠 수 없습니다. 담당 부서를 바꿔야 하면 정책실명제 총괄 "
    "담당자에게 요청하세요."
)


class OutOfScope(PermissionError):
    """A write or view outside the user's departments; the message is Korean, for staff."""

    def __init__(self, message: str = OTHER_DEPARTMENT_MESSAGE):
        super().__init__(message)


def edits_every_department(user) -> bool:
    """``None`` is the system itself (a management command, the demo): it writes everything."""
    return user is None or user.has_perm("projects.change_any_department")


def department_ids(user) -> set[int]:
    from .models import Department

    return set(Department.objects.filter(staff=user).values_list("pk", flat=True))


def may_write_department(user, department_id) -> bool:
    """Whether ``user`` may write a sheet of that department (``None`` for a sheet not yet
    assigned: only users who write every department)."""
    if edits_every_department(user):
        return True
    if department_id is None or user is None or not user.is_authenticated:
        return False
    from .models import Department

    return Department.objects.filter(pk=department_id, staff=user).exists()


def may_write(user, project) -> bool:
    return may_write_department(user, project.department_id)


def check_may_write(user, project) -> None:
    if not may_write(user, project):
        raise OutOfScope()


def scoped(queryset: QuerySet, user) -> QuerySet:
    """The projects of ``queryset`` that ``user`` may see and edit."""
    if edits_every_department(user):
        return queryset
    return queryset.filter(department__staff=user)
