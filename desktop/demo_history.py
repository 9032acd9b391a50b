"""The demo's gate history: entries over the day's curve, visitors, fevers."""

from __future__ import annotations

import datetime as dt
import math
import random
from bisect import bisect
from collections.abc import Callable
from itertools import accumulate
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Table, insert

from db.enums import (
    CheckMethod,
    Decision,
    Direction,
    FeverOutcome,
    TemperatureSource,
)
from db.models import (
    EntryLog,
    FeverAlert,
    Visitor,
)
from desktop import demo_names as names
from desktop.demo_bulk import CHUNK_ROWS, Progress, indexes_deferred, time_stamper, tuple_writer

if TYPE_CHECKING:
    from desktop.demo import _Site


HOUR_WEIGHTS = (
    2,
    1,
    1,
    1,
    2,
    8,
    30,
    70,
    80,
    50,
    40,
    38,
    42,
    36,
    30,
    34,
    45,
    70,
    85,
    60,
    40,
    28,
    14,
    6,
)
# fmt: on
_HOUR_CUM = tuple(accumulate(HOUR_WEIGHTS))
_VISIT_HOUR_CUM = tuple(
    accumulate(0 if h < 8 or h > 19 else 3 if 9 <= h <= 16 else 1 for h in range(24))
)
# Share of checks that are exits, by hour: out in the morning, home in the evening.
_OUT_SHARE = tuple(0.7 if h < 12 else 0.5 if h < 16 else 0.3 for h in range(24))
VISITOR_ENTRY_SHARE = 0.02
RETURNING_VISITOR_SHARE = 0.35
FEVER_RATE = 1 / 8000
FEVER_C = 37.3
VISIT_REASONS = ("探望亲属", "看望老人", "送生活物资", "上门维修", "家政服务", "照顾病人")
# Entry rows carry the plain stored values of the enums (see History._day).
_IN, _OUT = Direction.IN.value, Direction.OUT.value
_ID_CARD, _TYPED = CheckMethod.ID_CARD.value, CheckMethod.TYPED.value
_METHODS = (_ID_CARD, CheckMethod.QR.value, _TYPED, CheckMethod.SEARCH.value)
_DEVICE_OF = {_ID_CARD: "id-reader", CheckMethod.QR.value: "scanner"}
_DEVICE, _TYPED_SOURCE = TemperatureSource.DEVICE.value, TemperatureSource.TYPED.value
_ALLOW, _ALLOW_LIMITED = Decision.ALLOW.value, Decision.ALLOW_LIMITED.value
_REFER, _DENY = Decision.REFER.value, Decision.DENY.value
_METHOD_CUM = (0.40, 0.80, 0.95)
_GATE_CUM = (0.6,)  # east gate busier than the west gate
# Normal readings 36.0-37.2 °C, most around 36.5 (a normal curve cut to that range).
_NORMAL_TEMPERATURES = tuple(round(36.0 + 0.1 * i, 1) for i in range(13))
_NORMAL_CUM = tuple(
    accumulate(math.exp(-(((t - 36.55) / 0.25) ** 2) / 2) for t in _NORMAL_TEMPERATURES)
)
_NORMAL_CUM = tuple(c / _NORMAL_CUM[-1] for c in _NORMAL_CUM[:-1])
# Positions in an entry row (the entry_log column order of `_day`).
_ID, _COMMUNITY, _GATE, _OCCURRED_AT = 0, 2, 3, 4
_RESIDENT, _VISITOR, _TEMPERATURE, _REASON, _OPERATOR = 7, 8, 11, 14, 16
REMEASURE_AFTER = dt.timedelta(minutes=5)
_UUID_CLEAR = ~((0xF000 << 64) | (0xC000 << 48)) & ((1 << 128) - 1)
_UUID_V4 = (0x4000 << 64) | (0x8000 << 48)


def _mover_weight(age: int) -> float:
    """How often a person of `age` passes the gate, relative to a working adult."""
    if age < 6:
        return 0.2
    if age < 18:
        return 0.6
    if age < 60:
        return 1.3
    return 1.0 if age < 70 else 0.6 if age < 80 else 0.25


