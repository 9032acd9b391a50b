"""A receipt printer that keeps what it is sent and can show it as text."""

from __future__ import annotations

from dataclasses import dataclass, field

from devices.sim.base import Simulator
from devices.sim.vport import VirtualPort

STATUS_ONLINE = b"\x16"
PAPER_OK, PAPER_OUT = b"\x12", b"\x7e"


@dataclass
class PrintedSlip:
    lines: list[str] = field(default_factory=list)
    qr_codes: list[str] = field(default_factory=list)
    cut: bool = False


def parse_escpos(data: bytes) -> list[PrintedSlip]:
    """What a printer would put on paper: text lines and QR payloads, one slip per cut.

    Text is decoded as GB18030, which covers ASCII and what `FS &` Chinese mode prints.
    """
    slips = [PrintedSlip()]
    line = bytearray()

    def finish_line() -> None:
        slips[-1].lines.append(line.decode("gb18030", errors="replace"))
        line.clear()

    i = 0
    while i < len(data):
        byte, two = data[i], data[i : i + 2]
        if byte == 0x0A:
            finish_line()
            i += 1
        elif byte == 0x0D:
            i += 1
        elif two in (b"\x1c&", b"\x1c.", b"\x1b@"):
            i += 2  # Chinese mode on/off, initialise
        elif two == b"\x1d(" and data[i + 2 : i + 3] == b"k":
            size = data[i + 3] + 256 * data[i + 4]
            payload = data[i + 5 : i + 5 + size]
            if payload[:2] == b"1P":  # GS ( k … 31 50 30 data: store the QR's data
                slips[-1].qr_codes.append(payload[3:].decode("utf-8", errors="replace"))
            i += 5 + size
        elif two == b"\x1dV":
            mode = data[i + 2] if i + 2 < len(data) else 0
            i += 4 if mode in (0x41, 0x42) else 3
            if line:
                finish_line()
            slips[-1].cut = True
            slips.append(PrintedSlip())
        elif byte in (0x1B, 0x1D, 0x10):
            i += 3  # ESC a n, ESC E n, GS ! n, DLE EOT n and the like
        else:
            line.append(byte)
            i += 1
    if line:
        finish_line()
    return [s for s in slips if s.lines or s.qr_codes or s.cut]


class PrinterSimulator(Simulator):
    name = "printer"

    def __init__(self, port: VirtualPort, *, baudrate: int | None = None, seed: int = 9) -> None:
        super().__init__(port, baudrate=baudrate, seed=seed)
        self.received = bytearray()
        self.paper_out = False

    def on_bytes(self, data: bytes) -> None:
        self.received += data
        start = 0
        while (pos := data.find(b"\x10\x04", start)) >= 0 and pos + 2 < len(data):
            request = data[pos + 2]
            if request == 4:
                self.send(PAPER_OUT if self.paper_out else PAPER_OK)
            else:
                self.send(STATUS_ONLINE)
            start = pos + 3

    def render(self) -> list[PrintedSlip]:
        return parse_escpos(bytes(self.received))

    def render_text(self) -> str:
        out = []
        for number, slip in enumerate(self.render(), 1):
            out.append(f"--- slip {number}{' (cut)' if slip.cut else ''} ---")
            out += slip.lines
            out += [f"[QR] {code}" for code in slip.qr_codes]
        return "\n".join(out)

    def device_command(self, verb: str, args: list[str]) -> str:
        if verb == "paper":
            self.paper_out = bool(args) and args[0] == "out"
            return "paper out" if self.paper_out else "paper ok"
        if verb == "show":
            return self.render_text()
        if verb == "clear":
            self.received.clear()
            return "cleared"
        raise ValueError(f"unknown command: {verb}")

    def device_help(self) -> str:
        return "show | clear | paper out|ok"
