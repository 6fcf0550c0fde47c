"""The register's counts and deep pages at scale: exact numbers, the same rows as plain slicing.

The tally (projects.register_counts) is kept by a PostgreSQL trigger; elsewhere the same numbers
come from GROUP BY. Either way every page must list what ``queryset[a:b]`` would list.
"""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from projects import publication, register_counts
from projects.models import PolicyProject, SelectionCriterion
from projects.public.paging import RegisterPaginator
from projects.search import refresh_search_text
from tests.factories import PolicyProjectFactory
from tests.writes import edit_sheet

pytestmark = pytest.mark.django_db


def counted_by_rows(**filters) -> list[tuple[int, int]]:
    from django.db.models import Count

    rows = (PolicyProject.objects.published().filter(**filters).order_by("-registration_year")
            .values_list("registration_year").annotate(n=Count("pk")))
    return list(rows)


def spread(count: int, *, published=True):
    """Projects over four years and two criteria, half 완료."""
    criteria = list(SelectionCriterion.objects.all()[:2])
    made = []
    first = PolicyProject.objects.count()
    for n in range(first, first + count):
        made.append(PolicyProjectFactory(
            registration_number=f"{2020 + n % 4}-{n + 1}", started_on=date(2020, 1, 1),
            selection_criterion=criteria[n % 2], status=["ongoing", "completed"][n % 2],
            published_at=timezone.now() if published else None,
        ))
    return made


def test_counts_follow_publishing_withdrawing_and_edits():
    projects = spread(12)
    spread(3, published=False)  # drafts are never counted
    assert register_counts.per_year({}) == counted_by_rows()
    staff = get_user_model().objects.create_superuser("총괄", password="x")
    publication.withdraw(project=projects[0], user=staff, reason="재검토")
    edit_sheet(projects[1], status="suspended")
    edit_sheet(projects[2], registration_number="2019-77")
    assert register_counts.per_year({}) == counted_by_rows()
    assert register_counts.per_year({"status": "suspended"}) == counted_by_rows(status="suspended")
    criterion = projects[5].selection_criterion
    assert register_counts.per_year({"criterion": str(criterion.pk), "year": "2021"}) == (
        counted_by_rows(selection_criterion=criterion, registration_year=2021))


def test_a_rolled_back_write_moves_no_count():
    from django.db import transaction

    spread(4)
    before = register_counts.per_year({})
    with pytest.raises(RuntimeError), transaction.atomic():
        PolicyProject.objects.update(published_at=None)
        raise RuntimeError
    assert register_counts.per_year({}) == before


@pytest.mark.parametrize("filters", [{}, {"status": "completed"}, {"year": "2022"},
                                     {"q": "정책"}, {"department": "x"}])
def test_every_page_lists_what_plain_slicing_lists(filters):
    projects = spread(47)
    for project in projects:
        refresh_search_text(project)
    queryset = PolicyProject.objects.published().for_list()
    if filters.get("status"):
        queryset = queryset.filter(status=filters["status"])
    if filters.get("year"):
        queryset = queryset.filter(registration_year=int(filters["year"]))
    if filters.get("q"):
        queryset = queryset.filter(search_text__contains=filters["q"])
    expected = [project.pk for project in queryset]
    paginator = RegisterPaginator(queryset, 5, filters=filters)
    assert paginator.count == len(expected)
    listed = [project.pk for number in paginator.page_range
              for project in paginator.page(number).object_list]
    assert listed == expected
