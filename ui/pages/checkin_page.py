"""Daily health check-in (每日打卡) recorded by staff, e.g. for elderly residents by phone.

Two ways: search one resident (empty search: everyone not checked in today), or go through a
building (or one unit) with one button per resident.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.enums import CheckinMethod
from desktop.health_service import HealthService
from desktop.registry import CheckinRow, RegistryService, ResidentRow
from ui import texts

SEARCH_DELAY_MS = 250
ROW_HEIGHT = 46
BUTTON_WIDTH = 150
LIST_LIMIT = 300


class CheckinPage(QWidget):
    """Empty search: today's residents without a check-in, elderly without a phone first."""

    def __init__(
        self,
        registry: RegistryService,
        health: HealthService,
        zone: ZoneInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.registry = registry
        self.health = health
        self.zone = zone
        self.rows: list[ResidentRow] = []

        self.search = QLineEdit()
        self.search.setObjectName("checkinSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search a resident; empty: everyone not checked in today")
        )
        self.count = QLabel()
        self.count.setObjectName("checkinCount")
        self.list = QListWidget()
        self.list.setObjectName("checkinList")
        self.method = QComboBox()
        for label, method in (
            (self.tr("by phone"), CheckinMethod.STAFF_PHONE),
            (self.tr("home visit"), CheckinMethod.STAFF_VISIT),
            (self.tr("in person"), CheckinMethod.SELF),
        ):
            self.method.addItem(label, method)
        self.symptoms = QLineEdit()
        self.symptoms.setObjectName("checkinSymptoms")
        self.symptoms.setPlaceholderText(self.tr("Symptoms or temperature (optional)"))
        self.normal_button = QPushButton(self.tr("Checked in, well (Enter)"))
        self.normal_button.setObjectName("checkinNormal")
        self.normal_button.clicked.connect(lambda: self.record(fever=False))
        self.fever_button = QPushButton(self.tr("Checked in, fever (F3)"))
        self.fever_button.setObjectName("checkinFever")
        self.fever_button.clicked.connect(lambda: self.record(fever=True))
        self.result = QLabel()
        self.result.setObjectName("checkinResult")
        self.result.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        actions = QHBoxLayout()
        actions.addWidget(self.symptoms, 1)
        actions.addWidget(self.normal_button)
        actions.addWidget(self.fever_button)
        search_tab = QWidget()
        search_layout = QVBoxLayout(search_tab)
        search_layout.addLayout(top)
        search_layout.addWidget(self.list, 1)
        search_layout.addLayout(actions)
        self.by_building = BuildingCheckins(registry, health, zone, self.method.currentData)
        self.by_building.recorded.connect(self.result.setText)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("checkinModes")
        self.tabs.addTab(search_tab, self.tr("Search"))
        self.tabs.addTab(self.by_building, self.tr("By building"))
        self.tabs.currentChanged.connect(lambda _index: self.refresh())
        how = QHBoxLayout()
        how.addWidget(QLabel(self.tr("Check-in method")))
        how.addWidget(self.method)
        how.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(how)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.result)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(lambda: self.record(fever=False))
        self.list.itemActivated.connect(lambda _item: self.record(fever=False))
        QShortcut(QKeySequence(Qt.Key.Key_F3), self, lambda: self.record(fever=True))
        for key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            QShortcut(QKeySequence(key), self.search, lambda k=key: self._move(k))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.refresh()
        self.search.setFocus()

    def refresh(self) -> None:
        if self.tabs.currentWidget() is self.by_building:
            self.by_building.refresh()
            return
        today = datetime.now(self.zone).date()
        text = self.search.text().strip()
        if text:
            found = self.registry.search(text, today=today, limit=LIST_LIMIT)
            label = self.tr("%1 residents").replace("%1", str(found.total))
        else:
            found = self.registry.not_checked_in(today, today=today, limit=LIST_LIMIT)
            label = self.tr("%1 not checked in today").replace("%1", str(found.total))
        self.count.setText(label)
        self.rows = list(found.rows)
        self.list.clear()
        for row in self.rows:
            parts = [row.name_masked, texts.address_text(row.address), row.phone_masked]
            parts.append(texts.health_text(row.health))
            if row.elderly_without_phone:
                parts.append(self.tr("(elderly, no smartphone)"))
            self.list.addItem(QListWidgetItem("   ".join(p for p in parts if p)))
        if self.rows:
            self.list.setCurrentRow(0)

    def record(self, *, fever: bool) -> None:
        row_index = self.list.currentRow()
        if not 0 <= row_index < len(self.rows):
            self.result.setText(self.tr("Choose a resident first."))
            return
        row = self.rows[row_index]
        color = self.health.record_checkin(
            row.id,
            fever=fever,
            symptoms=self.symptoms.text().strip(),
            method=self.method.currentData(),
        )
        message = self.tr("Recorded: %1 checked in today, health status %2.")
        if fever:
            message = self.tr("Recorded with fever: %1, health status %2. Inform the doctor.")
        self.result.setText(
            message.replace("%1", row.name_masked).replace("%2", texts.health_text(color))
        )
        self.symptoms.clear()
        self.refresh()
        self.search.selectAll()
        self.search.setFocus()

    def _move(self, key: Qt.Key) -> None:
        step = -1 if key == Qt.Key.Key_Up else 1
        row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
        self.list.setCurrentRow(row)


