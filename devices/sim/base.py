"""The part every simulator shares: a serving thread, faults, and text commands."""

from __future__ import annotations

import random
import threading
import time
from enum import StrEnum

from devices.sim.vport import VirtualPort

GENERIC_HELP = (
    "unplug | replug | garbage | split | badsum | slow SECONDS | fast | clear | help | quit"
)


class Fault(StrEnum):
    GARBAGE = "garbage"  # random bytes before the next reply
    SPLIT = "split"  # replies trickle out in small pieces
    BAD_CHECKSUM = "badsum"  # the next reply has a broken checksum
    SLOW = "slow"  # replies come late (seconds in `Simulator.delay`)


class Simulator:
    """Serves a device protocol on a `VirtualPort` from a daemon thread.

    Subclasses implement `on_bytes` (what the host sent) and may implement `tick` (called every
    loop, for devices that talk unasked) and `device_command` (their own commands). Replies go
    through `send`, which applies the faults. `baudrate`: the speed the device listens at;
    when the driver's port is set to another speed, requests are ignored, as a real device
    hears only noise then. None means any speed.
    """

    name = "simulator"

    def __init__(self, port: VirtualPort, *, baudrate: int | None = None, seed: int = 1) -> None:
        self.port = port
        self.baudrate = baudrate
        self.delay = 0.0
        self.faults: set[Fault] = set()
        self.sent: list[bytes] = []  # every reply as written, for tests
        self._rng = random.Random(seed)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.lock = threading.RLock()

    # -- life cycle ------------------------------------------------------------------------
    def start(self) -> Simulator:
        self._thread = threading.Thread(target=self._serve, name=f"sim-{self.name}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
        self.port.close()

    def __enter__(self) -> Simulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _serve(self) -> None:
        while not self._stop.is_set():
            if not self.port.plugged:
                time.sleep(0.05)
                continue
            data = self.port.read(timeout=0.02)
            with self.lock:
                if data and self.hears_host():
                    self.on_bytes(data)
                self.tick()

    def hears_host(self) -> bool:
        return self.baudrate is None or self.port.baudrate() == self.baudrate

    # -- protocol hooks --------------------------------------------------------------------
    def on_bytes(self, data: bytes) -> None:
        """Bytes from the host arrived."""

    def tick(self) -> None:
        """Called about every 20 ms while plugged in."""

    def corrupt(self, reply: bytes) -> bytes:
        """`reply` with a broken checksum; protocols with the checksum elsewhere override."""
        return reply[:-1] + bytes([reply[-1] ^ 0x5A]) if reply else reply

    # -- sending ---------------------------------------------------------------------------
    def send(self, reply: bytes) -> None:
        """Write a reply, applying the faults in force."""
        if Fault.BAD_CHECKSUM in self.faults:
            self.faults.discard(Fault.BAD_CHECKSUM)
            reply = self.corrupt(reply)
        if Fault.GARBAGE in self.faults:
            self.faults.discard(Fault.GARBAGE)
            reply = self.garbage() + reply
        if self.delay:
            time.sleep(self.delay)
        self.sent.append(reply)
        if Fault.SPLIT in self.faults:
            # A handful of pieces with small gaps, as a USB-serial bridge delivers them.
            cuts = sorted(self._rng.sample(range(1, len(reply)), min(len(reply) - 1, 6)))
            for start, end in zip([0, *cuts], [*cuts, len(reply)], strict=True):
                self.port.write(reply[start:end])
                time.sleep(0.01)
        else:
            self.port.write(reply)

    def garbage(self) -> bytes:
        return bytes(self._rng.randrange(256) for _ in range(self._rng.randint(3, 17)))

    # -- commands --------------------------------------------------------------------------
    def command(self, line: str) -> str:
        """Run one text command (interactive or scripted); returns what to print."""
        words = line.split()
        if not words:
            return ""
        verb, args = words[0].lower(), words[1:]
        with self.lock:
            if verb == "unplug":
                self.port.unplug()
                return "unplugged"
            if verb == "replug":
                self.port.plug()
                return f"plugged in at {self.port.path}"
            if verb in (Fault.GARBAGE, Fault.SPLIT, Fault.BAD_CHECKSUM):
                self.faults.add(Fault(verb))
                return f"fault armed: {verb}"
            if verb == "slow":
                self.delay = float(args[0]) if args else 2.0
                return f"replies delayed by {self.delay:g} s"
            if verb == "fast":
                self.delay = 0.0
                return "replies on time"
            if verb == "clear":
                self.faults.clear()
                self.delay = 0.0
                return "faults cleared"
            if verb == "help":
                return f"{GENERIC_HELP}\n{self.device_help()}"
            return self.device_command(verb, args)

    def device_command(self, verb: str, args: list[str]) -> str:
        raise ValueError(f"unknown command: {verb}")

    def device_help(self) -> str:
        return ""
