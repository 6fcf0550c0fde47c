"""Draft → published → withdrawn → published; public records are never deleted."""

import pytest
from django.db import transaction
from django.db.models import ProtectedError
from django.urls import reverse

from projects.models import PolicyProject
from projects.publication import PublicationError, publish, withdraw
from tests.staff import COORDINATOR, change_url, client_for, load_form, staff_user
from tests.writes import edit_sheet

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:projects_policyproject_changelist"


@pytest.fixture
def coordinator(demo):
    return staff_user("coordinator", COORDINATOR)


def test_publishing_a_draft_makes_it_public_and_records_it(demo, coordinator):
    draft = demo["2025-4"]
    assert not PolicyProject.objects.published().filter(pk=draft.pk).exists()
    publish(project=draft, user=coordinator)
    draft.refresh_from_db()
    assert PolicyProject.objects.published().filter(pk=draft.pk).exists()
    assert draft.first_published_at == draft.published_at
    assert draft.version == 2


def test_withdrawing_hides_without_deleting(seed_project, coordinator):
    rows = seed_project.phases.count(), seed_project.outline_items.count()
    withdraw(project=seed_project, user=coordinator, reason="사업 내용 재검토")
    seed_project.refresh_from_db()
    assert not PolicyProject.objects.published().filter(pk=seed_project.pk).exists()
    assert (seed_project.phases.count(), seed_project.outline_items.count()) == rows
    assert seed_project.withdrawal_reason == "사업 내용 재검토"
    assert seed_project.first_published_at is not None
    assert seed_project.publication_state == "공개 철회"


def test_republishing_clears_the_withdrawal(seed_project, coordinator):
    first = seed_project.first_published_at
    withdraw(project=seed_project, user=coordinator, reason="재검토")
    publish(project=seed_project, user=coordinator)
    seed_project.refresh_from_db()
    assert seed_project.is_published and seed_project.withdrawn_at is None
    assert seed_project.first_published_at == first


def test_publishing_twice_or_withdrawing_a_draft_is_refused(seed_project, demo, coordinator):
    with pytest.raises(PublicationError, match="이미 공개되어 있습니다"):
        publish(project=seed_project, user=coordinator)
    with pytest.raises(PublicationError, match="공개되어 있지 않습니다"):
        withdraw(project=demo["2025-4"], user=coordinator)


def test_withdraw_action_takes_a_reason(seed_project, coordinator):
    client = client_for(coordinator)
    response = client.post(reverse(CHANGELIST), {
        "action": "withdraw_selected", "_selected_action": [seed_project.pk], "reason": "부서 요청",
    }, follow=True)
    assert "공개 철회했습니다: 2023-13" in response.content.decode()
    seed_project.refresh_from_db()
    assert not seed_project.is_published and seed_project.withdrawal_reason == "부서 요청"


