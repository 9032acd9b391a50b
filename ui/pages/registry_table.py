"""The registry page's residents table (sorted on the server) and building tree (lazy rooms)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from desktop.registry import ResidentRow, SortKey, TreeBuilding
from desktop.registry_tree import TreeUnit
from ui import texts
from ui.rows_model import RowsModel

LEVEL_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
_PLACEHOLDER = "placeholder"
COLUMN_KEYS = (
    SortKey.NAME,
    SortKey.GENDER,
    SortKey.AGE,
    SortKey.ID_NUMBER,
    SortKey.PHONE,
    SortKey.ADDRESS,
    SortKey.KIND,
    SortKey.HEALTH,
    SortKey.GRID,
    SortKey.STATE,
)
ADDRESS_COLUMN = COLUMN_KEYS.index(SortKey.ADDRESS)


class ResidentTableModel(RowsModel):
    """Residents as rows; every personal column is masked. Sorting asks the page to query
    again in the new order, so the first page shown is the first of the whole result."""

    column_count = len(COLUMN_KEYS)

    def __init__(self, parent=None, on_sort: Callable[[SortKey, bool], None] | None = None):
        super().__init__(parent)
        self.rows: list[ResidentRow] = []
        self.on_sort = on_sort

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

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if self.on_sort is not None and 0 <= column < len(COLUMN_KEYS):
            self.on_sort(COLUMN_KEYS[column], order == Qt.SortOrder.DescendingOrder)

    def values(self, row: ResidentRow) -> tuple[str, ...]:
        return (
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


class BuildingTree(QTreeWidget):
    """ "All" on top, then buildings → units → rooms (made when a unit opens) → households
    (shown only where a room holds more than one)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setObjectName("buildingTree")
        self._units: dict[int, TreeUnit] = {}
        self.itemExpanded.connect(self._expanded)

    def fill(self, buildings: tuple[TreeBuilding, ...], total: int) -> None:
        self.clear()
        self._units.clear()
        everyone = QTreeWidgetItem([self.tr("All (%1)").replace("%1", str(total))])
        everyone.setData(0, LEVEL_ROLE, "all")
        self.addTopLevelItem(everyone)
        for building in buildings:
            item = self._item(self.tr("Bldg %1 (%2)"), building.number, building.residents)
            item.setData(0, LEVEL_ROLE, "building")
            item.setData(0, ID_ROLE, building.id)
            self.addTopLevelItem(item)
            for unit in building.units:
                child = self._item(self.tr("Unit %1 (%2)"), unit.number, unit.residents)
                child.setData(0, LEVEL_ROLE, "unit")
                child.setData(0, ID_ROLE, unit.id)
                item.addChild(child)
                self._units[unit.id] = unit
                if unit.rooms:
                    placeholder = QTreeWidgetItem(["…"])
                    placeholder.setData(0, LEVEL_ROLE, _PLACEHOLDER)
                    child.addChild(placeholder)

    def _item(self, template: str, number: str, count: int) -> QTreeWidgetItem:
        return QTreeWidgetItem([template.replace("%1", number).replace("%2", str(count))])

    def _expanded(self, item: QTreeWidgetItem) -> None:
        if item.data(0, LEVEL_ROLE) != "unit":
            return
        if item.childCount() != 1 or item.child(0).data(0, LEVEL_ROLE) != _PLACEHOLDER:
            return
        item.takeChild(0)
        for room in self._units[item.data(0, ID_ROLE)].rooms:
            child = self._item(self.tr("Room %1 (%2)"), room.number, room.residents)
            child.setData(0, LEVEL_ROLE, "room")
            child.setData(0, ID_ROLE, room.id)
            item.addChild(child)
            if len(room.households) > 1:
                for number, household in enumerate(room.households, start=1):
                    leaf = self._item(
                        self.tr("Household %1 (%2)"), str(number), household.residents
                    )
                    leaf.setData(0, LEVEL_ROLE, "household")
                    leaf.setData(0, ID_ROLE, household.id)
                    child.addChild(leaf)

    def node(self) -> tuple[str, int | None]:
        """The chosen node as (level, id); ("all", None) when nothing is chosen."""
        item = self.currentItem()
        if item is None or item.data(0, LEVEL_ROLE) in (None, _PLACEHOLDER):
            return "all", None
        return item.data(0, LEVEL_ROLE), item.data(0, ID_ROLE)

    def find(self, level: str, node_id: int | None) -> QTreeWidgetItem | None:
        """The item of a node, opening units on the way so rooms exist."""
        pending = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while pending:
            item = pending.pop(0)
            if item.data(0, LEVEL_ROLE) == level and item.data(0, ID_ROLE) == node_id:
                return item
            if item.data(0, LEVEL_ROLE) == "unit" and self._holds(item, level, node_id):
                self._expanded(item)
            pending.extend(item.child(i) for i in range(item.childCount()))
        return None

    def _holds(self, item: QTreeWidgetItem, level: str, node_id: int | None) -> bool:
        unit = self._units.get(item.data(0, ID_ROLE))
        if unit is None:
            return False
        if level == "room":
            return any(room.id == node_id for room in unit.rooms)
        if level == "household":
            return any(h.id == node_id for room in unit.rooms for h in room.households)
        return False
