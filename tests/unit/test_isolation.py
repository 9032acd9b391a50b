"""Isolation orders and follow-ups against a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from db.engine import transaction
from db.enums import (
    CheckinMethod,
    Direction,
    HealthColor,
    IsolationKind,
    IsolationState,
    ResidentState,
    StatusSource,
)
from db.models import (
    AuditEvent,
    HealthCheckin,
    HealthStatusChange,
    Household,
    IsolationFollowUp,
    IsolationOrder,
    Resident,
    Room,
)
from desktop.health_service import HealthService
from desktop.isolation import IsolationError, IsolationService
from desktop.isolation_board import Slot, SlotState
from desktop.verdicts import Reason, VerdictKind
from tests.support.gate_site import LI, ZHANG, make_gate

D0 = date(2022, 4, 1)
ZONE = "Asia/Shanghai"


def local(day: date, hour: int, minute: int = 0, second: int = 0) -> datetime:
    """A moment given in Shanghai time (UTC+8), stored as UTC."""
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=UTC) - timedelta(
        hours=8
    )


class Clock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


class Site:
    """make_gate's community, a third resident in another room, and services on one clock."""

    def __init__(self, sessions) -> None:
        self.sessions = sessions
        self.clock = Clock(local(D0, 9))
        self.gate = make_gate(sessions, clock=self.clock)
        with transaction(sessions) as session:
            zhang = session.scalars(select(Resident).where(Resident.id_number == ZHANG)).one()
            li = session.scalars(select(Resident).where(Resident.id_number == LI)).one()
            zhang.household.grid = "网格2"  # zhang has no grid of his own: the household's counts
            li.grid = "网格1"
            room = Room(unit_id=zhang.household.room.unit_id, number="401")
            session.add(room)
            session.flush()
            household = Household(community_id=zhang.community_id, room_id=room.id)
            session.add(household)
            session.flush()
            wang = Resident(
                community_id=zhang.community_id,
                household_id=household.id,
                name="王芳",
                grid="网格1",
            )
            session.add(wang)
            session.flush()
            self.zhang, self.li, self.wang = zhang.id, li.id, wang.id
            for resident in (zhang, li, wang):
                resident.created_at = local(D0 - timedelta(days=5), 9)
                for back in range(1, 6):  # checked in every day before D0: green
                    day = D0 - timedelta(days=back)
                    session.add(
                        HealthCheckin(
                            resident_id=resident.id,
                            day=day,
                            checked_at=local(day, 10),
                            method=CheckinMethod.SELF,
                        )
                    )
        self.health = HealthService(sessions, self.gate.site.community_id, ZONE, clock=self.clock)
        self.service = IsolationService(
            sessions, self.gate.site.community_id, ZONE, self.clock, self.health
        )

    def at(self, moment: datetime) -> Site:
        self.clock.moment = moment
        return self

    def stored(self, resident_id: int) -> HealthColor:
        with self.sessions() as session:
            return session.get(Resident, resident_id).health_status

    def row(self, order_id: int):
        return next(r for r in self.service.board() if r.order_id == order_id)

    def start(self, resident_id: int, day: date = D0, **kw) -> int:
        return self.service.start(
            resident_id, kw.pop("kind", IsolationKind.HOME), day, day + timedelta(days=14), **kw
        )


@pytest.fixture
def site(sessions) -> Site:
    return Site(sessions)


def test_an_order_turns_the_resident_red_at_once_and_the_gate_denies(site):
    assert site.stored(site.zhang) is HealthColor.GREEN
    order = site.start(site.zhang, place="3栋2单元501")
    assert site.stored(site.zhang) is HealthColor.RED
    with site.sessions() as session:
        change = session.scalars(select(HealthStatusChange)).one()
        assert (change.resident_id, change.status, change.source, change.reason) == (
            site.zhang,
            HealthColor.RED,
            StatusSource.LOCAL,
            "isolation",
        )
        assert change.effective_at == local(D0, 9)
        stored = session.get(IsolationOrder, order)
        assert (stored.state, stored.place, stored.created_at) == (
            IsolationState.ACTIVE,
            "3栋2单元501",
            local(D0, 9),
        )
        audit = session.scalars(select(AuditEvent)).one()
        assert (audit.action, audit.target_id) == ("isolation.start", order)
        assert audit.detail["resident_id"] == site.zhang
    verdict = site.gate.check_id_number(ZHANG, direction=Direction.OUT)
    assert (verdict.kind, verdict.reason) == (VerdictKind.DENY, Reason.ISOLATION)
    assert site.gate.check_id_number(LI, direction=Direction.OUT).kind is VerdictKind.ALLOW
    assert site.health.recompute().mismatches == []


