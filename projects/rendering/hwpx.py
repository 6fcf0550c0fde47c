"""The 사업내역서 as HWPX (OWPML, KS X 6101): the file 한글 opens and clerks edit.

Built with python-hwpx from its blank skeleton (a package 한글 itself wrote: header with fonts and
styles, ``mimetype`` stored first), on A4 with the sheet's two tables — ①–⑧ and
<주요 추진내용 및 사업관련자> — as the PDF shows them. Every text goes into the XML through lxml,
so ``<놀다가>`` is escaped, never markup. Cached per version like the PDF
(``projects.rendering.cache``, kind ``hwpx``).
"""

from django.conf import settings

from ..models import PolicyProject
from . import cache as renderings
from . import layouts
from .sheet import Bullet, Sheet

CONTENT_TYPE = "application/hwp+zip"
#: HWPUNIT is 1/7200 inch: A4 (210 × 297 mm) as 한글 writes it; margins as the PDF's.
MM = 7200 / 25.4
A4 = {"width": 59528, "height": 84188}
MARGINS = {"top": round(16 * MM), "bottom": round(18 * MM), "left": round(14 * MM),
           "right": round(14 * MM), "header": 0, "footer": round(8 * MM)}
LABEL_SHADE = "#EEF1F5"
OUTLINE_MARKERS = {0: "□", 1: "○", 2: "-"}
PHASE_MARKERS = {1: "▶", 2: "·"}


def bullet_lines(bullets: list[Bullet], markers: dict[int, str], depth: int = 0) -> list[str]:
    """Nested bullets as lines, each marked and indented by its depth (two spaces a level)."""
    lines = []
    for bullet in bullets:
        lines.append("  " * depth + f"{markers.get(bullet.level, '-')} {bullet.text}")
        lines += bullet_lines(bullet.children, markers, depth + 1)
    return lines


def write_cell(table, row: int, col: int, lines: list[str], *, char_style=None) -> None:
    """Put ``lines`` in a cell, one paragraph each (the first in the cell's own paragraph)."""
    cell = table.cell(row, col)
    lines = lines or [""]
    cell.set_text(lines[0])
    if char_style is not None:
        for paragraph in cell.paragraphs:
            paragraph.char_pr_id_ref = char_style
            for run in paragraph.runs:
                run.char_pr_id_ref = char_style
    for line in lines[1:]:
        cell.add_paragraph(line, char_pr_id_ref=char_style)


def label(table, row: int, col: int, text: str, bold) -> None:
    write_cell(table, row, col, [text], char_style=bold)
    table.set_cell_shading(row, col, LABEL_SHADE)


def summary_table(document, sheet: Sheet, bold) -> None:
    """①–⑧: four columns, label | value | label | value; ③–⑥ span the three value columns."""
    table = document.add_table(6, 4)
    table.set_column_widths([18, 32, 18, 32])
    label(table, 0, 0, "① 등록번호", bold)
    write_cell(table, 0, 1, [sheet.registration_number])
    label(table, 0, 2, "② 사업부서", bold)
    write_cell(table, 0, 3, [sheet.department])
    wide_rows = [
        ("③ 정책사업명", [f"{sheet.title}({sheet.status})"]),
        ("④ 추진배경", sheet.background.splitlines() or ["없음"]),
        ("⑤ 사업개요", bullet_lines(sheet.outline, OUTLINE_MARKERS) or ["없음"]),
        ("⑥ 담당자", [" / ".join(f"{p.label} {p.name}" for p in sheet.officials) or "없음"]),
    ]
    for row, (text, lines) in enumerate(wide_rows, start=1):
        table.merge_cells(row, 1, row, 3)
        label(table, row, 0, text, bold)
        write_cell(table, row, 1, lines)
    label(table, 5, 0, "⑦ 선정기준", bold)
    write_cell(table, 5, 1, [sheet.criterion])
    label(table, 5, 2, "⑧ 사업기간", bold)
    write_cell(table, 5, 3, [sheet.period])


def phase_table(document, sheet: Sheet, bold) -> None:
    """<주요 추진내용 및 사업관련자>: 주요 추진내용 | 추진기간 | 사업관련자, a row per phase."""
    document.add_paragraph("")
    document.add_paragraph("<주요 추진내용 및 사업관련자>", char_pr_id_ref=bold)
    phases = sheet.phases
    table = document.add_table(1 + max(len(phases), 1), 3)
    table.set_column_widths([62, 18, 20])
    for col, text in enumerate(("주요 추진내용", "추진기간", "사업관련자")):
        label(table, 0, col, text, bold)
    if not phases:
        table.merge_cells(1, 0, 1, 2)
        write_cell(table, 1, 0, ["등록된 주요 추진내용이 없습니다."])
        return
    for row, phase in enumerate(phases, start=1):
        content = ([phase.heading] if phase.heading else []) + bullet_lines(
            phase.items, PHASE_MARKERS)
        write_cell(table, row, 0, content)
        write_cell(table, row, 1, [phase.period])
        write_cell(table, row, 2, [" ".join(f"{p.name} {p.label}" for p in phase.people)])


def render_sheet_hwpx(*, sheet: Sheet) -> bytes:
    """One sheet as an HWPX package (uncached)."""
    from hwpx import HwpxDocument

    document = HwpxDocument.new()
    document.page.set_size(**A4)
    document.page.set_margins(**MARGINS)
    bold = document.styles.ensure_run(bold=True)
    title = document.styles.ensure_run(bold=True, size=15)
    heading = document.paragraphs[0]
    heading.text = "정책실명제 중점관리 대상사업 사업내역서"
    heading.char_pr_id_ref = title
    for run in heading.runs:
        run.char_pr_id_ref = title
    summary_table(document, sheet, bold)
    phase_table(document, sheet, bold)
    document.add_paragraph("")
    document.add_paragraph(settings.REGISTRY_ORGANISATION)
    return document.to_bytes()


def hwpx_filename(*, registration_number: str) -> str:
    return f"사업내역서_{registration_number}.hwpx"


def cache_key(*, project: PolicyProject) -> str:
    return renderings.key(kind="hwpx", project_pk=project.pk, version=project.version,
                          layout=layouts.signature("hwpx"))


def sheet_hwpx(*, project: PolicyProject) -> bytes:
    """The HWPX of the project's current version, built only when this version has none yet."""
    return renderings.rendering_of(project=project, key_of=cache_key,
                                   render=lambda sheet: render_sheet_hwpx(sheet=sheet))
