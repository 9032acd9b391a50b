"""Spreadsheets as offices keep them: .xlsx/.xlsm, .xls, CSV/TXT in UTF-8 or GBK, read whole.

`read_table` returns every row of one sheet, row i of the list being source row i + 1 (empty
rows are kept as ``()``, trailing empty cells are dropped), with merged cells filled from their
top-left cell, so a building number merged down over a family's rows reaches every row.
The type of the file is taken from its first bytes, not its name: a ledger saved as .xlsx but
named .xls is read all the same. `find_header` finds the header row below title rows.
"""

from __future__ import annotations

import csv
import io
import logging
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from openpyxl import load_workbook

log = logging.getLogger(__name__)

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_NOTE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|<[^<>]*>")
_HEADER_DROP = re.compile(r"[\s*＊:：]+")
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')
_DELIMITERS = (",", "\t", ";")
Merge = tuple[int, int, int, int]  # first row, first column, last row, last column (1-based)

MESSAGES: dict[str, dict[str, str]] = {
    "not-found": {
        "zh_CN": "找不到文件 {name}。它可能已被移动或删除，请重新选择。",
        "en": "The file {name} was not found. It may have been moved or deleted: choose it again.",
    },
    "no-sheet": {
        "zh_CN": "文件中没有名为“{sheet}”的工作表。可选的工作表：{sheets}。",
        "en": "The file has no sheet named “{sheet}”. Its sheets: {sheets}.",
    },
    "unsupported": {
        "zh_CN": "不支持 {suffix} 文件。请在 Excel 或 WPS 中另存为 .xlsx 或 .csv 后再导入。",
        "en": "{suffix} files cannot be read. Save the file as .xlsx or .csv in Excel or WPS "
        "and import that.",
    },
    "xls-unreadable": {
        "zh_CN": "无法读取这个 .xls 文件（{name}），它可能不是真正的 Excel 文件或已损坏。请用 "
        "Excel 或 WPS 打开它，“另存为” Excel 工作簿（.xlsx）后再导入。",
        "en": "The .xls file {name} cannot be read: it may not be a real Excel file, or it is "
        "damaged. Open it in Excel or WPS, “Save as” an Excel workbook (.xlsx) and import that.",
    },
    "encoding": {
        "zh_CN": "无法识别 {name} 的文字编码（既不是 UTF-8 也不是 GBK）。请在 Excel 或 WPS 中"
        "打开并另存为 .xlsx 或“CSV UTF-8”后再导入。",
        "en": "The text encoding of {name} is neither UTF-8 nor GBK. Open it in Excel or WPS "
        "and save it as .xlsx or “CSV UTF-8”, then import that.",
    },
    "empty": {
        "zh_CN": "{name} 中没有任何数据。请确认选择了正确的文件和工作表。",
        "en": "{name} holds no data. Check that this is the right file and sheet.",
    },
    "no-header": {
        "zh_CN": "在前 {scan} 行中找不到表头（例如“姓名”“身份证号”）。请确认这是要导入的"
        "表格，或在表格中加上表头行。",
        "en": "No header row (such as “姓名”, “身份证号”) in the first {scan} rows. Check that "
        "this is the right table, or add a header row to the sheet.",
    },
    "no-header-missing": {
        "zh_CN": "表头中缺少必需的列：{missing}。请在表格中加上这些列后再导入。",
        "en": "The header lacks required columns: {missing}. Add them to the sheet and import "
        "again.",
    },
    "unreadable": {
        "zh_CN": "无法读取 {name}：文件已损坏或不是表格。请用 Excel 或 WPS 打开并另存为 .xlsx "
        "后再导入。",
        "en": "{name} cannot be read: it is damaged or not a spreadsheet. Open it in Excel or "
        "WPS, save it as .xlsx and import that.",
    },
    "locked": {
        "zh_CN": "{name} 正被其他程序占用或没有读取权限。请在 Excel/WPS 中关闭该文件后重试。",
        "en": "{name} is in use by another program or may not be read. Close it in Excel/WPS "
        "and try again.",
    },
}


