"""Checking and normalising what office staff type into the registry: names, phones, places.

Every refusal is a RegistryError with a stable `code` (translated by the UI) and the form
field it concerns; messages never contain a full ID number or phone.
"""

from __future__ import annotations

import re
import unicodedata

from reports.workbook import is_formula_like

MAX_NAME = 64
MAX_PLACE = 16
MIN_PHONE_DIGITS = 7
MAX_PHONE_DIGITS = 15
_SPACES = re.compile(r"\s+")
_PHONE_JUNK = re.compile(r"[\s\-()（）.]")
# What people append to numbers of places: 3栋, 2单元, 501室, 3号楼.
_PLACE_SUFFIX = re.compile(r"(号楼|栋|幢|楼|单元|室|号)$")


class RegistryError(Exception):
    """An edit that cannot be made. `code` is stable (for translations), `field` names the
    form field to point at ("" for the whole form), `params` fill the message."""

    def __init__(self, code: str, message: str, *, field: str = "", **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.field = field
        self.params = params


def clean_name(raw: str) -> str:
    """A resident's name: width-normalised, single spaces, not empty, not formula-like."""
    name = _SPACES.sub(" ", unicodedata.normalize("NFKC", raw)).strip()
    if not name:
        raise RegistryError("name-missing", "a name is required", field="name")
    if is_formula_like(name) or any(ch in name for ch in "=|<>"):
        raise RegistryError(
            "name-formula", "a name cannot start like a formula or hold = | < >", field="name"
        )
    if len(name) > MAX_NAME:
        raise RegistryError("name-too-long", "the name is too long", field="name", most=MAX_NAME)
    return name


def clean_phone(raw: str, *, field: str = "phone") -> str:
    """A phone number as digits: spaces, dashes and brackets dropped, a +86 prefix removed.
    Empty stays empty (elderly residents often have none)."""
    text = _PHONE_JUNK.sub("", unicodedata.normalize("NFKC", raw))
    if not text:
        return ""
    if text.startswith("+"):
        text = text[1:]
    for prefix in ("0086", "86"):
        if len(text) == 11 + len(prefix) and text.startswith(prefix) and text[len(prefix)] == "1":
            text = text[len(prefix) :]
            break
    if not text.isascii() or not text.isdigit():
        raise RegistryError("phone-bad-chars", "a phone number has only digits", field=field)
    if not MIN_PHONE_DIGITS <= len(text) <= MAX_PHONE_DIGITS:
        raise RegistryError(
            "phone-bad-length",
            "a phone number has 7 to 15 digits",
            field=field,
            least=MIN_PHONE_DIGITS,
            most=MAX_PHONE_DIGITS,
        )
    if len(text) == 11 and text[0] == "1" and text[1] not in "3456789":
        raise RegistryError("phone-bad-mobile", "not a mobile number", field=field)
    return text


def clean_place(raw: str, field: str) -> str:
    """A building, unit or room number: "3栋" → "3", full-width digits made ASCII."""
    text = _SPACES.sub("", unicodedata.normalize("NFKC", raw))
    text = _PLACE_SUFFIX.sub("", text)
    if not text:
        raise RegistryError("address-missing", "building, unit and room are needed", field=field)
    if len(text) > MAX_PLACE or is_formula_like(text):
        raise RegistryError("address-bad", "not a building, unit or room number", field=field)
    return text


def clean_grid(raw: str) -> str:
    grid = _SPACES.sub(" ", unicodedata.normalize("NFKC", raw)).strip()
    if len(grid) > 32 or is_formula_like(grid):
        raise RegistryError("grid-bad", "not a grid name", field="grid")
    return grid


def floor_of(room: str) -> int | None:
    """The floor a room number implies (501 → 5, 1203 → 12), when it is all digits."""
    if room.isdigit() and len(room) >= 3:
        return int(room[:-2])
    return None
