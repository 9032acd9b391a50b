"""80 mm receipt printers (ESC/POS) through python-escpos: slips with Chinese text and a QR."""

from __future__ import annotations

import contextlib
import queue
import time
import unicodedata
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import UTC, datetime

from escpos.constants import QR_ECLEVEL_M, RT_MASK_NOPAPER, RT_STATUS_PAPER
from escpos.escpos import Escpos
from escpos.exceptions import Error as EscposError
from escpos.printer import Dummy, File, Network, Serial, Usb

from devices.driver import DeviceGone, Emit
from devices.rawlog import log_note
from devices.readings import DeviceEvent, DeviceKind, EventKind

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
        # Level M as on the printed sheets: a creased or rubbed slip still scans.
        dummy.qr(slip.qr, ec=QR_ECLEVEL_M, native=True, size=6, center=False)
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


def _close(device: Escpos) -> None:
    """Close a printer connection even when the device is gone (escpos would flush first and
    fail, and fail again when the object is collected)."""
    try:
        device.close()
    except Exception:
        connection = getattr(device, "_device", None)
        with contextlib.suppress(Exception):
            if connection:
                connection.close()
    device._device = False  # type: ignore[attr-defined]


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
            device: Escpos = Serial(path, baudrate=int(baud or 9600), timeout=0.5, dsrdtr=False)
        elif kind == "network":
            host, _, port = rest.partition(":")
            device = Network(host, port=int(port or 9100), timeout=1)
        elif kind == "usb":
            vendor, _, product = rest.partition(":")
            device = Usb(int(vendor, 16), int(product, 16))
        elif kind == "file":
            device = File(rest)
        else:
            raise ValueError(f"printer connection {spec!r}: unknown kind {kind!r}")
        return cls(spec, device)

    @property
    def device(self) -> Escpos:
        return self._device

    @property
    def answers_status(self) -> bool:
        """Serial and network printers can be asked for their status (DLE EOT)."""
        return isinstance(self._device, Serial | Network)

    def send(self, data: bytes) -> None:
        try:
            self._device.open()
            self._device._raw(data)
        except (EscposError, OSError, ValueError) as exc:
            raise DeviceGone(f"printer {self.spec} not reachable: {exc}") from exc
        finally:
            _close(self._device)
        log_note(self.spec, f"printed {len(data)} bytes")

    def print_slip(self, slip: Slip) -> None:
        self.send(render(slip))


@dataclass
class _Job:
    data: bytes
    done: Future[None]


class PrinterDriver:
    """The printer as a managed device: its worker owns the connection, prints the queued
    slips and asks serial and network printers for their status every few seconds, so an
    unplugged or empty printer shows in the status bar before anyone needs a slip."""

    kind = DeviceKind.PRINTER

    def __init__(
        self,
        name: str,
        spec: str,
        *,
        status_interval: float = 2.0,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.name = name
        self.port = spec
        self.status_interval = status_interval
        self._clock = clock
        self._jobs: queue.Queue[_Job] = queue.Queue()
        self._printer: ReceiptPrinter | None = None
        self._answered = False  # the printer answered a status request since it was opened
        self._misses = 0
        self._paper_out = False
        self._next_status = 0.0

    def submit(self, data: bytes) -> Future[None]:
        """Queue bytes to print; the future ends when they were sent (or failed)."""
        job = _Job(data, Future())
        self._jobs.put(job)
        return job.done

    def open(self) -> None:
        printer = ReceiptPrinter.from_spec(self.port)
        try:
            printer.device.open()
        except (EscposError, OSError, ValueError) as exc:
            raise DeviceGone(f"printer {self.port} not reachable: {exc}") from exc
        self._printer = printer
        self._answered = False
        self._misses = 0
        self._next_status = 0.0

    def close(self) -> None:
        if self._printer is not None:
            _close(self._printer.device)
        self._printer = None

    def poll(self, emit: Emit) -> None:
        if self._printer is None:
            raise DeviceGone("not open")
        try:
            job = self._jobs.get(timeout=0.2)
        except queue.Empty:
            self._check_status(emit)
            return
        if not job.done.set_running_or_notify_cancel():
            return  # the person who asked gave up waiting
        try:
            self._printer.device._raw(job.data)
        except BaseException as exc:
            job.done.set_exception(DeviceGone(f"printing failed: {exc}"))
            raise
        job.done.set_result(None)
        log_note(self.name, f"printed {len(job.data)} bytes")

    def _query_paper(self) -> bytes:
        """DLE EOT 4: one status byte back, or b"" when the printer does not answer."""
        assert self._printer is not None
        device = self._printer.device
        device._raw(RT_STATUS_PAPER)
        connection = device._device  # type: ignore[attr-defined]
        try:
            if isinstance(device, Serial):
                return connection.read(1)
            return connection.recv(1)
        except TimeoutError:
            return b""

    def _check_status(self, emit: Emit) -> None:
        assert self._printer is not None
        now = time.monotonic()
        if not self._printer.answers_status or now < self._next_status:
            return
        self._next_status = now + self.status_interval
        status = self._query_paper()
        if not status:
            self._misses += 1
            if self._answered and self._misses >= 3:
                raise DeviceGone("the printer stopped answering")
            return
        self._answered, self._misses = True, 0
        paper_out = status[0] & RT_MASK_NOPAPER == RT_MASK_NOPAPER
        if paper_out and not self._paper_out:
            emit(DeviceEvent(self.name, EventKind.PAPER_OUT, self._clock(), "paper-out"))
        self._paper_out = paper_out
