"""Frozen values that devices hand to the rest of GateDesk, safe to pass between threads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
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
    kind: DeviceKind
    name: str
    state: ConnectionState
    simulated: bool = False
    detail: str = ""


@dataclass(frozen=True, slots=True)
class TemperatureReading:
    value_c: float
    measured_at: datetime
    device: str
