"""Sheets of any size for the sheet tests and bench/sheet.py, built with the factories."""

from datetime import date

from django.utils import timezone

from tests.factories import (
    OfficialFactory,
    OutlineItemFactory,
    PhaseFactory,
    PhaseItemFactory,
    PhaseOfficialFactory,
    PolicyProjectFactory,
    ProjectOfficialFactory,
)

ITEM_TEXT = "{n}차 주민설명회 개최 및 의견수렴 결과를 반영한 세부 추진계획 보완 수립"


def project_with_phases(phases: int, *, items: int = 3, published: bool = True, **fields):
    """A project with ⑤ ⑥ filled and ``phases`` phases of ``items`` bullets (at least three) and
    three people each."""
    project = PolicyProjectFactory(
        published_at=timezone.now() if published else None,
        title=fields.pop("title", f"{phases}단계 시험 정책사업"), **fields,
    )
    ProjectOfficialFactory(project=project, order=0, role_label="시험정책과장")
    ProjectOfficialFactory(project=project, order=1, role_label="담당 행정6급")
    OutlineItemFactory(project=project, order=0, level=0, text="추진목표")
    OutlineItemFactory(project=project, order=1, level=1, text="시험 사업의 목표")
    people = [OfficialFactory() for _ in range(3)]
    for n in range(phases):
        year, month = divmod(n, 12)
        phase = PhaseFactory(
            project=project, order=n, heading=f"「{n + 1}단계 사업」 추진" if n % 3 == 0 else "",
            started_on=date(2020 + year, month + 1, 1), ended_on=date(2020 + year, month + 1, 1),
        )
        PhaseItemFactory(phase=phase, order=0, level=1, text=ITEM_TEXT.format(n=n + 1))
        PhaseItemFactory(phase=phase, order=1, level=2, text="관계부서 협의 및 예산 확보")
        PhaseItemFactory(phase=phase, order=2, level=1, text=f"{n + 1}단계 성과 점검")
        for extra in range(3, items):
            PhaseItemFactory(phase=phase, order=extra, level=2, text=f"{n + 1}단계 세부 과제 {extra - 1}")
        for order, (person, position) in enumerate(zip(people, ["과장", "팀장", "주무관"], strict=True)):
            PhaseOfficialFactory(phase=phase, order=order, official=person, position=position)
    return project
