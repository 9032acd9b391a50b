"""Dialogs of the key-person page: new isolation order, key person, category, end, cancel.

Each dialog saves through its service in `accept()`: on an error it shows the message and
stays open with everything typed, so tests can fill the widgets and call `accept()`.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from db.enums import IsolationKind, KeyPersonSource
from desktop.isolation import DEFAULT_DAYS, IsolationError, IsolationService
from desktop.keypersons import KeyPersonError, KeyPersonRow, KeyPersonService
from desktop.registry import RegistryService, ResidentRow
from ui import texts
from ui.pages.keyperson_texts import (
    BUTTON_HEIGHT,
    category_text,
    error_text,
    kind_text,
    source_text,
)

log = logging.getLogger(__name__)

PICK_LIMIT = 50


def date_edit(day: date, name: str) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumHeight(BUTTON_HEIGHT)
    return edit


class ResidentPicker(QWidget):
    """A search line and the matching residents (masked) to choose one from."""

    def __init__(self, registry: RegistryService, today: date, parent=None) -> None:
        super().__init__(parent)
        self.registry = registry
        self.today = today
        self.rows: list[ResidentRow] = []
        self.search = QLineEdit()
        self.search.setObjectName("pickerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Name, pinyin initials, room number or last 4 digits of the ID number")
        )
        self.list = QListWidget()
        self.list.setObjectName("pickerList")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        self.search.textChanged.connect(self.refresh)

    def refresh(self) -> None:
        text = self.search.text().strip()
        found = self.registry.search(text, today=self.today, limit=PICK_LIMIT) if text else None
        self.rows = list(found.rows) if found else []
        self.list.clear()
        for row in self.rows:
            parts = (row.name_masked, texts.address_text(row.address), row.id_masked, row.grid)
            self.list.addItem("   ".join(p for p in parts if p))
        if self.rows:
            self.list.setCurrentRow(0)

    def selected(self) -> ResidentRow | None:
        index = self.list.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None


class ServiceDialog(QDialog):
    """OK saves through the service; an error is shown in the dialog, which stays open."""

    def __init__(self, title: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #B71C1C;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        for button in buttons.buttons():
            button.setMinimumHeight(BUTTON_HEIGHT)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.save()
        except (KeyPersonError, IsolationError) as exc:
            self.error.setText(error_text(exc.code))
            return
        except Exception:
            log.exception("saving %s failed", type(self).__name__)
            self.error.setText(error_text("unexpected"))
            return
        super().accept()


class IsolationOrderDialog(ServiceDialog):
    def __init__(self, isolation: IsolationService, registry: RegistryService, parent=None) -> None:
        super().__init__(self.tr("New isolation order"), parent)
        self.isolation = isolation
        self.order_id: int | None = None
        today = isolation.today()
        self.picker = ResidentPicker(registry, today)
        self.kind = QComboBox()
        self.kind.setObjectName("orderKind")
        for kind in IsolationKind:
            self.kind.addItem(kind_text(kind), kind)
        self.place = QLineEdit()
        self.place.setObjectName("orderPlace")
        self.place.setPlaceholderText(self.tr("Home address or the isolation hotel"))
        self.start = date_edit(today, "orderStart")
        self.start.setMaximumDate(QDate(today.year, today.month, today.day))
        self.end = date_edit(today + timedelta(days=DEFAULT_DAYS), "orderEnd")
        self.start.dateChanged.connect(lambda day: self.end.setDate(day.addDays(DEFAULT_DAYS)))
        self.notes = QLineEdit()
        self.notes.setObjectName("orderNotes")
        self.form.addRow(self.tr("Resident"), self.picker)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Place"), self.place)
        self.form.addRow(self.tr("Start"), self.start)
        self.form.addRow(self.tr("Planned end"), self.end)
        self.form.addRow(self.tr("Notes"), self.notes)

    def save(self) -> None:
        resident = self.picker.selected()
        if resident is None:
            raise IsolationError("no-selection")
        self.order_id = self.isolation.start(
            resident.id,
            IsolationKind(self.kind.currentData()),
            self.start.date().toPython(),
            self.end.date().toPython(),
            self.place.text(),
            self.notes.text(),
        )


class KeyPersonDialog(ServiceDialog):
    def __init__(
        self, keypersons: KeyPersonService, registry: RegistryService, parent=None
    ) -> None:
        super().__init__(self.tr("Add key person"), parent)
        self.keypersons = keypersons
        self.key_person_id: int | None = None
        today = keypersons.today()
        self.picker = ResidentPicker(registry, today)
        self.category = QComboBox()
        self.category.setObjectName("keyPersonCategory")
        for category in keypersons.categories():
            self.category.addItem(category_text(category.code, category.name), category.id)
        self.source = QComboBox()
        self.source.setObjectName("keyPersonSource")
        for source in KeyPersonSource:
            self.source.addItem(source_text(source), source)
        self.since = date_edit(today, "keyPersonSince")
        self.has_until = QCheckBox(self.tr("Ends on"))
        self.has_until.setObjectName("keyPersonHasUntil")
        self.until = date_edit(today + timedelta(days=DEFAULT_DAYS), "keyPersonUntil")
        self.until.setEnabled(False)
        self.has_until.toggled.connect(self.until.setEnabled)
        self.notes = QLineEdit()
        self.notes.setObjectName("keyPersonNotes")
        self.form.addRow(self.tr("Resident"), self.picker)
        self.form.addRow(self.tr("Category"), self.category)
        self.form.addRow(self.tr("Source"), self.source)
        self.form.addRow(self.tr("Since"), self.since)
        self.form.addRow(self.has_until, self.until)
        self.form.addRow(self.tr("Notes"), self.notes)

    def save(self) -> None:
        resident = self.picker.selected()
        if resident is None:
            raise KeyPersonError("no-selection")
        self.key_person_id = self.keypersons.add(
            resident.id,
            self.category.currentData(),
            KeyPersonSource(self.source.currentData()),
            self.since.date().toPython(),
            self.until.date().toPython() if self.has_until.isChecked() else None,
            self.notes.text(),
        )


class CategoryDialog(ServiceDialog):
    def __init__(self, keypersons: KeyPersonService, parent=None) -> None:
        super().__init__(self.tr("New key-person category"), parent)
        self.keypersons = keypersons
        self.category_id: int | None = None
        self.name = QLineEdit()
        self.name.setObjectName("categoryName")
        self.form.addRow(self.tr("Name"), self.name)

    def save(self) -> None:
        self.category_id = self.keypersons.add_category(self.name.text())


class EndKeyPersonDialog(ServiceDialog):
    def __init__(self, keypersons: KeyPersonService, row: KeyPersonRow, parent=None) -> None:
        super().__init__(self.tr("End key-person record"), parent)
        self.keypersons = keypersons
        self.row = row
        who = " · ".join((row.name_masked, category_text(row.category.code, row.category.name)))
        self.on = date_edit(keypersons.today(), "endOn")
        self.form.addRow(self.tr("Key person"), QLabel(who))
        self.form.addRow(self.tr("Last day"), self.on)

    def save(self) -> None:
        self.keypersons.end(self.row.id, self.on.date().toPython())


class CancelOrderDialog(ServiceDialog):
    def __init__(self, isolation: IsolationService, order_id: int, who: str, parent=None) -> None:
        super().__init__(self.tr("Cancel isolation order"), parent)
        self.isolation = isolation
        self.order_id = order_id
        self.reason = QLineEdit()
        self.reason.setObjectName("cancelReason")
        self.reason.setPlaceholderText(self.tr("For example: entered for the wrong person"))
        self.form.addRow(
            QLabel(self.tr("Only for an order made by mistake: %1").replace("%1", who))
        )
        self.form.addRow(self.tr("Reason"), self.reason)

    def save(self) -> None:
        self.isolation.cancel(self.order_id, self.reason.text())
