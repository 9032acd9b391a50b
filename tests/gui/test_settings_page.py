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
        window.show_page(window.settings_page)
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
        sim.command("scan TEST-CODE-1")  # on the settings page: a test reading
        qtbot.waitUntil(lambda: "TEST-CODE-1" in page.results[DeviceKind.SCANNER].text())
        assert window.gate_page.last_verdict is None
        window.navigation.setCurrentRow(0)
        sim.command("scan NOT-A-KNOWN-CODE")  # at the gate: a check
        qtbot.waitUntil(lambda: window.gate_page.last_verdict is not None, timeout=3000)
        assert window.gate_page.last_verdict.reason.value == "unknown-code"
        window.show_page(window.settings_page)
        qtbot.mouseClick(page.findChild(QPushButton, "test-scanner"), Qt.MouseButton.LeftButton)
        assert "NOT-A-KNOWN-CODE" in page.results[DeviceKind.SCANNER].text()
    finally:
        sim.stop()


def test_camera_preview_and_frame_rate(window, qtbot, context, tmp_path):
    from devices.camera_frames import qr_frame, write_video

    video = write_video(
        tmp_path / "camera.avi",
        [qr_frame(None, seed=1)] * 5 + [qr_frame("CAMERA-CODE-1", seed=2)] * 10,
    )
    window.show_page(window.settings_page)
    page = window.settings_page
    page.camera_source.setEditText(str(video))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert load_settings(context.paths.settings_file)["camera.source"] == str(video)
    qtbot.waitUntil(
        lambda: page.preview.pixmap() is not None and not page.preview.pixmap().isNull(),
        timeout=5000,
    )
    qtbot.waitUntil(lambda: "帧" in page.camera_stats.text(), timeout=5000)
    assert "zxing" in page.camera_stats.text()
    # On the settings page a code is a test reading, shown there, not a gate check.
    qtbot.waitUntil(lambda: "CAMERA-CODE-1" in page.camera_code.text(), timeout=5000)
    assert window.stack.currentWidget() is page
    assert window.gate_page.last_verdict is None


def test_printing_to_an_absent_printer_says_why(window, qtbot, tmp_path):
    window.show_page(window.settings_page)
    page = window.settings_page
    page.printer.setEditText(f"serial:{tmp_path / 'no-printer'}")
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert not page.print_button.isEnabled()  # the window goes on while it tries
    qtbot.waitUntil(lambda: "未打印" in page.print_result.text(), timeout=5000)
    assert "无法连接打印机" in page.print_result.text()
    assert page.print_button.isEnabled()


def test_verdict_sounds_can_be_turned_off_and_say_what_the_pc_can_do(window, qtbot, context):
    window.show_page(window.settings_page)
    page = window.settings_page
    assert page.sound_status.text()  # in words, whatever this PC can play
    page.sound.setChecked(False)
    page.speech.setChecked(False)
    assert "提示音已关闭" in page.sound_status.text()
    assert "语音播报已关闭" in page.sound_status.text()
    assert window.announcer.status() == page.sound_status.text()
    page.save()
    saved = load_settings(context.paths.settings_file)
    assert (saved["gate.sound"], saved["gate.speech"]) == (False, False)
