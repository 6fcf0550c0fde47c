"""From a file's bytes to its table rows: decoding, format detection, HTML cells to plain text.

Both formats (the Markdown export, whose cells hold HTML fragments, and a saved HTML page) end as
the same rows of plain-text cells, so the cell logic in the package never sees the format.
"""

import re

from bs4 import BeautifulSoup

MAX_SHEET_BYTES = 2 * 1024 * 1024
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
    """UTF-8 (BOM or not), UTF-16 with BOM, else CP949, the superset of EUC-KR old tools wrote."""
    if len(data) > MAX_SHEET_BYTES:
        raise SheetParseError(
            f"파일이 너무 큽니다({len(data) / 1024 / 1024:.1f}MB). 사업내역서 파일은 최대 "
            f"{MAX_SHEET_BYTES // 1024 // 1024}MB까지 가져올 수 있습니다.")
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
    if _CONTROL.search(text):
        raise SheetParseError("텍스트 파일이 아닙니다(제어 문자가 들어 있습니다). "
                              "Markdown이나 HTML로 저장한 사업내역서를 선택하세요.")
    if not text.strip():
        raise SheetParseError("파일이 비어 있습니다. 내용이 있는 사업내역서 파일을 선택하세요.")
    return text


def table_rows(text: str, filename: str | None) -> list[list[str]]:
    """Every table row as its cells' plain texts, in document order, for either format."""
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
