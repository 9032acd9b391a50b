"""The gate check end to end against a real database: verdict, entry log, outbox."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from db.engine import transaction
from db.enums import (
    CheckMethod,
    Decision,
    Direction,
    HealthColor,
    IsolationKind,
    ResidentState,
    TemperatureSource,
)
from db.models import (
    EntryLog,
    IsolationOrder,
    OutboxItem,
    Resident,
    TemperatureReading,
    Visitor,
)
from desktop.verdicts import Address, Reason, Temperature, VerdictKind
from tests.support.gate_site import LI, NOW, ZHANG


def count(sessions, model) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(model))


def set_resident(sessions, number, **values):
    with transaction(sessions) as session:
        resident = session.scalars(select(Resident).where(Resident.id_number == number)).one()
        for key, value in values.items():
            setattr(resident, key, value)
        return resident.id


def test_typed_valid_number_allows_and_logs(gate, sessions):
    verdict = gate.check_id_number(" 110105 19491231 002x ", direction=Direction.IN)
    assert verdict.kind is VerdictKind.ALLOW
    assert verdict.name_masked == "张*明"
    assert verdict.id_masked == "110105********002X"
    assert verdict.address == Address("3", "2", "501")
    assert verdict.recorded
    with sessions() as session:
        entry = session.scalars(select(EntryLog)).one()
        assert entry.id == verdict.entry_id
        assert entry.method is CheckMethod.TYPED
        assert entry.decision is Decision.ALLOW
        assert entry.direction is Direction.IN
        assert entry.occurred_at == NOW
        assert entry.utc_offset_min == 480
        assert entry.gate_id == gate.site.gate_id
        outbox = session.scalars(select(OutboxItem)).one()
        assert outbox.idempotency_key == entry.uid
        assert outbox.payload["decision"] == "allow"
        assert outbox.payload["gate"] == "east"


def test_full_width_input_is_accepted(gate):
    verdict = gate.check_id_number("１１０１０５１９４９１２３１００２ｘ", direction=Direction.OUT)
    assert verdict.kind is VerdictKind.ALLOW
    assert verdict.direction is Direction.OUT


def test_wrong_check_digit_writes_nothing(gate, sessions):
    verdict = gate.check_id_number("110105194912310021", direction=Direction.IN)
    assert verdict.kind is VerdictKind.INPUT_ERROR
    assert verdict.reason is Reason.BAD_CHECK_DIGIT
    assert not verdict.recorded
    for model in (EntryLog, OutboxItem, Visitor):
        assert count(sessions, model) == 0


@pytest.mark.parametrize(
    ("raw", "reason"),
    [("12345", Reason.BAD_LENGTH), ("", Reason.EMPTY), ("99010519491231002X", Reason.BAD_REGION)],
)
def test_other_bad_input_writes_nothing(gate, sessions, raw, reason):
    verdict = gate.check_id_number(raw, direction=Direction.IN)
    assert (verdict.kind, verdict.reason) == (VerdictKind.INPUT_ERROR, reason)
    assert count(sessions, EntryLog) == 0


def test_unknown_person_waits_for_the_visitor_form(gate, sessions):
    unknown = "110105198001010016"
    first = gate.check_id_number(unknown, direction=Direction.IN)
    assert (first.kind, first.reason) == (VerdictKind.REFER, Reason.NOT_REGISTERED)
    assert first.needs_visitor_form and first.visitor
    assert count(sessions, EntryLog) == 0  # decided once the form is filled in or cancelled
    left = gate.record_unregistered(
        unknown, direction=Direction.IN, method=CheckMethod.TYPED, temperature=None
    )
    assert left.recorded and left.kind is VerdictKind.REFER
    with sessions() as session:
        visitor = session.scalars(select(Visitor)).one()
        assert visitor.id_number == unknown
        assert visitor.visit_count == 1
        entry = session.scalars(select(EntryLog)).one()
        assert (entry.visitor_id, entry.resident_id) == (visitor.id, None)
        assert entry.decision is Decision.REFER


def test_red_is_denied(gate, sessions):
    set_resident(sessions, ZHANG, health_status=HealthColor.RED)
    verdict = gate.check_id_number(ZHANG, direction=Direction.IN)
    assert (verdict.kind, verdict.reason) == (VerdictKind.DENY, Reason.HEALTH_RED)
    with sessions() as session:
        assert session.scalars(select(EntryLog.decision)).one() is Decision.DENY


def test_yellow_is_referred(gate, sessions):
    set_resident(sessions, ZHANG, health_status=HealthColor.YELLOW)
    verdict = gate.check_id_number(ZHANG, direction=Direction.IN)
    assert (verdict.kind, verdict.reason) == (VerdictKind.REFER, Reason.HEALTH_YELLOW)


def test_isolation_is_denied(gate, sessions):
    resident_id = set_resident(sessions, ZHANG)
    with transaction(sessions) as session:
        session.add(
            IsolationOrder(
                resident_id=resident_id,
                kind=IsolationKind.HOME,
                start_date=date(2022, 3, 25),
                planned_end_date=date(2022, 4, 8),
            )
        )
    verdict = gate.check_id_number(ZHANG, direction=Direction.OUT)
    assert (verdict.kind, verdict.reason) == (VerdictKind.DENY, Reason.ISOLATION)


def test_moved_out_is_referred(gate, sessions):
    set_resident(sessions, LI, state=ResidentState.MOVED_OUT)
    verdict = gate.check_id_number(LI, direction=Direction.IN)
    assert verdict.reason is Reason.MOVED_OUT


def test_fever_is_denied_and_the_reading_kept(gate, sessions):
    reading = Temperature(37.8, TemperatureSource.DEVICE, "sim")
    verdict = gate.check_id_number(ZHANG, direction=Direction.IN, temperature=reading)
    assert (verdict.kind, verdict.reason) == (VerdictKind.FEVER, Reason.FEVER)
    with sessions() as session:
        entry = session.scalars(select(EntryLog)).one()
        assert entry.temperature_c == 37.8
        assert entry.temperature_source is TemperatureSource.DEVICE
        stored = session.scalars(select(TemperatureReading)).one()
        assert stored.entry_log_id == entry.id


def test_implausible_reading_asks_to_remeasure_without_logging(gate, sessions):
    reading = Temperature(31.0, TemperatureSource.DEVICE)
    verdict = gate.check_id_number(ZHANG, direction=Direction.IN, temperature=reading)
    assert verdict.kind is VerdictKind.REMEASURE
    assert count(sessions, EntryLog) == 0


def test_search_check_and_counters(gate, sessions):
    resident_id = set_resident(sessions, LI)
    verdict = gate.check_resident(resident_id, direction=Direction.OUT)
    assert verdict.kind is VerdictKind.ALLOW
    gate.check_id_number(ZHANG, direction=Direction.IN)
    set_resident(sessions, ZHANG, health_status=HealthColor.RED)
    gate.check_id_number(ZHANG, direction=Direction.IN)
    gate.check_id_number(
        LI, direction=Direction.IN, temperature=Temperature(38.0, TemperatureSource.TYPED)
    )
    counts = gate.day_counts()
    assert (counts.entered, counts.exited, counts.denied, counts.fever) == (1, 1, 2, 1)
    with sessions() as session:
        methods = session.scalars(select(EntryLog.method).order_by(EntryLog.id)).all()
    assert methods[0] is CheckMethod.SEARCH
    recent = gate.recent()
    assert len(recent) == 4
    assert recent[0].name_masked == "李*"
