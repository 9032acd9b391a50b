"""Text lines from serial devices: CR, LF or CRLF, in any chunking."""

from __future__ import annotations

import serial

from devices.driver import DeviceGone
from devices.rawlog import log_bytes
from devices.serialport import close_quietly, open_serial


class LineReader:
    """Cuts CR, LF or CRLF lines out of a byte stream (a CRLF split across reads is one end)."""

    def __init__(self, max_length: int = 4096) -> None:
        self.max_length = max_length
        self._buffer = bytearray()
        self._after_cr = False
        self._overlong = False

    def reset(self) -> None:
        self._buffer.clear()
        self._after_cr = False
        self._overlong = False

    def feed(self, data: bytes) -> list[bytes | None]:
        """Complete lines; None stands for a line that grew too long and was dropped."""
        lines: list[bytes | None] = []
        for byte in data:
            if byte == 0x0A and self._after_cr:
                self._after_cr = False
                continue
            self._after_cr = byte == 0x0D
            if byte in (0x0D, 0x0A):
                lines.append(None if self._overlong else bytes(self._buffer))
                self._buffer.clear()
                self._overlong = False
            elif len(self._buffer) >= self.max_length:
                self._overlong = True
                self._buffer.clear()
            elif not self._overlong:
                self._buffer.append(byte)
        return lines


class SerialLineDevice:
    """The part of a line-sending device's driver (scanner, ASCII thermometer) that is the same:
    the port, and complete lines out of whatever the reads bring."""

    def __init__(self, name: str, port: str, baudrate: int, max_length: int) -> None:
        self.name = name
        self.port = port
        self.baudrate = baudrate
        self._serial: serial.Serial | None = None
        self._lines = LineReader(max_length)

    def open(self) -> None:
        self._serial = open_serial(self.port, self.baudrate, timeout=0.2, device=self.name)
        self._lines.reset()  # half a line from before an unplug is no line

    def close(self) -> None:
        close_quietly(self._serial)
        self._serial = None

    def read_lines(self, *, private: bool) -> list[bytes | None]:
        """Lines completed by this read (None: one too long, dropped). With `private`, the raw
        log gets the length of the bytes, not the bytes."""
        if self._serial is None:
            raise DeviceGone("not open")
        chunk = self._serial.read(self._serial.in_waiting or 1)
        if not chunk:
            return []
        log_bytes(self.name, "rx", chunk, [(0, len(chunk))] if private else ())
        return self._lines.feed(chunk)
