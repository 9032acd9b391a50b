"""The devices of this gate PC, as the application sees them: built from the settings,
started and stopped as one, and (in a demo) connected to the built-in simulators.

The UI reaches devices only through this module; the reading types are re-exported here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.settings import Settings
from devices.driver import DeviceGone, Driver
from devices.manager import DeviceManager
from devices.ports import AutoPortDriver, PortInfo, list_serial_ports
from devices.readings import (
    CardType,
    CodeReading,
    CodeSource,
    ConnectionState,
    DeviceEvent,
    DeviceKind,
    DeviceState,
    EventKind,
    IdCardReading,
    Reading,
    TemperatureReading,
)

if TYPE_CHECKING:
    from desktop.simulation import Simulation

log = logging.getLogger(__name__)

__all__ = [
    "CardType",
    "CodeReading",
    "CodeSource",
    "ConnectionState",
    "DeviceEvent",
    "DeviceKind",
    "DeviceState",
    "EventKind",
    "Hardware",
    "HardwareError",
    "IdCardReading",
    "PortInfo",
    "Reading",
    "TemperatureReading",
]

DEVICE_NAMES = {
    DeviceKind.ID_READER: "id-reader",
    DeviceKind.SCANNER: "scanner",
    DeviceKind.THERMOMETER: "thermometer",
    DeviceKind.CAMERA: "camera",
    DeviceKind.PRINTER: "printer",
}


PRINT_TIMEOUT_S = 15


class HardwareError(Exception):
    """A device task a person asked for failed. `code` says what kind of failure (the UI
    words it); the message has the technical detail (English)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(detail or code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True, slots=True)
class DevicePorts:
    """Where each device is: from the settings, or the simulators' ports in a demo."""

    id_reader: str = ""
    scanner: str = ""
    thermometer: str = ""
    camera: str = ""
    printer: str = ""

    @classmethod
    def from_settings(cls, settings: Settings) -> DevicePorts:
        return cls(
            id_reader=settings["id_reader.port"],
            scanner=settings["scanner.port"],
            thermometer=settings["thermometer.port"],
            camera=settings["camera.source"],
            printer=settings["printer.connection"],
        )


def build_drivers(settings: Settings, ports: DevicePorts) -> list[Driver]:
    """A driver for every device that has a port."""
    from devices.camera import CameraScanner
    from devices.id_reader import IdCardReader
    from devices.printer import PrinterDriver
    from devices.scanner import SerialScanner
    from devices.thermometer import AsciiThermometer, ModbusThermometer

    drivers: list[Driver] = []
    if ports.id_reader:

        def id_reader(port: str) -> Driver:
            return IdCardReader(
                DEVICE_NAMES[DeviceKind.ID_READER],
                port,
                baudrate=settings["id_reader.baud"],
                hold_off=settings["id_reader.hold_off_s"],
                store_photo=settings["id_reader.store_photo"],
            )

        drivers.append(_maybe_auto(DeviceKind.ID_READER, ports.id_reader, id_reader))
    if ports.scanner:
        drivers.append(
            SerialScanner(
                DEVICE_NAMES[DeviceKind.SCANNER], ports.scanner, baudrate=settings["scanner.baud"]
            )
        )
    if ports.thermometer:
        name = DEVICE_NAMES[DeviceKind.THERMOMETER]
        if settings["thermometer.protocol"] == "ascii":
            drivers.append(
                AsciiThermometer(
                    name,
                    ports.thermometer,
                    baudrate=settings["thermometer.baud"],
                    pattern=settings["thermometer.pattern"] or None,
                    offset_c=settings["thermometer.offset_c"],
                )
            )
        else:

            def thermometer(port: str) -> Driver:
                return ModbusThermometer(
                    name,
                    port,
                    baudrate=settings["thermometer.baud"],
                    slave=settings["thermometer.slave"],
                    offset_c=settings["thermometer.offset_c"],
                )

            drivers.append(_maybe_auto(DeviceKind.THERMOMETER, ports.thermometer, thermometer))
    if ports.printer:
        drivers.append(PrinterDriver(DEVICE_NAMES[DeviceKind.PRINTER], ports.printer))
    if ports.camera:
        drivers.append(
            CameraScanner(
                DEVICE_NAMES[DeviceKind.CAMERA],
                ports.camera,
                decoder=settings["camera.decoder"],
                hold_off=settings["camera.hold_off_s"],
                loop=True,  # a video file (demos, tests) plays on; a camera is not a file
            )
        )
    return drivers


def _maybe_auto(kind: DeviceKind, port: str, factory: Callable[[str], Driver]) -> Driver:
    if port == "auto":
        return AutoPortDriver(kind, DEVICE_NAMES[kind], factory)
    return factory(port)


