"""The public 사업내역서: the page citizens read and the PDF clerks print."""

from urllib.parse import quote

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from . import pdf
from .models import PolicyProject
from .sheet import sheet_from_project


def sheet_detail(request, number):
    """One published sheet as an accessible page.

    Loaded with ``for_sheet()`` so the query count stays fixed however many phases it has;
    unpublished, unknown and malformed numbers are all simply 404.
    """
    project = get_object_or_404(
        PolicyProject.objects.published().for_sheet().by_registration_number(number)
    )
    return render(request, "projects/sheet_detail.html", {"sheet": sheet_from_project(project)})


def sheet_pdf(request, number):
    """The printable A4 PDF of a published sheet.

    Only the revision stamp is read first: a browser that has this revision gets 304, a cached
    PDF is served without loading the sheet, and an edit (a new version) renders afresh.
    """
    project = (
        PolicyProject.objects.published().by_registration_number(number)
        .only("pk", "version", "updated_at", "registration_year", "registration_seq").first()
    )
    if project is None:
        raise Http404("공개된 사업내역서가 없습니다.")
    etag = pdf.revision_etag(project=project)
    last_modified = project.updated_at.timestamp()
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is not None:
        return not_modified
    response = pdf_response(
        pdf.sheet_pdf(project=project),
        filename=pdf.pdf_filename(registration_number=project.registration_number),
        ascii_filename=f"sheet_{project.registration_number}.pdf",
        as_attachment=True,
    )
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, no_cache=True)  # always ask: an edit must show at once
    return response


def pdf_response(
    body: bytes, *, filename: str, ascii_filename: str, as_attachment: bool = False,
) -> HttpResponse:
    """PDF bytes with an RFC 6266 ``filename*`` so the Korean file name survives every browser."""
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'{"attachment" if as_attachment else "inline"}; filename="{ascii_filename}"; '
        f"filename*=UTF-8''{quote(filename, safe='')}"
    )
    response["Content-Length"] = str(len(body))
    return response
