"""The settings page: devices chosen and tested here; the other settings shown as in force."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from datetime import tzinfo

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.hardware import (
    CodeReading,
    CodeSource,
    DeviceKind,
    Hardware,
    HardwareError,
    IdCardReading,
)
from desktop.paths import AppPaths
from desktop.settings import OPTIONS, Settings, SettingsError
from desktop.verdicts import VerdictKind
from ui import texts
from ui.sounds import VerdictAnnouncer

log = logging.getLogger(__name__)

PORT_REFRESH_MS = 3000
PREVIEW_REFRESH_MS = 200
DEVICE_KEYS = {
    DeviceKind.ID_READER: "id_reader.port",
    DeviceKind.SCANNER: "scanner.port",
    DeviceKind.THERMOMETER: "thermometer.port",
}


class PortBox(QComboBox):
    """An editable list of serial ports with their USB ids; "" means not used."""

    def __init__(self, current: str, *, auto: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setMinimumWidth(420)
        self._auto = auto
        self._current = current
        self.refresh([])

    def value(self) -> str:
        return _combo_value(self)

    def refresh(self, ports: list) -> None:
        keep = self.value() if self.count() else self._current
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("(none)"), "")
        if self._auto:
            self.addItem(self.tr("auto: probe USB serial ports"), "auto")
        for port in ports:
            self.addItem(port.label(), port.device)
        index = self.findData(keep)
        if index < 0 and keep:
            self.addItem(keep, keep)
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)


def _choice(values: list[tuple[str, object]], current: object) -> QComboBox:
    box = QComboBox()
    for label, value in values:
        box.addItem(label, value)
    box.setCurrentIndex(max(box.findData(current), 0))
    return box


def _spin(value: float, low: float, high: float, step: float, suffix: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(low, high)
    spin.setSingleStep(step)
    spin.setDecimals(1 if step >= 0.1 else 2)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin


class SettingsPage(QWidget):
    """Device ports, speeds and protocols with a test button each; the rest read-only."""

    def __init__(
        self,
        settings: Settings,
        paths: AppPaths,
        hardware: Hardware,
        *,
        zone: tzinfo | None = None,
        on_saved: Callable[[Settings], None] | None = None,
        announcer: VerdictAnnouncer | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.zone = zone
        self.announcer = announcer
        self.settings = settings
        self.paths = paths
        self.hardware = hardware
        self._on_saved = on_saved

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self._devices_box())
        layout.addWidget(self._camera_box())
        layout.addWidget(self._printer_box())
        layout.addWidget(self._sound_box())
        self.save_button = QPushButton(self.tr("Save and reconnect devices"))
        self.save_button.setObjectName("saveDevices")
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        layout.addWidget(self._other_settings_box())
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self._port_timer = QTimer(self)
        self._port_timer.setInterval(PORT_REFRESH_MS)
        self._port_timer.timeout.connect(self.refresh_ports)
        self._preview_timer = QTimer(self)
        self._preview_timer.setInterval(PREVIEW_REFRESH_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self._printing: Future[None] | None = None
        self._print_timer = QTimer(self)
        self._print_timer.setInterval(100)
        self._print_timer.timeout.connect(self._print_finished)
        self.refresh_ports()

    # -- building ---------------------------------------------------------------------------
    def _devices_box(self) -> QGroupBox:
        s = self.settings
        box = QGroupBox(self.tr("Devices"))
        grid = QGridLayout(box)
        if self.hardware.simulated:
            note = QLabel(self.tr("Demo: the devices are the built-in simulators."))
            note.setObjectName("simulatedNote")
            grid.addWidget(note, 0, 0, 1, 4)
        ports = self.hardware.ports_in_use()  # in a demo, the simulators' ports
        self.port_boxes: dict[DeviceKind, PortBox] = {
            DeviceKind.ID_READER: PortBox(ports.id_reader, auto=True),
            DeviceKind.SCANNER: PortBox(ports.scanner, auto=False),
            DeviceKind.THERMOMETER: PortBox(ports.thermometer, auto=True),
        }
        for port_box in self.port_boxes.values():
            port_box.setEnabled(not self.hardware.simulated)  # a demo's ports are the simulators'
        self.id_baud = _choice(
            [(self.tr("probe"), 0), ("9600", 9600), ("115200", 115200)], s["id_reader.baud"]
        )
        self.scanner_baud = _choice(
            [(str(b), b) for b in (9600, 19200, 38400, 57600, 115200)], s["scanner.baud"]
        )
        self.thermo_protocol = _choice(
            [(self.tr("Modbus RTU"), "modbus"), (self.tr("ASCII lines"), "ascii")],
            s["thermometer.protocol"],
        )
        self.thermo_baud = _choice(
            [(str(b), b) for b in (2400, 4800, 9600, 19200, 115200)], s["thermometer.baud"]
        )
        self.hold_off = _spin(s["id_reader.hold_off_s"], 1, 120, 1, self.tr(" s"))
        self.offset = _spin(s["thermometer.offset_c"], 0.0, 0.6, 0.1, " °C")
        self.attach_window = _spin(s["thermometer.attach_window_s"], 3, 300, 1, self.tr(" s"))
        self.results: dict[DeviceKind, QLabel] = {}
        rows = [
            (
                DeviceKind.ID_READER,
                self.tr("ID-card reader"),
                [
                    (self.tr("Speed"), self.id_baud),
                    (self.tr("Same card ignored for"), self.hold_off),
                ],
            ),
            (
                DeviceKind.SCANNER,
                self.tr("Serial scanner"),
                [(self.tr("Speed"), self.scanner_baud)],
            ),
            (
                DeviceKind.THERMOMETER,
                self.tr("Thermometer"),
                [
                    (self.tr("Protocol"), self.thermo_protocol),
                    (self.tr("Speed"), self.thermo_baud),
                    (self.tr("Wrist/forehead offset"), self.offset),
                    (self.tr("Reading attaches for"), self.attach_window),
                ],
            ),
        ]
        row = 1
        for kind, title, extras in rows:
            heading = QLabel(f"<b>{title}</b>")
            grid.addWidget(heading, row, 0)
            grid.addWidget(QLabel(self.tr("Port")), row, 1)
            grid.addWidget(self.port_boxes[kind], row, 2)
            test = QPushButton(self.tr("Test device"))
            test.setObjectName(f"test-{kind.value}")
            test.clicked.connect(lambda _=False, k=kind: self.test_device(k))
            grid.addWidget(test, row, 3)
            row += 1
            for label, widget in extras:
                grid.addWidget(QLabel(label), row, 1)
                grid.addWidget(widget, row, 2)
                row += 1
            result = QLabel(self.tr("Press Test device to see its state and last reading."))
            result.setObjectName(f"result-{kind.value}")
            result.setWordWrap(True)
            self.results[kind] = result
            grid.addWidget(result, row, 1, 1, 3)
            row += 1
        grid.setColumnStretch(2, 1)
        return box

    def _camera_box(self) -> QGroupBox:
        s = self.settings
        box = QGroupBox(self.tr("Camera (QR codes)"))
        form = QFormLayout(box)
        self.camera_source = QComboBox()
        self.camera_source.setEditable(True)
        self.camera_source.addItem(self.tr("(none)"), "")
        for index in range(3):
            self.camera_source.addItem(self.tr("Camera %1").replace("%1", str(index)), str(index))
        current = self.camera_source.findData(s["camera.source"])
        if current < 0:
            self.camera_source.addItem(s["camera.source"], s["camera.source"])
            current = self.camera_source.count() - 1
        self.camera_source.setCurrentIndex(current)
        self.decoder = _choice(
            [(self.tr("zxing-cpp (recommended)"), "zxing"), ("pyzbar", "pyzbar")],
            s["camera.decoder"],
        )
        self.preview = QLabel(self.tr("No camera running."))
        self.preview.setObjectName("cameraPreview")
        self.preview.setMinimumSize(320, 180)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.camera_stats = QLabel()
        self.camera_stats.setObjectName("cameraStats")
        self.camera_code = QLabel()
        self.camera_code.setObjectName("cameraCode")
        form.addRow(self.tr("Source"), self.camera_source)
        form.addRow(self.tr("Decoder"), self.decoder)
        form.addRow(self.tr("Preview"), self.preview)
        form.addRow("", self.camera_stats)
        form.addRow("", self.camera_code)
        return box

    def _printer_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Receipt printer (80 mm)"))
        form = QFormLayout(box)
        self.printer = QComboBox()
        self.printer.setEditable(True)
        self.printer.addItem(self.hardware.ports_in_use().printer)
        self.printer.setEnabled(not self.hardware.simulated)
        self.printer.setToolTip(
            self.tr("serial:PORT[@BAUD], network:HOST[:PORT], usb:VID:PID or file:PATH")
        )
        self.print_button = QPushButton(self.tr("Print a test slip"))
        self.print_button.setObjectName("printTest")
        self.print_button.clicked.connect(self.print_test)
        self.print_result = QLabel()
        self.print_result.setObjectName("printResult")
        row = QHBoxLayout()
        row.addWidget(self.printer, 1)
        row.addWidget(self.print_button)
        form.addRow(self.tr("Connection"), row)
        form.addRow("", self.print_result)
        return box

    def _sound_box(self) -> QGroupBox:
        """Verdict sounds and spoken verdicts, with what this PC can do in words."""
        box = QGroupBox(self.tr("Verdict sounds"))
        form = QFormLayout(box)
        self.sound = QCheckBox(self.tr("A sound for every verdict"))
        self.sound.setObjectName("soundOn")
        self.sound.setChecked(self.settings["gate.sound"])
        self.speech = QCheckBox(self.tr("Speak the verdict"))
        self.speech.setObjectName("speechOn")
        self.speech.setChecked(self.settings["gate.speech"])
        self.sound_status = QLabel()
        self.sound_status.setObjectName("soundStatus")
        self.sound_status.setWordWrap(True)
        test = QPushButton(self.tr("Try it"))
        test.clicked.connect(self.try_sound)
        for checkbox in (self.sound, self.speech):
            checkbox.toggled.connect(self._sound_changed)
        form.addRow(self.sound)
        form.addRow(self.speech)
        form.addRow(test, self.sound_status)
        self._sound_changed()
        return box

    def _sound_changed(self) -> None:
        if self.announcer is None:
            self.sound_status.setText(self.tr("Sounds are not available in this window."))
            return
        self.announcer.set_sound(self.sound.isChecked())
        self.announcer.set_speech(self.speech.isChecked())
        self.sound_status.setText(self.announcer.status())

    def try_sound(self) -> None:
        if self.announcer is not None:
            self.announcer.announce(VerdictKind.ALLOW)

    def _other_settings_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Other settings (edit the file, then restart)"))
        form = QFormLayout(box)
        intro = QLabel(str(self.paths.settings_file))
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Settings file"), intro)
        for option in OPTIONS:
            if option.key.split(".")[0] in ("id_reader", "thermometer", "camera", "printer"):
                continue
            if option.key in ("scanner.port", "scanner.baud", "gate.sound", "gate.speech"):
                continue
            value = QLabel(repr(self.settings[option.key]))
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(option.key, value)
        database = self.settings["database_url"] or str(self.paths.database_file)
        form.addRow(self.tr("Database"), QLabel(database))
        form.addRow(self.tr("Logs"), QLabel(str(self.paths.log_dir)))
        return box

    # -- behaviour --------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.refresh_ports()
        self._port_timer.start()
        self._preview_timer.start()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().hideEvent(event)
        self._port_timer.stop()
        self._preview_timer.stop()

    def refresh_ports(self) -> None:
        ports = self.hardware.ports()
        for box in self.port_boxes.values():
            if not box.view().isVisible():  # never pull the list away under the mouse
                box.refresh(ports)

    def test_device(self, kind: DeviceKind) -> None:
        state = self.hardware.state(kind)
        reading = self.hardware.last_reading(kind)
        parts = [texts.device_state_text(state) if state else self.tr("not running")]
        if reading is not None:
            parts.append(self.tr("last: %1").replace("%1", texts.reading_text(reading, self.zone)))
        else:
            parts.append(self.tr("no reading yet"))
        self.results[kind].setText(" — ".join(parts))

    def show_reading(self, reading: CodeReading | IdCardReading) -> None:
        """A card or code that arrived while this page is open: a test, shown by its device."""
        text = self.tr("last: %1").replace("%1", texts.reading_text(reading, self.zone))
        if isinstance(reading, CodeReading) and reading.source is CodeSource.CAMERA:
            self.camera_code.setText(text)
            return
        kind = DeviceKind.ID_READER if isinstance(reading, IdCardReading) else DeviceKind.SCANNER
        self.results[kind].setText(text)

    def refresh_preview(self) -> None:
        preview = self.hardware.camera_preview()
        if preview is None:
            self.preview.setText(self.tr("No camera running."))
            self.camera_stats.clear()
            return
        frame, stats = preview
        if frame is not None:
            height, width = frame.shape[:2]
            image = QImage(frame.data, width, height, frame.strides[0], QImage.Format.Format_BGR888)
            self.preview.setPixmap(QPixmap.fromImage(image.copy()))
        self.camera_stats.setText(
            self.tr("%1 frames/s decoded, last decode %2 ms (%3)")
            .replace("%1", f"{stats.get('fps', 0):.1f}")
            .replace("%2", f"{stats.get('decode_ms', 0):.0f}")
            .replace("%3", str(stats.get("decoder", "")))
        )

    def print_test(self) -> None:
        self._printing = self.hardware.print_test_slip_later(
            self.printer.currentText().strip() or None
        )
        self.print_button.setEnabled(False)
        self.print_result.setText(self.tr("Printing…"))
        self._print_timer.start()

    def _print_finished(self) -> None:
        if self._printing is None or not self._printing.done():
            return
        self._print_timer.stop()
        self.print_button.setEnabled(True)
        try:
            self._printing.result()
        except HardwareError as exc:
            reason = texts.print_problem(exc.code, exc.detail)
            self.print_result.setText(self.tr("Not printed: %1").replace("%1", reason))
        else:
            self.print_result.setText(self.tr("Test slip sent to the printer."))
        self._printing = None

    def changed_settings(self) -> Settings:
        s = self.settings
        simulated = self.hardware.simulated  # never save the simulators' ports

        def port(kind: DeviceKind) -> str:
            return s[DEVICE_KEYS[kind]] if simulated else self.port_boxes[kind].value()

        return self.settings.with_values(
            id_reader__port=port(DeviceKind.ID_READER),
            id_reader__baud=self.id_baud.currentData(),
            id_reader__hold_off_s=self.hold_off.value(),
            scanner__port=port(DeviceKind.SCANNER),
            scanner__baud=self.scanner_baud.currentData(),
            thermometer__port=port(DeviceKind.THERMOMETER),
            thermometer__protocol=self.thermo_protocol.currentData(),
            thermometer__baud=self.thermo_baud.currentData(),
            thermometer__offset_c=round(self.offset.value(), 2),
            thermometer__attach_window_s=self.attach_window.value(),
            camera__source=_combo_value(self.camera_source),
            camera__decoder=self.decoder.currentData(),
            printer__connection=(
                s["printer.connection"] if simulated else self.printer.currentText().strip()
            ),
            gate__sound=self.sound.isChecked(),
            gate__speech=self.speech.isChecked(),
        )

    def save(self) -> None:
        try:
            settings = self.changed_settings()
            path = settings.save()
        except (SettingsError, OSError) as exc:
            QMessageBox.warning(
                self,
                self.tr("Settings not saved"),
                self.tr("The settings were not saved:\n%1").replace("%1", str(exc)),
            )
            return
        log.info("device settings saved to %s", path)
        self.settings = settings
        if self._on_saved is not None:
            self._on_saved(settings)


def _combo_value(box: QComboBox) -> str:
    index = box.currentIndex()
    if index >= 0 and box.itemText(index) == box.currentText():
        return str(box.itemData(index) or "")
    return box.currentText().strip()
