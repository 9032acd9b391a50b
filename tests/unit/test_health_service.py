"""Stored health colours against the rule, in a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select

from db.engine import make_session_factory, transaction
from db.enums import CheckinMethod, HealthColor, IsolationKind, IsolationState
from db.models import HealthCheckin, HealthStatusChange, IsolationOrder, Resident
from desktop.demo import DemoOptions, generate_demo
from desktop.health_service import HealthService
from tests.support.gate_site import LI, ZHANG, make_gate

D0 = date(2022, 4, 1)


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour - 8, tzinfo=UTC)  # Shanghai time


def setup(sessions) -> tuple[HealthService, int, int]:
    gate = make_gate(sessions)
    with transaction(sessions) as session:
        ids = []
        for number in (ZHANG, LI):
            resident = session.scalars(select(Resident).where(Resident.id_number == number)).one()
            resident.created_at = at(D0, 9)
            ids.append(resident.id)
    service = HealthService(sessions, gate.site.community_id, "Asia/Shanghai")
    return service, ids[0], ids[1]


def check_in(sessions, resident_id: int, day: date, fever: bool = False) -> None:
    with transaction(sessions) as session:
        session.add(
            HealthCheckin(
                resident_id=resident_id,
                day=day,
                checked_at=at(day),
                fever=fever,
                method=CheckinMethod.STAFF_PHONE,
            )
        )


def isolate(sessions, resident_id: int, state: IsolationState, released_at=None) -> None:
    with transaction(sessions) as session:
        session.add(
            IsolationOrder(
                resident_id=resident_id,
                kind=IsolationKind.HOME,
                start_date=D0,
                planned_end_date=D0 + timedelta(days=14),
                state=state,
                released_at=released_at,
            )
        )


def stored(sessions, resident_id: int) -> HealthColor:
    with sessions() as session:
        return session.get(Resident, resident_id).health_status


def test_missed_days_are_found_and_fixed(sessions):
    service, zhang, li = setup(sessions)
    for offset in range(4):
        check_in(sessions, zhang, D0 + timedelta(days=offset))
    check_in(sessions, li, D0)  # then nothing: yellow on day 2, red on day 4
    report = service.recompute(today=D0 + timedelta(days=2))
    assert [(m.resident_id, m.computed) for m in report.mismatches] == [(li, HealthColor.YELLOW)]
    assert stored(sessions, li) is HealthColor.GREEN  # only looked
    report = service.recompute(today=D0 + timedelta(days=4), fix=True)
    assert report.fixed and report.counts == {HealthColor.GREEN: 1, HealthColor.RED: 1}
    assert stored(sessions, li) is HealthColor.RED
    with sessions() as session:
        change = session.scalars(select(HealthStatusChange)).one()
        assert (change.resident_id, change.status, change.reason) == (
            li,
            HealthColor.RED,
            "recomputed",
        )
    assert service.recompute(today=D0 + timedelta(days=4)).mismatches == []


def test_fever_and_isolation_make_red_and_release_starts_three_days(sessions):
    service, zhang, li = setup(sessions)
    check_in(sessions, zhang, D0, fever=True)
    isolate(sessions, li, IsolationState.RELEASED, released_at=at(D0 + timedelta(days=2), 15))
    for offset in range(1, 7):
        check_in(sessions, li, D0 + timedelta(days=offset))
    service.recompute(today=D0, fix=True)
    assert stored(sessions, zhang) is HealthColor.RED
    assert stored(sessions, li) is HealthColor.RED
    service.recompute(today=D0 + timedelta(days=4), fix=True)
    assert stored(sessions, li) is HealthColor.RED  # released on day 2; days 3 and 4 so far
    service.recompute(today=D0 + timedelta(days=5), fix=True)
    assert stored(sessions, li) is HealthColor.GREEN  # third check-in day after the release


def test_cancelled_isolation_does_not_count(sessions):
    service, zhang, li = setup(sessions)
    isolate(sessions, li, IsolationState.CANCELLED)
    assert service.recompute(today=D0).mismatches == []


def test_demo_data_agrees_with_the_rule(sqlite_engine):
    today = date(2026, 11, 25)
    summary = generate_demo(sqlite_engine, DemoOptions(residents=600, days=3, today=today))
    sessions = make_session_factory(sqlite_engine)
    report = HealthService(sessions, summary.community_id, "Asia/Shanghai").recompute(today=today)
    assert report.mismatches == []
    assert report.counts[HealthColor.YELLOW] >= 5 and report.counts[HealthColor.RED] >= 2
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(HealthCheckin)) > 600 * 2


def clocked(sessions, service: HealthService, day: date) -> HealthService:
    return HealthService(sessions, service.community_id, "Asia/Shanghai", clock=lambda: at(day, 11))


def test_a_check_in_turns_yellow_green_at_once(sessions):
    service, zhang, li = setup(sessions)
    day2 = D0 + timedelta(days=2)
    clocked(sessions, service, day2).recompute(fix=True)  # missed day 0 and 1
    assert stored(sessions, li) is HealthColor.YELLOW
    assert clocked(sessions, service, day2).record_checkin(li) is HealthColor.GREEN
    assert stored(sessions, li) is HealthColor.GREEN
    mismatches = clocked(sessions, service, day2).recompute().mismatches
    assert li not in [m.resident_id for m in mismatches]


def test_fever_at_check_in_is_red_and_a_second_check_in_adds_to_the_first(sessions):
    service, zhang, li = setup(sessions)
    today = clocked(sessions, service, D0)
    assert today.record_checkin(zhang) is HealthColor.GREEN
    assert today.record_checkin(zhang, fever=True, symptoms="38.1") is HealthColor.RED
    with sessions() as session:
        checkin = session.scalars(select(HealthCheckin)).one()
        assert checkin.fever and checkin.symptoms == "38.1"
        reasons = session.scalars(select(HealthStatusChange.reason)).all()
        assert reasons == ["fever at check-in"]


def test_not_checked_in_lists_elderly_without_phone_first(sessions):
    from desktop.registry import RegistryService

    service, zhang, li = setup(sessions)
    with transaction(sessions) as session:
        session.get(Resident, li).elderly_without_phone = True
    registry = RegistryService(sessions, service.community_id)
    result = registry.not_checked_in(D0, today=D0)
    assert [row.id for row in result.rows] == [li, zhang]
    assert result.rows[0].elderly_without_phone
    clocked(sessions, service, D0).record_checkin(li)
    assert [row.id for row in registry.not_checked_in(D0, today=D0).rows] == [zhang]


def test_colours_are_brought_up_to_date_once_a_day(sessions):
    service, zhang, li = setup(sessions)
    day2 = clocked(sessions, service, D0 + timedelta(days=2))
    report = day2.bring_up_to_date()
    assert report is not None and stored(sessions, li) is HealthColor.YELLOW
    with transaction(sessions) as session:  # a wrong colour written by hand
        session.get(Resident, li).health_status = HealthColor.GREEN
    assert day2.bring_up_to_date() is None  # done already today
    assert stored(sessions, li) is HealthColor.GREEN
    day3 = clocked(sessions, service, D0 + timedelta(days=3))
    assert day3.bring_up_to_date() is not None
    assert stored(sessions, li) is HealthColor.RED  # yellow for two days without a check-in
