"""A large messy ledger for measuring the import (and for trying it by hand).

Households of one to five people in buildings of 2 units and up to 18 floors; a merged title,
a two-row header, addresses in one cell in several styles, phones stored as numbers,
full-width digits, lower-case x, 15-digit numbers, empty rows, and about 1% of rows an office
would get wrong: wrong check digits, numbers Excel mangled, in-file duplicates, missing names.
Written with openpyxl's streaming writer, so 100,000 rows take little memory.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.cell_range import CellRange

from db.enums import Gender
from desktop.demo_names import given_name, surname
from desktop.idnumber import make_id_number

HEADER_TOP = ("序号", "姓名", "身份证号码", "性别", "联系电话", "住址", "与户主关系", "人员类型")
HEADER_LOW = (None, None, None, None, None, "门牌号", None, None)
RELATIONS = ("户主", "配偶", "子女", "父母", "孙子")
REGIONS = ("110105", "110101", "320102", "440103", "510104", "410102")
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@dataclass(frozen=True)
class SampleLedger:
    path: Path
    rows: int  # data rows written (empty ones included)
    expected_bad: int  # rows the import must refuse
    households: int


def _address(rng: random.Random, b: int, u: int, room: str) -> str:
    style = rng.randrange(4)
    if style == 0:
        return f"{b}-{u}-{room}"
    if style == 1:
        return f"{b}栋{u}单元{room}"
    if style == 2:
        return f"幸福里小区{b}号楼{u}单元{room}室"
    return f"{b}幢{u}-{room}".translate(_FULL_WIDTH) if rng.random() < 0.5 else f"{b}幢{u}-{room}"


def _person(rng: random.Random, today: date, seen: set[str]) -> tuple[str, str, Gender]:
    while True:
        gender = rng.choice((Gender.MALE, Gender.FEMALE))
        born = today - timedelta(days=rng.randrange(365 * 2, 365 * 90))
        seq = rng.randrange(500) * 2 + (1 if gender == Gender.MALE else 0)
        number = make_id_number(rng.choice(REGIONS), born, seq)
        if number not in seen:
            seen.add(number)
            name = surname(rng) + given_name(rng, gender, born.year)
            return name, number, gender


def _id_cell(rng: random.Random, number: str) -> object:
    roll = rng.random()
    if roll < 0.03 and number[8:10] != "20" and number[6:8] == "19":
        return number[:6] + number[8:17]  # the 15-digit form
    if roll < 0.06:
        return number.lower().translate(_FULL_WIDTH)
    if roll < 0.08:
        return f"{number[:6]} {number[6:14]} {number[14:]}"
    return number


def write_sample_ledger(path: Path, rows: int, *, seed: int = 20200125) -> SampleLedger:
    """A ledger of about `rows` data rows at `path` (.xlsx)."""
    rng = random.Random(seed)
    today = date(2022, 4, 1)
    seen: set[str] = set()
    book = Workbook(write_only=True)
    sheet = book.create_sheet("居民台账")
    sheet.append(["幸福里社区居民信息台账"])
    sheet.append(["填报日期：2022年3月1日"])
    sheet.append(list(HEADER_TOP))
    sheet.append(list(HEADER_LOW))
    merges = ["A1:H1"] + [f"{c}3:{c}4" for c in "ABCDEGH"]
    written = bad = households = 0
    claimed: list[str] = []  # numbers of rows whose ID is valid: a later copy is a duplicate
    building, unit, floor, door = 1, 1, 1, 1
    while written < rows:
        households += 1
        room = f"{floor}{door:02d}"
        size = rng.choice((1, 2, 2, 3, 3, 3, 4, 5))
        kind = "租户" if rng.random() < 0.2 else "业主"
        address = _address(rng, building, unit, room)
        for member in range(size):
            name, number, _ = _person(rng, today, seen)
            id_cell: object = _id_cell(rng, number)
            phone: object = float(f"1{rng.choice('3589')}{rng.randrange(10**9):09d}")
            roll = rng.random()
            if roll < 0.003:
                id_cell = number[:-1] + ("0" if number[-1] != "0" else "1")
                bad += 1
            elif roll < 0.006:
                id_cell = float(number[:17])  # Excel keeps 15 digits
                bad += 1
            elif roll < 0.008 and claimed:
                id_cell = rng.choice(claimed)
                bad += 1
            else:
                if roll < 0.010:
                    name = ""
                    bad += 1
                if len(claimed) < 1000:
                    claimed.append(number)
            relation = RELATIONS[min(member, len(RELATIONS) - 1)]
            sheet.append([written + 1, name, id_cell, "", phone, address, relation, kind])
            written += 1
        if rng.random() < 0.01:
            sheet.append([])
            written += 1
        door += 1
        if door > 4:
            door, floor = 1, floor + 1
            if floor > 18:
                floor, unit = 1, unit + 1
                if unit > 2:
                    unit, building = 1, building + 1
    for ref in merges:
        sheet.merged_cells.add(CellRange(ref))
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return SampleLedger(path=path, rows=written, expected_bad=bad, households=households)


def count_reasons(reasons: list[str]) -> dict[str, int]:
    return dict(Counter(reasons))
