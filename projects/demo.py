"""Loading the demo register (``manage.py load_demo``), idempotently, through the importer's writer;
then the records beyond the sheet (opinions, meetings, documents) through the write door, and the
책임관 and 심의 results of /about/."""

import functools
from datetime import date, datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from timeline.models import Phase

from .demo_data import DEMO_OFFICERS, DEMO_RECORDS, DEMO_REVIEWS, DEMO_SHEETS
from .importer.parser import (
    ParsedItem,
    ParsedPhase,
    ParsedPhaseOfficial,
    ParsedProjectOfficial,
    ParsedSheet,
)
from .importer.services import sheet_save
from .models import (
    AccountableOfficer,
    Document,
    Meeting,
    MeetingAttendee,
    MeetingRemark,
    Official,
    Opinion,
    OpinionKind,
    PolicyProject,
    SelectionReview,
)
from .uploads import check_document_file
from .writing import sheet_write

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
    for project, _ in loaded:
        if project.registration_number in DEMO_RECORDS:
            demo_records(project, DEMO_RECORDS[project.registration_number])
    demo_about(projects=[project for project, _ in loaded])
    return loaded


@functools.cache
def demo_pdf(title: str) -> bytes:
    """A small real PDF standing for a document (rendered once per process)."""
    from weasyprint import HTML

    from .rendering.pdf import PDF_BASE_URL, StaticFilesFetcher, stylesheets

    css, fonts = stylesheets()
    html = (f'<html lang="ko"><body class="sheet"><h1 class="sheet-heading">{title}</h1>'
            "<p>정책실명제 등록부 데모 자료입니다. 실제 문서가 아닙니다.</p></body></html>")
    return HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=StaticFilesFetcher()).write_pdf(
        stylesheets=css, font_config=fonts)


def _official(project, name: str) -> Official:
    return (Official.objects.filter(name=name, department=project.department).first()
            or Official.objects.filter(name=name).first())


def demo_records(project: PolicyProject, spec: dict) -> None:
    """The demo's opinions, meetings and documents of one sheet, in one write through the door;
    a sheet that has any records already is left as staff left it."""
    phases = list(Phase.objects.filter(project=project))
    if (Document.objects.filter(project=project).exists()
            or Meeting.objects.filter(phase__project=project).exists()
            or Opinion.objects.filter(phase__project=project).exists()):
        return
    with sheet_write(project=project, user=None, comment="관련 기록 예시 등록"):
        for row in spec["opinions"]:
            kind, _ = OpinionKind.objects.get_or_create(name=row["kind"])
            Opinion.objects.create(
                phase=phases[row["phase"]], official=_official(project, row["official"]),
                position_then=row["position"], date=date.fromisoformat(row["date"]), kind=kind,
                text=row["text"])
        meetings = []
        for row in spec["meetings"]:
            meeting = Meeting.objects.create(
                phase=phases[row["phase"]], name=row["name"], place=row["place"],
                held_at=timezone.make_aware(datetime.fromisoformat(row["held_at"])),
                decision=row["decision"])
            for order, (official, name, affiliation, role) in enumerate(row["attendees"]):
                MeetingAttendee.objects.create(
                    meeting=meeting, order=order, name=name, affiliation=affiliation, role=role,
                    official=_official(project, official) if official else None)
            for order, (speaker, text) in enumerate(row["remarks"]):
                official = _official(project, speaker)
                MeetingRemark.objects.create(
                    meeting=meeting, order=order, official=official, text=text,
                    speaker_name="" if official else speaker)
            meetings.append(meeting)
        for row in spec["documents"]:
            document = Document(
                project=project, department=project.department, title=row["title"],
                kind=row["kind"], date=date.fromisoformat(row["date"]),
                document_number=row["number"], disclosure=row["disclosure"], ground=row["ground"],
                phase=phases[row["phase"]] if row["phase"] is not None else None,
                meeting=meetings[row["meeting"]] if "meeting" in row else None,
                url=row.get("url", ""))
            if "pdf" in row:
                upload = ContentFile(demo_pdf(row["pdf"]), name=f"{row['title']}.pdf")
                document.file_type = check_document_file(upload).key
                document.file.save(upload.name, upload, save=False)
            document.save()


def demo_about(*, projects) -> None:
    """The 책임관 and the 심의 results of /about/, when none are recorded yet."""
    if not AccountableOfficer.objects.exists():
        for order, row in enumerate(DEMO_OFFICERS):
            AccountableOfficer.objects.create(order=order, **row)
    for row in DEMO_REVIEWS:
        if SelectionReview.objects.filter(year=row["year"]).exists():
            continue
        review = SelectionReview.objects.create(
            year=row["year"], held_on=date.fromisoformat(row["held_on"]), body=row["body"],
            summary=row["summary"])
        review.selected_projects.set(
            [project for project in projects if project.registration_year == row["year"]])
