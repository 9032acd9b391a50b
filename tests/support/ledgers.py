"""Resident ledgers as offices keep them, with what an import must make of them.

`messy_ledger(path)` writes an .xlsx with a merged title, a filling-date line, a two-row
header (住址 merged over 楼栋/单元/房号, the other titles merged down), full-width digits, a
lower-case x, a 15-digit number, a wrong check digit, an in-file duplicate, the two residents
of tests/support/gate_site.make_gate, empty rows, a repeated header, phones as numbers, a
formula-looking name, ID numbers Excel turned into numbers, addresses in several styles and
a footer line. `messy_csv` and `messy_xls` write the same ledger as a GBK CSV (as Excel saves
"CSV") and as an .xls. Each returns the ExpectedCounts the import must report.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook

from desktop.idnumber import make_id_number
from tests.support.gate_site import LI, ZHANG

TITLE = "幸福里社区居民信息台账"
HEADER_TOP = (
    "序号", "姓名*", "身份证号码（必填）", "性别", "出生年月", "联系电话",
    "住址", None, None, "家庭住址", "与户主关系", "人员类型", "所属网格", "独居", "备注",
)  # fmt: skip
HEADER_LOW = (None, None, None, None, None, None, "楼栋", "单元", "房号")
HEADER_ROW = 4  # the lower header row (1-based): data start below it
WIDTH = len(HEADER_TOP)


def _id(birth: date, seq: int, region: str = "110105") -> str:
    return make_id_number(region, birth, seq)


WANG = _id(date(1956, 1, 1), 123)  # typed in its 15-digit form
LIU = _id(date(1960, 5, 6), 42)
KID = _id(date(2010, 8, 9), 17)
ZHAO = _id(date(1975, 2, 3), 11, "320102")
QIAN = _id(date(2001, 4, 5), 22, "320102")
SUN = _id(date(1940, 10, 11), 33, "440103")
ZHOU = _id(date(1988, 12, 1), 45, "510104")
WU = _id(date(1990, 3, 7), 57, "110101")
WRONG_CHECK = _id(date(1982, 6, 30), 61)
WRONG_CHECK_TYPED = WRONG_CHECK[:-1] + ("0" if WRONG_CHECK[-1] != "0" else "1")
BAD_BIRTH = "11010519901332" + "123"  # 13th month
NO_ADDRESS = _id(date(1970, 7, 7), 71)
BAD_ADDRESS = _id(date(1971, 7, 7), 73)
FORMULA_NAME = '=HYPERLINK("http://example.com","点我")'


@dataclass(frozen=True)
class ExpectedCounts:
    """What importing the messy ledger must report. `new`, `merged`, `new_households` and
    `new_buildings` are against make_gate's registry (张小明 and 李四 at 3-2-501); the
    `*_empty` ones against a registry holding none of the ledger's people."""

    header_row: int
    total_rows: int
    empty_rows: int
    new: int
    merged: int
    unchanged: int
    rejected_by_reason: dict[str, int]
    warnings: dict[str, int]
    new_households: int
    new_buildings: int
    new_empty: int
    new_households_empty: int
    new_buildings_empty: int
    rejected_rows: dict[int, str] = field(default_factory=dict)  # source row -> reason

    @property
    def rejected(self) -> int:
        return sum(self.rejected_by_reason.values())

    @property
    def accepted(self) -> int:
        return self.new + self.merged + self.unchanged


def _row(n, name, number, gender=None, born=None, phone=None, b=None, u=None, r=None,
         address=None, relation=None, kind=None, grid=None, alone=None, notes=None):  # fmt: skip
    return [n, name, number, gender, born, phone, b, u, r, address, relation, kind, grid, alone,
            notes]  # fmt: skip


