"""The 사업내역서 as plain data: what the sheet partial renders, for the page, the PDF and history.

A sheet is built from a project loaded with ``PolicyProject.objects.for_sheet()`` — or, for the
history pages, from a stored revision — so one template renders every sheet the same way and never
touches the database while rendering.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from ..months import phase_period, project_period


@dataclass
class Bullet:
    """One bullet with the bullets nested under it (⑤ □ > ○ > -, phases ▶ > ·)."""

    level: int
    text: str
    children: list["Bullet"] = field(default_factory=list)


@dataclass(frozen=True)
class Person:
    """A name on the sheet; ``official_id`` links it to the official's public record."""

    official_id: int | None
    name: str
    label: str  # ⑥ role label before the name (복지정책과장), or phase position after it (과장)


@dataclass
class SheetPhase:
    heading: str
    items: list[Bullet]
    started_on: date | None
    ended_on: date | None
    people: list[Person]

    @property
    def period(self) -> str:
        return phase_period(self.started_on, self.ended_on)


@dataclass
class Sheet:
    registration_number: str
    department: str
    title: str
    status: str  # the display value: 진행중, 완료, 중단
    background: str
    outline: list[Bullet]
    officials: list[Person]
    criterion: str
    started_on: date | None
    ended_on: date | None
    phases: list[SheetPhase]
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def period(self) -> str:
        return project_period(self.started_on, self.ended_on)


def nest(rows: Iterable[tuple[int, str]]) -> list[Bullet]:
    """Flat (level, text) rows in order → a tree; a row deeper than its parent goes under it."""
    roots: list[Bullet] = []
    stack: list[Bullet] = []
    for level, text in rows:
        bullet = Bullet(level, text)
        while stack and stack[-1].level >= level:
            stack.pop()
        (stack[-1].children if stack else roots).append(bullet)
        stack.append(bullet)
    return roots


def sheet_from_project(project) -> Sheet:
    """Build the sheet of a project fetched with ``.for_sheet()`` (no further queries)."""
    return Sheet(
        registration_number=project.registration_number,
        department=project.department.name,
        title=project.title,
        status=project.get_status_display(),
        background=project.background,
        outline=nest((item.level, item.text) for item in project.outline_items.all()),
        officials=[
            Person(row.official_id, row.official.name, row.role_label)
            for row in project.project_officials.all()
        ],
        criterion=project.selection_criterion.short_name,
        started_on=project.started_on,
        ended_on=project.ended_on,
        phases=[
            SheetPhase(
                heading=phase.heading,
                items=nest((item.level, item.text) for item in phase.items.all()),
                started_on=phase.started_on,
                ended_on=phase.ended_on,
                people=[
                    Person(row.official_id, row.official.name, row.position)
                    for row in phase.officials.all()
                ],
            )
            for phase in project.phases.all()
        ],
        created_at=project.created_at,
        updated_at=project.updated_at,
    )
