"""Which column of a ledger holds what: header synonyms, the guessed layout, the mapping.

The header row is the row among the first 30 naming most fields (title rows above it are
skipped, a two-row header with a merged group cell works: see desktop.tables.find_header). It
must name at least two fields, one of them the name or the ID number; the rest can be chosen
by hand in the wizard. Required for an import: name, ID number, and an address (one address
column, or building and room).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from desktop.ledger.reasons import field_label
from desktop.tables import Table, TableError, cell_text, find_header, read_table

# Field keys in display order.
FIELDS: tuple[str, ...] = (
    "name",
    "id_number",
    "gender",
    "birth_date",
    "phone",
    "address",
    "building",
    "unit",
    "room",
    "relation",
    "kind",
    "grid",
    "household_no",
    "elderly_without_phone",
    "lives_alone",
    "notes",
)
REQUIRED: tuple[str, ...] = ("name", "id_number", "address")
SAMPLES = 3

SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "居民姓名", "人员姓名", "户成员姓名", "name", "full name"),
    "id_number": (
        "身份证号",
        "身份证号码",
        "证件号码",
        "证件号",
        "公民身份号码",
        "身份证",
        "居民身份证号码",
        "id number",
        "id card",
        "id no",
        "id_number",
    ),
    "gender": ("性别", "gender", "sex"),
    "birth_date": ("出生日期", "出生年月", "出生年月日", "生日", "birth date", "date of birth"),
    "phone": (
        "联系电话",
        "手机",
        "手机号",
        "手机号码",
        "电话",
        "联系方式",
        "电话号码",
        "phone",
        "mobile",
        "telephone",
    ),
    "address": (
        "住址",
        "地址",
        "家庭住址",
        "门牌号",
        "房屋地址",
        "居住地址",
        "现住址",
        "楼栋单元房号",
        "address",
    ),
    "building": ("楼栋", "楼号", "栋", "幢", "楼栋号", "栋号", "楼", "building"),
    "unit": ("单元", "单元号", "unit"),
    "room": ("房号", "门牌", "室", "房间号", "房间", "户室号", "room", "room number"),
    "relation": ("与户主关系", "关系", "与户主的关系", "家庭关系", "relation", "relationship"),
    "kind": (
        "人员类型",
        "居住类型",
        "户籍类型",
        "人员类别",
        "居住性质",
        "类型",
        "kind",
        "resident type",
    ),
    "grid": ("网格", "所属网格", "网格号", "网格名称", "grid"),
    "household_no": ("户号", "户编号", "household number", "household no"),
    "elderly_without_phone": (
        "老人无智能手机",
        "无智能手机",
        "无智能手机老人",
        "elderly without phone",
        "no smartphone",
    ),
    "lives_alone": ("独居", "是否独居", "独居老人", "lives alone"),
    "notes": ("备注", "说明", "notes", "remarks", "note"),
}


@dataclass(frozen=True, slots=True)
class ColumnGuess:
    index: int
    header: str
    field: str | None
    samples: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LedgerLayout:
    path: Path
    sheet: str
    sheets: tuple[str, ...]
    header_row: int  # 1-based source row
    columns: tuple[ColumnGuess, ...]
    data_rows: int
    encoding: str | None

    def guessed_mapping(self) -> dict[int, str]:
        return {c.index: c.field for c in self.columns if c.field is not None}


# The last table read: the wizard reads the layout and then plans on the same file, and a
# 100,000-row workbook takes seconds to parse. Keyed by path, size and change time.
_cache: dict[tuple, Table] = {}


def load_table(path: Path, sheet: str | None) -> Table:
    """The table of `path` (read once while the file stays unchanged)."""
    try:
        stat = os.stat(path)
        base: tuple | None = (str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns)
    except OSError:
        base = None
    cached = _cache.get((base, sheet)) if base is not None else None
    if cached is not None:
        return cached
    table = read_table(path, sheet)
    if base is not None:
        _cache.clear()
        _cache[(base, sheet)] = _cache[(base, table.sheet)] = table
    return table


def header_of(rows, index: int, column: int) -> str:
    """A column's title; under a merged group cell, "住址/楼栋"."""
    row = rows[index]
    text = cell_text(row[column]) if column < len(row) else ""
    if index > 0:
        above = rows[index - 1]
        upper = cell_text(above[column]) if column < len(above) else ""
        if upper and upper != text:
            return f"{upper}/{text}" if text else upper
    return text


def locate(table: Table) -> tuple[int, dict[int, str]]:
    """The header row index and its guessed columns; TableError("no-header") if none."""
    index, found = find_header(table.rows, SYNONYMS)
    fields = set(found.values())
    if len(fields) < 2 or not fields & {"name", "id_number"}:
        raise TableError("no-header", scan=30)
    return index, found


def data_range(table: Table, header_index: int) -> range:
    """Indices of the rows under the header (trailing empty rows are already gone)."""
    return range(header_index + 1, len(table.rows))


def read_layout(path: str | Path, sheet: str | None = None) -> LedgerLayout:
    """The sheet, its header row and a guess of every column, with sample values."""
    path = Path(path)
    table = load_table(path, sheet)
    index, found = locate(table)
    rows = table.rows
    body = data_range(table, index)
    width = max([len(rows[index])] + [len(rows[i]) for i in body[:200]])
    samples: list[list[str]] = [[] for _ in range(width)]
    for i in body[:500]:
        for column, value in enumerate(rows[i]):
            text = cell_text(value)
            if text and len(samples[column]) < SAMPLES and text not in samples[column]:
                samples[column].append(text)
    columns = tuple(
        ColumnGuess(
            index=column,
            header=header_of(rows, index, column),
            field=found.get(column),
            samples=tuple(samples[column]),
        )
        for column in range(width)
    )
    return LedgerLayout(
        path=path,
        sheet=table.sheet,
        sheets=table.sheets,
        header_row=index + 1,
        columns=columns,
        data_rows=len(body),
        encoding=table.encoding,
    )


def missing_fields(mapping: Mapping[int, str | None]) -> tuple[str, ...]:
    """Required fields the mapping lacks (an address needs "address" or building and room)."""
    fields = {f for f in mapping.values() if f}
    missing = [f for f in ("name", "id_number") if f not in fields]
    if "address" not in fields and not {"building", "room"} <= fields:
        missing.append("address")
    return tuple(missing)


def check_mapping(mapping: Mapping[int, str | None]) -> dict[int, str]:
    """The mapping without unused columns; TableError when a required field has no column,
    ValueError for an unknown field or a field given twice (a caller's mistake)."""
    clean = {int(c): f for c, f in mapping.items() if f}
    unknown = sorted({f for f in clean.values() if f not in FIELDS})
    if unknown:
        raise ValueError(f"unknown fields: {unknown}")
    fields = list(clean.values())
    if len(fields) != len(set(fields)):
        raise ValueError("a field is mapped to more than one column")
    missing = missing_fields(clean)
    if missing:
        names = "、".join(field_label(f) for f in missing)
        raise TableError("no-header", key="no-header-missing", missing=names)
    return clean
