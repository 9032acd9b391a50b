"""The ID-card reader driver against the GA 467 simulator over a pseudo-terminal."""

from __future__ import annotations

import time
from datetime import date

import pytest

from devices.driver import DeviceGone
from devices.id_reader import IdCardReader
from devices.readings import CardType, DeviceEvent, EventKind, IdCardReading
from devices.serialport import PORT_ERRORS
from devices.sim.id_reader import IdReaderSimulator, SimCard, load_cards
from tests.devices.conftest import Collector, poll_until

CARDS = [
    SimCard(
        "王𠮷",
        "41120219491231002X",
        "2",
        "01",
        date(1949, 12, 31),
        "河南省三门峡市湖滨区",
        "三门峡市公安局湖滨分局",
        date(2016, 3, 1),
        None,
    ),
    SimCard(
        "李四",
        "411202198506010013",
        "1",
        "01",
        date(1985, 6, 1),
        "河南省三门峡市",
        "三门峡市公安局",
        date(2015, 1, 1),
        date(2035, 1, 1),
    ),
    SimCard(
        "史密斯",
        "USA330012345678",
        "1",
        "USA",
        date(1980, 5, 5),
        "",
        "1500",
        date(2020, 1, 1),
        date(2030, 1, 1),
        CardType.FOREIGN_PERMANENT,
        "SMITH, JOHN",
    ),
]


@pytest.fixture
def sim(vport):
    simulator = IdReaderSimulator(vport("reader"), cards=CARDS).start()
    yield simulator
    simulator.stop()


@pytest.fixture
def reader(sim):
    driver = IdCardReader("id-reader", sim.port.path, poll_interval=0.02, hold_off=0.6)
    driver.open()
    yield driver
    driver.close()


def cards(emitted: Collector) -> list[IdCardReading]:
    return emitted.of(IdCardReading)


def test_card_is_read_with_all_fields(sim, reader, collector):
    sim.command("put 0")
    poll_until(reader, collector, lambda: cards(collector))
    card = cards(collector)[0]
    assert card.id_number == "41120219491231002X"
    assert card.name == "王𠮷"
    assert card.long_term and card.valid_to is None
    assert card.card_type is CardType.RESIDENT
    assert card.photo is None  # not stored unless configured
    assert reader.speed == 115200


def test_no_card_gives_nothing(sim, reader, collector):
    for _ in range(5):
        reader.poll(collector)
    assert [e.kind for e in collector] == [EventKind.NOTICE]  # the speed it found


def test_card_left_on_the_reader_is_read_once_until_hold_off_passes(sim, reader, collector):
    sim.command("put 1")
    poll_until(reader, collector, lambda: cards(collector))
    for _ in range(15):  # ~0.3 s with the card still there
        reader.poll(collector)
    assert len(cards(collector)) == 1
    sim.command("remove")
    end = time.monotonic() + 0.7
    while time.monotonic() < end:
        reader.poll(collector)
    sim.command("put 1")
    poll_until(reader, collector, lambda: len(cards(collector)) == 2)


def test_foreign_card_is_recognised(sim, reader, collector):
    sim.command("put 2")
    poll_until(reader, collector, lambda: cards(collector))
    card = cards(collector)[0]
    assert card.card_type is CardType.FOREIGN_PERMANENT
    assert card.id_number == "USA330012345678"
    assert card.name == "史密斯"


def test_speed_is_probed(vport, collector):
    sim = IdReaderSimulator(vport("slow-reader"), cards=CARDS, baudrate=9600).start()
    try:
        driver = IdCardReader("id-reader", sim.port.path, poll_interval=0.02, reply_timeout=0.3)
        driver.open()
        assert driver.speed == 9600
        sim.command("put 1")
        poll_until(driver, collector, lambda: cards(collector))
        notices = [e for e in collector.of(DeviceEvent) if e.kind is EventKind.NOTICE]
        assert "9600" in notices[0].message
        driver.close()
        fixed = IdCardReader("id-reader", sim.port.path, baudrate=115200, reply_timeout=0.2)
        with pytest.raises(DeviceGone, match="no reply at 115200"):
            fixed.open()
    finally:
        sim.stop()


