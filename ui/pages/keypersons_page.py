"""Key persons & isolation (重点人员与隔离): today's follow-ups first, then the orders, then the
key-person records. Every personal column is masked."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.enums import KeyPersonSource
from desktop.isolation import IsolationService
from desktop.keypersons import KeyPersonFilter, KeyPersonRow, KeyPersonService
from desktop.registry import RegistryService
from ui import texts
from ui.pages.followups_tab import FollowUpsTab
from ui.pages.isolation_orders_tab import OrdersTab
from ui.pages.keyperson_dialogs import CategoryDialog, EndKeyPersonDialog, KeyPersonDialog
from ui.pages.keyperson_texts import (
    category_text,
    date_text,
    grid_text,
    order_state_text,
    source_text,
    table,
    tall_button,
)

__all__ = ["KeyPersonsPage", "KeyPersonsTab", "category_text"]

SEARCH_DELAY_MS = 250
ANY = None


class KeyPersonsTab(QWidget):
    """Key-person records with filters; add, end, and the office's own categories."""

    changed = Signal()

    def __init__(
        self,
        keypersons: KeyPersonService,
        registry: RegistryService,
        on_export: Callable[[], None] | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.keypersons = keypersons
        self.registry = registry
        self.rows: list[KeyPersonRow] = []
        self.add_dialog: KeyPersonDialog | None = None
        self.end_dialog: EndKeyPersonDialog | None = None
        self.category_dialog: CategoryDialog | None = None
        self.search = QLineEdit()
        self.search.setObjectName("keyPersonSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search: name, pinyin initials, ID tail, room"))
        self.category = QComboBox()
        self.category.setObjectName("keyPersonCategoryFilter")
        self.source = QComboBox()
        self.source.setObjectName("keyPersonSourceFilter")
        self.source.addItem(self.tr("All sources"), ANY)
        for source in KeyPersonSource:
            self.source.addItem(source_text(source), source)
        self.active_only = QCheckBox(self.tr("Active only"))
        self.active_only.setObjectName("keyPersonActiveOnly")
        self.active_only.setChecked(True)
        self.count = QLabel()
        self.count.setObjectName("keyPersonCount")
        self.table = table(
            "keyPersonTable",
            [
                self.tr("Name"),
                self.tr("ID number"),
                self.tr("Phone"),
                self.tr("Address"),
                self.tr("Household"),
                self.tr("Grid"),
                self.tr("Category"),
                self.tr("Source"),
                self.tr("Since"),
                self.tr("Until"),
                self.tr("Isolation"),
                self.tr("Notes"),
            ],
        )
        self.add_button = tall_button(self.tr("Add key person…"), "keyPersonAdd")
        self.end_button = tall_button(self.tr("End…"), "keyPersonEnd")
        self.category_button = tall_button(self.tr("New category…"), "keyPersonNewCategory")
        self.export_button = tall_button(self.tr("Export to Excel…"), "keyPersonExport")
        self.export_button.setVisible(on_export is not None)
        if on_export is not None:
            self.export_button.clicked.connect(lambda: on_export())

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.category)
        filters.addWidget(self.source)
        filters.addWidget(self.active_only)
        filters.addWidget(self.count)
        actions = QHBoxLayout()
        for button in (self.add_button, self.end_button, self.category_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        for combo in (self.category, self.source):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.active_only.toggled.connect(lambda _on: self.refresh())
        self.add_button.clicked.connect(self.add)
        self.end_button.clicked.connect(self.end)
        self.category_button.clicked.connect(self.new_category)
        self.load_categories()

    def load_categories(self) -> None:
        chosen = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(self.tr("All categories"), ANY)
        for category in self.keypersons.categories():
            self.category.addItem(category_text(category.code, category.name), category.id)
        self.category.setCurrentIndex(max(0, self.category.findData(chosen)) if chosen else 0)
        self.category.blockSignals(False)

    def filters(self) -> KeyPersonFilter:
        source = self.source.currentData()  # Qt hands enum members back as plain strings
        return KeyPersonFilter(
            category_id=self.category.currentData(),
            source=KeyPersonSource(source) if source else None,
            active_on=self.keypersons.today() if self.active_only.isChecked() else None,
            text=self.search.text(),
        )

    def refresh(self) -> None:
        self.rows = self.keypersons.list(self.filters())
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            values = (
                row.name_masked,
                row.id_masked,
                row.phone_masked,
                texts.address_text(row.address),
                "" if row.household_id is None else str(row.household_id),
                grid_text(row.grid),
                category_text(row.category.code, row.category.name),
                source_text(row.source),
                date_text(row.since),
                date_text(row.until),
                order_state_text(row.isolation),
                row.notes,
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                self.table.setItem(index, column, item)
        self.table.resizeColumnsToContents()
        self.count.setText(self.tr("%1 records").replace("%1", str(len(self.rows))))
        if self.rows:
            self.table.selectRow(0)
        self.end_button.setEnabled(bool(self.rows))

    def current(self) -> KeyPersonRow | None:
        selected = self.table.selectionModel().selectedRows()
        if not selected or not 0 <= selected[0].row() < len(self.rows):
            return None
        return self.rows[selected[0].row()]

    def add(self) -> None:
        self.add_dialog = KeyPersonDialog(self.keypersons, self.registry, self)
        accepted = self.add_dialog.exec() == KeyPersonDialog.DialogCode.Accepted
        self.add_dialog = None
        if accepted:
            self.changed.emit()

    def end(self) -> None:
        row = self.current()
        if row is None:
            return
        self.end_dialog = EndKeyPersonDialog(self.keypersons, row, self)
        accepted = self.end_dialog.exec() == EndKeyPersonDialog.DialogCode.Accepted
        self.end_dialog = None
        if accepted:
            self.changed.emit()

    def new_category(self) -> None:
        self.category_dialog = CategoryDialog(self.keypersons, self)
        accepted = self.category_dialog.exec() == CategoryDialog.DialogCode.Accepted
        self.category_dialog = None
        if accepted:
            self.load_categories()
            self.changed.emit()


class KeyPersonsPage(QWidget):
    """Three tabs: today's follow-ups (first), isolation orders, key persons."""

    def __init__(
        self,
        keypersons: KeyPersonService,
        isolation: IsolationService,
        registry: RegistryService,
        zone: ZoneInfo,
        parent: QWidget | None = None,
        *,
        on_export: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.followups = FollowUpsTab(isolation, zone)
        self.orders = OrdersTab(isolation, registry, zone)
        self.keypersons = KeyPersonsTab(keypersons, registry, on_export)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("keyPersonTabs")
        self.tabs.addTab(self.followups, self.tr("Today's follow-ups"))
        self.tabs.addTab(self.orders, self.tr("Isolation"))
        self.tabs.addTab(self.keypersons, self.tr("Key persons"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        for tab in (self.followups, self.orders, self.keypersons):
            tab.changed.connect(self.refresh)
        self.tabs.currentChanged.connect(lambda _i: self.refresh())

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Read everything again: an order or a release changes all three tabs."""
        self.followups.refresh()
        self.orders.refresh()
        self.keypersons.refresh()
