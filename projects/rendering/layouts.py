"""What each rendering of a sheet is laid out from, and a digest of it.

A cached rendering is keyed on this digest too, so a deployment that changes a template or a
stylesheet never serves a file laid out by the old code.
"""

import functools
import hashlib
import importlib.util

from django.contrib.staticfiles import finders
from django.template.loader import get_template

#: The PDF's stylesheets: the vendored font's faces, the page's sheet styles, then A4 and n / N,
#: then the records' styles (the optional annex).
PDF_STYLESHEETS = ("fonts/pretendard-pdf.css", "css/sheet.css", "css/sheet-pdf.css", "css/records.css")
SHEET_TEMPLATES = (
    "projects/pdf_base.html", "projects/sheet_pdf.html", "projects/_sheet.html",
    "projects/_bullets.html", "projects/_person.html",
)
ANNEX_TEMPLATES = (
    "projects/_annex.html", "projects/_meeting.html", "projects/_documents.html",
)
LAYOUTS = {
    "pdf": (SHEET_TEMPLATES, PDF_STYLESHEETS),
    # the sheet followed by its records (제63조): ``?annex=1``
    "pdf-annex": (SHEET_TEMPLATES + ANNEX_TEMPLATES, PDF_STYLESHEETS),
    "yearbook": ((*SHEET_TEMPLATES, "projects/yearbook_pdf.html"),
                 (*PDF_STYLESHEETS, "css/yearbook-pdf.css")),
    # The HWPX is laid out in code, not in a template: its module is what it is made from.
    "hwpx": ((), (), ("projects.rendering.hwpx", "projects.rendering.sheet")),
}


@functools.cache
def signature(kind: str) -> str:
    templates, static_files, *modules = LAYOUTS[kind]
    digest = hashlib.sha256()
    for name in (modules[0] if modules else ()):
        with open(importlib.util.find_spec(name).origin, "rb") as file:
            digest.update(file.read())
    for name in templates:
        digest.update(get_template(name).template.source.encode())
    for name in static_files:
        with open(finders.find(name), "rb") as file:
            digest.update(file.read())
    return digest.hexdigest()[:12]
