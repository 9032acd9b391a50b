"""The ledger import wizard: file → columns → preview (nothing written) → import → report.

Reading and checking run on the thread pool with a progress bar and a cancel button; the
import itself is one transaction, so cancelling before it, or an error inside it, leaves the
registry as it was.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ledger import (
    FIELDS,
    ImportCancelled,
    ImportOutcome,
    ImportPlan,
    LedgerLayout,
    apply_import,
    field_label,
    missing_fields,
    plan_import,
    read_layout,
)
from desktop.tables import TableError
from ui.pages.import_summary import doubled_fields, outcome_lines, plan_lines
from ui.tasks import Task

log = logging.getLogger(__name__)

FILE, COLUMNS, PREVIEW, DONE = range(4)
FILE_FILTER = "*.xlsx *.xlsm *.xls *.csv *.txt"


class ImportWizard(QDialog):
    """Import a resident ledger. `sessions` and `community_id` name the registry to fill."""

    def __init__(
        self,
        sessions,
        community_id: int,
        *,
        language: str,
        today: Callable[[], date],
        start_dir: Path | None = None,
        user_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import resident ledger"))
        self.sessions = sessions
        self.community_id = community_id
        self.language = language
        self.today = today
        self.start_dir = start_dir
        self.user_id = user_id
        self.layout_info: LedgerLayout | None = None
        self.plan: ImportPlan | None = None
        self.outcome: ImportOutcome | None = None
        self.task: Task | None = None
        self.on_finished: Callable[[ImportOutcome], None] | None = None

        self.stack = QStackedWidget()
        self.stack.addWidget(self._file_page())
        self.stack.addWidget(self._columns_page())
        self.stack.addWidget(self._preview_page())
        self.stack.addWidget(self._done_page())

        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton()
        self.next_button.setObjectName("importNext")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.clicked.connect(self.cancel)
        for button in (self.back_button, self.next_button, self.cancel_button):
            button.setMinimumHeight(40)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self.resize(900, 600)
        self._show(FILE)

    # Pages -------------------------------------------------------------------------------

    def _file_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "Choose the ledger as the office keeps it: Excel (.xlsx, .xls) or CSV (UTF-8 or "
                "GBK). Title rows and merged headers are fine. Nothing is written until you "
                "have seen the preview and pressed Import."
            )
        )
        intro.setWordWrap(True)
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        self.path_edit.setReadOnly(True)
        choose = QPushButton(self.tr("Choose file…"))
        choose.setObjectName("importChoose")
        choose.setMinimumHeight(40)
        choose.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(choose)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("importSheet")
        self.sheet_combo.activated.connect(self._sheet_chosen)
        self.sheet_label = QLabel(self.tr("Sheet"))
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(self.sheet_label)
        sheet_row.addWidget(self.sheet_combo, 1)
        self.file_message = QLabel()
        self.file_message.setObjectName("importFileMessage")
        self.file_message.setWordWrap(True)
        self.file_message.setStyleSheet("color: #B71C1C;")
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addLayout(sheet_row)
        layout.addWidget(self.file_message)
        layout.addStretch(1)
        return page

    def _columns_page(self) -> QWidget:
        page = QWidget()
        self.columns_intro = QLabel()
        self.columns_intro.setWordWrap(True)
        self.columns_table = QTableWidget(0, 3)
        self.columns_table.setObjectName("importColumns")
        self.columns_table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Examples"), self.tr("Imported as")]
        )
        self.columns_table.verticalHeader().hide()
        header = self.columns_table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.columns_message = QLabel()
        self.columns_message.setObjectName("importColumnsMessage")
        self.columns_message.setWordWrap(True)
        self.columns_message.setStyleSheet("color: #B71C1C;")
        layout = QVBoxLayout(page)
        layout.addWidget(self.columns_intro)
        layout.addWidget(self.columns_table, 1)
        layout.addWidget(self.columns_message)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget()
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress_label = QLabel()
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.preview_note = QLabel()
        self.preview_note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.preview_note)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.done_summary = QLabel()
        self.done_summary.setObjectName("importDone")
        self.done_summary.setWordWrap(True)
        self.done_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.done_summary.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.open_folder = QPushButton(self.tr("Open the folder of the report"))
        self.open_folder.setMinimumHeight(40)
        self.open_folder.clicked.connect(self._open_report_folder)
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_summary, 1)
        layout.addWidget(self.open_folder, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    # Navigation --------------------------------------------------------------------------

    def _show(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        busy = self.task is not None and self.task.running
        self.back_button.setVisible(step in (COLUMNS, PREVIEW))
        self.back_button.setEnabled(not busy)
        self.cancel_button.setText(self.tr("Close") if step == DONE else self.tr("Cancel"))
        self.cancel_button.setEnabled(not (busy and step == DONE))
        labels = {
            FILE: self.tr("Next"),
            COLUMNS: self.tr("Check the rows"),
            PREVIEW: self.tr("Import"),
        }
        self.next_button.setVisible(step != DONE)
        self.next_button.setText(labels.get(step, ""))
        self.next_button.setEnabled(self._can_go_on(step) and not busy)

    def _can_go_on(self, step: int) -> bool:
        if step == FILE:
            return self.layout_info is not None
        if step == COLUMNS:
            mapping = self.mapping()
            return not missing_fields(mapping) and not doubled_fields(mapping)
        if step == PREVIEW:
            return self.plan is not None and self.plan.new + self.plan.merged > 0
        return False

    def next(self) -> None:
        step = self.stack.currentIndex()
        if step == FILE and self.layout_info is not None:
            self._show(COLUMNS)
        elif step == COLUMNS:
            self.check_rows()
        elif step == PREVIEW:
            self.run_import()

    def back(self) -> None:
        step = self.stack.currentIndex()
        if step > FILE and not (self.task and self.task.running):
            self._show(step - 1)

    def cancel(self) -> None:
        if self.task is not None and self.task.running:
            if self._writing:
                return  # one transaction: it ends on its own, complete or not at all
            self.task.cancel()
            return
        if self.stack.currentIndex() == DONE:
            self.accept()
        else:
            self.reject()

    def reject(self) -> None:
        if self.task is not None and self.task.running:
            if self._writing:
                return
            self.task.cancel()
        super().reject()

    _writing = False

    # Step 1: the file --------------------------------------------------------------------

    def choose_file(self) -> None:
        start = str(self.start_dir) if self.start_dir else ""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the ledger"),
            start,
            self.tr("Ledgers") + f" ({FILE_FILTER})",
        )
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path, sheet: str | None = None) -> bool:
        """Read the file's layout; on success the columns page is next."""
        self.path_edit.setText(str(path))
        self.plan = None
        try:
            self.layout_info = read_layout(path, sheet)
        except TableError as exc:
            self.layout_info = None
            self.file_message.setText(exc.message)
            self._show(FILE)
            return False
        except OSError as exc:
            self.layout_info = None
            self.file_message.setText(
                self.tr("The file could not be read: %1").replace("%1", exc.strerror or str(exc))
            )
            self._show(FILE)
            return False
        self.file_message.clear()
        info = self.layout_info
        self.sheet_combo.clear()
        self.sheet_combo.addItems(list(info.sheets))
        self.sheet_combo.setCurrentText(info.sheet)
        many = len(info.sheets) > 1
        self.sheet_combo.setVisible(many)
        self.sheet_label.setVisible(many)
        self._fill_columns(info)
        self._show(FILE)
        return True

    def _sheet_chosen(self, index: int) -> None:
        if self.layout_info is not None and index >= 0:
            self.open_file(self.layout_info.path, self.sheet_combo.itemText(index))

    # Step 2: the columns -----------------------------------------------------------------

    def _fill_columns(self, info: LedgerLayout) -> None:
        text = self.tr(
            "Sheet %1: the header is row %2, %3 rows below it. Check how each column is used; "
            "columns set to “not imported” are left out."
        )
        self.columns_intro.setText(
            text.replace("%1", info.sheet)
            .replace("%2", str(info.header_row))
            .replace("%3", str(info.data_rows))
        )
        table = self.columns_table
        table.setRowCount(len(info.columns))
        for row, column in enumerate(info.columns):
            header = QTableWidgetItem(column.header)
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)
            samples = QTableWidgetItem("  |  ".join(s for s in column.samples if s))
            samples.setFlags(Qt.ItemFlag.ItemIsEnabled)
            table.setItem(row, 0, header)
            table.setItem(row, 1, samples)
            combo = QComboBox()
            combo.addItem(self.tr("not imported"), None)
            for key in FIELDS:
                combo.addItem(field_label(key, self.language), key)
            combo.setCurrentIndex(max(0, combo.findData(column.field)))
            combo.currentIndexChanged.connect(self._mapping_changed)
            table.setCellWidget(row, 2, combo)
        table.resizeColumnToContents(0)
        table.resizeColumnToContents(2)
        self._mapping_changed()

    def mapping(self) -> dict[int, str | None]:
        """Column index → field, as the table shows it now."""
        if self.layout_info is None:
            return {}
        result: dict[int, str | None] = {}
        for row, column in enumerate(self.layout_info.columns):
            combo = self.columns_table.cellWidget(row, 2)
            result[column.index] = combo.currentData() if isinstance(combo, QComboBox) else None
        return result

    def set_field(self, header: str, field: str | None) -> None:
        """Use the column headed `header` as `field` (as a person would with its list)."""
        assert self.layout_info is not None
        for row, column in enumerate(self.layout_info.columns):
            if column.header == header:
                combo = self.columns_table.cellWidget(row, 2)
                combo.setCurrentIndex(combo.findData(field))
                return
        raise KeyError(header)

    def _mapping_changed(self) -> None:
        self.plan = None
        mapping = self.mapping()
        missing = missing_fields(mapping)
        doubled = doubled_fields(mapping)
        messages = []
        if missing:
            names = "、".join(field_label(key, self.language) for key in missing)
            messages.append(self.tr("Still needed: %1.").replace("%1", names))
        if doubled:
            names = "、".join(field_label(key, self.language) for key in doubled)
            messages.append(
                self.tr(
                    "Used for more than one column: %1. Set the other columns to “not imported”."
                ).replace("%1", names)
            )
        self.columns_message.setText(" ".join(messages))
        if self.stack.currentIndex() == COLUMNS:
            self._show(COLUMNS)

    # Step 3: the preview -----------------------------------------------------------------

    def check_rows(self) -> None:
        """Check every row against the rules and the registry; writes nothing."""
        assert self.layout_info is not None
        layout_info, mapping = self.layout_info, self.mapping()
        sessions, community, today = self.sessions, self.community_id, self.today()

        def work(progress, cancelled):
            return plan_import(
                sessions,
                community,
                layout_info,
                mapping,
                today=today,
                progress=progress,
                cancelled=cancelled,
            )

        self.plan = None
        self.summary.clear()
        self.preview_note.clear()
        self.progress_label.setText(self.tr("Checking the rows… nothing is written yet."))
        self._start(work, self._planned, PREVIEW)

    def _planned(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.progress_label.setText(self.tr("Checked. Nothing has been written yet."))
        self.summary.setText("\n".join(plan_lines(plan, self.language)))
        if plan.new + plan.merged:
            note = self.tr(
                "Import writes the new and merged residents in one step. Rejected rows go to a "
                "report beside the file. Cancel writes nothing."
            )
        else:
            note = self.tr("There is nothing to write: the registry already holds this ledger.")
        self.preview_note.setText(note)
        self._show(PREVIEW)

    # Step 4: the import ------------------------------------------------------------------

    def run_import(self) -> None:
        assert self.plan is not None
        plan, sessions, community, user = self.plan, self.sessions, self.community_id, self.user_id

        def work(progress, _cancelled):
            return apply_import(sessions, community, plan, user_id=user, progress=progress)

        self._writing = True
        self.progress_label.setText(self.tr("Writing to the registry…"))
        self._start(work, self._imported, PREVIEW)

    def _imported(self, outcome: ImportOutcome) -> None:
        self._writing = False
        self.outcome = outcome
        self.done_summary.setText("\n".join(outcome_lines(outcome, self.language)))
        self.open_folder.setVisible(outcome.report_path is not None)
        self._show(DONE)
        if self.on_finished is not None:
            self.on_finished(outcome)

    def _open_report_folder(self) -> None:
        if self.outcome is not None and self.outcome.report_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.outcome.report_path.parent)))

    # Background work ---------------------------------------------------------------------

    def _start(self, work, on_success, step: int) -> None:
        self.progress.setRange(0, 0)
        self.task = Task(work, self)
        self.task.progressed.connect(self._progressed)
        self.task.succeeded.connect(on_success)
        self.task.failed.connect(self._failed)
        self.task.start()
        self._show(step)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def _failed(self, error: object) -> None:
        writing, self._writing = self._writing, False
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if isinstance(error, ImportCancelled):
            self.progress_label.setText(self.tr("Cancelled. Nothing was written."))
            self._show(COLUMNS)
            return
        if isinstance(error, TableError):
            detail = error.message
        else:
            log.error("ledger import failed", exc_info=error)  # type: ignore[arg-type]
            detail = str(error) or type(error).__name__
        if writing:
            text = self.tr("Nothing was imported: the registry is as it was. %1")
        else:
            text = self.tr("The rows could not be checked. %1")
        self.progress_label.setText(text.replace("%1", detail))
        self._show(PREVIEW)
