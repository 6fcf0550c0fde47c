"""The import's confirm step is refused when the project changed (or was registered) after the
preview was made, like the change page's lost-update guard: another person's edit survives."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from projects.importer.services import sheet_import
from projects.models import PolicyProject
from tests.conftest import DATA
from tests.writes import edit_sheet

pytestmark = pytest.mark.django_db

URL = "/admin/projects/policyproject/import/"
SHEET = (DATA / "sheet-2024-07.md").read_bytes()


def preview(client, **options):
    response = client.post(URL, {"file": SimpleUploadedFile("sheet-2024-07.md", SHEET), **options})
    assert response.status_code == 200 and "token" in response.context
    return response


def confirm(client, shown):
    return client.post(URL, {"token": shown.context["token"], "confirm": "1"}, follow=True)


def test_confirm_after_someone_saved_the_project_is_refused(admin_client):
    project = sheet_import(source=SHEET, filename="sheet-2024-07.md").project
    shown = preview(admin_client, replace="on")
    edit_sheet(project, comment="다른 담당자의 수정", background="다른 담당자가 고친 추진배경")
    version = PolicyProject.objects.get(pk=project.pk).version

    page = confirm(admin_client, shown).content.decode()

    assert "가져오지 못했습니다. 아무것도 저장하지 않았습니다." in page
    assert "다른 사용자가 이 사업내역서를 먼저 저장했습니다" in page
    project.refresh_from_db()
    assert project.background == "다른 담당자가 고친 추진배경" and project.version == version


@pytest.mark.parametrize(("options", "message"), [
    ({}, "등록번호 2024-7은(는) 이미 등록되어 있습니다"),
    ({"replace": "on"}, "미리 본 뒤에 다른 사용자가 등록번호 2024-7을(를) 등록했습니다"),
])
def test_confirm_after_someone_registered_the_number_is_refused(admin_client, options, message):
    shown = preview(admin_client, **options)  # a new number when previewed
    first = sheet_import(source=SHEET, filename="sheet-2024-07.md").project
    page = confirm(admin_client, shown).content.decode()
    assert "가져오지 못했습니다. 아무것도 저장하지 않았습니다." in page and message in page
    assert list(PolicyProject.objects.values_list("pk", "version")) == [(first.pk, first.version)]


def test_confirm_of_an_unchanged_project_replaces_it(admin_client):
    project = sheet_import(source=SHEET, filename="sheet-2024-07.md").project
    edit_sheet(project, background="가져오기 전에 고친 추진배경")
    shown = preview(admin_client, replace="on")
    assert "사업내역서를 가져왔습니다" in confirm(admin_client, shown).content.decode()
    project.refresh_from_db()
    assert project.background != "가져오기 전에 고친 추진배경"
