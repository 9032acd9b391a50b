"""Daily health check-in (每日打卡) recorded by staff, e.g. for elderly residents by phone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.enums import CheckinMethod
from desktop.health_service import HealthService
from desktop.registry import RegistryService, ResidentRow
from ui import texts

SEARCH_DELAY_MS = 250
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
        actions.addWidget(self.method)
        actions.addWidget(self.symptoms, 1)
        actions.addWidget(self.normal_button)
        actions.addWidget(self.fever_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addLayout(actions)
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
