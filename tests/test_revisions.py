"""Every admin save is one revision of the whole sheet; a revision shows as a sheet and restores."""

import dataclasses

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from reversion.models import Revision, Version

from projects.history.stored import sheet_from_revision
from projects.models import (
    Meeting,
    MeetingAttendee,
    MeetingRemark,
    Official,
    Opinion,
    PolicyProject,
)
from projects.rendering.sheet import sheet_from_project
from tests.staff import change_url, history_url, load_form
from tests.test_admin_sheet_editing import sheet_snapshot

pytestmark = pytest.mark.django_db


def latest_revision(project) -> Revision:
    return Version.objects.get_for_object(project).select_related("revision").first().revision


def revision_url(project, revision) -> str:
    version = Version.objects.get_for_object(project).get(revision=revision)
    return reverse("admin:projects_policyproject_revision", args=[project.pk, version.pk])


_saves = iter(range(1, 1000))


def save_edited(client, project, comment=""):
    """Save the admin form with a new 추진배경 (a save that changes nothing records nothing)."""
    data = load_form(client, project)
    data["revision_comment"] = [comment]
    data["background"] = [f"{next(_saves)}번째로 고친 추진배경"]
    response = client.post(change_url(project), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return latest_revision(project)


def counts_in(revision) -> dict[str, int]:
    counts = {}
    for version in revision.version_set.select_related("content_type"):
        counts[version.content_type.model] = counts.get(version.content_type.model, 0) + 1
    return counts


def test_admin_save_is_one_revision_holding_every_nested_row(admin_client, seed_project):
    revision = save_edited(admin_client, seed_project, "추진실적 반영")
    project = PolicyProject.objects.for_sheet().get(pk=seed_project.pk)
    phases = list(project.phases.all())
    assert counts_in(revision) == {
        "policyproject": 1,
        "outlineitem": project.outline_items.count(),
        "projectofficial": project.project_officials.count(),
        "phase": len(phases),
        "phaseitem": sum(len(phase.items.all()) for phase in phases),
        "phaseofficial": sum(len(phase.officials.all()) for phase in phases),
        # the records beyond the sheet (제63조) are rows of the same revision
        "document": project.documents.count(),
        "opinion": Opinion.objects.filter(phase__project=project).count(),
        "meeting": Meeting.objects.filter(phase__project=project).count(),
        "meetingattendee": MeetingAttendee.objects.filter(meeting__phase__project=project).count(),
        "meetingremark": MeetingRemark.objects.filter(meeting__phase__project=project).count(),
    }
    assert revision.user.username == "admin"
    assert revision.comment.startswith("추진실적 반영")


def test_rows_deleted_in_the_same_save_are_not_in_its_revision(admin_client, seed_project):
    data = load_form(admin_client, seed_project)
    data["phases-0-items-0-DELETE"] = ["on"]
    data["outline_items-4-DELETE"] = ["on"]
    assert admin_client.post(change_url(seed_project), data).status_code == 302
    stored = counts_in(latest_revision(seed_project))
    project = PolicyProject.objects.for_sheet().get(pk=seed_project.pk)
    assert stored["outlineitem"] == project.outline_items.count()
    assert stored["phaseitem"] == sum(len(p.items.all()) for p in project.phases.all())


def test_revert_restores_every_inline_row_exactly(admin_client, seed_project):
    loaded = PolicyProject.objects.get(pk=seed_project.pk).version
    revision = save_edited(admin_client, seed_project)
    before = sheet_snapshot(seed_project)
    data = load_form(admin_client, seed_project)
    data["title"] = ["바뀐 제목"]
    data["outline_items-2-text"] = ["바뀐 사업개요"]
    data["outline_items-5-DELETE"] = ["on"]           # a row deleted after the revision
    data["project_officials-1-role_label"] = ["담당 행정5급"]
    data["phases-1-items-0-text"] = ["바뀐 추진내용"]
    data["phases-4-officials-2-position"] = ["팀장"]
    data["phases-2-DELETE"] = ["on"]                   # a whole phase with its items and people
    data["phases-0-items-TOTAL_FORMS"] = [str(int(data["phases-0-items-TOTAL_FORMS"][0]) + 1)]
    new = int(data["phases-0-items-TOTAL_FORMS"][0]) - 1
    data[f"phases-0-items-{new}-level"] = ["1"]        # a row added after the revision
    data[f"phases-0-items-{new}-text"] = ["나중에 더한 항목"]
    data[f"phases-0-items-{new}-order"] = ["99"]
    assert admin_client.post(change_url(seed_project), data).status_code == 302
    assert sheet_snapshot(seed_project) != before

    page = admin_client.get(revision_url(seed_project, revision)).content.decode()
    response = admin_client.post(revision_url(seed_project, revision), {
        "loaded_version": PolicyProject.objects.get(pk=seed_project.pk).version,
    })
    assert response.status_code == 302, page[:500]
    assert response.url == change_url(seed_project), [str(m) for m in response.wsgi_request._messages]
    assert sheet_snapshot(seed_project) == before
    reverted = PolicyProject.objects.get(pk=seed_project.pk)
    assert reverted.version == loaded + 3  # saved, edited, reverted: always forward
    assert latest_revision(seed_project).comment.endswith("저장된 판으로 되돌림")


def test_revert_does_not_change_publication(admin_client, demo):
    draft = demo["2025-4"]
    revision = save_edited(admin_client, draft)
    from projects.publication import publish

    publish(project=draft, user=None)
    admin_client.post(revision_url(draft, revision), {"loaded_version": draft.version})
    draft.refresh_from_db()
    assert draft.is_published  # the revision was a draft; reverting its content publishes nothing


def test_revert_of_a_stale_page_is_refused(admin_client, seed_project):
    revision = save_edited(admin_client, seed_project)
    stale_version = PolicyProject.objects.get(pk=seed_project.pk).version
    save_edited(admin_client, seed_project)
    response = admin_client.post(revision_url(seed_project, revision), {"loaded_version": stale_version}, follow=True)
    assert "다른 사용자가 이 사업내역서를 먼저 저장했습니다" in response.content.decode()
    assert PolicyProject.objects.get(pk=seed_project.pk).version == stale_version + 1


def test_revision_view_renders_the_sheet_not_a_form(admin_client, seed_project):
    revision = save_edited(admin_client, seed_project)
    data = load_form(admin_client, seed_project)
    data["title"] = ["바뀐 제목"]
    admin_client.post(change_url(seed_project), data)
    page = admin_client.get(revision_url(seed_project, revision)).content.decode()
    assert "1인가구도 행복한 중구 조성(진행중)" in page and "바뀐 제목(진행중)" not in page
    assert "&lt;놀다가&gt;" in page and "1인가구 소통공간 <놀다가> 개소" in BeautifulSoup(page, "html.parser").get_text()
    assert 'id="policyproject_form"' not in page
    assert "이 판으로 되돌리기" in page


def test_history_lists_each_save_newest_first(admin_client, seed_project):
    save_edited(admin_client, seed_project, "첫 번째 저장")
    save_edited(admin_client, seed_project, "두 번째 저장")
    page = admin_client.get(history_url(seed_project)).content.decode()
    assert page.index("두 번째 저장") < page.index("첫 번째 저장") < page.index("최초 등록")
    assert "변경 사유" not in page  # the form's bookkeeping is not a change of the sheet


def test_sheet_from_revision_equals_the_live_sheet(seed_project, django_assert_num_queries):
    revision = latest_revision(seed_project)
    live = sheet_from_project(PolicyProject.objects.for_sheet().get(pk=seed_project.pk))
    with django_assert_num_queries(4):  # versions, officials, department, criterion
        stored = sheet_from_revision(revision)
    assert dataclasses.replace(stored, created_at=None, updated_at=None) == dataclasses.replace(
        live, created_at=None, updated_at=None,
    )
    assert abs((stored.updated_at - live.updated_at).total_seconds()) < 0.001  # JSON keeps ms
    assert abs((stored.created_at - live.created_at).total_seconds()) < 0.001


def test_sheet_from_revision_survives_a_deleted_official(seed_project):
    revision = latest_revision(seed_project)
    official = seed_project.phases.first().officials.first().official
    name = official.name
    Official.objects.filter(pk=official.pk).update(name="개명한 이름")
    sheet = sheet_from_revision(revision)
    assert sheet.phases[0].people[0].name == "개명한 이름"  # officials are looked up, not stored
    assert name != "개명한 이름"


def test_a_revision_holding_several_projects_yields_the_one_asked_for(demo):
    import reversion

    with reversion.create_revision(manage_manually=True):
        for number in ("2023-13", "2022-5"):
            reversion.add_to_revision(demo[number])
    revision = Revision.objects.latest("pk")
    sheets = [sheet_from_revision(revision, demo[n].pk) for n in ("2023-13", "2022-5")]
    assert [s.title for s in sheets] == ["1인가구도 행복한 중구 조성", "스마트 안심 귀갓길 조성"]
    assert sheets[0].phases[0].people[0].name == "이수정"
    with pytest.raises(ValueError):
        sheet_from_revision(revision)
