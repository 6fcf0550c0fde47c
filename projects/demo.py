"""Loading the demo register (``manage.py load_demo``), idempotently, through the importer's writer."""

from datetime import date

from .demo_data import DEMO_SHEETS
from .importer.parser import (
    ParsedItem,
    ParsedPhase,
    ParsedPhaseOfficial,
    ParsedProjectOfficial,
    ParsedSheet,
)
from .importer.services import sheet_save
from .models import PolicyProject

OUTLINE_MARKERS = {"□": 0, "○": 1, "-": 2}
PHASE_MARKERS = {"▶": 1, "·": 2}


def bullets(text: str, markers: dict[str, int]) -> tuple[ParsedItem, ...]:
    """``"▶ a\\n· b"`` → items at levels 1 and 2 (one bullet a line, marker first)."""
    items = []
    for line in text.strip().splitlines():
        marker, _, rest = line.strip().partition(" ")
        items.append(ParsedItem(markers[marker], rest.strip()))
    return tuple(items)


def month(value: str | None) -> date | None:
    return date.fromisoformat(f"{value}-01") if value else None


def parsed_sheet(sheet: dict) -> ParsedSheet:
    """A demo sheet as the importer reads a published one."""
    def phase(spec: dict) -> ParsedPhase:
        tokens = spec["officials"].split()
        return ParsedPhase(
            heading=spec["heading"], items=bullets(spec["items"], PHASE_MARKERS),
            started_on=month(spec["period"][0]), ended_on=month(spec["period"][1]),
            officials=tuple(ParsedPhaseOfficial(name, position)
                            for name, position in zip(tokens[::2], tokens[1::2], strict=True)),
        )

    return ParsedSheet(
        registration_number=sheet["number"], department=sheet["department"],
        title=sheet["title"], status=sheet["status"], background=sheet["background"],
        outline=bullets(sheet["outline"], OUTLINE_MARKERS),
        officials=tuple(ParsedProjectOfficial(role, name) for role, name in sheet["officials"]),
        criterion=sheet["criterion"],
        started_on=month(sheet["period"][0]), ended_on=month(sheet["period"][1]),
        phases=tuple(phase(spec) for spec in sheet["phases"]),
    )


def demo_load() -> list[tuple[PolicyProject, bool]]:
    """Create each demo project that is not there yet; an existing one is left as staff left it."""
    loaded = []
    for sheet in DEMO_SHEETS:
        existing = PolicyProject.objects.by_registration_number(sheet["number"]).first()
        if existing:
            loaded.append((existing, False))
            continue
        project, _ = sheet_save(parsed=parsed_sheet(sheet), publish=sheet["published"],
                                comment="최초 등록")
        loaded.append((project, True))
    return loaded
