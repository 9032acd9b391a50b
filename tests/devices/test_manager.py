"""The device manager: workers, states, reconnect with back-off, one queue."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

import pytest

from devices.driver import DeviceGone, Emit
from devices.manager import Backoff, DeviceManager
from devices.ports import AutoPortDriver, PortInfo
from devices.readings import (
    ConnectionState,
    DeviceKind,
    DeviceState,
    TemperatureReading,
)

FAST = Backoff(first_s=0.02, factor=2, maximum_s=0.1)


class ScriptedDriver:
    """A driver whose device comes and goes as the test says."""

    kind = DeviceKind.THERMOMETER

    def __init__(self, name: str = "thermo", port: str = "sim") -> None:
        self.name = name
        self.port = port
        self.present = threading.Event()
        self.present.set()
        self.to_send: list[float] = []
        self.opens = 0
        self.lock = threading.Lock()
        self.crash = False

    def open(self) -> None:
        if not self.present.is_set():
            raise DeviceGone("not plugged in")
        self.opens += 1

    def poll(self, emit: Emit) -> None:
        if self.crash:
            raise RuntimeError("driver bug")
        if not self.present.is_set():
            raise OSError(5, "Input/output error")
        with self.lock:
            values, self.to_send = self.to_send, []
        for value in values:
            emit(TemperatureReading(value, datetime.now(UTC), self.name))
        time.sleep(0.005)

    def close(self) -> None:
        pass


def wait_for_state(manager: DeviceManager, state: ConnectionState, timeout: float = 2.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        current = manager.states()[0]
        if current.state is state:
            return current
        time.sleep(0.005)
    raise AssertionError(f"state {state} not reached; last {manager.states()[0]}")


@pytest.fixture
def driver():
    return ScriptedDriver()


@pytest.fixture
def manager(driver):
    m = DeviceManager([driver], backoff=FAST).start()
    yield m
    m.stop()


def test_readings_reach_the_queue_in_order(manager, driver):
    wait_for_state(manager, ConnectionState.CONNECTED)
    with driver.lock:
        driver.to_send.extend([36.5, 36.6, 36.7])
    got = []
    deadline = time.monotonic() + 2
    while len(got) < 3 and time.monotonic() < deadline:
        got += [r.value_c for r in manager.drain() if isinstance(r, TemperatureReading)]
        time.sleep(0.01)
    assert got == [36.5, 36.6, 36.7]
    assert manager.last_reading("thermo").value_c == 36.7


def test_unplug_and_replug_are_reported_and_nothing_is_duplicated(manager, driver):
    wait_for_state(manager, ConnectionState.CONNECTED)
    with driver.lock:
        driver.to_send.append(36.4)
    driver.present.clear()
    lost = wait_for_state(manager, ConnectionState.DISCONNECTED)
    assert "Input/output error" in lost.detail
    with driver.lock:
        driver.to_send.append(36.8)  # measured while unplugged: delivered after reconnect
    driver.present.set()
    wait_for_state(manager, ConnectionState.CONNECTED)
    time.sleep(0.1)
    items = manager.drain()
    values = [r.value_c for r in items if isinstance(r, TemperatureReading)]
    states = [r.state for r in items if isinstance(r, DeviceState)]
    assert values == [36.4, 36.8]
    assert states[-3:] == [
        ConnectionState.CONNECTED,
        ConnectionState.DISCONNECTED,
        ConnectionState.CONNECTED,
    ]
    assert driver.opens == 2


def test_an_absent_device_is_retried_without_flooding_states(driver):
    driver.present.clear()
    manager = DeviceManager([driver], backoff=FAST).start()
    try:
        time.sleep(0.4)
        states = [r for r in manager.drain() if isinstance(r, DeviceState)]
        assert len(states) == 1  # "not plugged in", reported once while retried
        assert states[0].detail == "not plugged in"
        driver.present.set()
        wait_for_state(manager, ConnectionState.CONNECTED)
    finally:
        manager.stop()


def test_a_driver_bug_is_an_error_state_not_a_dead_thread(driver):
    manager = DeviceManager([driver], backoff=FAST).start()
    try:
        wait_for_state(manager, ConnectionState.CONNECTED)
        driver.crash = True
        state = wait_for_state(manager, ConnectionState.ERROR)
        assert "RuntimeError: driver bug" in state.detail
    finally:
        manager.stop()


def test_stop_ends_every_worker_quickly(driver):
    manager = DeviceManager([driver, ScriptedDriver("other")], backoff=FAST).start()
    wait_for_state(manager, ConnectionState.CONNECTED)
    started = time.monotonic()
    manager.stop()
    assert time.monotonic() - started < 1.5
    assert all(s.state is ConnectionState.DISCONNECTED for s in manager.states())


def test_auto_port_tries_candidates_until_one_answers():
    made: list[ScriptedDriver] = []

    def factory(port: str) -> ScriptedDriver:
        d = ScriptedDriver(port=port)
        if port != "/dev/ttyUSB1":
            d.present.clear()
        made.append(d)
        return d

    auto = AutoPortDriver(
        DeviceKind.THERMOMETER, "thermo", factory, lambda: ["/dev/ttyUSB0", "/dev/ttyUSB1"]
    )
    auto.open()
    assert auto.port == "/dev/ttyUSB1"
    assert [d.port for d in made] == ["/dev/ttyUSB0", "/dev/ttyUSB1"]


def test_auto_port_says_what_it_tried():
    auto = AutoPortDriver(DeviceKind.ID_READER, "reader", ScriptedDriver, lambda: [])
    with pytest.raises(DeviceGone, match="no device answered"):
        auto.open()


def test_port_labels_name_the_usb_bridge():
    port = PortInfo("/dev/ttyUSB0", "USB Serial", 0x1A86, 0x7523)
    assert port.usb_id == "1a86:7523"
    assert port.label() == "/dev/ttyUSB0 [1a86:7523] CH340 USB Serial"
    assert PortInfo("/dev/ttyS0", "n/a").label() == "/dev/ttyS0"
