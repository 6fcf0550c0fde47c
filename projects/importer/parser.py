"""Reading a published 사업내역서 (Markdown export or saved HTML page) into plain data.

Pure Python, no Django models: the importer, the admin preview and the tests share one reading of
a sheet.
Every failure is a SheetParseError whose Korean message names the cell and the offending text.
Cells are found by their content (label text, period pattern), never by column position, because
exports shift columns between tables.
"""

import re
from dataclasses import dataclass
from datetime import date

from .. import registration
from .source import MAX_SHEET_BYTES, SheetParseError, clean, decode, table_rows

__all__ = [
    "MAX_SHEET_BYTES", "PHASE_POSITIONS", "ParsedItem", "ParsedPhase", "ParsedPhaseOfficial",
    "ParsedProjectOfficial", "ParsedSheet", "SheetParseError", "parse_month_period",
    "parse_phase_period", "parse_sheet",
]

PHASE_POSITIONS: tuple[str, ...] = (
    "과장", "팀장", "주무관", "국장", "실장", "동장", "담당관", "주사", "주사보", "구청장",
    "부구청장", "시장", "부시장", "군수", "센터장", "소장", "계장", "사무관", "서기관", "연구관",
    "연구사", "담당", "위원장", "위원", "주임", "매니저",
)
STATUSES = {"진행중": "ongoing", "완료": "completed", "중단": "suspended"}
LABELS = {
    "①": "등록번호", "②": "사업부서", "③": "정책사업명", "④": "추진배경",
    "⑤": "사업개요", "⑥": "담당자", "⑦": "선정기준", "⑧": "사업기간",
}
REQUIRED = ("①", "②", "③", "⑦", "⑧")
_NAMES = {**{name: key for key, name in LABELS.items()}, "사업명": "③"}
# Label-only rows the export repeats per page; compared without spaces and angle brackets.
_ARTEFACTS = {"주요추진내용및사업관련자", "▶사업관련자", "사업관련자", "주요추진내용", "추진기간"}
_OUTLINE_MARK = re.compile(r"(?<!\S)([□☐■])|(?<!\S)([○◦])(?![○◦])|(?<!\S)(-)(?=\s)")
_PHASE_MARK = re.compile(r"([▶►])|(?<!\S)([·ㆍ•])(?!\S)")
_PERIOD_CHARS = set("0123456789'‘’. ~∼〜월년")
_YM2 = r"['‘’]?\s*(\d{2}|\d{4})\s*[.년]\s*(\d{1,2})\s*(?:월|\.)?"
_YM4 = r"(\d{4})\s*[.년]\s*(\d{1,2})\s*(?:월|\.)?"
_PHASE_PERIOD = re.compile(rf"{_YM2}\s*[~∼〜]\s*(?:{_YM2})?")
_MONTH_PERIOD = re.compile(rf"{_YM4}\s*[~∼〜]\s*(?:(계속)|{_YM4})")
_NAME = re.compile(r"[가-힣]{2,5}")
_RANK_SUFFIX = re.compile(r"(장|관|사|보|원|\d급|담당|대리|매니저)$")


@dataclass(frozen=True)
class ParsedItem:
    level: int
    text: str


@dataclass(frozen=True)
class ParsedProjectOfficial:
    role_label: str
    name: str


@dataclass(frozen=True)
class ParsedPhaseOfficial:
    name: str
    position: str


@dataclass(frozen=True)
class ParsedPhase:
    heading: str
    items: tuple[ParsedItem, ...]
    started_on: date | None
    ended_on: date | None
    officials: tuple[ParsedPhaseOfficial, ...]


@dataclass(frozen=True)
class ParsedSheet:
    registration_number: str  # as written: 2023-13, 2024-05
    department: str
    title: str
    status: str
    background: str
    outline: tuple[ParsedItem, ...]
    officials: tuple[ParsedProjectOfficial, ...]
    criterion: str
    started_on: date
    ended_on: date | None
    phases: tuple[ParsedPhase, ...]


