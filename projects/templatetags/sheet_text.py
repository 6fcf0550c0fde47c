"""How a sheet's texts are set: exactly as written, with bracketed words kept on one line."""

import re

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()

#: A Korean word in ASCII or single angle brackets, as agencies name places and programmes:
#: <놀다가>.
#: Unicode line breaking lets a line end right after "<" (an ordinary symbol, unlike 「 or 《,
#: which are opening punctuation), leaving "<" alone at the end of a line on a narrow screen.
BRACKETED_WORD = re.compile(r"[<‹][^\s<>‹›]{0,30}?[\uac00-\ud7a3][^\s<>‹›]{0,30}?[>›]")


@register.filter(is_safe=True)
def keep_bracketed(text) -> str:
    """``<놀다가> 개소`` → ``<span class="keep-word">&lt;놀다가&gt;</span> 개소``: the text, escaped,
    with each bracketed word in a span the sheet's CSS keeps on one line (page and PDF alike).
    Nothing is added to the text itself, so copy and search see it exactly as written."""
    text = str(text)
    parts, position = [], 0
    for match in BRACKETED_WORD.finditer(text):
        parts.append(conditional_escape(text[position:match.start()]))
        parts.append(f'<span class="keep-word">{conditional_escape(match.group())}</span>')
        position = match.end()
    parts.append(conditional_escape(text[position:]))
    return mark_safe("".join(parts))
