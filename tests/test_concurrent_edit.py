"""Two staff open the same sheet; the second to save is refused and the first edit survives."""

import threading

import pytest
from django.db import connection, connections, transaction

from projects.models import PolicyProject, SelectionCriterion
from projects.writing import StaleSheetError, lock_version, sheet_write
from tests.factories import PolicyProjectFactory
from tests.staff import COORDINATOR, change_url, client_for, load_form, staff_user
from tests.test_admin_sheet_editing import sheet_snapshot

STALE = "다른 사용자가 이 사업내역서를 먼저 저장했습니다"


@pytest.fixture
def two_editors(demo):
    return (client_for(staff_user("first", COORDINATOR)),
            client_for(staff_user("second", COORDINATOR)))


@pytest.mark.django_db
def test_second_save_is_refused_and_first_edit_survives(two_editors, seed_project):
    first, second = two_editors
    loaded = PolicyProject.objects.get(pk=seed_project.pk).version
    first_form, second_form = load_form(first, seed_project), load_form(second, seed_project)
    first_form["title"] = ["첫 번째 직원의 제목"]
    assert first.post(change_url(seed_project), first_form).status_code == 302
    after_first = sheet_snapshot(seed_project)
    second_form["background"] = ["두 번째 직원의 배경"]
    response = second.post(change_url(seed_project), second_form)
    assert response.status_code == 200
    assert STALE in response.content.decode()
    assert sheet_snapshot(seed_project) == after_first
    assert PolicyProject.objects.get(pk=seed_project.pk).version == loaded + 1


@pytest.mark.django_db
def test_inline_only_change_on_a_stale_page_is_refused(two_editors, seed_project):
    first, second = two_editors
    first_form, second_form = load_form(first, seed_project), load_form(second, seed_project)
    first_form["phases-3-items-0-text"] = ["첫 번째 직원의 추진내용"]
    assert first.post(change_url(seed_project), first_form).status_code == 302
    after_first = sheet_snapshot(seed_project)
    second_form["phases-3-items-1-text"] = ["두 번째 직원의 추진내용"]  # only a nested row
    second_form["outline_items-0-DELETE"] = ["on"]
    response = second.post(change_url(seed_project), second_form)
    assert STALE in response.content.decode()
    assert sheet_snapshot(seed_project) == after_first


@pytest.mark.django_db
def test_reloading_after_a_refusal_saves(two_editors, seed_project):
    first, second = two_editors
    stale = load_form(second, seed_project)
    changed = {**load_form(first, seed_project), "title": ["먼저 저장한 제목"]}
    assert first.post(change_url(seed_project), changed).status_code == 302
    assert STALE in second.post(change_url(seed_project), stale).content.decode()
    fresh = load_form(second, seed_project)
    fresh["background"] = ["새로 불러와 고친 배경"]
    assert second.post(change_url(seed_project), fresh).status_code == 302
    assert PolicyProject.objects.get(pk=seed_project.pk).background == "새로 불러와 고친 배경"


@pytest.mark.django_db
def test_form_without_its_version_is_refused(two_editors, seed_project):
    first, _ = two_editors
    data = load_form(first, seed_project)
    del data["loaded_version"]
    data["title"] = ["버전 없이 보낸 제목"]
    assert STALE in first.post(change_url(seed_project), data).content.decode()
    assert PolicyProject.objects.get(pk=seed_project.pk).title != "버전 없이 보낸 제목"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_second_writer_waits_for_the_first_and_then_sees_its_version():
    """The check and the write are one transaction: a writer arriving in between waits."""
    criterion, _ = SelectionCriterion.objects.get_or_create(short_name="시험기준", description="시험")
    project = PolicyProjectFactory(selection_criterion=criterion)
    first_locked, outcome = threading.Event(), {}

    def second_writer():
        try:
            first_locked.wait(5)
            with transaction.atomic():
                lock_version(project.pk, 1)  # blocks until the first commits
            outcome["second"] = "saved"
        except StaleSheetError:
            outcome["second"] = "refused"
        finally:
            connections.close_all()

    thread = threading.Thread(target=second_writer)
    thread.start()
    with sheet_write(project=project, user=None, comment="첫 번째 저장", loaded_version=1):
        first_locked.set()
        thread.join(0.5)
        assert thread.is_alive()  # still waiting for our lock
        project.title = "첫 번째 저장"
        project.save()
    thread.join(5)
    assert outcome == {"second": "refused"}
    assert PolicyProject.objects.get(pk=project.pk).title == "첫 번째 저장"