def parse_sheet(data: bytes, *, filename: str | None = None) -> ParsedSheet:
    """Read one sheet; ``filename`` only settles the format when the content does not."""
    cells, phase_rows = _locate(table_rows(decode(data), filename))
    number = _registration(cells["①"])
    title, status = _title_status(cells["③"])
    started_on, ended_on = parse_month_period(cells["⑧"])
    lead, outline = _bullets(cells.get("⑤", ""), _OUTLINE_MARK, phase=False)
    if lead:
        outline.insert(0, ParsedItem(0, lead))
    return ParsedSheet(
        registration_number=number, department=cells["②"], title=title,
        status=status, background=cells.get("④", ""), outline=tuple(outline),
        officials=_project_officials(cells.get("⑥", "")), criterion=cells["⑦"],
        started_on=started_on, ended_on=ended_on,
        phases=tuple(_phase(row, n) for n, row in enumerate(phase_rows, start=1)),
    )


def parse_month_period(text: str, *, cell: str = "⑧ 사업기간") -> tuple[date, date | None]:
    """⑧ ``2021. 7월 ~ 계속`` → (2021-07-01, None); ``2024. 3월 ~ 2025. 2월`` → both months."""
    match = _MONTH_PERIOD.fullmatch(clean(text))
    if not match:
        raise SheetParseError(
            "사업기간을 읽을 수 없습니다. '2021. 7월 ~ 계속'이나 '2024. 3월 ~ 2025. 2월'처럼 "
            "적어야 합니다.", cell, text)
    year, month, ongoing, end_year, end_month = match.groups()
    end = None if ongoing else (end_year, end_month)
    return _months((year, month), end, cell, text)


def parse_phase_period(text: str, *, cell: str = "추진기간") -> tuple[date, date | None]:
    """A phase's ``'21. 8. ~ '21. 10.`` (two-digit years are 20xx); ``'24. 3. ~`` is open."""
    match = _PHASE_PERIOD.fullmatch(clean(text))
    if not match:
        raise SheetParseError(
            "추진기간을 읽을 수 없습니다. \"'21. 8. ~ '21. 10.\"처럼 적어야 합니다.", cell, text)
    year, month, end_year, end_month = match.groups()
    return _months((year, month), (end_year, end_month) if end_year else None, cell, text)


def _months(start, end, cell, text) -> tuple[date, date | None]:
    def month(year: str, number: str) -> date:
        full = int(year) + (2000 if len(year) == 2 else 0)
        if not 1 <= int(number) <= 12:
            raise SheetParseError(f"{number}월은 없는 달입니다. 월은 1부터 12까지입니다.", cell, text)
        if not 1990 <= full <= 2100:
            raise SheetParseError(f"{full}년은 받을 수 있는 연도(1990~2100)가 아닙니다.", cell, text)
        return date(full, int(number), 1)

    started_on, ended_on = month(*start), month(*end) if end else None
    if ended_on and ended_on < started_on:
        raise SheetParseError("끝나는 달이 시작하는 달보다 앞섭니다.", cell, text)
    return started_on, ended_on


def _label(cell: str) -> str | None:
    """A label cell is its name (등록번호), with or without its circled number."""
    compact = cell.replace(" ", "")
    return _NAMES.get(compact[1:] if compact[:1] in LABELS else compact)


def _locate(rows: list[list[str]]) -> tuple[dict[str, str], list[list[str]]]:
    """The labelled cells' values (the next non-empty cell after a label) and the phase rows."""
    cells: dict[str, str] = {}
    last = -1
    for index, row in enumerate(rows):
        for position, cell in enumerate(row):
            key = _label(cell)
            if key is None:
                continue
            if key in cells:
                raise SheetParseError("같은 칸이 두 번 나옵니다. 한 파일에는 사업내역서 하나만 "
                                      "담아야 합니다.", f"{key} {LABELS[key]}")
            following = [c for c in row[position + 1:] if c]
            cells[key] = following[0] if following and not _label(following[0]) else ""
            last = index
    if not cells:
        raise SheetParseError("사업내역서가 아닙니다. ① 등록번호 칸을 찾을 수 없습니다.", "① 등록번호")
    for key in REQUIRED:
        if key not in cells:
            raise SheetParseError("필수 칸이 없습니다.", f"{key} {LABELS[key]}")
        if not cells[key]:
            raise SheetParseError("필수 칸이 비어 있습니다.", f"{key} {LABELS[key]}")
    phase_rows = [row for row in rows[last + 1:] if not _is_artefact(row)]
    return cells, phase_rows


def _is_artefact(row: list[str]) -> bool:
    return all(c.replace(" ", "").strip("<>〈〉") in _ARTEFACTS for c in row if c)


def _registration(text: str) -> str:
    try:
        return registration.parse(text).text
    except registration.RegistrationNumberError as error:
        raise SheetParseError(str(error), "① 등록번호", text) from None


