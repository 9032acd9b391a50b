"""Importing a result list from the tests page: check it first, show what it holds, then store."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.enums import NucleicOutcome
from desktop.tables import TableError
from desktop.test_results_export import Cancelled, TestResultsService
from desktop.test_results_report import ResultImport, reason_text
from ui import texts
from ui.tasks import Task

log = logging.getLogger(__name__)
FILE_FILTER = "*.xlsx *.xlsm *.xls *.csv *.txt"


def outcome_text(outcome: NucleicOutcome) -> str:
    words = {
        NucleicOutcome.NEGATIVE: QCoreApplication.translate("TestResults", "Negative"),
        NucleicOutcome.POSITIVE: QCoreApplication.translate("TestResults", "Positive"),
        NucleicOutcome.PENDING: QCoreApplication.translate("TestResults", "Pending"),
        NucleicOutcome.INVALID: QCoreApplication.translate("TestResults", "Invalid sample"),
    }
    return words[outcome]


def _fill(template: str, *values: object) -> str:
    # From the highest number down, so %1 never eats the start of %10.
    for i in range(len(values), 0, -1):
        template = template.replace(f"%{i}", str(values[i - 1]))
    return template


class ImportPanel(QWidget):
    """The import button, its progress and the preview to confirm; `imported` when stored."""

    imported = Signal(object)  # ResultImport

    def __init__(
        self, service: TestResultsService, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.language = language
        self.task: Task | None = None
        self.preview: ResultImport | None = None

        self.import_button = QPushButton(self.tr("Import results…"))
        self.import_button.clicked.connect(self.choose_file)
        self.status = QLabel()
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.preview_box = QGroupBox(self.tr("Check before importing"))
        self.summary = QLabel()
        self.summary.setObjectName("previewSummary")
        self.summary.setWordWrap(True)
        self.positives = QLabel()
        self.positives.setObjectName("previewPositives")
        self.positives.setStyleSheet("color: #C62828; font-weight: bold;")
        self.problems = QListWidget()
        self.problems.setObjectName("previewProblems")
        self.problems.setMaximumHeight(160)  # the untested table below keeps most of the page
        self.confirm_button = QPushButton()
        self.confirm_button.clicked.connect(self.confirm_import)
        discard = QPushButton(self.tr("Discard"))
        discard.clicked.connect(self.discard_preview)

        box = QVBoxLayout(self.preview_box)
        for widget in (self.summary, self.positives, self.problems):
            box.addWidget(widget)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(discard)
        box.addLayout(buttons)
        top = QHBoxLayout()
        top.addWidget(self.import_button)
        top.addWidget(self.status, 1)
        top.addWidget(self.progress)
        top.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.preview_box)
        self._busy(False)
        self.preview_box.hide()

    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.running

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.import_button.setEnabled(not busy)
        self.confirm_button.setEnabled(not busy)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a result list"), "", self.tr("Result lists") + f" ({FILE_FILTER})"
        )
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> None:
        """Check the list without storing anything, and show what an import would do."""
        self.preview = None
        self.preview_box.hide()
        self.status.setText(self.tr("Checking %1…").replace("%1", path.name))

        def work(progress, cancelled):
            return self.service.import_file(
                path, dry_run=True, progress=progress, cancelled=cancelled
            )

        self._run(work, self._previewed)

    def confirm_import(self) -> None:
        if self.preview is None or self.busy:
            return
        path = self.preview.path
        self.status.setText(self.tr("Importing %1…").replace("%1", path.name))

        def work(progress, cancelled):
            return self.service.import_file(path, progress=progress, cancelled=cancelled)

        self._run(work, self._imported)

    def discard_preview(self) -> None:
        self.preview = None
        self.preview_box.hide()
        self.status.clear()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _run(self, work, on_success) -> None:
        self.task = Task(work, self)
        self.task.progressed.connect(self._progressed)
        self.task.succeeded.connect(on_success)
        self.task.failed.connect(self._failed)
        self.progress.setRange(0, 0)
        self._busy(True)
        self.task.start()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def _failed(self, error: object) -> None:
        self._busy(False)
        self.preview_box.hide()
        if isinstance(error, Cancelled):
            self.status.setText(self.tr("Cancelled. Nothing was imported."))
        elif isinstance(error, TableError):
            self.status.setText(error.text(self.language))
        elif isinstance(error, OSError):
            reason = error.strerror or str(error)
            self.status.setText(self.tr("The file could not be read: %1").replace("%1", reason))
        else:
            log.error("result import failed", exc_info=error)  # type: ignore[arg-type]
            detail = str(error) or type(error).__name__
            self.status.setText(self.tr("Nothing was imported: %1").replace("%1", detail))

    def _previewed(self, result: ResultImport) -> None:
        self._busy(False)
        self.preview = result
        self.status.setText(result.path.name)
        self.summary.setText(self.summary_text(result))
        self.positives.setText(self.positives_text(result))
        self.positives.setVisible(bool(result.positives))
        self.problems.clear()
        for problem in sorted(result.unmatched + result.invalid, key=lambda p: p.source_row):
            who = " ".join(part for part in (problem.name_masked, problem.id_masked) if part)
            row = self.tr("Row %1").replace("%1", str(problem.source_row))
            self.problems.addItem(f"{row}  {who}  {reason_text(problem, self.language)}")
        self.problems.setVisible(self.problems.count() > 0)
        self.confirm_button.setText(self.tr("Import %1 results").replace("%1", str(result.added)))
        self.preview_box.show()

    def summary_text(self, result: ResultImport) -> str:
        text = _fill(
            self.tr(
                "%1 rows: %2 match residents, %3 unmatched, %4 not readable, %5 already imported."
            ),
            result.rows_read,
            result.matched,
            len(result.unmatched),
            len(result.invalid),
            result.duplicates,
        )
        counts = ("，" if self.language == "zh_CN" else ", ").join(
            f"{outcome_text(outcome)} {result.outcomes[outcome]}"
            for outcome in NucleicOutcome
            if result.outcomes.get(outcome)
        )
        return text + ("\n" + self.tr("Results: %1").replace("%1", counts) if counts else "")

    def positives_text(self, result: ResultImport) -> str:
        lines = [self.tr("Positive results: %1").replace("%1", str(len(result.positives)))]
        for p in result.positives:
            where = texts.address_text(p.address) or self.tr("not a resident here")
            when = p.sampled_at.strftime("%Y-%m-%d %H:%M")
            lines.append(f"{p.name_masked}  {p.id_masked}  {when}  {where}")
        return "\n".join(lines)

    def _imported(self, result: ResultImport) -> None:
        self._busy(False)
        self.preview = None
        self.preview_box.hide()
        lines = [self.tr("Imported %1 results from %2.").replace("%1", str(result.added))]
        lines[0] = lines[0].replace("%2", result.path.name)
        if result.report_path:
            text = self.tr("Rows not imported are listed in %1.")
            lines.append(text.replace("%1", str(result.report_path)))
        elif result.report_error:
            text = self.tr("The list of rows not imported could not be saved: %1")
            lines.append(text.replace("%1", result.report_error))
        self.status.setText("\n".join(lines))
        self.imported.emit(result)
