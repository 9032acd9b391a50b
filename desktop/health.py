"""The local health colour from the check-in and isolation history (Sanmenxia's rule).

"一天不打卡，绿码变黄码；黄码一打卡，黄码变绿码。两天黄码不打卡，黄码就会变红码；
红码打卡要三天，才能红码变绿码。" Evaluated per calendar day of the community:

- green, and a day passes with no check-in → yellow;
- yellow, and a check-in → green;
- yellow for two days with no check-in → red;
- red → green only after check-ins on three consecutive days;
- a check-in that reports fever, and any day under isolation, make the status red; the three
  days start after the release.

Everything here is a pure function of the history, so the stored colour can always be checked
against a recomputation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from db.enums import HealthColor

YELLOW_DAYS_TO_RED = 2
RED_CHECKIN_DAYS_TO_GREEN = 3


@dataclass(frozen=True, slots=True)
class DayEvents:
    """What happened on one calendar day."""

    checked_in: bool = False
    fever: bool = False  # a check-in that reported fever
    isolated: bool = False  # under isolation at any time of the day

    @property
    def eventful(self) -> bool:
        return self.checked_in or self.fever or self.isolated


NOTHING = DayEvents()


@dataclass(frozen=True, slots=True)
class HealthState:
    """The colour at the end of a day, with the counters the next days need."""

    color: HealthColor = HealthColor.GREEN
    missed: int = 0  # yellow: days without a check-in since it turned yellow
    streak: int = 0  # red: consecutive days with a check-in


GREEN = HealthState()
IDLE_RED = HealthState(HealthColor.RED)  # where days without events lead, and stay


def end_of_day(state: HealthState, day: DayEvents) -> HealthState:
    """The state after a whole day with these events."""
    if day.isolated or day.fever:
        return HealthState(HealthColor.RED)
    if state.color is HealthColor.RED:
        if not day.checked_in:
            return HealthState(HealthColor.RED)
        streak = state.streak + 1
        return (
            GREEN
            if streak >= RED_CHECKIN_DAYS_TO_GREEN
            else HealthState(HealthColor.RED, 0, streak)
        )
    if day.checked_in:
        return GREEN
    if state.color is HealthColor.GREEN:
        return HealthState(HealthColor.YELLOW)
    missed = state.missed + 1
    if missed >= YELLOW_DAYS_TO_RED:
        return HealthState(HealthColor.RED)
    return HealthState(HealthColor.YELLOW, missed)


def during_day(state: HealthState, today: DayEvents) -> HealthColor:
    """The colour shown today, given yesterday's end state and what happened so far today.

    A check-in, a fever or an isolation counts at once; a missing check-in only counts when
    the day is over.
    """
    return end_of_day(state, today).color if today.eventful else state.color


def replay(
    first_day: date,
    last_day: date,
    events: Mapping[date, DayEvents],
    start: HealthState = GREEN,
) -> HealthState:
    """The state at the end of `last_day`, starting with `start` before `first_day`.

    Days without events lead to red within three days, and red stays red until the next
    event, so such stretches are skipped: the cost follows the events, not the days.
    """
    event_days = sorted(d for d in events if first_day <= d <= last_day)
    upcoming = iter(event_days)
    next_event = next(upcoming, None)
    state = start
    day = first_day
    while day <= last_day:
        while next_event is not None and next_event < day:
            next_event = next(upcoming, None)
        state = end_of_day(state, events.get(day, NOTHING))
        if state == IDLE_RED and next_event != day:
            if next_event is None or next_event <= day:
                return state
            day = next_event
            continue
        day += timedelta(days=1)
    return state


def status_on(
    today: date,
    registered_on: date,
    events: Mapping[date, DayEvents],
) -> HealthColor:
    """The colour of a resident on `today`: green when registered, then the rule day by day."""
    yesterday = today - timedelta(days=1)
    if today <= registered_on:
        return during_day(GREEN, events.get(today, NOTHING))
    state = replay(registered_on, yesterday, events)
    return during_day(state, events.get(today, NOTHING))


def day_events(
    checkins: Iterable[tuple[date, bool]],
    isolations: Iterable[tuple[date, date | None]],
    until: date,
) -> dict[date, DayEvents]:
    """Per-day events from check-ins (day, fever) and isolation periods (first day, last day
    or None while it lasts), up to `until`."""
    checked: dict[date, bool] = {}
    for day, fever in checkins:
        checked[day] = checked.get(day, False) or fever
    isolated: set[date] = set()
    for start, end in isolations:
        day, last = start, min(end or until, until)
        while day <= last:
            isolated.add(day)
            day += timedelta(days=1)
    return {
        day: DayEvents(day in checked, checked.get(day, False), day in isolated)
        for day in set(checked) | isolated
    }