def test_release_keeps_the_day_red_and_three_check_in_days_lead_back_to_green(site):
    order = site.start(site.zhang, D0 - timedelta(days=2))
    released = D0 + timedelta(days=3)
    assert site.at(local(released, 15)).service.release(order) is HealthColor.RED
    verdict = site.gate.check_id_number(ZHANG, direction=Direction.OUT)
    assert (verdict.kind, verdict.reason) == (VerdictKind.DENY, Reason.HEALTH_RED)
    site.health.record_checkin(site.zhang)  # the release day counts as isolated
    colours = []
    for offset in (4, 5, 6):
        site.at(local(D0 + timedelta(days=offset), 8))
        colours.append(site.health.record_checkin(site.zhang))
    assert colours == [HealthColor.RED, HealthColor.RED, HealthColor.GREEN]
    assert site.stored(site.zhang) is HealthColor.GREEN
    mismatches = site.health.recompute().mismatches  # the others stopped checking in: red
    assert site.zhang not in {m.resident_id for m in mismatches}
    with site.sessions() as session:
        stored = session.get(IsolationOrder, order)
        assert (stored.state, stored.released_at) == (IsolationState.RELEASED, local(released, 15))
    with pytest.raises(IsolationError) as error:
        site.service.release(order)
    assert error.value.code == "order-not-active"


def test_cancelling_a_mistaken_order_recomputes_the_colour(site):
    site.health.record_checkin(site.li)
    order = site.at(local(D0, 10)).start(site.li)
    assert site.stored(site.li) is HealthColor.RED
    with pytest.raises(IsolationError) as error:
        site.service.cancel(order, "   ")
    assert error.value.code == "needs-reason"
    assert site.service.cancel(order, "wrong  person") is HealthColor.GREEN
    assert site.stored(site.li) is HealthColor.GREEN
    assert site.gate.check_id_number(LI, direction=Direction.OUT).kind is VerdictKind.ALLOW
    with site.sessions() as session:
        reasons = session.scalars(
            select(HealthStatusChange.reason).order_by(HealthStatusChange.id)
        ).all()
        assert reasons == ["isolation", "isolation cancelled"]
        audit = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "isolation.cancel")
        ).one()
        assert audit.detail["reason"] == "wrong person"
    assert site.service.board() == []


@pytest.mark.parametrize(
    ("start", "end", "code"),
    [
        (D0, D0, "end-before-start"),
        (D0, D0 - timedelta(days=1), "end-before-start"),
        (D0 + timedelta(days=1), D0 + timedelta(days=15), "start-in-future"),
    ],
)
def test_bad_dates_store_nothing(site, start, end, code):
    with pytest.raises(IsolationError) as error:
        site.service.start(site.zhang, IsolationKind.CENTRALISED, start, end)
    assert error.value.code == code
    assert site.service.orders() == [] and site.stored(site.zhang) is HealthColor.GREEN


def test_who_cannot_be_isolated(site):
    site.start(site.zhang)
    with pytest.raises(IsolationError) as error:
        site.start(site.zhang, kind=IsolationKind.CENTRALISED)
    assert error.value.code == "already-isolated"
    with transaction(site.sessions) as session:
        session.get(Resident, site.li).state = ResidentState.MOVED_OUT
    with pytest.raises(IsolationError) as error:
        site.start(site.li)
    assert error.value.code == "resident-not-active"
    with pytest.raises(IsolationError) as error:
        site.start(999_999)
    assert error.value.code == "no-resident"
    assert [row.resident_id for row in site.service.orders()] == [site.zhang]


def test_follow_up_slots_and_when_they_are_overdue(site):
    order = site.start(site.zhang)  # entered at 09:00
    row = site.row(order)
    assert (row.am, row.pm, row.overdue) == (SlotState.DUE, SlotState.UPCOMING, False)
    assert (row.day_number, row.total_days, row.release_due) == (1, 14, False)
    row = site.at(local(D0, 11, 59, 59)).row(order)
    assert (row.am, row.pm) == (SlotState.DUE, SlotState.UPCOMING)
    row = site.at(local(D0, 12)).row(order)
    assert (row.am, row.pm, row.overdue) == (SlotState.OVERDUE, SlotState.DUE, True)
    result = site.service.record_followup(order, 36.64, " cough ")
    assert (result.slot, result.temperature_c, result.fever) == (Slot.PM, 36.6, False)
    row = site.at(local(D0, 20)).row(order)
    assert (row.am, row.pm, row.last_temperature_c) == (SlotState.OVERDUE, SlotState.DONE, 36.6)
    # 00:30 in Shanghai is still the previous day in UTC: it is the next day's morning.
    late = site.at(local(D0 + timedelta(days=1), 0, 30)).service.record_followup(order, 37.3)
    assert (late.slot, late.fever) == (Slot.AM, True)
    row = site.row(order)
    assert (row.am, row.pm, row.day_number, row.fever) == (
        SlotState.DONE,
        SlotState.UPCOMING,
        2,
        True,
    )
    row = site.at(local(D0 + timedelta(days=1), 20)).row(order)
    assert (row.am, row.pm, row.overdue) == (SlotState.DONE, SlotState.OVERDUE, True)
    site.service.record_followup(order, None, "no thermometer at home")
    row = site.row(order)
    assert (row.pm, row.last_temperature_c, row.fever) == (SlotState.DONE, 37.3, True)
    with site.sessions() as session:
        stored = session.scalars(select(IsolationFollowUp).order_by(IsolationFollowUp.id)).all()
        assert [(f.temperature_c, f.symptoms) for f in stored] == [
            (36.6, "cough"),
            (37.3, ""),
            (None, "no thermometer at home"),
        ]


