"""Health-code payloads (健康码) scanned at the gate: the person's ID number and the colour shown.

City health codes differ from city to city; what the gate can use is the ID number inside the
code (as JSON, URL query or `key=value` text) and, if the code says one, its colour. Nothing on
a phone screen is trusted to make a verdict better: the colour can only make it worse (a
screenshot of yesterday's green code must not lift today's red). GateDesk's own signed passes
(`GD1:` prefix) are not health codes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

from db.enums import HealthColor
from desktop.idnumber import IdNumberError, parse

ID_KEYS = frozenset(
    {"id", "idno", "idnumber", "id_number", "idcard", "id_card", "sfzh", "zjhm", "cardno"}
)
COLOR_KEYS = frozenset({"color", "colour", "codecolor", "code_color", "healthcode", "status", "ys"})
_COLORS = {
    "green": HealthColor.GREEN,
    "yellow": HealthColor.YELLOW,
    "red": HealthColor.RED,
    "绿": HealthColor.GREEN,
    "黄": HealthColor.YELLOW,
    "红": HealthColor.RED,
    "绿码": HealthColor.GREEN,
    "黄码": HealthColor.YELLOW,
    "红码": HealthColor.RED,
    "0": HealthColor.GREEN,
    "1": HealthColor.YELLOW,
    "2": HealthColor.RED,
}
_PAIR = re.compile(r"([A-Za-z_]+)\s*[:=：]\s*([^\s,;&|]+)")
MAX_PAYLOAD = 4096


@dataclass(frozen=True, slots=True)
class HealthCode:
    id_number: str = field(repr=False)
    color: HealthColor | None


def read_health_code(text: str) -> HealthCode | None:
    """The ID number and colour of a scanned health code; None when it carries no valid
    resident ID number."""
    text = text.strip()
    if not text or len(text) > MAX_PAYLOAD or text.startswith("GD1:"):
        return None
    fields = _fields(text)
    number = _id_number(fields)
    if number is None:
        return None
    color = next(
        (
            _COLORS[v.strip().lower()]
            for k, v in fields
            if k in COLOR_KEYS and v.strip().lower() in _COLORS
        ),
        None,
    )
    return HealthCode(number, color)


def _fields(text: str) -> list[tuple[str, str]]:
    """(lower-case key, value) pairs found in JSON, a URL's query or key=value text."""
    if text.startswith("{"):
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        if isinstance(data, dict):
            return [(str(k).lower(), str(v)) for k, v in _flatten(data)]
    if "://" in text:
        parts = urlsplit(text)
        query = parse_qsl(parts.query) + parse_qsl(parts.fragment.partition("?")[2])
        return [(k.lower(), v) for k, v in query]
    return [(k.lower(), v) for k, v in _PAIR.findall(text)]


def _flatten(data: dict, depth: int = 0):
    for key, value in data.items():
        if isinstance(value, dict) and depth < 3:
            yield from _flatten(value, depth + 1)
        elif isinstance(value, str | int):
            yield key, value


def _id_number(fields: list[tuple[str, str]]) -> str | None:
    for key, value in fields:
        if key in ID_KEYS:
            try:
                return parse(value).number
            except IdNumberError:
                return None
    return None
