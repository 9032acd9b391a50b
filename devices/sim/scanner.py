"""A barcode/QR scanner in USB-COM mode: sends each code as a line, on command or on a schedule.

Commands (besides the generic faults): `scan [--gbk|--utf8] TEXT...`, `terminator cr|lf|crlf`,
`encoding utf-8|gb18030`, `codes A B ...` (the codes `auto` cycles through), `auto SECONDS|off`.
"""

from __future__ import annotations

import codecs
import time
from collections.abc import Iterable

from devices.sim.base import Simulator
from devices.sim.vport import VirtualPort

TERMINATORS = {"cr": b"\r", "lf": b"\n", "crlf": b"\r\n"}
DEMO_CODES = ("GD1:DEMO-PASS-0001", "https://example.org/menu?table=12", "41120219491231002X")
ENCODING_OPTIONS = {"--gbk": "gb18030", "--gb18030": "gb18030", "--utf8": "utf-8"}


def _terminator(name: str) -> bytes:
    try:
        return TERMINATORS[name.lower()]
    except KeyError:
        raise ValueError(f"terminator is one of {', '.join(TERMINATORS)}, not {name!r}") from None


def _encoding(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise ValueError(f"unknown encoding {name!r}") from None


class ScannerSimulator(Simulator):
    """Plays a serial scanner on `port`. `terminator`: "cr", "lf" or "crlf"; `encoding`: how
    texts become bytes ("utf-8", or "gb18030" as Chinese scanners send)."""

    name = "scanner"

    def __init__(
        self,
        port: VirtualPort,
        *,
        terminator: str = "cr",
        encoding: str = "utf-8",
        baudrate: int | None = None,
        seed: int = 5,
    ) -> None:
        super().__init__(port, baudrate=baudrate, seed=seed)
        self.terminator = _terminator(terminator)
        self.encoding = _encoding(encoding)
        self.schedule: list[str] = list(DEMO_CODES)
        self.auto_every = 0.0
        self._next = 0.0
        self._index = 0

    # -- what a scan sends ------------------------------------------------------------------------
    def scan(self, text: str, *, encoding: str | None = None) -> None:
        """Send `text` as one line, with the faults in force."""
        data = text.encode(_encoding(encoding) if encoding else self.encoding)
        with self.lock:
            self.send(data + self.terminator)

    def codes(self, texts: Iterable[str]) -> None:
        """The codes `auto` sends, in turn."""
        texts = [t for t in texts if t]
        if not texts:
            raise ValueError("codes needs at least one code")
        with self.lock:
            self.schedule = texts
            self._index = 0

    def auto(self, seconds: float | None) -> None:
        """Scan the next code of the schedule every `seconds` (None or 0: stop)."""
        if seconds is not None and seconds < 0:
            raise ValueError("auto needs a positive number of seconds")
        with self.lock:
            self.auto_every = seconds or 0.0
            self._next = time.monotonic()

    # -- faults --------------------------------------------------------------------------------
    def garbage(self) -> bytes:
        """A line of junk (control characters and bytes no text encoding has) before the code,
        as a scanner with a wrong baud rate or a noisy cable delivers."""
        junk = [0x00, 0x1B, 0xFF] + [
            self._rng.choice([*range(0x01, 0x09), *range(0x80, 0x100)])
            for _ in range(self._rng.randint(3, 12))
        ]
        self._rng.shuffle(junk)
        return bytes(junk) + self.terminator

    def corrupt(self, reply: bytes) -> bytes:
        """The code damaged in transit: control and invalid bytes in the middle of the line."""
        body = reply.removesuffix(self.terminator)
        middle = len(body) // 2
        return body[:middle] + b"\x00\x1b\xff\xfe" + body[middle:] + self.terminator

    # -- serving -------------------------------------------------------------------------------
    def tick(self) -> None:
        if self.auto_every and self.schedule and time.monotonic() >= self._next:
            self._next = time.monotonic() + self.auto_every
            self.scan(self.schedule[self._index % len(self.schedule)])
            self._index += 1

    def device_command(self, verb: str, args: list[str]) -> str:
        if verb == "scan":
            encoding = None
            while args and args[0].lower() in ENCODING_OPTIONS:
                encoding = ENCODING_OPTIONS[args.pop(0).lower()]
            if not args:
                raise ValueError("scan needs a text: scan [--gbk|--utf8] TEXT")
            self.scan(" ".join(args), encoding=encoding)
            return "scanned"
        if verb == "terminator":
            if not args:
                raise ValueError("terminator cr|lf|crlf")
            self.terminator = _terminator(args[0])
            return f"lines end with {args[0].lower()}"
        if verb == "encoding":
            if not args:
                raise ValueError("encoding utf-8|gb18030")
            self.encoding = _encoding(args[0])
            return f"codes sent as {self.encoding}"
        if verb == "codes":
            self.codes(args)
            return f"{len(self.schedule)} codes for auto"
        if verb == "auto":
            if args and args[0].lower() == "off":
                self.auto(None)
            else:
                self.auto(float(args[0]) if args else 5.0)
            return f"a code every {self.auto_every:g} s" if self.auto_every else "auto off"
        raise ValueError(f"unknown command: {verb}")

    def device_help(self) -> str:
        return (
            "scan [--gbk|--utf8] TEXT | terminator cr|lf|crlf | encoding utf-8|gb18030"
            " | codes A B … | auto SECONDS|off"
        )
