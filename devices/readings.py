"""Frozen values that devices hand to the rest of GateDesk, safe to pass between threads.

Personal fields are left out of `repr` so a reading can be logged without leaking them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class DeviceKind(StrEnum):
    ID_READER = "id-reader"
    SCANNER = "scanner"
    THERMOMETER = "thermometer"
    CAMERA = "camera"
    PRINTER = "printer"


class ConnectionState(StrEnum):
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"
    ERROR = "error"
    NOT_CONFIGURED = "not-configured"


@dataclass(frozen=True, slots=True)
class DeviceState:
    """Where one device stands; `detail` says why when it is not connected."""

    kind: DeviceKind
    name: str
    state: ConnectionState
    simulated: bool = False
    detail: str = ""
    port: str = ""


class CardType(StrEnum):
    """The card layouts a GA 467 reader returns, told apart by the flag at text byte 248."""

    RESIDENT = "resident"  # 居民身份证
    FOREIGN_PERMANENT = "foreign-permanent"  # 外国人永久居留身份证, flag "I"
    GAT_RESIDENCE = "gat-residence"  # 港澳台居民居住证, flag "J"
    FOREIGN_PERMANENT_2023 = "foreign-permanent-2023"  # 2023 版外国人永久居留身份证, flag "Y"


@dataclass(frozen=True, slots=True)
class IdCardReading:
    """One card read by an ID-card reader. `valid_to` is None when the card is `长期`."""

    device: str
    read_at: datetime
    card_type: CardType
    id_number: str = field(repr=False)
    name: str = field(repr=False)
    gender: str = ""  # "1" male, "2" female, as on the card
    nation: str = ""  # GB 3304 code ("01" = 汉); nationality code on foreign cards
    birth_date: date | None = field(default=None, repr=False)
    address: str = field(default="", repr=False)
    authority: str = ""
    valid_from: date | None = None
    valid_to: date | None = None
    long_term: bool = False
    photo: bytes | None = field(default=None, repr=False)  # WLT, only when configured


class CodeSource(StrEnum):
    WEDGE = "wedge"
    SERIAL = "serial"
    CAMERA = "camera"


@dataclass(frozen=True, slots=True)
class CodeReading:
    """A code from a scanner: a pass, a city health code, an ID number, or junk."""

    text: str = field(repr=False)
    source: CodeSource
    device: str
    read_at: datetime


@dataclass(frozen=True, slots=True)
class TemperatureReading:
    """A body temperature. `value_c` includes the configured offset; `raw_c` does not."""

    value_c: float
    measured_at: datetime
    device: str
    raw_c: float | None = None
    ambient_c: float | None = None
    sequence: int | None = None


class EventKind(StrEnum):
    """Things a device reports that are neither a reading nor a change of connection."""

    PROTOCOL_ERROR = "protocol-error"  # bad checksum, garbage, length error, timeout
    CARD_ERROR = "card-error"  # the reader reported a failing status word
    UNSUPPORTED_CARD = "unsupported-card"
    NO_TARGET = "no-target"  # thermometer: nobody in front of the sensor
    SENSOR_FAULT = "sensor-fault"
    PAPER_OUT = "paper-out"  # receipt printer
    NOTICE = "notice"  # e.g. baud rate found by probing


@dataclass(frozen=True, slots=True)
class DeviceEvent:
    device: str
    kind: EventKind
    at: datetime
    code: str = ""  # machine-readable, e.g. "sw3-41", "checksum"
    message: str = ""  # English, for logs and the technician's CLI; no personal data


Reading = IdCardReading | CodeReading | TemperatureReading | DeviceState | DeviceEvent
