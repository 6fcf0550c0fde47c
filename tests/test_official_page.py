"""/officials/<id>/: every published project and phase a person took part in, newest first."""

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from django.urls import reverse

from projects.models import Official
from projects.rendering.sheet import Person
from tests.factories import (
    OfficialFactory,
    PhaseFactory,
    PhaseOfficialFactory,
    PolicyProjectFactory,
    ProjectOfficialFactory,
)

pytestmark = pytest.mark.django_db


def official(name: str) -> Official:
    return Official.objects.get(name=name)


def record(client, person) -> BeautifulSoup:
    response = client.get(person.get_absolute_url())
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_official_url_is_by_id():
    assert reverse("official_detail", kwargs={"pk": 7}) == "/officials/7/"


def test_record_shows_role_and_every_phase_with_period_and_position(client, demo):
    soup = record(client, official("서민경"))
    assert "서민경" in soup.h1.text and "복지정책과" in soup.h1.text
    card = soup.select_one(".record-card")
    assert "2023-13" in card.text and "1인가구도 행복한 중구 조성" in card.text
    assert "담당 행정6급" in card.select_one(".record-meta").text
    rows = [[" ".join(td.text.split()) for td in tr.find_all("td")]
            for tr in card.select(".record-phases tbody tr")]
    assert rows == [
        ["'23. 7. ~ '23. 8.", "없음", "주무관"],  # no content on the sheet: nothing invented
        ["'23. 1. ~ '23. 6.", "1인가구 소통공간 <놀다가> 개소 및 운영 : '23. 1. 28. 외 4건", "주무관"],
    ]
    assert card.find("a")["href"] == demo["2023-13"].get_absolute_url()


def test_phases_are_newest_first(client, demo):
    soup = record(client, official("이수정"))
    periods = [td.text for td in soup.select(".record-phases tbody .col-period")]
    starts = [period.split("~")[0].strip() for period in periods]
    as_dates = [tuple(int(part) for part in s.strip("'.").split(". ")) for s in starts]
    assert as_dates == sorted(as_dates, reverse=True) and len(as_dates) >= 2


def test_projects_are_ordered_by_latest_involvement(client, demo):
    from datetime import date

    from django.utils import timezone

    person = OfficialFactory(name="김순서")
    old = PolicyProjectFactory(title="옛 사업", started_on=date(2015, 1, 1),
                               published_at=timezone.now(), registration_number="2015-1")
    new = PolicyProjectFactory(title="새 사업", started_on=date(2016, 1, 1),
                               published_at=timezone.now(), registration_number="2016-1")
    ProjectOfficialFactory(project=old, official=person)
    ProjectOfficialFactory(project=new, official=person)
    PhaseOfficialFactory(official=person, phase=PhaseFactory(
        project=old, started_on=date(2020, 3, 1), ended_on=date(2020, 4, 1)))
    titles = [a.text for a in record(client, person).select(".record-title a")]
    assert titles == ["옛 사업", "새 사업"]


def test_unpublished_project_is_left_out_of_a_record(client, demo):
    from django.utils import timezone

    person = official("이춘배")
    draft = PolicyProjectFactory(title="비공개 초안 사업", published_at=None)
    ProjectOfficialFactory(project=draft, official=person)
    PolicyProjectFactory(published_at=timezone.now())
    assert "비공개 초안 사업" not in record(client, person).text


def test_person_only_on_unpublished_projects_is_404(client, demo):
    person = OfficialFactory(name="비공개인")
    ProjectOfficialFactory(project=PolicyProjectFactory(published_at=None), official=person)
    assert client.get(person.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("path", ["/officials/999999/", "/officials/abc/", "/officials/-1/"])
def test_unknown_official_is_404(client, demo, path):
    assert client.get(path).status_code == 404


def involve(person, count: int):
    from django.utils import timezone

    for _ in range(count):
        project = PolicyProjectFactory(published_at=timezone.now())
        ProjectOfficialFactory(project=project, official=person)
        PhaseOfficialFactory(official=person, phase=PhaseFactory(project=project))


def test_record_query_count_does_not_grow_with_projects(client, demo, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    person = official("이춘배")
    with CaptureQueriesContext(connection) as few:
        record(client, person)
    involve(person, 30)
    with django_assert_num_queries(len(few.captured_queries)):
        record(client, person)


def test_long_record_is_paged_by_twenty(client, demo):
    person = OfficialFactory(name="김다작")
    involve(person, 25)
    first = record(client, person)
    assert len(first.select(".record-card")) == 20
    assert "25건" in first.select_one(".page-lead").text
    second = BeautifulSoup(client.get(person.get_absolute_url() + "?page=2").content, "html.parser")
    assert len(second.select(".record-card")) == 5
    assert client.get(person.get_absolute_url() + "?page=abc").status_code == 200


def test_person_partial_links_a_known_official_and_escapes_names(demo):
    person = official("이춘배")
    html = render_to_string("projects/_person.html", {"person": Person(person.pk, person.name, "과장")})
    link = BeautifulSoup(html, "html.parser").find("a")
    assert link["href"] == f"/officials/{person.pk}/" and link.text == "이춘배"
    plain = render_to_string("projects/_person.html", {"person": Person(None, "<외부>", "위원")})
    assert "<a" not in plain and "&lt;외부&gt;" in plain
