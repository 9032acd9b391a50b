"""Excel output that cannot run as a formula: every text cell is stored as text.

A ledger typed by many hands may hold a "name" such as ``=HYPERLINK(...)`` or ``+86 138…``;
written as-is, Excel would evaluate it. Here every string is an inline string with the text
number format and Excel's quote prefix, so it stays text even when someone edits the cell.
Numbers and dates stay numbers and dates; ID numbers and phones are given as strings by the
callers, so they never turn into 1.10101E+17.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

# Characters with which a spreadsheet starts a formula or a DDE command.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_COLUMN_WIDTH = 40
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDDDDD")
_WRAP = Alignment(wrap_text=True, vertical="top")

Value = str | int | float | date | datetime | bool | None


@dataclass
class Sheet:
    """One worksheet: a title, a header row and the data rows."""

    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence[Value]]
    # Column widths in characters; computed from the first rows when not given.
    widths: Sequence[int] | None = None
    # Lines above the header (a report title, the date, the masking in force).
    preamble: Sequence[str] = field(default_factory=tuple)


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def _cell(sheet, value: Value) -> WriteOnlyCell:
    if isinstance(value, str):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        cell.number_format = "@"
        if is_formula_like(value):
            cell.quotePrefix = True
        return cell
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, datetime):
        cell.number_format = "yyyy-mm-dd hh:mm"
    elif isinstance(value, date):
        cell.number_format = "yyyy-mm-dd"
    return cell


def _width(value: Value) -> int:
    text = "" if value is None else str(value)
    # CJK characters take two columns.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def write_workbook(path: str | Path, sheets: Sequence[Sheet]) -> Path:
    """Write the sheets to an .xlsx file (streamed, so 100,000 rows take little memory)."""
    path = Path(path)
    book = Workbook(write_only=True)
    for spec in sheets:
        sheet = book.create_sheet(spec.title[:31])
        rows = iter(spec.rows)
        head: list[Sequence[Value]] = []
        if spec.widths is None:
            for row in rows:
                head.append(row)
                if len(head) >= 200:
                    break
            widths = [_width(h) for h in spec.headers]
            for row in head:
                for i, value in enumerate(row[: len(widths)]):
                    widths[i] = max(widths[i], _width(value))
        else:
            widths = list(spec.widths)
        for i, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = min(
                MAX_COLUMN_WIDTH, max(6, width + 2)
            )
        for line in spec.preamble:
            sheet.append([_cell(sheet, line)])
        header_cells = []
        for title in spec.headers:
            cell = _cell(sheet, title)
            cell.font = _HEADER_FONT
            cell.fill = _HEADER_FILL
            cell.alignment = _WRAP
            header_cells.append(cell)
        sheet.append(header_cells)
        for row in head:
            sheet.append([_cell(sheet, v) for v in row])
        for row in rows:
            sheet.append([_cell(sheet, v) for v in row])
    if not sheets:
        book.create_sheet("Sheet1")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    book.save(tmp)
    tmp.replace(path)
    return path
