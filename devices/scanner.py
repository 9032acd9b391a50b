"""Barcode/QR scanners in USB-COM (serial) mode: one code per CR, LF or CRLF line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from devices.driver import Emit
from devices.lines import SerialLineDevice
from devices.readings import CodeReading, CodeSource, DeviceEvent, DeviceKind, EventKind


def decode_code(line: bytes) -> str | None:
    """A scanned line as text (UTF-8, else GB18030); None when it is not text at all."""
    for encoding in ("utf-8", "gb18030"):
        try:
            text = line.decode(encoding)
        except UnicodeDecodeError:
            continue
        if all(ch.isprintable() or ch == "\t" for ch in text):
            return text.strip()
        return None
    return None


class SerialScanner(SerialLineDevice):
    """Reads codes from a scanner that presents itself as a serial port."""

    kind = DeviceKind.SCANNER

    def __init__(
        self,
        name: str,
        port: str,
        *,
        baudrate: int = 9600,
        max_length: int = 4096,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(name, port, baudrate, max_length)
        self._clock = clock

    def poll(self, emit: Emit) -> None:
        # A code may be an ID number or a pass: the raw log gets its length, not its bytes.
        for line in self.read_lines(private=True):
            if line is None:
                emit(self._event("overlong", "a line too long for a code was dropped"))
                continue
            if not line.strip():
                continue
            text = decode_code(line)
            if text is None:
                emit(self._event("garbage", f"{len(line)} bytes that are not text were dropped"))
                continue
            emit(CodeReading(text, CodeSource.SERIAL, self.name, self._clock()))

    def _event(self, code: str, message: str) -> DeviceEvent:
        return DeviceEvent(self.name, EventKind.PROTOCOL_ERROR, self._clock(), code, message)
