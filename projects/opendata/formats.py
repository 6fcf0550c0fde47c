"""Writing a dataset's records as CSV, XLSX or JSON, row by row.

CSV and JSON are generated while they are sent (a streaming response); XLSX is a zip that must
be finished before it is sent, so openpyxl writes it in ``write_only`` mode (rows go straight to
a temporary file, never all held as cells in memory).
"""

import csv
import json
import re
import tempfile
from collections.abc import Iterable, Iterator
from datetime import datetime

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .datasets import Dataset, as_objects, plain

BOM = "\ufeff"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: Excel shows typed dates and times in these formats (the cells stay dates, sortable).
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
WIDTHS = {"string": 24, "date": 12, "datetime": 17, "integer": 10}


#: Characters XML 1.0 cannot hold (C0 controls but tab, newline and carriage return; the two
#: non-characters): a vertical tab pasted from a word processor would stop an Atom feed or an
#: XLSX from being written at all. Dropped from what those formats carry; nothing else changes.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: A spreadsheet reads a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def xml_safe(value):
    """``value`` with the characters XML cannot hold removed (lists and tuples element-wise;
    anything that is not text unchanged)."""
    if isinstance(value, str):
        return XML_ILLEGAL.sub("", value)
    if isinstance(value, (list, tuple)):
        return type(value)(xml_safe(item) for item in value)
    return value


def csv_text(value):
    """A CSV cell that no spreadsheet runs: text that would start a formula gets a leading
    apostrophe (OWASP), which spreadsheets show as the text itself."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _Line:
    """A file-like object whose ``write`` returns what was written: csv.writer makes one line."""

    def write(self, value: str) -> str:
        return value


def csv_lines(dataset: Dataset, records: Iterable[list]) -> Iterator[str]:
    """UTF-8 CSV with a BOM (Excel otherwise reads Korean as mojibake); the header is the
    Korean titles, as a reader opening the file in a spreadsheet expects."""
    writer = csv.writer(_Line())
    yield BOM + writer.writerow([column.title for column in dataset.columns])
    for record in records:
        yield writer.writerow([csv_text(plain(value)) for value in record])


def json_chunks(dataset: Dataset, records: Iterable[list]) -> Iterator[str]:
    """A JSON array of objects keyed by the columns' names, written one object at a time."""
    yield "["
    for n, item in enumerate(as_objects(dataset, records)):
        yield ("," if n else "") + "\n" + json.dumps(item, ensure_ascii=False)
    yield "\n]\n"


def xlsx_cell(sheet, value, column):
    """A typed cell: dates and times as Excel dates (local time, which Excel cannot zone) in a
    readable format; text goes in as written (minus what XML cannot hold), and text that a
    spreadsheet would take for a formula is stored as text; numbers go in as they are (a cell
    object each would cost more)."""
    if isinstance(value, str):
        value = xml_safe(value)
        if not value.startswith(FORMULA_STARTS):
            return value
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"  # text stays text: openpyxl would store "=…" as a formula
        return cell
    if value is None or column.type not in ("date", "datetime"):
        return value
    if isinstance(value, datetime):
        value = value.replace(tzinfo=None)
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = DATE_FORMAT if column.type == "date" else DATETIME_FORMAT
    return cell


def xlsx_file(dataset: Dataset, records: Iterable[list]):
    """The workbook written to a temporary file, rewound for sending (closed when sent)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=dataset.title[:31])
    sheet.freeze_panes = "A2"
    for n, column in enumerate(dataset.columns, start=1):
        sheet.column_dimensions[get_column_letter(n)].width = WIDTHS.get(column.type, 20)
    header = []
    for column in dataset.columns:
        cell = WriteOnlyCell(sheet, value=xml_safe(column.title))
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for record in records:
        sheet.append([xlsx_cell(sheet, value, column)
                      for value, column in zip(record, dataset.columns, strict=True)])
    file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by the response once sent
    book.save(file)
    file.seek(0)
    return file