# (cells, outcome): "new", "merged", "empty" or a rejection reason. Rows 5 on.
def ledger_rows() -> list[tuple[list, str]]:
    blank = [None] * WIDTH
    return [
        (_row(1, "张小明", ZHANG.lower(), "女", "1949.12.31", 13800138000.0, "3栋", "2单元",
              "501室", relation="户主", kind="户籍", grid="一网格"), "merged"),
        (_row(2, "李四", LI.translate(str.maketrans("0123456789", "０１２３４５６７８９")),
              b=3, u=2, r=501, relation="配偶"), "merged"),
        (_row(3, "王建国", WANG[:6] + WANG[8:17], "男", datetime(1956, 1, 1),
              "+86 139-0013-9000", 3, 2, 502, relation="户主", kind="业主", grid="一网格"),
         "new"),
        (_row(4, "刘芳", LIU, "男", "1960年5月6日", "010-6512 3456", 3, 2, 502,
              relation="妻子", alone="否"), "new"),
        (blank, "empty"),
        (_row(5, "王小宝", f" {KID[:6]} {KID[6:14]} {KID[14:]} ", None, "2011-01-01", None,
              3, 2, "502", relation="子"), "new"),
        (_row(6, "赵  六", ZHAO, phone="0086 13700137000",
              address="幸福里小区5号楼1单元302室", relation="户主", kind="租户"), "new"),
        (_row(7, "钱七", QIAN, phone="１３６００１３６０００", address="5-1-302",
              relation="户主"), "new"),
        (_row(8, "孙八", SUN, phone="12345", address="7-101", relation="户主", alone="是",
              notes="行动不便"), "new"),
        (_row(9, "周九", ZHOU, address="3幢2-503", kind="学生"), "new"),
        (_row(10, "吴十", WU, born=32939, address="6栋2单元1101", grid="二网格"), "new"),
        (_row(11, FORMULA_NAME, _id(date(1985, 1, 1), 81), address="3-2-504"), "name_bad"),
        (_row(12, "郑一", 1.10101199003e17, address="3-2-505"), "id_excel_number"),
        (_row(13, "冯二", WRONG_CHECK_TYPED, address="3-2-506"), "id_bad_check_digit"),
        (_row(14, "陈三", WANG, address="3-2-507"), "duplicate"),
        (_row(15, "褚四", None, address="3-2-508"), "id_missing"),
        (_row(16, None, _id(date(1999, 9, 9), 91), address="3-2-509"), "name_missing"),
        (_row(17, "卫五", NO_ADDRESS), "address_missing"),
        (_row(18, "蒋六", "1101011990030712", address="3-2-510"), "id_bad_length"),
        (_row(19, "沈七", BAD_BIRTH + "1", address="3-2-511"), "id_bad_birth_date"),
        (_row(20, "韩八", BAD_ADDRESS, address="不详"), "address_bad"),
        (list(HEADER_TOP[:6]) + list(HEADER_LOW[6:9]) + list(HEADER_TOP[9:]), "empty"),
        (_row(21, "杨九", "1.10101199003071E+17", address="3-2-512"), "id_excel_number"),
        (blank, "empty"),
        (["填表人：李主任"] + [None] * (WIDTH - 1), "empty"),
    ]  # fmt: skip


def expected_counts() -> ExpectedCounts:
    rows = ledger_rows()
    outcomes = Counter(outcome for _, outcome in rows)
    rejected = {
        k: n for k, n in outcomes.items() if k not in ("new", "merged", "unchanged", "empty")
    }
    return ExpectedCounts(
        header_row=HEADER_ROW,
        total_rows=len(rows),
        empty_rows=outcomes["empty"],
        new=outcomes["new"],
        merged=outcomes["merged"],
        unchanged=0,
        rejected_by_reason=rejected,
        warnings={
            "id_converted": 1,
            "gender_conflict": 1,  # 刘芳: 男 in the column, a woman's number
            "birth_date_conflict": 1,  # 王小宝: 2011 in the column, 2010 in the number
            "phone_dropped": 1,  # 孙八: 12345
            "extra_head": 1,  # 钱七: a second 户主 at 5-1-302
            "kind_unknown": 1,  # 周九: 学生
        },
        # 3-2-502, 5-1-302, 7-1-101, 3-2-503, 6-2-1101 (3-2-501 is registered)
        new_households=5,
        new_buildings=3,
        new_empty=outcomes["new"] + outcomes["merged"],
        new_households_empty=6,
        new_buildings_empty=4,
        rejected_rows={
            HEADER_ROW + 1 + i: outcome
            for i, (_, outcome) in enumerate(rows)
            if outcome in rejected
        },
    )


