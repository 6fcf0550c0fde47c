"""The sheet as HWPX (/projects/<번호>.hwpx): an OWPML package 한글 opens, holding the seed."""

import io
import re
import zipfile
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from projects.rendering import hwpx
from tests.factories import PhaseFactory, PhaseItemFactory, PolicyProjectFactory
from tests.test_sheet_page import assert_in_order, seed_fragments, squash
from tests.writes import edit_sheet

pytestmark = pytest.mark.django_db
PARAGRAPH = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"


def download(client, number="2023-13", **headers):
    response = client.get(reverse("sheet_hwpx", args=[number]), **headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/hwp+zip"
    assert response["Content-Disposition"].startswith("attachment;")
    assert f"filename*=UTF-8''{quote(f'사업내역서_{number}.hwpx')}" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    return response


def package(body: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(body))


def section_text(archive: zipfile.ZipFile) -> str:
    """The section's text runs in document order, one paragraph a line."""
    root = etree.fromstring(archive.read("Contents/section0.xml"))
    lines = ["".join(t.text or "" for t in p.iter(f"{PARAGRAPH}t"))
             for p in root.iter(f"{PARAGRAPH}p")]
    return "\n".join(lines)


def test_hwpx_is_a_zip_with_the_mimetype_first_and_stored(client, seed_project):
    archive = package(download(client).getvalue())
    first = archive.infolist()[0]
    assert first.filename == "mimetype"
    assert first.compress_type == zipfile.ZIP_STORED
    assert archive.read("mimetype") == b"application/hwp+zip"
    names = archive.namelist()
    assert {"Contents/section0.xml", "Contents/header.xml", "Contents/content.hpf",
            "META-INF/container.xml", "version.xml"} <= set(names)
    for name in names:  # every XML part is well formed
        if name.endswith((".xml", ".hpf", ".rdf")):
            etree.fromstring(archive.read(name))


def test_hwpx_holds_every_text_of_the_seed_sheet_in_order(client, seed_project, seed_text):
    text = section_text(package(download(client).getvalue()))
    assert_in_order(seed_fragments(seed_text), squash(text))
    assert "1인가구 소통공간 <놀다가> 개소 및 운영" in text  # text, not markup


def test_hwpx_passes_the_owpml_schemas_and_the_package_checks(seed_project):
    from hwpx import HwpxDocument
    from hwpx.tools.package_validator import validate_package

    body = hwpx.sheet_hwpx(project=seed_project)
    assert HwpxDocument.open(io.BytesIO(body)).validate().issues == ()
    package_issues = validate_package(body).issues
    assert [issue for issue in package_issues if issue.level != "warning"] == []


def test_hwpx_page_is_a4(client, seed_project):
    section = package(download(client).getvalue()).read("Contents/section0.xml").decode()
    size = re.search(r'<hp:pagePr[^>]*width="(\d+)" height="(\d+)"', section)
    assert (int(size[1]), int(size[2])) == (59528, 84188)  # 210 × 297 mm in HWPUNIT (1/7200 in), as 한글 writes A4


def test_markup_in_a_text_stays_text(client, db):
    project = PolicyProjectFactory(registration_number="2024-77", published_at=timezone.now(),
                                   title="<b>굵게</b> & 「사업」")
    PhaseItemFactory(phase=PhaseFactory(project=project), text="<script>alert(1)</script>")
    archive = package(download(client, "2024-77").getvalue())
    text = section_text(archive)
    assert "<b>굵게</b> & 「사업」" in text and "<script>alert(1)</script>" in text
    assert b"<script>" not in archive.read("Contents/section0.xml")


def test_hwpx_is_cached_per_version_and_304_until_an_edit(client, seed_project, monkeypatch):
    builds = []
    real = hwpx.render_sheet_hwpx
    monkeypatch.setattr(hwpx, "render_sheet_hwpx", lambda **kw: builds.append(1) or real(**kw))
    first = download(client)
    download(client)
    assert len(builds) == 1
    url = reverse("sheet_hwpx", args=["2023-13"])
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    edit_sheet(seed_project, title="새 사업명")
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and len(builds) == 2
    assert "새 사업명(진행중)" in section_text(package(changed.getvalue()))


def test_unpublished_or_malformed_hwpx_is_404_and_a_number_typed_otherwise_redirects(client, demo):
    assert client.get(reverse("sheet_hwpx", args=["2025-4"])).status_code == 404
    assert client.get("/projects/2023-XX.hwpx").status_code == 404
    moved = client.get(reverse("sheet_hwpx", args=["2022-05"]))
    assert moved.status_code == 301 and moved["Location"] == reverse("sheet_hwpx", args=["2022-5"])


def test_sheet_page_links_the_hwpx(client, seed_project):
    page = client.get(seed_project.get_absolute_url()).content.decode()
    assert f'href="{reverse("sheet_hwpx", args=["2023-13"])}"' in page


def export(client, projects):
    return client.post(reverse("admin:projects_policyproject_changelist"), {
        "action": "download_sheets_hwpx", "_selected_action": [p.pk for p in projects],
    })


def test_admin_action_exports_one_sheet_as_hwpx_even_a_draft(admin_client, demo):
    response = export(admin_client, [demo["2025-4"]])
    assert response["Content-Type"] == "application/hwp+zip"
    assert response["Content-Disposition"].startswith('attachment; filename="sheet_2025-4.hwpx"')
    assert "음식물류 폐기물 감량 시범사업" in section_text(package(response.content))


def test_admin_action_exports_several_sheets_as_a_zip_of_hwpx(admin_client, demo):
    response = export(admin_client, [demo["2023-13"], demo["2022-5"]])
    assert response["Content-Type"] == "application/zip"
    bundle = package(response.content)
    assert bundle.namelist() == ["사업내역서_2022-5.hwpx", "사업내역서_2023-13.hwpx"]
    inner = package(bundle.read("사업내역서_2023-13.hwpx"))
    assert inner.infolist()[0].filename == "mimetype"
    assert "1인가구도 행복한 중구 조성(진행중)" in section_text(inner)


def test_admin_hwpx_export_keeps_the_department_scope(client, demo):
    from tests.staff import DEPARTMENT_STAFF, staff_user

    client.force_login(staff_user("welfare", DEPARTMENT_STAFF, ["복지정책과"]))
    response = client.post(reverse("admin:projects_policyproject_changelist"), {
        "action": "download_sheets_hwpx", "_selected_action": [demo["2022-5"].pk],
    }, follow=True)
    assert response["Content-Type"].startswith("text/html")
    assert "선택한 사업 중 내려받을 사업내역서가 없습니다" in response.content.decode()
