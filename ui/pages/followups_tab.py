"""Today's follow-ups (今日随访): the board of active isolation orders, the entry of a
follow-up, release and cancellation, and the missing follow-ups per grid."""

from __future__ import annotations

import unicodedata
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.isolation import IsolationError, IsolationService
from desktop.isolation_board import BoardRow, Slot, by_grid
from ui import texts
from ui.pages.keyperson_dialogs import CancelOrderDialog
from ui.pages.keyperson_texts import (
    error_text,
    grid_text,
    kind_text,
    slot_text,
    table,
    tall_button,
)

OVERDUE_BACKGROUND = QColor("#FFCDD2")
FEVER_TEXT = QColor("#B71C1C")
ALL = None


def parse_temperature(text: str) -> float | None:
    """36.5, ３６．５, 36,5 or 36.5℃ as typed; empty is None; ValueError for anything else."""
    cleaned = unicodedata.normalize("NFKC", text).strip().replace(",", ".")
    cleaned = cleaned.removesuffix("℃").removesuffix("°C").removesuffix("°").strip()
    return float(cleaned) if cleaned else None


class FollowUpsTab(QWidget):
    """Overdue rows first, in red; select one, type the temperature, press Enter."""

    changed = Signal()

    def __init__(self, isolation: IsolationService, zone: ZoneInfo, parent=None) -> None:
        super().__init__(parent)
        self.isolation = isolation
        self.zone = zone
        self.rows: list[BoardRow] = []
        self.confirmation: QMessageBox | None = None
        self.cancel_dialog: CancelOrderDialog | None = None
        self.grid = QComboBox()
        self.grid.setObjectName("followupGrid")
        self.grid.setMinimumHeight(40)
        self.summary = QLabel()
        self.summary.setObjectName("followupSummary")
        self.table = table(
            "followupTable",
            [
                self.tr("Name"),
                self.tr("Address"),
                self.tr("Grid"),
                self.tr("Kind"),
                self.tr("Day"),
                self.tr("Morning"),
                self.tr("Afternoon"),
                self.tr("Last temperature"),
            ],
        )
        self.missing = QTreeWidget()
        self.missing.setObjectName("missingPerGrid")
        self.missing.setHeaderLabels([self.tr("Missing follow-ups per grid")])
        self.selected = QLabel()
        self.selected.setObjectName("followupSelected")
        self.temperature = QLineEdit()
        self.temperature.setObjectName("followupTemperature")
        self.temperature.setPlaceholderText(self.tr("Temperature °C, e.g. 36.5"))
        self.temperature.setMinimumHeight(40)
        self.temperature.setMinimumWidth(200)
        self.symptoms = QLineEdit()
        self.symptoms.setObjectName("followupSymptoms")
        self.symptoms.setPlaceholderText(self.tr("Symptoms (empty: none)"))
        self.symptoms.setMinimumHeight(40)
        self.record_button = tall_button(self.tr("Record follow-up (Enter)"), "followupRecord")
        self.release_button = tall_button(self.tr("Release…"), "followupRelease")
        self.cancel_button = tall_button(self.tr("Cancel order…"), "followupCancel")
        self.message = QLabel()
        self.message.setObjectName("followupMessage")
        self.message.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Grid")))
        top.addWidget(self.grid)
        top.addWidget(self.summary, 1)
        entry = QGroupBox(self.tr("Follow-up"))
        entry_layout = QVBoxLayout(entry)
        entry_layout.addWidget(self.selected)
        line = QHBoxLayout()
        line.addWidget(self.temperature)
        line.addWidget(self.symptoms, 1)
        line.addWidget(self.record_button)
        line.addWidget(self.release_button)
        line.addWidget(self.cancel_button)
        entry_layout.addLayout(line)
        entry_layout.addWidget(self.message)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.missing)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(entry)

        self.grid.currentIndexChanged.connect(lambda _i: self.show_rows())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.record_button.clicked.connect(self.record)
        self.temperature.returnPressed.connect(self.record)
        self.symptoms.returnPressed.connect(self.record)
        self.release_button.clicked.connect(self.release)
        self.cancel_button.clicked.connect(self.cancel)

    # -- showing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the board again, keeping the grid filter and the selected order."""
        keep = self.current()
        self.rows = self.isolation.board()
        chosen = self.grid.currentData()
        self.grid.blockSignals(True)
        self.grid.clear()
        self.grid.addItem(self.tr("All grids"), ALL)
        for grid in sorted({row.grid for row in self.rows}):
            self.grid.addItem(grid_text(grid), grid)
        self.grid.setCurrentIndex(max(0, self.grid.findData(chosen)) if chosen is not None else 0)
        self.grid.blockSignals(False)
        self.show_rows(keep.order_id if keep else None)

    def visible_rows(self) -> list[BoardRow]:
        grid = self.grid.currentData()
        return [row for row in self.rows if grid is ALL or row.grid == grid]

    def show_rows(self, select_order: int | None = None) -> None:
        rows = self.visible_rows()
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            self._fill(index, row)
        self.table.resizeColumnsToContents()
        overdue = sum(row.overdue for row in rows)
        self.summary.setText(
            self.tr("%1 in isolation, %2 with an overdue follow-up")
            .replace("%1", str(len(rows)))
            .replace("%2", str(overdue))
        )
        self._fill_missing(rows)
        target = next((i for i, r in enumerate(rows) if r.order_id == select_order), 0)
        if rows:
            self.table.selectRow(target)
        else:
            self._selection_changed()

    def _fill(self, index: int, row: BoardRow) -> None:
        day = self.tr("Day %1 of %2").replace("%1", str(row.day_number))
        day = day.replace("%2", str(row.total_days))
        if row.release_due:
            day += " · " + self.tr("release due")
        temperature = "" if row.last_temperature_c is None else f"{row.last_temperature_c:.1f} °C"
        if row.fever:
            temperature += " " + self.tr("fever")
        values = (
            row.name_masked,
            texts.address_text(row.address),
            grid_text(row.grid),
            kind_text(row.kind),
            day,
            slot_text(row.am),
            slot_text(row.pm),
            temperature,
        )
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setData(Qt.ItemDataRole.UserRole, row.order_id)
            if row.overdue:
                item.setBackground(QBrush(OVERDUE_BACKGROUND))
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            if column == 7 and row.fever:
                item.setForeground(QBrush(FEVER_TEXT))
            self.table.setItem(index, column, item)

    def _fill_missing(self, rows: list[BoardRow]) -> None:
        self.missing.clear()
        for grid, missing in by_grid(rows).items():
            late = sum(row.overdue for row in missing)
            title = self.tr("%1: %2 missing, %3 overdue").replace("%1", grid_text(grid))
            parent = QTreeWidgetItem(
                [title.replace("%2", str(len(missing))).replace("%3", str(late))]
            )
            for row in missing:
                slots = [
                    f"{name} {slot_text(state)}"
                    for name, state in ((self.tr("AM"), row.am), (self.tr("PM"), row.pm))
                ]
                text = "  ".join([row.name_masked, texts.address_text(row.address), *slots])
                child = QTreeWidgetItem([text])
                child.setData(0, Qt.ItemDataRole.UserRole, row.order_id)
                parent.addChild(child)
            self.missing.addTopLevelItem(parent)
        self.missing.expandAll()

    def current(self) -> BoardRow | None:
        selected = self.table.selectionModel().selectedRows()
        rows = self.visible_rows()
        if not selected or not 0 <= selected[0].row() < len(rows):
            return None
        return rows[selected[0].row()]

    def select_order(self, order_id: int) -> None:
        self.show_rows(order_id)

    def _selection_changed(self) -> None:
        row = self.current()
        for widget in (self.record_button, self.release_button, self.cancel_button):
            widget.setEnabled(row is not None)
        if row is None:
            self.selected.setText(self.tr("No one in isolation."))
            return
        parts = [row.name_masked, texts.address_text(row.address), kind_text(row.kind)]
        self.selected.setText("   ".join(p for p in parts if p))

    # -- acting ------------------------------------------------------------------------------
    def record(self) -> None:
        row = self.current()
        if row is None:
            return
        try:
            value = parse_temperature(self.temperature.text())
        except ValueError:
            self._problem("bad-temperature")
            return
        try:
            result = self.isolation.record_followup(row.order_id, value, self.symptoms.text())
        except IsolationError as exc:
            self._problem(exc.code)
            return
        slot = self.tr("morning") if result.slot is Slot.AM else self.tr("afternoon")
        if result.fever:
            text = self.tr("Recorded: %1 has a fever (%2 °C). Inform the doctor on duty.")
        else:
            text = self.tr("Recorded: %1, %2 °C, %3 follow-up.")
        value_text = "-" if result.temperature_c is None else f"{result.temperature_c:.1f}"
        text = text.replace("%1", row.name_masked).replace("%2", value_text)
        self.message.setStyleSheet("color: #B71C1C;" if result.fever else "")
        self.message.setText(text.replace("%3", slot))
        self.temperature.clear()
        self.symptoms.clear()
        self.refresh()
        self.temperature.setFocus()

    def _problem(self, code: str) -> None:
        self.message.setStyleSheet("color: #B71C1C;")
        self.message.setText(error_text(code))
        self.temperature.selectAll()
        self.temperature.setFocus()

    def release(self) -> None:
        row = self.current()
        if row is None:
            return
        question = self.tr("Release %1 from isolation now?").replace("%1", row.name_masked)
        question += "\n" + self.tr(
            "The status stays red today; check-ins on three days turn it green."
        )
        self.confirmation = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Release from isolation"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        self.confirmation.setDefaultButton(QMessageBox.StandardButton.No)
        answer = self.confirmation.exec()
        self.confirmation = None
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.isolation.release(row.order_id)
        except IsolationError as exc:
            self._problem(exc.code)
            return
        self.message.setStyleSheet("")
        self.message.setText(self.tr("%1 released from isolation.").replace("%1", row.name_masked))
        self.changed.emit()

    def cancel(self) -> None:
        row = self.current()
        if row is None:
            return
        self.cancel_dialog = CancelOrderDialog(self.isolation, row.order_id, row.name_masked, self)
        accepted = self.cancel_dialog.exec() == CancelOrderDialog.DialogCode.Accepted
        self.cancel_dialog = None
        if accepted:
            self.message.setStyleSheet("")
            self.message.setText(
                self.tr("The order of %1 was cancelled.").replace("%1", row.name_masked)
            )
            self.changed.emit()
