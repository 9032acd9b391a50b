"""Chinese resident identity numbers (GB 11643-1999): normalise, validate, convert, derive."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
PROVINCE_CODES = frozenset(
    {
        *range(11, 16),
        *range(21, 24),
        *range(31, 38),
        *range(41, 47),
        *range(50, 55),
        *range(61, 66),
        71,
        81,
        82,
        83,
        91,
    }
)
_EARLIEST_BIRTH = date(1900, 1, 1)
_DROP = str.maketrans("", "", "-")


class IdNumberError(ValueError):
    """An ID number that cannot be accepted; `code` says why (stable, for translations)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class IdNumberInfo:
    number: str
    birth_date: date
    gender: str
    region_code: str
    converted_from_15: bool


def normalize(raw: str) -> str:
    """Full-width to ASCII, whitespace and '-' removed, a lower-case x made upper-case."""
    text = unicodedata.normalize("NFKC", raw)
    return "".join(text.split()).translate(_DROP).upper()


def check_digit(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character of the first 17 digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("check_digit needs exactly 17 digits")
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def convert_15_to_18(num15: str) -> str:
    """The 18-digit form of a legacy 15-digit number (all born 1900-1999)."""
    if len(num15) != 15 or not num15.isascii() or not num15.isdigit():
        raise ValueError("convert_15_to_18 needs exactly 15 digits")
    first17 = num15[:6] + "19" + num15[6:]
    return first17 + check_digit(first17)


def _birth(number: str, today: date) -> date:
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        born = None
    if born is None or born < _EARLIEST_BIRTH or born > today:
        raise IdNumberError("bad_birth_date", "digits 7-14 are not a possible birth date")
    return born


def parse(raw: str, *, today: date | None = None) -> IdNumberInfo:
    """Validate a typed, scanned or read number and say what it encodes.

    Raises IdNumberError with a code: empty, bad_chars, bad_length, bad_region,
    bad_birth_date or bad_check_digit. Messages never contain the number itself.
    """
    number = normalize(raw)
    if not number:
        raise IdNumberError("empty", "no number given")
    body = number[:-1] if len(number) == 18 else number
    if not (body.isascii() and body.isdigit()) or not (
        number[-1].isdigit() or (number[-1] == "X" and len(number) == 18)
    ):
        raise IdNumberError("bad_chars", "only digits and a final X are allowed")
    if len(number) not in (15, 18):
        raise IdNumberError(
            "bad_length", f"an ID number has 18 digits (15 for old cards), not {len(number)}"
        )
    if int(number[:2]) not in PROVINCE_CODES:
        raise IdNumberError("bad_region", "the first two digits are not a province code")
    converted = len(number) == 15
    if converted:
        number = convert_15_to_18(number)
    born = _birth(number, today or date.today())
    if not converted:
        expected = check_digit(number[:17])
        if number[17] != expected:
            raise IdNumberError(
                "bad_check_digit", f"wrong check digit: expected {expected}, found {number[17]}"
            )
    return IdNumberInfo(
        number=number,
        birth_date=born,
        gender="male" if int(number[16]) % 2 else "female",
        region_code=number[:6],
        converted_from_15=converted,
    )


def is_valid(raw: str) -> bool:
    """True when `raw` is an acceptable ID number."""
    try:
        parse(raw)
    except IdNumberError:
        return False
    return True


def make_id_number(region_code: str, birth_date: date, sequence: int) -> str:
    """A valid 18-digit number (sequence 0-999; odd means male), for demo data and tests."""
    if len(region_code) != 6 or not region_code.isdigit():
        raise ValueError("region_code must be 6 digits")
    if not 0 <= sequence <= 999:
        raise ValueError("sequence must be 0..999")
    first17 = f"{region_code}{birth_date:%Y%m%d}{sequence:03d}"
    return first17 + check_digit(first17)
