"""Every admin list and page answers an odd address (a search of 5,000 characters, page or
filter values that are not numbers or too large for the database, an unknown ordering, a year of
twenty digits in the date drill-down, a NUL character that PostgreSQL refuses in a picker's search)
with a page, a redirect or a 4xx — never a 500 (also run against PostgreSQL)."""

import pytest
from django.utils import timezone

from tests.applications import submitted
from tests.factories import (
    DocumentFactory,
    MeetingAttendeeFactory,
    OpinionFactory,
    PhaseFactory,
    PolicyProjectFactory,
)
from tests.staff import COORDINATOR, client_for, staff_user

BIG = "99999999999999999999"
LISTS = ["policyproject", "opinion", "meeting", "document", "application", "official", "department",
         "selectioncriterion", "opinionkind", "selectionreview", "accountableofficer",
         "rejectionreason"]
QUERIES = [
    "?q=%00", "?q=" + "가" * 5000, "?o=abc", "?o=99", "?p=abc", "?p=-1", f"?p={BIG}", "?all=",
    "?_popup=1&_to_field=password", f"?department__id__exact={BIG}", "?department__id__exact=abc",
    "?registration_year=abc", f"?registration_year={BIG}", "?state=zzz", "?overdue=zzz",
    f"?receipt_year={BIG}", "?received_at__year=abc", f"?received_at__year={BIG}",
    f"?received_at__year=2026&received_at__month={BIG}", "?received_at__month=13&received_at__year=2026",
    "?status=zzz", "?e=1", "?_changelist_filters=%%%",
]
PAGES = [f"{BIG}/change/", "abc/change/", f"{BIG}/delete/", f"{BIG}/history/",
         f"add/?project={BIG}", f"add/?phase={BIG}"]


@pytest.fixture
def coordinator(db):
    project = PolicyProjectFactory(published_at=timezone.now())
    phase = PhaseFactory(project=project)
    OpinionFactory(phase=phase)
    MeetingAttendeeFactory(meeting__phase=phase)
    DocumentFactory(project=project)
    submitted()
    client = client_for(staff_user("총괄", COORDINATOR))
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize("model", LISTS)
def test_admin_lists_and_pages_never_fail_on_odd_addresses(coordinator, model):
    for query in QUERIES:
        response = coordinator.get(f"/admin/projects/{model}/{query}")
        assert response.status_code < 500, (model, query[:60], response.status_code)
    for page in PAGES:
        response = coordinator.get(f"/admin/projects/{model}/{page}")
        assert response.status_code < 500, (model, page, response.status_code)


def test_the_autocomplete_never_fails_on_odd_addresses(coordinator):
    for query in ["model_name=opinion&field_name=official&term=" + "x" * 5000,
                  "model_name=zzz&field_name=official", "model_name=opinion&field_name=zzz",
                  "model_name=opinion&field_name=official&page=abc",
                  "model_name=application&field_name=project&term=%00",
                  "model_name=opinion&field_name=official&term=a%00b",
                  "model_name=document&field_name=department&term=%00",
                  "model_name=selectionreview&field_name=selected_projects&term=%00"]:
        response = coordinator.get(f"/admin/autocomplete/?app_label=projects&{query}")
        assert response.status_code < 500, (query[:80], response.status_code)
