"""Where the columns of a result list are: the header row found among titles, by synonyms."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from desktop.ledger.columns import SYNONYMS as LEDGER_SYNONYMS
from desktop.tables import TableError, cell_text, find_header, header_key

# Field -> the headers laboratories and sampling sites use for it.
SYNONYMS: dict[str, tuple[str, ...]] = {
    # The same words as in the resident ledger: one list of what an ID number column is called.
    "id_number": LEDGER_SYNONYMS["id_number"],
    "name": ("姓名", "被检测人", "受检者", "受检者姓名", "被采样人", "name"),
    "phone": ("手机号", "手机号码", "联系电话", "电话", "手机", "phone", "mobile"),
    "sampled_at": (
        "采样时间",
        "采集时间",
        "采样日期时间",
        "采样时间点",
        "sample time",
        "sampled at",
        "sampling time",
        "sampled_at",
    ),
    "sample_date": ("采样日期", "采集日期", "sample date"),
    "tested_at": ("检测时间", "检测日期", "报告时间", "报告日期", "test time", "report time"),
    "result": ("检测结果", "核酸结果", "核酸检测结果", "结果", "result", "outcome"),
    "site": ("采样点", "采样地点", "采样点位", "采样机构", "sampling site", "site"),
}
_TIME_FIELDS = ("sampled_at", "sample_date", "tested_at")
_CLOCK = re.compile(r"^(\d{1,2})\s*[:时点]\s*(\d{1,2})?")


@dataclass(frozen=True, slots=True)
class Layout:
    header_index: int  # index into the table's rows (0-based)
    columns: dict[str, int]  # field -> column index
    headers: tuple[str, ...]  # the header row's cells as text


@dataclass(frozen=True, slots=True)
class RowValues:
    source_row: int
    cells: tuple[object, ...]
    id_raw: object
    id_text: str
    name: str
    time_raw: object
    result_raw: str


def find_layout(rows: Sequence[tuple[object, ...]]) -> Layout:
    """The header row and its columns; TableError("no-header") when the list lacks an ID
    number, a result or any sample time column."""
    synonyms = {field: tuple(header_key(s) for s in words) for field, words in SYNONYMS.items()}
    index, found = find_header(rows, synonyms, required=("id_number", "result"))
    columns: dict[str, int] = {}
    for column, field in sorted(found.items()):
        columns.setdefault(field, column)
    if not any(field in columns for field in _TIME_FIELDS):
        raise TableError("no-header", key="no-header-missing", missing=SYNONYMS["sampled_at"][0])
    headers = tuple(cell_text(value) for value in rows[index])
    return Layout(header_index=index, columns=columns, headers=headers)


def _cell(cells: tuple[object, ...], column: int | None) -> object:
    if column is None or column >= len(cells):
        return None
    return cells[column]


def _clock_only(value: object) -> time | None:
    """A cell holding only a time of day ("08:30", 8时30分), as a separate 采样时间 column has."""
    if isinstance(value, time):
        return value
    if isinstance(value, datetime | date) or value is None:
        return None
    match = _CLOCK.match(unicodedata.normalize("NFKC", str(value)).strip())
    if match and len(str(value).strip()) <= 8:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour < 24 and minute < 60:
            return time(hour, minute)
    return None


def _sample_time(layout: Layout, cells: tuple[object, ...]) -> object:
    columns = layout.columns
    moment = _cell(cells, columns.get("sampled_at"))
    day = _cell(cells, columns.get("sample_date"))
    if day not in (None, ""):
        clock = _clock_only(moment)
        if clock is not None or moment in (None, ""):
            text = cell_text(day)
            return f"{text} {clock:%H:%M}" if clock is not None else day
    if moment in (None, "") and "sampled_at" not in columns and "sample_date" not in columns:
        # Some laboratories' lists carry only the test time. It is at most a day after the
        # sample: close enough for a window counted in days, better than refusing the list.
        moment = _cell(cells, columns.get("tested_at"))
    return moment


def row_values(layout: Layout, source_row: int, cells: tuple[object, ...]) -> RowValues:
    """The cells of one data row that the import reads."""
    id_raw = _cell(cells, layout.columns.get("id_number"))
    result = _cell(cells, layout.columns.get("result"))
    return RowValues(
        source_row=source_row,
        cells=tuple(cells),
        id_raw=id_raw,
        id_text=cell_text(id_raw) if id_raw is not None else "",
        name=cell_text(_cell(cells, layout.columns.get("name"))),
        time_raw=_sample_time(layout, cells),
        result_raw=cell_text(result) if result is not None else "",
    )
