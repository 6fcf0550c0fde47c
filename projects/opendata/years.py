"""A registration year: its page (``/years/2023/``) and its book (``/years/2023.pdf``)."""

import hashlib
from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import render
from django.utils.cache import get_conditional_response, patch_cache_control

from ..downloads import pdf_response
from ..rendering import layouts, yearbook


def year_page(request, year: int):
    """The sheets published under ``year``, in registration order, with the book's link; a
    year too large for one book (and one page) points to the register filtered by the year."""
    size = yearbook.year_size(year)
    if not size:
        raise Http404("그 해에 공개된 사업내역서가 없습니다.")
    has_book = yearbook.has_book(size)
    projects = list(yearbook.year_projects(year).for_list()) if has_book else []
    return render(request, "projects/year.html", {
        "year": year, "size": size, "has_book": has_book, "projects": projects,
        "year_query": urlencode({"year": year}),
    })


def year_book(request, year: int):
    """The year book as an attachment; a browser holding this book of the same sheets gets 304."""
    if not yearbook.has_book(yearbook.year_size(year)):
        raise Http404("그 해의 사업내역서 모음 PDF는 없습니다.")
    stamp = yearbook.year_stamp(year)
    if not stamp:
        raise Http404("그 해에 공개된 사업내역서가 없습니다.")
    digest = hashlib.sha256(f"{stamp}:{layouts.signature('yearbook')}".encode()).hexdigest()
    etag = f'"{digest[:32]}"'
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        return not_modified
    response = pdf_response(
        yearbook.yearbook_pdf(year, stamp=stamp),
        filename=f"사업내역서_{year}년.pdf", ascii_filename=f"sheets_{year}.pdf",
        as_attachment=True,
    )
    response["ETag"] = etag
    patch_cache_control(response, no_cache=True)
    return response
