"""Visitors at the gate: the form staff fill in, hosts picked by room, visitors seen before."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from db.enums import Relation, ResidentState
from db.models import Building, Household, Resident, Room, Unit, Visitor
from desktop.masking import mask_name, mask_phone
from desktop.verdicts import Address

HOST_LIMIT = 12
# "3-2-501", "3栋2单元501", "3 2 501", "501": building, unit and room, each optional but room.
_ROOM_QUERY = re.compile(
    r"^\s*(?:(?P<building>[0-9A-Za-z]+)\s*(?:栋|号楼|幢|-|\s)\s*)?"
    r"(?:(?P<unit>[0-9A-Za-z]+)\s*(?:单元|-|\s)\s*)?(?P<room>[0-9A-Za-z]+)\s*(?:室|号)?\s*$"
)


@dataclass(frozen=True, slots=True)
class VisitorForm:
    """What staff record about a visitor (外来人员登记)."""

    name: str
    id_number: str = field(repr=False)
    phone: str = field(default="", repr=False)
    host_household_id: int | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class HostHousehold:
    """A household a visitor may name as host, as the gate shows it."""

    household_id: int
    address: Address
    head_masked: str
    members: int


@dataclass(frozen=True, slots=True)
class KnownVisitor:
    """A visitor seen before: the form is filled from the last visit."""

    name: str = field(repr=False)
    phone: str = field(repr=False)
    host: HostHousehold | None
    reason: str
    visits: int
    last_seen_at: datetime

    @property
    def name_masked(self) -> str:
        return mask_name(self.name)

    @property
    def phone_masked(self) -> str:
        return mask_phone(self.phone) if self.phone else ""


def find_visitor(session: Session, community_id: int, id_number: str) -> KnownVisitor | None:
    """The visitor with this number seen before in the community, if any has a name."""
    visitor = session.scalars(
        select(Visitor)
        .where(Visitor.community_id == community_id)
        .where(Visitor.id_number == id_number)
        .where(Visitor.name != "")
        .order_by(Visitor.last_seen_at.desc())
        .limit(1)
    ).first()
    if visitor is None:
        return None
    host = host_household(session, visitor.host_household_id) if visitor.host_household_id else None
    return KnownVisitor(
        visitor.name, visitor.phone, host, visitor.reason, visitor.visit_count, visitor.last_seen_at
    )


def find_hosts(session: Session, community_id: int, text: str) -> list[HostHousehold]:
    """Households whose room matches what staff typed: "501", "3-2-501" or "3栋2单元501"."""
    match = _ROOM_QUERY.match(text.strip())
    if not match:
        return []
    query = (
        select(Household.id)
        .join(Room, Room.id == Household.room_id)
        .join(Unit, Unit.id == Room.unit_id)
        .join(Building, Building.id == Unit.building_id)
        .where(Building.community_id == community_id)
        .where(Household.moved_out_at.is_(None))
        .where(Room.number == match["room"])
        .order_by(Building.number, Unit.number, Room.number)
        .limit(HOST_LIMIT)
    )
    if match["building"]:
        query = query.where(Building.number == match["building"])
    if match["unit"]:
        query = query.where(Unit.number == match["unit"])
    return [host_household(session, household_id) for household_id in session.scalars(query)]


def host_household(session: Session, household_id: int) -> HostHousehold:
    household = session.scalars(
        select(Household)
        .options(joinedload(Household.room).joinedload(Room.unit).joinedload(Unit.building))
        .where(Household.id == household_id)
    ).one()
    members = session.scalars(
        select(Resident)
        .where(Resident.household_id == household_id)
        .where(Resident.state == ResidentState.ACTIVE)
        .order_by(Resident.relation != Relation.HEAD, Resident.id)
    ).all()
    room = household.room
    address = Address(room.unit.building.number, room.unit.number, room.number)
    head = mask_name(members[0].name) if members else ""
    return HostHousehold(household.id, address, head, len(members))


def visitor_by_number(session: Session, community_id: int, id_number: str | None):
    """The visitor row of this number, if the gate has seen it before."""
    if not id_number:
        return None
    return session.scalars(
        select(Visitor)
        .where(Visitor.community_id == community_id)
        .where(Visitor.id_number == id_number)
        .order_by(Visitor.last_seen_at.desc())
        .limit(1)
    ).first()


def save_visitor(
    session: Session, community_id: int, form: VisitorForm | None, id_number: str | None, now
) -> Visitor:
    """The visitor row for this number (made on first sight), updated from the form."""
    visitor = visitor_by_number(session, community_id, id_number)
    if visitor is None:
        visitor = Visitor(
            community_id=community_id,
            name="",
            id_number=id_number,
            first_seen_at=now,
            last_seen_at=now,
            visit_count=0,
        )
        session.add(visitor)
    if form is not None:
        visitor.name = form.name.strip()
        visitor.phone = form.phone.strip()
        visitor.host_household_id = form.host_household_id
        visitor.reason = form.reason.strip()
    visitor.last_seen_at = now
    visitor.visit_count = (visitor.visit_count or 0) + 1
    session.flush()
    return visitor
