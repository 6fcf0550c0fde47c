"""A 사업부서 담당자 can read the application queue but never learn an applicant's name, e-mail or
phone: not on the list or change page, not through the search box, not by filtering the list on
a contact field in the address bar (each answer would give the address away letter by letter),
not in the history, not through the autocomplete."""

import pytest
from django.urls import reverse

from projects.models import Department
from tests.applications import change_url, submitted
from tests.staff import COORDINATOR, DEPARTMENT_STAFF, client_for, staff_user

pytestmark = pytest.mark.django_db

PRIVATE = ("홍길동", "hong@example.com", "010-1234-5678")
CHANGELIST = "/admin/projects/application/"


@pytest.fixture
def application():
    return submitted()


@pytest.fixture
def clerk(application):
    Department.objects.create(name="교통행정과")
    return client_for(staff_user("부서", DEPARTMENT_STAFF, departments=["교통행정과"]))


def listed(response) -> bool:
    return response.status_code == 200 and "중구 공공자전거 확충" in response.content.decode()


@pytest.mark.parametrize("query", [
    "applicant_email__startswith=hong", "applicant_email=hong@example.com",
    "applicant_email__contains=example", "applicant_phone__startswith=010",
    "applicant_name__startswith=홍", "applicant_name=홍길동", "applicant_email__regex=^h",
    "applicant_email__gte=h", "applicant_phone__endswith=5678",
])
def test_filtering_the_list_on_a_contact_field_tells_nothing(clerk, query):
    """With the right guess and a wrong one the clerk gets the same answer."""
    right = clerk.get(f"{CHANGELIST}?{query}")
    wrong = clerk.get(f"{CHANGELIST}?{query.replace('hong', 'zzzz').replace('010', '999').replace('홍', '김').replace('5678', '0000').replace('example', 'nomatch').replace('^h', '^z').replace('gte=h', 'gte=zzzz')}")
    assert right.status_code < 500 and wrong.status_code < 500
    assert listed(right) == listed(wrong)
    for private in PRIVATE:
        assert private not in right.content.decode()


def test_the_coordinator_may_still_filter_on_contacts(application):
    coordinator = client_for(staff_user("총괄", COORDINATOR))
    assert listed(coordinator.get(f"{CHANGELIST}?applicant_email=hong@example.com"))
    assert not listed(coordinator.get(f"{CHANGELIST}?applicant_email=zzzz@example.com"))


@pytest.mark.parametrize("q", ["hong@example.com", "홍길동", "010-1234-5678", "hong"])
def test_the_search_box_does_not_match_contacts(clerk, q):
    assert not listed(clerk.get(CHANGELIST, {"q": q}))


def test_history_and_autocomplete_show_no_contacts(clerk, application):
    for url in (reverse("admin:projects_application_history", args=[application.pk]),
                "/admin/autocomplete/?app_label=projects&model_name=policyproject&field_name=application"
                "&term=hong", change_url(application)):
        page = clerk.get(url).content.decode()
        for private in PRIVATE:
            assert private not in page
