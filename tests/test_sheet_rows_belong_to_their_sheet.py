"""A 사업부서 담당자 posting their own sheet's form cannot move or delete another sheet's rows.

Each test posts the 담당자's own change form with one row id swapped for the id of a row of
another department's published sheet (the four kinds of rows and the phases themselves), alone
and with that row's DELETE box: the answer is a Korean form error, and the other sheet's rows,
version and history are exactly as they were.
"""

import pytest
import reversion
from django.utils import timezone

from projects import parts
from projects.models import PolicyProject
from tests.factories import (
    DepartmentFactory,
    OutlineItemFactory,
    PhaseFactory,
    PhaseItemFactory,
    PhaseOfficialFactory,
    PolicyProjectFactory,
    ProjectOfficialFactory,
)
from tests.staff import DEPARTMENT_STAFF, change_url, client_for, load_form, staff_user
from tests.writes import edit_sheet

pytestmark = pytest.mark.django_db

FOREIGN = "이 사업내역서의 것이 아닌 행"


def sheet_in(department: str, number: str) -> PolicyProject:
    """A published sheet with two rows of every kind (two phases of two items and two people)."""
    project = PolicyProjectFactory(
        registration_number=number, department=DepartmentFactory(name=department),
        published_at=timezone.now(),
    )
    for order in range(2):
        ProjectOfficialFactory(project=project, order=order)
        OutlineItemFactory(project=project, order=order, level=0)
        phase = PhaseFactory(project=project, order=order, heading=f"{number} {order + 1}단계")
        for sub in range(2):
            PhaseItemFactory(phase=phase, order=sub)
            PhaseOfficialFactory(phase=phase, order=sub)
    edit_sheet(project, comment="처음 등록")  # a revision to count
    return project.__class__.objects.get(pk=project.pk)


def history_of(project) -> dict:
    """What the other department would check: every row, the version and the history."""
    project = PolicyProject.objects.get(pk=project.pk)
    return {
        "rows": parts.sheet_state(project.pk),
        "version": project.version,
        "revisions": reversion.models.Version.objects.get_for_object(project).count(),
    }


@pytest.fixture
def own():
    return sheet_in("복지정책과", "2024-11")


@pytest.fixture
def other():
    return sheet_in("안전총괄과", "2024-12")


@pytest.fixture
def client(own):
    return client_for(staff_user("seominkyung", DEPARTMENT_STAFF, ["복지정책과"]))


def first_row(project, label):
    return parts.part_for(label).rows_of(project.pk).order_by("order", "pk").first()


#: The id field of the first row of each kind on the form, and the kind of row it names.
ROW_FIELDS = {
    "project_officials-0": "projects.ProjectOfficial",
    "outline_items-0": "projects.OutlineItem",
    "phases-0-items-0": "timeline.PhaseItem",
    "phases-0-officials-0": "timeline.PhaseOfficial",
    "phases-0": "timeline.Phase",
}


@pytest.mark.parametrize("delete", [False, True], ids=["move", "move+delete"])
@pytest.mark.parametrize("prefix", list(ROW_FIELDS))
def test_another_sheets_row_posted_in_own_form_is_a_form_error(client, own, other, prefix, delete):
    data = load_form(client, own)
    label = ROW_FIELDS[prefix]
    assert data[f"{prefix}-id"] == [str(first_row(own, label).pk)]  # the form names its rows so
    data[f"{prefix}-id"] = [str(first_row(other, label).pk)]
    if delete:
        data[f"{prefix}-DELETE"] = ["on"]
    before, own_before = history_of(other), history_of(own)

    response = client.post(change_url(own), data)

    assert response.status_code == 200
    assert FOREIGN in response.content.decode()
    assert history_of(other) == before
    assert history_of(own) == own_before


@pytest.mark.parametrize("value", ["999999", "abc", "-1", "1.5", "9" * 30])
def test_unknown_or_malformed_row_id_is_a_form_error(client, own, value):
    data = load_form(client, own)
    data["phases-0-items-0-id"] = [value]
    before = history_of(own)
    response = client.post(change_url(own), data)
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert history_of(own) == before


def test_phase_deleted_without_its_rows_delete_boxes_takes_its_rows_with_it(client, own, other):
    data = load_form(client, own)
    doomed = first_row(own, "timeline.Phase")
    data["phases-0-DELETE"] = ["on"]  # the children's DELETE boxes are not sent
    before = history_of(other)

    response = client.post(change_url(own), data)

    assert response.status_code == 302
    assert not own.phases.filter(pk=doomed.pk).exists()
    assert not parts.part_for("timeline.PhaseItem").rows_of(own.pk).filter(phase_id=doomed.pk).exists()
    assert own.phases.count() == 1
    assert history_of(other) == before
    assert history_of(own)["revisions"] == 2


@pytest.mark.parametrize("kind", ["items", "officials"])
def test_phase_deleted_with_another_sheets_row_under_it_leaves_that_row(client, own, other, kind):
    data = load_form(client, own)
    data["phases-0-DELETE"] = ["on"]
    label = "timeline.PhaseItem" if kind == "items" else "timeline.PhaseOfficial"
    data[f"phases-0-{kind}-0-id"] = [str(first_row(other, label).pk)]
    data[f"phases-0-{kind}-0-DELETE"] = ["on"]
    before = history_of(other)

    own_before = history_of(own)

    response = client.post(change_url(own), data)

    assert response.status_code == 200
    assert FOREIGN in response.content.decode()
    assert history_of(other) == before and history_of(own) == own_before


def test_a_row_dragged_to_another_phase_of_the_same_sheet_moves_there(client, own, other):
    """What nested_admin's drag and drop posts: the row leaves one phase's list and joins the
    other's. Within one sheet that is a move, and nothing else changes."""
    data = load_form(client, own)
    first, second = own.phases.order_by("order")
    moved = second.items.order_by("order").last()
    assert data["phases-1-items-1-id"] == [str(moved.pk)]
    fields = {name.rsplit("-", 1)[1]: data.pop(name) for name in list(data)
              if name.startswith("phases-1-items-1-")}
    for counter in ("TOTAL_FORMS", "INITIAL_FORMS"):
        data[f"phases-1-items-{counter}"] = ["1"]
        data[f"phases-0-items-{counter}"] = ["3"]
    for name, value in fields.items():
        data[f"phases-0-items-2-{name}"] = value
    data["phases-0-items-2-phase"] = [str(first.pk)]
    data["phases-0-items-2-order"] = ["2"]
    before = history_of(other)

    response = client.post(change_url(own), data)

    assert response.status_code == 302
    moved.refresh_from_db()
    assert moved.phase_id == first.pk
    assert (first.items.count(), second.items.count()) == (3, 1)
    assert history_of(other) == before


@pytest.mark.parametrize("field", ["project_officials-0-project", "outline_items-0-project",
                                   "phases-0-project", "phases-0-items-0-phase",
                                   "phases-0-officials-0-phase"])
def test_a_row_pointed_at_another_sheet_is_a_form_error(client, own, other, field):
    data = load_form(client, own)
    parent = other.pk if field.endswith("-project") else first_row(other, "timeline.Phase").pk
    data[field] = [str(parent)]
    before, own_before = history_of(other), history_of(own)
    response = client.post(change_url(own), data)
    assert response.status_code == 200 and 'id="sheet-errors"' in response.content.decode()
    assert history_of(other) == before and history_of(own) == own_before
