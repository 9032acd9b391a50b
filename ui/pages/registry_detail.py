"""The registry page's detail panel: resident and household, masked unless revealed."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QListWidget, QVBoxLayout, QWidget

from db.enums import ResidentState
from desktop.registry import HouseholdView, ResidentRow
from desktop.registry_edit import Revealed
from ui import texts


class DetailPanel(QWidget):
    """The selected resident and the members of their household."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.resident_box = QGroupBox(self.tr("Resident"))
        form = QFormLayout(self.resident_box)
        self.name = QLabel()
        self.name.setObjectName("detailName")
        self.person = QLabel()
        self.id_number = QLabel()
        self.id_number.setObjectName("detailId")
        self.phone = QLabel()
        self.phone.setObjectName("detailPhone")
        self.kind = QLabel()
        self.state = QLabel()
        self.state.setObjectName("detailState")
        self.health = QLabel()
        self.key_person = QLabel()
        for label, widget in (
            (self.tr("Name"), self.name),
            (self.tr("Gender, age"), self.person),
            (self.tr("ID number"), self.id_number),
            (self.tr("Phone"), self.phone),
            (self.tr("Kind"), self.kind),
            (self.tr("State"), self.state),
            (self.tr("Health"), self.health),
            (self.tr("Key person"), self.key_person),
        ):
            form.addRow(label, widget)

        self.household_box = QGroupBox(self.tr("Household"))
        household_form = QFormLayout()
        self.household_address = QLabel()
        self.household_phone = QLabel()
        self.household_grid = QLabel()
        household_form.addRow(self.tr("Address"), self.household_address)
        household_form.addRow(self.tr("Phone"), self.household_phone)
        household_form.addRow(self.tr("Grid"), self.household_grid)
        self.members = QListWidget()
        self.members.setObjectName("householdMembers")
        box_layout = QVBoxLayout(self.household_box)
        box_layout.addLayout(household_form)
        box_layout.addWidget(QLabel(self.tr("Members")))
        box_layout.addWidget(self.members, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.resident_box)
        layout.addWidget(self.household_box, 1)

    def clear(self) -> None:
        for label in (
            self.name,
            self.person,
            self.id_number,
            self.phone,
            self.kind,
            self.state,
            self.health,
            self.key_person,
            self.household_address,
            self.household_phone,
            self.household_grid,
        ):
            label.clear()
        self.members.clear()

    def show_resident(
        self, row: ResidentRow | None, household: HouseholdView | None, shown: Revealed | None
    ) -> None:
        self.clear()
        if row is None:
            return
        self.name.setText(shown.name if shown else row.name_masked)
        age = "" if row.age is None else self.tr("%1 y").replace("%1", str(row.age))
        self.person.setText("  ".join(p for p in (texts.gender_text(row.gender), age) if p))
        self.id_number.setText(shown.id_number if shown else row.id_masked)
        self.phone.setText(shown.phone if shown else row.phone_masked)
        self.kind.setText(texts.kind_text(row.kind))
        state = texts.state_text(row.state)
        if row.elderly_without_phone:
            state += self.tr(" (elderly, no smartphone)")
        self.state.setText(state)
        self.health.setText(texts.health_text(row.health))
        self.key_person.setText(self.tr("yes") if row.key_person else self.tr("no"))
        if household is None:
            return
        self.household_address.setText(texts.address_text(household.address))
        self.household_phone.setText(household.phone_masked)
        self.household_grid.setText(household.grid)
        for member in household.members:
            age = "" if member.age is None else self.tr("%1 y").replace("%1", str(member.age))
            parts = [member.name_masked, texts.gender_text(member.gender), age]
            if member.state is not ResidentState.ACTIVE:
                parts.append(texts.state_text(member.state))
            self.members.addItem("  ".join(part for part in parts if part))
