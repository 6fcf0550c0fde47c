"""The 총괄's queue: only allowed transitions, reasons for 반려, overdue marked, roles kept apart."""

import html
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from projects.applications.services import application_transition
from projects.models import Application, Department, RejectionReason
from tests.applications import change_url, review, submitted
from tests.staff import COORDINATOR, DEPARTMENT_STAFF, client_for, staff_user

pytestmark = pytest.mark.django_db
State = Application.State


@pytest.fixture
def coordinator():
    return staff_user("총괄", COORDINATOR)


def test_the_statutory_rejection_reasons_are_seeded():
    assert list(RejectionReason.objects.values_list("name", flat=True)) == [
        "정보공개법상 비공개 대상 정보", "단순 민원", "신청 내용 불명확", "이미 공개된 사업"]


def test_only_the_next_states_are_offered_and_a_skip_is_refused(coordinator):
    application = submitted()
    client = client_for(coordinator)
    page = client.get(change_url(application)).content.decode()
    assert '<option value="reviewing">검토중</option>' in page
    assert 'value="selected"' not in page
    response = review(client, application, to_state="selected")
    assert response.status_code == 200  # the form again, with the error
    assert "올바르게 선택해 주세요" in response.content.decode()
    application.refresh_from_db()
    assert application.state == State.RECEIVED and application.state_changes.count() == 1
    with pytest.raises(ValueError, match="'접수' 상태에서는 '선정'"):
        application_transition(application=application, user=coordinator, to_state=State.SELECTED, note="")


def test_returning_needs_a_reason_and_shows_it_publicly(coordinator, client, django_capture_on_commit_callbacks):
    from django.core import mail

    application = submitted()
    staff = client_for(coordinator)
    response = review(staff, application, to_state="returned", note="민원 창구로 안내")
    assert "반려하려면 반려 사유를 고르세요." in response.content.decode()
    assert Application.objects.get().state == State.RECEIVED
    reason = RejectionReason.objects.get(name="단순 민원")
    with django_capture_on_commit_callbacks(execute=True):
        assert review(staff, application, to_state="returned", return_reason=str(reason.pk),
                      note="민원 창구로 안내").status_code == 302
    application.refresh_from_db()
    assert application.state == State.RETURNED and application.rejection_reason == reason
    listing = client.get(reverse("application_list")).content.decode()
    assert "단순 민원 — 민원 창구로 안내" in listing
    assert "반려" in mail.outbox[-1].subject and "단순 민원" in mail.outbox[-1].body


def test_selecting_without_a_department_is_refused(coordinator):
    application = submitted()
    for state in (State.REVIEWING, State.DELIBERATION):
        application_transition(application=application, user=coordinator, to_state=state, note="")
    response = review(client_for(coordinator), application, to_state="selected")
    assert "사업부서를 고르세요" in response.content.decode()
    application.refresh_from_db()
    assert application.state == State.DELIBERATION and application.created_project is None


def test_a_decided_application_cannot_move_again(coordinator):
    application = submitted()
    application_transition(application=application, user=coordinator, to_state=State.RETURNED,
                           note="", reason=RejectionReason.objects.first())
    with pytest.raises(ValueError, match="이미 결정된 신청입니다"):
        application_transition(application=application, user=coordinator, to_state=State.REVIEWING, note="")


def test_department_staff_see_no_contact_details_and_cannot_review():
    Department.objects.create(name="교통행정과")
    application = submitted()
    staff = staff_user("부서", DEPARTMENT_STAFF, departments=["교통행정과"])
    client = client_for(staff)
    for url in (reverse("admin:projects_application_changelist"), change_url(application)):
        page = client.get(url).content.decode()
        assert application.receipt_number in page
        for private in ("홍길동", "hong@example.com", "010-1234-5678"):
            assert private not in page
    assert 'name="to_state"' not in client.get(change_url(application)).content.decode()
    response = client.post(change_url(application), {"to_state": "reviewing"})
    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        application_transition(application=application, user=staff, to_state=State.REVIEWING, note="")
    assert Application.objects.get().state == State.RECEIVED


def test_the_coordinator_sees_contact_details(coordinator):
    application = submitted()
    page = client_for(coordinator).get(change_url(application)).content.decode()
    assert "홍길동" in page and "hong@example.com" in page and "010-1234-5678" in page


def test_overdue_applications_are_marked_and_filterable(coordinator):
    late = submitted(policy_title="늦은 신청")
    submitted(policy_title="기한 안 신청")
    decided = submitted(policy_title="결정된 신청")
    past = timezone.localdate() - timedelta(days=3)
    Application.objects.filter(pk__in=[late.pk, decided.pk]).update(due_on=past)
    application_transition(application=decided, user=coordinator, to_state=State.RETURNED, note="",
                           reason=RejectionReason.objects.first())
    client = client_for(coordinator)
    url = reverse("admin:projects_application_changelist")
    page = client.get(url).content.decode()
    assert page.count('class="application-overdue"') == 1 and "(3일 지남)" in page
    assert "style=" not in page.split('id="result_list"')[1].split("</table>")[0]
    overdue = client.get(url, {"overdue": "yes"}).content.decode()
    assert "늦은 신청" in overdue and "기한 안 신청" not in overdue and "결정된 신청" not in overdue


def test_the_list_actions_move_several_applications_through_the_service(coordinator):
    first, second = submitted(), submitted()
    client = client_for(coordinator)
    response = client.post(reverse("admin:projects_application_changelist"), {
        "action": "start_review", "_selected_action": [first.pk, second.pk]}, follow=True)
    assert "'검토중'(으)로 바꾼 신청 2건" in html.unescape(response.content.decode())
    assert set(Application.objects.values_list("state", flat=True)) == {State.REVIEWING}
    assert all(a.state_changes.last().changed_by == coordinator for a in Application.objects.all())


def test_selecting_takes_the_next_free_registration_number_of_the_year(coordinator):
    from tests.factories import PolicyProjectFactory

    year = timezone.localdate().year
    PolicyProjectFactory(registration_number=f"{year}-07")
    application = submitted(department=Department.objects.create(name="교통행정과"))
    for state in (State.REVIEWING, State.DELIBERATION, State.SELECTED):
        application_transition(application=application, user=coordinator, to_state=state, note="")
    assert application.created_project.registration_number == f"{year}-8"
    assert application.created_project.selection_criterion.short_name == "국민신청사업"
