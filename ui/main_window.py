"""The main window: navigation on the left, pages on the right, device states below."""

from __future__ import annotations

import html
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from db.enums import Role
from desktop.app import AppContext
from desktop.export import ExportKind
from desktop.hardware import CodeReading, CodeSource, ConnectionState, DeviceEvent, Hardware
from desktop.registry_edit import RegistryEditor
from desktop.settings import Settings
from desktop.test_results_export import TestResultsService
from ui import texts
from ui.device_bridge import DeviceBridge
from ui.pages.checkin_page import CheckinPage
from ui.pages.gate_page import GatePage
from ui.pages.import_wizard import ImportWizard
from ui.pages.keypersons_page import KeyPersonsPage
from ui.pages.passes_page import PassesPage
from ui.pages.registry_page import RegistryPage
from ui.pages.settings_page import SettingsPage
from ui.pages.simple_pages import NotYetPage
from ui.pages.tests_page import TestsPage
from ui.sounds import VerdictAnnouncer
from ui.wedge import ScanCapture

STATUS_REFRESH_MS = 2000
STATUS_MESSAGE_MS = 8000
MIDNIGHT_SLACK_MS = 5000
_STATE_COLOURS = {
    ConnectionState.CONNECTED: "#1B5E20",
    ConnectionState.DISCONNECTED: "#B71C1C",
    ConnectionState.ERROR: "#B71C1C",
    ConnectionState.NOT_CONFIGURED: "#455A64",
}