class BuildingCheckins(QWidget):
    """A building's (or unit's) living residents with today's check-in: one click each."""

    recorded = Signal(str)

    def __init__(self, registry: RegistryService, health: HealthService, zone: ZoneInfo, method):
        super().__init__()
        self.registry = registry
        self.health = health
        self.zone = zone
        self.method = method
        self.rows: list[CheckinRow] = []
        self.building = QComboBox()
        self.building.setObjectName("checkinBuilding")
        self.unit = QComboBox()
        self.unit.setObjectName("checkinUnit")
        self.count = QLabel()
        self.count.setObjectName("bulkCount")
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("bulkCheckins")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Address"),
                self.tr("Phone"),
                self.tr("Health"),
                self.tr("Today"),
                "",
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # One large button per row: staff tick residents off a list, often on a touch screen.
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(5, BUTTON_WIDTH)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Building")))
        top.addWidget(self.building)
        top.addWidget(QLabel(self.tr("Unit")))
        top.addWidget(self.unit)
        top.addStretch(1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self._units: dict[int, list[tuple[str, int]]] = {}
        self.building.currentIndexChanged.connect(self._building_chosen)
        self.unit.currentIndexChanged.connect(lambda _index: self.load())

    def refresh(self) -> None:
        """Reload the buildings (keeping the choice) and the list."""
        chosen = self.building.currentData()
        self.building.blockSignals(True)
        self.building.clear()
        self._units.clear()
        for building in self.registry.tree():
            label = self.tr("Bldg %1 (%2)").replace("%1", building.number)
            self.building.addItem(label.replace("%2", str(building.residents)), building.id)
            self._units[building.id] = [(u.number, u.id) for u in building.units]
        self.building.setCurrentIndex(max(0, self.building.findData(chosen)))
        self.building.blockSignals(False)
        self._building_chosen()

    def _building_chosen(self, _index: int = 0) -> None:
        self.unit.blockSignals(True)
        self.unit.clear()
        self.unit.addItem(self.tr("All units"), None)
        for number, unit_id in self._units.get(self.building.currentData(), []):
            self.unit.addItem(self.tr("Unit %1").replace("%1", number), unit_id)
        self.unit.blockSignals(False)
        self.load()

    def load(self) -> None:
        building_id = self.building.currentData()
        today = datetime.now(self.zone).date()
        self.rows = []
        if building_id is not None:
            self.rows = list(
                self.registry.checkins_in(
                    building_id, self.unit.currentData(), day=today, today=today
                )
            )
        self.table.setRowCount(len(self.rows))
        for index, entry in enumerate(self.rows):
            row = entry.row
            values = (
                row.name_masked,
                texts.address_text(row.address),
                row.phone_masked or self.tr("(no phone)"),
                texts.health_text(row.health),
            )
            for column, value in enumerate(values):
                self.table.setItem(index, column, QTableWidgetItem(value))
            button = QPushButton(self.tr("Checked in"))
            button.setObjectName("bulkCheckin")
            button.clicked.connect(lambda _checked=False, i=index: self.check_in(i))
            self.table.setCellWidget(index, 5, button)
            self._show_state(index, entry.checked_in, entry.fever)
        self._count()

    def _show_state(self, index: int, done: bool, fever: bool = False) -> None:
        text = self.tr("✓ checked in") if done else self.tr("not yet")
        if fever:
            text = self.tr("✓ checked in, fever")
        self.table.setItem(index, 4, QTableWidgetItem(text))
        self.table.cellWidget(index, 5).setEnabled(not done)

    def _count(self) -> None:
        done = sum(1 for entry in self.rows if entry.checked_in)
        text = self.tr("%1 residents, %2 checked in today")
        self.count.setText(text.replace("%1", str(len(self.rows))).replace("%2", str(done)))

    def check_in(self, index: int) -> None:
        """Record a well check-in for the resident on row `index`; the row shows it at once."""
        entry = self.rows[index]
        color = self.health.record_checkin(entry.row.id, fever=False, method=self.method())
        self.rows[index] = CheckinRow(entry.row, True, entry.fever)
        self.table.setItem(index, 3, QTableWidgetItem(texts.health_text(color)))
        self._show_state(index, True, entry.fever)
        self._count()
        message = self.tr("Recorded: %1 checked in today, health status %2.")
        self.recorded.emit(
            message.replace("%1", entry.row.name_masked).replace("%2", texts.health_text(color))
        )
