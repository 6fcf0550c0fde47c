"""Korean words (어절) kept whole in the PDF, as ``word-break: keep-all`` keeps them on the page.

WeasyPrint 70 does not support ``keep-all``: Pango follows UAX #14, where every Hangul syllable is
a break opportunity, so a wrapped cell could end a line in the middle of 「지원조례」. Wrapping each
어절 in a ``white-space: nowrap`` span works but multiplies the inline boxes WeasyPrint lays out
(1.5x slower on the seed sheet, 3.2x on 60 phases), and U+2060 word joiners leak into the PDF's
text layer. Instead, this module gives Pango the rule itself: whenever WeasyPrint sets the text of
a Pango layout for an element in Korean (``lang="ko"``), each run of letters and digits that
holds Hangul gets a ``PangoAttrAllowBreaks(FALSE)`` attribute, so line breaks fall only at spaces
and punctuation (a run over ``MAX_WORD`` characters keeps Pango's breaks, so it still fits).
Text, glyphs and the text layer are untouched; the cost is a regular expression and a few
attributes per text that can wrap (measured in ``bench/sheet.py``).

``install()`` wraps ``weasyprint.text.line_break.Layout.set_text`` once per process; it is
idempotent and only affects Korean-language elements. It relies on WeasyPrint's ``Layout``
(``.layout``, ``.style``, ``.text``): ``tests/test_sheet_pdf.py`` fails if an upgrade moves them.
"""

import re

import cffi
from weasyprint.text import line_break
from weasyprint.text.ffi import ffi as weasy_ffi
from weasyprint.text.ffi import pango as weasy_pango

_ffi = cffi.FFI()
_ffi.cdef("""
    void *pango_attr_allow_breaks_new (int allow_breaks);
    int pango_layout_get_width (void *layout);
""")
_PANGO_NAMES = ("libpango-1.0.so.0", "pango-1.0", "libpango-1.0-0", "libpango-1.0.dylib")

#: A run that must not break inside: letters, digits and middle dots, holding at least one Hangul.
WORD = re.compile(r"[\w·]*[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f][\w·]*")
#: Longer runs keep Pango's breaks, so text written without spaces still fits a narrow cell.
MAX_WORD = 20
G_MAXUINT = 0xFFFFFFFF


def _load_pango():
    for name in _PANGO_NAMES:
        try:
            return _ffi.dlopen(name)
        except OSError:
            continue
    raise OSError("Pango 라이브러리를 찾을 수 없습니다.")


_pango = _load_pango()


def _wraps(layout) -> bool:
    """Whether Pango may wrap this layout (-1: no width, one line whatever the text)."""
    pointer = _ffi.cast("void *", int(weasy_ffi.cast("uintptr_t", layout)))
    return _pango.pango_layout_get_width(pointer) != -1


def _allow_breaks(allow: bool, start: int, end: int):
    raw = _pango.pango_attr_allow_breaks_new(1 if allow else 0)
    attr = weasy_ffi.cast("PangoAttribute *", int(_ffi.cast("uintptr_t", raw)))
    attr.start_index, attr.end_index = start, end
    return attr


def word_byte_ranges(text: str) -> list[tuple[int, int]]:
    """UTF-8 byte ranges of the Korean words in ``text`` of 2 to ``MAX_WORD`` characters."""
    ranges = []
    position = offset = 0
    for match in WORD.finditer(text):
        start, end = match.span()
        if not 2 <= end - start <= MAX_WORD:
            continue
        offset += len(text[position:start].encode())
        length = len(match.group().encode())
        ranges.append((offset, offset + length))
        offset += length
        position = end
    return ranges


def _is_korean(style) -> bool:
    lang = style["lang"] or ""
    return lang == "ko" or lang.startswith("ko-")


def install() -> None:
    """Make WeasyPrint keep Korean words whole (once per process)."""
    layout_class = line_break.Layout
    if getattr(layout_class.set_text, "keeps_korean_words", False):
        return
    original = layout_class.set_text

    def set_text(self, text, justify=False):
        original(self, text, justify)
        if not _is_korean(self.style) or not _wraps(self.layout):
            return  # three texts in four are measured unwrapped: nothing to keep whole there
        ranges = word_byte_ranges(self.text)
        if not ranges:
            return
        attrs = weasy_pango.pango_layout_get_attributes(self.layout)
        if attrs == weasy_ffi.NULL:
            attrs = weasy_ffi.gc(weasy_pango.pango_attr_list_new(), weasy_pango.pango_attr_list_unref)
        # The layout is reused for shorter texts: clear the ranges of the previous text first.
        weasy_pango.pango_attr_list_change(attrs, _allow_breaks(True, 0, G_MAXUINT))
        for start, end in ranges:
            weasy_pango.pango_attr_list_change(attrs, _allow_breaks(False, start, end))
        weasy_pango.pango_layout_set_attributes(self.layout, attrs)

    set_text.keeps_korean_words = True
    layout_class.set_text = set_text
