"""Filters and orderings of registry queries, shared by the pages and the Excel export."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import ColumnElement, Select, and_, func, or_, select

from db.enums import HealthColor, ResidentKind, ResidentState
from db.models import Building, Household, KeyPerson, Resident, Room, Unit


@dataclass(frozen=True, slots=True)
class RegistryFilter:
    """What the office narrowed the registry to. Empty fields do not filter.

    The node of the building tree is the most specific of building, unit, room and household
    given; `states` defaults to residents living here.
    """

    building_id: int | None = None
    unit_id: int | None = None
    room_id: int | None = None
    household_id: int | None = None
    grid: str = ""
    kind: ResidentKind | None = None
    states: tuple[ResidentState, ...] = (ResidentState.ACTIVE,)
    elderly_without_phone: bool = False
    key_persons: bool = False
    health: HealthColor | None = None

    def as_detail(self) -> dict[str, object]:
        """The filter for an audit record: only what was set."""
        detail: dict[str, object] = {}
        for name in ("building_id", "unit_id", "room_id", "household_id", "grid"):
            if value := getattr(self, name):
                detail[name] = value
        if self.kind is not None:
            detail["kind"] = self.kind.value
        if self.health is not None:
            detail["health"] = self.health.value
        if self.elderly_without_phone:
            detail["elderly_without_phone"] = True
        if self.key_persons:
            detail["key_persons"] = True
        detail["states"] = [s.value for s in self.states]
        return detail


class SortKey(StrEnum):
    """Columns the registry table can be ordered by (on the server, so the first page is
    the first page of the whole result)."""

    ADDRESS = "address"
    NAME = "name"
    GENDER = "gender"
    AGE = "age"
    ID_NUMBER = "id-number"
    PHONE = "phone"
    KIND = "kind"
    HEALTH = "health"
    GRID = "grid"
    STATE = "state"


def key_person_on(today: date) -> ColumnElement[bool]:
    """A KeyPerson row that applies on `today`."""
    return and_(KeyPerson.since <= today, or_(KeyPerson.until.is_(None), KeyPerson.until >= today))


def _households_under(filters: RegistryFilter):
    """The household ids below the chosen tree node, or None when no node is chosen."""
    if filters.household_id is not None:
        return select(Household.id).where(Household.id == filters.household_id)
    if filters.room_id is not None:
        return select(Household.id).where(Household.room_id == filters.room_id)
    if filters.unit_id is not None:
        rooms = select(Room.id).where(Room.unit_id == filters.unit_id)
        return select(Household.id).where(Household.room_id.in_(rooms))
    if filters.building_id is not None:
        rooms = (
            select(Room.id)
            .join(Unit, Unit.id == Room.unit_id)
            .where(Unit.building_id == filters.building_id)
        )
        return select(Household.id).where(Household.room_id.in_(rooms))
    return None


def filter_conditions(filters: RegistryFilter, today: date) -> list[ColumnElement[bool]]:
    """WHERE clauses on Resident for a filter."""
    conditions: list[ColumnElement[bool]] = []
    households = _households_under(filters)
    if households is not None:
        conditions.append(Resident.household_id.in_(households))
    if filters.grid:
        conditions.append(Resident.grid == filters.grid)
    if filters.kind is not None:
        conditions.append(Resident.kind == filters.kind)
    if filters.states:
        conditions.append(Resident.state.in_(filters.states))
    if filters.elderly_without_phone:
        conditions.append(Resident.elderly_without_phone.is_(True))
    if filters.key_persons:
        marked = select(KeyPerson.resident_id).where(key_person_on(today))
        conditions.append(Resident.id.in_(marked))
    if filters.health is not None:
        conditions.append(Resident.health_status == filters.health)
    return conditions


def natural_columns(*columns):
    """Order text columns so that "2" comes before "10": shorter numbers first, then text."""
    keys = []
    for column in columns:
        keys += [func.length(column), column]
    return keys


def ordered(query: Select, key: SortKey, descending: bool = False) -> Select:
    """`query` on Resident ordered by `key`; the resident id breaks ties so pages are stable."""
    if key is SortKey.ADDRESS:
        query = (
            query.outerjoin(Household, Household.id == Resident.household_id)
            .outerjoin(Room, Room.id == Household.room_id)
            .outerjoin(Unit, Unit.id == Room.unit_id)
            .outerjoin(Building, Building.id == Unit.building_id)
        )
        columns = natural_columns(Building.number, Unit.number, Room.number)
        columns.append(Resident.household_id)
    else:
        columns = {
            SortKey.NAME: [Resident.name_initials, Resident.name],
            SortKey.AGE: [Resident.birth_date],
            SortKey.GENDER: [Resident.gender],
            SortKey.ID_NUMBER: [Resident.id_number],
            SortKey.PHONE: [Resident.phone],
            SortKey.KIND: [Resident.kind],
            SortKey.HEALTH: [Resident.health_status],
            SortKey.GRID: [Resident.grid],
            SortKey.STATE: [Resident.state],
        }[key]
    # Ascending by age is the youngest first: the latest birth date.
    reverse = descending != (key is SortKey.AGE)
    if reverse:
        columns = [column.desc() for column in columns]
    return query.order_by(*columns, Resident.id.desc() if descending else Resident.id)