@pytest.mark.parametrize("fault", ["garbage", "split", "badsum"])
def test_faults_are_survived(sim, reader, collector, fault):
    sim.command("put 1")
    sim.command(fault)
    poll_until(reader, collector, lambda: cards(collector))
    assert cards(collector)[0].id_number == "411202198506010013"
    if fault != "split":
        events = collector.of(DeviceEvent)
        assert any(e.kind is EventKind.PROTOCOL_ERROR for e in events)


def test_slow_reply_times_out_then_recovers(sim, reader, collector):
    reader.reply_timeout = 0.2
    sim.command("slow 0.35")
    sim.command("put 1")
    reader.poll(collector)
    assert any(e.code == "timeout" for e in collector.of(DeviceEvent))
    sim.command("fast")
    time.sleep(0.5)
    poll_until(reader, collector, lambda: cards(collector))
    assert len(cards(collector)) == 1


def test_failing_read_is_reported_with_its_status(sim, reader, collector):
    sim.command("put 1")
    sim.command("fail 41")
    poll_until(reader, collector, lambda: cards(collector))
    errors = [e for e in collector.of(DeviceEvent) if e.kind is EventKind.CARD_ERROR]
    assert errors[0].code == "sw3-41"
    assert "reading the card failed" in errors[0].message


def test_unknown_status_is_an_error_with_its_code(sim, reader, collector):
    sim.command("put 1")
    sim.command("fail 5a")

    def card_errors():
        return [e for e in collector.of(DeviceEvent) if e.kind is EventKind.CARD_ERROR]

    poll_until(reader, collector, card_errors)
    assert card_errors()[0].code == "sw3-5a"


def test_unplug_raises_quickly_and_replug_does_not_repeat_the_card(sim, reader, collector):
    sim.command("put 1")
    poll_until(reader, collector, lambda: cards(collector))
    reader.hold_off = 30
    sim.command("unplug")
    started = time.monotonic()
    with pytest.raises(PORT_ERRORS):
        for _ in range(100):
            reader.poll(collector)
    assert time.monotonic() - started < 2.0
    reader.close()
    sim.command("replug")
    reader.open()
    for _ in range(10):
        reader.poll(collector)
    assert len(cards(collector)) == 1  # the same card, still on the reader: not read again
    sim.command("put 0")
    poll_until(reader, collector, lambda: len(cards(collector)) == 2)


def test_card_file_loads(tmp_path):
    path = tmp_path / "cards.json"
    path.write_text(
        '[{"name": "赵六", "id_number": "41120219900101001X", "birth_date": "1990-01-01",'
        ' "valid_to": "长期"}]',
        encoding="utf-8",
    )
    (card,) = load_cards(path)
    assert card.valid_to is None and card.birth_date == date(1990, 1, 1)


def test_raw_log_has_the_frames_but_not_the_card(sim, reader, collector):
    import logging

    from devices.rawlog import hex_bytes, raw_log

    lines: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(record.getMessage())

    handler = Keep(logging.DEBUG)
    raw_log.addHandler(handler)
    level = raw_log.level
    raw_log.setLevel(logging.DEBUG)
    try:
        sim.command("put 1")
        poll_until(reader, collector, lambda: cards(collector))
    finally:
        raw_log.removeHandler(handler)
        raw_log.setLevel(level)
    text = "\n".join(lines)
    assert "tx aa aa aa 96 69 00 03 30 01 32" in text  # the read command, in hex
    assert "rx aa aa aa 96 69 05 08 00 00 90 01 00 04 00 <1281 bytes>" in text
    number_hex = "411202198506010013".encode("utf-16-le").hex(" ")
    assert number_hex[:20] not in text
    assert hex_bytes(b"\x01\x02\x03\x04", [(1, 3)]) == "01 <2 bytes> 04"
