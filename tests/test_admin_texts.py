"""The admin as a clerk reads it: the sheet's parts in the form's order, help texts that do not
look like data, messages right for any name, and django-axes in Korean."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.urls import reverse

from tests.factories import DepartmentFactory
from tests.staff import change_url, load_form

pytestmark = pytest.mark.django_db


def change_page(client, project) -> BeautifulSoup:
    return BeautifulSoup(client.get(change_url(project)).content, "html.parser")


def test_outline_comes_before_officials_as_on_the_sheet(admin_client, seed_project):
    headings = [" ".join(h2.get_text().split())
                for h2 in change_page(admin_client, seed_project).select(".inline-group > fieldset > h2, .inline-group h2")]
    parts = [h for h in headings if h in ("⑤ 사업개요", "⑥ 담당자", "주요 추진내용 및 사업관련자")]
    assert parts[:3] == ["⑤ 사업개요", "⑥ 담당자", "주요 추진내용 및 사업관련자"]


def test_phase_month_help_says_what_to_type_not_a_period(admin_client, seed_project):
    soup = change_page(admin_client, seed_project)
    helps = {" ".join(div.get_text().split())
             for div in soup.select('[id^="id_phases-"][id$="-started_on_helptext"],'
                                    '[id^="id_phases-"][id$="-ended_on_helptext"]')}
    assert helps, "no help text found under the phases' months"
    phases = list(seed_project.phases.all())
    periods = [phase.period_display for phase in phases]
    months = {f"{day:%Y-%m}" for phase in phases for day in (phase.started_on, phase.ended_on) if day}
    for text in helps:
        assert "입력" in text
        assert not re.search(r"'\d\d\. \d", text), text  # no sheet-style period like '21. 8.
        assert not any(period in text for period in periods)
        assert not months & set(re.findall(r"\d{4}-\d\d", text)), text  # no month of a phase


def messages_after(response) -> list[str]:
    """The messages as the clerk reads them (the admin links the name: its text is what counts)."""
    return [BeautifulSoup(str(message), "html.parser").get_text()
            for message in get_messages(response.wsgi_request)]


def test_saving_a_sheet_says_so_with_a_particle_right_for_any_name(admin_client, seed_project):
    data = load_form(admin_client, seed_project)
    data["title"] = ["1인가구도 행복한 중구 조성 사업"]
    response = admin_client.post(change_url(seed_project), data)
    assert response.status_code == 302
    assert messages_after(response) == [
        "중점관리 대상사업 「2023-13 1인가구도 행복한 중구 조성 사업」을(를) 저장했습니다."
    ]


def test_adding_and_deleting_speak_the_same_way(admin_client):
    add = admin_client.post(reverse("admin:projects_department_add"), {"name": "복지정책과"})
    assert add.status_code == 302, add.content.decode()[:1500]
    said = messages_after(add)
    assert said == ["사업부서 「복지정책과」을(를) 추가했습니다."]
    assert not any("성공적으로" in text or "가 " in text for text in said)
    department = DepartmentFactory(name="도시계획과")
    delete = admin_client.post(reverse("admin:projects_department_delete", args=[department.pk]),
                               {"post": "yes"})
    assert messages_after(delete)[-1] == "사업부서 「도시계획과」을(를) 삭제했습니다."


def test_login_throttling_pages_are_korean(admin_client):
    index = BeautifulSoup(admin_client.get(reverse("admin:index")).content, "html.parser")
    text = index.get_text(" ")
    assert "로그인 제한" in text and "로그인 시도" in text and "접속 기록" in text
    assert not re.search(r"Access (attempts|failures|logs)|Axes", text)
    from axes.models import AccessAttempt

    AccessAttempt.objects.create(username="kim", ip_address="10.0.0.1", user_agent="시험",
                                 http_accept="*/*", path_info="/admin/login/", failures_since_start=3)
    page = BeautifulSoup(admin_client.get(reverse("admin:axes_accessattempt_changelist")).content,
                         "html.parser")
    columns = [" ".join(th.get_text().split()) for th in page.select("#result_list thead th")]
    assert {"아이디", "IP 주소", "실패 횟수"} <= set(columns), columns
    assert not [c for c in columns if re.search(r"[A-Za-z]{4,}", c.replace("User Agent", ""))]


def test_axes_lockout_message_is_korean():
    from axes.conf import settings as axes_settings
    from django.utils import translation

    with translation.override("ko"):
        assert str(axes_settings.AXES_COOLOFF_MESSAGE).startswith("로그인에 여러 번 실패하여")