class TableError(Exception):
    """A file that cannot be read as a table. `code` is stable; `message` is Chinese unless a
    caller gave its own; `text(language)` gives the other language."""

    def __init__(
        self, code: str, message: str | None = None, *, key: str | None = None, **params: object
    ) -> None:
        self.code = code
        self.key = key or code
        self.params = {name: str(value) for name, value in params.items()}
        self._own = message
        self.message = message or self.text("zh_CN")
        super().__init__(self.message)

    def text(self, language: str = "zh_CN") -> str:
        """The message in `language` ("zh_CN" or "en")."""
        texts = MESSAGES.get(self.key)
        if self._own is not None or texts is None:
            return self._own or self.code
        params = dict.fromkeys(("name", "sheet", "sheets", "suffix", "scan", "missing"), "")
        params.update(self.params)
        return (texts.get(language) or texts["en"]).format(**params)


@dataclass(frozen=True, slots=True)
class Table:
    path: Path
    sheet: str
    sheets: tuple[str, ...]
    encoding: str | None
    rows: list[tuple[object, ...]]


def read_table(path: str | Path, sheet: str | None = None) -> Table:
    """Every row of one sheet (default: the first sheet holding data). Raises TableError."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".xls", ".csv", ".txt"):
        raise TableError("unsupported", suffix=suffix or path.name)
    try:
        with path.open("rb") as handle:
            magic = handle.read(8)
    except FileNotFoundError:
        raise TableError("not-found", name=path.name) from None
    except PermissionError:
        raise TableError("locked", name=path.name) from None
    except OSError:
        raise TableError("unreadable", name=path.name) from None
    encoding = None
    try:
        if magic.startswith(b"PK\x03\x04"):
            name, sheets, rows, merges = _read_xlsx(path, sheet)
        elif magic.startswith(b"\xd0\xcf\x11\xe0"):
            name, sheets, rows, merges = _read_xls(path, sheet)
        elif suffix in (".xls", ".xlsx", ".xlsm"):
            # Web systems export HTML or text named .xls; only Excel/WPS converts it well.
            raise TableError("xls-unreadable" if suffix == ".xls" else "unreadable", name=path.name)
        else:
            encoding, rows = _read_text(path)
            name, sheets, merges = path.stem, (path.stem,), []
    except TableError:
        raise
    except PermissionError:
        raise TableError("locked", name=path.name) from None
    except Exception as exc:  # openpyxl and xlrd raise many kinds for a damaged file
        log.warning("cannot read %s", path.name, exc_info=exc)
        code = "xls-unreadable" if suffix == ".xls" else "unreadable"
        raise TableError(code, name=path.name) from None
    _fill_merged(rows, merges)
    trimmed = [_trim(row) for row in rows]
    while trimmed and not trimmed[-1]:
        trimmed.pop()
    if not trimmed:
        raise TableError("empty", name=path.name)
    return Table(path=path, sheet=name, sheets=tuple(sheets), encoding=encoding, rows=trimmed)


def _pick(names: Sequence[str], sheet: str | None) -> list[str]:
    if sheet is None:
        return list(names)
    if sheet not in names:
        raise TableError("not-found", key="no-sheet", sheet=sheet, sheets="、".join(names))
    return [sheet]


def _has_data(rows: Sequence[Sequence[object]]) -> bool:
    return any(value is not None and value != "" for row in rows for value in row)


def _read_xlsx(path: Path, sheet: str | None) -> tuple[str, list[str], list[list], list[Merge]]:
    # read_only streams the rows (fast, little memory) but hides merged ranges: those are
    # taken from the sheet's XML, where they follow the cell data.
    # A file object: openpyxl refuses a workbook by its name's ending (a .xlsx named .xls).
    with path.open("rb") as handle:
        return _read_book(load_workbook(handle, read_only=True, data_only=True), sheet)


def _read_book(book, sheet: str | None) -> tuple[str, list[str], list[list], list[Merge]]:
    try:
        names = list(book.sheetnames)
        candidates = _pick(names, sheet)
        for name in candidates:
            ws = book[name]
            ws.reset_dimensions()
            rows = [list(row) for row in ws.iter_rows(values_only=True)]
            if _has_data(rows) or name == candidates[-1]:
                return name, names, rows, _xlsx_merges(book._archive, ws._worksheet_path)
        raise AssertionError("unreachable: the last candidate always returns")
    finally:
        book.close()


def _column_number(letters: bytes) -> int:
    number = 0
    for byte in letters:
        number = number * 26 + byte - 64
    return number


def _xlsx_merges(archive, member: str) -> list[Merge]:
    merges: list[Merge] = []
    tail = b""
    with archive.open(member) as source:
        while chunk := source.read(1 << 20):
            data = tail + chunk
            last = 0
            if b"mergeCell" in data:
                for match in _MERGE.finditer(data):
                    c0, r0, c1, r1 = match.groups()
                    merges.append((int(r0), _column_number(c0), int(r1), _column_number(c1)))
                    last = match.end()
            tail = data[max(last, len(data) - 256) :]
    return merges


def _read_xls(path: Path, sheet: str | None) -> tuple[str, list[str], list[list], list[Merge]]:
    import xlrd  # only .xls needs it

    book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    try:
        names = book.sheet_names()
        candidates = _pick(names, sheet)
        for name in candidates:
            ws = book.sheet_by_name(name)
            rows = [
                [_xls_value(cell, book.datemode) for cell in ws.row(r)] for r in range(ws.nrows)
            ]
            if _has_data(rows) or name == candidates[-1]:
                merges = [(r0 + 1, c0 + 1, r1, c1) for r0, r1, c0, c1 in ws.merged_cells]
                return name, names, rows, merges
        raise AssertionError("unreachable: the last candidate always returns")
    finally:
        book.release_resources()


def _xls_value(cell, datemode: int) -> object:
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate_as_datetime(cell.value, datemode)
        except (ValueError, OverflowError):
            return cell.value
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    return cell.value


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig", data[3:].decode("utf-8")
    for encoding in ("utf-8", "gb18030"):
        try:
            return encoding, data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnicodeDecodeError("gb18030", data[:1], 0, 1, "neither UTF-8 nor GBK")


def _read_text(path: Path) -> tuple[str, list[list]]:
    data = path.read_bytes()
    try:
        encoding, text = _decode(data)
    except UnicodeDecodeError:
        raise TableError("encoding", name=path.name) from None
    if "\x00" in text:
        raise TableError("unreadable", name=path.name)
    lines = [line for line in text.splitlines()[:50] if line.strip()]
    delimiter = max(
        _DELIMITERS,
        key=lambda d: (sum(1 for line in lines if d in line), sum(line.count(d) for line in lines)),
    )
    rows = [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    return encoding, rows


def _fill_merged(rows: list[list], merges: Sequence[Merge]) -> None:
    if not merges:
        return
    widest = max((len(row) for row in rows), default=0)
    for r0, c0, r1, c1 in merges:
        if r0 > len(rows) or c0 > len(rows[r0 - 1]):
            continue
        value = rows[r0 - 1][c0 - 1]
        if value is None:
            continue
        c1 = min(c1, max(widest, c0))
        for r in range(r0, min(r1, len(rows)) + 1):
            row = rows[r - 1]
            if len(row) < c1:
                row.extend([None] * (c1 - len(row)))
            for c in range(c0, c1 + 1):
                row[c - 1] = value


def _trim(row: Sequence[object]) -> tuple[object, ...]:
    """Cells of nothing but spaces become None; trailing empty cells go."""
    cells = [None if isinstance(v, str) and not v.strip() else v for v in row]
    while cells and cells[-1] is None:
        cells.pop()
    return tuple(cells)


def cell_text(value: object) -> str:
    """A cell as the text a person would read: NFKC (full-width → ASCII), stripped; whole
    floats without ".0" (13800138000.0 → "13800138000", 1.10101199003e17 → its digits, even
    though Excel lost some); dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime | date):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, time):
        return f"{value:%H:%M}"
    text = str(value)
    if text.isascii():  # NFKC leaves ASCII as it is; most cells take this path
        return text.strip()
    return unicodedata.normalize("NFKC", text).translate(_ZERO_WIDTH).strip()


