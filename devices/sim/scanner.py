"""A barcode/QR scanner in USB-COM mode: sends each code as a line."""

from __future__ import annotations

import time

from devices.sim.base import Simulator
from devices.sim.vport import VirtualPort

TERMINATORS = {"cr": b"\r", "lf": b"\n", "crlf": b"\r\n"}


class ScannerSimulator(Simulator):
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
        self.terminator = TERMINATORS[terminator]
        self.encoding = encoding
        self.codes: list[str] = []
        self.auto_every = 0.0
        self._next = 0.0
        self._index = 0

    def scan(self, text: str) -> None:
        self.send(text.encode(self.encoding) + self.terminator)

    def corrupt(self, reply: bytes) -> bytes:
        return bytes([0x00, 0x1B, 0xFF, 0xFE]) + reply

    def garbage(self) -> bytes:
        return bytes(self._rng.randrange(128, 256) for _ in range(9)) + self.terminator

    def tick(self) -> None:
        if self.auto_every and self.codes and time.monotonic() >= self._next:
            self._next = time.monotonic() + self.auto_every
            self.scan(self.codes[self._index % len(self.codes)])
            self._index += 1

    def device_command(self, verb: str, args: list[str]) -> str:
        if verb == "scan":
            self.scan(" ".join(args))
            return "scanned"
        if verb == "terminator":
            self.terminator = TERMINATORS[args[0].lower()]
            return f"lines end with {args[0]}"
        if verb == "encoding":
            self.encoding = args[0]
            return f"codes sent as {args[0]}"
        if verb == "codes":
            self.codes = list(args)
            return f"{len(self.codes)} codes for auto"
        if verb == "auto":
            self.auto_every = 0.0 if args and args[0] == "off" else float(args[0] if args else 5)
            self._next = time.monotonic()
            return f"auto every {self.auto_every:g} s" if self.auto_every else "auto off"
        raise ValueError(f"unknown command: {verb}")

    def device_help(self) -> str:
        return (
            "scan TEXT | terminator cr|lf|crlf | encoding utf-8|gb18030 | codes A B … | auto S|off"
        )
