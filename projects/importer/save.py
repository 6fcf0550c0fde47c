"""Writing a read sheet into the register, through the write door: one file, one write."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError

from timeline.models import Phase, PhaseItem, PhaseOfficial

from .. import publication, registration
from ..models import (
    Department,
    Official,
    OutlineItem,
    PolicyProject,
    ProjectOfficial,
    SelectionCriterion,
)
from ..validators import validate_level_sequence
from ..writing import OutOfScope, SheetWriteError, sheet_write
from .parser import ParsedSheet


class SheetImportError(Exception):
    """A sheet that cannot be imported; the message (Korean) names the cell and the text."""


def existing_project(number: str) -> PolicyProject | None:
    """The project registered under ``number`` written either way (``2024-05`` / ``2024-5``)."""
    key = registration.parse(number).key
    return PolicyProject.objects.filter(registration_year=key[0], registration_seq=key[1]).first()


def sheet_save(
    *, parsed: ParsedSheet, comment: str, replace: bool = False, publish: bool = False,
    user=None, loaded_version: int | None = None, expect_new: bool = False,
) -> tuple[PolicyProject, str]:
    """Write a sheet's every row as one write through the door (published too if asked): the
    one writer for imports and the demo register. Returns the project and "created"/"replaced".

    ``loaded_version``/``expect_new`` carry what a preview showed: a project that changed (or
    appeared) since is refused instead of silently overwritten.
    """
    project = existing_project(parsed.registration_number)
    number = parsed.registration_number
    if project and not replace:
        raise SheetImportError(
            f"등록번호 {project.registration_number}은(는) 이미 등록되어 있습니다. 내용을 바꾸려면 "
            "'같은 등록번호가 있으면 내용 바꾸기'(--replace)를 선택하세요."
        )
    if project and expect_new:
        raise SheetImportError(
            f"미리 본 뒤에 다른 사용자가 등록번호 {project.registration_number}을(를) 등록했습니다. "
            "아무것도 저장하지 않았습니다. 파일을 다시 올려 최신 내용과 비교하세요."
        )
    action = "replaced" if project else "created"
    if project is None:
        project = PolicyProject(registration_number=number)
    try:
        with sheet_write(project=project, user=user, comment=comment, loaded_version=loaded_version):
            _write(project, parsed)
    except (SheetWriteError, OutOfScope) as error:
        raise SheetImportError(str(error)) from error
    except IntegrityError as error:  # the same number registered at the same moment
        raise SheetImportError(
            f"등록번호 {number}이(가) 방금 다른 사용자에 의해 등록되었습니다. 아무것도 저장하지 않았습니다."
        ) from error
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


def check_levels(parsed: ParsedSheet) -> None:
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


PHASE_RECORDS_LOST_MESSAGE = (
    "가져온 사업내역서에 없는 추진단계({period} {heading})에 관련자 의견이나 회의 기록이 있습니다. "
    "그 기록이 지워지지 않도록 아무것도 저장하지 않았습니다. 관리자 화면에서 기록을 다른 추진단계로 "
    "옮기거나 사업내역서를 직접 고치세요."
)


def _move_phase_records(old_phases, new_phases) -> None:
    """A replace rebuilds the phases: the records under each old phase (opinions, meetings,
    documents; 제63조) move to the new phase with the same period and heading. Opinions or
    meetings under a phase the new sheet no longer has are refused, never silently deleted."""
    from ..models import Document, Meeting, Opinion

    new_by_key = {}
    for phase in new_phases:
        new_by_key.setdefault((phase.started_on, phase.ended_on, phase.heading), phase)
    for old in old_phases:
        new = new_by_key.get((old.started_on, old.ended_on, old.heading))
        if new is None:
            if Opinion.objects.filter(phase=old).exists() or Meeting.objects.filter(phase=old).exists():
                raise SheetImportError(PHASE_RECORDS_LOST_MESSAGE.format(
                    period=old.period_display, heading=old.heading).replace(" )", ")"))
            continue
        for model in (Opinion, Meeting, Document):
            model.objects.filter(phase=old).update(phase=new)


def _write(project: PolicyProject, parsed: ParsedSheet) -> None:
    number = parsed.registration_number
    department, _ = Department.objects.get_or_create(name=_valid(
        Department(name=parsed.department), "② 사업부서").name)
    old_phases = list(project.phases.all()) if project.pk else []
    if project.pk:
        project.outline_items.all().delete()
        project.project_officials.all().delete()
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
    if old_phases:
        _move_phase_records(old_phases, [p for p in project.phases.all() if p not in old_phases])
        Phase.objects.filter(pk__in=[phase.pk for phase in old_phases]).delete()


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
