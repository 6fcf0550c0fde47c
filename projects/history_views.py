"""The public history of a sheet: what citizens could read, and when it changed."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from .history import published_revision, published_revisions, sheet_from_revision
from .models import PolicyProject


def _public_project(number: str) -> PolicyProject:
    return get_object_or_404(PolicyProject.objects.published().for_list().by_registration_number(number))


def sheet_history(request, number: str):
    """Every published state of a sheet, newest first: a register of accountability keeps its own
    changes in view. Drafts and withdrawn periods never show; unpublished projects are 404."""
    project = _public_project(number)
    return render(request, "projects/sheet_history.html", {
        "project": project,
        "revisions": published_revisions(project),
    })


def sheet_revision(request, number: str, revision_id: int):
    """The sheet exactly as it was published at one moment (404 for drafts and unknown ids)."""
    project = _public_project(number)
    revision = published_revision(project, revision_id)
    if revision is None:
        raise Http404("공개된 적이 없는 판입니다.")
    return render(request, "projects/sheet_revision.html", {
        "project": project,
        "revision": revision,
        "sheet": sheet_from_revision(revision, project.pk),
    })
