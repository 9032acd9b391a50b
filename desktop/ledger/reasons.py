"""The words of the ledger import in the two interface languages: fields, reasons, warnings.

The rejected-rows report and the command line speak Chinese unless told otherwise; the
wizard uses the same texts, so a reason reads the same on screen, in the file and in a shell.
"""

from __future__ import annotations

# key: (Chinese, English)
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "name": ("姓名", "Name"),
    "id_number": ("身份证号", "ID number"),
    "gender": ("性别", "Gender"),
    "birth_date": ("出生日期", "Birth date"),
    "phone": ("联系电话", "Phone"),
    "address": ("住址（如 3-2-501）", "Address (e.g. 3-2-501)"),
    "building": ("楼栋", "Building"),
    "unit": ("单元", "Unit"),
    "room": ("房号", "Room"),
    "relation": ("与户主关系", "Relation to the head"),
    "kind": ("人员类型", "Resident type"),
    "grid": ("网格", "Grid"),
    "household_no": ("户号", "Household number"),
    "elderly_without_phone": ("老人无智能手机", "Elderly without a smartphone"),
    "lives_alone": ("独居", "Lives alone"),
    "notes": ("备注", "Notes"),
}

REASONS: dict[str, tuple[str, str]] = {
    "name_missing": ("缺少姓名", "The name is missing"),
    "name_bad": (
        "姓名不像人名（以 = + - @ 开头，或含数字、< >，或超过30个字）",
        "The name is not a name (starts with = + - @, holds digits or < >, or is longer "
        "than 30 characters)",
    ),
    "id_missing": ("缺少身份证号", "The ID number is missing"),
    "id_bad_chars": (
        "身份证号含有非法字符（只能是数字，最后一位可以是X）",
        "The ID number holds characters other than digits and a final X",
    ),
    "id_bad_length": (
        "身份证号位数不对（应为18位，旧证15位）",
        "The ID number has the wrong length (18 digits, old cards 15)",
    ),
    "id_bad_region": (
        "身份证号前两位不是有效的省份代码",
        "The first two digits of the ID number are not a province code",
    ),
    "id_bad_birth_date": (
        "身份证号中的出生日期（第7至14位）不存在",
        "The birth date inside the ID number (digits 7-14) does not exist",
    ),
    "id_bad_check_digit": (
        "身份证号校验位（最后一位）不对，请核对是否输错",
        "The check digit (last character) of the ID number is wrong: check for a typo",
    ),
    "id_excel_number": (
        "身份证号被 Excel 当成了数字，后几位已丢失；请将该列设为文本后重新输入",
        "Excel turned the ID number into a number and its last digits are lost; format the "
        "column as text and type the number again",
    ),
    "address_missing": (
        "缺少住址（楼栋和房号）",
        "The address (building and room) is missing",
    ),
    "address_bad": (
        "看不懂住址，请写成 3-2-501 或 3栋2单元501室",
        "The address cannot be read: write it as 3-2-501 or 3栋2单元501室",
    ),
    "duplicate": (
        "与表中前面一行的身份证号重复（以第一次出现的为准）",
        "The same ID number as an earlier row (the first one is taken)",
    ),
    "inactive": (
        "该居民在居民信息库中已登记为迁出或死亡，未导入；如已迁回，请先在居民信息库中恢复",
        "The registry lists this resident as moved out or deceased; not imported. If they "
        "came back, restore them in the registry first",
    ),
    "other_community": (
        "该身份证号已登记在其他社区，未导入",
        "This ID number is registered in another community; not imported",
    ),
}

WARNINGS: dict[str, tuple[str, str]] = {
    "phone_dropped": (
        "电话号码无法识别，已留空（行仍导入）",
        "Phone numbers that could not be read were left empty (rows imported)",
    ),
    "gender_conflict": (
        "性别与身份证号不符，以身份证号为准",
        "Gender differing from the ID number: the ID number was taken",
    ),
    "birth_date_conflict": (
        "出生日期与身份证号不符，以身份证号为准",
        "Birth date differing from the ID number: the ID number was taken",
    ),
    "id_converted": ("15位旧身份证号已转换为18位", "15-digit ID numbers converted to 18 digits"),
    "extra_head": (
        "同一户有多个户主，只保留第一个，其余记为“其他”",
        "More than one head in a household: the first kept, the others set to “other”",
    ),
    "kind_unknown": ("人员类型无法识别，按业主登记", "Unknown resident type: taken as owner"),
    "relation_unknown": (
        "与户主关系无法识别，记为“其他”",
        "Unknown relation to the head: taken as “other”",
    ),
    "flag_unknown": (
        "“是/否”列中有无法识别的值，已忽略",
        "Unreadable values in yes/no columns were ignored",
    ),
    "grid_bad": ("网格名称过长或无效，已忽略", "Grid names too long or invalid were ignored"),
}

DETAILS: dict[str, tuple[str, str]] = {
    "duplicate_of": ("与第{row}行重复", "same as row {row}"),
    "expected_check": ("校验位应为 {char}", "the check digit should be {char}"),
    "state_moved_out": ("已迁出", "moved out"),
    "state_deceased": ("已死亡", "deceased"),
    "digits_were": ("Excel 显示为 {digits}", "Excel shows {digits}"),
}

# Column titles of the rejected-rows report.
REPORT_ROW = ("原行号", "Source row")
REPORT_REASON = ("未导入原因", "Why not imported")
REPORT_SUFFIX = "_未导入行"
REPORT_SHEET = ("未导入行", "Rows not imported")


def _pick(pair: tuple[str, str], language: str) -> str:
    return pair[1] if language.startswith("en") else pair[0]


def field_label(key: str, language: str = "zh_CN") -> str:
    """The name of a field as the office calls it."""
    pair = FIELD_LABELS.get(key)
    return _pick(pair, language) if pair else key


def reason_text(code: str, language: str = "zh_CN") -> str:
    """Why a row was not imported, for a rejection reason code."""
    pair = REASONS.get(code)
    return _pick(pair, language) if pair else code


def warning_text(code: str, language: str = "zh_CN") -> str:
    """What a warning counts (a value changed or left out, the row still imported)."""
    pair = WARNINGS.get(code)
    return _pick(pair, language) if pair else code


def detail_text(key: str, value: object = "", language: str = "zh_CN") -> str:
    """A rejected row's detail ("与第12行重复", "校验位应为 X") in `language`."""
    return _pick(DETAILS[key], language).format(row=value, char=value, digits=value)


def report_word(pair: tuple[str, str], language: str = "zh_CN") -> str:
    return _pick(pair, language)
