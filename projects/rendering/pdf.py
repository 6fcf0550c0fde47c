"""The printable A4 사업내역서: rendered by WeasyPrint from the page's own partial, cached per revision.

- ``sheet_pdf(project=...)`` is what the views call: the cached PDF of the project's current
  revision, rendered on a miss.
- ``render_sheet_pdf(sheet=...)`` renders a ``Sheet`` (also one built from a stored revision).
- WeasyPrint fetches nothing but our own static files (``StaticFilesFetcher``): the stylesheets
  (``STYLESHEETS``) and the fonts they name are read from static files on a private origin that
  never resolves; any other URL in a document is refused.
- The cache key is the sheet's version and the layout's digest (``projects.rendering.cache``):
  the write door moves ``version`` once per real change and retires the old version's PDF.
"""

import hashlib
import mimetypes
import threading
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .. import process_memo
from ..models import PolicyProject
from . import cache as renderings
from . import keep_all, layouts
from .records import SheetRecords, records_from_project
from .sheet import Sheet, sheet_from_project

#: WeasyPrint resolves ``/static/…`` against this origin; ``.invalid`` never resolves (RFC 2606).
PDF_BASE_URL = "https://static.invalid/"
STYLESHEETS = layouts.PDF_STYLESHEETS

keep_all.install()


class ExternalURLRefused(ValueError):
    """WeasyPrint asked for something that is not one of our static files."""


class StaticFilesFetcher(URLFetcher):
    """Serve our static files to WeasyPrint and refuse every other URL (no network, no disk)."""

    def __init__(self):
        super().__init__(allowed_protocols=["https"], allow_redirects=False)

    def fetch(self, url, headers=None):
        name = static_name(url)
        path = static_path(name)
        if path is None:
            raise ExternalURLRefused(f"정적 파일이 아닌 주소는 불러오지 않습니다: {url}")
        with open(path, "rb") as file:
            body = file.read()
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": content_type})


def static_name(url: str) -> str | None:
    """``https://static.invalid/static/css/x.css`` → ``css/x.css``; any other URL → None."""
    parts = urlsplit(url)
    base = urlsplit(PDF_BASE_URL)
    prefix = "/" + settings.STATIC_URL.strip("/") + "/"
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc) or parts.query:
        return None
    if not parts.path.startswith(prefix):
        return None
    name = unquote(parts.path.removeprefix(prefix))
    if not name or ".." in name.split("/") or "\\" in name:
        return None
    return name


def static_path(name: str | None) -> str | None:
    """The file of a static name: collected (production, hashed names) or found (development)."""
    if not name:
        return None
    try:
        if settings.STATIC_ROOT and staticfiles_storage.exists(name):
            return staticfiles_storage.path(name)
        return finders.find(name)
    except (SuspiciousFileOperation, NotImplementedError, ValueError):
        return None


def sheet_html(*, sheet: Sheet, records: SheetRecords | None = None) -> str:
    """The PDF's HTML document (the page's partial inside the print layout), with the records
    beyond the sheet as an annex when ``records`` is given."""
    return render_to_string("projects/sheet_pdf.html", {
        "sheet": sheet,
        "records": records,
        "document_title": document_title(sheet=sheet),
        "registry_organisation": settings.REGISTRY_ORGANISATION,
    })


def document_title(*, sheet: Sheet) -> str:
    return f"사업내역서 {sheet.registration_number} {sheet.title}"


def pdf_filename(*, registration_number: str, annex: bool = False) -> str:
    return f"사업내역서_{registration_number}{'_관련기록' if annex else ''}.pdf"


_styles = threading.local()


