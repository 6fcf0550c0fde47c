"""정책실명제 소개 (/about/): the legal basis, the criteria, the 책임관 and the 심의 results, all
from the database, in the site's navigation; the 책임관 is edited by the 총괄 in the admin."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from projects.models import AccountableOfficer, SelectionCriterion, SelectionReview
from tests.factories import PolicyProjectFactory
from tests.staff import COORDINATOR, DEPARTMENT_STAFF, client_for, staff_user

pytestmark = pytest.mark.django_db


def about_text(client) -> str:
    response = client.get(reverse("about"))
    assert response.status_code == 200
    return " ".join(BeautifulSoup(response.content.decode(), "html.parser").get_text(" ").split())


def test_the_legal_basis_is_cited_with_its_article(client):
    text = about_text(client)
    assert "「행정업무의 운영 및 혁신에 관한 규정」(대통령령) 제63조(정책의 실명 관리)" in text
    assert "일시, 참석자, 발언내용, 결정사항, 표결내용" in text


def test_criteria_and_officers_come_from_the_database(client):
    criterion = SelectionCriterion.objects.first()
    criterion.description = "구청장이 정한 주요 현안으로 구민 생활에 큰 영향을 주는 사업"
    criterion.save()
    AccountableOfficer.objects.create(role="정책실명제 책임관", name="최정민", position="기획예산과장",
                                      department="기획예산과", phone="02-3396-4114")
    text = about_text(client)
    assert f"{criterion.short_name} 구청장이 정한 주요 현안으로 구민 생활에 큰 영향을 주는 사업" in text
    assert "정책실명제 책임관 기획예산과 기획예산과장 최정민 02-3396-4114" in text
    assert "연도별 심의 결과" not in text  # none recorded: nothing shown


def test_review_results_list_only_published_projects(client):
    shown = PolicyProjectFactory(registration_number="2023-13", title="공개된 사업",
                                 published_at=timezone.now())
    draft = PolicyProjectFactory(registration_number="2023-14", title="초안 사업")
    review = SelectionReview.objects.create(year=2023, held_on=date(2023, 3, 15),
                                            summary="신청 사업 중 2건 선정")
    review.selected_projects.set([shown, draft])
    text = about_text(client)
    assert "2023년 정책실명제 심의위원회 ( 2023. 3. 15. )" in text
    assert "2023-13 공개된 사업" in text and "초안 사업" not in text


def test_about_is_in_the_navigation_and_points_to_the_application(client):
    html = client.get(reverse("register")).content.decode()
    nav = BeautifulSoup(html, "html.parser").find("nav", attrs={"aria-label": "주 메뉴"})
    assert nav.find("a", string="정책실명제 소개")["href"] == reverse("about")
    about = BeautifulSoup(client.get(reverse("about")).content.decode(), "html.parser")
    assert about.find("a", string="국민신청실명제 신청하기")["href"] == reverse("apply")


def test_about_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for year in (2022, 2023, 2024):
        review = SelectionReview.objects.create(year=year, held_on=date(year, 3, 1))
        review.selected_projects.set([PolicyProjectFactory(published_at=timezone.now())
                                      for _ in range(3)])
    with django_assert_max_num_queries(4):
        client.get(reverse("about"))


def test_only_the_coordinator_edits_the_officer():
    coordinator = client_for(staff_user("총괄", COORDINATOR))
    add = reverse("admin:projects_accountableofficer_add")
    response = coordinator.post(add, {"role": "정책실명제 책임관", "name": "최정민", "position": "기획예산과장",
                                      "department": "기획예산과", "phone": "02-3396-4114", "order": "0"})
    assert response.status_code == 302 and AccountableOfficer.objects.get().name == "최정민"
    staff = client_for(staff_user("서민경", DEPARTMENT_STAFF))
    assert staff.get(add).status_code == 403
