"""The device manager with real drivers on pseudo-terminals: unplug seen within 2 s, no loss."""

from __future__ import annotations

import time
from datetime import date

from devices.id_reader import IdCardReader
from devices.manager import Backoff, DeviceManager
from devices.readings import ConnectionState, DeviceState, IdCardReading, TemperatureReading
from devices.sim.id_reader import IdReaderSimulator, SimCard
from devices.sim.thermometer import ModbusThermometerSimulator
from devices.thermometer import ModbusThermometer

CARD = SimCard("张小明", "41120219491231002X", birth_date=date(1949, 12, 31))


def wait(manager: DeviceManager, name: str, state: ConnectionState, timeout: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        current = next(s for s in manager.states() if s.name == name)
        if current.state is state:
            return time.monotonic() - started
        time.sleep(0.01)
    raise AssertionError(f"{name} not {state} within {timeout} s: {manager.states()}")


def test_unplug_and_replug_through_the_manager(vport):
    reader_sim = IdReaderSimulator(vport("reader"), cards=[CARD]).start()
    thermo_sim = ModbusThermometerSimulator(vport("thermo")).start()
    manager = DeviceManager(
        [
            IdCardReader("id-reader", reader_sim.port.path, poll_interval=0.05, hold_off=60),
            ModbusThermometer("thermometer", thermo_sim.port.path, poll_interval=0.05),
        ],
        backoff=Backoff(0.1, 2, 0.5),
    ).start()
    try:
        wait(manager, "id-reader", ConnectionState.CONNECTED, 3)
        wait(manager, "thermometer", ConnectionState.CONNECTED, 3)
        reader_sim.command("put 0")
        thermo_sim.command("measure 36.6")
        assert manager.wait_for(lambda r: isinstance(r, IdCardReading), 3)
        reader_sim.command("unplug")
        assert wait(manager, "id-reader", ConnectionState.DISCONNECTED, 2.0) < 2.0
        thermo_sim.command("unplug")
        assert wait(manager, "thermometer", ConnectionState.DISCONNECTED, 2.0) < 2.0
        thermo_sim.command("replug")
        thermo_sim.command("measure 37.1")  # while the driver is still away
        reader_sim.command("replug")
        wait(manager, "id-reader", ConnectionState.CONNECTED, 5)
        wait(manager, "thermometer", ConnectionState.CONNECTED, 5)
        time.sleep(0.5)
        items = manager.drain()
        temps = [r.raw_c for r in items if isinstance(r, TemperatureReading)]
        cards = [r for r in items if isinstance(r, IdCardReading)]
        states = [(r.name, r.state) for r in items if isinstance(r, DeviceState)]
        assert 37.1 in temps and temps.count(37.1) == 1
        assert cards == []  # the card never left the reader: not read a second time
        assert ("id-reader", ConnectionState.DISCONNECTED) in states
        assert states[-1][1] is ConnectionState.CONNECTED
    finally:
        manager.stop()
        reader_sim.stop()
        thermo_sim.stop()
