"""80 mm receipt printers (ESC/POS) through python-escpos: slips with Chinese text and a QR."""

from __future__ import annotations

import contextlib
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from escpos.escpos import Escpos
from escpos.exceptions import Error as EscposError
from escpos.printer import Dummy, File, Network, Serial, Usb

from devices.driver import DeviceGone
from devices.rawlog import log_note

COLUMNS = 48  # 80 mm paper, font A
INIT = b"\x1b@"
CHINESE_ON, CHINESE_OFF = b"\x1c&", b"\x1c."
ALIGN = {"left": b"\x1ba\x00", "center": b"\x1ba\x01"}
DOUBLE_ON, DOUBLE_OFF = b"\x1d!\x11", b"\x1d!\x00"
BOLD_ON, BOLD_OFF = b"\x1bE\x01", b"\x1bE\x00"


@dataclass(frozen=True, slots=True)
class Slip:
    title: str
    lines: tuple[str, ...] = ()
    qr: str | None = None
    footer: str = ""
    printed_at: datetime = field(default_factory=datetime.now)


def width(text: str) -> int:
    """Columns the text takes on the printer: CJK and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, columns: int = COLUMNS) -> list[str]:
    lines, current, used = [], "", 0
    for ch in text:
        w = width(ch)
        if used + w > columns:
            lines.append(current)
            current, used = "", 0
        current += ch
        used += w
    lines.append(current)
    return lines


def _text_line(text: str) -> bytes:
    return CHINESE_ON + text.encode("gb18030", errors="replace") + CHINESE_OFF + b"\n"


def render(slip: Slip) -> bytes:
    """The ESC/POS bytes of a slip: title, lines, QR (native GS ( k), footer, cut."""
    out = bytearray(INIT)
    out += ALIGN["center"] + BOLD_ON + DOUBLE_ON
    for line in wrap(slip.title, COLUMNS // 2):
        out += _text_line(line)
    out += DOUBLE_OFF + BOLD_OFF + ALIGN["left"]
    for text in slip.lines:
        for line in wrap(text):
            out += _text_line(line)
    if slip.qr:
        dummy = Dummy()
        dummy.qr(slip.qr, native=True, size=6, center=False)
        out += ALIGN["center"] + dummy.output + b"\n" + ALIGN["left"]
    if slip.footer:
        for line in wrap(slip.footer):
            out += _text_line(line)
    out += _text_line(slip.printed_at.strftime("%Y-%m-%d %H:%M"))
    cut = Dummy()
    cut.cut()
    out += cut.output
    return bytes(out)


def sample_slip(now: datetime | None = None) -> Slip:
    moment = now or datetime.now()
    return Slip(
        title="GateDesk 打印测试",
        lines=("社区卡口登记台", "如能看到这几行中文和下面的二维码，打印机工作正常。"),
        qr=f"GATEDESK-PRINT-TEST {moment:%Y%m%d%H%M%S}",
        footer="测试单 · 不作通行凭证",
        printed_at=moment,
    )


class ReceiptPrinter:
    """A printer from a connection spec: serial:PATH[@BAUD], network:HOST[:PORT],
    usb:VID:PID (hex) or file:PATH."""

    def __init__(self, spec: str, device: Escpos) -> None:
        self.spec = spec
        self._device = device

    @classmethod
    def from_spec(cls, spec: str) -> ReceiptPrinter:
        kind, _, rest = spec.partition(":")
        if not rest:
            raise ValueError(f"printer connection {spec!r}: use serial:, network:, usb: or file:")
        if kind == "serial":
            path, _, baud = rest.partition("@")
            device: Escpos = Serial(path, baudrate=int(baud or 9600), timeout=1, dsrdtr=False)
        elif kind == "network":
            host, _, port = rest.partition(":")
            device = Network(host, port=int(port or 9100), timeout=3)
        elif kind == "usb":
            vendor, _, product = rest.partition(":")
            device = Usb(int(vendor, 16), int(product, 16))
        elif kind == "file":
            device = File(rest)
        else:
            raise ValueError(f"printer connection {spec!r}: unknown kind {kind!r}")
        return cls(spec, device)

    def send(self, data: bytes) -> None:
        try:
            self._device.open()
            self._device._raw(data)
        except (EscposError, OSError, ValueError) as exc:
            raise DeviceGone(f"printer {self.spec} not reachable: {exc}") from exc
        finally:
            with contextlib.suppress(Exception):  # closing a device that never opened
                self._device.close()
        log_note(self.spec, f"printed {len(data)} bytes")

    def print_slip(self, slip: Slip) -> None:
        self.send(render(slip))
