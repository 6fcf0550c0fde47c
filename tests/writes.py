"""Changing a sheet in tests the way the application does: through the write door."""

import itertools

from projects.writing import sheet_write

_edits = itertools.count(1)


def edit_sheet(project, *, comment: str = "시험 변경", user=None, **fields):
    """Set ``fields`` on the project (default: a new 추진배경) and write it through the door, so
    the change is one revision with ``comment``."""
    fields = fields or {"background": f"시험으로 고친 추진배경 {next(_edits)}"}
    with sheet_write(project=project, user=user, comment=comment):
        project.refresh_from_db()
        for name, value in fields.items():
            setattr(project, name, value)
        project.save()
    return project