def _title_status(text: str) -> tuple[str, str]:
    """③ ``1인가구도 행복한 중구 조성(진행중)``: the status is the last bracket."""
    match = re.fullmatch(r"(.*?)\s*[(（]\s*([^()（）]*?)\s*[)）]", text)
    if not match:
        raise SheetParseError("정책사업명 끝에 괄호로 추진상태 (진행중), (완료), (중단) 중 하나를 "
                              "적어야 합니다.", "③ 정책사업명", text)
    status = STATUSES.get(match[2].replace(" ", ""))
    if status is None:
        raise SheetParseError(f"추진상태 '{match[2]}'을(를) 알 수 없습니다. (진행중), (완료), "
                              "(중단) 중 하나여야 합니다.", "③ 정책사업명", text)
    if not match[1]:
        raise SheetParseError("정책사업명이 비어 있습니다.", "③ 정책사업명", text)
    return match[1], status


def _bullets(text: str, marks: re.Pattern, *, phase: bool) -> tuple[str, list[ParsedItem]]:
    """Split at markers: ⑤ □ 0, ○ 1, - 2; phases ▶ 1, · 2 (after the first ▶ only)."""
    found = list(marks.finditer(text))
    if phase:
        found = found[next((i for i, m in enumerate(found) if m[1]), len(found)):]
    levels = (0, 1, 2) if not phase else (1, 2)
    items = []
    ends = [m.start() for m in found[1:]] + [len(text)] if found else []
    for match, end in zip(found, ends, strict=True):
        body = clean(text[match.end():end])
        if body:
            items.append(ParsedItem(levels[match.lastindex - 1], body))
    return clean(text[:found[0].start()] if found else text), items


def _project_officials(text: str) -> tuple[ParsedProjectOfficial, ...]:
    """⑥ ``복지정책과장 이춘배 / 담당 행정6급 서민경``: each entry's last word is the name."""
    officials = []
    for entry in filter(None, (clean(e) for e in re.split(r"[/／]", text))):
        *role, name = entry.split()
        if not role:
            raise SheetParseError("담당자는 '직위 성명'으로 적고 여러 명은 /로 나눕니다.",
                                  "⑥ 담당자", entry)
        officials.append(ParsedProjectOfficial(" ".join(role), name))
    return tuple(officials)


def _phase(row: list[str], number: int) -> ParsedPhase:
    cell = f"주요 추진내용 {number}번째 행"
    at = next((i for i, c in enumerate(row) if set(c) & set("~∼〜") and set(c) <= _PERIOD_CHARS),
              None)
    if at is None:
        raise SheetParseError("추진기간(예: '21. 8. ~ '21. 10.)을 찾을 수 없습니다.", cell,
                              " | ".join(c for c in row if c))
    started_on, ended_on = parse_phase_period(row[at], cell=cell)
    heading, items = _bullets(" ".join(c for c in row[:at] if c), _PHASE_MARK, phase=True)
    people = " ".join(c for c in row[at + 1:] if c)
    return ParsedPhase(heading, tuple(items), started_on, ended_on,
                       _phase_officials(people, cell))


def _phase_officials(text: str, cell: str) -> tuple[ParsedPhaseOfficial, ...]:
    """``이수정 과장 엄태섭 팀장``: (name, position) pairs. A position outside PHASE_POSITIONS is
    accepted when the name is 2–5 Hangul syllables and the position ends like a rank (장, 관, 사,
    보, 원, n급, 담당, 대리, 매니저); a name that is itself a known position is misaligned."""
    tokens = text.split()
    if len(tokens) % 2:
        raise SheetParseError("사업관련자는 '성명 직위'의 짝으로 적어야 하는데 낱말 수가 "
                              "홀수입니다.", cell, text)
    officials = []
    for name, position in zip(tokens[::2], tokens[1::2], strict=True):
        base = re.sub(r"\(.*\)$", "", position)
        known = base in PHASE_POSITIONS
        plausible = _NAME.fullmatch(name) and _RANK_SUFFIX.search(base)
        if name in PHASE_POSITIONS or re.search(r"\d", name) or not (known or plausible):
            raise SheetParseError(f"'{name} {position}'을(를) 성명과 직위의 짝으로 읽을 수 "
                                  "없습니다. '이수정 과장 엄태섭 팀장'처럼 적어야 합니다.",
                                  cell, text)
        officials.append(ParsedPhaseOfficial(name, position))
    return tuple(officials)
