"""`gatedesk --demo`: the real drivers read the built-in simulators; unplugging is survived."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from db.enums import CheckMethod
from db.models import EntryLog
from desktop.hardware import ConnectionState, DeviceKind, Hardware
from desktop.simulation import Simulation
from desktop.verdicts import VerdictKind
from tests.support.dialogs import when_open


@pytest.fixture
def demo_window(qtbot, qapp, context, chinese):
    from ui.main_window import MainWindow
    from ui.theme import apply_theme

    apply_theme(qapp)
    simulation = Simulation.for_context(context)
    hardware = Hardware(context.settings, simulation=simulation).start()
    win = MainWindow(context, hardware)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: _state(hardware, DeviceKind.ID_READER) is ConnectionState.CONNECTED)
    qtbot.waitUntil(lambda: _state(hardware, DeviceKind.THERMOMETER) is ConnectionState.CONNECTED)
    yield win
    win.close()
    hardware.stop()


def _state(hardware: Hardware, kind: DeviceKind) -> ConnectionState | None:
    state = hardware.state(kind)
    return state.state if state else None


def _entries(context) -> list[EntryLog]:
    with context.sessions() as session:
        return list(session.scalars(select(EntryLog).order_by(EntryLog.id)))


def _action(window, name: str):
    return next(a for a in window.demo_bar.actions() if a.objectName() == name)


def test_card_on_the_reader_gives_a_verdict_with_the_temperature(demo_window, qtbot, context):
    before = len(_entries(context))
    _action(demo_window, "putCard").trigger()
    qtbot.waitUntil(lambda: len(_entries(context)) == before + 1, timeout=5000)
    entry = _entries(context)[-1]
    assert entry.method is CheckMethod.ID_CARD
    assert entry.device == "id-reader"
    assert entry.temperature_c is not None and 35.5 < entry.temperature_c < 37.3
    page = demo_window.gate_page
    assert page.last_verdict.method is CheckMethod.ID_CARD
    assert f"{entry.temperature_c:.1f}" in page.verdict.detail_line.text()
    # The card stays on the reader: no second check within the hold-off.
    qtbot.wait(1200)
    assert len(_entries(context)) == before + 1


def test_visitor_card_opens_the_visitor_form_filled_from_the_card(demo_window, qtbot, context):
    before = len(_entries(context))
    seen = {}

    def look_and_cancel(dialog) -> None:
        seen.update(name=dialog.name.text(), number=dialog.id_number.text())
        seen["read_only"] = dialog.id_number.isReadOnly()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    when_open(demo_window.gate_page, "visitor_dialog", look_and_cancel)
    _action(demo_window, "putVisitorCard").trigger()
    qtbot.waitUntil(lambda: len(_entries(context)) == before + 1, timeout=5000)
    assert seen["name"] and seen["read_only"] and "*" in seen["number"]
    assert demo_window.gate_page.last_verdict.kind is VerdictKind.REFER  # left unregistered


def test_unplugging_the_reader_shows_and_recovers(demo_window, qtbot, context):
    hardware = demo_window.hardware
    unplug = demo_window.demo_bar.unplug_action
    started = time.monotonic()
    unplug.setChecked(True)
    qtbot.waitUntil(
        lambda: _state(hardware, DeviceKind.ID_READER) is ConnectionState.DISCONNECTED,
        timeout=2000,
    )
    assert time.monotonic() - started < 2.0
    qtbot.waitUntil(lambda: "身份证阅读器 ○ 未连接" in demo_window.device_label.text())
    unplug.setChecked(False)
    qtbot.waitUntil(
        lambda: _state(hardware, DeviceKind.ID_READER) is ConnectionState.CONNECTED,
        timeout=8000,
    )
    qtbot.waitUntil(lambda: "身份证阅读器 ● 已连接" in demo_window.device_label.text())
    before = len(_entries(context))
    _action(demo_window, "putCard").trigger()
    qtbot.waitUntil(lambda: len(_entries(context)) == before + 1, timeout=5000)
    assert _entries(context)[-1].method is CheckMethod.ID_CARD


def test_settings_page_tests_the_reader_and_prints_a_slip(demo_window, qtbot, context):
    before = len(_entries(context))
    _action(demo_window, "putCard").trigger()
    qtbot.waitUntil(lambda: len(_entries(context)) == before + 1, timeout=5000)
    demo_window.show_page(demo_window.settings_page)
    page = demo_window.settings_page
    qtbot.mouseClick(page.findChild(QPushButton, "test-id-reader"), Qt.MouseButton.LeftButton)
    result = page.results[DeviceKind.ID_READER].text()
    assert "已连接" in result and "模拟" in result and "身份证" in result
    assert "*" in result  # the card's name and number are masked
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已发送" in page.print_result.text(), timeout=5000)
    assert page.print_button.isEnabled()
    printer = demo_window.hardware.simulation.printer
    qtbot.waitUntil(lambda: any(s.cut for s in printer.render()), timeout=3000)
    assert printer.render()[0].lines[0] == "GateDesk 打印测试"


def test_scanner_code_is_checked_like_a_card(demo_window, qtbot, context, residents):
    resident = next(r for r in residents if r.id_number and r.health_status.value == "green")
    before = len(_entries(context))
    demo_window.hardware.simulation.scan(resident.id_number)
    qtbot.waitUntil(lambda: len(_entries(context)) == before + 1, timeout=5000)
    entry = _entries(context)[-1]
    assert (entry.method, entry.device) == (CheckMethod.QR, "scanner")
    _action(demo_window, "scanJunk").trigger()
    qtbot.waitUntil(
        lambda: demo_window.gate_page.last_verdict.kind is VerdictKind.INPUT_ERROR, timeout=5000
    )
    assert "未知的码" in demo_window.gate_page.verdict.reason_line.text()
    assert len(_entries(context)) == before + 1