def test_published_project_cannot_be_deleted_in_the_admin(seed_project, coordinator):
    client = client_for(coordinator)
    url = reverse("admin:projects_policyproject_delete", args=[seed_project.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    response = client.post(reverse(CHANGELIST), {
        "action": "delete_selected", "_selected_action": [seed_project.pk], "post": "yes",
    }, follow=True)
    assert "삭제할 수 없습니다" in response.content.decode()
    assert PolicyProject.objects.filter(pk=seed_project.pk).exists()


def test_withdrawn_project_still_cannot_be_deleted(seed_project, coordinator):
    withdraw(project=seed_project, user=coordinator)
    with pytest.raises(ProtectedError), transaction.atomic():
        seed_project.delete()
    with pytest.raises(ProtectedError), transaction.atomic():
        PolicyProject.objects.filter(pk=seed_project.pk).delete()
    assert PolicyProject.objects.filter(pk=seed_project.pk).exists()


def test_never_published_draft_can_be_deleted(demo, coordinator):
    draft = demo["2025-4"]
    response = client_for(coordinator).post(reverse(CHANGELIST), {
        "action": "delete_selected", "_selected_action": [draft.pk], "post": "yes",
    })
    assert response.status_code == 302
    assert not PolicyProject.objects.filter(pk=draft.pk).exists()


def test_publication_is_not_an_editable_form_field(seed_project, coordinator):
    client = client_for(coordinator)
    data = load_form(client, seed_project)
    assert "published_at" not in data
    data["published_at"] = [""]  # a forged field is ignored
    assert client.post(change_url(seed_project), data).status_code == 302
    seed_project.refresh_from_db()
    assert seed_project.is_published


# --- the public history ---------------------------------------------------------------------

def history(number):
    return reverse("sheet_history", args=[number])


def test_public_history_lists_published_revisions_only(client, demo, coordinator):
    draft = demo["2025-4"]
    edit_sheet(draft, user=coordinator, comment="초안 작성")
    publish(project=draft, user=coordinator)
    page = client.get(history("2025-4")).content.decode()
    assert "공개" in page and "초안 작성" not in page
    assert "최초 등록일" in page and "최종 수정일" in page


def test_public_revision_shows_the_sheet_as_published_then(client, seed_project, coordinator):
    edit_sheet(seed_project, user=coordinator, comment="최초 공개본")
    edit_sheet(seed_project, user=coordinator, comment="제목 변경", title="나중에 바뀐 제목")
    history_page = client.get(history("2023-13")).content.decode()
    assert history_page.index("제목 변경") < history_page.index("최초 공개본")
    first = seed_project.__class__.objects.get(pk=seed_project.pk)
    from projects.history.stored import published_revisions

    oldest = published_revisions(first)[-1]
    page = client.get(reverse("sheet_revision", args=["2023-13", oldest.revision_id])).content.decode()
    assert "1인가구도 행복한 중구 조성(진행중)" in page and "나중에 바뀐 제목" not in page
    assert "&lt;놀다가&gt;" in page


def test_unpublished_project_history_is_404(client, demo, coordinator):
    assert client.get(history("2025-4")).status_code == 404
    withdraw(project=demo["2023-13"], user=coordinator)
    assert client.get(history("2023-13")).status_code == 404
    assert client.get(history("not-a-number")).status_code == 404


def test_draft_or_foreign_revision_is_404(client, demo, coordinator):
    draft = demo["2025-4"]
    edit_sheet(draft, user=coordinator, comment="초안")
    from reversion.models import Version

    draft_revision = Version.objects.get_for_object(draft).first().revision_id
    publish(project=draft, user=coordinator)
    assert client.get(reverse("sheet_revision", args=["2025-4", draft_revision])).status_code == 404
    assert client.get(reverse("sheet_revision", args=["2023-13", draft_revision])).status_code == 404
    assert client.get(reverse("sheet_revision", args=["2023-13", 999999])).status_code == 404
    assert client.get("/projects/2023-13/history/99999999999999999999/").status_code == 404


def test_save_and_publish_button_for_the_coordinator_only(demo, coordinator):
    from tests.staff import DEPARTMENT_STAFF

    draft = demo["2025-4"]
    staff = staff_user("cleaner", DEPARTMENT_STAFF, ["청소행정과"])
    staff_page = client_for(staff).get(change_url(draft)).content.decode()
    assert "저장하고 공개" not in staff_page
    data = load_form(client_for(staff), draft)
    data["_publish"] = ["저장하고 공개"]
    assert client_for(staff).post(change_url(draft), data).status_code == 302
    draft.refresh_from_db()
    assert not draft.is_published  # saved, not published

    client = client_for(coordinator)
    data = load_form(client, draft)
    assert "저장하고 공개" in client.get(change_url(draft)).content.decode()
    data["_publish"] = ["저장하고 공개"]
    data["background"] = ["공개 전에 고친 배경"]
    assert client.post(change_url(draft), data).status_code == 302
    draft.refresh_from_db()
    assert draft.is_published and draft.background == "공개 전에 고친 배경"
    from projects.history.stored import published_revisions

    assert [entry.comment for entry in published_revisions(draft)] == ["공개"]


def test_publishing_several_at_once_records_one_revision_each(demo, coordinator, client):
    withdraw(project=demo["2023-13"], user=coordinator)
    chosen = [demo["2023-13"], demo["2025-4"]]
    client_for(coordinator).post(reverse(CHANGELIST), {
        "action": "publish_selected", "_selected_action": [p.pk for p in chosen],
    })
    from projects.history.stored import published_revisions, sheet_from_revision

    for project in chosen:
        project.refresh_from_db()
        assert project.is_published
        latest = published_revisions(project)[0]
        assert latest.comment == "공개"
        page = client.get(reverse("sheet_revision", args=[project.registration_number, latest.revision_id]))
        assert page.status_code == 200
        from reversion.models import Revision

        assert sheet_from_revision(Revision.objects.get(pk=latest.revision_id)).title == project.title


def test_public_history_queries_do_not_grow_with_revisions(client, seed_project, coordinator,
                                                          django_assert_num_queries):
    def count_queries():
        # the sheet's version (the page cache's key); the project; its versions with revisions
        with django_assert_num_queries(3) as captured:
            assert client.get(history("2023-13")).status_code == 200
        return len(captured)

    count_queries()
    for n in range(5):
        edit_sheet(seed_project, user=coordinator, comment=f"변경 {n}", title=f"제목 {n}")
    count_queries()
