"""The main window: navigation on the left, pages on the right, device states below."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from desktop.app import AppContext
from devices.hub import DeviceHub
from devices.readings import ConnectionState, DeviceKind
from ui.pages.gate_page import GatePage
from ui.pages.registry_page import RegistryPage
from ui.pages.simple_pages import NotYetPage, SettingsPage
from ui.wedge import BurstDetector

STATUS_REFRESH_MS = 2000


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, devices: DeviceHub) -> None:
        super().__init__()
        self.context = context
        self.devices = devices
        site = context.site
        settings = context.settings
        self.zone = ZoneInfo(site.timezone)
        place = " · ".join(p for p in (site.community_name, site.gate_name or site.gate_code) if p)
        self.setWindowTitle(self.tr("GateDesk") + (f" — {place}" if place else ""))

        self.gate_page = GatePage(
            context.gate,
            context.registry,
            devices,
            verdict_seconds=settings["gate.verdict_seconds"],
            scanner=BurstDetector(
                settings["scanner.max_key_interval_ms"], settings["scanner.min_length"]
            ),
        )
        self.registry_page = RegistryPage(context.registry)
        pages: list[tuple[str, QWidget]] = [
            (self.tr("Gate"), self.gate_page),
            (self.tr("Registry"), self.registry_page),
            (self.tr("Reports"), NotYetPage(self.tr("Reports"))),
            (self.tr("Sync"), NotYetPage(self.tr("Sync"))),
            (self.tr("Settings"), SettingsPage(settings, context.paths)),
        ]
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(180)
        self.stack = QStackedWidget()
        for title, page in pages:
            self.navigation.addItem(title)
            self.stack.addWidget(page)
        self.navigation.currentRowChanged.connect(self._switch)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.place_label = QLabel(place)
        self.clock_label = QLabel()
        self.device_label = QLabel()
        self.device_label.setObjectName("deviceStatus")
        status = self.statusBar()
        status.addWidget(self.device_label, 1)
        status.addPermanentWidget(self.place_label)
        status.addPermanentWidget(self.clock_label)
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self.refresh_status)
        self._status_timer.start()
        self.refresh_status()
        self.navigation.setCurrentRow(0)
        self.resize(1366, 768)

    def _switch(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        if self.stack.currentWidget() is self.gate_page:
            self.gate_page.input.setFocus()

    def refresh_status(self) -> None:
        self.clock_label.setText(datetime.now(self.zone).strftime("%H:%M"))
        parts = []
        names = {
            DeviceKind.ID_READER: self.tr("ID reader"),
            DeviceKind.SCANNER: self.tr("Scanner"),
            DeviceKind.THERMOMETER: self.tr("Thermometer"),
            DeviceKind.CAMERA: self.tr("Camera"),
            DeviceKind.PRINTER: self.tr("Printer"),
        }
        states = {
            ConnectionState.CONNECTED: self.tr("● connected"),
            ConnectionState.DISCONNECTED: self.tr("○ disconnected"),
            ConnectionState.ERROR: self.tr("✕ error"),
            ConnectionState.NOT_CONFIGURED: self.tr("○ not configured"),
        }
        for state in self.devices.states():
            text = f"{names[state.kind]} {states[state.state]}"
            if state.simulated:
                text += self.tr(" (simulated)")
            parts.append(text)
        if not parts:
            parts.append(self.tr("No devices configured: type ID numbers"))
        self.device_label.setText("    ".join(parts))

    def bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()
