"""What callers of the importer use: check a file (:func:`sheet_parse`), show it as it will
appear (:func:`sheet_from_parsed`), import it (:func:`sheet_import`)."""

from dataclasses import dataclass

from django.db import transaction

from ..models import PolicyProject
from ..rendering.sheet import Person, Sheet, SheetPhase, nest
from .parser import MAX_SHEET_BYTES, ParsedSheet, SheetParseError, parse_sheet
from .save import SheetImportError, check_levels, criterion_match, existing_project, sheet_save

__all__ = [
    "MAX_SHEET_BYTES", "ImportResult", "SheetImportError", "existing_project", "sheet_from_parsed",
    "sheet_import", "sheet_parse", "sheet_save",
]

STATUS_LABELS = dict(PolicyProject.Status.choices)


@dataclass(frozen=True)
class ImportResult:
    parsed: ParsedSheet
    project: PolicyProject | None  # None after a dry run
    action: str  # "created", "replaced" or "checked" (dry run)

    @property
    def summary(self) -> str:
        p = self.parsed
        return (
            f"{p.registration_number} {p.title}: 사업개요 {len(p.outline)}항목, "
            f"주요 추진내용 {len(p.phases)}건, 담당자 {len(p.officials)}명, "
            f"사업관련자 {sum(len(phase.officials) for phase in p.phases)}건"
        )


def sheet_parse(*, source: bytes, filename: str | None = None) -> ParsedSheet:
    """Parse and check a sheet without touching the database's content (for previews)."""
    try:
        parsed = parse_sheet(source, filename=filename)
    except SheetParseError as error:
        raise SheetImportError(str(error)) from error
    criterion_match(parsed.criterion)
    check_levels(parsed)
    return parsed


class _DryRun(Exception):
    pass


def sheet_import(
    *, source: bytes, filename: str | None = None, publish: bool = False,
    replace: bool = False, dry_run: bool = False, user=None,
    loaded_version: int | None = None, expect_new: bool = False,
) -> ImportResult:
    """Create (or with ``replace`` rewrite) the project a sheet describes, or change nothing.

    The import is one write through the door: one revision of the sheet (who, when, which file).
    ``loaded_version``/``expect_new``: what the admin's preview was made from (see ``sheet_save``).
    """
    parsed = sheet_parse(source=source, filename=filename)
    comment = f"사업내역서 가져오기{f' ({filename})' if filename else ''}"
    try:
        with transaction.atomic():
            project, action = sheet_save(
                parsed=parsed, replace=replace, publish=publish, user=user, comment=comment,
                loaded_version=loaded_version, expect_new=expect_new,
            )
            if dry_run:
                raise _DryRun
    except _DryRun:
        return ImportResult(parsed, None, "checked")
    return ImportResult(parsed, project, action)


def sheet_from_parsed(parsed: ParsedSheet) -> Sheet:
    """The sheet as it will appear once imported (the admin shows it before confirming)."""
    def people(rows, *, role_first):
        return [Person(None, r.name, r.role_label if role_first else r.position) for r in rows]

    return Sheet(
        registration_number=parsed.registration_number,
        department=parsed.department, title=parsed.title,
        status=STATUS_LABELS[parsed.status], background=parsed.background,
        outline=nest((item.level, item.text) for item in parsed.outline),
        officials=people(parsed.officials, role_first=True),
        criterion=criterion_match(parsed.criterion).short_name,
        started_on=parsed.started_on, ended_on=parsed.ended_on,
        phases=[
            SheetPhase(
                heading=phase.heading, items=nest((i.level, i.text) for i in phase.items),
                started_on=phase.started_on, ended_on=phase.ended_on,
                people=people(phase.officials, role_first=False),
            )
            for phase in parsed.phases
        ],
    )
