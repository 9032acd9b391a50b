"""Where a ledger row lives: building, unit and room from one address cell or three columns.

Rules:
- Three columns (楼栋, 单元, 房号) win when building and room are filled; "3栋", "3号楼",
  "2单元", "501室" lose their words. A room cell such as "2-501" with no unit column gives
  the unit too.
- One cell: "3-2-501", "3栋2单元501", "3号楼2单元501室", "3幢2-501", "三栋二单元501";
  the community or street before it ("幸福里小区3-2-501", "幸福路12号3栋…") is ignored.
- No unit ("3-501", "3栋501"): the building has one unit, numbered 1.
- Letters are upper-cased (a座 → A), leading zeros of buildings and units dropped (03 → 3).
  Each part has at most 16 characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.tables import cell_text

MAX_PART = 16
DEFAULT_UNIT = "1"
_P = r"([0-9A-Z]+)"
_BUILDING_WORD = r"(?:号楼|栋|幢|座|楼|号)"
_ROOM_WORD = r"(?:室|号|房)?"
_PATTERNS = (
    re.compile(_P + _BUILDING_WORD + r"(?:" + _P + r"单元|" + _P + r"-)" + _P + _ROOM_WORD + "$"),
    re.compile(_P + r"-" + _P + r"-" + _P + _ROOM_WORD + "$"),
    re.compile(_P + r"(?:号楼|栋|幢|座)" + _P + _ROOM_WORD + "$"),
    re.compile(_P + r"-" + _P + _ROOM_WORD + "$"),
)
_DASH_NEAR_WORD = re.compile(r"(?<=[栋幢座楼元号])-|-(?=[栋幢座楼单室])")
_CN_NUMBER = re.compile(r"[一二三四五六七八九十]+(?=号楼|栋|幢|座|单元|楼)")
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
_PART = re.compile(r"^[0-9A-Z][0-9A-Z\-]*$")
_BUILDING_CELL = re.compile(_P + _BUILDING_WORD + "?$")
_UNIT_CELL = re.compile(_P + r"(?:单元|号)?$")
_ROOM_CELL = re.compile(r"(?:" + _P + r"(?:单元|-))?" + _P + _ROOM_WORD + "$")


@dataclass(frozen=True, slots=True)
class Place:
    building: str
    unit: str
    room: str


class AddressError(ValueError):
    """`code` is "address_missing" or "address_bad"."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _cn_number(text: str) -> str:
    """一 → 1, 十二 → 12, 二十 → 20 (the numbers buildings and units have)."""
    if "十" in text:
        tens, _, ones = text.partition("十")
        value = (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0))
        return str(value)
    return "".join(str(_CN_DIGITS[c]) for c in text)


def _compact(value: object) -> str:
    if value is None:
        return ""
    text = "".join(cell_text(value).split()).upper()
    text = text.replace("—", "-").replace("－", "-").replace("_", "-")
    text = _CN_NUMBER.sub(lambda m: _cn_number(m.group(0)), text)
    return _DASH_NEAR_WORD.sub("", text)


def _part(text: str | None, *, strip_zeros: bool) -> str:
    text = text or ""
    if strip_zeros and text.isdigit():
        text = text.lstrip("0") or "0"
    if not _PART.match(text) or len(text) > MAX_PART:
        raise AddressError("address_bad")
    return text


def _place(building: str, unit: str | None, room: str) -> Place:
    return Place(
        building=_part(building, strip_zeros=True),
        unit=_part(unit or DEFAULT_UNIT, strip_zeros=True),
        room=_part(room, strip_zeros=False),
    )


def parse_address(value: object) -> Place:
    """The place of a one-cell address; AddressError when it is empty or unreadable."""
    text = _compact(value)
    if not text:
        raise AddressError("address_missing")
    for number, pattern in enumerate(_PATTERNS):
        match = pattern.search(text)
        if match is None:
            continue
        if number == 0:
            building, unit_a, unit_b, room = match.groups()
            return _place(building, unit_a or unit_b, room)
        if number == 1:
            return _place(*match.groups())
        building, room = match.groups()
        return _place(building, None, room)
    raise AddressError("address_bad")


def place_of(address: object, building: object, unit: object, room: object) -> Place:
    """The place of a row from whichever columns it has (see the module's rules)."""
    b, u, r = _compact(building), _compact(unit), _compact(room)
    if b and r:
        b_match = _BUILDING_CELL.search(b)
        r_match = _ROOM_CELL.search(r)
        if b_match is None or r_match is None:
            raise AddressError("address_bad")
        unit_in_room, room_number = r_match.groups()
        if u:
            u_match = _UNIT_CELL.search(u)
            if u_match is None:
                raise AddressError("address_bad")
            u = u_match.group(1)
        return _place(b_match.group(1), u or unit_in_room, room_number)
    if cell_text(address):
        return parse_address(address)
    if b or r or u:
        # Half an address in the columns and nothing in the address cell.
        combined = "-".join(part for part in (b, u, r) if part)
        try:
            return parse_address(combined)
        except AddressError:
            raise AddressError("address_missing") from None
    raise AddressError("address_missing")
