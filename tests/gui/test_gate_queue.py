"""A queue at the gate, walked with the keyboard as staff do: each person leaves the right
entry-log rows."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import exists, func, select

from db.engine import transaction
from db.enums import (
    Decision,
    Direction,
    FeverOutcome,
    HealthColor,
    IsolationKind,
    IsolationState,
    ResidentState,
)
from db.models import (
    EntryLog,
    FeverAlert,
    Household,
    IsolationOrder,
    KeyPerson,
    Resident,
    Room,
    Unit,
    Visitor,
)
from desktop.hardware import TemperatureReading
from desktop.rules import Quota
from desktop.verdicts import Reason, VerdictKind
from tests.support.dialogs import when_open

VISITOR_NUMBER = "110105198001010016"


def plain_residents(context) -> list[Resident]:
    """Active, green residents who are neither key persons nor isolated, with a room."""
    with context.sessions() as session:
        return list(
            session.scalars(
                select(Resident)
                .where(Resident.state == ResidentState.ACTIVE)
                .where(Resident.health_status == HealthColor.GREEN)
                .where(Resident.id_number.is_not(None))
                .where(Resident.household_id.is_not(None))
                .where(~exists().where(KeyPerson.resident_id == Resident.id))
                .where(~exists().where(IsolationOrder.resident_id == Resident.id))
                .order_by(Resident.id)
            )
        )


def two_of_a_household(people: list[Resident]) -> list[Resident]:
    by_household: dict[int, list[Resident]] = {}
    for person in people:
        by_household.setdefault(person.household_id, []).append(person)
    return next(members for members in by_household.values() if len(members) >= 2)


def entries_since(context, first_id: int) -> list[EntryLog]:
    with context.sessions() as session:
        return list(
            session.scalars(select(EntryLog).where(EntryLog.id > first_id).order_by(EntryLog.id))
        )


def last_id(context) -> int:
    with context.sessions() as session:
        return session.scalar(select(func.coalesce(func.max(EntryLog.id), 0)))


def type_and_enter(qtbot, page, text: str) -> None:
    page.input.setText(text)
    qtbot.keyClick(page.input, Qt.Key.Key_Return)


def thermometer(page, value: float) -> None:
    page.temperature_read(TemperatureReading(value, datetime.now(UTC), "thermometer"))


@pytest.fixture
def gate_page(window, context):
    page = window.gate_page
    # The re-measure may follow at once, so the queue need not wait five minutes.
    context.gate.policy = replace(context.gate.policy, remeasure_after_s=0)
    return page


def test_a_queue_at_the_gate(gate_page, qtbot, context):
    page = gate_page
    start = last_id(context)
    plain = plain_residents(context)
    pair = two_of_a_household(plain)
    first = plain[0] if plain[0] not in pair else plain[-1]

    # 1. A resident with a normal temperature is allowed.
    thermometer(page, 36.5)
    type_and_enter(qtbot, page, first.id_number)
    assert page.last_verdict.kind is VerdictKind.ALLOW
    assert "放行" in page.verdict.word.text()

    # 2. A fever is denied and waits for the re-measure, which is recorded too.
    thermometer(page, 38.2)
    type_and_enter(qtbot, page, pair[0].id_number)
    assert page.last_verdict.kind is VerdictKind.FEVER
    assert "体温异常" in page.verdict.word.text()
    assert "复测" in page.verdict.note_line.text()
    qtbot.waitUntil(lambda: page.side.alerts.count() == 1)
    thermometer(page, 36.7)
    type_and_enter(qtbot, page, pair[0].id_number)
    assert page.last_verdict.kind is VerdictKind.ALLOW and page.last_verdict.remeasured
    qtbot.waitUntil(lambda: page.side.alerts.count() == 0)

    # 3. A visitor is registered with a host household picked by room.
    with context.sessions() as session:
        room, unit, building = session.execute(
            select(Room.number, Unit.number, Room.unit_id)
            .join(Unit, Unit.id == Room.unit_id)
            .join(Household, Household.room_id == Room.id)
            .where(Household.id == pair[1].household_id)
        ).one()
        building_number = session.scalar(select(Unit).where(Unit.id == building)).building.number

    def fill_visitor(dialog) -> None:
        assert dialog.id_number.isReadOnly()  # as typed at the gate, shown masked
        dialog.name.setText("王五")
        dialog.phone.setText("13812345678")
        # Typed at a person's pace: a burst of keys would be taken for a wedge scanner.
        text = f"{building_number}-{unit}-{room}"
        dialog.room.setText(text)
        dialog.room.textEdited.emit(text)
        assert dialog.hosts.count() >= 1, (dialog.room.text(), building_number, unit, room)
        qtbot.keyClick(dialog.room, Qt.Key.Key_Return)

    thermometer(page, 36.4)
    when_open(page, "visitor_dialog", fill_visitor)
    type_and_enter(qtbot, page, VISITOR_NUMBER)
    qtbot.waitUntil(lambda: page.last_verdict.kind is VerdictKind.ALLOW_LIMITED)
    assert page.last_verdict.reason is Reason.VISITOR_WITH_HOST
    assert "访客" in page.verdict.name_line.text()

    # 4. The household's outing quota runs out: the second member may not go out.
    context.gate.policy = replace(context.gate.policy, quota=Quota(people=1, days=1))
    qtbot.keyClick(page.input, Qt.Key.Key_F2)
    assert page.direction is Direction.OUT
    type_and_enter(qtbot, page, pair[1].id_number)
    assert page.last_verdict.kind is VerdictKind.ALLOW
    assert "0/1" in page.side.quota.text()
    type_and_enter(qtbot, page, pair[0].id_number)
    assert page.last_verdict.reason is Reason.QUOTA_EXHAUSTED
    qtbot.keyClick(page.input, Qt.Key.Key_F2)
    assert page.direction is Direction.IN

    # 5. A person under isolation is denied.
    isolated = plain[2] if plain[2] not in pair and plain[2] != first else plain[3]
    with transaction(context.sessions) as session:
        session.add(
            IsolationOrder(
                resident_id=isolated.id,
                kind=IsolationKind.HOME,
                start_date=date.today(),
                planned_end_date=date.today(),
                state=IsolationState.ACTIVE,
            )
        )
    type_and_enter(qtbot, page, isolated.id_number)
    assert (page.last_verdict.kind, page.last_verdict.reason) == (
        VerdictKind.DENY,
        Reason.ISOLATION,
    )
    assert "禁止通行" in page.verdict.word.text()

    # 6. A yellow resident is referred; staff allow with a reason (F6).
    yellow = next(p for p in plain if p not in (first, isolated, *pair))
    with transaction(context.sessions) as session:
        session.get(Resident, yellow.id).health_status = HealthColor.YELLOW
    type_and_enter(qtbot, page, yellow.id_number)
    assert page.last_verdict.kind is VerdictKind.REFER

    def decide(dialog) -> None:
        dialog.reason.setEditText("已电话核实")
        qtbot.keyClick(dialog.reason.lineEdit(), Qt.Key.Key_Return)

    when_open(page, "override_dialog", decide)
    qtbot.keyClick(page.input, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: bool(page.last_verdict.override_reason))
    assert page.last_verdict.kind is VerdictKind.ALLOW

    rows = entries_since(context, start)
    summary = [(r.resident_id, r.direction, r.decision, r.reason_code) for r in rows]
    assert summary == [
        (first.id, Direction.IN, Decision.ALLOW, "ok"),
        (pair[0].id, Direction.IN, Decision.DENY, "fever"),
        (pair[0].id, Direction.IN, Decision.ALLOW, "ok"),
        (None, Direction.IN, Decision.ALLOW_LIMITED, "visitor-with-host"),
        (pair[1].id, Direction.OUT, Decision.ALLOW, "ok"),
        (pair[0].id, Direction.OUT, Decision.DENY, "quota-exhausted"),
        (isolated.id, Direction.IN, Decision.DENY, "isolation"),
        (yellow.id, Direction.IN, Decision.ALLOW, "health-yellow"),
    ]
    assert [r.temperature_c for r in rows[:4]] == [36.5, 38.2, 36.7, 36.4]
    assert rows[-1].override_reason == "已电话核实" and rows[-1].overridden_at is not None
    assert all(r.operator_id == rows[0].operator_id for r in rows)
    with context.sessions() as session:
        alert = session.scalars(select(FeverAlert)).one()
        assert (alert.first_c, alert.second_c, alert.outcome) == (38.2, 36.7, FeverOutcome.CLEARED)
        visitor = session.get(Visitor, rows[3].visitor_id)
        assert (visitor.name, visitor.host_household_id) == ("王五", pair[1].household_id)


def test_cancelling_the_visitor_form_logs_a_referral(gate_page, qtbot, context):
    page = gate_page
    start = last_id(context)
    when_open(page, "visitor_dialog", lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    type_and_enter(qtbot, page, VISITOR_NUMBER)
    qtbot.waitUntil(lambda: page.last_verdict.recorded)
    [row] = entries_since(context, start)
    assert (row.decision, row.reason_code, row.resident_id) == (
        Decision.REFER,
        "not-registered",
        None,
    )


def test_companions_pass_with_the_resident(gate_page, qtbot, context):
    page = gate_page
    start = last_id(context)
    lead = two_of_a_household(plain_residents(context))[0]
    type_and_enter(qtbot, page, lead.id_number)

    def tick_all(dialog) -> None:
        dialog.table.item(0, 1).setText("36.6")
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)

    when_open(page, "companions_dialog", tick_all)
    qtbot.keyClick(page.input, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: len(entries_since(context, start)) > 1)
    rows = entries_since(context, start)
    assert rows[0].resident_id == lead.id
    assert all(r.companion_of_id == rows[0].id for r in rows[1:])
    assert len(rows) - 1 == len(page.gate.companions(lead.id))
    assert rows[1].temperature_c == 36.6


def test_f6_on_anything_but_a_referral_explains(gate_page, qtbot):
    qtbot.keyClick(gate_page.input, Qt.Key.Key_F6)
    assert "核实" in gate_page.notice.text()


def test_offline_banner_says_the_city_lists_are_old(gate_page, context):
    from desktop.sync_state import record_pull

    gate_page.tick()
    assert gate_page.banner.isVisible()  # never synced
    with transaction(context.sessions) as session:
        record_pull(session, datetime.now(UTC))
    gate_page.tick()
    assert not gate_page.banner.isVisible()
    with transaction(context.sessions) as session:
        record_pull(session, datetime(2000, 1, 1, tzinfo=UTC))
    gate_page.tick()
    assert gate_page.banner.isVisible() and "离线" in gate_page.banner.text()


def test_a_returning_visitor_is_recognised_and_their_phone_stays_masked(gate_page, qtbot, context):
    page = gate_page
    host = page.gate.hosts("101")[0]

    def first_visit(dialog) -> None:
        dialog.name.setText("王五")
        dialog.phone.setText("13812345678")
        dialog.room.setText("101")
        dialog.room.textEdited.emit("101")
        assert dialog.hosts.count() >= 1
        qtbot.keyClick(dialog.room, Qt.Key.Key_Return)

    when_open(page, "visitor_dialog", first_visit)
    type_and_enter(qtbot, page, VISITOR_NUMBER)
    qtbot.waitUntil(lambda: page.last_verdict.recorded)
    seen = {}

    def second_visit(dialog) -> None:
        seen.update(
            banner=dialog.seen.text(),
            name=dialog.name.text(),
            phone=dialog.phone.text(),
            hint=dialog.phone.placeholderText(),
            host=dialog.hosts.currentItem().text(),
        )
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)

    when_open(page, "visitor_dialog", second_visit)
    type_and_enter(qtbot, page, VISITOR_NUMBER)
    qtbot.waitUntil(lambda: page.last_verdict.visitor and page.last_verdict.recorded)
    assert "曾来访 1 次" in seen["banner"] and seen["name"] == "王五"
    assert (seen["phone"], seen["hint"]) == ("", "138****5678")
    assert host.address.room in seen["host"]
    with context.sessions() as session:
        visitor = session.scalars(select(Visitor).where(Visitor.name == "王五")).one()
        assert (visitor.phone, visitor.visit_count) == ("13812345678", 2)
