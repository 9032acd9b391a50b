"""Thermometer simulators: a Modbus RTU slave with GateDesk's register map, and an ASCII unit."""

from __future__ import annotations

import random
import time

from devices.sim.base import Simulator
from devices.sim.vport import VirtualPort
from devices.thermometer import (
    BIT_FAULT,
    BIT_FRESH,
    BIT_TARGET,
    NO_TARGET,
    REG_AMBIENT,
    REG_BODY,
    REG_SEQUENCE,
    REG_STATUS,
    REG_THRESHOLD,
)

FEVER_C = 38.2


def crc16(data: bytes) -> bytes:
    """CRC-16/MODBUS, low byte first, as it goes on the wire."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return crc.to_bytes(2, "little")


class _Measuring(Simulator):
    """What both thermometer simulators share: measuring on command or on a schedule."""

    def __init__(self, port: VirtualPort, *, baudrate: int | None = None, seed: int = 3) -> None:
        super().__init__(port, baudrate=baudrate, seed=seed)
        self._random = random.Random(seed)
        self.auto_every = 0.0
        self._next_auto = 0.0

    def measure(self, value_c: float) -> None:
        raise NotImplementedError

    def tick(self) -> None:
        if self.auto_every and time.monotonic() >= self._next_auto:
            self._next_auto = time.monotonic() + self.auto_every
            fever = self._random.random() < 0.05
            self.measure(FEVER_C if fever else round(self._random.gauss(36.5, 0.2), 1))

    def _normal(self) -> float:
        return round(self._random.gauss(36.5, 0.15), 1)

    def measure_command(self, verb: str, args: list[str]) -> str | None:
        if verb == "measure":
            value = float(args[0]) if args else self._normal()
        elif verb == "normal":
            value = self._normal()
        elif verb == "fever":
            value = float(args[0]) if args else FEVER_C
        elif verb == "auto":
            self.auto_every = 0.0 if args and args[0] == "off" else float(args[0] if args else 5)
            self._next_auto = time.monotonic()
            return f"auto measuring every {self.auto_every:g} s" if self.auto_every else "auto off"
        else:
            return None
        self.measure(value)
        return f"measured {value:.2f} °C"


class ModbusThermometerSimulator(_Measuring):
    """A Modbus RTU slave: function 03 reads, 06 writes register 10; exceptions 01 and 02."""

    name = "thermometer"

    def __init__(
        self,
        port: VirtualPort,
        *,
        slave: int = 1,
        baudrate: int | None = 9600,
        fresh_s: float = 3.0,
        seed: int = 3,
    ) -> None:
        super().__init__(port, baudrate=baudrate, seed=seed)
        self.slave = slave
        self.fresh_s = fresh_s
        self.registers = {
            REG_BODY: NO_TARGET,
            REG_AMBIENT: 2250,
            REG_STATUS: 0,
            REG_SEQUENCE: 0,
            REG_THRESHOLD: 3730,
        }
        self._fresh_until = 0.0
        self._buffer = bytearray()

    # -- the device ----------------------------------------------------------------------------
    def measure(self, value_c: float) -> None:
        with self.lock:
            self.registers[REG_BODY] = round(value_c * 100)
            self.registers[REG_SEQUENCE] = (self.registers[REG_SEQUENCE] + 1) & 0xFFFF
            self.registers[REG_STATUS] = (self.registers[REG_STATUS] | BIT_TARGET) & ~BIT_FAULT
            self._fresh_until = time.monotonic() + self.fresh_s

    def status(self) -> int:
        status = self.registers[REG_STATUS]
        if time.monotonic() < self._fresh_until:
            return status | BIT_FRESH
        return status & ~BIT_FRESH

    # -- the protocol ------------------------------------------------------------------------
    def on_bytes(self, data: bytes) -> None:
        self._buffer += data
        while len(self._buffer) >= 8:
            request = bytes(self._buffer[:8])  # functions 03 and 06 requests are 8 bytes
            if crc16(request[:6]) != request[6:]:
                del self._buffer[:1]  # junk or a broken request: resynchronise
                continue
            del self._buffer[:8]
            if request[0] == self.slave:
                self._answer(request)

    def _answer(self, request: bytes) -> None:
        function = request[1]
        address = int.from_bytes(request[2:4], "big")
        value = int.from_bytes(request[4:6], "big")
        if function == 3:
            addresses = range(address, address + value)
            if not 1 <= value <= 125 or any(a not in self.registers for a in addresses):
                return self._exception(function, 2)
            words = [self.status() if a == REG_STATUS else self.registers[a] for a in addresses]
            body = bytes([self.slave, 3, 2 * value]) + b"".join(w.to_bytes(2, "big") for w in words)
            return self._reply(body)
        if function == 6:
            if address != REG_THRESHOLD:
                return self._exception(function, 2)
            self.registers[REG_THRESHOLD] = value
            return self._reply(request[:6])
        return self._exception(function, 1)

    def _exception(self, function: int, code: int) -> None:
        self._reply(bytes([self.slave, function | 0x80, code]))

    def _reply(self, body: bytes) -> None:
        self.send(body + crc16(body))

    def corrupt(self, reply: bytes) -> bytes:
        return reply[:-2] + bytes([reply[-2] ^ 0xFF, reply[-1]])

    def device_command(self, verb: str, args: list[str]) -> str:
        answer = self.measure_command(verb, args)
        if answer is not None:
            return answer
        if verb == "notarget":
            self.registers[REG_BODY] = NO_TARGET
            self.registers[REG_STATUS] &= ~BIT_TARGET
            return "nobody in front of the sensor"
        if verb == "fault":
            self.registers[REG_STATUS] |= BIT_FAULT
            return "sensor fault"
        if verb == "ok":
            self.registers[REG_STATUS] &= ~BIT_FAULT
            return "sensor works"
        if verb == "ambient":
            self.registers[REG_AMBIENT] = round(float(args[0]) * 100)
            return f"ambient {args[0]} °C"
        raise ValueError(f"unknown command: {verb}")

    def device_help(self) -> str:
        return "measure C | normal | fever [C] | notarget | fault | ok | ambient C | auto S|off"


class AsciiThermometerSimulator(_Measuring):
    """Sends one text line per measurement: `T:36.5` (default) or `36.5C`."""

    name = "thermometer-ascii"

    def __init__(
        self,
        port: VirtualPort,
        *,
        line_format: str = "T:{value:.1f}\r\n",
        baudrate: int | None = None,
        seed: int = 3,
    ) -> None:
        super().__init__(port, baudrate=baudrate, seed=seed)
        self.line_format = line_format

    def measure(self, value_c: float) -> None:
        self.send(self.line_format.format(value=value_c).encode("ascii"))

    def corrupt(self, reply: bytes) -> bytes:
        return b"T:??.?\r\n"

    def device_command(self, verb: str, args: list[str]) -> str:
        answer = self.measure_command(verb, args)
        if answer is not None:
            return answer
        if verb == "format":
            self.line_format = {"t": "T:{value:.1f}\r\n", "c": "{value:.1f}C\r\n"}[args[0].lower()]
            return f"format {self.line_format!r}"
        raise ValueError(f"unknown command: {verb}")

    def device_help(self) -> str:
        return "measure C | normal | fever [C] | auto S|off | format t|c"
