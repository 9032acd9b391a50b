"""Thermometers: Modbus RTU units (GateDesk's register map) and ASCII-line units.

Both drivers only report what the sensor says; plausibility and fever are for the rules.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from datetime import UTC, datetime

import minimalmodbus
import serial

from devices.driver import DeviceGone, Emit
from devices.lines import SerialLineDevice
from devices.rawlog import raw_log
from devices.readings import DeviceEvent, DeviceKind, EventKind, TemperatureReading
from devices.serialport import close_quietly, open_serial

# The register map (README "Thermometer register map").
REG_BODY, REG_AMBIENT, REG_STATUS, REG_SEQUENCE, REG_THRESHOLD = 0, 1, 2, 3, 10
NO_TARGET = 0x7FFF
BIT_TARGET, BIT_FRESH, BIT_FAULT = 0x01, 0x02, 0x04
MAX_FAILURES = 5

DEFAULT_PATTERN = r"^\s*(?:T\s*[:=]\s*)?(?P<value>-?\d{2}(?:\.\d{1,2})?)\s*(?:°?\s*C)?\s*$"

Clock = Callable[[], datetime]


def _now() -> datetime:
    return datetime.now(UTC)


class ModbusThermometer:
    """Polls registers 0–3; one reading per new measurement (sequence number, fresh bit)."""

    kind = DeviceKind.THERMOMETER

    def __init__(
        self,
        name: str,
        port: str,
        *,
        baudrate: int = 9600,
        slave: int = 1,
        offset_c: float = 0.0,
        poll_interval: float = 0.25,
        alarm_threshold_c: float | None = None,
        timeout: float = 0.3,
        clock: Clock = _now,
    ) -> None:
        self.name = name
        self.port = port
        self.baudrate = baudrate
        self.slave = slave
        self.offset_c = offset_c
        self.poll_interval = poll_interval
        self.alarm_threshold_c = alarm_threshold_c
        self.timeout = timeout
        self._clock = clock
        self._serial: serial.Serial | None = None
        self._instrument: minimalmodbus.Instrument | None = None
        self._failures = 0
        # Survive a reconnect: the last measurement taken, and conditions already reported.
        self._last_sequence: int | None = None
        self._no_target = False
        self._fault = False

    def open(self) -> None:
        self._serial = open_serial(self.port, self.baudrate, timeout=self.timeout, device=self.name)
        instrument = minimalmodbus.Instrument(self._serial, self.slave)
        instrument.serial.timeout = self.timeout
        instrument.clear_buffers_before_each_transaction = True
        instrument.debug = True
        instrument._print_debug = self._debug  # type: ignore[method-assign]
        self._instrument = instrument
        if self.alarm_threshold_c is not None:
            try:
                instrument.write_register(
                    REG_THRESHOLD, round(self.alarm_threshold_c * 100), functioncode=6
                )
            except minimalmodbus.ModbusException as exc:
                raise DeviceGone(f"alarm threshold not accepted: {exc}") from exc

    def close(self) -> None:
        close_quietly(self._serial)
        self._serial = None
        self._instrument = None

    def poll(self, emit: Emit) -> None:
        if self._instrument is None:
            raise DeviceGone("not open")
        started = time.monotonic()
        try:
            body, ambient, status, sequence = self._instrument.read_registers(
                REG_BODY, 4, functioncode=3
            )
        except minimalmodbus.ModbusException as exc:
            self._failures += 1
            emit(self._event(EventKind.PROTOCOL_ERROR, type(exc).__name__, str(exc)[:160]))
            if self._failures >= MAX_FAILURES:
                raise DeviceGone("the thermometer stopped answering") from exc
        else:
            self._failures = 0
            self._interpret(body, ambient, status, sequence, emit)
        rest = self.poll_interval - (time.monotonic() - started)
        if rest > 0:
            time.sleep(rest)

    def _interpret(self, body: int, ambient: int, status: int, sequence: int, emit: Emit) -> None:
        fault = bool(status & BIT_FAULT)
        if fault != self._fault:
            self._fault = fault
            if fault:
                emit(
                    self._event(
                        EventKind.SENSOR_FAULT, "sensor-fault", "the sensor reports a fault"
                    )
                )
            else:
                emit(self._event(EventKind.NOTICE, "sensor-ok", "the sensor works again"))
        no_target = body == NO_TARGET or not status & BIT_TARGET
        if no_target and not self._no_target:
            emit(self._event(EventKind.NO_TARGET, "no-target", "nobody in front of the sensor"))
        self._no_target = no_target
        new = sequence != self._last_sequence
        self._last_sequence = sequence
        if not new or fault or body == NO_TARGET or not status & BIT_FRESH:
            return  # (the first poll after start emits only a measurement still fresh)
        raw = body / 100
        emit(
            TemperatureReading(
                value_c=round(raw + self.offset_c, 2),
                measured_at=self._clock(),
                device=self.name,
                raw_c=raw,
                ambient_c=ambient / 100,
                sequence=sequence,
            )
        )

    def _debug(self, text: str) -> None:
        """minimalmodbus's debug lines: the bytes sent and received go to the raw log."""
        for prefix, direction in (("Will write", "tx"), ("Response from", "rx")):
            if text.startswith(prefix):
                hex_part = text.partition("): ")[2] or text.partition(": ")[2]
                raw_log.debug("%s %s %s", self.name, direction, hex_part.split(" (")[0].lower())

    def _event(self, kind: EventKind, code: str, message: str) -> DeviceEvent:
        return DeviceEvent(self.name, kind, self._clock(), code, message)


class AsciiThermometer(SerialLineDevice):
    """Desk and handheld units that send a line per measurement, e.g. `T:36.5` or `36.5C`."""

    kind = DeviceKind.THERMOMETER

    def __init__(
        self,
        name: str,
        port: str,
        *,
        baudrate: int = 9600,
        pattern: str | None = None,
        offset_c: float = 0.0,
        clock: Clock = _now,
    ) -> None:
        super().__init__(name, port, baudrate, 256)
        self.pattern = re.compile(pattern or DEFAULT_PATTERN)
        self.offset_c = offset_c
        self._clock = clock

    def poll(self, emit: Emit) -> None:
        for line in self.read_lines(private=False):
            if line is None:
                emit(self._event("overlong", "a line longer than 256 bytes was dropped"))
                continue
            text = line.decode("ascii", errors="replace").strip()
            if not text:
                continue
            match = self.pattern.match(text)
            value = match.group("value") if match and "value" in match.re.groupindex else None
            if match and value is None and match.re.groups:
                value = match.group(1)
            try:
                raw = float(value) if value is not None else None
            except ValueError:
                raw = None
            if raw is None:
                emit(self._event("unparsed", f"not a temperature: {text[:40]!r}"))
                continue
            emit(
                TemperatureReading(
                    round(raw + self.offset_c, 2), self._clock(), self.name, raw_c=raw
                )
            )

    def _event(self, code: str, message: str) -> DeviceEvent:
        return DeviceEvent(self.name, EventKind.PROTOCOL_ERROR, self._clock(), code, message)
