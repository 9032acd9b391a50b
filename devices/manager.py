"""One worker thread per device: open, poll, report, and reconnect with back-off.

Readings, events and state changes leave the workers as frozen values on one queue, which the
UI bridge drains. A worker never gives up: an unplugged device is retried with growing pauses
(0.5 s up to 5 s) until it comes back.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from devices.driver import Driver
from devices.rawlog import log_note
from devices.readings import ConnectionState, DeviceState, Reading
from devices.serialport import PORT_ERRORS

log = logging.getLogger(__name__)

LOST = PORT_ERRORS


@dataclass(frozen=True, slots=True)
class Backoff:
    first_s: float = 0.5
    factor: float = 2.0
    maximum_s: float = 5.0

    def next(self, current: float) -> float:
        return min(current * self.factor, self.maximum_s)


class DeviceWorker(threading.Thread):
    """Runs one driver until stopped; every state change and reading goes to `sink`."""

    def __init__(
        self,
        driver: Driver,
        sink: Callable[[Reading], None],
        *,
        simulated: bool = False,
        backoff: Backoff = Backoff(),
    ) -> None:
        super().__init__(name=f"device-{driver.name}", daemon=True)
        self.driver = driver
        self._sink = sink
        self._simulated = simulated
        self._backoff = backoff
        self._stop_event = threading.Event()
        self._lock = threading.Lock()
        self._state = DeviceState(
            driver.kind,
            driver.name,
            ConnectionState.DISCONNECTED,
            simulated,
            "starting",
            driver.port,
        )
        self._last: Reading | None = None

    # -- what other threads may ask ---------------------------------------------------------
    @property
    def state(self) -> DeviceState:
        with self._lock:
            return self._state

    @property
    def last_reading(self) -> Reading | None:
        with self._lock:
            return self._last

    def stop(self) -> None:
        self._stop_event.set()

    # -- the thread -------------------------------------------------------------------------
    def run(self) -> None:
        delay = self._backoff.first_s
        while not self._stop_event.is_set():
            try:
                self.driver.open()
            except LOST as exc:
                self._report_open_failure(exc)
                self.driver.close()
                self._stop_event.wait(delay)
                delay = self._backoff.next(delay)
                continue
            except Exception as exc:  # a driver bug must not kill the worker
                log.exception("device %s failed to open", self.driver.name)
                self._set_state(ConnectionState.ERROR, f"{type(exc).__name__}: {exc}")
                self.driver.close()
                self._stop_event.wait(self._backoff.maximum_s)
                continue
            delay = self._backoff.first_s
            self._set_state(ConnectionState.CONNECTED, "")
            try:
                while not self._stop_event.is_set():
                    self.driver.poll(self._emit)
            except LOST as exc:
                log_note(self.driver.name, f"lost: {exc}")
                self._set_state(ConnectionState.DISCONNECTED, _reason(exc))
            except Exception as exc:
                log.exception("device %s failed", self.driver.name)
                self._set_state(ConnectionState.ERROR, f"{type(exc).__name__}: {exc}")
            finally:
                self.driver.close()
            self._stop_event.wait(delay)
        self._set_state(ConnectionState.DISCONNECTED, "stopped")

    def _report_open_failure(self, exc: BaseException) -> None:
        port = self.driver.port
        absent = not port or (port.startswith("/") and not os.path.exists(port))
        state = ConnectionState.DISCONNECTED if absent else ConnectionState.ERROR
        self._set_state(state, _reason(exc))

    def _emit(self, reading: Reading) -> None:
        with self._lock:
            self._last = reading
        self._sink(reading)

    def _set_state(self, state: ConnectionState, detail: str) -> None:
        with self._lock:
            old = self._state
            if old.state == state and old.detail == detail:
                return
            self._state = DeviceState(
                old.kind, old.name, state, self._simulated, detail, self.driver.port
            )
            new = self._state
        log.info("device %s: %s %s", new.name, new.state, new.detail)
        self._sink(new)


def _reason(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "..."


class DeviceManager:
    """Starts a worker per driver and gathers what they report on one queue."""

    def __init__(
        self,
        drivers: Sequence[Driver],
        *,
        simulated: bool | Collection[str] = False,
        backoff: Backoff = Backoff(),
    ) -> None:
        """`simulated`: True for all drivers, or the names of those talking to simulators."""
        self.queue: queue.Queue[Reading] = queue.Queue()

        def is_simulated(driver: Driver) -> bool:
            return simulated if isinstance(simulated, bool) else driver.name in simulated

        self._workers = [
            DeviceWorker(d, self.queue.put, simulated=is_simulated(d), backoff=backoff)
            for d in drivers
        ]
        self._started = False

    @property
    def drivers(self) -> list[Driver]:
        return [worker.driver for worker in self._workers]

    def driver(self, name: str) -> Driver | None:
        return next((w.driver for w in self._workers if w.driver.name == name), None)

    def start(self) -> DeviceManager:
        if not self._started:
            self._started = True
            for worker in self._workers:
                worker.start()
        return self

    def stop(self, timeout: float = 3.0) -> None:
        for worker in self._workers:
            worker.stop()
        for worker in self._workers:
            if worker.is_alive():
                worker.join(timeout)

    def states(self) -> list[DeviceState]:
        return [worker.state for worker in self._workers]

    def last_reading(self, name: str) -> Reading | None:
        worker = next((w for w in self._workers if w.driver.name == name), None)
        return worker.last_reading if worker else None

    def drain(self, limit: int = 200) -> list[Reading]:
        """What arrived since the last call, oldest first, without waiting."""
        items: list[Reading] = []
        while len(items) < limit:
            try:
                items.append(self.queue.get_nowait())
            except queue.Empty:
                break
        return items

    def wait_for(self, accept: Callable[[Reading], bool], timeout: float) -> Reading | None:
        """Block until a reading that `accept`s arrives (for the CLI and tests); others are
        dropped."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                item = self.queue.get(timeout=min(left, 0.05))
            except queue.Empty:
                continue
            if accept(item):
                return item
        return None
