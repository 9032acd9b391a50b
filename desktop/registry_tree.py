"""The building tree of the registry page: buildings → units → rooms → households, counted."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from db.enums import ResidentState
from db.models import Building, Household, Resident, Room, Unit

_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple:
    """Sort key putting "2" before "10" and "3" before "3A" (case-insensitive)."""
    parts = _DIGITS.split(text.strip().casefold())
    # re.split with a group alternates text and digits, so positions always compare alike.
    return tuple(int(part) if i % 2 else part for i, part in enumerate(parts))


@dataclass(frozen=True, slots=True)
class TreeHousehold:
    id: int
    residents: int


@dataclass(frozen=True, slots=True)
class TreeRoom:
    id: int
    number: str
    residents: int
    households: tuple[TreeHousehold, ...]


@dataclass(frozen=True, slots=True)
class TreeUnit:
    id: int
    number: str
    residents: int
    rooms: tuple[TreeRoom, ...]


@dataclass(frozen=True, slots=True)
class TreeBuilding:
    id: int
    number: str
    name: str
    residents: int
    units: tuple[TreeUnit, ...]


def build_tree(session: Session, community_id: int) -> tuple[TreeBuilding, ...]:
    """The whole tree in two queries: the places, and residents living here per household."""
    places = session.execute(
        select(
            Building.id, Building.number, Building.name, Unit.id, Unit.number, Room.id, Room.number
        )
        .outerjoin(Unit, Unit.building_id == Building.id)
        .outerjoin(Room, Room.unit_id == Unit.id)
        .where(Building.community_id == community_id)
    ).all()
    counted = session.execute(
        select(Household.id, Household.room_id, func.count(Resident.id))
        .outerjoin(
            Resident,
            and_(Resident.household_id == Household.id, Resident.state == ResidentState.ACTIVE),
        )
        .where(Household.community_id == community_id)
        .where(Household.room_id.is_not(None))
        .group_by(Household.id, Household.room_id)
    ).all()
    households: dict[int, list[TreeHousehold]] = defaultdict(list)
    for household_id, room_id, residents in counted:
        households[room_id].append(TreeHousehold(household_id, residents))

    buildings: dict[int, tuple[str, str]] = {}
    units: dict[int, dict[int, str]] = defaultdict(dict)
    rooms: dict[int, dict[int, str]] = defaultdict(dict)
    for building_id, number, name, unit_id, unit_number, room_id, room_number in places:
        buildings[building_id] = (number, name)
        if unit_id is not None:
            units[building_id][unit_id] = unit_number
        if room_id is not None:
            rooms[unit_id][room_id] = room_number

    def room_node(room_id: int, number: str) -> TreeRoom:
        members = tuple(sorted(households.get(room_id, ()), key=lambda h: h.id))
        return TreeRoom(room_id, number, sum(h.residents for h in members), members)

    def unit_node(unit_id: int, number: str) -> TreeUnit:
        children = sorted(
            (room_node(i, n) for i, n in rooms[unit_id].items()),
            key=lambda r: natural_key(r.number),
        )
        return TreeUnit(unit_id, number, sum(r.residents for r in children), tuple(children))

    tree = []
    for building_id, (number, name) in buildings.items():
        children = sorted(
            (unit_node(i, n) for i, n in units[building_id].items()),
            key=lambda u: natural_key(u.number),
        )
        count = sum(u.residents for u in children)
        tree.append(TreeBuilding(building_id, number, name, count, tuple(children)))
    return tuple(sorted(tree, key=lambda b: natural_key(b.number)))
