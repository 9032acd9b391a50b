"""Model behaviour that both backends must share: times, constraints, enums."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError, StatementError

from db.enums import CheckMethod, Decision, Direction, Gender, HealthColor
from db.models import (
    Building,
    Community,
    EntryLog,
    Gate,
    Household,
    OutboxItem,
    Resident,
    Room,
    Unit,
)

SHANGHAI = timezone(timedelta(hours=8))


def make_site(session):
    community = Community(code="c1", name="建设社区")
    session.add(community)
    session.flush()
    gate = Gate(community_id=community.id, code="east", name="东门")
    building = Building(community_id=community.id, number="3", name="3栋")
    session.add_all([gate, building])
    session.flush()
    unit = Unit(building_id=building.id, number="2")
    session.add(unit)
    session.flush()
    room = Room(unit_id=unit.id, number="501", floor=5)
    session.add(room)
    session.flush()
    household = Household(community_id=community.id, room_id=room.id)
    session.add(household)
    session.flush()
    return community, gate, household


def test_registry_round_trip(sessions):
    with sessions() as session, session.begin():
        community, _gate, household = make_site(session)
        session.add(
            Resident(
                community_id=community.id,
                household_id=household.id,
                name="张小明",
                id_number="11010519491231002X",
                gender=Gender.FEMALE,
                birth_date=date(1949, 12, 31),
            )
        )
    with sessions() as session:
        resident = session.scalars(select(Resident)).one()
        assert resident.name == "张小明"
        assert resident.gender is Gender.FEMALE
        assert resident.health_status is HealthColor.GREEN
        assert resident.household.room.unit.building.number == "3"
        assert resident.created_at.tzinfo is not None


def test_entry_time_keeps_the_instant(sessions):
    local = datetime(2022, 4, 1, 8, 41, 7, 123000, tzinfo=SHANGHAI)
    with sessions() as session, session.begin():
        community, gate, _ = make_site(session)
        session.add(
            EntryLog(
                uid="a" * 32,
                community_id=community.id,
                gate_id=gate.id,
                occurred_at=local,
                direction=Direction.IN,
                method=CheckMethod.TYPED,
                decision=Decision.ALLOW,
                reason_code="ok",
            )
        )
    with sessions() as session:
        entry = session.scalars(select(EntryLog)).one()
        assert entry.occurred_at == local
        assert entry.occurred_at.tzinfo is not None
        assert entry.occurred_at.astimezone(UTC).hour == 0
        assert entry.utc_offset_min == 480


def test_naive_times_are_refused(sessions):
    with sessions() as session, pytest.raises(StatementError, match="naive datetime"):
        community, gate, _ = make_site(session)
        session.add(
            EntryLog(
                uid="b" * 32,
                community_id=community.id,
                gate_id=gate.id,
                occurred_at=datetime(2022, 4, 1, 8, 0),
                direction=Direction.IN,
                method=CheckMethod.TYPED,
                decision=Decision.ALLOW,
                reason_code="ok",
            )
        )
        session.flush()


def test_id_numbers_are_unique(sessions):
    with sessions() as session, pytest.raises(IntegrityError):
        community, _, household = make_site(session)
        for name in ("甲", "乙"):
            session.add(
                Resident(community_id=community.id, name=name, id_number="11010519491231002X")
            )
        session.flush()


def test_residents_without_id_numbers_are_allowed(sessions):
    with sessions() as session, session.begin():
        community, _, _ = make_site(session)
        session.add_all(
            [Resident(community_id=community.id, name=n, id_number=None) for n in "甲乙"]
        )
    with sessions() as session:
        assert len(session.scalars(select(Resident)).all()) == 2


def test_foreign_keys_are_enforced(sessions):
    with sessions() as session, pytest.raises(IntegrityError):
        session.add(Gate(community_id=999, code="x", name="x"))
        session.flush()


def test_enum_columns_refuse_unknown_values(sessions):
    with sessions() as session, session.begin():
        community, gate, _ = make_site(session)
    with sessions() as session, pytest.raises(IntegrityError):
        session.execute(
            text(
                "INSERT INTO entry_log (uid, community_id, gate_id, occurred_at, utc_offset_min, "
                "direction, method, decision, reason_code, reason_text, device) VALUES "
                "(:uid, :c, :g, :t, 480, 'up', 'typed', 'allow', 'ok', '', '')"
            ),
            {"uid": "c" * 32, "c": community.id, "g": gate.id, "t": datetime(2022, 1, 1)},
        )
        session.flush()


def test_outbox_keys_are_unique(sessions):
    with sessions() as session, pytest.raises(IntegrityError):
        for _ in range(2):
            session.add(OutboxItem(kind="entry", payload={"a": 1}, idempotency_key="k" * 32))
            session.flush()
