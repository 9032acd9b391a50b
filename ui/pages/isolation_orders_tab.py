"""The isolation orders tab (隔离): every order, active ones first, and a new one."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QTableWidgetItem, QVBoxLayout, QWidget

from desktop.isolation import IsolationService, OrderRow
from desktop.registry import RegistryService
from ui import texts
from ui.pages.keyperson_dialogs import IsolationOrderDialog
from ui.pages.keyperson_texts import (
    date_text,
    grid_text,
    kind_text,
    order_state_text,
    table,
    tall_button,
)


class OrdersTab(QWidget):
    """Every isolation order, active ones first, and the way to a new one."""

    changed = Signal()

    def __init__(
        self, isolation: IsolationService, registry: RegistryService, zone: ZoneInfo, parent=None
    ) -> None:
        super().__init__(parent)
        self.isolation = isolation
        self.registry = registry
        self.zone = zone
        self.rows: list[OrderRow] = []
        self.order_dialog: IsolationOrderDialog | None = None
        self.active_only = QCheckBox(self.tr("Active orders only"))
        self.active_only.setObjectName("ordersActiveOnly")
        self.new_button = tall_button(self.tr("New isolation order…"), "ordersNew")
        self.table = table(
            "ordersTable",
            [
                self.tr("Name"),
                self.tr("ID number"),
                self.tr("Address"),
                self.tr("Grid"),
                self.tr("Kind"),
                self.tr("Place"),
                self.tr("Start"),
                self.tr("Planned end"),
                self.tr("State"),
                self.tr("Released"),
            ],
        )
        top = QHBoxLayout()
        top.addWidget(self.active_only)
        top.addStretch(1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.active_only.toggled.connect(lambda _on: self.refresh())
        self.new_button.clicked.connect(self.new_order)

    def refresh(self) -> None:
        self.rows = self.isolation.orders(active_only=self.active_only.isChecked())
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            released = row.released_at.astimezone(self.zone) if row.released_at else None
            values = (
                row.name_masked,
                row.id_masked,
                texts.address_text(row.address),
                grid_text(row.grid),
                kind_text(row.kind),
                row.place,
                date_text(row.start_date),
                date_text(row.planned_end_date),
                order_state_text(row.state),
                released.strftime("%Y-%m-%d %H:%M") if released else "",
            )
            for column, value in enumerate(values):
                self.table.setItem(index, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()

    def new_order(self) -> None:
        self.order_dialog = IsolationOrderDialog(self.isolation, self.registry, self)
        accepted = self.order_dialog.exec() == IsolationOrderDialog.DialogCode.Accepted
        self.order_dialog = None
        if accepted:
            self.changed.emit()
