"""The Qt binding must not leak references: a gate PC runs for days on one process.

PySide6 6.12.0 on Python 3.11 dropped a reference to None on every Qt call that returns
nothing (and to True/False on every signal emitted); after some thousands of checks the
process aborted with "Fatal Python error: none_dealloc". This pins the behaviour down.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QListWidget

CALLS = 5000
TOLERANCE = 50  # unrelated objects may take or drop a few references meanwhile


class _Emitter(QObject):
    fired = Signal(object)


def test_qt_calls_keep_none_and_bools_alive(qapp):
    label, items, emitter = QLabel(), QListWidget(), _Emitter()
    before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(CALLS):
        label.setText("放行")
        items.addItem("x")
        items.clear()
        emitter.fired.emit(None)
    after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    lost = [b - a for b, a in zip(before, after, strict=True)]
    assert max(lost) < TOLERANCE, f"references lost per {CALLS} calls (None, True, False): {lost}"
