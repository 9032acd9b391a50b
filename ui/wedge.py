"""Keyboard-wedge scanners: told apart from people typing, wherever the focus is.

A scanner types a code at machine speed (≤ 30 ms between keys) and ends it with Enter; people
type slower. `ScanCapture` filters the whole application's key presses: printable keys are held
back while they come as a burst; a burst of at least `min_length` keys ended by Enter is a scan
and leaves as the `scanned` signal (so a scan taken while a dialog is open reaches the gate, not
the dialog's text field); anything else is handed on to its widget unchanged, a few tens of
milliseconds late.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from shiboken6 import isValid

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


@dataclass
class _HeldKey:
    target: QObject
    event: QKeyEvent


class ScanCapture(QObject):
    """Application-wide event filter; install with `QApplication.installEventFilter`."""

    scanned = Signal(str)

    def __init__(
        self, max_interval_ms: int = 30, min_length: int = 6, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.max_interval_ms = max_interval_ms
        self.min_length = min_length
        self.enabled = True
        self._held: list[_HeldKey] = []
        self._last_ms = 0
        self._replaying = False
        self._clock = QElapsedTimer()
        self._clock.start()
        self._release = QTimer(self)
        self._release.setSingleShot(True)
        self._release.timeout.connect(self.flush)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if (
            self._replaying
            or not self.enabled
            or event.type() != QEvent.Type.KeyPress
            or not watched.isWidgetType()
            or not isinstance(event, QKeyEvent)
        ):
            return False
        now = self._clock.elapsed()
        gap_ok = bool(self._held) and now - self._last_ms <= self.max_interval_ms
        if event.key() in _ENTER:
            if gap_ok and len(self._held) >= self.min_length:
                code = "".join(held.event.text() for held in self._held)
                self._held.clear()
                self._release.stop()
                # Leave the filter before anything reacts to the scan.
                QTimer.singleShot(0, lambda: self.scanned.emit(code))
                return True
            self.flush()
            return False
        text = event.text()
        if not text or not text.isprintable() or event.modifiers() & _COMMAND_MODIFIERS:
            self.flush()
            return False
        if self._held and not gap_ok:
            self.flush()
        self._held.append(_HeldKey(watched, _copy(event)))
        self._last_ms = now
        self._release.start(self.max_interval_ms + 20)
        return True

    def flush(self) -> None:
        """Hand held keys on to the widgets they were meant for: it was a person typing."""
        self._release.stop()
        held, self._held = self._held, []
        self._replaying = True
        try:
            for key in held:
                if isValid(key.target):  # a dialog may have closed meanwhile
                    QCoreApplication.sendEvent(key.target, key.event)
        finally:
            self._replaying = False


def _copy(event: QKeyEvent) -> QKeyEvent:
    return QKeyEvent(
        event.type(),
        event.key(),
        event.modifiers(),
        event.text(),
        event.isAutoRepeat(),
        event.count(),
    )
