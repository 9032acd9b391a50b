"""A small community with one gate and two residents, for gate tests."""

from __future__ import annotations

from datetime import UTC, date, datetime

from db.engine import transaction
from db.models import Building, Household, Resident, Room, Unit
from desktop.bootstrap import ensure_site
from desktop.gate import GateService
from desktop.rules import Policy

NOW = datetime(2022, 4, 1, 0, 41, 7, tzinfo=UTC)  # 08:41:07 in Shanghai
ZHANG = "11010519491231002X"
LI = "110105194912310038"  # same birth, other sequence and check digit (valid, male)


def make_gate(sessions, clock=lambda: NOW) -> GateService:
    with transaction(sessions) as session:
        site = ensure_site(session, community_code="c1", gate_code="east")
        building = Building(community_id=site.community_id, number="3")
        session.add(building)
        session.flush()
        unit = Unit(building_id=building.id, number="2")
        session.add(unit)
        session.flush()
        room = Room(unit_id=unit.id, number="501")
        session.add(room)
        session.flush()
        household = Household(community_id=site.community_id, room_id=room.id)
        session.add(household)
        session.flush()
        session.add_all(
            [
                Resident(
                    community_id=site.community_id,
                    household_id=household.id,
                    name="张小明",
                    id_number=ZHANG,
                    birth_date=date(1949, 12, 31),
                ),
                Resident(
                    community_id=site.community_id,
                    household_id=household.id,
                    name="李四",
                    id_number=LI,
                ),
            ]
        )
    return GateService(sessions, site, Policy(37.3), clock=clock)
