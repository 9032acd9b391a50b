"""Serial ports on this PC, with the USB ids a technician recognises, and auto-probing."""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from serial.tools import list_ports

from devices.driver import DeviceGone, Driver, Emit
from devices.readings import DeviceKind

# USB-serial bridges that ID-card readers, scanners and thermometers are built on.
KNOWN_BRIDGES: dict[tuple[int, int], str] = {
    (0x1A86, 0x7523): "CH340",
    (0x1A86, 0x5523): "CH341",
    (0x1A86, 0x55D4): "CH9102",
    (0x10C4, 0xEA60): "CP210x",
    (0x0403, 0x6001): "FTDI FT232",
    (0x0403, 0x6015): "FTDI FT231X",
    (0x067B, 0x2303): "PL2303",
}


@dataclass(frozen=True, slots=True)
class PortInfo:
    device: str
    description: str = ""
    vid: int | None = None
    pid: int | None = None
    manufacturer: str = ""
    serial_number: str = ""

    @property
    def usb_id(self) -> str:
        """`1a86:7523`, or "" for a port that is not USB."""
        if self.vid is None or self.pid is None:
            return ""
        return f"{self.vid:04x}:{self.pid:04x}"

    @property
    def bridge(self) -> str:
        if self.vid is None or self.pid is None:
            return ""
        return KNOWN_BRIDGES.get((self.vid, self.pid), "")

    def label(self) -> str:
        """One line for a port list: path, USB id, chip and description."""
        parts = [self.device]
        if self.usb_id:
            parts.append(f"[{self.usb_id}]")
        if self.bridge:
            parts.append(self.bridge)
        if self.description and self.description not in ("n/a", self.device):
            parts.append(self.description)
        return " ".join(parts)


def list_serial_ports(extra: Iterable[str] = ()) -> list[PortInfo]:
    """The serial ports present now, USB ones first, plus `extra` paths (simulators)."""
    found = [
        PortInfo(
            p.device,
            p.description or "",
            p.vid,
            p.pid,
            p.manufacturer or "",
            p.serial_number or "",
        )
        for p in list_ports.comports()
    ]
    known = {p.device for p in found}
    for path in sorted(glob.glob("/dev/serial/by-id/*")):
        target = os.path.realpath(path)
        match = next((p for p in found if p.device == target), None)
        if match and path not in known:
            found.append(PortInfo(path, match.description, match.vid, match.pid))
            known.add(path)
    for path in extra:
        if path not in known and os.path.exists(path):
            found.append(PortInfo(path))
            known.add(path)
    found.sort(key=lambda p: (p.vid is None, p.device))
    return found


def auto_candidates() -> list[str]:
    """Ports worth probing for a device: USB-serial bridges first, then other USB ports."""
    ports = [p for p in list_serial_ports() if p.vid is not None]
    ports.sort(key=lambda p: (not p.bridge, p.device))
    return [p.device for p in ports]


class AutoPortDriver:
    """Wraps a driver factory and finds the port by trying each candidate until one opens.

    Works for devices that answer (ID-card readers, Modbus thermometers); a scanner or an
    ASCII thermometer says nothing until used, so it needs its port chosen.
    """

    def __init__(
        self,
        kind: DeviceKind,
        name: str,
        factory: Callable[[str], Driver],
        candidates: Callable[[], list[str]] = auto_candidates,
    ) -> None:
        self.kind = kind
        self.name = name
        self.port = "auto"
        self._factory = factory
        self._candidates = candidates
        self._inner: Driver | None = None

    def open(self) -> None:
        tried: list[str] = []
        for port in self._candidates():
            driver = self._inner if self._inner and self._inner.port == port else None
            driver = driver or self._factory(port)
            try:
                driver.open()
            except Exception as exc:  # whatever one port does, try the next
                driver.close()
                tried.append(f"{port}: {exc}")
                continue
            self._inner = driver
            self.port = port
            return
        self.port = "auto"
        raise DeviceGone("no device answered on " + (", ".join(tried) or "any port"))

    def poll(self, emit: Emit) -> None:
        if self._inner is None:
            raise DeviceGone("not open")
        self._inner.poll(emit)

    def close(self) -> None:
        if self._inner is not None:
            self._inner.close()
