"""The registry page: a searchable, masked table of residents and the selected household."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.registry import RegistryService, ResidentRow
from ui import texts

SEARCH_DELAY_MS = 250
_ROOT = QModelIndex()
PAGE_LIMIT = 500


class ResidentTableModel(QAbstractTableModel):
    """Residents as rows; every personal column is masked."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[ResidentRow] = []

    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Gender"),
            self.tr("Age"),
            self.tr("ID number"),
            self.tr("Phone"),
            self.tr("Address"),
            self.tr("Kind"),
            self.tr("Health"),
            self.tr("Grid"),
            self.tr("State"),
        ]

    def set_rows(self, rows: list[ResidentRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else 10

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.rows[index.row()]
        values = (
            row.name_masked,
            texts.gender_text(row.gender),
            "" if row.age is None else str(row.age),
            row.id_masked,
            row.phone_masked,
            texts.address_text(row.address),
            texts.kind_text(row.kind),
            texts.health_text(row.health),
            row.grid,
            texts.state_text(row.state),
        )
        return values[index.column()]


class RegistryPage(QWidget):
    def __init__(self, registry: RegistryService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.registry = registry
        self.search = QLineEdit()
        self.search.setObjectName("registrySearch")
        self.search.setPlaceholderText(
            self.tr("Search: name, pinyin initials, room number, last 4 digits of ID or phone")
        )
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setObjectName("registryCount")
        self.model = ResidentTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("residentTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._show_household)

        self.household_box = QGroupBox(self.tr("Household"))
        self.household_form = QFormLayout()
        self.household_address = QLabel()
        self.household_phone = QLabel()
        self.household_grid = QLabel()
        self.household_form.addRow(self.tr("Address"), self.household_address)
        self.household_form.addRow(self.tr("Phone"), self.household_phone)
        self.household_form.addRow(self.tr("Grid"), self.household_grid)
        self.members = QListWidget()
        self.members.setObjectName("householdMembers")
        box_layout = QVBoxLayout(self.household_box)
        box_layout.addLayout(self.household_form)
        box_layout.addWidget(QLabel(self.tr("Members")))
        box_layout.addWidget(self.members, 1)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.household_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        self.refresh()

    def refresh(self) -> None:
        result = self.registry.search(self.search.text(), today=date.today(), limit=PAGE_LIMIT)
        self.model.set_rows(list(result.rows))
        if result.total > len(result.rows):
            text = self.tr("%1 residents, showing the first %2: narrow the search")
            text = text.replace("%1", str(result.total)).replace("%2", str(len(result.rows)))
        else:
            text = self.tr("%1 residents").replace("%1", str(result.total))
        self.count.setText(text)
        self.table.resizeColumnsToContents()
        if result.rows:
            self.table.selectRow(0)
        else:
            self._clear_household()

    def _clear_household(self) -> None:
        for label in (self.household_address, self.household_phone, self.household_grid):
            label.clear()
        self.members.clear()

    def _show_household(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row = self.model.rows[current.row()]
        self._clear_household()
        if row.household_id is None:
            return
        view = self.registry.household(row.household_id, today=date.today())
        self.household_address.setText(texts.address_text(view.address))
        self.household_phone.setText(view.phone_masked)
        self.household_grid.setText(view.grid)
        for member in view.members:
            age = "" if member.age is None else self.tr("%1 y").replace("%1", str(member.age))
            self.members.addItem(
                "  ".join(
                    part
                    for part in (member.name_masked, texts.gender_text(member.gender), age)
                    if part
                )
            )
