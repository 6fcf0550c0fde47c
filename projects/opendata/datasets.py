"""The register as data: two datasets, each described once by its columns.

One list of :class:`Column` per dataset drives every format — CSV (UTF-8 with BOM, so Excel
reads Korean), XLSX (typed date cells, frozen header), JSON (an array of objects) — and the
``datapackage.json`` that describes them (frictionless-style names, Korean titles, types). A
column added here appears in all four at once, so they never disagree.

Rows are read as plain values with a fixed number of queries per chunk of projects, never one
query per row, and are produced one at a time so a big register streams.
Only published projects are ever read: callers pass a queryset of published projects.
"""

import functools
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.urls import get_script_prefix, reverse
from django.utils import timezone

from timeline.models import Phase, PhaseOfficial

from ..models import ProjectOfficial

CHUNK = 1000


@dataclass(frozen=True)
class Column:
    """One column: its machine name, its Korean title, its frictionless type and its value."""

    name: str
    title: str
    type: str  # frictionless: string, integer, date, datetime
    value: Callable
    description: str = ""
    format: str = ""

    def field(self) -> dict:
        """The column as a frictionless Table Schema field."""
        field = {"name": self.name, "title": self.title, "type": self.type}
        if self.format:
            field["format"] = self.format
        if self.description:
            field["description"] = self.description
        return field


def local(moment: datetime | None) -> datetime | None:
    """Times are shown in the register's time zone (Asia/Seoul), as on the pages."""
    return timezone.localtime(moment) if moment else None


@dataclass(frozen=True)
class Dataset:
    """A table of the register: its name (also its file name), title, columns and rows."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    rows: Callable  # (published projects queryset) -> Iterator of rows the columns read
    count: Callable  # (published projects queryset) -> how many rows ``rows`` gives (one query)

    def records(self, projects, *, url_of: Callable[[str], str]) -> Iterator[list]:
        """Each row as a list of typed values (dates as ``date``, times as aware ``datetime``)."""
        for row in self.rows(projects):
            yield [column.value(row, url_of) for column in self.columns]

    def schema(self) -> dict:
        return {"fields": [column.field() for column in self.columns]}


# --- projects: one row per published project -------------------------------------------------

def sheet_path(number: str) -> str:
    """The sheet page of a 등록번호 (digits and a hyphen: nothing to escape), reversed once per
    URL prefix rather than once per row."""
    return _sheet_path_template(get_script_prefix()).replace("NUMBER", number)


@functools.lru_cache(maxsize=64)
def _sheet_path_template(prefix: str) -> str:
    return reverse("sheet_detail", args=["NUMBER"])


def project_rows(projects) -> Iterator[dict]:
    """Published projects as plain rows, in register order, streamed a chunk at a time; each
    chunk's ⑥ 담당자 are read in one more query (no model instances)."""
    from ..models import PolicyProject

    statuses = dict(PolicyProject.Status.choices)
    rows = projects.order_by(*PolicyProject._meta.ordering).values(
        "pk", "registration_number", "title", "status", "started_on", "ended_on",
        "first_published_at", "updated_at", department_name=F("department__name"),
        criterion=F("selection_criterion__short_name"),
    ).iterator(chunk_size=CHUNK)
    for chunk in iter(lambda: list(itertools.islice(rows, CHUNK)), []):
        officials: dict[int, list[str]] = {}
        for project_id, label, name in ProjectOfficial.objects.filter(
            project_id__in=[row["pk"] for row in chunk],
        ).order_by("project_id", "order", "pk").values_list("project_id", "role_label",
                                                            "official__name"):
            officials.setdefault(project_id, []).append(f"{label} {name}")
        for row in chunk:
            row["status_display"] = statuses.get(row["status"], row["status"])
            row["officials"] = " / ".join(officials.get(row["pk"], []))
            yield row


