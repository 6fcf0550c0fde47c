"""사업부서 담당자 edit only their departments' sheets; 정책실명제 총괄 edit, publish, withdraw."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from projects.models import Department, PolicyProject, SelectionCriterion
from tests.staff import (
    COORDINATOR,
    DEPARTMENT_STAFF,
    change_url,
    client_for,
    history_url,
    load_form,
    staff_user,
)

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:projects_policyproject_changelist"


@pytest.fixture
def welfare_staff(demo):
    """서민경 of 복지정책과, which runs the seed 2023-13."""
    return staff_user("seominkyung", DEPARTMENT_STAFF, ["복지정책과"])


@pytest.fixture
def coordinator(demo):
    return staff_user("coordinator", COORDINATOR)


@pytest.fixture
def other_project(demo):
    return demo["2022-5"]  # 안전총괄과


def test_groups_are_created_with_their_permissions(db):
    staff = set(Group.objects.get(name=DEPARTMENT_STAFF).permissions.values_list("codename", flat=True))
    coordinator = set(Group.objects.get(name=COORDINATOR).permissions.values_list("codename", flat=True))
    assert {"add_policyproject", "change_policyproject", "change_phaseitem", "view_official"} <= staff
    assert not {"publish_policyproject", "delete_policyproject", "change_any_department",
                "change_department", "add_official"} & staff
    assert {"publish_policyproject", "delete_policyproject", "change_any_department",
            "change_department", "add_official", "change_selectioncriterion"} <= coordinator


def test_department_staff_list_shows_only_own_departments(welfare_staff):
    page = client_for(welfare_staff).get(reverse(CHANGELIST)).content.decode()
    assert "1인가구도 행복한 중구 조성" in page
    assert "스마트 안심 귀갓길 조성" not in page


def test_department_staff_edits_own_department_project(welfare_staff, seed_project):
    client = client_for(welfare_staff)
    data = load_form(client, seed_project)
    data["title"] = ["1인가구도 행복한 중구 만들기"]
    response = client.post(change_url(seed_project), data)
    assert response.status_code == 302
    seed_project.refresh_from_db()
    assert seed_project.title == "1인가구도 행복한 중구 만들기"


@pytest.mark.parametrize("url_of", [
    change_url, history_url,
    lambda p: reverse("admin:projects_policyproject_delete", args=[p.pk]),
])
def test_another_departments_project_url_is_refused(welfare_staff, other_project, url_of):
    response = client_for(welfare_staff).get(url_of(other_project))
    assert response.status_code == 403
    page = response.content.decode()
    assert 'id="policyproject_form"' not in page and "스마트 안심 귀갓길" not in page
    assert "다른 부서의 사업내역서는 열거나 고칠 수 없습니다" in page


def test_posting_to_another_departments_project_changes_nothing(welfare_staff, other_project, seed_project):
    client = client_for(welfare_staff)
    version = other_project.version
    data = load_form(client, seed_project)  # a valid form, sent to the other project's URL
    response = client.post(change_url(other_project), data)
    assert response.status_code == 403
    other_project.refresh_from_db()
    assert other_project.title == "스마트 안심 귀갓길 조성" and other_project.version == version


def test_department_choices_are_own_departments_only(welfare_staff, other_project):
    client = client_for(welfare_staff)
    page = client.get(reverse("admin:projects_policyproject_add")).content.decode()
    assert "복지정책과" in page and "안전총괄과" not in page
    data = load_form(client, PolicyProject.objects.get(registration_number="2023-13"))
    data["department"] = [str(other_project.department_id)]
    seed = PolicyProject.objects.get(registration_number="2023-13")
    response = client.post(change_url(seed), data)
    assert response.status_code == 200
    assert "올바르게 선택해 주세요" in response.content.decode()
    seed.refresh_from_db()
    assert seed.department.name == "복지정책과"


def test_staff_without_a_department_cannot_add(demo):
    nobody = staff_user("newcomer", DEPARTMENT_STAFF)
    assert client_for(nobody).get(reverse("admin:projects_policyproject_add")).status_code == 403


def test_department_staff_cannot_publish(welfare_staff, demo):
    draft = demo["2025-4"]
    Department.objects.get(name="청소행정과").staff.add(welfare_staff)
    client = client_for(welfare_staff)
    page = client.get(reverse(CHANGELIST)).content.decode()
    assert "publish_selected" not in page and "delete_selected" not in page
    client.post(reverse(CHANGELIST), {"action": "publish_selected", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.published_at is None


def test_department_staff_cannot_delete_own_draft(welfare_staff, demo):
    draft = demo["2025-4"]
    Department.objects.get(name="청소행정과").staff.add(welfare_staff)
    url = reverse("admin:projects_policyproject_delete", args=[draft.pk])
    assert client_for(welfare_staff).post(url, {"post": "yes"}).status_code == 403
    assert PolicyProject.objects.filter(pk=draft.pk).exists()


def test_department_staff_picks_officials_of_any_department(welfare_staff):
    """사업관련자 come from other departments and from outside, so the autocomplete is not narrowed."""
    response = client_for(welfare_staff).get(reverse("admin:autocomplete"), {
        "app_label": "timeline", "model_name": "phaseofficial", "field_name": "official", "term": "",
    })
    assert response.status_code == 200
    assert len(response.json()["results"]) > 3


def test_department_staff_cannot_manage_departments(welfare_staff):
    client = client_for(welfare_staff)
    assert client.get(reverse("admin:projects_department_add")).status_code == 403
    assert client.get(reverse("admin:projects_official_add")).status_code == 403


def test_coordinator_edits_every_department_and_publishes(coordinator, demo, other_project):
    client = client_for(coordinator)
    page = client.get(reverse(CHANGELIST)).content.decode()
    assert "1인가구도 행복한 중구 조성" in page and "스마트 안심 귀갓길 조성" in page
    data = load_form(client, other_project)
    data["background"] = ["총괄 부서가 고친 배경"]
    assert client.post(change_url(other_project), data).status_code == 302
    draft = demo["2025-4"]
    client.post(reverse(CHANGELIST), {"action": "publish_selected", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.is_published


def test_coordinator_assigns_staff_to_a_department(coordinator, welfare_staff):
    department = Department.objects.get(name="안전총괄과")
    url = reverse("admin:projects_department_change", args=[department.pk])
    response = client_for(coordinator).post(url, {"name": "안전총괄과", "staff": [welfare_staff.pk]})
    assert response.status_code == 302
    assert list(welfare_staff.departments.order_by("name").values_list("name", flat=True)) == [
        "복지정책과", "안전총괄과",
    ]


def test_department_staff_adds_a_project_for_own_department(welfare_staff):
    from reversion.models import Version

    from tests.conftest import form_data

    client = client_for(welfare_staff)
    page = client.get(reverse("admin:projects_policyproject_add")).content.decode()
    data = form_data(page, "policyproject_form")
    data.update(
        registration_number=["2026-01"], title=["1인가구 안부 확인 서비스"],
        department=[str(Department.objects.get(name="복지정책과").pk)],
        started_on=["2026-01"], selection_criterion=[str(SelectionCriterion.objects.first().pk)],
    )
    response = client.post(reverse("admin:projects_policyproject_add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    project = PolicyProject.objects.get(registration_number="2026-01")
    assert not project.is_published and project.version == 1
    assert Version.objects.get_for_object(project).count() == 1


def test_there_is_no_recover_url_outside_the_rules(welfare_staff, seed_project, other_project):
    """django-reversion's recover view reverts any revision by version id, outside the door's
    rules: the admin does not offer it at all."""
    from django.urls import NoReverseMatch
    from reversion.models import Version

    version = Version.objects.get_for_object(other_project).first()
    with pytest.raises(NoReverseMatch):
        reverse("admin:projects_policyproject_recover", args=[version.pk])
    client_for(welfare_staff).post(f"/admin/projects/policyproject/recover/{version.pk}/", {})
    assert PolicyProject.objects.get(pk=other_project.pk).version == other_project.version


def test_revert_cannot_move_a_sheet_into_another_department(welfare_staff, coordinator, demo):
    """A revision made while the project belonged to 안전총괄과 is not restored by 복지정책과 staff."""
    from reversion.models import Version

    from tests.writes import edit_sheet

    project = demo["2022-5"]
    old = Version.objects.get_for_object(project).first()  # made while in 안전총괄과
    edit_sheet(project, department=Department.objects.get(name="복지정책과"))
    client = client_for(welfare_staff)
    url = reverse("admin:projects_policyproject_revision", args=[project.pk, old.pk])
    response = client.post(url, {"loaded_version": project.version})
    assert response.status_code == 403
    assert "되돌릴 수 없습니다" in response.content.decode()
    assert PolicyProject.objects.get(pk=project.pk).department.name == "복지정책과"
