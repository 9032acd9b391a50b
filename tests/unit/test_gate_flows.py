"""The gate's flows against a real database: fever and re-measure, visitors, quota, city
colours, key persons, staff overrides and companions — each leaving the right rows."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from db.engine import transaction
from db.enums import (
    CheckMethod,
    Decision,
    Direction,
    FeverOutcome,
    HealthColor,
    KeyPersonSource,
    Role,
    StatusSource,
    TemperatureSource,
)
from db.models import (
    EntryLog,
    FeverAlert,
    HealthStatusChange,
    Household,
    KeyPerson,
    KeyPersonCategory,
    OutboxItem,
    Resident,
    User,
    Visitor,
)
from desktop.gate import GateError
from desktop.rules import Policy, Quota, VisitorRule
from desktop.verdicts import Reason, Temperature, VerdictKind
from desktop.visitors import VisitorForm
from tests.support.gate_site import LI, NOW, ZHANG, make_gate

VISITOR = "110105198001010016"


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self):
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def gate(sessions, clock):
    return make_gate(sessions, clock)


def temp(value: float) -> Temperature:
    return Temperature(value, TemperatureSource.DEVICE, "thermo")


def rows(sessions, model):
    with sessions() as session:
        return session.scalars(select(model).order_by(model.id)).all()


def resident_id(sessions, number) -> int:
    with sessions() as session:
        return session.scalar(select(Resident.id).where(Resident.id_number == number))


def household_id(sessions) -> int:
    with sessions() as session:
        return session.scalar(select(Household.id))


# -- fever and re-measure ---------------------------------------------------------------------
def test_fever_opens_an_alert_that_waits_for_the_remeasure(gate, sessions, clock):
    fever = gate.check_id_number(ZHANG, direction=Direction.IN, temperature=temp(38.1))
    assert (fever.kind, fever.reason) == (VerdictKind.FEVER, Reason.FEVER)
    assert fever.remeasure_at == NOW + timedelta(minutes=5)
    alert = rows(sessions, FeverAlert)[0]
    assert (alert.first_c, alert.outcome, alert.entry_log_id) == (
        38.1,
        FeverOutcome.OPEN,
        fever.entry_id,
    )
    assert [a.name_masked for a in gate.open_alerts()] == ["张*明"]
    outbox = [o for o in rows(sessions, OutboxItem) if o.kind == "fever-alert"]
    assert outbox[0].payload["id_number"] == ZHANG
    assert outbox[0].payload["entry"] == rows(sessions, EntryLog)[0].uid

    clock.advance(minutes=2)
    early = gate.check_id_number(ZHANG, direction=Direction.IN, temperature=temp(36.5))
    assert (early.kind, early.reason, early.recorded) == (
        VerdictKind.REMEASURE,
        Reason.REMEASURE_WAIT,
        False,
    )
    assert early.remeasure_at == alert.remeasure_due_at

    clock.advance(minutes=4)
    no_reading = gate.check_id_number(ZHANG, direction=Direction.IN)
    assert (no_reading.kind, no_reading.reason) == (VerdictKind.REMEASURE, Reason.REMEASURE_NEEDED)

    second = gate.check_id_number(ZHANG, direction=Direction.IN, temperature=temp(36.8))
    assert (second.kind, second.remeasured) == (VerdictKind.ALLOW, True)
    alert = rows(sessions, FeverAlert)[0]
    assert (alert.second_c, alert.outcome, alert.second_entry_log_id) == (
        36.8,
        FeverOutcome.CLEARED,
        second.entry_id,
    )
    assert gate.open_alerts() == []
    assert [e.temperature_c for e in rows(sessions, EntryLog)] == [38.1, 36.8]
    updates = [o for o in rows(sessions, OutboxItem) if o.kind == "fever-alert"]
    assert [u.payload["outcome"] for u in updates] == ["open", "cleared"]


def test_a_second_fever_confirms_the_alert(gate, sessions, clock):
    gate.check_id_number(ZHANG, direction=Direction.IN, temperature=temp(37.6))
    clock.advance(minutes=6)
    again = gate.check_id_number(ZHANG, direction=Direction.IN, temperature=temp(37.9))
    assert (again.kind, again.reason) == (VerdictKind.FEVER, Reason.FEVER_CONFIRMED)
    alert = rows(sessions, FeverAlert)[0]
    assert (alert.outcome, alert.follow_up) == (FeverOutcome.CONFIRMED, "report-to-health-station")
    assert gate.day_counts().fever == 2


def test_an_alert_of_yesterday_does_not_hold_today(gate, sessions, clock):
    gate.check_id_number(ZHANG, direction=Direction.IN, temperature=temp(38.0))
    clock.advance(days=1)
    assert gate.check_id_number(ZHANG, direction=Direction.IN).kind is VerdictKind.ALLOW


def test_an_unregistered_persons_fever_follows_their_number(gate, sessions, clock):
    first = gate.check_id_number(VISITOR, direction=Direction.IN, temperature=temp(38.3))
    assert first.kind is VerdictKind.FEVER and first.recorded
    clock.advance(minutes=1)
    again = gate.check_id_number(VISITOR, direction=Direction.IN, temperature=temp(36.4))
    assert again.reason is Reason.REMEASURE_WAIT
    alert = rows(sessions, FeverAlert)[0]
    assert alert.visitor_id == rows(sessions, Visitor)[0].id


# -- visitors ---------------------------------------------------------------------------------
def form(**changes) -> VisitorForm:
    values = dict(
        name="王五", id_number=VISITOR, phone="13812345678", host_household_id=None, reason="送药"
    )
    values.update(changes)
    return VisitorForm(**values)


def test_visitor_with_host_is_allowed_with_limits(gate, sessions):
    host = gate.hosts("3-2-501")[0]
    assert (host.address.room, host.head_masked, host.members) == ("501", "张*明", 2)
    verdict = gate.check_visitor(
        form(host_household_id=host.household_id), direction=Direction.IN, temperature=temp(36.5)
    )
    assert (verdict.kind, verdict.reason) == (VerdictKind.ALLOW_LIMITED, Reason.VISITOR_WITH_HOST)
    assert verdict.name_masked == "王*" and verdict.visitor
    visitor = rows(sessions, Visitor)[0]
    assert (visitor.name, visitor.host_household_id, visitor.reason, visitor.visit_count) == (
        "王五",
        host.household_id,
        "送药",
        1,
    )
    entry = rows(sessions, EntryLog)[0]
    assert (entry.visitor_id, entry.decision, entry.temperature_c) == (
        visitor.id,
        Decision.ALLOW_LIMITED,
        36.5,
    )


def test_visitor_without_host_is_denied_when_the_policy_wants_one(gate):
    verdict = gate.check_visitor(form(), direction=Direction.IN)
    assert (verdict.kind, verdict.reason) == (VerdictKind.DENY, Reason.VISITOR_NO_HOST)
    assert verdict.recorded


def test_a_visitor_seen_before_is_recognised(gate):
    host = gate.hosts("501")[0]
    gate.check_visitor(form(host_household_id=host.household_id), direction=Direction.IN)
    known = gate.known_visitor(VISITOR.lower())
    assert (known.name, known.phone_masked, known.host, known.visits) == (
        "王五",
        "138****5678",
        host,
        1,
    )
    again = gate.check_id_number(VISITOR, direction=Direction.IN)
    assert again.needs_visitor_form and again.name_masked == "王*"
    assert gate.known_visitor("110105198001010024") is None


@pytest.mark.parametrize("text", ["501", "3-2-501", "3栋2单元501", "3 2 501", " 3栋2单元501室 "])
def test_hosts_by_room(gate, text):
    assert [h.address.room for h in gate.hosts(text)] == ["501"]


@pytest.mark.parametrize("text", ["", "4-2-501", "3-1-501", "502", "张"])
def test_no_hosts(gate, text):
    assert gate.hosts(text) == []


def test_visitor_form_checks_its_number_and_name(gate, sessions):
    assert (
        gate.check_visitor(form(id_number="110105198001010017"), direction=Direction.IN).reason
        is Reason.BAD_CHECK_DIGIT
    )
    assert gate.check_visitor(form(name="  "), direction=Direction.IN).reason is Reason.EMPTY
    passport = gate.check_visitor(
        form(id_number="E12345678", host_household_id=household_id(sessions)),
        direction=Direction.IN,
    )
    assert passport.kind is VerdictKind.ALLOW_LIMITED
    assert rows(sessions, Visitor)[0].id_number == "E12345678"


def test_barred_visitors_are_denied_without_a_form(sessions, clock):
    gate = make_gate(sessions, clock)
    gate.policy = Policy(visitors=VisitorRule.BARRED)
    verdict = gate.check_id_number(VISITOR, direction=Direction.IN)
    assert (verdict.kind, verdict.reason, verdict.recorded) == (
        VerdictKind.DENY,
        Reason.VISITORS_BARRED,
        True,
    )
    out = gate.check_id_number(VISITOR, direction=Direction.OUT)
    assert (out.kind, out.reason) == (VerdictKind.ALLOW, Reason.VISITOR_LEAVING)
    assert rows(sessions, Visitor)[0].visit_count == 2


# -- outing quota ----------------------------------------------------------------------------
def test_quota_counts_the_households_outings_in_its_window(sessions, clock):
    gate = make_gate(sessions, clock)
    gate.policy = Policy(quota=Quota(people=2, days=2))
    first = gate.check_id_number(ZHANG, direction=Direction.OUT)
    assert (first.kind, first.quota_left, first.quota_people) == (VerdictKind.ALLOW, 1, 2)
    back = gate.check_id_number(ZHANG, direction=Direction.IN)
    assert back.quota_left is None  # coming back is not counted
    second = gate.check_id_number(LI, direction=Direction.OUT)  # same household
    assert second.quota_left == 0
    third = gate.check_id_number(ZHANG, direction=Direction.OUT)
    assert (third.kind, third.reason, third.quota_left) == (
        VerdictKind.DENY,
        Reason.QUOTA_EXHAUSTED,
        0,
    )
    clock.advance(days=1)  # still inside the two-day window
    assert gate.check_id_number(ZHANG, direction=Direction.OUT).reason is Reason.QUOTA_EXHAUSTED
    clock.advance(days=1)
    assert gate.check_id_number(ZHANG, direction=Direction.OUT).quota_left == 1


# -- city colours and key persons ------------------------------------------------------------
def test_the_worse_of_local_and_city_colour_wins(gate, sessions, clock):
    rid = resident_id(sessions, ZHANG)
    with transaction(sessions) as session:
        session.add(
            HealthStatusChange(
                resident_id=rid,
                effective_at=NOW - timedelta(hours=1),
                status=HealthColor.RED,
                source=StatusSource.CITY,
                valid_until=NOW + timedelta(hours=1),
            )
        )
    verdict = gate.check_id_number(ZHANG, direction=Direction.IN)
    assert (verdict.kind, verdict.reason) == (VerdictKind.DENY, Reason.CITY_RED)
    clock.advance(hours=2)  # the city's word has expired
    assert gate.check_id_number(ZHANG, direction=Direction.IN).kind is VerdictKind.ALLOW


def test_a_health_code_can_only_make_it_worse(gate):
    assert (
        gate.check_id_number(ZHANG, direction=Direction.IN, code_health=HealthColor.YELLOW).reason
        is Reason.CODE_YELLOW
    )
    assert (
        gate.check_id_number(ZHANG, direction=Direction.IN, code_health=HealthColor.GREEN).kind
        is VerdictKind.ALLOW
    )


def test_a_current_key_person_is_referred(gate, sessions, clock):
    rid = resident_id(sessions, ZHANG)
    with transaction(sessions) as session:
        category = session.scalars(select(KeyPersonCategory).limit(1)).one()
        session.add(
            KeyPerson(
                resident_id=rid,
                category_id=category.id,
                source=KeyPersonSource.GRID_WORKER,
                since=date(2022, 3, 30),
                until=date(2022, 4, 1),
            )
        )
    assert gate.check_id_number(ZHANG, direction=Direction.IN).reason is Reason.KEY_PERSON
    clock.advance(days=1)
    assert gate.check_id_number(ZHANG, direction=Direction.IN).reason is Reason.OK


# -- staff override ---------------------------------------------------------------------------
def test_staff_decide_a_referred_check_with_a_reason(sessions, clock):
    with transaction(sessions) as session:
        session.add(User(username="li", display_name="李值班", role=Role.GATE_STAFF))
    gate = make_gate(sessions, clock)
    with sessions() as session:
        gate.operator_id = session.scalar(select(User.id))
    rid = resident_id(sessions, ZHANG)
    with transaction(sessions) as session:
        session.get(Resident, rid).health_status = HealthColor.YELLOW
    referred = gate.check_id_number(ZHANG, direction=Direction.IN)
    assert referred.overridable
    with pytest.raises(GateError, match="override-needs-reason"):
        gate.override(referred.entry_id, allow=True, reason="  ")
    decided = gate.override(referred.entry_id, allow=True, reason="已电话核实 打卡漏报")
    assert (decided.kind, decided.reason, decided.override_reason) == (
        VerdictKind.ALLOW,
        Reason.HEALTH_YELLOW,
        "已电话核实 打卡漏报",
    )
    assert not decided.overridable
    entry = rows(sessions, EntryLog)[0]
    assert (entry.decision, entry.override_by_id, entry.override_reason) == (
        Decision.ALLOW,
        gate.operator_id,
        "已电话核实 打卡漏报",
    )
    assert entry.overridden_at == NOW
    assert [o.kind for o in rows(sessions, OutboxItem)] == ["entry", "entry-update"]
    with pytest.raises(GateError, match="override-not-referred"):
        gate.override(referred.entry_id, allow=False, reason="again")
    assert gate.day_counts().entered == 1
    assert gate.recent()[0].overridden


# -- companions -------------------------------------------------------------------------------
def test_companions_are_checked_and_logged_each(gate, sessions):
    lead = gate.check_id_number(ZHANG, direction=Direction.OUT, temperature=temp(36.5))
    members = gate.companions(lead.resident_id)
    assert [m.name_masked for m in members] == ["李*"]
    [verdict] = gate.check_companions(
        lead.entry_id, [(members[0].resident_id, temp(36.7))], direction=Direction.OUT
    )
    assert verdict.kind is VerdictKind.ALLOW
    lead_row, companion = rows(sessions, EntryLog)
    assert (companion.companion_of_id, companion.method, companion.temperature_c) == (
        lead_row.id,
        CheckMethod.SEARCH,
        36.7,
    )
    assert [o.payload["companion_of"] for o in rows(sessions, OutboxItem)] == [None, lead_row.uid]


def test_a_red_companion_is_denied_on_their_own(gate, sessions):
    with transaction(sessions) as session:
        session.get(Resident, resident_id(sessions, LI)).health_status = HealthColor.RED
    lead = gate.check_id_number(ZHANG, direction=Direction.IN)
    [verdict] = gate.check_companions(
        lead.entry_id, [(resident_id(sessions, LI), None)], direction=Direction.IN
    )
    assert (verdict.kind, verdict.reason) == (VerdictKind.DENY, Reason.HEALTH_RED)


def test_a_visitor_with_a_twenty_character_document_is_recorded(gate, sessions):
    number = "P1234567890123456789"
    verdict = gate.check_visitor(
        form(id_number=number, host_household_id=household_id(sessions)), direction=Direction.IN
    )
    assert verdict.kind is VerdictKind.ALLOW_LIMITED
    assert rows(sessions, Visitor)[0].id_number == number
