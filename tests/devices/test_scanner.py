"""The serial scanner driver against the scanner simulator over a pseudo-terminal."""

from __future__ import annotations

import logging
import re
import threading
import time

import pytest

from devices.readings import CodeReading, CodeSource, DeviceEvent, EventKind
from devices.scanner import SerialScanner, content_ranges, decode_code
from devices.serialport import PORT_ERRORS
from devices.sim.scanner import ScannerSimulator
from tests.devices.conftest import Collector, poll_until

ID_NUMBER = "41120219491231002X"


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


def events(emitted: Collector) -> list[str]:
    return [e.code for e in emitted.of(DeviceEvent)]


def settle(driver, emitted: Collector, seconds: float = 0.1) -> None:
    """Poll a little longer: nothing more may arrive."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        driver.poll(emitted)


@pytest.mark.parametrize("terminator", ["cr", "lf", "crlf"])
def test_each_line_ending(sim, scanner, collector, terminator):
    sim.command(f"terminator {terminator}")
    sim.command("scan GD1:ABC")
    sim.command(f"scan {ID_NUMBER}")
    poll_until(scanner, collector, lambda: len(codes(collector)) == 2)
    settle(scanner, collector)
    assert codes(collector) == ["GD1:ABC", ID_NUMBER]
    reading = collector.of(CodeReading)[0]
    assert reading.source is CodeSource.SERIAL
    assert reading.device == "scanner"
    assert events(collector) == []


def test_at_115200_baud(vport, collector):
    with ScannerSimulator(vport("fast-scanner"), baudrate=115200, terminator="crlf") as sim:
        driver = SerialScanner("scanner", sim.port.path, baudrate=115200)
        driver.open()
        try:
            sim.command("scan FAST-1")
            poll_until(driver, collector, lambda: codes(collector))
        finally:
            driver.close()
    assert codes(collector) == ["FAST-1"]


def test_crlf_split_across_reads_is_one_code(sim, scanner, collector):
    sim.port.write(b"ABC123\r")
    poll_until(scanner, collector, lambda: codes(collector))
    settle(scanner, collector)  # the CR has been read on its own
    sim.port.write(b"\nDEF456\r\n")
    poll_until(scanner, collector, lambda: len(codes(collector)) == 2)
    settle(scanner, collector)
    assert codes(collector) == ["ABC123", "DEF456"]
    assert events(collector) == []


def test_blank_lines_and_spaces_are_no_codes(sim, scanner, collector):
    sim.port.write(b"\r\n\r\r  PADDED  \r\n\n")
    poll_until(scanner, collector, lambda: codes(collector))
    settle(scanner, collector)
    assert codes(collector) == ["PADDED"]
    assert events(collector) == []


@pytest.mark.parametrize("command", ["scan --gbk 建设社区东门 3号", "encoding gb18030"])
def test_gb18030_text(sim, scanner, collector, command):
    sim.command(command)
    if command.startswith("encoding"):
        sim.command("scan 建设社区东门 3号")
    poll_until(scanner, collector, lambda: codes(collector))
    assert codes(collector) == ["建设社区东门 3号"]
    assert sim.sent[-1] == "建设社区东门 3号".encode("gb18030") + b"\r"


def test_utf8_text(sim, scanner, collector):
    sim.command("scan 张三 https://example.org/c?n=张三")
    poll_until(scanner, collector, lambda: codes(collector))
    assert codes(collector) == ["张三 https://example.org/c?n=张三"]


@pytest.mark.parametrize("fault", ["garbage", "badsum"])
def test_junk_is_an_event_and_the_next_code_comes_through(sim, scanner, collector, fault):
    sim.command(fault)  # garbage: a junk line first; badsum: the code itself arrives broken
    sim.command("scan NEXT-CODE-1")
    sim.command("scan NEXT-CODE-2")
    poll_until(scanner, collector, lambda: "NEXT-CODE-2" in codes(collector))
    expected = ["NEXT-CODE-1", "NEXT-CODE-2"] if fault == "garbage" else ["NEXT-CODE-2"]
    assert codes(collector) == expected
    assert events(collector) == ["garbage"]
    event = collector.of(DeviceEvent)[0]
    assert event.kind is EventKind.PROTOCOL_ERROR
    assert "NEXT" not in event.message


@pytest.mark.parametrize(
    "junk",
    [b"\xff\xfe\x80\x81", b"AB\x07CD", b"\x00\x00\x00", b"caf\xe9"],
    ids=["invalid-bytes", "bell", "nul", "lone-latin1"],
)
def test_lines_that_are_no_text(sim, scanner, collector, junk):
    sim.port.write(junk + b"\r\nGOOD-CODE\r\n")
    poll_until(scanner, collector, lambda: codes(collector))
    settle(scanner, collector)
    assert codes(collector) == ["GOOD-CODE"]
    assert events(collector) == ["garbage"]


def test_split_frames(sim, scanner, collector):
    sim.command("terminator crlf")
    sim.command("split")
    sim.command(f"scan {ID_NUMBER}")
    sim.command("scan SECOND")
    poll_until(scanner, collector, lambda: len(codes(collector)) == 2)
    settle(scanner, collector)
    assert codes(collector) == [ID_NUMBER, "SECOND"]
    assert events(collector) == []


def test_slow_scanner_polls_stay_short(sim, scanner, collector):
    sim.command("slow 0.6")
    later = threading.Thread(target=sim.command, args=("scan LATE-1",))
    later.start()
    longest = 0.0
    deadline = time.monotonic() + 3
    while not codes(collector) and time.monotonic() < deadline:
        started = time.monotonic()
        scanner.poll(collector)
        longest = max(longest, time.monotonic() - started)
    later.join()
    assert codes(collector) == ["LATE-1"]
    assert longest < 0.5  # a poll waits for bytes no longer than its timeout


def test_overlong_line_is_dropped(sim, scanner, collector):
    sim.port.write(b"X" * 5000 + b"\rOK-CODE\r")
    poll_until(scanner, collector, lambda: codes(collector))
    settle(scanner, collector)
    assert codes(collector) == ["OK-CODE"]
    assert events(collector) == ["overlong"]


def test_raw_log_shows_lengths_and_line_ends_not_codes(sim, scanner, collector, caplog):
    caplog.set_level(logging.DEBUG, logger="gatedesk.devices.raw")
    sim.command("terminator crlf")
    sim.command(f"scan {ID_NUMBER}")
    poll_until(scanner, collector, lambda: codes(collector))
    logged = "\n".join(r.getMessage() for r in caplog.records if " rx " in r.getMessage())
    assert ID_NUMBER not in logged
    assert ID_NUMBER.encode().hex(" ")[:8] not in logged  # "34 31 31"
    assert sum(int(n) for n in re.findall(r"<(\d+) bytes>", logged)) == len(ID_NUMBER)
    assert logged.rstrip().endswith("0d 0a")


def test_unplug_then_replug(sim, scanner, collector):
    sim.command("scan BEFORE")
    poll_until(scanner, collector, lambda: codes(collector))
    sim.port.write(b"HALF-A-CO")
    settle(scanner, collector)
    sim.command("unplug")
    started = time.monotonic()
    with pytest.raises(PORT_ERRORS):
        while time.monotonic() - started < 5:
            scanner.poll(collector)
    assert time.monotonic() - started < 2.0
    scanner.close()
    sim.command("replug")
    scanner.open()
    sim.command("scan AFTER-REPLUG")
    poll_until(scanner, collector, lambda: len(codes(collector)) == 2)
    settle(scanner, collector)
    assert codes(collector) == ["BEFORE", "AFTER-REPLUG"]  # the half code before is gone
    assert events(collector) == []


def test_auto_cycles_through_the_codes(sim, scanner, collector):
    sim.command("codes ONE TWO THREE")
    sim.command("auto 0.05")
    poll_until(scanner, collector, lambda: len(codes(collector)) >= 5)
    sim.command("auto off")
    assert codes(collector)[:5] == ["ONE", "TWO", "THREE", "ONE", "TWO"]


def test_simulator_refuses_bad_commands(sim):
    for command in ["terminator cr-lf", "encoding klingon", "scan", "codes", "auto -1"]:
        with pytest.raises(ValueError):
            sim.command(command)
    assert "scan [--gbk|--utf8] TEXT" in sim.command("help")


def test_decode_code():
    assert decode_code(b"  GD1:ABC \t") == "GD1:ABC"
    assert decode_code("社区".encode()) == "社区"
    assert decode_code("社区".encode("gb18030")) == "社区"
    assert decode_code(b"\xef\xbb\xbfWITH-BOM") == "WITH-BOM"
    assert decode_code(b"]d2\x1d0104912345678904") == "]d2\x1d0104912345678904"  # GS1
    assert decode_code(b"\xee\x80\x80") is None  # private use
    assert decode_code(b"A\x1bB") is None


def test_content_ranges():
    assert content_ranges(b"AB\r\nC") == [(0, 2), (4, 5)]
    assert content_ranges(b"\r\n") == []
    assert content_ranges(b"XYZ") == [(0, 3)]
