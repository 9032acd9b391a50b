"""Device tests: drivers run against simulators over real pseudo-terminals."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from devices.sim.vport import VirtualPort


@pytest.fixture
def vport(tmp_path):
    """A fresh simulated serial port at a stable path in the test's folder."""
    ports: list[VirtualPort] = []

    def make(name: str = "dev") -> VirtualPort:
        port = VirtualPort(tmp_path / name)
        ports.append(port)
        return port

    yield make
    for port in ports:
        port.close()


class Collector(list):
    """An `emit` that keeps everything, with helpers to look at it."""

    def __call__(self, item) -> None:
        self.append(item)

    def of(self, kind: type) -> list:
        return [item for item in self if isinstance(item, kind)]


def poll_until(driver, emit: Collector, done: Callable[[], bool], timeout: float = 3.0) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met; got {list(emit)!r}")
        driver.poll(emit)


@pytest.fixture
def collector() -> Collector:
    return Collector()