def header_key(text: str) -> str:
    """A header cell compared loosely: NFKC, no whitespace, "*" or colons, notes in brackets
    such as "(必填)" or "（选填）" dropped, lower-case."""
    key = unicodedata.normalize("NFKC", str(text)).translate(_ZERO_WIDTH)
    key = _HEADER_DROP.sub("", key).lower()
    stripped = _NOTE.sub("", key)
    return stripped or key.strip("()[]【】<>")


def _match(key: str, synonyms: Mapping[str, frozenset[str]]) -> tuple[str, int] | None:
    """(field, quality) of one header key: 2 exact, 1 a synonym inside a short header."""
    if not key:
        return None
    best: tuple[str, int] | None = None
    longest = 0
    for field, words in synonyms.items():
        if key in words:
            return field, 2
        for word in words:
            if len(word) >= 2 and len(word) > longest and word in key and len(key) <= len(word) + 6:
                best, longest = (field, 1), len(word)
    return best


def _assign(matches: Sequence[tuple[int, str, int]]) -> dict[int, str]:
    """One column per field: an exact match first, then the leftmost."""
    chosen: dict[str, tuple[int, int]] = {}
    for column, field, quality in matches:
        current = chosen.get(field)
        if current is None or quality > current[1]:
            chosen[field] = (column, quality)
    return {column: field for field, (column, _) in chosen.items()}