def make_announcer(settings, parent) -> VerdictAnnouncer:
    """The verdict sounds and speech, as configured (silent when both are off)."""
    return VerdictAnnouncer(
        sound=settings["gate.sound"],
        speech=settings["gate.speech"],
        language=settings["language"],
        parent=parent,
    )


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, hardware: Hardware) -> None:
        super().__init__()
        self.context = context
        self.hardware = hardware
        site = context.site
        settings = context.settings
        self.zone = ZoneInfo(site.timezone)
        place = " · ".join(p for p in (site.community_name, site.gate_name or site.gate_code) if p)
        self.setWindowTitle(self.tr("GateDesk") + (f" — {place}" if place else ""))

        self.announcer = make_announcer(settings, self)
        self.gate_page = GatePage(
            context.intake,
            context.registry,
            verdict_seconds=settings["gate.verdict_seconds"],
            offline_after_hours=settings["sync.offline_after_hours"],
            announce=self.announcer.announce,
            print_slip=hardware.print_text_later if hardware.has_printer else None,
        )
        editor = RegistryEditor(
            context.sessions, site.community_id, site.timezone, user_id=context.operator_id
        )
        self.registry_page = RegistryPage(
            context.registry, editor, role=Role(settings["office.role"]), zone=self.zone
        )
        self.registry_page.importRequested.connect(self.open_import_wizard)
        self.import_wizard: ImportWizard | None = None
        self.checkin_page = CheckinPage(context.registry, context.health, self.zone)
        self.keypersons_page = KeyPersonsPage(
            context.keypersons,
            context.isolation,
            context.registry,
            self.zone,
            on_export=self._export_key_persons,
        )
        self.passes_page = PassesPage(
            context.passes,
            context.registry,
            context.sessions,
            context.paths.output_dir,
            self.zone,
            print_slip=hardware.print_text_later if hardware.has_printer else None,
        )
        self.tests_page = TestsPage(
            TestResultsService(context.sessions, site.community_id),
            context.paths.output_dir,
            settings["language"],
        )
        self.settings_page = SettingsPage(
            settings,
            context.paths,
            hardware,
            zone=self.zone,
            on_saved=self.apply_device_settings,
            announcer=self.announcer,
        )
        pages: list[tuple[str, QWidget]] = [
            (self.tr("Gate"), self.gate_page),
            (self.tr("Registry"), self.registry_page),
            (self.tr("Check-in"), self.checkin_page),
            (self.tr("Key persons"), self.keypersons_page),
            (self.tr("Test results"), self.tests_page),
            (self.tr("Passes"), self.passes_page),
            (self.tr("Reports"), NotYetPage(self.tr("Reports"))),
            (self.tr("Sync"), NotYetPage(self.tr("Sync"))),
            (self.tr("Settings"), self.settings_page),
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
        self.event_label = QLabel()
        self.event_label.setObjectName("deviceEvent")
        self.event_label.setStyleSheet("color: #B71C1C;")
        self._event_timer = QTimer(self)
        self._event_timer.setSingleShot(True)
        self._event_timer.setInterval(STATUS_MESSAGE_MS)
        self._event_timer.timeout.connect(self.event_label.clear)
        status = self.statusBar()
        status.addWidget(self.device_label, 1)
        status.addWidget(self.event_label, 1)
        status.addPermanentWidget(self.place_label)
        status.addPermanentWidget(self.clock_label)
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self.refresh_status)
        self._status_timer.start()
        self.bridge = DeviceBridge(hardware, self)
        self.bridge.cardRead.connect(self._card_read)
        self.bridge.codeRead.connect(self._code_read)
        self.bridge.temperatureRead.connect(self.gate_page.temperature_read)
        self.bridge.stateChanged.connect(lambda _state: self.refresh_status())
        self.bridge.eventReported.connect(self._device_event)
        self.scan_capture = ScanCapture(
            settings["scanner.max_key_interval_ms"], settings["scanner.min_length"], self
        )
        self.scan_capture.scanned.connect(self._wedge_scan)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.scan_capture)
        self.demo_bar = None
        if hardware.simulation is not None:
            from ui.demo_panel import DemoDevicesBar

            self.demo_bar = DemoDevicesBar(hardware.simulation, self)
            self.addToolBar(self.demo_bar)
        self._midnight = QTimer(self)
        self._midnight.setSingleShot(True)
        self._midnight.timeout.connect(self.day_rolled_over)
        self._arm_midnight()
        self.refresh_status()
        self.navigation.setCurrentRow(0)
        self.resize(1366, 768)

    def _switch(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        if self.stack.currentWidget() is self.gate_page:
            self.gate_page.input.setFocus()

    def _arm_midnight(self) -> None:
        now = datetime.now(self.zone)
        midnight = datetime.combine(now.date() + timedelta(days=1), time(), tzinfo=self.zone)
        self._midnight.start(int((midnight - now).total_seconds() * 1000) + MIDNIGHT_SLACK_MS)

    def day_rolled_over(self) -> None:
        """A day ended: missed check-ins change colours (yellow, red) from now on."""
        self.context.health.bring_up_to_date()
        self.gate_page.refresh()
        self.checkin_page.refresh()
        self.keypersons_page.refresh()
        self._arm_midnight()

    def open_import_wizard(self) -> ImportWizard:
        """The ledger import, in front of the window; the registry page refreshes after it."""
        if self.import_wizard is not None and self.import_wizard.isVisible():
            self.import_wizard.raise_()
            return self.import_wizard
        wizard = ImportWizard(
            self.context.sessions,
            self.context.site.community_id,
            language=self.context.settings["language"],
            today=lambda: datetime.now(self.zone).date(),
            start_dir=Path.home(),
            user_id=self.context.operator_id,
            parent=self,
        )
        wizard.on_finished = lambda _outcome: self._registry_changed()
        wizard.setModal(True)
        wizard.show()
        self.import_wizard = wizard
        return wizard

    def _registry_changed(self) -> None:
        self.registry_page.reload_places()
        self.registry_page.refresh()
        self.checkin_page.refresh()

    def _export_key_persons(self) -> None:
        self.show_page(self.registry_page)
        self.registry_page.choose_export(ExportKind.KEY_PERSONS)

    def show_page(self, page: QWidget) -> None:
        self.navigation.setCurrentRow(self.stack.indexOf(page))

    def _to_gate(self) -> GatePage:
        """Readings are gate checks: bring the gate page forward for them."""
        if self.stack.currentWidget() is not self.gate_page:
            self.navigation.setCurrentRow(0)
        return self.gate_page

    def _testing_devices(self, reading) -> bool:
        """On the settings page a reading is a device test, shown there; not a gate check."""
        if self.stack.currentWidget() is self.settings_page:
            self.settings_page.show_reading(reading)
            return True
        return False

    def _card_read(self, reading) -> None:
        if not self._testing_devices(reading):
            self._to_gate().card_read(reading)

    def _code_read(self, reading) -> None:
        if not self._testing_devices(reading):
            self._to_gate().code_read(reading)

    def _wedge_scan(self, text: str) -> None:
        reading = CodeReading(text, CodeSource.WEDGE, "wedge", datetime.now(self.zone))
        self._code_read(reading)

    def _device_event(self, event: DeviceEvent) -> None:
        message = texts.event_text(event)
        if message:
            when = event.at.astimezone(self.zone).strftime("%H:%M:%S")
            self.event_label.setText(f"{when} {message}")
            self._event_timer.start()

    def apply_device_settings(self, settings: Settings) -> None:
        """The settings page saved new device settings: reconnect every device."""
        self.context.settings = settings
        self.context.intake.attach_window = timedelta(
            seconds=settings["thermometer.attach_window_s"]
        )
        self.hardware.restart(settings)
        self.refresh_status()

    def refresh_status(self) -> None:
        self.clock_label.setText(datetime.now(self.zone).strftime("%H:%M"))
        states = self.hardware.states()
        parts = [
            f'<span style="color:{_STATE_COLOURS[state.state]}">'
            f"{html.escape(texts.device_state_text(state, detail=False))}</span>"
            for state in states
        ]
        if not parts:
            parts.append(html.escape(self.tr("No devices configured: type ID numbers")))
        self.device_label.setText("&nbsp;&nbsp;&nbsp;&nbsp;".join(parts))
        self.device_label.setToolTip("\n".join(texts.device_state_text(state) for state in states))

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.scan_capture)
        super().closeEvent(event)

    def bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()
