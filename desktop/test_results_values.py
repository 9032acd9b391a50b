"""Reading the cells of a result list: result words and sample times as offices write them."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta, tzinfo

from db.enums import NucleicOutcome

_WORDS: dict[str, NucleicOutcome] = {
    **dict.fromkeys(
        ("阴性", "阴", "-", "negative", "neg", "未检出", "阴性-"), NucleicOutcome.NEGATIVE
    ),
    **dict.fromkeys(("阳性", "阳", "+", "positive", "pos", "阳性+"), NucleicOutcome.POSITIVE),
    **dict.fromkeys(
        (
            "待出",
            "检测中",
            "pending",
            "待检测",
            "待出结果",
            "未出结果",
            "结果未出",
            "复检中",
            "待复检",
            "复核中",
        ),
        NucleicOutcome.PENDING,
    ),
    # A spoiled sample is a result of its own, not a typo: it must be taken again.
    **dict.fromkeys(("无效", "样本无效", "invalid"), NucleicOutcome.INVALID),
}
_BRACKETS = re.compile(r"[\s()\[\]【】]")

# 2022-04-01 08:30[:15], 2022/4/1 8:30, 2022.4.1, 2022年4月1日 8时30分, 2022-04-01T08:30:00
_DATE_TIME = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[T\s]*(\d{1,2})\s*[:时点]\s*(?:(\d{1,2})\s*分?)?(?:[:]\s*(\d{1,2})(?:\.\d+)?\s*秒?)?)?$"
)
# 20220401, 20220401 0830, 20220401083015
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:\s*(\d{2}):?(\d{2})(?::?(\d{2}))?)?$")
_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")
# Excel's day 0 (its serials count from 1900-01-01 = 1, with the 1900 leap-year bug).
_EXCEL_EPOCH = datetime(1899, 12, 30)
_SERIAL_RANGE = (20000, 80000)  # 1954 .. 2119: anything else is not a sample date


def parse_outcome(value: object) -> NucleicOutcome | None:
    """阴性/阴/-/negative → NEGATIVE, 阳性/+ → POSITIVE, 待出/检测中 → PENDING, 无效 → INVALID;
    None for an empty cell. Raises ValueError for any other word."""
    if value is None:
        return None
    text = unicodedata.normalize("NFKC", str(value)).strip().lower()
    if not text:
        return None
    key = _BRACKETS.sub("", text)
    if key in _WORDS:
        return _WORDS[key]
    raise ValueError(text)


def _serial(number: float) -> datetime:
    if not _SERIAL_RANGE[0] < number < _SERIAL_RANGE[1]:
        raise ValueError(number)
    moment = _EXCEL_EPOCH + timedelta(days=number)
    # Serials carry float noise: 08:30 comes back as 08:29:59.99999.
    return (moment + timedelta(milliseconds=500)).replace(microsecond=0)


def _from_parts(parts: tuple[str | None, ...]) -> datetime:
    year, month, day, hour, minute, second = (int(p) if p else 0 for p in parts)
    return datetime(year, month, day, hour, minute, second)


def _local(moment: datetime | date, zone: tzinfo) -> datetime:
    if not isinstance(moment, datetime):
        return datetime.combine(moment, time(0), tzinfo=zone)
    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment.replace(tzinfo=zone)
    return moment


def parse_sample_time(value: object, zone: tzinfo) -> datetime | None:
    """An aware sample time from a cell: a datetime or date, an Excel serial, or text such as
    "2022-04-01 08:30", "2022/4/1 8:30", "2022年4月1日"; a date alone means local midnight.
    Naive values are local to `zone`. None for an empty cell; ValueError when unreadable."""
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return _local(value, zone)
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        if isinstance(value, int) and 19000101 <= value <= 21001231:
            return _local(_from_parts(_COMPACT.match(str(value)).groups()), zone)
        return _local(_serial(float(value)), zone)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text:
        return None
    if _SERIAL.match(text):
        return _local(_serial(float(text)), zone)
    match = _DATE_TIME.match(text) or _COMPACT.match(text)
    if match:
        return _local(_from_parts(match.groups()), zone)
    try:
        return _local(datetime.fromisoformat(text), zone)
    except ValueError:
        raise ValueError(text) from None
