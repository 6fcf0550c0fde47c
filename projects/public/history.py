"""The public history of a sheet: what citizens could read, and when it changed."""

from django.http import Http404
from django.shortcuts import render

from ..history.stored import published_revision, published_revisions, sheet_from_revision
from ..models import PolicyProject
from .caching import cached_page, project_state
from .lookup import moved_to_written_number, published_project


@cached_page(lambda request, number: project_state(number))
def sheet_history(request, number: str):
    """Every published state of a sheet, newest first: a register of accountability keeps its own
    changes in view. Drafts and withdrawn periods never show; unpublished projects are 404."""
    project = published_project(PolicyProject.objects.for_list(), number)
    if redirect := moved_to_written_number(request, project, number, "sheet_history"):
        return redirect
    return render(request, "projects/sheet_history.html", {
        "project": project,
        "revisions": published_revisions(project),
    })


@cached_page(lambda request, number, revision_id: project_state(number))
def sheet_revision(request, number: str, revision_id: int):
    """The sheet exactly as it was published at one moment (404 for drafts and unknown ids)."""
    project = published_project(PolicyProject.objects.for_list(), number)
    if redirect := moved_to_written_number(request, project, number, "sheet_revision",
                                           revision_id=revision_id):
        return redirect
    revision = published_revision(project, revision_id)
    if revision is None:
        raise Http404("공개된 적이 없는 판입니다.")
    return render(request, "projects/sheet_revision.html", {
        "project": project,
        "revision": revision,
        "sheet": sheet_from_revision(revision, project.pk),
    })
