"""A 관련 자료 upload that is a small ZIP-based document unpacking to far more than any document
(a "zip bomb" named .xlsx) is refused in Korean through the admin and nothing is stored."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from projects.models import Document
from projects.uploads import check_document_file
from tests.factories import DepartmentFactory, PhaseFactory, PolicyProjectFactory
from tests.staff import DEPARTMENT_STAFF, client_for, staff_user

XLSX_MANIFEST = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"><Override PartName="/xl/workbook.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
)


def xlsx(sheet: bytes, extra_entries: int = 0) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", XLSX_MANIFEST)
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        for index in range(extra_entries):
            archive.writestr(f"xl/media/{index}.bin", b"")
    return out.getvalue()


@pytest.fixture
def small_limit(settings):
    settings.DOCUMENT_MAX_BYTES = 1024 * 1024  # 1 MB: a bomb of 20 MB unpacked stays fast to build


def test_an_ordinary_spreadsheet_passes(small_limit):
    assert check_document_file(SimpleUploadedFile("예산.xlsx", xlsx(b"<sheetData/>" * 1000))).key == "xlsx"


def test_a_spreadsheet_that_unpacks_to_far_more_than_a_document_is_refused(small_limit):
    bomb = xlsx(b"\0" * (20 * 1024 * 1024))
    assert len(bomb) < 1024 * 1024  # small enough to pass the size limit
    with pytest.raises(ValidationError) as caught:
        check_document_file(SimpleUploadedFile("예산.xlsx", bomb))
    assert "압축을 풀면 20.0MB" in " ".join(caught.value.messages)


def test_a_document_of_more_than_ten_thousand_parts_is_refused():
    with pytest.raises(ValidationError) as caught:
        check_document_file(SimpleUploadedFile("예산.xlsx", xlsx(b"<sheetData/>", extra_entries=10_000)))
    assert "10,003개" in " ".join(caught.value.messages)


@pytest.mark.django_db
def test_the_admin_refuses_the_bomb_and_stores_nothing(small_limit):
    project = PolicyProjectFactory(department=DepartmentFactory(name="복지정책과"))
    PhaseFactory(project=project)
    clerk = client_for(staff_user("서민경", DEPARTMENT_STAFF, departments=["복지정책과"]))
    response = clerk.post(reverse("admin:projects_document_add") + f"?project={project.pk}", {
        "title": "예산표", "kind": "plan", "date": "2024-02-10",
        "department": str(project.department_id), "document_number": "", "phase": "",
        "meeting": "", "disclosure": "open", "ground": "", "url": "",
        "file": SimpleUploadedFile("예산.xlsx", xlsx(b"\0" * (20 * 1024 * 1024)))})
    assert response.status_code == 200
    assert "정상적인 문서로 볼 수 없어" in response.content.decode()
    assert not Document.objects.exists()
    project.refresh_from_db()
    assert project.version == 1