def find_header(
    rows: Sequence[Sequence[object]],
    synonyms: Mapping[str, Sequence[str]],
    *,
    scan: int = 30,
    required: Sequence[str] = (),
) -> tuple[int, dict[int, str]]:
    """The header row among the first `scan` rows (the one naming most fields; title rows
    above it are skipped) and its columns as column index → field. A two-row header (a merged
    group cell such as 住址 over 楼栋/单元/房号) counts the row above where the lower row is
    empty. Raises TableError("no-header") when no row names every `required` field."""
    keyed = {field: frozenset(header_key(w) for w in words) for field, words in synonyms.items()}
    own: list[list[tuple[int, str, int]]] = []
    for row in rows[:scan]:
        found = []
        for column, value in enumerate(row):
            hit = _match(header_key(cell_text(value)), keyed) if value is not None else None
            if hit is not None:
                found.append((column, hit[0], hit[1]))
        own.append(found)
    scored: list[tuple[int, int, dict[int, str]]] = []  # (fields, own fields, columns)
    fallback: dict[int, str] = {}
    for index, found in enumerate(own):
        if not found:
            scored.append((0, 0, {}))
            continue
        mine = _assign(found)
        combined = mine
        if index > 0 and own[index - 1]:
            taken = {column for column, _, _ in found}
            filled = {c for c, v in enumerate(rows[index]) if v is not None and v != ""}
            upper = [m for m in own[index - 1] if m[0] not in taken and m[0] not in filled]
            combined = _assign(sorted(found + upper))
        if len(combined) > len(fallback):
            fallback = combined
        if not set(required) <= set(combined.values()):
            scored.append((0, 0, {}))
            continue
        scored.append((len(set(combined.values())), len(mine), combined))
    # The earliest row naming most fields: a header repeated further down loses to the
    # first. The lower row of a two-row header names as many and follows it directly.
    top = max((s[0] for s in scored), default=0)
    best: tuple[int, dict[int, str]] | None = None
    for index, (count, _, columns) in enumerate(scored):
        if count and count == top:
            following = scored[index + 1] if index + 1 < len(scored) else (0, 0, {})
            if following[0] == top and following[1] > 0:
                index, columns = index + 1, following[2]
            best = (index, columns)
            break
    if best is None:
        missing = [field for field in required if field not in fallback.values()]
        names = "、".join(synonyms[field][0] for field in missing if synonyms.get(field))
        if fallback and names:
            raise TableError("no-header", key="no-header-missing", missing=names)
        raise TableError("no-header", scan=scan)
    return best[0], dict(sorted(best[1].items()))
