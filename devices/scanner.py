"""Barcode/QR scanners in USB-COM (serial) mode: one code per CR, LF or CRLF line."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from datetime import UTC, datetime

import serial

from devices.driver import DeviceGone, Emit
from devices.lines import LineReader
from devices.rawlog import log_bytes
from devices.readings import CodeReading, CodeSource, DeviceEvent, DeviceKind, EventKind
from devices.serialport import close_quietly, open_serial

# Control characters a real code may carry: tab, and the GS1 / ISO 15434 separators (GS, RS)
# that scanners send for FNC1 in GS1-128 and GS1 DataMatrix codes.
ALLOWED_CONTROLS = frozenset("\t\x1d\x1e")
TERMINATORS = frozenset(b"\r\n")
MAX_READ = 65536


def decode_code(line: bytes) -> str | None:
    """A scanned line as stripped text: UTF-8, else GB18030 (what Chinese scanners send);
    None when it is no text: undecodable bytes, control characters, unassigned or private-use
    characters."""
    line = line.removeprefix(codecs.BOM_UTF8)
    for encoding in ("utf-8", "gb18030"):
        try:
            text = line.decode(encoding).strip()
        except UnicodeDecodeError:
            continue
        if all(ch.isprintable() or ch in ALLOWED_CONTROLS for ch in text):
            return text
        return None
    return None


def content_ranges(chunk: bytes) -> list[tuple[int, int]]:
    """The (start, end) runs of `chunk` between line terminators: what the raw log leaves out."""
    ranges: list[tuple[int, int]] = []
    start = None
    for index, byte in enumerate(chunk):
        if byte in TERMINATORS:
            if start is not None:
                ranges.append((start, index))
                start = None
        elif start is None:
            start = index
    if start is not None:
        ranges.append((start, len(chunk)))
    return ranges


def _now() -> datetime:
    return datetime.now(UTC)


class SerialScanner:
    """A scanner that presents itself as a serial port and sends each code as a line.

    `baudrate`: 9600 (the usual default) or 115200; `max_length`: longer lines are dropped with
    an "overlong" event; `timeout`: the longest a poll waits for bytes. A code may be an ID
    number or a pass, so the raw log shows where lines end and how long they are, never what
    they say. Port errors (`serial.SerialException`, `OSError`) propagate: the device is gone.
    """

    kind = DeviceKind.SCANNER

    def __init__(
        self,
        name: str,
        port: str,
        *,
        baudrate: int = 9600,
        max_length: int = 4096,
        timeout: float = 0.2,
        clock: Callable[[], datetime] = _now,
    ) -> None:
        self.name = name
        self.port = port
        self.baudrate = baudrate
        self.max_length = max_length
        self.timeout = timeout
        self._clock = clock
        self._serial: serial.Serial | None = None
        self._lines = LineReader(max_length)

    def open(self) -> None:
        self._lines.reset()  # half a line from before an unplug is no code
        self._serial = open_serial(self.port, self.baudrate, timeout=self.timeout, device=self.name)

    def close(self) -> None:
        close_quietly(self._serial)
        self._serial = None
        self._lines.reset()

    def poll(self, emit: Emit) -> None:
        handle = self._serial
        if handle is None:
            raise DeviceGone("not open")
        chunk = handle.read(min(max(handle.in_waiting, 1), MAX_READ))
        if not chunk:
            return
        if handle.in_waiting:  # the rest of a burst that was still arriving
            chunk += handle.read(min(handle.in_waiting, MAX_READ))
        log_bytes(self.name, "rx", chunk, content_ranges(chunk))
        for line in self._lines.feed(chunk):
            if line is None:
                emit(self._event("overlong", f"a line over {self.max_length} bytes was dropped"))
                continue
            if not line.strip():
                continue
            text = decode_code(line)
            if text is None:
                emit(self._event("garbage", f"a line of {len(line)} bytes that is no text"))
            elif text:
                emit(CodeReading(text, CodeSource.SERIAL, self.name, self._clock()))

    def _event(self, code: str, message: str) -> DeviceEvent:
        return DeviceEvent(self.name, EventKind.PROTOCOL_ERROR, self._clock(), code, message)
