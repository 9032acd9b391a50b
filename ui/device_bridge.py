"""Brings what the device threads report onto the UI thread, as Qt signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.hardware import (
    CodeReading,
    DeviceEvent,
    DeviceState,
    Hardware,
    IdCardReading,
    TemperatureReading,
)

PUMP_INTERVAL_MS = 40


class DeviceBridge(QObject):
    """Drains the device manager's queue on a timer; one signal per kind of report."""

    cardRead = Signal(object)  # IdCardReading  # noqa: N815 (Qt naming)
    codeRead = Signal(object)  # CodeReading  # noqa: N815
    temperatureRead = Signal(object)  # TemperatureReading  # noqa: N815
    stateChanged = Signal(object)  # DeviceState  # noqa: N815
    eventReported = Signal(object)  # DeviceEvent  # noqa: N815

    def __init__(self, hardware: Hardware, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hardware = hardware
        self._timer = QTimer(self)
        self._timer.setInterval(PUMP_INTERVAL_MS)
        self._timer.timeout.connect(self.pump)
        self._timer.start()

    def pump(self) -> None:
        for item in self.hardware.drain():
            if isinstance(item, IdCardReading):
                self.cardRead.emit(item)
            elif isinstance(item, CodeReading):
                self.codeRead.emit(item)
            elif isinstance(item, TemperatureReading):
                self.temperatureRead.emit(item)
            elif isinstance(item, DeviceState):
                self.stateChanged.emit(item)
            elif isinstance(item, DeviceEvent):
                self.eventReported.emit(item)
