"""Each official's public record (``/officials/<id>/``): the point of 실명제.

Only published projects are shown; a person on no published project has no public page (404).
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.paginator import Paginator
from django.db.models import Max
from django.http import Http404
from django.shortcuts import render

from timeline.models import PhaseOfficial

from ..models import Official, PolicyProject, ProjectOfficial
from .caching import cached_page, register_state
from .records import official_statements
from .register import PAGE_SIZE


@dataclass
class PhaseRole:
    """One phase row of the record: when, what, and in which position the official took part."""

    started_on: date | None
    period: str
    summary: str
    position: str


@dataclass
class ProjectRecord:
    """A project the official took part in: their ⑥ role (if any) and the phases they were in."""

    project: PolicyProject
    role_labels: list[str] = field(default_factory=list)
    phases: list[PhaseRole] = field(default_factory=list)


def involvement_order(official: Official) -> list[int]:
    """Ids of the published projects ``official`` took part in (⑥ or a phase), most recent
    involvement first: the later of the project's start and the latest start of a phase the
    official was in. Two small aggregate queries, sorted here (a person has hundreds at most)."""
    latest: dict[int, tuple] = {}
    as_role = ProjectOfficial.objects.filter(
        official=official, project__published_at__isnull=False,
    ).values_list("project_id", "project__started_on", "project__registration_year",
                  "project__registration_seq")
    in_phases = PhaseOfficial.objects.filter(
        official=official, phase__project__published_at__isnull=False,
    ).values_list("phase__project_id", "phase__project__started_on",
                  "phase__project__registration_year", "phase__project__registration_seq",
                  ).annotate(last_phase=Max("phase__started_on"))
    for project_id, started_on, year, seq, *phase_start in [*as_role, *in_phases]:
        key = (max([started_on, *(d for d in phase_start if d)]), year, seq)
        latest[project_id] = max(key, latest.get(project_id, key))
    return sorted(latest, key=latest.__getitem__, reverse=True)


def phase_summary(phase) -> str:
    """What a phase row says in a record: its heading, else its first ▶ item and how many more ▶
    items follow (the · lines under them are details of those, not more 건). Empty for a phase
    with people and no content (the seed's '23. 7. row): the sheet says nothing there either."""
    if phase.heading:
        return phase.heading
    items = list(phase.items.all())
    if not items:
        return ""
    top = min(item.level for item in items)
    rest = sum(1 for item in items[1:] if item.level == top)
    return items[0].text + (f" 외 {rest}건" if rest else "")


def official_records(official: Official, projects: list[PolicyProject]) -> list[ProjectRecord]:
    """The record cards of one page of ``projects``, in their order (3 queries)."""
    records = {project.pk: ProjectRecord(project) for project in projects}
    roles = ProjectOfficial.objects.filter(official=official, project_id__in=records)
    for role in roles:
        records[role.project_id].role_labels.append(role.role_label)
    phase_roles = (
        PhaseOfficial.objects.filter(official=official, phase__project_id__in=records)
        .select_related("phase").prefetch_related("phase__items")
        .order_by("-phase__started_on", "-phase__order")
    )
    for row in phase_roles:
        phase = row.phase
        records[phase.project_id].phases.append(
            PhaseRole(phase.started_on, phase.period_display, phase_summary(phase), row.position)
        )
    return list(records.values())


@cached_page(lambda request, pk: register_state())
def official_detail(request, pk: int):
    """An official's public record — the point of 실명제: what this person answered for, and when.

    Paged like the register (20 projects a page), so a long career stays fast. A person who
    appears on no published project has no public record (404), so drafts never leak a name.
    """
    official = Official.objects.select_related("department").filter(pk=pk).first()
    if official is None:
        raise Http404("없는 관련자입니다.")
    page = Paginator(involvement_order(official), PAGE_SIZE).get_page(request.GET.get("page"))
    statements = official_statements(official)  # opinions and meetings (제63조)
    if not page.paginator.count and not statements:
        raise Http404("공개된 사업에 참여한 기록이 없습니다.")
    projects = PolicyProject.objects.for_list().in_bulk(page.object_list)
    return render(request, "projects/official_detail.html", {
        "official": official,
        "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        "records": official_records(official, [projects[pk] for pk in page.object_list]),
        "statements": statements,
    })
