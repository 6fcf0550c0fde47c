"""Admin "사업내역서 가져오기": upload, see the sheet as it will appear, then confirm or cancel."""

import html

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from projects.models import Department, PolicyProject
from tests.conftest import SEED_PATH
from tests.staff import COORDINATOR, DEPARTMENT_STAFF, client_for, staff_user

pytestmark = pytest.mark.django_db
URL = "/admin/projects/policyproject/import/"


def upload(client, data: bytes, name="sheet-2023-13.md", **options):
    return client.post(URL, {"file": SimpleUploadedFile(name, data), **options})


def confirm(client, preview, button="confirm"):
    token = preview.context["token"]
    return client.post(URL, {"token": token, button: "1"})


def test_changelist_offers_the_import(admin_client):
    page = admin_client.get(reverse("admin:projects_policyproject_changelist")).content.decode()
    assert "사업내역서 가져오기" in page and URL in page


def test_preview_shows_the_sheet_and_saves_nothing_until_confirmed(admin_client):
    preview = upload(admin_client, SEED_PATH.read_bytes(), publish="on")
    page = preview.content.decode()
    assert "1인가구도 행복한 중구 조성" in page and "'21. 8. ~ '21. 10." in html.unescape(page)
    assert "&lt;놀다가&gt;" in page and "<놀다가>" not in page
    assert "1인가구 소통공간 <놀다가> 개소" in BeautifulSoup(page, "html.parser").get_text()
    assert not PolicyProject.objects.exists()
    response = confirm(admin_client, preview)
    project = PolicyProject.objects.get(registration_number="2023-13")
    assert response.status_code == 302 and response["Location"].endswith(f"/{project.pk}/change/")
    assert project.is_published and project.phases.count() == 5


def test_cancel_saves_nothing(admin_client):
    preview = upload(admin_client, SEED_PATH.read_bytes())
    response = confirm(admin_client, preview, button="cancel")
    assert response.status_code == 302
    assert not PolicyProject.objects.exists() and not Department.objects.exists()


def test_bad_file_gets_a_message_on_the_form(admin_client):
    response = upload(admin_client, b"'21. 13.")
    assert response.status_code == 200
    assert "①" in response.content.decode() and not PolicyProject.objects.exists()


def test_existing_number_needs_replace(admin_client, demo):
    response = upload(admin_client, SEED_PATH.read_bytes())
    assert "등록번호 2023-13은(는) 이미 등록되어 있습니다" in response.content.decode()
    preview = upload(admin_client, SEED_PATH.read_bytes(), replace="on")
    assert confirm(admin_client, preview).status_code == 302


def test_department_staff_imports_only_their_own_departments(db):
    Department.objects.create(name="복지정책과")
    Department.objects.create(name="도로과")
    outsider = client_for(staff_user("road", DEPARTMENT_STAFF, ["도로과"]))
    response = upload(outsider, SEED_PATH.read_bytes())
    assert "담당 부서가 아니어서 가져올 수 없습니다" in response.content.decode()
    insider = client_for(staff_user("welfare", DEPARTMENT_STAFF, ["복지정책과"]))
    form_page = insider.get(URL).content.decode()
    assert "바로 공개" not in form_page  # a 담당자 cannot publish
    confirm(insider, upload(insider, SEED_PATH.read_bytes(), publish="on"))
    assert not PolicyProject.objects.get().is_published


def test_coordinator_may_import_for_any_department(db):
    coordinator = client_for(staff_user("chief", COORDINATOR))
    confirm(coordinator, upload(coordinator, SEED_PATH.read_bytes(), publish="on"))
    assert PolicyProject.objects.get().is_published