def messy_ledger(path: Path) -> ExpectedCounts:
    """Write the messy ledger as .xlsx (an empty first sheet, the ledger on the second)."""
    book = Workbook()
    book.active.title = "说明"
    sheet = book.create_sheet("居民台账")
    sheet.append([TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=WIDTH)
    sheet.append(["填报单位：幸福里社区居委会", None, None, "填报日期：2022年3月1日"])
    sheet.append(list(HEADER_TOP))
    sheet.append(list(HEADER_LOW))
    sheet.merge_cells("G3:I3")
    for column in range(1, WIDTH + 1):
        if column not in (7, 8, 9):
            sheet.merge_cells(start_row=3, start_column=column, end_row=4, end_column=column)
    for cells, _ in ledger_rows():
        sheet.append(cells)
    # Typed with a leading apostrophe: text that looks like a formula, not a formula.
    for row in sheet.iter_rows(min_row=HEADER_ROW + 1, min_col=2, max_col=2):
        if row[0].value == FORMULA_NAME:
            row[0].data_type = "s"
    # 王建国 and 刘芳 share building 3, typed once in a cell merged down over both rows.
    sheet["G8"] = None
    sheet.merge_cells("G7:G8")
    book.save(path)
    return expected_counts()


def _csv_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        # Excel's "General" format shows 11 digits; longer numbers go to scientific notation.
        return f"{value:.5E}" if value >= 1e11 else str(int(value))
    if isinstance(value, datetime):
        return f"{value:%Y/%m/%d}"
    return str(value)


def messy_csv(path: Path, encoding: str = "gbk", delimiter: str = ",") -> ExpectedCounts:
    """The same ledger saved as CSV by Excel (GBK by default, no merged cells)."""
    top = list(HEADER_TOP)
    low = [None] * WIDTH
    low[6:9] = HEADER_LOW[6:9]
    rows = [[TITLE], ["填报单位：幸福里社区居委会", "", "", "填报日期：2022年3月1日"], top, low]
    rows += [cells for cells, _ in ledger_rows()]
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        for cells in rows:
            writer.writerow([_csv_text(v) for v in cells])
    return expected_counts()


def messy_xls(path: Path) -> ExpectedCounts:
    """The same ledger as an Excel 97-2003 .xls, merged cells included."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    book.add_sheet("说明")
    sheet = book.add_sheet("居民台账")
    dates = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    sheet.write_merge(0, 0, 0, WIDTH - 1, TITLE)
    sheet.write(1, 0, "填报单位：幸福里社区居委会")
    sheet.write(1, 3, "填报日期：2022年3月1日")
    for column, title in enumerate(HEADER_TOP):
        if column in (6, 7, 8):
            continue
        sheet.write_merge(2, 3, column, column, title)
    sheet.write_merge(2, 2, 6, 8, "住址")
    for column in (6, 7, 8):
        sheet.write(3, column, HEADER_LOW[column])
    for r, (cells, _) in enumerate(ledger_rows(), start=4):
        for c, value in enumerate(cells):
            if value is None:
                continue
            if isinstance(value, datetime):
                sheet.write(r, c, value, dates)
            else:
                sheet.write(r, c, value)
    book.save(str(path))
    return expected_counts()


SIMPLE_HEADER = ("姓名", "身份证号", "联系电话", "住址", "户号", "与户主关系", "备注")


def simple_ledger(path: Path, rows: list[tuple], header: tuple = SIMPLE_HEADER) -> Path:
    """A plain one-sheet ledger: the header, then `rows` (for focused tests)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path
