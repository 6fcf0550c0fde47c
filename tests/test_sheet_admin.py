"""The sheet in the admin: preview and PDF for unpublished projects, many sheets as one PDF."""

import io

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse
from pypdf import PdfReader

from projects.admin.preview import EXPORT_LIMIT

pytestmark = pytest.mark.django_db


def preview_url(project):
    return reverse("admin:projects_policyproject_sheet_preview", args=[project.pk])


def pdf_url(project):
    return reverse("admin:projects_policyproject_sheet_pdf", args=[project.pk])


def test_change_page_links_to_preview_and_pdf(admin_client, seed_project):
    html = admin_client.get(
        reverse("admin:projects_policyproject_change", args=[seed_project.pk])
    ).content.decode()
    assert f'href="{preview_url(seed_project)}">사업내역서 미리보기</a>' in html
    assert f'href="{pdf_url(seed_project)}">PDF</a>' in html


def test_view_on_site_only_for_published_sheets(admin_client, demo):
    def change_page(project):
        url = reverse("admin:projects_policyproject_change", args=[project.pk])
        return admin_client.get(url).content.decode()

    assert 'href="/projects/2023-13/"' in change_page(demo["2023-13"])
    assert "/projects/2025-4/" not in change_page(demo["2025-4"])


def test_preview_shows_an_unpublished_sheet_to_staff(admin_client, demo):
    draft = demo["2025-4"]
    response = admin_client.get(preview_url(draft))
    assert response.status_code == 200
    html = response.content.decode()
    assert "정책실명제 중점관리 대상사업 사업내역서" in html and draft.title in html
    assert "아직 공개되지 않은 사업내역서입니다." in html


def test_admin_pdf_of_an_unpublished_sheet(admin_client, demo):
    response = admin_client.get(pdf_url(demo["2025-4"]))
    assert response.status_code == 200
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "2025-4" in text
    assert response["Content-Disposition"].startswith('inline; filename="sheet_2025-4.pdf"')


def test_staff_without_view_permission_cannot_preview(client, seed_project):
    clerk = User.objects.create_user("clerk", password="pw-1234-long", is_staff=True)
    client.force_login(clerk)
    assert client.get(preview_url(seed_project)).status_code == 403
    assert client.get(pdf_url(seed_project)).status_code == 403
    clerk.user_permissions.add(Permission.objects.get(codename="view_policyproject"))
    assert client.get(preview_url(seed_project)).status_code == 403  # not their department
    seed_project.department.staff.add(clerk)
    assert client.get(preview_url(seed_project)).status_code == 200


def test_anonymous_is_sent_to_login(client, seed_project):
    response = client.get(preview_url(seed_project))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_unknown_project_preview_is_404(admin_client, db):
    assert admin_client.get("/admin/projects/policyproject/999999/sheet/").status_code == 404


def test_action_downloads_the_selected_sheets_as_one_pdf(admin_client, demo):
    chosen = [demo["2023-13"], demo["2025-4"]]
    response = admin_client.post(reverse("admin:projects_policyproject_changelist"), {
        "action": "download_sheets_pdf", "_selected_action": [p.pk for p in chosen],
    })
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="sheets_2.pdf"')
    reader = PdfReader(io.BytesIO(response.content))
    texts = [page.extract_text() for page in reader.pages]
    assert "2023-13" in texts[0] and any("2025-4" in t for t in texts[1:])
    assert "1 / 2" in texts[0]  # each sheet keeps its own page numbers
    assert texts[-1].rstrip().endswith("1 / 1")


def test_action_refuses_too_many_sheets_with_a_message(admin_client, demo, monkeypatch):
    monkeypatch.setattr("projects.admin.preview.EXPORT_LIMIT", 1)
    response = admin_client.post(reverse("admin:projects_policyproject_changelist"), {
        "action": "download_sheets_pdf", "_selected_action": [p.pk for p in demo.values()],
    }, follow=True)
    assert response["Content-Type"].startswith("text/html")
    assert "한 번에 1건까지 내려받을 수 있습니다." in response.content.decode()
    assert EXPORT_LIMIT == 50


def test_action_with_nothing_in_scope_says_so(client, demo):
    """A 담당자's selection of another department's project downloads nothing and explains."""
    from tests.staff import DEPARTMENT_STAFF, staff_user

    client.force_login(staff_user("welfare", DEPARTMENT_STAFF, ["복지정책과"]))
    response = client.post(reverse("admin:projects_policyproject_changelist"), {
        "action": "download_sheets_pdf", "_selected_action": [demo["2022-5"].pk],
    }, follow=True)
    assert response.status_code == 200
    assert "선택한 사업 중 내려받을 사업내역서가 없습니다" in response.content.decode()


def test_preview_of_another_departments_project_is_the_korean_refusal(client, demo):
    from tests.staff import DEPARTMENT_STAFF, staff_user

    client.force_login(staff_user("welfare", DEPARTMENT_STAFF, ["복지정책과"]))
    response = client.get(preview_url(demo["2022-5"]))
    assert response.status_code == 403
    assert "다른 부서의 사업내역서는 열거나 고칠 수 없습니다" in response.content.decode()