class Hardware:
    """The running devices. Thread-safe where the UI needs it; never blocks for long."""

    def __init__(self, settings: Settings, *, simulation: Simulation | None = None) -> None:
        self.settings = settings
        self.simulation = simulation
        self._manager: DeviceManager | None = None
        self._printing: ThreadPoolExecutor | None = None

    @property
    def simulated(self) -> bool:
        return self.simulation is not None

    def ports_in_use(self) -> DevicePorts:
        if self.simulation is not None:
            # No camera is simulated: a demo uses the configured camera or video file.
            return replace(self.simulation.ports, camera=self.settings["camera.source"])
        return DevicePorts.from_settings(self.settings)

    # -- life cycle -------------------------------------------------------------------------
    def start(self) -> Hardware:
        if self.simulation is not None:
            self.simulation.start()
        self._start_manager()
        return self

    def stop(self) -> None:
        if self._printing is not None:
            self._printing.shutdown(wait=True, cancel_futures=True)
            self._printing = None
        self._stop_manager()
        if self.simulation is not None:
            self.simulation.stop()

    def restart(self, settings: Settings) -> None:
        """Apply changed device settings: every device is reopened."""
        self._stop_manager()
        self.settings = settings
        self._start_manager()

    def _start_manager(self) -> None:
        if self.settings["devices.mode"] == "none" and self.simulation is None:
            return
        try:
            drivers = build_drivers(self.settings, self.ports_in_use())
        except (DeviceGone, ValueError, ImportError) as exc:
            log.error("devices not started: %s", exc)
            drivers = []
        simulated = set()
        if self.simulation is not None:
            simulated = {DEVICE_NAMES[kind] for kind in DeviceKind if kind is not DeviceKind.CAMERA}
        self._manager = DeviceManager(drivers, simulated=simulated).start()

    def _stop_manager(self) -> None:
        if self._manager is not None:
            self._manager.stop()
            self._manager = None

    # -- what the UI asks -------------------------------------------------------------------
    def drain(self) -> list[Reading]:
        return self._manager.drain() if self._manager else []

    def states(self) -> list[DeviceState]:
        return self._manager.states() if self._manager else []

    def state(self, kind: DeviceKind) -> DeviceState | None:
        return next((s for s in self.states() if s.kind is kind), None)

    def last_reading(self, kind: DeviceKind) -> Reading | None:
        return self._manager.last_reading(DEVICE_NAMES[kind]) if self._manager else None

    def driver(self, kind: DeviceKind) -> Driver | None:
        return self._manager.driver(DEVICE_NAMES[kind]) if self._manager else None

    def ports(self) -> list[PortInfo]:
        extra = []
        if self.simulation is not None:
            ports = self.simulation.ports
            extra = [ports.id_reader, ports.scanner, ports.thermometer]
        return list_serial_ports(extra)

    def camera_preview(self) -> tuple[Any, dict[str, Any]] | None:
        """The camera's latest small frame (BGR array) and its statistics, if one runs."""
        camera = self.driver(DeviceKind.CAMERA)
        if camera is None:
            return None
        return camera.latest_frame(), camera.stats()

    def print_slip(self, slip: Any, spec: str | None = None) -> None:
        """Print on the configured printer (through its worker), or on `spec`, a connection
        being tried out. Raises `HardwareError` with the reason when nothing was printed."""
        from devices.printer import PrinterDriver, ReceiptPrinter, render

        configured = self.ports_in_use().printer
        spec = spec or configured
        if not spec:
            raise HardwareError("not-configured")
        driver = self.driver(DeviceKind.PRINTER)
        if spec == configured and isinstance(driver, PrinterDriver):
            state = self.state(DeviceKind.PRINTER)
            if state is None or state.state is not ConnectionState.CONNECTED:
                raise HardwareError("not-connected", state.detail if state else "")
            done = driver.submit(render(slip))
            try:
                done.result(timeout=PRINT_TIMEOUT_S)
            except FutureTimeout as exc:
                done.cancel()
                raise HardwareError("timeout") from exc
            except DeviceGone as exc:
                raise HardwareError("unreachable", str(exc)) from exc
            return
        try:
            ReceiptPrinter.from_spec(spec).print_slip(slip)
        except ValueError as exc:
            raise HardwareError("bad-connection", str(exc)) from exc
        except (DeviceGone, OSError) as exc:
            raise HardwareError("unreachable", str(exc)) from exc

    def print_later(self, slip: Any, spec: str | None = None) -> Future[None]:
        """`print_slip` off the caller's thread: the window stays responsive while a slow
        printer takes the slip. The future raises `HardwareError` when nothing was printed."""
        if self._printing is None:
            self._printing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="printing")
        return self._printing.submit(self.print_slip, slip, spec)

    @property
    def has_printer(self) -> bool:
        return bool(self.ports_in_use().printer)

    def print_text_later(
        self, title: str, lines: list[str], *, qr: str | None = None, footer: str = ""
    ) -> Future[None]:
        """Print a slip of text (a visitor's temporary slip) off the caller's thread."""
        from devices.printer import Slip

        return self.print_later(Slip(title, tuple(lines), qr=qr, footer=footer))

    def print_test_slip_later(self, spec: str | None = None) -> Future[None]:
        from devices.printer import sample_slip

        return self.print_later(sample_slip(), spec)


def simulation_folder(data_dir: Path) -> Path:
    return data_dir / "simulators"
