"""Staff users in the two roles, and posting the project's admin form as a browser would."""

from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from projects.models import Department
from tests.conftest import form_data

DEPARTMENT_STAFF = "사업부서 담당자"
COORDINATOR = "정책실명제 총괄"


def staff_user(username: str, group: str, departments=()) -> User:
    user = User.objects.create_user(username, password="pw-not-used", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    for name in departments:
        Department.objects.get(name=name).staff.add(user)
    return user


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def change_url(project) -> str:
    return reverse("admin:projects_policyproject_change", args=[project.pk])


def history_url(project) -> str:
    return reverse("admin:projects_policyproject_history", args=[project.pk])


def load_form(client, project) -> dict[str, list[str]]:
    response = client.get(change_url(project))
    assert response.status_code == 200
    return form_data(response.content.decode(), "policyproject_form")
