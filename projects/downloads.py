"""Files the site hands out (PDF, HWPX, CSV, XLSX, JSON): names that survive every browser."""

from urllib.parse import quote

from django.http import FileResponse, HttpResponse, StreamingHttpResponse


def content_disposition(*, filename: str, ascii_filename: str, as_attachment: bool = True) -> str:
    """RFC 6266: an ASCII ``filename`` for old clients and the Korean one as ``filename*``."""
    return (
        f'{"attachment" if as_attachment else "inline"}; filename="{ascii_filename}"; '
        f"filename*=UTF-8''{quote(filename, safe='')}"
    )


def file_response(
    body: bytes, *, content_type: str, filename: str, ascii_filename: str,
    as_attachment: bool = True,
) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = content_disposition(
        filename=filename, ascii_filename=ascii_filename, as_attachment=as_attachment,
    )
    response["Content-Length"] = str(len(body))
    response["X-Content-Type-Options"] = "nosniff"
    return response


def pdf_response(
    body: bytes, *, filename: str, ascii_filename: str, as_attachment: bool = False,
) -> HttpResponse:
    return file_response(body, content_type="application/pdf", filename=filename,
                         ascii_filename=ascii_filename, as_attachment=as_attachment)


def stored_file_response(
    file, *, content_type: str, filename: str, ascii_filename: str,
) -> FileResponse:
    """A stored file (``storage.open``) streamed as an attachment, never shown inline: the type
    is the one checked when it was uploaded, and ``nosniff`` stops a browser from guessing."""
    response = FileResponse(file, content_type=content_type)
    response["Content-Disposition"] = content_disposition(
        filename=filename, ascii_filename=ascii_filename, as_attachment=True,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def attachment(response, *, filename: str, ascii_filename: str):
    """Mark ``response`` as a download that browsers save and never sniff."""
    response["Content-Disposition"] = content_disposition(
        filename=filename, ascii_filename=ascii_filename,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def streaming_file_response(chunks, *, content_type: str, **names) -> StreamingHttpResponse:
    """A download generated while it is sent (big registers never sit whole in memory)."""
    return attachment(StreamingHttpResponse(chunks, content_type=content_type), **names)


def open_file_response(file, *, content_type: str, **names) -> FileResponse:
    """A download of an open (temporary) file, closed once sent."""
    return attachment(FileResponse(file, content_type=content_type), **names)
