"""A pseudo-terminal that plays a serial device: plug, unplug and replug at a stable path."""

from __future__ import annotations

import contextlib
import errno
import os
import select
import termios
import threading
import tty
from pathlib import Path

_SPEEDS = {
    getattr(termios, f"B{rate}"): rate
    for rate in (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400)
}


class VirtualPort:
    """The device end (master) of a pty pair; drivers open `path` like a real serial port.

    Both ends are raw and the slave stays open here, so the port exists while no driver has it
    open. With `link`, `path` is a symlink that points at the current pty and survives a replug,
    as `/dev/serial/by-id/...` does for a real device. `unplug` closes both ends: a driver
    reading the port gets an I/O error, as with a pulled USB cable.
    """

    def __init__(self, link: str | Path | None = None) -> None:
        self.link = Path(link) if link else None
        self._lock = threading.Lock()
        self._master: int | None = None
        self._slave: int | None = None
        self._pts = ""
        self.plug()

    @property
    def path(self) -> str:
        return str(self.link) if self.link else self._pts

    @property
    def plugged(self) -> bool:
        return self._master is not None

    def plug(self) -> None:
        with self._lock:
            if self._master is not None:
                return
            master, slave = os.openpty()
            tty.setraw(master)
            tty.setraw(slave)
            self._master, self._slave, self._pts = master, slave, os.ttyname(slave)
            if self.link:
                self.link.parent.mkdir(parents=True, exist_ok=True)
                temporary = self.link.with_name(self.link.name + ".new")
                with contextlib.suppress(FileNotFoundError):
                    temporary.unlink()
                temporary.symlink_to(self._pts)
                os.replace(temporary, self.link)

    def unplug(self) -> None:
        with self._lock:
            for fd in (self._master, self._slave):
                if fd is not None:
                    with contextlib.suppress(OSError):
                        os.close(fd)
            self._master = self._slave = None
            if self.link:
                with contextlib.suppress(FileNotFoundError):
                    self.link.unlink()

    close = unplug

    def read(self, size: int = 4096, timeout: float = 0.05) -> bytes:
        """Bytes the driver sent, or b"" after `timeout` (or when unplugged)."""
        master = self._master
        if master is None:
            return b""
        try:
            ready, _, _ = select.select([master], [], [], timeout)
            return os.read(master, size) if ready else b""
        except OSError as exc:
            if exc.errno in (errno.EIO, errno.EBADF):
                return b""
            raise

    def write(self, data: bytes) -> None:
        """Send bytes to the driver; silently dropped while unplugged."""
        view = memoryview(data)
        while view:
            master = self._master
            if master is None:
                return
            try:
                written = os.write(master, view)
            except OSError as exc:
                if exc.errno in (errno.EIO, errno.EBADF):
                    return
                if exc.errno == errno.EAGAIN:
                    select.select([], [master], [], 0.05)
                    continue
                raise
            view = view[written:]

    def baudrate(self) -> int | None:
        """The speed the driver set on the port, or None when unplugged or unknown."""
        slave = self._slave
        if slave is None:
            return None
        try:
            attributes = termios.tcgetattr(slave)
        except termios.error:
            return None
        return _SPEEDS.get(attributes[5])
