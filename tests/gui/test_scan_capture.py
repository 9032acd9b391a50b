"""Keyboard-wedge scanners: a burst anywhere in the app is a gate check; typing is typing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout
from sqlalchemy import select

from db.enums import CheckMethod, HealthColor
from db.models import EntryLog
from desktop.verdicts import VerdictKind


def entries(context) -> list[EntryLog]:
    with context.sessions() as session:
        return list(session.scalars(select(EntryLog).order_by(EntryLog.id)))


def green(residents):
    return next(r for r in residents if r.health_status is HealthColor.GREEN and r.id_number)


def scan(qtbot, widget, text: str) -> None:
    """What a wedge scanner does: the keys at machine speed, then Enter."""
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_burst_in_the_gate_input_is_a_scan(window, qtbot, context, residents):
    page = window.gate_page
    before = len(entries(context))
    scan(qtbot, page.input, green(residents).id_number)
    qtbot.waitUntil(lambda: len(entries(context)) == before + 1)
    assert page.verdict.kind is VerdictKind.ALLOW
    assert entries(context)[-1].method is CheckMethod.QR
    assert entries(context)[-1].device == "wedge"
    assert page.input.text() == ""


def test_slow_typing_goes_into_the_field_and_checks_nothing(window, qtbot, context):
    page = window.gate_page
    before = len(entries(context))
    qtbot.keyClicks(page.input, "zhang", delay=70)
    qtbot.waitUntil(lambda: page.input.text() == "zhang")
    qtbot.wait(100)
    assert len(entries(context)) == before


def test_short_fast_input_is_handed_back(window, qtbot):
    page = window.gate_page
    qtbot.keyClicks(page.input, "501")  # shorter than a code: a person's quick fingers
    qtbot.keyClick(page.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.input.text() == "501")


def test_scan_while_a_dialog_has_focus_goes_to_the_gate(window, qtbot, context, residents):
    dialog = QDialog(window)
    field = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(field)
    dialog.open()
    qtbot.waitExposed(dialog)
    field.setFocus()
    before = len(entries(context))
    scan(qtbot, field, green(residents).id_number)
    qtbot.waitUntil(lambda: len(entries(context)) == before + 1)
    assert field.text() == ""
    assert window.gate_page.verdict.kind is VerdictKind.ALLOW
    qtbot.keyClicks(field, "wang", delay=70)  # the dialog still takes typing
    qtbot.waitUntil(lambda: field.text() == "wang")
    dialog.reject()


def test_scan_on_another_page_brings_the_gate_forward(window, qtbot, context, residents):
    window.navigation.setCurrentRow(1)
    search = window.registry_page.search
    search.setFocus()
    scan(qtbot, search, green(residents).id_number)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.gate_page)
    assert search.text() == ""
    assert window.gate_page.verdict.kind is VerdictKind.ALLOW
