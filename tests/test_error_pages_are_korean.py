"""With DEBUG off (production), a visitor who meets an error reads it in Korean on a page of the
site: not found (404), refused (403), malformed (400), and the server's own error (500)."""

import pytest
from django.test import RequestFactory
from django.views import defaults

from tests.applications import submitted
from tests.staff import DEPARTMENT_STAFF, client_for, staff_user


@pytest.fixture(autouse=True)
def production(settings):
    settings.DEBUG = False


def korean_page(response, heading: str) -> str:
    page = response.content.decode()
    assert '<html lang="ko">' in page
    assert heading in page
    assert "Not Found" not in page and "Bad Request" not in page and "Forbidden" not in page
    return page


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/projects/9999-1/", "/officials/999999/", "/no/such/page/",
                                 "/projects/9999-1/meetings/1/"])
def test_not_found_is_explained_in_korean(client, url):
    response = client.get(url)
    assert response.status_code == 404
    korean_page(response, "페이지를 찾을 수 없습니다")


@pytest.mark.django_db
def test_a_refused_lookup_is_explained_in_korean():
    submitted()
    from projects.models import Department

    Department.objects.create(name="교통행정과")
    clerk = client_for(staff_user("부서", DEPARTMENT_STAFF, departments=["교통행정과"]))
    response = clerk.get("/admin/projects/application/?applicant_email__startswith=h")
    assert response.status_code == 400
    korean_page(response, "요청을 처리할 수 없습니다")


@pytest.mark.django_db
def test_a_post_without_its_csrf_token_is_explained_in_korean():
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/apply/status/", {"receipt_number": "2026-0001"})
    assert response.status_code == 403
    korean_page(response, "보안 확인에 실패했습니다")


@pytest.mark.django_db
def test_a_refused_page_is_explained_in_korean(client):
    staff_user("부서", DEPARTMENT_STAFF)
    response = client.get("/admin/projects/application/", follow=False)
    assert response.status_code == 302  # anonymous: to the login page, not a bare 403
    from django.core.exceptions import PermissionDenied

    response = defaults.permission_denied(RequestFactory().get("/"), PermissionDenied())
    assert response.status_code == 403
    korean_page(response, "볼 수 없는 페이지입니다")


def test_the_server_error_page_is_korean_and_needs_no_database():
    response = defaults.server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    korean_page(response, "일시적인 오류가 났습니다")
