"""From a file's bytes to its table rows: decoding, format detection, HTML cells to plain text.

Both formats (the Markdown export, whose cells hold HTML fragments, and a saved HTML page) end as
the same rows of plain-text cells, so the cell logic in the package never sees the format.
"""

import re

from bs4 import BeautifulSoup

MAX_SHEET_BYTES = 2 * 1024 * 1024
#: Bounds on the parse work a file may ask for, checked before any HTML is parsed. A real sheet
#: (the seed's saved page) has ~130 elements nested ~10 deep; a hostile one with 330,000 nested
#: <div>s would keep a worker parsing for minutes. The tags are counted by a regular-expression
#: scan that stops at the first bound crossed, so a hostile file is refused in milliseconds.
MAX_ELEMENTS = 20_000
MAX_DEPTH = 100
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*?(/?)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}
_INLINE_TAGS = {"a", "abbr", "b", "em", "font", "i", "mark", "small", "span", "strong", "sub",
                "sup", "u"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class SheetParseError(ValueError):
    """Why a file is not a readable sheet, in Korean, naming the cell and text to fix."""

    def __init__(self, message: str, cell: str | None = None, text: str | None = None):
        if text is not None and len(text) > 80:
            text = text[:79] + "…"
        super().__init__(message, cell, text)
        self.message, self.cell, self.text = message, cell, text

    def __str__(self) -> str:
        out = f"{self.cell}: {self.message}" if self.cell else self.message
        return f"{out} (적힌 내용: '{self.text}')" if self.text else out


def decode(data: bytes) -> str:
    """UTF-8 (BOM or not), UTF-16 with BOM, else CP949, the superset of EUC-KR old tools wrote.

    Callers read at most one byte past the limit, so a longer file is only known to be over it.
    """
    if len(data) > MAX_SHEET_BYTES:
        limit = f"{MAX_SHEET_BYTES // 1024 // 1024}MB"
        raise SheetParseError(
            f"파일이 {limit}를 넘습니다. 사업내역서 파일은 {limit}까지 가져올 수 있습니다.")
    boms = {b"\xef\xbb\xbf": ("utf-8",), b"\xff\xfe": ("utf-16-le",), b"\xfe\xff": ("utf-16-be",)}
    bom = next((b for b in boms if data.startswith(b)), b"")
    if not bom and b"\x00" in data:
        raise SheetParseError("텍스트 파일이 아닙니다(이진 데이터가 들어 있습니다). "
                              "Markdown이나 HTML로 저장한 사업내역서를 선택하세요.")
    for codec in boms.get(bom, ("utf-8", "cp949")):
        try:
            text = data[len(bom):].decode(codec)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise SheetParseError("텍스트 파일로 읽을 수 없습니다. UTF-8이나 EUC-KR(CP949)로 저장한 "
                              "Markdown 또는 HTML 파일이어야 합니다.")
    if codec == "cp949":
        text = compose_makeup_sequences(text)
    if _CONTROL.search(text):
        raise SheetParseError("텍스트 파일이 아닙니다(제어 문자가 들어 있습니다). "
                              "Markdown이나 HTML로 저장한 사업내역서를 선택하세요.")
    if not text.strip():
        raise SheetParseError("파일이 비어 있습니다. 내용이 있는 사업내역서 파일을 선택하세요.")
    return text


# KS X 1001 annex 3: a syllable outside the 2,350 of KS X 1001 is written as 8 bytes, the Hangul
# filler and three jamo (initial, medial, final or filler). CP949 reads them as four characters.
_FILLER = "\u3164"
_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_FINALS = _FILLER + "ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
_MAKEUP = re.compile(f"{_FILLER}(.)(.)(.)", re.DOTALL)


def compose_makeup_sequences(text: str) -> str:
    """``ㅤㅇㅠㄶ`` (filler, ㅇ, ㅠ, ㄶ) → ``윦``; a filler that starts no valid sequence is refused
    with its line, never left as loose jamo (it would import as bogus names and text)."""
    if _FILLER not in text:
        return text

    def syllable(match: re.Match) -> str:
        initial, medial, final = match.groups()
        if initial in _INITIALS and medial in _MEDIALS and final in _FINALS:
            code = (_INITIALS.index(initial) * 21 + _MEDIALS.index(medial)) * 28 + _FINALS.index(final)
            return chr(0xAC00 + code)
        return match.group(0)

    composed = _MAKEUP.sub(syllable, text)
    if _FILLER in composed:
        line = composed[:composed.index(_FILLER)].count("\n") + 1
        raise SheetParseError(
            f"{line}번째 줄: 완성형에 없는 글자를 조합 코드(KS X 1001 부속서 3의 8바이트 묶음)로 "
            "적은 부분을 글자로 읽을 수 없습니다. 파일을 UTF-8로 다시 저장해 주세요.")
    return composed


def check_parse_work(text: str) -> None:
    """Refuse markup whose element count or nesting depth is beyond any real sheet (see
    ``MAX_ELEMENTS``, ``MAX_DEPTH``) before BeautifulSoup is asked to build a tree of it."""
    too_many = SheetParseError(
        f"HTML 요소가 너무 많습니다(최대 {MAX_ELEMENTS:,}개). 사업내역서 한 장만 담은 파일인지 "
        "확인하세요.")
    depth = elements = 0
    for match in _TAG.finditer(text):
        closing, name, self_closing = match.groups()
        name = name.lower()
        if closing:
            depth = max(depth - 1, 0)
            continue
        elements += 1
        if elements > MAX_ELEMENTS:
            raise too_many
        if name not in _VOID and not self_closing:
            depth += 1
            if depth > MAX_DEPTH:
                line = text[:match.start()].count("\n") + 1
                raise SheetParseError(
                    f"{line}번째 줄: HTML 요소가 너무 깊게 겹쳐 있습니다(최대 {MAX_DEPTH}단계). "
                    "사업내역서를 저장한 원래 파일인지 확인하세요.")


def table_rows(text: str, filename: str | None) -> list[list[str]]:
    """Every table row as its cells' plain texts, in document order, for either format."""
    check_parse_work(text)
    lines = text.splitlines()
    table_lines = [line.strip() for line in lines if line.lstrip().startswith("|")]
    rest = "\n".join(line for line in lines if not line.lstrip().startswith("|"))
    is_html = re.search(r"<\s*(table|html)\b", rest, re.IGNORECASE) is not None
    if is_html and table_lines and (filename or "").lower().endswith((".md", ".markdown")):
        is_html = False
    if is_html:
        soup = BeautifulSoup(_escape_lt(text), "html.parser")
        return [[_node_text(cell) for cell in tr.find_all(["td", "th"], recursive=False)]
                for tr in soup.find_all("tr") if tr.find_parent(["td", "th"]) is None]
    if not table_lines:
        raise SheetParseError("사업내역서가 아닙니다. 표(Markdown의 | 행이나 HTML의 <table>)가 없어 "
                              "① 등록번호 칸을 찾을 수 없습니다.", "① 등록번호")
    rows = []
    for line in table_lines:
        line = line[1:-1] if line.endswith("|") and not line.endswith("\\|") else line[1:]
        cells = [cell.replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", line)]
        if not all(re.fullmatch(r"\s*:?-+:?\s*", cell) for cell in cells):
            rows.append([_node_text(BeautifulSoup(_escape_lt(cell), "html.parser"))
                         for cell in cells])
    return rows


def _escape_lt(markup: str) -> str:
    """``<놀다가>`` is text: a ``<`` that cannot open a tag is escaped before parsing."""
    return re.sub(r"<(?![A-Za-z/!?])", "&lt;", markup)


def _node_text(node) -> str:
    """A cell's text: checkboxes become □ markers, block elements and <br> separate words."""
    for tag in node.find_all(True):
        if tag.name == "input" and tag.get("type", "").lower() == "checkbox":
            tag.replace_with(" □ ")
        elif tag.name == "br":
            tag.replace_with(" ")
        elif tag.name not in _INLINE_TAGS:
            tag.insert_before(" ")
            tag.insert_after(" ")
    return clean(node.get_text())


def clean(text: str) -> str:
    return " ".join(text.replace("\u200b", "").replace("\ufeff", "").split())
