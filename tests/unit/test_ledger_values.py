"""The ledger's cells made into registry values: numbers, phones, dates, names, addresses."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from db.enums import Gender, Relation, ResidentKind
from desktop.ledger import FIELDS, field_label, reason_text
from desktop.ledger.address import AddressError, Place, parse_address, place_of
from desktop.ledger.reasons import REASONS, WARNINGS, warning_text
from desktop.ledger.rows import LedgerRow, RejectedRow, RowChecker, is_note
from desktop.ledger.values import (
    IdCellError,
    clean_name,
    flag_of,
    gender_of,
    id_text,
    kind_of,
    parse_date,
    phone_digits,
    relation_of,
)
from desktop.names import name_initials

ZHANG = "11010519491231002X"


def test_id_cells_that_excel_made_numbers_are_refused_unless_exact():
    assert id_text(" １１０１０５ １９４９１２３１ ００２ｘ ") == "110105 19491231 002x"
    assert id_text(110105491231002.0) == "110105491231002"  # 15 digits survive a double
    assert id_text(110105194912310038) == "110105194912310038"  # an exact integer
    with pytest.raises(IdCellError) as error:
        id_text(1.10101199003e17)
    assert error.value.digits == "110101199003000000"
    with pytest.raises(IdCellError):
        id_text("1.10101E+17")  # Excel's CSV of the same cell


@pytest.mark.parametrize(
    ("cell", "phone"),
    [
        (13800138000.0, "13800138000"),
        ("+86 138-0013-8000", "13800138000"),
        ("0086 13800138000", "13800138000"),
        ("8613800138000", "13800138000"),
        ("１３８ ００１３ ８０００", "13800138000"),
        ("010-6512 3456", "01065123456"),
        ("(0371)6512345", "03716512345"),
        ("65123456", "65123456"),
        ("13800138000/13900139000", "13800138000"),
        ("无、13900139000", "13900139000"),
        (None, ""),
        ("  ", ""),
        ("12345", None),
        ("12800138000", None),  # no mobile prefix 12
        ("不详", None),
        ("010-65123456转8001", "01065123456"),  # the extension is left out
        ("65123456 分机 12", "65123456"),
    ],
)
def test_phones(cell, phone):
    assert phone_digits(cell) == phone


@pytest.mark.parametrize(
    ("cell", "parsed"),
    [
        (datetime(1990, 3, 7), (date(1990, 3, 7), False)),
        (date(1990, 3, 7), (date(1990, 3, 7), False)),
        (32939, (date(1990, 3, 7), False)),  # an Excel serial number
        ("1990.3.7", (date(1990, 3, 7), False)),
        ("1990/03/07", (date(1990, 3, 7), False)),
        ("1990-03-07 00:00:00", (date(1990, 3, 7), False)),
        ("1990年3月7日", (date(1990, 3, 7), False)),
        ("19900307", (date(1990, 3, 7), False)),
        (19900307, (date(1990, 3, 7), False)),
        ("1990年3月", (date(1990, 3, 1), True)),
        ("1990.03", (date(1990, 3, 1), True)),
        ("1990.2.30", None),
        ("三月", None),
    ],
)
def test_dates(cell, parsed):
    assert parse_date(cell) == parsed


@pytest.mark.parametrize(
    ("cell", "name", "good"),
    [
        ("张  三", "张三", True),
        ("　王小明 ", "王小明", True),
        ("买买提·艾力", "买买提·艾力", True),
        ("Anna  Müller", "Anna Müller", True),
        ('=HYPERLINK("http://x","点我")', '=HYPERLINK("http://x","点我")', False),
        ("+张三", "+张三", False),
        ("-1", "-1", False),
        ("@SUM(A1)", "@SUM(A1)", False),
        ("张三2", "张三2", False),
        ("<b>张三</b>", "<b>张三</b>", False),
        ("张" * 31, "张" * 31, False),
        (None, "", True),
    ],
)
def test_names(cell, name, good):
    assert clean_name(cell) == (name, good)


def test_words_of_gender_kind_relation_and_flags():
    assert gender_of("女") == Gender.FEMALE and gender_of(" M ") == Gender.MALE
    assert gender_of("未知") is None
    assert kind_of("户籍") == ResidentKind.OWNER and kind_of("常住") == ResidentKind.OWNER
    assert kind_of("租住") == ResidentKind.TENANT and kind_of("流动") == ResidentKind.TENANT
    assert kind_of("集体户") == ResidentKind.COLLECTIVE and kind_of("学生") is None
    assert relation_of("户主") == Relation.HEAD and relation_of("妻子") == Relation.SPOUSE
    assert relation_of("长女") == Relation.CHILD and relation_of("外孙女") == Relation.GRANDCHILD
    assert relation_of("邻居") is None
    assert [flag_of(v) for v in ("是", "√", "Y", 1, "否", 0, "×", "也许", None)] == [
        True, True, True, True, False, False, False, None, None
    ]  # fmt: skip
    assert name_initials("张小明") == "zxm" and name_initials("Anna Müller") == "am"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("3-2-501", ("3", "2", "501")),
        ("3栋2单元501", ("3", "2", "501")),
        ("3号楼2单元501室", ("3", "2", "501")),
        ("3幢2-501", ("3", "2", "501")),
        ("3-501", ("3", "1", "501")),
        ("3栋501", ("3", "1", "501")),
        ("幸福里小区3-2-501", ("3", "2", "501")),
        ("幸福路12号3栋2单元501", ("3", "2", "501")),
        ("阳光100小区5号楼1单元302室", ("5", "1", "302")),
        ("三栋二单元501", ("3", "2", "501")),
        ("十二号楼1单元1201", ("12", "1", "1201")),
        ("Ａ座2单元501", ("A", "2", "501")),
        ("３ － ２ － ５０１", ("3", "2", "501")),
        ("03-02-501", ("3", "2", "501")),
        ("b1-1-101", ("B1", "1", "101")),
    ],
)
def test_one_cell_addresses(text, place):
    assert parse_address(text) == Place(*place)


@pytest.mark.parametrize(("text", "code"), [("", "address_missing"), ("不详", "address_bad")])
def test_unreadable_addresses(text, code):
    with pytest.raises(AddressError) as error:
        parse_address(text)
    assert error.value.code == code


def test_addresses_in_columns():
    assert place_of(None, "3栋", "2单元", "501室") == Place("3", "2", "501")
    assert place_of(None, 3.0, None, 501) == Place("3", "1", "501")
    assert place_of(None, "3号楼", None, "2-501") == Place("3", "2", "501")
    assert place_of("9-9-909", 3, 2, 501) == Place("3", "2", "501")  # the columns win
    assert place_of("5-1-302", None, None, None) == Place("5", "1", "302")
    with pytest.raises(AddressError) as error:
        place_of(None, "3", None, None)
    assert error.value.code == "address_missing"
    with pytest.raises(AddressError) as error:
        place_of(None, "3", "2", "五零一室")
    assert error.value.code == "address_bad"


def _check(cells, today=date(2022, 4, 1)):
    columns = {"name": 0, "id_number": 1, "gender": 2, "birth_date": 3, "address": 4}
    checker = RowChecker(columns, today)
    return checker, checker.check(7, cells)


def test_row_takes_gender_and_birth_date_from_the_id_number():
    checker, row = _check(("张三", ZHANG.lower(), "男", "1950-01-01", "3-2-501"))
    assert isinstance(row, LedgerRow)
    assert (row.id_number, row.gender, row.birth_date) == (ZHANG, Gender.FEMALE, date(1949, 12, 31))
    assert checker.warnings == {"gender_conflict": 1, "birth_date_conflict": 1}
    checker, row = _check(("张三", "110105491231002", None, "1949年12月", "3-2-501"))
    assert row.id_number == ZHANG and checker.warnings == {"id_converted": 1}


@pytest.mark.parametrize(
    ("number", "reason", "detail"),
    [
        (None, "id_missing", ""),
        ("11010519491231002Y", "id_bad_chars", ""),
        ("1101051949123100", "id_bad_length", ""),
        ("99010519491231002X", "id_bad_region", ""),
        ("110105194913310021", "id_bad_birth_date", ""),
        ("110105194912310021", "id_bad_check_digit", "校验位应为 X"),
        (1.10105194912310e17, "id_excel_number", "Excel 显示为 110105194912310000"),
    ],
)
def test_row_refusals_for_the_id_number(number, reason, detail):
    _, row = _check(("张三", number, None, None, "3-2-501"))
    assert isinstance(row, RejectedRow)
    assert (row.source_row, row.reason, row.detail) == (7, reason, detail)
    assert row.values[0] == "张三"


def test_every_code_and_field_has_words_in_both_languages():
    for code in REASONS:
        assert reason_text(code) != code and reason_text(code, "en") != code
    for code in WARNINGS:
        assert warning_text(code) != code and warning_text(code, "en") != code
    for key in FIELDS:
        assert field_label(key) != key and field_label(key, "en") != key


@pytest.mark.parametrize(
    ("cells", "note"),
    [
        (["填表人：李主任", None, None, None], True),  # a footer left of the data
        (["合计", None, None, None], True),  # nothing in a resident's columns
        (["注：本表由网格员填写"] * 4, True),  # a note merged across the row
        ([None, "张三", None, None], False),  # a resident without a number: refused, not hidden
        ([None, "张三", "110105194912310038", "3-2-501"], False),
        ([None, None, "110105194912310038", None], False),
    ],
)
def test_note_lines_are_not_resident_rows(cells, note):
    columns = {"name": 1, "id_number": 2, "address": 3}
    assert is_note(cells, columns) is note


@pytest.mark.parametrize(
    "cell",
    [
        "'110105194912310038",
        "`110105194912310038",
        "‘110105194912310038",
        "身份证：110105194912310038",
        "身份证号: 110105194912310038",
    ],
)
def test_id_cells_keep_their_number_behind_a_quote_mark_or_a_label(cell):
    assert id_text(cell) == "110105194912310038"
