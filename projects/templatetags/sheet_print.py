"""Filters for the printed sheet (templates/projects/_sheet.html in the PDF)."""

from django import template

register = template.Library()


@register.filter
def unbroken(value) -> str:
    """``이수정 과장`` with no-break spaces: a name and its position stay on one line in the PDF
    as one text run, where the page needs a ``white-space: nowrap`` list item for each person."""
    return " ".join(str(value).split()).replace(" ", "\u00a0")
