"""The settings page with real ports: choose, save, reconnect, and the device works."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desktop.hardware import ConnectionState, DeviceKind
from desktop.settings import load_settings
from devices.sim.scanner import ScannerSimulator
from devices.sim.vport import VirtualPort


def test_choosing_a_scanner_port_saves_and_connects(window, qtbot, context, tmp_path):
    sim = ScannerSimulator(VirtualPort(tmp_path / "scanner")).start()
    try:
        window.navigation.setCurrentRow(4)
        page = window.settings_page
        box = page.port_boxes[DeviceKind.SCANNER]
        box.setEditText(sim.port.path)
        page.offset.setValue(0.3)
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
        saved = load_settings(context.paths.settings_file)
        assert saved["scanner.port"] == sim.port.path
        assert saved["thermometer.offset_c"] == 0.3
        assert saved["devices.mode"] == "configured"

        def scanner_state():
            state = window.hardware.state(DeviceKind.SCANNER)
            return state.state if state else None

        qtbot.waitUntil(lambda: scanner_state() is ConnectionState.CONNECTED, timeout=3000)
        qtbot.waitUntil(lambda: "扫码枪 ● 已连接" in window.device_label.text(), timeout=3000)
        sim.command("scan NOT-A-KNOWN-CODE")
        qtbot.waitUntil(lambda: window.gate_page.last_verdict is not None, timeout=3000)
        assert window.stack.currentWidget() is window.gate_page
        window.navigation.setCurrentRow(4)
        qtbot.mouseClick(page.findChild(QPushButton, "test-scanner"), Qt.MouseButton.LeftButton)
        assert "NOT-A-KNOWN-CODE" in page.results[DeviceKind.SCANNER].text()
    finally:
        sim.stop()
