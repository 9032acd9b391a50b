"""Driving the gate's modal dialogs from a test: they block whoever opened them."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

POLL_MS = 20
STUCK_AFTER_S = 15.0


def when_open(page, attribute: str, action) -> None:
    """Run `action(dialog)` once the page's modal dialog `attribute` is up."""

    def poll() -> None:
        dialog = getattr(page, attribute, None)
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(POLL_MS, poll)
            return
        try:
            action(dialog)
        except BaseException:
            dialog.reject()  # a failed step must not leave the test blocked on the dialog
            raise

    QTimer.singleShot(0, poll)


class DialogGuard:
    """Rejects a modal dialog nobody answered, so a test fails instead of hanging CI."""

    def __init__(self) -> None:
        self.stuck: list[str] = []
        self._seen: dict[int, float] = {}
        self._timer = QTimer()
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._check)
        self._timer.start()

    def _check(self) -> None:
        now = time.monotonic()
        for widget in QApplication.topLevelWidgets():
            if not isinstance(widget, QDialog) or not widget.isVisible():
                continue
            opened = self._seen.setdefault(id(widget), now)
            if now - opened > STUCK_AFTER_S:
                self.stuck.append(widget.windowTitle())
                widget.reject()

    def stop(self) -> None:
        self._timer.stop()
