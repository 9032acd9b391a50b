"""What the registry holds, read in a handful of queries, for matching a ledger against it.

Every resident with an ID number (of any community: the number is unique in the database),
and the community's buildings, units, rooms and households, each in one query into dicts, so
matching 100,000 rows asks the database nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.enums import Gender, Relation, ResidentKind, ResidentState
from db.models import Building, Household, Resident, Room, Unit


@dataclass(frozen=True, slots=True)
class Registered:
    """A resident as registered: the fields an import may change."""

    id: int
    community_id: int
    household_id: int | None
    state: ResidentState
    name: str
    gender: Gender
    birth_date: date | None
    phone: str
    relation: Relation
    kind: ResidentKind
    grid: str
    elderly_without_phone: bool
    lives_alone: bool
    notes: str


# The fields of Registered an import compares and writes, in order.
FIELDS = (
    "name",
    "gender",
    "birth_date",
    "phone",
    "relation",
    "kind",
    "grid",
    "elderly_without_phone",
    "lives_alone",
    "notes",
)


@dataclass
class RegistryState:
    residents: dict[str, Registered] = field(default_factory=dict)  # by ID number
    buildings: dict[str, int] = field(default_factory=dict)  # number -> id
    units: dict[tuple[int, str], int] = field(default_factory=dict)  # (building, number) -> id
    rooms: dict[tuple[int, str], int] = field(default_factory=dict)  # (unit, number) -> id
    # room id -> the community's households there (not moved out), newest first
    room_households: dict[int, list[int]] = field(default_factory=dict)
    household_room: dict[int, int | None] = field(default_factory=dict)
    # households with at least one active resident
    living: set[int] = field(default_factory=set)

    def room_id(self, building: str, unit: str, room: str) -> int | None:
        building_id = self.buildings.get(building)
        if building_id is None:
            return None
        unit_id = self.units.get((building_id, unit))
        if unit_id is None:
            return None
        return self.rooms.get((unit_id, room))


def load_places(session: Session, community_id: int, state: RegistryState) -> None:
    """Buildings, units and rooms of the community (again after new ones were written)."""
    state.buildings = dict(
        session.execute(
            select(Building.number, Building.id).where(Building.community_id == community_id)
        ).all()
    )
    units = session.execute(
        select(Unit.building_id, Unit.number, Unit.id)
        .join(Building, Building.id == Unit.building_id)
        .where(Building.community_id == community_id)
    ).all()
    state.units = {(b, n): i for b, n, i in units}
    rooms = session.execute(
        select(Room.unit_id, Room.number, Room.id)
        .join(Unit, Unit.id == Room.unit_id)
        .join(Building, Building.id == Unit.building_id)
        .where(Building.community_id == community_id)
    ).all()
    state.rooms = {(u, n): i for u, n, i in rooms}


def load_state(session: Session, community_id: int) -> RegistryState:
    """The registry as the import needs it."""
    state = RegistryState()
    columns = [getattr(Resident, name) for name in ("id", "community_id", "household_id", "state")]
    columns += [getattr(Resident, name) for name in FIELDS]
    result = session.execute(
        select(Resident.id_number, *columns).where(Resident.id_number.is_not(None))
    )
    state.residents = {row[0]: Registered(*row[1:]) for row in result}
    state.living = set(
        session.scalars(
            select(Resident.household_id)
            .where(
                Resident.community_id == community_id,
                Resident.state == ResidentState.ACTIVE,
                Resident.household_id.is_not(None),
            )
            .distinct()
        )
    )
    load_places(session, community_id, state)
    households = session.execute(
        select(Household.id, Household.room_id)
        .where(Household.community_id == community_id, Household.moved_out_at.is_(None))
        .order_by(Household.id.desc())
    ).all()
    for household_id, room_id in households:
        state.household_room[household_id] = room_id
        if room_id is not None:
            state.room_households.setdefault(room_id, []).append(household_id)
    return state