class History:
    """The visitors and the entry log of the demo's days, drawn in time order."""

    def __init__(
        self,
        rng: random.Random,
        site: _Site,
        zone: ZoneInfo,
        ids: dict[Table, int],
        registry: names.Registry,
        health: names.HealthRows,
    ) -> None:
        self.rng = rng
        self.site = site
        self.zone = zone
        self.next_entry_id = ids[EntryLog.__table__]
        self.next_visitor_id = ids[Visitor.__table__]
        self.registry = registry
        # Everyone passes the gate as often as fits their age, until isolated at home.
        self.movers = [
            (
                r["id"],
                r["household_id"],
                r["elderly_without_phone"],
                health.yellow_from.get(i),
                health.home_from.get(i),
            )
            for i, r in enumerate(registry.residents)
        ]
        self.mover_cum = list(accumulate(_mover_weight(age) for age in registry.ages))
        # Per day: (arrival second, leaving second or None, visitor id), by arrival.
        self.visits: list[list[tuple[int, int | None, int]]] = []

    def plan_visitors(self, first_day: dt.date, days: int, per_day: int) -> list[dict]:
        """Decide every visit of the period; returns the visitor rows to insert first."""
        rng = self.rng
        visitors: list[dict] = []
        per_day_visits = round(per_day * VISITOR_ENTRY_SHARE / 2)
        households = self.registry.households
        for offset in range(days):
            day = first_day + dt.timedelta(days=offset)
            midnight = names.local_midnight(day, self.zone)
            hours = rng.choices(range(24), cum_weights=_VISIT_HOUR_CUM, k=per_day_visits)
            arrivals = sorted(h * 3600 + rng.randrange(3600) for h in hours)
            day_visits = []
            for arrival in arrivals:
                at = midnight + dt.timedelta(seconds=arrival)
                if visitors and rng.random() < RETURNING_VISITOR_SHARE:
                    visitor = visitors[rng.randrange(len(visitors))]
                else:
                    name, id_number, phone = names.visitor(rng, day, self.registry.taken)
                    visitor = {
                        "id": self.next_visitor_id,
                        "community_id": self.site.community_id,
                        "name": name,
                        "id_number": id_number,
                        "phone": phone,
                        "host_household_id": rng.choice(households)["id"],
                        "reason": rng.choice(VISIT_REASONS),
                        "first_seen_at": at,
                        "last_seen_at": at,
                        "visit_count": 0,
                    }
                    self.next_visitor_id += 1
                    visitors.append(visitor)
                visitor["last_seen_at"] = at
                visitor["visit_count"] += 1
                leave = arrival + rng.randint(15 * 60, 3 * 3600)
                day_visits.append((arrival, leave if leave < 86_400 else None, visitor["id"]))
            self.visits.append(day_visits)
        return visitors

    def write(
        self, conn: Connection, first_day: dt.date, days: int, per_day: int, report: Progress
    ) -> int:
        """Insert the entries of every day in one transaction; returns how many."""
        table = EntryLog.__table__
        write = tuple_writer(conn, table)
        at_value = time_stamper(conn, table.c.occurred_at)
        total = days * per_day
        done = 0
        with conn.begin(), indexes_deferred(conn, table, total, report):
            for offset in range(days):
                day = first_day + dt.timedelta(days=offset)
                rows = self._day(day, per_day, self.visits[offset], at_value)
                for start in range(0, len(rows), CHUNK_ROWS):
                    write(rows[start : start + CHUNK_ROWS])
                    done += len(rows[start : start + CHUNK_ROWS])
                    report("entries", done, total)
                self._fever_alerts(conn, rows)
        return done

    def _fever_alerts(self, conn: Connection, rows: list[tuple]) -> None:
        """A fever alert for each fever of the day, as the gate opens one. Nobody came back
        for the re-measure: those people were turned away (the alerts stay open)."""
        alerts = []
        for row in rows:
            if row[_REASON] != "fever":
                continue
            at = _as_datetime(row[_OCCURRED_AT])
            alerts.append(
                {
                    "uid": f"{self.rng.getrandbits(128) & _UUID_CLEAR | _UUID_V4:032x}",
                    "community_id": row[_COMMUNITY],
                    "gate_id": row[_GATE],
                    "resident_id": row[_RESIDENT],
                    "visitor_id": row[_VISITOR],
                    "entry_log_id": row[_ID],
                    "first_c": row[_TEMPERATURE],
                    "first_at": at,
                    "remeasure_due_at": at + REMEASURE_AFTER,
                    "outcome": FeverOutcome.OPEN.value,
                    "follow_up": "",
                    "operator_id": row[_OPERATOR],
                }
            )
        if alerts:
            conn.execute(insert(FeverAlert.__table__), alerts)

    def _day(
        self,
        day: dt.date,
        per_day: int,
        visits: list[tuple[int, int | None, int]],
        at_value: Callable[[dt.datetime], Any],
    ) -> list[tuple]:
        """The entries of one local day as tuples in the table's column order."""
        rng = self.rng
        random_ = rng.random
        getrandbits = rng.getrandbits
        midnight = names.local_midnight(day, self.zone)
        utc_offset = int(midnight.astimezone(self.zone).utcoffset().total_seconds()) // 60
        community_id, operator_id = self.site.community_id, self.site.gate_operator_id
        gate_ids = self.site.gate_ids
        movers = self.movers
        # (second of the day, index into movers or -1 arriving / -2 leaving, visitor id)
        events: list[tuple[int, int, int]] = []
        for arrival, leave, visitor_id in visits:
            events.append((arrival, -1, visitor_id))
            if leave is not None:
                events.append((leave, -2, visitor_id))
        count = max(0, per_day - len(events)) if movers else 0
        hours = rng.choices(range(24), cum_weights=_HOUR_CUM, k=count)
        who = rng.choices(range(len(movers)), cum_weights=self.mover_cum, k=count)
        events.extend(
            (h * 3600 + int(random_() * 3600), w, 0) for h, w in zip(hours, who, strict=True)
        )
        events.sort(key=_first)
        # Many checks share a second; its stored form is computed once.
        stamps = {}
        for second in sorted({event[0] for event in events}):
            at = midnight + dt.timedelta(seconds=second)
            stamps[second] = at_value(at)
        rows = []
        turned_away: set[int] = set()
        for second, person, visitor_id in events:
            if person >= 0:
                resident_id, household_id, without_phone, yellow_from, home_from = movers[person]
                if home_from is not None:
                    # In isolation by then: the check is someone else's.
                    person = self._free_mover(person, midnight + dt.timedelta(seconds=second))
                    if person is None:
                        continue
                    resident_id, household_id, without_phone, yellow_from, _ = movers[person]
                leaving = random_() < _OUT_SHARE[second // 3600]
                if without_phone:
                    method = _ID_CARD if random_() < 0.75 else _TYPED
                else:
                    method = _METHODS[bisect(_METHOD_CUM, random_())]
                visitor_id = None
                measured = random_() < (0.15 if leaving else 0.97)
            else:
                if person == -2 and visitor_id in turned_away:
                    continue  # denied with a fever: never came in, so never leaves
                resident_id = household_id = yellow_from = None
                leaving = person == -2
                method = _ID_CARD if random_() < 0.5 else _TYPED
                measured = not leaving or random_() < 0.15
            temperature = source = None
            decision, reason = _ALLOW, "ok"
            if measured:
                source = _DEVICE if random_() < 0.85 else _TYPED_SOURCE
                if random_() < FEVER_RATE:
                    temperature = round(rng.uniform(FEVER_C, 38.8), 1)
                    decision, reason = _DENY, "fever"
                    if visitor_id is not None:
                        turned_away.add(visitor_id)
                else:
                    temperature = _NORMAL_TEMPERATURES[bisect(_NORMAL_CUM, random_())]
            if decision == _ALLOW:
                if visitor_id is not None:
                    decision, reason = _ALLOW_LIMITED, "visitor-with-host"
                elif yellow_from and midnight + dt.timedelta(seconds=second) >= yellow_from:
                    decision, reason = _REFER, "health-yellow"
            # A version 4 UUID, drawn from the seeded generator so the demo is reproducible.
            uid = f"{getrandbits(128) & _UUID_CLEAR | _UUID_V4:032x}"
            rows.append(
                (
                    self.next_entry_id + len(rows),
                    uid,
                    community_id,
                    gate_ids[bisect(_GATE_CUM, random_())],
                    stamps[second],
                    utc_offset,
                    _OUT if leaving else _IN,
                    resident_id,
                    visitor_id,
                    household_id,
                    method,
                    temperature,
                    source,
                    decision,
                    reason,
                    "",  # reason_text
                    operator_id,
                    _DEVICE_OF.get(method, ""),
                    None,  # pass_serial
                    None,  # companion_of_id
                    None,  # override_by_id
                    "",  # override_reason
                    None,  # overridden_at
                )
            )
        self.next_entry_id += len(rows)
        return rows

    def _free_mover(self, person: int, at: dt.datetime) -> int | None:
        """`person`, or the next one in the list not isolated at `at`; None if nobody is."""
        for step in range(len(self.movers)):
            candidate = (person + step) % len(self.movers)
            home_from = self.movers[candidate][4]
            if home_from is None or at < home_from:
                return candidate
        return None


def _as_datetime(value: Any) -> dt.datetime:
    """An entry's time back from the driver value it was written with."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return dt.datetime.fromisoformat(value).replace(tzinfo=dt.UTC)


def _first(event: tuple) -> int:
    return event[0]
