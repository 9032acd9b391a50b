"""One cell of a ledger made into a registry value, as leniently as the office types it.

Rules (each function states its own):
- ID numbers: full-width characters, spaces, dashes and a lower-case x are fine, and so are
  a quote mark typed before the number to keep it text ('110…) and a label ("身份证：110…");
  15-digit numbers become 18 digits. A cell Excel turned into a number (1.10101199003E+17, or that
  text in a CSV) lost its last digits and is refused: nobody can tell what they were. A
  15-digit number stored as a number is exact and accepted.
- Phones: numbers (13800138000.0), "+86 138-0013-8000", "0086…", spaces and dashes, and
  landlines ("010-6512 3456", "65123456", an extension "转8001" left out) are kept as their
  digits; of several numbers in
  one cell the first is kept. Anything else leaves the phone empty (the row is imported).
- Dates: Excel dates, serial numbers, "1990.3.7", "1990/3/7", "1990-03-07", "1990年3月7日",
  "19900307"; "1990年3月" and "1990.03" (出生年月) give the month only.
- Names: width-normalised; spaces inside an all-Chinese name ("张  三", typed to line up
  two-character names) are dropped. A "name" starting with = + - @, holding digits, < or >,
  or longer than 30 characters is refused: it is a formula or another column's value.
- Yes/no columns: 是/否, Y/N, yes/no, 1/0, √/×, TRUE/FALSE, 有/无 (for 独居: 是);
  an empty cell means "not stated" and never changes what the registry holds.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from db.enums import Gender, Relation, ResidentKind
from desktop.tables import cell_text

MAX_NAME = 30
MAX_GRID = 32
_EXCEL_EPOCH = date(1899, 12, 30)
_SCIENTIFIC = re.compile(r"^\d(\.\d+)?e\+?\d+$", re.IGNORECASE)
_CJK = re.compile(r"^[\u3400-\u9fff\s·•]+$")
_PHONE_SPLIT = re.compile(r"[/、,;，；|]|\s{2,}")
_PHONE_JUNK = re.compile(r"[\s\-()（）.]")
_DATE = re.compile(r"^(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*(?:[.\-/月]\s*(\d{1,2})\s*日?|月?)$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SPACES = re.compile(r"\s+")
# What people type before a number to keep Excel from making it a number ('110…, `110…, ‘110…),
# or a label left in the cell ("身份证：110…").
_ID_LABEL = re.compile(r"^(?:['`‘’\"“]+|[\u3400-\u9fff]{1,8}\s*[:：]\s*)")
# An extension after a landline: 010-65123456转8001, 65123456-8001 (ext.).
_EXTENSION = re.compile(r"(?:转|分机|ext\.?|x)\s*\d{1,6}$", re.IGNORECASE)

YES = frozenset({"是", "y", "yes", "1", "√", "✓", "✔", "true", "有", "对"})
NO = frozenset({"否", "n", "no", "0", "×", "✗", "x", "false", "无", "不是"})

GENDERS = {
    "男": Gender.MALE,
    "男性": Gender.MALE,
    "m": Gender.MALE,
    "male": Gender.MALE,
    "女": Gender.FEMALE,
    "女性": Gender.FEMALE,
    "f": Gender.FEMALE,
    "female": Gender.FEMALE,
}

KINDS = {
    ResidentKind.OWNER: ("业主", "户籍", "常住", "自有", "房主", "户籍人口", "常住人口", "owner"),
    ResidentKind.TENANT: ("租户", "租住", "流动", "租客", "暂住", "流动人口", "承租", "tenant"),
    ResidentKind.COLLECTIVE: ("集体户", "集体", "collective"),
}

RELATIONS = {
    Relation.HEAD: ("户主", "本人", "head", "self"),
    Relation.SPOUSE: ("配偶", "妻", "妻子", "夫", "丈夫", "老伴", "爱人", "spouse"),
    Relation.CHILD: ("子", "女", "儿子", "女儿", "子女", "长子", "次子", "长女", "次女", "养子")
    + ("养女", "儿媳", "女婿", "child"),
    Relation.PARENT: ("父亲", "母亲", "父母", "父", "母", "岳父", "岳母", "公公", "婆婆", "parent"),
    Relation.GRANDCHILD: ("孙子", "孙女", "外孙", "外孙女", "孙", "grandchild"),
    Relation.GRANDPARENT: ("祖父", "祖母", "外祖父", "外祖母", "爷爷", "奶奶", "姥姥", "姥爷")
    + ("grandparent",),
    Relation.SIBLING: ("兄", "弟", "姐", "妹", "哥哥", "弟弟", "姐姐", "妹妹", "兄弟姐妹")
    + ("sibling",),
    Relation.OTHER: ("其他", "其它", "保姆", "亲属", "other"),
}
_KIND_WORDS = {word: kind for kind, words in KINDS.items() for word in words}
_RELATION_WORDS = {word: rel for rel, words in RELATIONS.items() for word in words}


class IdCellError(ValueError):
    """An ID number cell Excel turned into a number; `digits` is what it shows now."""

    def __init__(self, digits: str) -> None:
        super().__init__("the ID number was stored as a number and lost digits")
        self.digits = digits


def id_text(value: object) -> str:
    """The ID number of a cell as text; IdCellError when Excel had made it a number."""
    if isinstance(value, float) or (isinstance(value, int) and not isinstance(value, bool)):
        digits = cell_text(value)
        # A double keeps 15 significant digits: 15-digit numbers survive, 18-digit ones do not.
        if isinstance(value, float) and len(digits) > 15:
            raise IdCellError(digits)
        return digits
    text = _ID_LABEL.sub("", cell_text(value))
    if _SCIENTIFIC.match(text.replace(" ", "")):
        raise IdCellError(cell_text(_scientific_digits(text)))
    return text


def _scientific_digits(text: str) -> float | str:
    try:
        return float(text)
    except ValueError:
        return text


def clean_name(value: object) -> tuple[str, bool]:
    """(name, acceptable). An all-Chinese name loses inner spaces; others keep single ones."""
    name = _SPACES.sub(" ", cell_text(value))
    if _CJK.match(name):
        name = name.replace(" ", "")
    bad = (
        name.startswith(("=", "+", "-", "@"))
        or any(ch.isdigit() or ch in "<>" for ch in name)
        or len(name) > MAX_NAME
    )
    return name, not bad


def phone_digits(value: object) -> str | None:
    """The phone as digits, "" for an empty cell, None when the cell is not a phone."""
    text = cell_text(value)
    if not text:
        return ""
    for part in _PHONE_SPLIT.split(text):
        number = _one_phone(part)
        if number:
            return number
    return None


def _one_phone(text: str) -> str | None:
    text = _PHONE_JUNK.sub("", _EXTENSION.sub("", text.strip()))
    if text.startswith("+"):
        text = text[1:]
    if not text.isascii() or not text.isdigit():
        return None
    for prefix in ("0086", "86"):
        if len(text) == 11 + len(prefix) and text.startswith(prefix) and text[len(prefix)] == "1":
            return text[len(prefix) :]
    if len(text) == 11 and text[0] == "1":
        return text if text[1] in "3456789" else None
    if text[0] == "0" and 10 <= len(text) <= 12:  # area code + local number
        return text
    if 7 <= len(text) <= 8 and text[0] not in "01":  # local landline
        return text
    return None


def parse_date(value: object) -> tuple[date, bool] | None:
    """(date, month_only) from an Excel date, serial number or typed date; None if none."""
    if isinstance(value, datetime):
        return value.date(), False
    if isinstance(value, date):
        return value, False
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value < 80_000:
        return _EXCEL_EPOCH + timedelta(days=int(value)), False
    text = cell_text(value).split(" ")[0]
    match = _COMPACT_DATE.match(text)
    if match is None:
        match = _DATE.match(text)
    if match is None:
        return None
    year, month, day = match.group(1), match.group(2), match.group(3)
    try:
        return date(int(year), int(month), int(day or 1)), day is None
    except ValueError:
        return None


def gender_of(value: object) -> Gender | None:
    return GENDERS.get(cell_text(value).lower())


def kind_of(value: object) -> ResidentKind | None:
    """None for an empty or unknown word (the caller tells them apart)."""
    return _KIND_WORDS.get(cell_text(value).lower().replace(" ", ""))


def relation_of(value: object) -> Relation | None:
    return _RELATION_WORDS.get(cell_text(value).lower().replace(" ", ""))


def flag_of(value: object) -> bool | None:
    """True/False for a yes/no cell, None when it says neither."""
    text = cell_text(value).lower()
    if text in YES:
        return True
    if text in NO:
        return False
    return None


def clean_text(value: object) -> str:
    return _SPACES.sub(" ", cell_text(value)).strip()
