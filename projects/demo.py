"""Loading the demo register (``manage.py load_demo``), idempotently."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from timeline.models import Phase, PhaseItem, PhaseOfficial

from .demo_data import DEMO_SHEETS
from .models import (
    Department,
    Official,
    OutlineItem,
    PolicyProject,
    ProjectOfficial,
    SelectionCriterion,
)
from .revisions import record_revision
from .search import refresh_search_text

OUTLINE_MARKERS = {"□": 0, "○": 1, "-": 2}
PHASE_MARKERS = {"▶": 1, "·": 2}


def bullets(text: str, markers: dict[str, int]) -> list[tuple[int, str]]:
    """``"▶ a\\n· b"`` → ``[(1, "a"), (2, "b")]``."""
    rows = []
    for line in text.strip().splitlines():
        marker, _, rest = line.strip().partition(" ")
        rows.append((markers[marker], rest.strip()))
    return rows


def month(value: str | None) -> date | None:
    return date.fromisoformat(f"{value}-01") if value else None


def demo_load() -> list[tuple[PolicyProject, bool]]:
    """Create each demo project that is not there yet; an existing one is left as staff left it."""
    return [_load_sheet(sheet) for sheet in DEMO_SHEETS]


@transaction.atomic
def _load_sheet(sheet: dict) -> tuple[PolicyProject, bool]:
    year, seq = sheet["number"]
    existing = PolicyProject.objects.filter(registration_year=year, registration_seq=seq).first()
    if existing:
        return existing, False
    department, _ = Department.objects.get_or_create(name=sheet["department"])

    def official(name: str) -> Official:
        person, _ = Official.objects.get_or_create(name=name, department=department)
        return person

    started_on, ended_on = (month(value) for value in sheet["period"])
    project = PolicyProject.objects.create(
        registration_year=year, registration_seq=seq, title=sheet["title"],
        department=department, status=sheet["status"], background=sheet["background"],
        selection_criterion=SelectionCriterion.objects.get(short_name=sheet["criterion"]),
        started_on=started_on, ended_on=ended_on,
        published_at=timezone.now() if sheet["published"] else None,
    )
    ProjectOfficial.objects.bulk_create(
        ProjectOfficial(project=project, order=order, role_label=role, official=official(name))
        for order, (role, name) in enumerate(sheet["officials"])
    )
    OutlineItem.objects.bulk_create(
        OutlineItem(project=project, order=order, level=level, text=text)
        for order, (level, text) in enumerate(bullets(sheet["outline"], OUTLINE_MARKERS))
    )
    for order, spec in enumerate(sheet["phases"]):
        started_on, ended_on = (month(value) for value in spec["period"])
        phase = Phase.objects.create(
            project=project, order=order, heading=spec["heading"],
            started_on=started_on, ended_on=ended_on,
        )
        PhaseItem.objects.bulk_create(
            PhaseItem(phase=phase, order=n, level=level, text=text)
            for n, (level, text) in enumerate(bullets(spec["items"], PHASE_MARKERS))
        )
        tokens = spec["officials"].split()
        PhaseOfficial.objects.bulk_create(
            PhaseOfficial(phase=phase, order=n, official=official(name), position=position)
            for n, (name, position) in enumerate(zip(tokens[::2], tokens[1::2], strict=True))
        )
    record_revision(project=project, user=None, comment="최초 등록")  # the history starts here
    refresh_search_text(project)
    return project, True
