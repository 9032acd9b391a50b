"""Merging duplicate records: find the other record, compare both masked, confirm."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.enums import ResidentState
from desktop.registry import RegistryFilter, RegistryService, ResidentRow
from ui import texts
from ui.pages.registry_dialogs import FormDialog

MERGE_SEARCH_LIMIT = 50


class MergeDialog(FormDialog):
    """Find the duplicate of the kept resident and compare both, masked, before merging."""

    def __init__(
        self,
        registry: RegistryService,
        keep: ResidentRow,
        today: date,
        save: Callable[[int], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._registry = registry
        self._today = today
        self._save = save
        self.keep = keep
        self.candidates: list[ResidentRow] = []
        self.setWindowTitle(self.tr("Merge duplicate records"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name, pinyin initials, room, last 4 digits"))
        self.search.returnPressed.connect(lambda: self.find(self.search.text()))
        search_button = QPushButton(self.tr("Search"))
        search_button.clicked.connect(lambda: self.find(self.search.text()))
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(search_button)
        self.results = QListWidget()
        self.results.currentRowChanged.connect(self._compare)
        self.compare = QTableWidget(7, 2)
        self.compare.setHorizontalHeaderLabels([self.tr("Kept"), self.tr("Merged into it")])
        self.compare.setVerticalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Gender"),
                self.tr("Age"),
                self.tr("ID number"),
                self.tr("Phone"),
                self.tr("Address"),
                self.tr("State"),
            ]
        )
        self.compare.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.compare.horizontalHeader().setStretchLastSection(True)
        explain = QLabel(
            self.tr(
                "Everything recorded for the second record (entries, check-ins, key persons, "
                "isolation, tests, passes) moves to the kept one; the second record is removed."
            )
        )
        explain.setWordWrap(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        layout = QVBoxLayout()
        layout.addLayout(row)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.compare, 1)
        layout.addWidget(explain)
        self.form_layout.addRow(layout)
        self.finish_layout()
        self._show(0, keep)

    def find(self, text: str) -> None:
        """List the residents matching `text` (any state), the kept one left out."""
        every = RegistryFilter(states=tuple(ResidentState))
        found = self._registry.search(
            text, today=self._today, limit=MERGE_SEARCH_LIMIT, filters=every
        )
        self.candidates = [row for row in found.rows if row.id != self.keep.id]
        self.results.clear()
        for row in self.candidates:
            parts = (row.name_masked, row.id_masked, texts.address_text(row.address))
            self.results.addItem("   ".join(p for p in parts if p))
        if self.candidates:
            self.results.setCurrentRow(0)
        else:
            self._compare(-1)

    def chosen(self) -> ResidentRow | None:
        index = self.results.currentRow()
        return self.candidates[index] if 0 <= index < len(self.candidates) else None

    def _compare(self, _index: int) -> None:
        other = self.chosen()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(other is not None)
        self._show(1, other)

    def _show(self, column: int, row: ResidentRow | None) -> None:
        values = ("",) * 7
        if row is not None:
            values = (
                row.name_masked,
                texts.gender_text(row.gender),
                "" if row.age is None else str(row.age),
                row.id_masked,
                row.phone_masked,
                texts.address_text(row.address),
                texts.state_text(row.state),
            )
        for line, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.compare.setItem(line, column, item)

    def accept(self) -> None:
        other = self.chosen()
        if other is not None and self.run(lambda: self._save(other.id)):
            super().accept()
