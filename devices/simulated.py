"""A simulated thermometer for demos and machines without devices."""

from __future__ import annotations

import random
from datetime import UTC, datetime

from devices.readings import ConnectionState, DeviceKind, DeviceState, TemperatureReading


class SimulatedThermometer:
    """Produces plausible body temperatures, now and then a fever, from a seeded generator."""

    kind = DeviceKind.THERMOMETER
    name = "simulated-thermometer"

    def __init__(self, seed: int = 7, fever_rate: float = 0.02) -> None:
        self._rng = random.Random(seed)
        self._fever_rate = fever_rate

    def state(self) -> DeviceState:
        return DeviceState(self.kind, self.name, ConnectionState.CONNECTED, simulated=True)

    def read(self) -> TemperatureReading:
        if self._rng.random() < self._fever_rate:
            value = self._rng.uniform(37.3, 38.6)
        else:
            value = self._rng.gauss(36.5, 0.2)
        value = round(min(max(value, 35.8), 38.6), 1)
        return TemperatureReading(value, datetime.now(UTC), self.name)
