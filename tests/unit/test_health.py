"""Sanmenxia's rule, day by day: green, yellow, red from check-ins and isolation."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db.enums import HealthColor
from desktop.health import (
    GREEN,
    NOTHING,
    DayEvents,
    HealthState,
    day_events,
    during_day,
    end_of_day,
    replay,
    status_on,
)

G, Y, R = HealthColor.GREEN, HealthColor.YELLOW, HealthColor.RED
C = DayEvents(checked_in=True)  # checked in
M = NOTHING  # missed
F = DayEvents(checked_in=True, fever=True)
I = DayEvents(isolated=True)  # noqa: E741
IC = DayEvents(checked_in=True, isolated=True)


def colours(days: list[DayEvents], start: HealthState = GREEN) -> list[HealthColor]:
    out, state = [], start
    for day in days:
        state = end_of_day(state, day)
        out.append(state.color)
    return out


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        ([C, C, C], [G, G, G]),  # checking in every day stays green
        ([M], [Y]),  # 一天不打卡，绿码变黄码
        ([M, C], [Y, G]),  # 黄码一打卡，黄码变绿码
        ([M, M], [Y, Y]),  # one day yellow without a check-in: still yellow
        ([M, M, M], [Y, Y, R]),  # 两天黄码不打卡，黄码就会变红码
        ([M, M, C], [Y, Y, G]),  # caught in time
        ([M, M, M, C, C, C], [Y, Y, R, R, R, G]),  # 红码打卡要三天
        ([M, M, M, C, C, M, C, C, C], [Y, Y, R, R, R, R, R, R, G]),  # the three days restart
        ([F], [R]),  # fever at check-in
        ([F, C, C, C], [R, R, R, G]),
        ([C, I, I, C, C, C], [G, R, R, R, R, G]),  # release starts the three days
        ([IC, C, C, C], [R, R, R, G]),  # a check-in on an isolation day does not count
        ([M, M, M, M, M], [Y, Y, R, R, R]),  # red stays red without check-ins
        ([M, F], [Y, R]),
    ],
)
def test_rule_day_by_day(days, expected):
    assert colours(days) == expected


def test_today_counts_a_check_in_at_once_but_not_a_missing_one():
    yellow = HealthState(Y)
    assert during_day(yellow, C) is G
    assert during_day(yellow, NOTHING) is Y
    assert during_day(GREEN, NOTHING) is G  # today is not over
    assert during_day(HealthState(R, 0, 2), C) is G  # the third day's check-in
    assert during_day(HealthState(R, 0, 1), C) is R
    assert during_day(GREEN, F) is R
    assert during_day(GREEN, I) is R


D0 = date(2022, 4, 1)


def test_status_on_from_history():
    events = day_events(
        checkins=[(D0, False), (D0 + timedelta(days=4), False), (D0 + timedelta(days=5), True)],
        isolations=[],
        until=D0 + timedelta(days=10),
    )
    assert status_on(D0, D0, events) is G
    assert status_on(D0 + timedelta(days=1), D0, events) is G  # today not over yet
    assert status_on(D0 + timedelta(days=2), D0, events) is Y  # missed day 1
    assert status_on(D0 + timedelta(days=3), D0, events) is Y  # day 3 not over yet
    assert status_on(D0 + timedelta(days=4), D0, events) is R  # missed 1, 2, 3; one check-in
    assert status_on(D0 + timedelta(days=5), D0, events) is R  # fever
    assert status_on(D0 + timedelta(days=9), D0, events) is R  # no check-ins since


def test_isolation_periods_cover_their_days():
    events = day_events(
        [], [(D0, D0 + timedelta(days=2)), (D0 + timedelta(days=9), None)], D0 + timedelta(days=10)
    )
    assert sorted(d for d, e in events.items() if e.isolated) == [
        D0,
        D0 + timedelta(days=1),
        D0 + timedelta(days=2),
        D0 + timedelta(days=9),
        D0 + timedelta(days=10),
    ]


day_strategy = st.sampled_from([C, C, C, M, M, F, I, IC])


@given(st.lists(day_strategy, min_size=1, max_size=40))
def test_stored_status_kept_day_by_day_equals_recomputation(days):
    """A store that applies each day as it ends (the nightly step) and each event as it comes
    (the check-in screen) always shows what a recomputation from history gives."""
    events = {D0 + timedelta(days=i): day for i, day in enumerate(days) if day != NOTHING}
    stored = GREEN
    for index, day in enumerate(days):
        today = D0 + timedelta(days=index)
        shown = during_day(stored, day)
        assert shown is status_on(today, D0, events)
        stored = end_of_day(stored, day)
    assert stored == replay(D0, D0 + timedelta(days=len(days) - 1), events)


@given(st.lists(day_strategy, max_size=30))
def test_three_check_in_days_always_end_green(history):
    state = GREEN
    for day in history + [C, C, C]:
        state = end_of_day(state, day)
    assert state.color is G


@given(st.lists(day_strategy, max_size=30), st.sampled_from([C, M]))
def test_green_never_turns_red_in_one_day_without_fever_or_isolation(history, day):
    state = GREEN
    for event in history:
        state = end_of_day(state, event)
    if state.color is G:
        assert end_of_day(state, day).color is not R


@given(
    st.dictionaries(
        st.integers(min_value=0, max_value=400), day_strategy.filter(lambda d: d != M), max_size=25
    ),
    st.integers(min_value=0, max_value=420),
)
def test_skipping_quiet_stretches_changes_nothing(sparse, length):
    events = {D0 + timedelta(days=k): v for k, v in sparse.items()}
    naive = GREEN
    for offset in range(length + 1):
        naive = end_of_day(naive, events.get(D0 + timedelta(days=offset), NOTHING))
    assert replay(D0, D0 + timedelta(days=length), events) == naive