PROJECT_COLUMNS = (
    Column("registration_number", "등록번호", "string", lambda p, u: p["registration_number"],
           "사업내역서에 적힌 그대로(연도-순번). 예: 2023-13"),
    Column("title", "정책사업명", "string", lambda p, u: p["title"]),
    Column("status", "상태", "string", lambda p, u: p["status_display"], "진행중, 완료, 중단"),
    Column("department", "사업부서", "string", lambda p, u: p["department_name"]),
    Column("selection_criterion", "선정기준", "string", lambda p, u: p["criterion"]),
    Column("started_on", "사업기간 시작", "date", lambda p, u: p["started_on"],
           "시작월의 1일. 예: 2021-07-01"),
    Column("ended_on", "사업기간 종료", "date", lambda p, u: p["ended_on"],
           "종료월의 1일. 비어 있으면 계속"),
    Column("officials", "⑥ 담당자", "string", lambda p, u: p["officials"],
           "직위 표시와 성명, ' / '로 구분. 예: 복지정책과장 이춘배 / 담당 행정6급 서민경"),
    Column("first_published_at", "최초 공개", "datetime",
           lambda p, u: local(p["first_published_at"])),
    Column("updated_at", "최종 수정", "datetime", lambda p, u: local(p["updated_at"])),
    Column("url", "사업내역서 주소", "string", lambda p, u: u(sheet_path(p["registration_number"])),
           format="uri"),
)

PROJECTS = Dataset(
    name="projects", title="정책실명제 중점관리 대상사업",
    description="공개된 중점관리 대상사업, 한 행에 한 사업",
    columns=PROJECT_COLUMNS, rows=project_rows, count=lambda projects: projects.count(),
)


# --- phases: one row per official of each phase -------------------------------------------------

def official_path(pk: int) -> str:
    """An official's page (reversed once per official and URL prefix, not once per row)."""
    return _official_path(get_script_prefix(), pk)


@functools.lru_cache(maxsize=20_000)
def _official_path(prefix: str, pk: int) -> str:
    return reverse("official_detail", args=[pk])


def phase_rows(projects) -> Iterator[dict]:
    """The phases of ``projects`` in sheet order, one plain row for each of their officials.

    A phase's number is its place in the sheet's table (1, 2, …), counted over every phase of
    the sheet (a phase without officials still takes its number) by a subquery, so rows are
    read as values in one streamed query — no model instances, a few µs a row.
    """
    phase = OuterRef("phase")
    earlier = (
        Phase.objects.filter(project=OuterRef("phase__project"))
        .filter(Q(order__lt=OuterRef("phase__order"))
                | Q(order=OuterRef("phase__order"), pk__lte=phase))
        .order_by().values("project").annotate(count=Count("pk")).values("count")
    )
    rows = (
        PhaseOfficial.objects.filter(phase__project__in=projects.order_by().values("pk"))
        .annotate(number=Subquery(earlier))
        .order_by("-phase__project__registration_year", "-phase__project__registration_seq",
                  "phase__project_id", "phase__order", "phase_id", "order", "pk")
        .values("number", "official_id", "position",
                registration_number=F("phase__project__registration_number"),
                started_on=F("phase__started_on"), ended_on=F("phase__ended_on"),
                heading=F("phase__heading"), name=F("official__name"))
    )
    return rows.iterator(chunk_size=CHUNK)


PHASE_COLUMNS = (
    Column("registration_number", "등록번호", "string", lambda r, u: r["registration_number"],
           "예: 2023-13"),
    Column("phase", "추진단계 순번", "integer", lambda r, u: r["number"],
           "<주요 추진내용 및 사업관련자> 표에서 몇 번째 행인지(1부터)"),
    Column("started_on", "추진기간 시작", "date", lambda r, u: r["started_on"],
           "시작월의 1일. 예: 2021-08-01"),
    Column("ended_on", "추진기간 종료", "date", lambda r, u: r["ended_on"],
           "종료월의 1일. 비어 있으면 진행 중"),
    Column("heading", "제목", "string", lambda r, u: r["heading"],
           "예: 「1인가구 소통공간」 조성"),
    Column("name", "성명", "string", lambda r, u: r["name"]),
    Column("position", "직위", "string", lambda r, u: r["position"], "예: 과장, 주무관"),
    Column("official_url", "관련자 주소", "string",
           lambda r, u: u(official_path(r["official_id"])), format="uri"),
)

PHASES = Dataset(
    name="phases", title="주요 추진내용의 사업관련자",
    description="공개된 사업내역서의 추진단계별 사업관련자, 한 행에 한 사람",
    columns=PHASE_COLUMNS, rows=phase_rows, count=lambda projects: PhaseOfficial.objects.filter(
        phase__project__in=projects.order_by().values("pk")).count(),
)

DATASETS = {dataset.name: dataset for dataset in (PROJECTS, PHASES)}


def plain(value):
    """A value as text for CSV and JSON: dates ISO 8601, empty for none."""
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def json_value(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def as_objects(dataset: Dataset, records: Iterable[list]) -> Iterator[dict]:
    names = [column.name for column in dataset.columns]
    for record in records:
        yield dict(zip(names, (json_value(value) for value in record), strict=True))
