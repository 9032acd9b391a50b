"""Telling a keyboard-wedge scanner from a person typing: scanners type fast and end in Enter."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent


class BurstDetector:
    """Watches the gaps between keystrokes of one entry (pure logic, times in ms)."""

    def __init__(self, max_interval_ms: int = 30, min_length: int = 6) -> None:
        self.max_interval_ms = max_interval_ms
        self.min_length = min_length
        self.reset()

    def reset(self) -> None:
        self._count = 0
        self._last_ms: int | None = None
        self._burst = True

    def key(self, at_ms: int) -> None:
        """A printable key arrived at `at_ms`."""
        if self._last_ms is not None and at_ms - self._last_ms > self.max_interval_ms:
            self._burst = False
        self._last_ms = at_ms
        self._count += 1

    def finish(self) -> bool:
        """Enter arrived: True when everything since the last reset came as a scanner burst."""
        scanned = self._burst and self._count >= self.min_length
        self.reset()
        return scanned


class WedgeFilter(QObject):
    """Event filter on the gate's input line: remembers whether the entry was a scan."""

    def __init__(self, detector: BurstDetector, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.detector = detector
        self.last_was_scan = False
        self._clock = QElapsedTimer()
        self._clock.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.last_was_scan = self.detector.finish()
            elif event.key() == Qt.Key.Key_Escape:
                self.detector.reset()
            elif event.text() and event.text().isprintable():
                self.detector.key(self._clock.elapsed())
        return False
