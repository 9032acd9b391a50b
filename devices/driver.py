"""What the device manager expects of a driver, and the errors a driver raises."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from devices.readings import DeviceKind, Reading

Emit = Callable[[Reading], None]


class DeviceGone(Exception):
    """The device cannot be reached (absent, unplugged, port busy): the manager reconnects."""


class Driver(Protocol):
    """A driver owns one device. The manager calls it from that device's worker thread only.

    `open` connects or raises (`DeviceGone`, `OSError`, `serial.SerialException`). `poll` runs one
    bounded cycle (well under a second), hands every reading and protocol event to `emit`, and
    raises one of those errors when the device is lost. Protocol trouble that the next cycle can
    recover from is emitted as a `DeviceEvent`, never raised. `close` never raises. State that
    prevents duplicates (the card on the reader, the last measurement number) lives on the
    driver object and survives a close and reopen.
    """

    kind: DeviceKind
    name: str
    port: str

    def open(self) -> None: ...

    def poll(self, emit: Emit) -> None: ...

    def close(self) -> None: ...
