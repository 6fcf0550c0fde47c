"""The public disclosure site: the register (``/``) and each official's record (``/officials/<id>/``).

Only published projects are ever shown; everything else is 404 (or simply absent from a list).
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from timeline.models import PhaseOfficial

from .filters import FilterChoices, RegisterFilterForm
from .models import Official, PolicyProject, ProjectOfficial

PAGE_SIZE = 20


def register(request):
    """The register citizens start from: every published project, newest registration first.

    The filters live in the URL (GET), so a filtered page can be bookmarked and shared, and
    pagination keeps them. Bad parameters never fail the page: unknown filter values are dropped
    and ``page`` falls back to the first (or last) page.
    """
    form = RegisterFilterForm.from_query(request.GET, choices=FilterChoices.load())
    projects = form.filter(PolicyProject.objects.published().for_list())
    page = Paginator(projects, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "projects/register.html", {
        "form": form,
        "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        "query": form.cleaned_data.get("q", ""),
        "query_string": form.query_string(),
    })


@dataclass
class PhaseRole:
    """One phase row of the record: when, what, and in which position the official took part."""

    started_on: date | None
    ended_on: date | None
    period: str
    summary: str
    position: str


@dataclass
class ProjectRecord:
    """A project the official took part in: their ⑥ role (if any) and the phases they were in."""

    project: PolicyProject
    role_labels: list[str] = field(default_factory=list)
    phases: list[PhaseRole] = field(default_factory=list)

    @property
    def latest(self) -> date:
        """When the official last acted on this project: it orders the record newest first."""
        dates = [phase.started_on for phase in self.phases if phase.started_on]
        return max([self.project.started_on, *dates])


def official_record(official: Official) -> list[ProjectRecord]:
    """Every published project and phase ``official`` took part in, newest first (3 queries)."""
    records: dict[int, ProjectRecord] = {}

    def record_of(project) -> ProjectRecord:
        return records.setdefault(project.pk, ProjectRecord(project))

    roles = ProjectOfficial.objects.filter(
        official=official, project__published_at__isnull=False,
    ).select_related("project__department", "project__selection_criterion")
    for role in roles:
        record_of(role.project).role_labels.append(role.role_label)

    phase_roles = PhaseOfficial.objects.filter(
        official=official, phase__project__published_at__isnull=False,
    ).select_related(
        "phase__project__department", "phase__project__selection_criterion",
    ).prefetch_related("phase__items")
    for row in phase_roles:
        phase = row.phase
        items = list(phase.items.all())
        if phase.heading:
            summary = phase.heading
        elif items:
            rest = len(items) - 1
            summary = items[0].text + (f" 외 {rest}건" if rest else "")
        else:
            summary = "담당자 변경"  # a phase with people and no content (the seed's '23. 7.)
        record_of(phase.project).phases.append(PhaseRole(
            phase.started_on, phase.ended_on, phase.period_display, summary, row.position,
        ))

    for record in records.values():
        record.phases.sort(key=lambda phase: phase.started_on or date.min, reverse=True)
    return sorted(
        records.values(),
        key=lambda record: (record.latest, record.project.registration_year,
                            record.project.registration_seq),
        reverse=True,
    )


def official_detail(request, pk: int):
    """An official's public record — the point of 실명제: what this person answered for, and when.

    A person who appears on no published project has no public record (404), so drafts never leak
    a name.
    """
    official = Official.objects.select_related("department").filter(pk=pk).first()
    records = official_record(official) if official else []
    if not records:
        raise Http404("공개된 사업에 참여한 기록이 없습니다.")
    return render(request, "projects/official_detail.html", {
        "official": official,
        "records": records,
        "phase_count": sum(len(record.phases) for record in records),
    })
