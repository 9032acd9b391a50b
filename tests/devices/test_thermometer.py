"""Thermometer drivers against their simulators over pseudo-terminals."""

from __future__ import annotations

import time

import pytest

from devices.driver import DeviceGone
from devices.lines import LineReader
from devices.readings import DeviceEvent, EventKind, TemperatureReading
from devices.serialport import PORT_ERRORS
from devices.sim.thermometer import (
    AsciiThermometerSimulator,
    ModbusThermometerSimulator,
    crc16,
)
from devices.thermometer import AsciiThermometer, ModbusThermometer
from tests.devices.conftest import Collector, poll_until


def test_crc_matches_modbus_examples():
    assert crc16(bytes.fromhex("010300000004")) == bytes.fromhex("4409")
    assert crc16(bytes.fromhex("0103000A0001")) == bytes.fromhex("A408")


@pytest.fixture
def modbus(vport):
    sim = ModbusThermometerSimulator(vport("thermo"), fresh_s=1.0).start()
    yield sim
    sim.stop()


@pytest.fixture
def thermometer(modbus):
    driver = ModbusThermometer(
        "thermometer", modbus.port.path, offset_c=0.3, poll_interval=0.02, timeout=0.15
    )
    driver.open()
    yield driver
    driver.close()


def temps(emitted: Collector) -> list[TemperatureReading]:
    return emitted.of(TemperatureReading)


def events(emitted: Collector, kind: EventKind) -> list[DeviceEvent]:
    return [e for e in emitted.of(DeviceEvent) if e.kind is kind]


def test_a_measurement_is_one_reading_with_the_offset(modbus, thermometer, collector):
    modbus.command("ambient 21.5")
    modbus.command("measure 36.52")
    poll_until(thermometer, collector, lambda: temps(collector))
    for _ in range(10):
        thermometer.poll(collector)
    (reading,) = temps(collector)
    assert reading.raw_c == 36.52
    assert reading.value_c == 36.82
    assert reading.ambient_c == 21.5
    assert reading.sequence == 1


def test_a_stale_measurement_at_start_is_not_reported(modbus, collector):
    modbus.fresh_s = 0.05
    modbus.command("measure 36.6")
    time.sleep(0.1)
    driver = ModbusThermometer("thermometer", modbus.port.path, poll_interval=0.02)
    driver.open()
    try:
        for _ in range(5):
            driver.poll(collector)
        assert temps(collector) == []
    finally:
        driver.close()


def test_no_target_and_fault_are_reported_once(modbus, thermometer, collector):
    for _ in range(5):
        thermometer.poll(collector)
    assert len(events(collector, EventKind.NO_TARGET)) == 1
    modbus.command("fault")
    for _ in range(5):
        thermometer.poll(collector)
    assert len(events(collector, EventKind.SENSOR_FAULT)) == 1
    modbus.command("ok")
    thermometer.poll(collector)
    assert events(collector, EventKind.NOTICE)[-1].code == "sensor-ok"


def test_alarm_threshold_is_written(modbus):
    driver = ModbusThermometer("thermometer", modbus.port.path, alarm_threshold_c=37.5)
    driver.open()
    driver.close()
    assert modbus.registers[10] == 3750


@pytest.mark.parametrize("fault", ["badsum", "garbage", "split"])
def test_faults_are_events_then_recovery(modbus, thermometer, collector, fault):
    modbus.command(fault)
    modbus.command("measure 36.7")
    poll_until(thermometer, collector, lambda: temps(collector))
    assert temps(collector)[0].raw_c == 36.7
    if fault == "badsum":
        assert events(collector, EventKind.PROTOCOL_ERROR)


def test_slow_replies_become_errors_then_the_device_counts_as_gone(modbus, thermometer, collector):
    modbus.command("slow 1.2")  # a device that stopped answering
    with pytest.raises(DeviceGone):
        for _ in range(10):
            thermometer.poll(collector)
    assert len(events(collector, EventKind.PROTOCOL_ERROR)) >= 4


def test_unplug_replug_delivers_the_missed_measurement_once(modbus, thermometer, collector):
    modbus.command("measure 36.5")
    poll_until(thermometer, collector, lambda: temps(collector))
    modbus.command("unplug")
    started = time.monotonic()
    with pytest.raises(PORT_ERRORS):
        for _ in range(50):
            thermometer.poll(collector)
    assert time.monotonic() - started < 2.0
    thermometer.close()
    modbus.command("replug")
    modbus.command("measure 37.0")  # taken while the cable was out
    thermometer.open()
    poll_until(thermometer, collector, lambda: len(temps(collector)) == 2)
    for _ in range(10):
        thermometer.poll(collector)
    assert [t.raw_c for t in temps(collector)] == [36.5, 37.0]


# -- ASCII line thermometers ---------------------------------------------------------------------
@pytest.fixture
def ascii_sim(vport):
    sim = AsciiThermometerSimulator(vport("ascii")).start()
    yield sim
    sim.stop()


@pytest.fixture
def ascii_driver(ascii_sim):
    driver = AsciiThermometer("thermometer", ascii_sim.port.path, offset_c=0.2)
    driver.open()
    yield driver
    driver.close()


@pytest.mark.parametrize("line_format", ["t", "c"])
def test_ascii_formats(ascii_sim, ascii_driver, collector, line_format):
    ascii_sim.command(f"format {line_format}")
    ascii_sim.command("measure 36.4")
    poll_until(ascii_driver, collector, lambda: temps(collector))
    assert temps(collector)[0].raw_c == 36.4
    assert temps(collector)[0].value_c == 36.6


def test_ascii_junk_is_an_event_and_the_next_line_counts(ascii_sim, ascii_driver, collector):
    ascii_sim.port.write(b"HELLO\r\n")
    ascii_sim.command("badsum")
    ascii_sim.command("measure 36.9")
    ascii_sim.command("measure 36.8")
    poll_until(ascii_driver, collector, lambda: temps(collector))
    assert [t.raw_c for t in temps(collector)] == [36.8]
    assert len(events(collector, EventKind.PROTOCOL_ERROR)) == 2


def test_ascii_split_and_garbage(ascii_sim, ascii_driver, collector):
    ascii_sim.command("split")
    ascii_sim.command("measure 36.3")
    poll_until(ascii_driver, collector, lambda: temps(collector))
    assert temps(collector)[0].raw_c == 36.3


def test_ascii_custom_pattern(ascii_sim, collector):
    driver = AsciiThermometer(
        "thermometer", ascii_sim.port.path, pattern=r"TEMP=(?P<value>\d+\.\d)"
    )
    driver.open()
    try:
        ascii_sim.port.write(b"TEMP=36.1\n")
        poll_until(driver, collector, lambda: temps(collector))
        assert temps(collector)[0].raw_c == 36.1
    finally:
        driver.close()


def test_ascii_unplug(ascii_sim, ascii_driver, collector):
    ascii_sim.command("unplug")
    with pytest.raises(PORT_ERRORS):
        for _ in range(20):
            ascii_driver.poll(collector)


def test_line_reader_handles_every_ending():
    reader = LineReader(16)
    assert reader.feed(b"a\rb\nc\r") == [b"a", b"b", b"c"]
    assert reader.feed(b"\nd\r\n") == [b"d"]  # the LF of a split CRLF is not an empty line
    assert reader.feed(b"x" * 40 + b"\nok\n") == [None, b"ok"]
