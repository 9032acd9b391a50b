"""Addresses typed in the office: buildings, units and rooms are found or made on demand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.enums import ResidentState
from db.models import Building, Household, Resident, Room, Unit
from desktop.registry_fields import clean_place, floor_of
from desktop.registry_tree import natural_key


@dataclass(frozen=True, slots=True)
class PlaceForm:
    """Building, unit and room as typed ("3栋", "2", "501")."""

    building: str
    unit: str
    room: str


def place_room(session: Session, community_id: int, place: PlaceForm) -> Room:
    """The room at `place`, with its building and unit made when they are new."""
    number = clean_place(place.building, "building")
    unit_number = clean_place(place.unit, "unit")
    room_number = clean_place(place.room, "room")
    building = session.scalars(
        select(Building).where(Building.community_id == community_id, Building.number == number)
    ).first()
    if building is None:
        first = natural_key(number)[1] if number[:1].isdigit() else 0
        building = Building(community_id=community_id, number=number, sort_key=first)
        session.add(building)
        session.flush()
    unit = session.scalars(
        select(Unit).where(Unit.building_id == building.id, Unit.number == unit_number)
    ).first()
    if unit is None:
        unit = Unit(building_id=building.id, number=unit_number)
        session.add(unit)
        session.flush()
    room = session.scalars(
        select(Room).where(Room.unit_id == unit.id, Room.number == room_number)
    ).first()
    if room is None:
        room = Room(unit_id=unit.id, number=room_number, floor=floor_of(room_number))
        session.add(room)
        session.flush()
    return room


def household_at(session: Session, community_id: int, place: PlaceForm, now: datetime) -> Household:
    """The household at `place`: the newest one with residents living there, else the newest
    one, else a new one."""
    room = place_room(session, community_id, place)
    households = list(
        session.scalars(
            select(Household)
            .where(Household.room_id == room.id, Household.community_id == community_id)
            .order_by(Household.id.desc())
        )
    )
    if households:
        living = {
            h.id: session.scalar(
                select(Resident.id)
                .where(Resident.household_id == h.id, Resident.state == ResidentState.ACTIVE)
                .limit(1)
            )
            is not None
            for h in households
        }
        return next((h for h in households if living[h.id]), households[0])
    household = Household(community_id=community_id, room_id=room.id, created_at=now)
    session.add(household)
    session.flush()
    return household
