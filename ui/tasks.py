"""Long work off the UI thread: imports, exports, reports. The window stays responsive.

A `Task` runs a plain function on Qt's thread pool. The function receives two callables:
`progress(done, total)` and `cancelled()`; it should look at `cancelled()` between chunks and
raise its own cancellation exception. Results and errors come back as signals on the UI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class _Signals(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, work: Work, signals: _Signals, cancel: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._signals = signals
        self._cancel = cancel

    def run(self) -> None:
        try:
            result = self._work(self._signals.progressed.emit, self._cancel.is_set)
        except Exception as exc:  # every error goes back to the page that asked
            log.info("background task ended with %s", type(exc).__name__, exc_info=True)
            self._signals.failed.emit(exc)
        else:
            self._signals.succeeded.emit(result)


class Task(QObject):
    """One run of `work` on the thread pool; `running` until one of its end signals arrives."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self._signals = _Signals()
        self._signals.progressed.connect(self.progressed)
        self._signals.succeeded.connect(self._succeeded)
        self._signals.failed.connect(self._failed)
        self.running = False

    def start(self) -> None:
        self.running = True
        QThreadPool.globalInstance().start(_Runnable(self._work, self._signals, self._cancel))

    def cancel(self) -> None:
        self._cancel.set()

    def _succeeded(self, result: object) -> None:
        self.running = False
        self.succeeded.emit(result)

    def _failed(self, error: object) -> None:
        self.running = False
        self.failed.emit(error)


def wait_for_tasks(msecs: int = 30000) -> bool:
    """Wait for every pooled task to end (at exit and in tests)."""
    return QThreadPool.globalInstance().waitForDone(msecs)
