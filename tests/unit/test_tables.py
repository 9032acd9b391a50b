"""Reading spreadsheets as offices keep them: formats, encodings, merged cells, headers."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import Workbook

from desktop.tables import TableError, cell_text, find_header, header_key, read_table

SYNONYMS = {
    "name": ("姓名", "名字"),
    "id_number": ("身份证号", "身份证号码", "id number"),
    "address": ("住址",),
    "building": ("楼栋",),
    "unit": ("单元",),
    "room": ("房号",),
    "phone": ("联系电话",),
}


def _ledger_book(path):
    book = Workbook()
    book.active.title = "封面"
    sheet = book.create_sheet("台账")
    sheet.append(["XX社区居民信息台账"])
    sheet.merge_cells("A1:F1")
    sheet.append(["填报日期：", datetime(2022, 3, 1)])
    sheet.append(["姓名*", "身份证号（必填）", "住址", None, None, "联系电话"])
    sheet.append([None, None, "楼栋", "单元", "房号", None])
    for column in "ABF":
        sheet.merge_cells(f"{column}3:{column}4")
    sheet.merge_cells("C3:E3")
    sheet.append(["张三", "110105194912310038", 3, 2, 501, 13800138000])
    sheet.append([])
    sheet.append(["李四", 1.10101199003e17, None, 2, 502, "138 0013 8000"])
    sheet.append(["王五", "11010519491231002X", None, 2, 503])
    sheet.merge_cells("C5:C8")  # building 3 typed once for four rows
    book.save(path)


def test_xlsx_rows_keep_source_numbering_and_fill_merged_cells(tmp_path):
    _ledger_book(tmp_path / "l.xlsx")
    table = read_table(tmp_path / "l.xlsx")
    assert table.sheet == "台账"  # the empty first sheet is passed over
    assert table.sheets == ("封面", "台账")
    assert table.encoding is None
    rows = table.rows
    assert len(rows) == 8
    assert rows[0] == ("XX社区居民信息台账",) * 6
    assert rows[1] == ("填报日期：", datetime(2022, 3, 1))
    assert rows[2] == ("姓名*", "身份证号（必填）", "住址", "住址", "住址", "联系电话")
    assert rows[3] == ("姓名*", "身份证号（必填）", "楼栋", "单元", "房号", "联系电话")
    assert rows[4] == ("张三", "110105194912310038", 3, 2, 501, 13800138000)
    assert rows[5] == (None, None, 3)  # the empty row inside the merged building cell
    assert rows[6][:3] == ("李四", 1.10101199003e17, 3)
    assert rows[7] == ("王五", "11010519491231002X", 3, 2, 503)


def test_named_sheet_and_a_missing_sheet(tmp_path):
    _ledger_book(tmp_path / "l.xlsx")
    with pytest.raises(TableError) as error:
        read_table(tmp_path / "l.xlsx", "居民")
    assert error.value.code == "not-found"
    assert "封面、台账" in error.value.message
    assert read_table(tmp_path / "l.xlsx", "台账").rows[4][0] == "张三"


def test_xls_with_merged_cells_and_dates(tmp_path):
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("台账")
    sheet.write_merge(0, 0, 0, 2, "居民台账")
    for column, title in enumerate(("姓名", "身份证号", "出生日期")):
        sheet.write(1, column, title)
    sheet.write(2, 0, "张三")
    sheet.write(2, 1, "110105194912310038")
    sheet.write(2, 2, datetime(1949, 12, 31), xlwt.easyxf(num_format_str="YYYY-MM-DD"))
    sheet.write(4, 0, 13800138000)
    book.save(str(tmp_path / "l.xls"))
    table = read_table(tmp_path / "l.xls")
    assert table.rows[0] == ("居民台账",) * 3
    assert table.rows[2] == ("张三", "110105194912310038", datetime(1949, 12, 31))
    assert table.rows[3] == ()
    assert table.rows[4] == (13800138000.0,)


def test_xls_that_is_a_web_page_says_to_save_as_xlsx(tmp_path):
    path = tmp_path / "导出.xls"
    path.write_text("<html><table><tr><td>姓名</td></tr></table></html>", encoding="utf-8")
    with pytest.raises(TableError) as error:
        read_table(path)
    assert error.value.code == "xls-unreadable"
    assert ".xlsx" in error.value.message and "WPS" in error.value.message
    assert "Save as" in error.value.text("en")


def test_damaged_files(tmp_path):
    broken = tmp_path / "坏.xls"
    broken.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    with pytest.raises(TableError) as error:
        read_table(broken)
    assert error.value.code == "xls-unreadable"
    fake = tmp_path / "坏.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(TableError) as error:
        read_table(fake)
    assert error.value.code == "unreadable"


def test_an_xlsx_named_xls_is_read_all_the_same(tmp_path):
    book = Workbook()
    book.active.append(["姓名", "身份证号"])
    book.save(tmp_path / "l.xls")
    assert read_table(tmp_path / "l.xls").rows == [("姓名", "身份证号")]


@pytest.mark.parametrize(
    ("encoding", "bom", "delimiter", "expected"),
    [
        ("gbk", b"", ",", "gb18030"),
        ("gb18030", b"", "\t", "gb18030"),
        ("utf-8", b"", ";", "utf-8"),
        ("utf-8", b"\xef\xbb\xbf", ",", "utf-8-sig"),
    ],
)
def test_csv_encodings_and_delimiters(tmp_path, encoding, bom, delimiter, expected):
    lines = [
        "社区台账",
        "姓名{d}身份证号{d}住址",
        "张三{d}110105194912310038{d}3-2-501",
        "",
        "李四{d}{d}",
    ]
    text = "\r\n".join(line.format(d=delimiter) for line in lines) + "\r\n"
    path = tmp_path / "l.csv"
    path.write_bytes(bom + text.encode(encoding))
    table = read_table(path)
    assert table.encoding == expected
    assert table.rows == [
        ("社区台账",),
        ("姓名", "身份证号", "住址"),
        ("张三", "110105194912310038", "3-2-501"),
        (),
        ("李四",),
    ]


def test_csv_quoted_commas_and_newlines(tmp_path):
    path = tmp_path / "l.txt"
    path.write_text('姓名,备注\n张三,"行动不便,\n独居"\n', encoding="utf-8")
    assert read_table(path).rows == [("姓名", "备注"), ("张三", "行动不便,\n独居")]


def test_text_errors(tmp_path):
    garbage = tmp_path / "l.csv"
    garbage.write_bytes(b"\xff\xfe\xff".replace(b"\xff\xfe", b"\x81\xff"))
    with pytest.raises(TableError) as error:
        read_table(garbage)
    assert error.value.code == "encoding"
    assert "GBK" in error.value.message
    empty = tmp_path / "空.csv"
    empty.write_text("\n , \n", encoding="utf-8")
    with pytest.raises(TableError) as error:
        read_table(empty)
    assert error.value.code == "empty"
    with pytest.raises(TableError) as error:
        read_table(tmp_path / "nowhere.xlsx")
    assert error.value.code == "not-found"
    with pytest.raises(TableError) as error:
        read_table(tmp_path / "l.pdf")
    assert error.value.code == "unsupported"
    assert ".pdf" in error.value.message


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        ("  １１０１０５ ", "110105"),
        ("ＡＢｃ", "ABc"),
        (13800138000.0, "13800138000"),
        (13800138000, "13800138000"),
        (1.10101199003e17, "110101199003000000"),
        (36.6, "36.6"),
        (datetime(1990, 3, 7, 0, 0), "1990-03-07"),
        (date(1990, 3, 7), "1990-03-07"),
        ("\u200b张三\ufeff", "张三"),
        (True, "TRUE"),
    ],
)
def test_cell_text(value, text):
    assert cell_text(value) == text


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("姓名*", "姓名"),
        (" 身份证号码\n(必填) ", "身份证号码"),
        ("联系电话（选填）", "联系电话"),
        ("＊住　址：", "住址"),
        ("ID Number", "idnumber"),
        ("(备注)", "备注"),
    ],
)
def test_header_key(text, key):
    assert header_key(text) == key


def test_find_header_skips_titles_and_reads_a_two_row_header(tmp_path):
    _ledger_book(tmp_path / "l.xlsx")
    rows = read_table(tmp_path / "l.xlsx").rows
    index, columns = find_header(rows, SYNONYMS, required=("name", "id_number"))
    assert index == 3
    assert columns == {0: "name", 1: "id_number", 2: "building", 3: "unit", 4: "room", 5: "phone"}


def test_find_header_two_row_header_without_merges_and_a_repeated_header():
    rows = [
        ("居民台账",),
        ("姓名", "身份证号", "住址", None, None),
        (None, None, "楼栋", "单元", "房号"),
        ("张三", "110105194912310038", "3", "2", "501"),
        ("姓名", "身份证号", "楼栋", "单元", "房号"),
    ]
    index, columns = find_header(rows, SYNONYMS)
    assert index == 2
    assert columns == {0: "name", 1: "id_number", 2: "building", 3: "unit", 4: "room"}


def test_find_header_prefers_exact_titles_and_one_column_per_field():
    rows = [("户主姓名", "姓名", "居民身份证号码", "身份证号码")]
    index, columns = find_header(rows, SYNONYMS)
    assert (index, columns) == (0, {1: "name", 3: "id_number"})


def test_find_header_errors_name_what_is_missing():
    rows = [("序号", "姓名", "电话")]
    with pytest.raises(TableError) as error:
        find_header(rows, SYNONYMS, required=("name", "id_number"))
    assert error.value.code == "no-header"
    assert "身份证号" in error.value.message
    assert "身份证号" in error.value.text("en")
    with pytest.raises(TableError) as error:
        find_header([("a", "b"), ("c",)], SYNONYMS)
    assert error.value.code == "no-header"
    assert "30" in error.value.message
    with pytest.raises(TableError):
        find_header([()] * 5 + [("姓名",)], SYNONYMS, scan=5)
