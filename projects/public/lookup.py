"""Finding a published sheet by the number in a URL, typed either way (``2024-5`` / ``2024-05``)."""

from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse

from ..models import PolicyProject


def published_project(queryset, number: str) -> PolicyProject:
    """The published project registered under ``number`` (written either way), else 404."""
    project = queryset.published().by_registration_number(number).first()
    if project is None:
        raise Http404("공개된 사업내역서가 없습니다.")
    return project


def moved_to_written_number(request, project, number: str, view_name: str, **kwargs):
    """A permanent redirect to the same page under the number as the agency wrote it
    (``/projects/2024-5/`` → ``/projects/2024-05/``), or None when the URL already uses it."""
    if number == project.registration_number:
        return None
    url = reverse(view_name, kwargs={"number": project.registration_number, **kwargs})
    if request.META.get("QUERY_STRING"):
        url += "?" + request.META["QUERY_STRING"]
    return HttpResponsePermanentRedirect(url)
