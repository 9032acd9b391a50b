"""Excel exports of the registry page, run in the background so the window stays usable."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QWidget

from db.enums import Role
from desktop.export import EXPORTERS, ExportKind, ExportResult
from desktop.registry import RegistryFilter, RegistryService
from ui.pages.registry_words import export_text
from ui.tasks import Task

log = logging.getLogger(__name__)


class RegistryExporter(QObject):
    """Asks for a file, exports in the background and says on `message` how it went."""

    finished = Signal(object)  # an ExportResult, or None when the export failed

    def __init__(
        self,
        registry: RegistryService,
        role: Role,
        user_id: int | None,
        button: QPushButton,
        message: QLabel,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._registry = registry
        self._role = role
        self._user_id = user_id
        self._button = button
        self._message = message
        self.task: Task | None = None
        self.last: ExportResult | None = None

    def choose(self, kind: ExportKind, filters: RegistryFilter, today: date) -> None:
        suggested = Path.home() / f"{kind.value}-{today.isoformat()}.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self.parent(),
            self.tr("Export to Excel"),
            str(suggested),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if path:
            self.start(kind, path, filters)

    def start(self, kind: ExportKind | str, path: str | Path, filters: RegistryFilter) -> Task:
        path = Path(path)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        exporter = EXPORTERS[ExportKind(kind)]
        sessions, community_id = self._registry.sessions, self._registry.community_id
        role, user_id = self._role, self._user_id
        # Built here: the words come from the translators of the UI thread.
        words = export_text()

        def work(_progress, _cancelled) -> ExportResult:
            return exporter(
                sessions,
                community_id,
                path,
                role=role,
                filters=filters,
                user_id=user_id,
                text=words,
            )

        self._button.setEnabled(False)
        self._message.setText(self.tr("Exporting to %1…").replace("%1", str(path)))
        self.task = Task(work, self)
        self.task.succeeded.connect(self._exported)
        self.task.failed.connect(lambda error: self._failed(error, path))
        self.task.start()
        return self.task

    def _exported(self, result: ExportResult) -> None:
        self._button.setEnabled(True)
        self.last = result
        text = self.tr("%1 rows exported to %2").replace("%1", str(result.rows))
        self._message.setText(text.replace("%2", str(result.path)))
        self.finished.emit(result)

    def _failed(self, error: object, path: Path) -> None:
        self._button.setEnabled(True)
        log.error("export to %s failed: %r", path, error)
        if isinstance(error, OSError):
            text = self.tr(
                "Could not write %1: close it in Excel or choose another folder, then export again."
            )
        else:
            text = self.tr("The export to %1 failed; nothing was written. The log has details.")
        self._message.setText(text.replace("%1", str(path)))
        self.finished.emit(None)
