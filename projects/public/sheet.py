"""The public 사업내역서: the page citizens read and the PDF clerks print."""

from functools import lru_cache

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from ..downloads import content_disposition
from ..models import PolicyProject
from ..rendering import pdf
from ..rendering.records import records_from_project
from ..rendering.sheet import sheet_from_project
from .caching import PublishedSheet, cached_page, project_state, published_version
from .lookup import moved_to_written_number, published_project


@cached_page(lambda request, number: project_state(number))
def sheet_detail(request, number):
    """One published sheet as an accessible page.

    Loaded with ``for_sheet().with_records()`` so the query count stays fixed however many
    phases, opinions, meetings and documents it has;
    unpublished, unknown and malformed numbers are all simply 404, and a number typed the other
    way (``2024-5`` for ``2024-05``) is redirected to the number as written.
    """
    project = published_project(PolicyProject.objects.for_sheet().with_records(), number)
    if redirect := moved_to_written_number(request, project, number, "sheet_detail"):
        return redirect
    return render(request, "projects/sheet_detail.html", {
        "sheet": sheet_from_project(project),
        "records": records_from_project(project),  # 제63조 records, after the sheet
    })


def sheet_pdf(request, number):
    """The printable A4 PDF of a published sheet.

    Only the version is read first: a browser that has this version gets 304, a cached PDF is
    served without loading the sheet, and a change (a new version) renders afresh. ``?annex=1``
    adds the records beyond the sheet (opinions, documents, meetings) after it.
    """
    annex = request.GET.get("annex") == "1"
    project = published_version(number)  # kept in the process: what a cached PDF needs
    if project is None:  # unknown (404) or written the other way (redirect)
        found = published_project(PolicyProject.objects.only("pk", "registration_number"), number)
        return moved_to_written_number(request, found, number, "sheet_pdf")
    etag, last_modified, headers = pdf_headers(project, annex)
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is not None:
        return not_modified
    body = pdf.sheet_pdf(project=project, annex=annex)
    response = HttpResponse(body, content_type="application/pdf")
    for name, value in headers:
        response[name] = value
    response["Content-Length"] = str(len(body))
    return response


@lru_cache(maxsize=4096)
def pdf_headers(project: PublishedSheet, annex: bool) -> tuple[str, float, tuple]:
    """The validators and download headers of one version's PDF: the same for every request for
    it, so worked out once per version in the process (the key holds the version)."""
    etag = pdf.revision_etag(project=project, annex=annex)
    last_modified = project.updated_at.timestamp()
    number = project.registration_number
    disposition = content_disposition(
        filename=pdf.pdf_filename(registration_number=number, annex=annex),
        ascii_filename=f"sheet_{number}{'_annex' if annex else ''}.pdf",
    )
    return etag, last_modified, (
        ("Content-Disposition", disposition),  # a download (attachment) ...
        ("X-Content-Type-Options", "nosniff"),  # ... never sniffed
        ("ETag", etag),
        ("Last-Modified", http_date(last_modified)),
        ("Cache-Control", "no-cache"),  # always ask: an edit must show at once
    )
