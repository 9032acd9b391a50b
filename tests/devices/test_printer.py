"""Receipt printer output against the printer simulator."""

from __future__ import annotations

import time
from datetime import datetime

import pytest

from devices.driver import DeviceGone
from devices.printer import PrinterDriver, ReceiptPrinter, Slip, render, sample_slip, width, wrap
from devices.readings import DeviceEvent, EventKind
from devices.serialport import PORT_ERRORS
from devices.sim.printer import PrinterSimulator, parse_escpos
from tests.devices.conftest import poll_until

MOMENT = datetime(2022, 4, 1, 8, 30)
SLIP = Slip(
    title="临时访客出入证",
    lines=("姓名：赵*博", "到访：3号楼2单元501", "事由：探亲 Visit"),
    qr="GD1.eyJzIjoiQTEyMyJ9.c2ln",
    footer="当日有效",
    printed_at=MOMENT,
)


@pytest.fixture
def printer_sim(vport):
    sim = PrinterSimulator(vport("printer")).start()
    yield sim
    sim.stop()


def wait_for_cut(sim: PrinterSimulator) -> list:
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        slips = sim.render()
        if slips and slips[-1].cut:
            return slips
        time.sleep(0.02)
    raise AssertionError(sim.render_text())


def test_chinese_slip_with_qr_prints_over_serial(printer_sim):
    ReceiptPrinter.from_spec(f"serial:{printer_sim.port.path}@9600").print_slip(SLIP)
    (slip,) = wait_for_cut(printer_sim)
    assert slip.lines == [
        "临时访客出入证",
        "姓名：赵*博",
        "到访：3号楼2单元501",
        "事由：探亲 Visit",
        "",
        "当日有效",
        "2022-04-01 08:30",
    ]
    assert slip.qr_codes == ["GD1.eyJzIjoiQTEyMyJ9.c2ln"]
    assert "[QR] GD1.eyJzIjoiQTEyMyJ9.c2ln" in printer_sim.render_text()


def test_text_goes_in_gb18030_chinese_mode():
    data = render(SLIP)
    assert b"\x1c&" + "临时访客出入证".encode("gb18030") + b"\x1c." in data
    assert b"\x1d(k" in data  # native QR command
    assert data.startswith(b"\x1b@")


def test_long_lines_wrap_by_display_width():
    assert width("社区A") == 5
    lines = wrap("社" * 30)
    assert [width(line) for line in lines] == [48, 12]


def test_file_spec_writes_the_bytes(tmp_path):
    target = tmp_path / "slip.bin"
    target.touch()
    ReceiptPrinter.from_spec(f"file:{target}").print_slip(sample_slip(MOMENT))
    (slip,) = parse_escpos(target.read_bytes())
    assert slip.lines[0] == "GateDesk 打印测试"
    assert slip.qr_codes == ["GATEDESK-PRINT-TEST 20220401083000"]


def test_absent_printer_is_a_clear_error(tmp_path):
    with pytest.raises(DeviceGone, match="not reachable"):
        ReceiptPrinter.from_spec(f"serial:{tmp_path / 'nothing'}").print_slip(SLIP)


@pytest.mark.parametrize("spec", ["", "printer", "lpt:1"])
def test_bad_specs_are_refused(spec):
    with pytest.raises(ValueError):
        ReceiptPrinter.from_spec(spec)


def test_status_request_is_answered(printer_sim):
    import serial

    with serial.Serial(printer_sim.port.path, 9600, timeout=1) as port:
        port.write(b"\x10\x04\x04")
        assert port.read(1) == b"\x12"
        printer_sim.command("paper out")
        port.write(b"\x10\x04\x04")
        assert port.read(1) == b"\x7e"


@pytest.fixture
def printer_driver(printer_sim):
    driver = PrinterDriver("printer", f"serial:{printer_sim.port.path}", status_interval=0.05)
    driver.open()
    yield driver
    driver.close()


def test_driver_prints_queued_slips(printer_sim, printer_driver, collector):
    done = printer_driver.submit(render(SLIP))
    poll_until(printer_driver, collector, done.done)
    assert done.result() is None
    (slip,) = wait_for_cut(printer_sim)
    assert slip.qr_codes == [SLIP.qr]


def test_driver_reports_paper_out_once(printer_sim, printer_driver, collector):
    for _ in range(3):
        printer_driver.poll(collector)
    printer_sim.command("paper out")

    def paper_events():
        return [e for e in collector.of(DeviceEvent) if e.kind is EventKind.PAPER_OUT]

    poll_until(printer_driver, collector, paper_events)
    for _ in range(5):
        printer_driver.poll(collector)
    assert len(paper_events()) == 1


def test_driver_notices_an_unplugged_printer(printer_sim, printer_driver, collector):
    for _ in range(3):
        printer_driver.poll(collector)
    printer_sim.command("unplug")
    started = time.monotonic()
    with pytest.raises(PORT_ERRORS):
        for _ in range(50):
            printer_driver.poll(collector)
    assert time.monotonic() - started < 2.0


def test_cancelled_job_is_not_printed(printer_sim, printer_driver, collector):
    done = printer_driver.submit(render(SLIP))
    done.cancel()
    printer_driver.poll(collector)
    time.sleep(0.2)
    assert printer_sim.render() == []
