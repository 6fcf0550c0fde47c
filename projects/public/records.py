"""Public pages of the records beyond the sheet: a meeting's page and a document's download.

Both answer 404 while the sheet is unpublished; a 비공개 document is listed on the sheet page
(that it exists is on the record) but is never served, and nor is anything without a stored file.
"""

import os
from dataclasses import dataclass

from django.core.files.storage import default_storage
from django.http import Http404
from django.shortcuts import render

from ..downloads import stored_file_response
from ..models import Document, Meeting, Opinion, PolicyProject
from ..rendering.records import record_meeting
from ..uploads import TYPES
from .caching import cached_page, project_state
from .lookup import moved_to_written_number, published_project

#: A stored file whose type was never checked is sent as opaque bytes.
UNKNOWN_TYPE = "application/octet-stream"
#: An official's page lists at most this many of their opinions and meetings (newest first).
MAX_LISTED = 50


@cached_page(lambda request, number, pk: project_state(number))
def meeting_detail(request, number: str, pk: int):
    """One meeting of a published sheet: when, where, who attended, who said what, the decision
    and the vote. Five queries whatever its size; served from the page cache per version of its
    sheet (every change of a meeting is a new version)."""
    project = published_project(PolicyProject.objects.for_list(), number)
    if redirect := moved_to_written_number(request, project, number, "meeting_detail", pk=pk):
        return redirect
    meeting = Meeting.objects.for_page().filter(phase__project=project, pk=pk).first()
    if meeting is None:
        raise Http404("이 사업의 회의가 아닙니다.")
    return render(request, "projects/meeting_detail.html", {
        "project": project,
        "phase": meeting.phase,
        "meeting": record_meeting(meeting),
    })


def document_download(request, number: str, pk: int):
    """A document's file, as an attachment with the type checked at upload (``nosniff``)."""
    project = published_project(PolicyProject.objects.only("pk", "registration_number"), number)
    if redirect := moved_to_written_number(request, project, number, "document_download", pk=pk):
        return redirect
    document = Document.objects.downloadable().filter(project=project, pk=pk).first()
    if document is None:
        raise Http404("내려받을 수 있는 자료가 아닙니다.")
    file_type = TYPES.get(document.file_type)
    extension = file_type.extensions[0] if file_type else os.path.splitext(document.file.name)[1]
    try:
        stored = default_storage.open(document.file.name, "rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404("자료 파일을 찾을 수 없습니다.") from error
    return stored_file_response(
        stored,
        content_type=file_type.content_type if file_type else UNKNOWN_TYPE,
        filename=f"{document.title}{extension}",
        ascii_filename=f"document_{project.registration_number}_{document.pk}{extension}",
    )


@dataclass
class OfficialStatements:
    """What an official said and where they sat, beyond the sheet: their opinions and the
    meetings they attended, on published sheets only (two queries)."""

    opinions: list
    meetings: list

    def __bool__(self) -> bool:
        return bool(self.opinions or self.meetings)


def official_statements(official) -> OfficialStatements:
    opinions = (Opinion.objects.filter(official=official, phase__project__published_at__isnull=False)
                .select_related("kind", "phase__project").order_by("-date", "-id")[:MAX_LISTED])
    meetings = (Meeting.objects.published().filter(attendees__official=official)
                .select_related("phase__project").order_by("-held_at", "-id").distinct()[:MAX_LISTED])
    return OfficialStatements(list(opinions), list(meetings))