def test_slots_before_the_order_was_entered_are_not_needed(site):
    afternoon = site.at(local(D0, 13)).start(site.zhang, D0 - timedelta(days=1))
    evening = site.at(local(D0, 20, 30)).start(site.li)
    board = {row.order_id: row for row in site.service.board()}
    assert (board[afternoon].am, board[afternoon].pm) == (SlotState.NOT_NEEDED, SlotState.OVERDUE)
    assert (board[evening].am, board[evening].pm) == (SlotState.NOT_NEEDED, SlotState.NOT_NEEDED)
    assert board[afternoon].day_number == 2
    assert [row.order_id for row in site.service.board()] == [afternoon, evening]


def test_a_release_is_due_on_the_planned_end(site):
    order = site.start(site.zhang)
    row = site.at(local(D0 + timedelta(days=14), 8)).row(order)
    assert (row.day_number, row.total_days, row.release_due) == (15, 14, True)


@pytest.mark.parametrize("value", [33.9, 42.6, 0.0, 365.0])
def test_implausible_temperatures_are_refused(site, value):
    order = site.start(site.zhang)
    with pytest.raises(IsolationError) as error:
        site.service.record_followup(order, value)
    assert error.value.code == "implausible"
    with site.sessions() as session:
        assert session.scalar(select(func.count()).select_from(IsolationFollowUp)) == 0
    assert site.row(order).am is SlotState.DUE


def test_follow_ups_of_ended_orders_and_odd_times_are_refused(site):
    order = site.start(site.zhang)
    codes = []
    for at in (local(D0, 10), local(D0 - timedelta(days=1), 10)):
        try:
            site.service.record_followup(order, 36.5, at=at)
        except IsolationError as error:
            codes.append(error.code)
    assert codes == ["in-future", "before-start"]
    site.service.release(order)
    with pytest.raises(IsolationError) as error:
        site.service.record_followup(order, 36.5)
    assert error.value.code == "order-not-active"
    with pytest.raises(IsolationError) as error:
        site.service.record_followup(999_999, 36.5)
    assert error.value.code == "no-order"


def test_missing_follow_ups_per_grid_overdue_first(site):
    site.at(local(D0 - timedelta(days=1), 8))
    zhang, li, wang = (
        site.start(r, D0 - timedelta(days=1)) for r in (site.zhang, site.li, site.wang)
    )
    site.at(local(D0, 9))
    site.service.record_followup(zhang, 36.5)
    site.service.record_followup(wang, 36.4)
    site.at(local(D0, 13))
    missing = site.service.missing_followups()
    assert list(missing) == ["网格1", "网格2"]
    assert [(r.order_id, r.am, r.pm) for r in missing["网格1"]] == [
        (li, SlotState.OVERDUE, SlotState.DUE),
        (wang, SlotState.DONE, SlotState.DUE),  # room 401 comes before 501, but is not late
    ]
    assert [(r.order_id, r.pm) for r in missing["网格2"]] == [(zhang, SlotState.DUE)]
    for order in (li, wang):
        site.service.record_followup(order, 36.8)
    missing = site.service.missing_followups()
    assert {g: [r.order_id for r in rows] for g, rows in missing.items()} == {
        "网格1": [li],  # the morning stays missed
        "网格2": [zhang],
    }
    yesterday = site.service.missing_followups(D0 - timedelta(days=1))
    assert {g: [r.order_id for r in rows] for g, rows in yesterday.items()} == {
        "网格1": [wang, li],  # both late all day: by address
        "网格2": [zhang],
    }
    states = {(r.am, r.pm) for rows in yesterday.values() for r in rows}
    assert states == {(SlotState.OVERDUE, SlotState.OVERDUE)}
    site.service.release(zhang)  # released today: gone from today, still in yesterday's list
    assert "网格2" not in site.service.missing_followups()
    yesterday = site.service.missing_followups(D0 - timedelta(days=1))
    assert [r.order_id for r in yesterday["网格2"]] == [zhang]
