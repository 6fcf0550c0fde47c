"""A sheet as it was in a stored revision, and the revisions the public has seen.

A revision (django-reversion) holds the project and every row of its sheet as serialised JSON
(see ``projects.history.revisions``). :func:`sheet_from_revision` turns that back into the same
``projects.sheet.Sheet`` the live pages render, so the history is shown as a sheet, never as a
field dump. It reads the revision's versions in one query; the shared rows a revision does not
hold — the department, the selection criterion and the officials — are looked up by id, one query
each, and show their current names (a renamed department shows its new name; an official deleted
since shows as "(삭제된 관련자)").
"""

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from reversion.models import Revision, Version

from ..rendering.sheet import Person, Sheet, SheetPhase, nest

MISSING_OFFICIAL = "(삭제된 관련자)"


@dataclass(frozen=True)
class PublishedRevision:
    """One entry of the public history: when the published sheet changed, and why."""

    revision_id: int
    date: datetime
    comment: str


def _rows_by_model(revision: Revision) -> dict[str, list[dict]]:
    """``{"projects.policyproject": [{"id": …, field: value…}], …}`` from one query."""
    rows = defaultdict(list)
    versions = Version.objects.filter(revision=revision).select_related("content_type")
    for version in versions:
        label = f"{version.content_type.app_label}.{version.content_type.model}"
        rows[label].append({"id": int(version.object_id), **version.field_dict})
    return rows


def _ordered(rows, **match):
    chosen = [row for row in rows if all(row[key] == value for key, value in match.items())]
    return sorted(chosen, key=lambda row: (row["order"], row["id"]))


def sheet_from_revision(revision: Revision, project_id: int | None = None) -> Sheet:
    """The sheet of the project saved in ``revision``, as the sheet partial renders it.

    A revision normally holds one project; give ``project_id`` to pick one from a revision that
    holds several (e.g. made by a bulk command).
    """
    from ..models import Department, Official, PolicyProject, SelectionCriterion

    rows = _rows_by_model(revision)
    projects = [row for row in rows["projects.policyproject"]
                if project_id is None or row["id"] == project_id]
    if len(projects) != 1:
        raise ValueError(f"revision {revision.pk} does not hold exactly one such project")
    (project,) = projects
    phase_ids = {row["id"] for row in rows["timeline.phase"] if row["project_id"] == project["id"]}
    official_ids = {row["official_id"] for row in rows["projects.projectofficial"]
                    if row["project_id"] == project["id"]}
    official_ids |= {row["official_id"] for row in rows["timeline.phaseofficial"]
                     if row["phase_id"] in phase_ids}
    names = dict(Official.objects.filter(pk__in=official_ids).values_list("pk", "name"))
    department = Department.objects.filter(pk=project["department_id"]).values_list("name", flat=True)
    criterion = SelectionCriterion.objects.filter(pk=project["selection_criterion_id"]).values_list(
        "short_name", flat=True,
    )

    def person(row, label_field):
        return Person(row["official_id"], names.get(row["official_id"], MISSING_OFFICIAL), row[label_field])

    status = PolicyProject.Status(project["status"]).label
    return Sheet(
        # revisions older than the number as written hold only its year and sequence
        registration_number=project.get("registration_number")
        or f"{project['registration_year']}-{project['registration_seq']}",
        department=department.first() or "",
        title=project["title"],
        status=status,
        background=project["background"],
        outline=nest(
            (row["level"], row["text"])
            for row in _ordered(rows["projects.outlineitem"], project_id=project["id"])
        ),
        officials=[
            person(row, "role_label")
            for row in _ordered(rows["projects.projectofficial"], project_id=project["id"])
        ],
        criterion=criterion.first() or "",
        started_on=project["started_on"],
        ended_on=project["ended_on"],
        phases=[
            SheetPhase(
                heading=phase["heading"],
                items=nest(
                    (row["level"], row["text"])
                    for row in _ordered(rows["timeline.phaseitem"], phase_id=phase["id"])
                ),
                started_on=phase["started_on"],
                ended_on=phase["ended_on"],
                people=[
                    person(row, "position")
                    for row in _ordered(rows["timeline.phaseofficial"], phase_id=phase["id"])
                ],
            )
            for phase in _ordered(rows["timeline.phase"], project_id=project["id"])
        ],
        created_at=project["created_at"],
        updated_at=project["updated_at"],
    )


def project_versions(project):
    """The stored versions of a project row, newest first, with their revisions."""
    return (
        Version.objects.get_for_object(project)
        .select_related("revision", "revision__user")
        .order_by("-revision__date_created", "-pk")
    )


def was_public(version: Version) -> bool:
    """Whether the project was published in this stored version (read from the JSON directly:
    the full deserialiser costs ~1 ms a row, and a history lists every row)."""
    if version.format != "json":
        return version.field_dict.get("published_at") is not None
    return json.loads(version.serialized_data)[0]["fields"].get("published_at") is not None


def published_revisions(project) -> list[PublishedRevision]:
    """The revisions in which the sheet was public: what citizens could read, and when."""
    entries = []
    for version in project_versions(project):
        if was_public(version):
            revision = version.revision
            entries.append(PublishedRevision(revision.pk, revision.date_created, revision.get_comment()))
    return entries


def published_revision(project, revision_id: int) -> Revision | None:
    """The revision ``revision_id`` of this project if the sheet was public in it, else None."""
    if not 0 < revision_id < 2**31:  # beyond any id; SQLite would overflow rather than miss
        return None
    version = project_versions(project).filter(revision_id=revision_id).first()
    if version is None or not was_public(version):
        return None
    return version.revision