def stylesheets(names: tuple[str, ...] = STYLESHEETS) -> tuple[list[CSS], FontConfiguration]:
    """The parsed stylesheets ``names`` and their fonts, loaded once per thread.

    Parsing the CSS and registering the two full-Hangul fonts costs ~25 ms a render; the
    files do not change while a server runs (with DEBUG on, they are reloaded every time).
    """
    loaded = getattr(_styles, "value", None)
    if loaded is None or settings.DEBUG:
        loaded = _styles.value = {}
    if names not in loaded:
        fetcher = StaticFilesFetcher()
        font_config = FontConfiguration()
        sheets = [
            CSS(url=PDF_BASE_URL + settings.STATIC_URL.strip("/") + "/" + name,
                url_fetcher=fetcher, font_config=font_config)
            for name in names
        ]
        loaded[names] = (sheets, font_config)
    return loaded[names]


def render_html(*, html: str, stylesheet_names: tuple[str, ...] = STYLESHEETS):
    """Lay out one of our HTML documents (a WeasyPrint ``Document``), fetching only static files."""
    css, font_config = stylesheets(stylesheet_names)
    document = HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=StaticFilesFetcher())
    return document.render(stylesheets=css, font_config=font_config)


def render_document(*, sheet: Sheet, records: SheetRecords | None = None):
    """Lay the sheet out (a WeasyPrint ``Document``: pages that can be joined with others)."""
    return render_html(html=sheet_html(sheet=sheet, records=records))


def render_sheet_pdf(*, sheet: Sheet, records: SheetRecords | None = None) -> bytes:
    """Render one sheet (and its records' annex, if given) to PDF bytes, uncached."""
    return render_document(sheet=sheet, records=records).write_pdf()


def render_sheets_pdf(*, sheets: list[Sheet], records: list[SheetRecords] | None = None) -> bytes:
    """Several sheets as one PDF (admin export); each keeps its own ``n / N`` numbering, and
    with ``records`` (one per sheet) each is followed by its annex."""
    if not sheets:
        raise ValueError("내려받을 사업내역서가 없습니다.")
    annexes = records if records is not None else [None] * len(sheets)
    documents = [render_document(sheet=sheet, records=annex)
                 for sheet, annex in zip(sheets, annexes, strict=True)]
    pages = [page for document in documents for page in document.pages]
    combined = documents[0].copy(pages)
    combined.metadata.title = f"사업내역서 {len(sheets)}건"
    return combined.write_pdf()


def cache_key(*, project: PolicyProject, annex: bool = False) -> str:
    """One key per version and layout: ``version`` moves on every real change of the sheet
    (records included); the sheet with its annex is a rendering of its own."""
    kind = "pdf-annex" if annex else "pdf"
    return renderings.key(kind=kind, project_pk=project.pk, version=project.version,
                          layout=layouts.signature(kind))


def revision_etag(*, project: PolicyProject, annex: bool = False) -> str:
    """An HTTP ETag for the PDF of this version, so browsers revalidate instead of downloading."""
    digest = hashlib.sha256(cache_key(project=project, annex=annex).encode()).hexdigest()[:32]
    return f'"{digest}"'


def sheet_pdf(*, project: PolicyProject, annex: bool = False) -> bytes:
    """The PDF of the project's current version, rendered only when this version has none yet;
    with ``annex`` the records beyond the sheet follow it (cached as a rendering of its own).

    ``project`` needs only ``pk`` and ``version`` (a ``PolicyProject`` or the public views'
    ``PublishedSheet``); the full sheet is loaded on a miss.
    """
    if not annex:
        return renderings.rendering_of(project=project, key_of=cache_key,
                                       render=lambda sheet: render_sheet_pdf(sheet=sheet))
    cache = renderings.cache()
    key = cache_key(project=project, annex=True)
    body = process_memo.remembered(key, lambda: cache.get(key))
    if body is None:
        full = PolicyProject.objects.for_sheet().with_records(meetings_in_full=True).get(pk=project.pk)
        body = render_sheet_pdf(sheet=sheet_from_project(full),
                                records=records_from_project(full, meetings_in_full=True))
        cache.set(cache_key(project=full, annex=True), body)
    return body
