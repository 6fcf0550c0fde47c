"""What one 사업내역서 is made of, besides its project row: the rows that belong to it.

One list (``SHEET_PARTS``) tells every part of the code which rows are a sheet's own and how to
reach the project from each: revisions follow it (``projects.history.revisions``), the write door
fingerprints it to know whether a write changed anything and refuses rows of other sheets
(``projects.writing``), and the admin's formsets only ever see rows it says are the sheet's.
A new kind of row on the sheet is one line here.
"""

from dataclasses import dataclass
from functools import cached_property

from django.apps import apps
from django.db import models

#: Project columns that are bookkeeping, not content: a write that changes only these has not
#: changed the sheet (the door sets them itself).
BOOKKEEPING_FIELDS = frozenset({"version", "updated_at", "created_at", "search_text", "search_grams"})


@dataclass(frozen=True)
class SheetPart:
    """A kind of row that belongs to one sheet. ``sheet_path`` is the ORM path from such a row
    to its project (``phase__project``); its first step is the row's parent."""

    label: str
    sheet_path: str

    @cached_property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.label)

    @property
    def parent_field(self) -> str:
        return self.sheet_path.split("__")[0]

    @property
    def parent_path(self) -> str:
        """From the parent row to the project ("" when the parent is the project)."""
        return self.sheet_path.partition("__")[2]

    def rows_of(self, project_pk) -> models.QuerySet:
        """This kind of row of one sheet (none for a sheet not saved yet)."""
        if project_pk is None:
            return self.model._default_manager.none()
        return self.model._default_manager.filter(**{self.sheet_path: project_pk})

    def sheet_of(self, row) -> int | None:
        """The project a row (saved or not) belongs to *as it is in memory*."""
        parent_id = getattr(row, f"{self.parent_field}_id")
        if not self.parent_path or parent_id is None:
            return parent_id
        parent = part_for(row._meta.get_field(self.parent_field).related_model)
        return parent.model._default_manager.filter(pk=parent_id).values_list(
            parent.sheet_path, flat=True).first()

    def stored_sheet_of(self, pk) -> int | None:
        """The project a stored row belongs to in the database (None if there is no such row)."""
        return self.model._default_manager.filter(pk=pk).values_list(
            self.sheet_path, flat=True).first()


SHEET_PARTS: tuple[SheetPart, ...] = (
    SheetPart("projects.ProjectOfficial", "project"),
    SheetPart("projects.OutlineItem", "project"),
    SheetPart("timeline.Phase", "project"),
    SheetPart("timeline.PhaseItem", "phase__project"),
    SheetPart("timeline.PhaseOfficial", "phase__project"),
    # 제63조 records beyond the sheet (projects.models.records): part of the same revision.
    SheetPart("projects.Document", "project"),
    SheetPart("projects.Opinion", "phase__project"),
    SheetPart("projects.Meeting", "phase__project"),
    SheetPart("projects.MeetingAttendee", "meeting__phase__project"),
    SheetPart("projects.MeetingRemark", "meeting__phase__project"),
)


def part_for(model) -> SheetPart | None:
    for part in SHEET_PARTS:
        if part.model is model or (isinstance(model, str) and part.label.lower() == model.lower()):
            return part
    return None


def children_of(model) -> tuple[str, ...]:
    """The reverse relations from ``model`` (the project or a part) to the parts below it: what a
    revision follows from each row."""
    names = []
    for part in SHEET_PARTS:
        field = part.model._meta.get_field(part.parent_field)
        if field.related_model is model:
            names.append(field.remote_field.get_accessor_name())
    return tuple(names)


def sheet_state(project_pk) -> tuple:
    """Everything a sheet says, as plain values, to compare before and after a write.

    The project's content columns and every row of every part, each kind ordered by id, in one
    query per kind. Shared rows (departments, officials, criteria) enter by id: renaming one is
    not a write of the sheet (see ``projects.writing.shared_rows_renamed``).
    """
    from .models import PolicyProject

    project_fields = [f.attname for f in PolicyProject._meta.concrete_fields
                      if f.attname not in BOOKKEEPING_FIELDS]
    state = [tuple(PolicyProject.objects.filter(pk=project_pk).values_list(*project_fields))]
    for part in SHEET_PARTS:
        fields = [f.attname for f in part.model._meta.concrete_fields]
        state.append(tuple(part.rows_of(project_pk).order_by("pk").values_list(*fields)))
    return tuple(state)
