"""The set of devices a gate PC reads from, as one object the UI can ask."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from devices.readings import DeviceKind, DeviceState, TemperatureReading


class Thermometer(Protocol):
    kind: DeviceKind
    name: str

    def state(self) -> DeviceState: ...

    def read(self) -> TemperatureReading: ...


class DeviceHub:
    """Holds the configured devices; reports their states and the latest temperature."""

    def __init__(self, devices: Sequence[Thermometer]) -> None:
        self._devices = list(devices)

    def states(self) -> list[DeviceState]:
        return [device.state() for device in self._devices]

    def temperature(self) -> TemperatureReading | None:
        """A reading from the first thermometer, or None when there is none."""
        for device in self._devices:
            if device.kind is DeviceKind.THERMOMETER:
                return device.read()
        return None
