"""Registry dialogs: resident and household forms, moved out or deceased on a date.

Each dialog takes a `save` function; accepting calls it and the dialog stays open with the
message next to the field when the service refuses (nothing is saved then).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from db.enums import Gender, Relation, ResidentKind, ResidentState
from desktop.registry_edit import HouseholdForm, PlaceForm, RegistryError, ResidentForm
from ui import texts
from ui.pages.registry_words import error_text

ERROR_STYLE = "color: #C62828;"
EARLIEST = QDate(1900, 1, 1)


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class FormDialog(QDialog):
    """A form with a message line under each field and one for the whole form."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.form_layout = QFormLayout()
        self.errors: dict[str, QLabel] = {"": _error_label()}
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self.form_layout)
        layout.addWidget(self.errors[""])
        layout.addWidget(self.buttons)

    def add_field(self, name: str, label: str, widget: QWidget) -> None:
        self.errors[name] = _error_label()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(widget)
        column.addWidget(self.errors[name])
        self.form_layout.addRow(label, box)

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()

    def show_error(self, error: RegistryError) -> None:
        label = self.errors.get(error.field, self.errors[""])
        label.setText(error_text(error))
        label.show()

    def error_shown(self) -> str:
        """Every message on show (for tests and screen readers)."""
        return " ".join(label.text() for label in self.errors.values() if label.text())

    def run(self, save: Callable[[], object]) -> bool:
        self.clear_errors()
        try:
            self.result_value = save()
        except RegistryError as error:
            self.show_error(error)
            return False
        return True


