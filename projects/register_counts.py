"""How many published projects the register holds, per 등록연도, without counting rows.

The register shows an exact total (``총 96,986건``) and page numbers on every page. Counting
100,000 rows on each request scans them all (~60–100 ms), and an estimate (``pg_class.reltuples``)
would show citizens a wrong number, so on PostgreSQL the counts are kept in a tally table,
``projects_register_tally``: one row per (등록연도, 선정기준, 상태) with the number of published
projects, kept exact by a trigger on ``projects_policyproject`` (migration
``0009_scale_indexes``). A trigger rather than the write door, because publishing, withdrawing,
importing and reverting also write with ``QuerySet.update`` and raw saves: the trigger sees every
one of them, inside the same transaction, so a rolled-back write never moves a count.

At most 14 years × 6 criteria × 3 states rows, so a count is a sum of a few hundred integers.
The same per-year counts let deep pages seek to their year instead of skipping thousands of rows
(``projects.public.paging``). Filters the tally does not hold (부서, 검색어) are counted by their
own indexes, which narrow the rows to a few hundred or thousand first.

Elsewhere (SQLite, development) the same numbers come from a ``GROUP BY`` over the table.
"""

from django.db import connection
from django.db.models import Count

TABLE = "projects_register_tally"
#: The filters the tally can answer, by the register form's field name → tally column.
TALLIED = {"year": "registration_year", "criterion": "selection_criterion_id", "status": "status"}

REBUILD_SQL = [
    f"DELETE FROM {TABLE}",
    f"""INSERT INTO {TABLE} (registration_year, selection_criterion_id, status, published)
        SELECT registration_year, selection_criterion_id, status, count(*)
          FROM projects_policyproject WHERE published_at IS NOT NULL
         GROUP BY registration_year, selection_criterion_id, status""",
]


def uses_tally(using_connection=None) -> bool:
    return (using_connection or connection).vendor == "postgresql"


def rebuild(cursor) -> None:
    """Recount from the table (after a bulk load that bypassed the trigger)."""
    for statement in REBUILD_SQL:
        cursor.execute(statement)


def answers(filters: dict) -> bool:
    """Whether per-year counts for ``filters`` (the register form's cleaned data) can be read
    without looking at projects: only 등록연도, 선정기준 and 상태 are set."""
    return not any(value for name, value in filters.items() if name not in TALLIED)


def per_year(filters: dict) -> list[tuple[int, int]]:
    """``[(year, published projects), …]`` newest year first, for ``filters`` that
    :func:`answers` accepts (one small query)."""
    wanted = {TALLIED[name]: value for name, value in filters.items() if value and name in TALLIED}
    if uses_tally():
        where = " AND ".join(f"{column} = %s" for column in wanted) or "TRUE"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT registration_year, SUM(published) FROM {TABLE} WHERE {where} "
                "GROUP BY registration_year HAVING SUM(published) > 0 "
                "ORDER BY registration_year DESC",
                [int(v) if column != "status" else v for column, v in wanted.items()],
            )
            return [(year, int(count)) for year, count in cursor.fetchall()]
    from .models import PolicyProject

    rows = (PolicyProject.objects.published().filter(**wanted).order_by("-registration_year")
            .values_list("registration_year").annotate(count=Count("pk")))
    return [(year, count) for year, count in rows]


def published_years() -> list[int]:
    """The years that hold a published project, newest first (the register's year filter)."""
    return [year for year, _ in per_year({})]
