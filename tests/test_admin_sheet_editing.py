"""Staff edit a whole sheet from the project's change page; bad input saves nothing."""

import pytest
from django.urls import reverse

from projects.models import PolicyProject
from tests.conftest import form_data

pytestmark = pytest.mark.django_db


def change_url(project):
    return reverse("admin:projects_policyproject_change", args=[project.pk])


def sheet_snapshot(project):
    """Every row of a sheet, as (model, fields) tuples in order."""
    project = PolicyProject.objects.for_sheet().get(pk=project.pk)
    rows = [(
        project.registration_number, project.title, project.status, project.background,
        project.department_id, project.selection_criterion_id, project.started_on,
        project.ended_on, project.published_at,
    )]
    rows += [(o.pk, o.order, o.role_label, o.official_id) for o in project.project_officials.all()]
    rows += [(i.pk, i.order, i.level, i.text) for i in project.outline_items.all()]
    for phase in project.phases.all():
        rows.append((phase.pk, phase.order, phase.heading, phase.started_on, phase.ended_on))
        rows += [(i.pk, i.order, i.level, i.text) for i in phase.items.all()]
        rows += [(o.pk, o.order, o.official_id, o.position) for o in phase.officials.all()]
    return rows


def post_form(client, url, data):
    return client.post(url, data)


def test_change_page_of_seed_sheet_shows_every_part(admin_client, seed_project):
    response = admin_client.get(change_url(seed_project))
    assert response.status_code == 200
    page = response.content.decode()
    for text in ["1인가구도 행복한 중구 조성", "담당 행정6급", "공유부엌, 소모임",
                 "「1인가구 소통공간」 조성", "1인가구 소통공간 &lt;놀다가&gt; 개소", "윤경희"]:
        assert text in page
    assert "<놀다가>" not in page


def test_saving_seed_sheet_unchanged_keeps_every_row(admin_client, seed_project):
    before = sheet_snapshot(seed_project)
    version = PolicyProject.objects.get(pk=seed_project.pk).version
    data = form_data(admin_client.get(change_url(seed_project)).content.decode(), "policyproject_form")
    response = post_form(admin_client, change_url(seed_project), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    assert sheet_snapshot(seed_project) == before
    seed_project.refresh_from_db()
    assert seed_project.version == version  # nothing changed: no new version


def test_outline_jumping_from_level_0_to_2_saves_nothing(admin_client, seed_project):
    before = sheet_snapshot(seed_project)
    data = form_data(admin_client.get(change_url(seed_project)).content.decode(), "policyproject_form")
    data["title"] = ["바뀐 제목"]
    data["outline_items-1-level"] = ["2"]  # ○ right under □ becomes a "-": a jump of two
    response = post_form(admin_client, change_url(seed_project), data)
    assert response.status_code == 200
    assert "2번째 항목의 수준이 앞 항목보다 두 단계 이상 깊습니다" in response.content.decode()
    assert sheet_snapshot(seed_project) == before


def test_phase_item_error_deep_in_the_sheet_saves_nothing(admin_client, seed_project):
    before = sheet_snapshot(seed_project)
    data = form_data(admin_client.get(change_url(seed_project)).content.decode(), "policyproject_form")
    data["background"] = ["바뀐 배경"]
    data["phases-0-ended_on"] = ["2020-01"]
    response = post_form(admin_client, change_url(seed_project), data)
    assert response.status_code == 200
    assert "추진기간의 종료월은 시작월보다 빠를 수 없습니다" in response.content.decode()
    assert sheet_snapshot(seed_project) == before


def test_duplicate_registration_number_on_the_form(admin_client, seed_project):
    other = PolicyProject.objects.get(registration_number="2022-5")
    before = sheet_snapshot(other)
    data = form_data(admin_client.get(change_url(other)).content.decode(), "policyproject_form")
    data.update(registration_number=["2023-13"])
    response = post_form(admin_client, change_url(other), data)
    assert "등록번호 2023-13은(는) 이미 등록되어 있습니다" in response.content.decode()
    assert sheet_snapshot(other) == before


@pytest.mark.parametrize(("field", "value", "message"), [
    ("registration_number", "1800-13", "받을 수 있는 연도(1990~2100)가 아닙니다"),
    ("registration_number", "2023-13번", "연도 네 자리, 붙임표(-), 순번으로 적어야 합니다"),
    ("registration_number", "2022-05", "이미 2022-5(으)로 등록되어 있습니다"),
    ("ended_on", "2020-01", "사업 종료월은 시작월보다 빠를 수 없습니다"),
    ("started_on", "2021-13", "2021-07 처럼 연-월 형식으로 입력하세요"),
])
def test_bad_project_fields_get_korean_messages(admin_client, seed_project, field, value, message):
    before = sheet_snapshot(seed_project)
    data = form_data(admin_client.get(change_url(seed_project)).content.decode(), "policyproject_form")
    data[field] = [value]
    response = post_form(admin_client, change_url(seed_project), data)
    assert message in response.content.decode()
    assert sheet_snapshot(seed_project) == before


def test_official_with_empty_name_is_refused_in_admin(admin_client, seed_project):
    url = reverse("admin:projects_official_add")
    response = admin_client.post(url, {"name": "  ", "department": seed_project.department_id})
    assert response.status_code == 200
    assert "필수 항목입니다" in response.content.decode()


def test_admin_search_by_registration_number_and_names(admin_client, demo):
    url = reverse("admin:projects_policyproject_changelist")
    for term in ["2023-13", "1인가구도", "이춘배", "윤경희"]:
        page = admin_client.get(url, {"q": term}).content.decode()
        assert "1인가구도 행복한 중구 조성" in page, term
    page = admin_client.get(url, {"q": "2023-13"}).content.decode()
    assert "스마트 안심 귀갓길" not in page


def test_project_list_filters_and_columns(admin_client, demo):
    url = reverse("admin:projects_policyproject_changelist")
    page = admin_client.get(url, {"registration_year": "2022"}).content.decode()
    assert "스마트 안심 귀갓길 조성" in page and "1인가구도" not in page
    for heading in ["등록번호", "정책사업명", "사업부서", "추진상태", "공개", "최종 수정일"]:
        assert heading in page
