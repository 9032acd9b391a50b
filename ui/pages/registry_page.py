"""The registry page (居民信息库): building tree, filtered masked table, detail and actions."""

from __future__ import annotations

import logging
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.enums import HealthColor, ResidentKind, ResidentState, Role
from desktop.export import ExportKind
from desktop.registry import RegistryFilter, RegistryService, ResidentRow, SortKey
from desktop.registry_edit import (
    PlaceForm,
    RegistryEditor,
    RegistryError,
    ResidentForm,
    Revealed,
)
from desktop.registry_reveal import may_reveal
from ui import texts
from ui.pages.registry_detail import DetailPanel
from ui.pages.registry_dialogs import HouseholdDialog, LeaveDialog, ResidentDialog
from ui.pages.registry_export import RegistryExporter
from ui.pages.registry_merge_dialog import MergeDialog
from ui.pages.registry_table import ADDRESS_COLUMN, BuildingTree, ResidentTableModel
from ui.pages.registry_words import error_text
from ui.tasks import Task

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 250
PAGE_LIMIT = 500


class RegistryPage(QWidget):
    """Tree of buildings on the left, the residents table, the selected resident's detail
    with the actions on the right. Personal data stay masked unless revealed (audited)."""

    importRequested = Signal()
    exported = Signal(object)  # an ExportResult, or None when the export failed

    def __init__(
        self,
        registry: RegistryService,
        editor: RegistryEditor | None = None,
        *,
        role: Role | str = Role.SECRETARY,
        zone: ZoneInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.registry = registry
        self.editor = editor or RegistryEditor.for_registry(registry)
        self.role = Role(role)
        self.zone = zone or ZoneInfo(self.editor.timezone)
        self.order = (SortKey.ADDRESS, False)
        self.revealed: dict[int, Revealed] = {}
        self.dialog = None  # the dialog on show, for tests to fill in

        self.search = QLineEdit()
        self.search.setObjectName("registrySearch")
        self.search.setPlaceholderText(
            self.tr("Search: name, pinyin initials, room number, last 4 digits of ID or phone")
        )
        self.search.setClearButtonEnabled(True)
        self.grid_filter = QComboBox()
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for kind in ResidentKind:
            self.kind_filter.addItem(texts.kind_text(kind), kind)
        self.state_filter = QComboBox()
        for label, states in (
            (self.tr("Living here"), (ResidentState.ACTIVE,)),
            (self.tr("Moved out"), (ResidentState.MOVED_OUT,)),
            (self.tr("Deceased"), (ResidentState.DECEASED,)),
            (self.tr("Everyone"), tuple(ResidentState)),
        ):
            self.state_filter.addItem(label, states)
        self.health_filter = QComboBox()
        self.health_filter.addItem(self.tr("All colours"), None)
        for color in HealthColor:
            self.health_filter.addItem(texts.health_text(color), color)
        self.elderly_check = QCheckBox(self.tr("Elderly without phone"))
        self.key_check = QCheckBox(self.tr("Key persons only"))
        self.count = QLabel()
        self.count.setObjectName("registryCount")

        self.tree = BuildingTree()
        self.tree.currentItemChanged.connect(lambda *_: self.refresh())
        self.model = ResidentTableModel(self, on_sort=self._sort)
        self.table = QTableView()
        self.table.setObjectName("residentTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSortIndicator(ADDRESS_COLUMN, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_detail())
        self.detail = DetailPanel()
        # The household widgets keep their names: other pages' tests look at them.
        self.household_address = self.detail.household_address
        self.household_phone = self.detail.household_phone
        self.household_grid = self.detail.household_grid
        self.members = self.detail.members
        self.message = QLabel()
        self.message.setObjectName("registryMessage")
        self.message.setWordWrap(True)

        self._build_actions()
        self.exporter = RegistryExporter(
            registry, self.role, self.editor.user_id, self.export_button, self.message, self
        )
        self.exporter.finished.connect(self.exported)
        self._lay_out()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        for combo in (self.grid_filter, self.kind_filter, self.state_filter, self.health_filter):
            combo.currentIndexChanged.connect(lambda *_: self.refresh())
        for check in (self.elderly_check, self.key_check):
            check.toggled.connect(lambda *_: self.refresh())
        self.reload_places()
        self.table.setSortingEnabled(True)  # sorts by address: the first refresh

    def _build_actions(self) -> None:
        def button(text: str, slot, name: str) -> QPushButton:
            widget = QPushButton(text)
            widget.setObjectName(name)
            widget.clicked.connect(slot)
            return widget

        self.new_button = button(self.tr("New resident…"), self.new_resident, "registryNew")
        self.edit_button = button(self.tr("Edit…"), self.edit_resident, "registryEdit")
        self.household_button = button(
            self.tr("Household…"), self.edit_household, "registryHousehold"
        )
        self.move_out_button = button(self.tr("Move out…"), self.move_out, "registryMoveOut")
        self.deceased_button = button(self.tr("Deceased…"), self.mark_deceased, "registryDead")
        self.restore_button = button(
            self.tr("Undo (living here again)"), self.restore, "registryRestore"
        )
        self.merge_button = button(self.tr("Merge with…"), self.merge, "registryMerge")
        self.reveal_button = button(self.tr("Reveal"), self.reveal, "registryReveal")
        self.reveal_button.setToolTip(self.tr("Shows the full numbers; every reveal is recorded"))
        self.reveal_button.setVisible(may_reveal(self.role))
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setObjectName("registryExport")
        menu = QMenu(self.export_button)
        for kind, label in (
            (ExportKind.RESIDENTS, self.tr("Residents")),
            (ExportKind.HOUSEHOLDS, self.tr("Households")),
            (ExportKind.KEY_PERSONS, self.tr("Key persons")),
        ):
            menu.addAction(label, lambda k=kind: self.choose_export(k))
        self.export_button.setMenu(menu)
        self.import_button = button(
            self.tr("Import ledger…"), self.importRequested.emit, "registryImport"
        )

    def _lay_out(self) -> None:
        # The search gets a line of its own: it is what the office uses most.
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        filters = QHBoxLayout()
        for widget in (
            self.grid_filter,
            self.kind_filter,
            self.state_filter,
            self.health_filter,
            self.elderly_check,
            self.key_check,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)
        actions = QVBoxLayout()
        for row in (
            (self.new_button, self.edit_button, self.household_button),
            (self.move_out_button, self.deceased_button, self.restore_button),
            (self.merge_button, self.reveal_button),
            (self.export_button, self.import_button),
        ):
            line = QHBoxLayout()
            for widget in row:
                line.addWidget(widget)
            actions.addLayout(line)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.detail, 1)
        side_layout.addLayout(actions)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)

    # Reading ---------------------------------------------------------------------------

    def today(self) -> date:
        return datetime.now(self.zone).date()

    def reload_places(self) -> None:
        """Rebuild the tree (counts change with every edit) and the grid list, keeping what
        was chosen."""
        level, node_id = self.tree.node()
        grid = self.grid_filter.currentData()
        buildings = self.registry.tree()
        self.tree.blockSignals(True)
        self.tree.fill(buildings, sum(b.residents for b in buildings))
        item = self.tree.find(level, node_id) or self.tree.topLevelItem(0)
        self.tree.setCurrentItem(item)
        self.tree.blockSignals(False)
        self.grid_filter.blockSignals(True)
        self.grid_filter.clear()
        self.grid_filter.addItem(self.tr("All grids"), "")
        for name in self.registry.grids():
            self.grid_filter.addItem(name, name)
        self.grid_filter.setCurrentIndex(max(0, self.grid_filter.findData(grid or "")))
        self.grid_filter.blockSignals(False)

    def current_filter(self) -> RegistryFilter:
        level, node_id = self.tree.node()
        place = {f"{level}_id": node_id} if level != "all" else {}
        return RegistryFilter(
            **place,
            grid=self.grid_filter.currentData() or "",
            kind=self.kind_filter.currentData(),
            states=self.state_filter.currentData(),
            elderly_without_phone=self.elderly_check.isChecked(),
            key_persons=self.key_check.isChecked(),
            health=self.health_filter.currentData(),
        )

    def _sort(self, key: SortKey, descending: bool) -> None:
        self.order = (key, descending)
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        if not hasattr(self, "message"):
            return  # the header sorts once while the page is still being built
        chosen = self.current_row()
        keep = select_id if select_id is not None else (chosen.id if chosen else None)
        key, descending = self.order
        result = self.registry.search(
            self.search.text(),
            today=self.today(),
            limit=PAGE_LIMIT,
            filters=self.current_filter(),
            order=key,
            descending=descending,
        )
        self.model.set_rows(list(result.rows))
        if result.total > len(result.rows):
            text = self.tr("%1 residents, showing the first %2: narrow the search")
            text = text.replace("%1", str(result.total)).replace("%2", str(len(result.rows)))
        else:
            text = self.tr("%1 residents").replace("%1", str(result.total))
        self.count.setText(text)
        self.table.resizeColumnsToContents()
        ids = [row.id for row in result.rows]
        if result.rows:
            self.table.selectRow(ids.index(keep) if keep in ids else 0)
        self.show_detail()

    def current_row(self) -> ResidentRow | None:
        if not hasattr(self, "table"):
            return None
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or index.row() >= len(self.model.rows):
            return None
        return self.model.rows[index.row()]

    def select_resident(self, resident_id: int) -> bool:
        ids = [row.id for row in self.model.rows]
        if resident_id not in ids:
            return False
        self.table.selectRow(ids.index(resident_id))
        return True

    def show_detail(self) -> None:
        row = self.current_row()
        household = None
        if row is not None and row.household_id is not None:
            household = self.registry.household(row.household_id, today=self.today())
        self.detail.show_resident(row, household, self.revealed.get(row.id) if row else None)
        editable = row is not None and self.role is not Role.GATE_STAFF
        active = editable and row.state is ResidentState.ACTIVE
        self.new_button.setEnabled(self.role is not Role.GATE_STAFF)
        self.edit_button.setEnabled(editable)
        self.household_button.setEnabled(editable and row.household_id is not None)
        self.move_out_button.setEnabled(active)
        self.deceased_button.setEnabled(active)
        self.restore_button.setEnabled(editable and not active)
        self.merge_button.setEnabled(editable)
        self.reveal_button.setEnabled(row is not None and row.id not in self.revealed)

    # Changing --------------------------------------------------------------------------

    def _open(self, dialog) -> None:
        self.dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()

    def _changed(self, message: str, select_id: int | None = None) -> None:
        self.message.setText(message)
        self.reload_places()
        self.refresh(select_id)

    def new_resident(self) -> None:
        row = self.current_row()
        initial = None
        if row is not None and row.address is not None:
            place = PlaceForm(row.address.building, row.address.unit, row.address.room)
            initial = ResidentForm(name="", place=place, kind=row.kind, grid=row.grid)

        def save(form) -> int:
            new_id = self.editor.create_resident(form)
            self._changed(self.tr("Resident registered."), new_id)
            return new_id

        self._open(ResidentDialog(save, initial=initial, grids=self.registry.grids(), parent=self))

    def edit_resident(self) -> None:
        row = self.current_row()
        if row is None:
            return

        def save(form) -> None:
            self.editor.update_resident(row.id, form)
            self.revealed.pop(row.id, None)
            self._changed(self.tr("Changes saved."), row.id)

        self._open(
            ResidentDialog(
                save,
                initial=self.editor.resident_form(row.id),
                masked_id=row.id_masked,
                masked_phone=row.phone_masked,
                grids=self.registry.grids(),
                parent=self,
            )
        )

    def edit_household(self) -> None:
        row = self.current_row()
        if row is None or row.household_id is None:
            return
        household_id = row.household_id
        view = self.registry.household(household_id, today=self.today())

        def save(form) -> None:
            self.editor.update_household(household_id, form)
            self._changed(self.tr("Household saved."), row.id)

        self._open(
            HouseholdDialog(
                save,
                initial=self.editor.household_form(household_id),
                masked_phone=view.phone_masked,
                grids=self.registry.grids(),
                parent=self,
            )
        )

    def move_out(self) -> None:
        self._leave(ResidentState.MOVED_OUT)

    def mark_deceased(self) -> None:
        self._leave(ResidentState.DECEASED)

    def _leave(self, state: ResidentState) -> None:
        row = self.current_row()
        if row is None:
            return

        def save(day: date) -> None:
            if state is ResidentState.DECEASED:
                self.editor.mark_deceased(row.id, day)
                self._changed(self.tr("Recorded as deceased: %1").replace("%1", row.name_masked))
            else:
                self.editor.move_out(row.id, day)
                self._changed(self.tr("Recorded as moved out: %1").replace("%1", row.name_masked))

        self._open(LeaveDialog(state, row.name_masked, self.today(), save, parent=self))

    def restore(self) -> None:
        row = self.current_row()
        if row is None:
            return
        try:
            self.editor.restore(row.id)
        except RegistryError as error:
            self.message.setText(error_text(error))
            return
        self._changed(self.tr("Living here again: %1").replace("%1", row.name_masked), row.id)

    def merge(self) -> None:
        row = self.current_row()
        if row is None:
            return

        def save(other_id: int) -> None:
            self.editor.merge(row.id, other_id)
            self.revealed.pop(row.id, None)
            self._changed(self.tr("Records merged into %1.").replace("%1", row.name_masked), row.id)

        self._open(MergeDialog(self.registry, row, self.today(), save, parent=self))

    def reveal(self) -> None:
        row = self.current_row()
        if row is None:
            return
        try:
            shown = self.editor.reveal(row.id, self.role, self.editor.user_id)
        except RegistryError as error:
            self.message.setText(error_text(error))
            return
        self.revealed[row.id] = shown
        self.message.setText(self.tr("Shown in full; this access is recorded."))
        self.show_detail()

    # Export ----------------------------------------------------------------------------

    def choose_export(self, kind: ExportKind) -> None:
        self.exporter.choose(kind, self.current_filter(), self.today())

    def export_to(self, kind: ExportKind | str, path: str | Path) -> Task:
        """Export what the page shows (tree node and filters, not the search text) in the
        background; `exported` carries the ExportResult, or None when it failed."""
        return self.exporter.start(kind, path, self.current_filter())
