"""The serial scanner driver against the scanner simulator over a pseudo-terminal."""

from __future__ import annotations

import time

import pytest

from devices.readings import CodeReading, CodeSource, DeviceEvent
from devices.scanner import SerialScanner
from devices.serialport import PORT_ERRORS
from devices.sim.scanner import ScannerSimulator
from tests.devices.conftest import Collector, poll_until


@pytest.fixture
def sim(vport):
    simulator = ScannerSimulator(vport("scanner")).start()
    yield simulator
    simulator.stop()


@pytest.fixture
def scanner(sim):
    driver = SerialScanner("scanner", sim.port.path)
    driver.open()
    yield driver
    driver.close()


def codes(emitted: Collector) -> list[str]:
    return [c.text for c in emitted.of(CodeReading)]


@pytest.mark.parametrize("terminator", ["cr", "lf", "crlf"])
def test_each_line_ending(sim, scanner, collector, terminator):
    sim.command(f"terminator {terminator}")
    sim.command("scan GD1:ABC")
    sim.command("scan 41120219491231002X")
    poll_until(scanner, collector, lambda: len(codes(collector)) == 2)
    assert codes(collector) == ["GD1:ABC", "41120219491231002X"]
    assert collector.of(CodeReading)[0].source is CodeSource.SERIAL
    assert collector.of(DeviceEvent) == []


def test_crlf_split_across_reads_is_one_code(sim, scanner, collector):
    sim.port.write(b"ABC123\r")
    poll_until(scanner, collector, lambda: codes(collector))
    sim.port.write(b"\nDEF456\r\n")
    poll_until(scanner, collector, lambda: len(codes(collector)) == 2)
    time.sleep(0.05)
    scanner.poll(collector)
    assert codes(collector) == ["ABC123", "DEF456"]


def test_gb18030_text(sim, scanner, collector):
    sim.command("encoding gb18030")
    sim.command("scan 建设社区东门")
    poll_until(scanner, collector, lambda: codes(collector))
    assert codes(collector) == ["建设社区东门"]


@pytest.mark.parametrize("fault", ["garbage", "badsum"])
def test_junk_is_an_event_and_the_next_code_comes_through(sim, scanner, collector, fault):
    sim.command(fault)  # garbage: a junk line first; badsum: the code itself arrives broken
    sim.command("scan NEXT-CODE-1")
    sim.command("scan NEXT-CODE-2")
    poll_until(scanner, collector, lambda: "NEXT-CODE-2" in codes(collector))
    assert [e.code for e in collector.of(DeviceEvent)] == ["garbage"]


def test_split_and_slow(sim, scanner, collector):
    sim.command("split")
    sim.command("slow 0.3")
    sim.command("scan SPLIT-CODE-0001")
    poll_until(scanner, collector, lambda: codes(collector))
    assert codes(collector) == ["SPLIT-CODE-0001"]


def test_overlong_line_is_dropped(sim, scanner, collector):
    sim.port.write(b"X" * 5000 + b"\rOK-CODE\r")
    poll_until(scanner, collector, lambda: codes(collector))
    assert codes(collector) == ["OK-CODE"]
    assert [e.code for e in collector.of(DeviceEvent)] == ["overlong"]


def test_unplug_then_replug(sim, scanner, collector):
    sim.port.write(b"HALF-A-CO")
    sim.command("unplug")
    started = time.monotonic()
    with pytest.raises(PORT_ERRORS):
        for _ in range(20):
            scanner.poll(collector)
    assert time.monotonic() - started < 2.0
    scanner.close()
    sim.command("replug")
    scanner.open()
    sim.command("scan AFTER-REPLUG")
    poll_until(scanner, collector, lambda: codes(collector))
    assert codes(collector) == ["AFTER-REPLUG"]  # the half code before the unplug is gone
