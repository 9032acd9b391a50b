"""One data row of a ledger checked and normalised, or refused with a reason.

Checks run in this order and the first that fails names the row's reason: the ID number
(missing, turned into a number by Excel, bad characters, length, region, birth date, check
digit), a duplicate of an earlier row's ID number (the first row with a number claims it,
even when that row is refused for another reason, so nobody's data is chosen silently), the
name (missing, not a name), the address (missing, unreadable). Gender and birth date always
come from the ID number; a gender or birth date column saying otherwise counts a warning.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from db.enums import Gender, Relation, ResidentKind
from desktop.idnumber import IdNumberError, check_digit, normalize, parse
from desktop.ledger.address import AddressError, Place, place_of
from desktop.ledger.reasons import detail_text
from desktop.ledger.values import (
    MAX_GRID,
    IdCellError,
    clean_name,
    clean_text,
    flag_of,
    gender_of,
    id_text,
    kind_of,
    parse_date,
    phone_digits,
    relation_of,
)
from desktop.tables import cell_text, header_key
from reports.workbook import is_formula_like


@dataclass(frozen=True, slots=True)
class RejectedRow:
    source_row: int
    values: tuple[str, ...]  # the row's cells as text, as the file has them
    reason: str  # a code of desktop.ledger.reasons.REASONS
    detail: str  # e.g. "与第12行重复", "校验位应为 X"


@dataclass(frozen=True, slots=True)
class LedgerRow:
    """An accepted row. None means the file says nothing (the registry keeps its value)."""

    source_row: int
    cells: tuple[object, ...]
    name: str
    id_number: str
    gender: Gender
    birth_date: date
    place: Place
    household_no: str
    phone: str | None
    relation: Relation | None
    kind: ResidentKind | None
    grid: str | None
    elderly_without_phone: bool | None
    lives_alone: bool | None
    notes: str | None


def original_values(cells: Sequence[object]) -> tuple[str, ...]:
    """Cells as the person typed them (text untouched, numbers without ".0", dates ISO)."""
    return tuple(v if isinstance(v, str) else cell_text(v) for v in cells)


def reject(source_row: int, cells: Sequence[object], reason: str, detail: str = "") -> RejectedRow:
    return RejectedRow(source_row, original_values(cells), reason, detail)


def is_blank(cells: Sequence[object]) -> bool:
    for value in cells:
        if value is None:
            continue
        if not isinstance(value, str) or cell_text(value):
            return False
    return True


# Fields that every resident row fills at least one of.
_RESIDENT_FIELDS = ("name", "id_number", "address", "building", "unit", "room")


def is_note(cells: Sequence[object], columns: Mapping[str, int]) -> bool:
    """A line that is not about a resident: a footer such as "填表人：李主任" or "合计" left of
    the data, or a note merged across the whole row (every filled cell the same text)."""
    filled = [cell_text(v) for v in cells if v is not None and cell_text(v)]
    if len(filled) > 1 and len(set(filled)) == 1:
        return True
    resident_cells = [columns[f] for f in _RESIDENT_FIELDS if f in columns]
    if not any(c < len(cells) and cell_text(cells[c] if cells[c] is not None else "")
               for c in resident_cells):  # fmt: skip
        return True
    return len(filled) == 1 and ("：" in filled[0] or ":" in filled[0])


def repeats_header(cells: Sequence[object], header_keys: Mapping[int, str]) -> bool:
    """A header row repeated (ledgers glued together from several sheets)."""
    same = sum(
        1
        for column, key in header_keys.items()
        if key and column < len(cells) and header_key(cell_text(cells[column])) == key
    )
    return same * 2 >= len(header_keys) > 0 and same >= 2


class RowChecker:
    """Checks rows in file order (duplicates need the order) and counts warnings."""

    def __init__(self, columns: Mapping[str, int], today: date) -> None:
        self.columns = dict(columns)
        self.today = today
        self.first_row: dict[str, int] = {}
        self.warnings: Counter[str] = Counter()

    def _cell(self, cells: Sequence[object], field: str) -> object:
        column = self.columns.get(field)
        if column is None or column >= len(cells):
            return None
        return cells[column]

    def check(self, source_row: int, cells: Sequence[object]) -> LedgerRow | RejectedRow:
        get = self._cell
        try:
            raw = id_text(get(cells, "id_number"))
        except IdCellError as exc:
            return reject(
                source_row, cells, "id_excel_number", detail_text("digits_were", exc.digits)
            )
        try:
            info = parse(raw, today=self.today)
        except IdNumberError as exc:
            return self._bad_id(source_row, cells, raw, exc.code)
        first = self.first_row.setdefault(info.number, source_row)
        if first != source_row:
            return reject(source_row, cells, "duplicate", detail_text("duplicate_of", first))
        name, good = clean_name(get(cells, "name"))
        if not name:
            return reject(source_row, cells, "name_missing")
        if not good:
            return reject(source_row, cells, "name_bad")
        try:
            place = place_of(
                get(cells, "address"),
                get(cells, "building"),
                get(cells, "unit"),
                get(cells, "room"),
            )
        except AddressError as exc:
            return reject(source_row, cells, exc.code)
        gender = Gender(info.gender)
        if info.converted_from_15:
            self.warnings["id_converted"] += 1
        stated = gender_of(get(cells, "gender"))
        if stated is not None and stated != gender:
            self.warnings["gender_conflict"] += 1
        self._check_birth(get(cells, "birth_date"), info.birth_date)
        return LedgerRow(
            source_row=source_row,
            cells=tuple(cells),
            name=name,
            id_number=info.number,
            gender=gender,
            birth_date=info.birth_date,
            place=place,
            household_no=clean_text(get(cells, "household_no")),
            phone=self._phone(get(cells, "phone")),
            relation=self._relation(get(cells, "relation")),
            kind=self._kind(get(cells, "kind")),
            grid=self._grid(get(cells, "grid")),
            elderly_without_phone=self._flag(get(cells, "elderly_without_phone")),
            lives_alone=self._flag(get(cells, "lives_alone")),
            notes=clean_text(get(cells, "notes")) or None,
        )

    def _bad_id(self, source_row: int, cells, raw: str, code: str) -> RejectedRow:
        if code == "empty":
            return reject(source_row, cells, "id_missing")
        detail = ""
        number = normalize(raw)
        if code == "bad_check_digit":
            detail = detail_text("expected_check", check_digit(number[:17]))
        return reject(source_row, cells, f"id_{code}", detail)

    def _check_birth(self, value: object, born: date) -> None:
        if value is None or not cell_text(value):
            return
        stated = parse_date(value)
        if stated is None:
            return
        day, month_only = stated
        same = (day.year, day.month) == (born.year, born.month)
        if not same or (not month_only and day != born):
            self.warnings["birth_date_conflict"] += 1

    def _phone(self, value: object) -> str | None:
        number = phone_digits(value)
        if number is None:
            self.warnings["phone_dropped"] += 1
            return None
        return number or None

    def _relation(self, value: object) -> Relation | None:
        if value is None or not cell_text(value):
            return None
        relation = relation_of(value)
        if relation is None:
            self.warnings["relation_unknown"] += 1
            return Relation.OTHER
        return relation

    def _kind(self, value: object) -> ResidentKind | None:
        if value is None or not cell_text(value):
            return None
        kind = kind_of(value)
        if kind is None:
            self.warnings["kind_unknown"] += 1
        return kind

    def _grid(self, value: object) -> str | None:
        grid = clean_text(value)
        if not grid:
            return None
        if len(grid) > MAX_GRID or is_formula_like(grid):
            self.warnings["grid_bad"] += 1
            return None
        return grid

    def _flag(self, value: object) -> bool | None:
        if value is None or not cell_text(value):
            return None
        flag = flag_of(value)
        if flag is None:
            self.warnings["flag_unknown"] += 1
        return flag
