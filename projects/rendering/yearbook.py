"""The year book: every sheet published under one registration year in one A4 PDF.

A cover (organisation, year, date printed), the contents with each sheet's page (WeasyPrint's
``target-counter``, so the numbers are where the sheets really start), one PDF bookmark per
sheet, then the sheets in registration order, each on new pages and laid out by the same
partial and stylesheets as the one-sheet PDF.

Cached per year in the renderings cache with a stamp of the year's sheets (their ids and
versions), so a book is never served for a set of sheets it was not made from; and when the
write door reports a change of one of that year's sheets (``sheet_written``) the book is retired
at once and a new one is queued for the background worker.

Only years of at most ``YEAR_BOOK_MAX_SHEETS`` sheets have a book (:func:`has_book`): the
layout of a book is held in memory whole, and a year of thousands of sheets would need tens of
gigabytes; such a year's page points to the register and the open data instead.
"""

import hashlib

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from ..models import PolicyProject
from . import cache as renderings
from . import layouts

STYLESHEETS = (*layouts.PDF_STYLESHEETS, "css/yearbook-pdf.css")


def year_projects(year: int):
    """The published projects of registration year ``year``, in registration order."""
    return PolicyProject.objects.published().filter(registration_year=year).order_by(
        "registration_seq", "pk")


def year_size(year: int) -> int:
    """How many sheets are published under ``year`` (the register's tally: one small query)."""
    from ..register_counts import per_year

    return dict(per_year({"year": year})).get(year, 0)


def has_book(size: int) -> bool:
    """A year of ``size`` sheets gets a book: some, and few enough to lay out in memory
    (``YEAR_BOOK_MAX_SHEETS``)."""
    return 0 < size <= settings.YEAR_BOOK_MAX_SHEETS


def year_stamp(year: int) -> str:
    """What the year's book is made from: the ids and versions of its sheets (one query)."""
    rows = list(year_projects(year).values_list("pk", "version"))
    return hashlib.sha256(repr(rows).encode()).hexdigest()[:24] if rows else ""


def cache_key(year: int) -> str:
    return renderings.key(kind="yearbook", project_pk=f"year-{year}", version=0,
                          layout=layouts.signature("yearbook"))


def yearbook_html(*, year: int, sheets: list) -> str:
    return render_to_string("projects/yearbook_pdf.html", {
        "year": year,
        "sheets": sheets,
        "printed_on": timezone.localdate(),
        "registry_organisation": settings.REGISTRY_ORGANISATION,
        "document_title": f"{year}년 정책실명제 중점관리 대상사업 사업내역서",
    })


def render_yearbook(year: int) -> bytes:
    """Render the book of ``year`` (uncached): the sheets are loaded in a fixed number of queries."""
    from .pdf import render_html
    from .sheet import sheet_from_project

    sheets = [sheet_from_project(project) for project in year_projects(year).for_sheet()]
    if not sheets:
        raise ValueError(f"{year}년에 공개된 사업내역서가 없습니다.")
    document = render_html(html=yearbook_html(year=year, sheets=sheets),
                           stylesheet_names=STYLESHEETS)
    return document.write_pdf()


def yearbook_pdf(year: int, *, stamp: str | None = None) -> bytes:
    """The book of ``year``, from the cache when it was made from the same sheet versions."""
    stamp = year_stamp(year) if stamp is None else stamp
    store = renderings.cache()
    cached = store.get(cache_key(year))
    if cached is not None and cached[0] == stamp:
        return cached[1]
    pdf = render_yearbook(year)
    store.set(cache_key(year), (stamp, pdf))
    return pdf


def retire(sender=None, *, project_id, **kwargs) -> None:
    """A sheet changed: its year's book no longer holds it as it is. The book is dropped at once
    and a new one queued for the background worker (``tasks.render_year_book``)."""
    from .tasks import render_year_book

    year = PolicyProject.objects.filter(pk=project_id).values_list(
        "registration_year", flat=True).first()
    if year is not None:
        renderings.cache().delete(cache_key(year))
        if has_book(year_size(year)):
            render_year_book.enqueue(year)


def connect_signals() -> None:
    from ..writing import sheet_written

    sheet_written.connect(retire, dispatch_uid="yearbook-retire")
