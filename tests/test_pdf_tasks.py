"""PDFs ready before anyone asks: a published change queues its PDF, a worker renders it into the
shared renderings cache, and the first citizen to ask gets it from there.

Tasks run at once here (django-tasks' ImmediateBackend); in production ``manage.py db_worker``
runs them from the database queue."""

from unittest import mock

import pytest
from django.core.cache import caches
from django.test import override_settings
from django.urls import reverse

from projects import publication
from projects.models import PolicyProject
from projects.rendering import pdf
from projects.rendering.sheet import sheet_from_project
from projects.rendering.tasks import render_sheet_pdf
from tests.factories import PhaseFactory, PhaseItemFactory, PolicyProjectFactory
from tests.writes import edit_sheet

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("immediate_tasks"),
]


@pytest.fixture
def immediate_tasks():
    with override_settings(TASKS={"default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}):
        yield


@pytest.fixture
def draft():
    project = PolicyProjectFactory(registration_number="2024-31", title="미리 만드는 PDF 사업")
    PhaseItemFactory(phase=PhaseFactory(project=project), text="기본계획 수립")
    return project


def cached_pdf(project) -> bytes | None:
    project.refresh_from_db()
    return caches["renderings"].get(pdf.cache_key(project=project))


def test_publishing_renders_the_pdf_in_the_background(draft, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        publication.publish(project=draft, user=None)
    stored = cached_pdf(draft)
    assert stored is not None and stored.startswith(b"%PDF-")


def test_the_background_render_is_the_request_paths_pdf(draft, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        publication.publish(project=draft, user=None)
    background = cached_pdf(draft)
    by_request = pdf.render_sheet_pdf(
        sheet=sheet_from_project(PolicyProject.objects.for_sheet().get(pk=draft.pk)))
    assert background == by_request


def test_a_freshly_published_pdf_is_served_from_the_cache_on_the_first_request(
    client, draft, django_capture_on_commit_callbacks, django_assert_num_queries,
):
    with django_capture_on_commit_callbacks(execute=True):
        publication.publish(project=draft, user=None)
    with mock.patch.object(pdf, "render_sheet_pdf", side_effect=AssertionError("rendered")), \
            django_assert_num_queries(1):  # the sheet's version, then the cached bytes
        response = client.get(reverse("sheet_pdf", args=["2024-31"]))
    assert response.status_code == 200 and response.content == cached_pdf(draft)


def test_a_change_renders_the_new_version_and_drafts_render_nothing(
    draft, django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        edit_sheet(draft)  # still a draft: nobody may download it
    assert cached_pdf(draft) is None
    with django_capture_on_commit_callbacks(execute=True):
        publication.publish(project=draft, user=None)
        edit_sheet(draft, title="고친 제목으로 다시 만든 PDF")
    assert cached_pdf(draft) is not None


def test_a_task_for_an_old_version_does_nothing(draft, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        publication.publish(project=draft, user=None)
    draft.refresh_from_db()
    assert render_sheet_pdf.call(draft.pk, draft.version - 1) is False
    assert render_sheet_pdf.call(draft.pk, draft.version) is False  # already rendered
