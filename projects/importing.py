"""Importing a published 사업내역서 into the register: one file, one transaction, all or nothing."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from timeline.models import Phase, PhaseItem, PhaseOfficial

from . import publication
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
from .sheet import Person, Sheet, SheetPhase, nest
from .sheet_parser import ParsedSheet, SheetParseError, parse_sheet
from .validators import validate_level_sequence

STATUS_LABELS = dict(PolicyProject.Status.choices)


class SheetImportError(Exception):
    """A sheet that cannot be imported; the message (Korean) names the cell and the text."""


@dataclass(frozen=True)
class ImportResult:
    parsed: ParsedSheet
    project: PolicyProject | None  # None after a dry run
    action: str  # "created", "replaced" or "checked" (dry run)

    @property
    def summary(self) -> str:
        p = self.parsed
        return (
            f"{p.registration_year}-{p.registration_seq} {p.title}: 사업개요 {len(p.outline)}항목, "
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
    _check_levels(parsed)
    return parsed


def sheet_import(
    *, source: bytes, filename: str | None = None, publish: bool = False,
    replace: bool = False, dry_run: bool = False, user=None,
) -> ImportResult:
    """Create (or with ``replace`` rewrite) the project a sheet describes, or change nothing.

    The import is one revision of the sheet (who, when, which file), like an admin save.
    """
    parsed = sheet_parse(source=source, filename=filename)
    with transaction.atomic():
        comment = f"사업내역서 가져오기{f' ({filename})' if filename else ''}"
        project, action = sheet_save(
            parsed=parsed, replace=replace, publish=publish, user=user, comment=comment,
        )
        if dry_run:
            transaction.set_rollback(True)
            return ImportResult(parsed, None, "checked")
    return ImportResult(parsed, project, action)


@transaction.atomic
def sheet_save(
    *, parsed: ParsedSheet, comment: str, replace: bool = False, publish: bool = False, user=None,
) -> tuple[PolicyProject, str]:
    """Write a sheet's every row as one revision (searchable, published if asked): the one
    writer for imports and the demo register. Returns the project and "created"/"replaced"."""
    project, action = _write(parsed, replace=replace)
    refresh_search_text(project)
    record_revision(project=project, user=user, comment=comment)
    if publish and not project.is_published:
        publication.publish(project=project, user=user)
    return project, action


def criterion_match(text: str) -> SelectionCriterion:
    """⑦ by its short name or its full text, ignoring spacing; unknown → the known ones listed."""
    wanted = "".join(text.split())
    criteria = list(SelectionCriterion.objects.all())
    for criterion in criteria:
        if wanted in ("".join(criterion.short_name.split()), "".join(criterion.description.split())):
            return criterion
    known = ", ".join(criterion.short_name for criterion in criteria)
    raise SheetImportError(
        f"⑦ 선정기준 '{text}'을(를) 찾을 수 없습니다. 등록된 선정기준: {known}. "
        "새 기준이면 관리자 화면의 선정기준에 먼저 추가하세요."
    )


def sheet_from_parsed(parsed: ParsedSheet) -> Sheet:
    """The sheet as it will appear once imported (the admin shows it before confirming)."""
    def people(rows, *, role_first):
        return [Person(None, r.name, r.role_label if role_first else r.position) for r in rows]

    return Sheet(
        registration_number=f"{parsed.registration_year}-{parsed.registration_seq}",
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


def _check_levels(parsed: ParsedSheet) -> None:
    try:
        validate_level_sequence((i.level for i in parsed.outline), top=0, label="⑤ 사업개요")
        for number, phase in enumerate(parsed.phases, start=1):
            validate_level_sequence(
                (i.level for i in phase.items), top=1, label=f"주요 추진내용 {number}번째 행"
            )
    except ValidationError as error:
        raise SheetImportError(" ".join(error.messages)) from error


def _valid(obj, cell: str):
    """Model validation before writing, so an over-long text names its cell, not a DB error."""
    try:
        obj.full_clean(exclude=["project", "phase"], validate_unique=False)
    except ValidationError as error:
        raise SheetImportError(f"{cell}: {' '.join(error.messages)}") from error
    return obj


def _write(parsed: ParsedSheet, *, replace: bool) -> tuple[PolicyProject, str]:
    number = f"{parsed.registration_year}-{parsed.registration_seq}"
    project = (
        PolicyProject.objects.select_for_update()
        .filter(registration_year=parsed.registration_year, registration_seq=parsed.registration_seq)
        .first()
    )
    if project and not replace:
        raise SheetImportError(
            f"등록번호 {number}은(는) 이미 등록되어 있습니다. 내용을 바꾸려면 '기존 사업내역서 바꾸기'"
            "(--replace)를 선택하세요."
        )
    action = "replaced" if project else "created"
    department, _ = Department.objects.get_or_create(name=_valid(
        Department(name=parsed.department), "② 사업부서").name)
    if project:
        project.outline_items.all().delete()
        project.project_officials.all().delete()
        project.phases.all().delete()
    else:
        project = PolicyProject(
            registration_year=parsed.registration_year, registration_seq=parsed.registration_seq
        )
    project.title, project.status, project.background = parsed.title, parsed.status, parsed.background
    project.department, project.selection_criterion = department, criterion_match(parsed.criterion)
    project.started_on, project.ended_on = parsed.started_on, parsed.ended_on
    _valid(project, f"사업내역서 {number}").save()

    officials = _OfficialFinder(department)
    ProjectOfficial.objects.bulk_create(
        _valid(ProjectOfficial(project=project, order=n, role_label=row.role_label,
                               official=officials.get(row.name, "⑥ 담당자")), "⑥ 담당자")
        for n, row in enumerate(parsed.officials)
    )
    OutlineItem.objects.bulk_create(
        _valid(OutlineItem(project=project, order=n, level=item.level, text=item.text), "⑤ 사업개요")
        for n, item in enumerate(parsed.outline)
    )
    for number_in_sheet, spec in enumerate(parsed.phases, start=1):
        cell = f"주요 추진내용 {number_in_sheet}번째 행"
        phase = _valid(Phase(project=project, order=number_in_sheet - 1, heading=spec.heading,
                             started_on=spec.started_on, ended_on=spec.ended_on), cell)
        phase.save()
        PhaseItem.objects.bulk_create(
            _valid(PhaseItem(phase=phase, order=n, level=item.level, text=item.text), cell)
            for n, item in enumerate(spec.items)
        )
        PhaseOfficial.objects.bulk_create(
            _valid(PhaseOfficial(phase=phase, order=n, official=officials.get(row.name, cell),
                                 position=row.position), cell)
            for n, row in enumerate(spec.officials)
        )
    return project, action


class _OfficialFinder:
    """Match a name to the department's official of that name (the earliest, if several), else
    create one; within one sheet a name is always the same person."""

    def __init__(self, department: Department):
        self.department = department
        self.found: dict[str, Official] = {}

    def get(self, name: str, cell: str) -> Official:
        if name not in self.found:
            official = Official.objects.filter(name=name, department=self.department).order_by("pk").first()
            if official is None:
                official = _valid(Official(name=name, department=self.department), cell)
                official.save()
            self.found[name] = official
        return self.found[name]
