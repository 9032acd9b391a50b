"""Opening serial ports the same way for every driver."""

from __future__ import annotations

import contextlib

import serial

from devices.driver import DeviceGone
from devices.rawlog import log_note

try:  # POSIX ports fail with termios.error (not an OSError) when the device is pulled out
    from termios import error as _termios_error

    PORT_ERRORS: tuple[type[BaseException], ...] = (
        DeviceGone,
        serial.SerialException,
        OSError,
        _termios_error,
    )
except ImportError:  # Windows
    PORT_ERRORS = (DeviceGone, serial.SerialException, OSError)


def open_serial(
    port: str, baudrate: int, *, timeout: float = 0.2, device: str = ""
) -> serial.Serial:
    """Open `port` 8N1 with bounded read and write timeouts; `DeviceGone` when it cannot be."""
    if not port:
        raise DeviceGone("no port configured")
    try:
        handle = serial.Serial(
            port,
            baudrate=baudrate,
            bytesize=serial.EIGHTBITS,
            parity=serial.PARITY_NONE,
            stopbits=serial.STOPBITS_ONE,
            timeout=timeout,
            write_timeout=1.0,
            exclusive=True,
        )
    except (serial.SerialException, OSError, ValueError) as exc:
        raise DeviceGone(f"cannot open {port}: {exc}") from exc
    log_note(device or port, f"opened {port} at {baudrate} baud")
    return handle


def close_quietly(handle: serial.Serial | None) -> None:
    if handle is None:
        return
    with contextlib.suppress(serial.SerialException, OSError):
        handle.close()