class ResidentDialog(FormDialog):
    """New resident, or edit one: ID number and phone are typed only to change them."""

    def __init__(
        self,
        save: Callable[[ResidentForm], object],
        *,
        initial: ResidentForm | None = None,
        masked_id: str = "",
        masked_phone: str = "",
        grids: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.editing = initial is not None and bool(initial.name)
        self.setWindowTitle(self.tr("Edit resident") if self.editing else self.tr("New resident"))
        self.name = QLineEdit()
        self.name.setObjectName("residentName")
        self.id_number = QLineEdit()
        self.phone = QLineEdit()
        if self.editing:
            keep = self.tr("%1 (type only to change it)")
            self.id_number.setPlaceholderText(keep.replace("%1", masked_id or "—"))
            self.phone.setPlaceholderText(keep.replace("%1", masked_phone or "—"))
        else:
            self.id_number.setPlaceholderText(self.tr("18 digits (old cards: 15)"))
        self.building, self.unit, self.room = QLineEdit(), QLineEdit(), QLineEdit()
        place = QHBoxLayout()
        for edit, hint in (
            (self.building, self.tr("Building")),
            (self.unit, self.tr("Unit")),
            (self.room, self.tr("Room")),
        ):
            edit.setPlaceholderText(hint)
            place.addWidget(edit)
        place_box = QWidget()
        place_box.setLayout(place)
        place.setContentsMargins(0, 0, 0, 0)
        self.relation = QComboBox()
        for relation in Relation:
            self.relation.addItem(texts.relation_text(relation), relation)
        self.kind = QComboBox()
        for kind in ResidentKind:
            self.kind.addItem(texts.kind_text(kind), kind)
        self.grid = QComboBox()
        self.grid.setEditable(True)
        self.grid.addItems(["", *grids])
        self.gender = QComboBox()
        for gender in (Gender.UNKNOWN, Gender.MALE, Gender.FEMALE):
            self.gender.addItem(texts.gender_text(gender), gender)
        self.birth_date = QDateEdit()
        self.birth_date.setDisplayFormat("yyyy-MM-dd")
        self.birth_date.setMinimumDate(EARLIEST)
        self.birth_date.setSpecialValueText(self.tr("not known"))
        self.birth_date.setDate(EARLIEST)
        self.elderly = QCheckBox(self.tr("Elderly, no smartphone"))
        self.lives_alone = QCheckBox(self.tr("Lives alone"))
        self.notes = QLineEdit()

        self.add_field("name", self.tr("Name"), self.name)
        self.add_field("id_number", self.tr("ID number"), self.id_number)
        self.add_field("phone", self.tr("Phone"), self.phone)
        self.add_field("place", self.tr("Address"), place_box)
        for part in ("building", "unit", "room"):
            self.errors[part] = self.errors["place"]
        self.add_field("relation", self.tr("Relation to the head"), self.relation)
        self.add_field("kind", self.tr("Kind"), self.kind)
        self.add_field("grid", self.tr("Grid"), self.grid)
        hint = QLabel(self.tr("Without an ID number:"))
        self.form_layout.addRow(hint)
        self.add_field("gender", self.tr("Gender"), self.gender)
        self.add_field("birth_date", self.tr("Birth date"), self.birth_date)
        self.form_layout.addRow(self.elderly)
        self.form_layout.addRow(self.lives_alone)
        self.add_field("notes", self.tr("Notes"), self.notes)
        self.finish_layout()
        if initial is not None:
            self._fill(initial)

    def _fill(self, form: ResidentForm) -> None:
        self.name.setText(form.name)
        if form.place is not None:
            self.building.setText(form.place.building)
            self.unit.setText(form.place.unit)
            self.room.setText(form.place.room)
        self.relation.setCurrentIndex(self.relation.findData(form.relation))
        self.kind.setCurrentIndex(self.kind.findData(form.kind))
        self.grid.setEditText(form.grid or "")
        self.gender.setCurrentIndex(self.gender.findData(form.gender))
        if form.birth_date is not None:
            self.birth_date.setDate(_qdate(form.birth_date))
        self.elderly.setChecked(form.elderly_without_phone)
        self.lives_alone.setChecked(form.lives_alone)
        self.notes.setText(form.notes)

    def form(self) -> ResidentForm:
        parts = (self.building.text(), self.unit.text(), self.room.text())
        place = PlaceForm(*parts) if any(p.strip() for p in parts) else None
        born = self.birth_date.date()
        grid = self.grid.currentText().strip()
        return ResidentForm(
            name=self.name.text(),
            id_number=self.id_number.text() or None,
            phone=self.phone.text() or None,
            place=place,
            relation=self.relation.currentData(),
            kind=self.kind.currentData(),
            grid=grid or None,
            gender=self.gender.currentData(),
            birth_date=None if born == EARLIEST else born.toPython(),
            elderly_without_phone=self.elderly.isChecked(),
            lives_alone=self.lives_alone.isChecked(),
            notes=self.notes.text(),
        )

    def accept(self) -> None:
        if self.run(lambda: self._save(self.form())):
            super().accept()


class HouseholdDialog(FormDialog):
    """A household's address (made on demand), phone, grid and notes."""

    def __init__(
        self,
        save: Callable[[HouseholdForm], object],
        *,
        initial: HouseholdForm,
        masked_phone: str = "",
        grids: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.setWindowTitle(self.tr("Household"))
        self.building = QLineEdit(initial.place.building)
        self.unit = QLineEdit(initial.place.unit)
        self.room = QLineEdit(initial.place.room)
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(
            self.tr("%1 (type only to change it)").replace("%1", masked_phone or "—")
        )
        self.grid = QComboBox()
        self.grid.setEditable(True)
        self.grid.addItems(["", *grids])
        self.grid.setEditText(initial.grid)
        self.notes = QLineEdit(initial.notes)
        self.add_field("building", self.tr("Building"), self.building)
        self.add_field("unit", self.tr("Unit"), self.unit)
        self.add_field("room", self.tr("Room"), self.room)
        self.add_field("phone", self.tr("Phone"), self.phone)
        self.add_field("grid", self.tr("Grid"), self.grid)
        self.add_field("notes", self.tr("Notes"), self.notes)
        self.finish_layout()

    def form(self) -> HouseholdForm:
        return HouseholdForm(
            PlaceForm(self.building.text(), self.unit.text(), self.room.text()),
            phone=self.phone.text() or None,
            grid=self.grid.currentText(),
            notes=self.notes.text(),
        )

    def accept(self) -> None:
        if self.run(lambda: self._save(self.form())):
            super().accept()


class LeaveDialog(FormDialog):
    """Moved out or deceased, on a date no later than today."""

    def __init__(
        self,
        state: ResidentState,
        who: str,
        today: date,
        save: Callable[[date], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        if state is ResidentState.DECEASED:
            self.setWindowTitle(self.tr("Record a death"))
            question = self.tr("%1 died on:")
        else:
            self.setWindowTitle(self.tr("Record a move-out"))
            question = self.tr("%1 moved out on:")
        self.date = QDateEdit(_qdate(today))
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMaximumDate(_qdate(today))
        self.date.setCalendarPopup(True)
        self.add_field("date", question.replace("%1", who), self.date)
        note = QLabel(self.tr("The gate will ask staff to verify this person. Undo restores it."))
        note.setWordWrap(True)
        self.form_layout.addRow(note)
        self.finish_layout()

    def accept(self) -> None:
        if self.run(lambda: self._save(self.date.date().toPython())):
            super().accept()
