"""The demo community (gatedesk demo-data): a plausible compound with weeks of gate history.

Rows are written with Core executemany in chunks, with primary keys computed here rather than
by the database, so a compound of 100,000 residents with two weeks of entries takes seconds.
The same seed and `today` always give the same rows.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from bisect import bisect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, Table, func, insert, select
from sqlalchemy.orm import Session

from db.base import Base
from db.enums import (
    CheckMethod,
    Decision,
    Direction,
    HealthColor,
    IsolationKind,
    IsolationState,
    KeyPersonSource,
    Role,
    StatusSource,
    TemperatureSource,
)
from db.models import (
    Community,
    EntryLog,
    Gate,
    HealthStatusChange,
    IsolationOrder,
    KeyPerson,
    KeyPersonCategory,
    Resident,
    User,
    Visitor,
)
from desktop import demo_names as names
from desktop.bootstrap import ensure_builtin_categories

DEMO_COMMUNITY_CODE = "demo-jianshe"
DEMO_COMMUNITY_NAME = "建设社区"
DEMO_TIMEZONE = "Asia/Shanghai"
DEMO_GATES: tuple[tuple[str, str], ...] = (("east", "东门"), ("west", "西门"))
DEMO_USERS: tuple[tuple[str, str, Role], ...] = (
    ("secretary", "王书记", Role.SECRETARY),
    ("gate1", "李志强", Role.GATE_STAFF),
    ("grid1", "赵敏", Role.GRID_WORKER),
)
CHUNK_ROWS = 5_000
COMMIT_EVERY_CHUNKS = 20
ENTRIES_PER_RESIDENT = 1.5

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class DemoOptions:
    residents: int = 2000
    days: int = 14  # days of entry history ending yesterday (community local time)
    # None: about 1.5 entries per resident and day, spread over the gates.
    entries_per_day: int | None = None
    seed: int = 20200125
    today: dt.date | None = None  # default: today in Asia/Shanghai
    replace: bool = False


@dataclass(frozen=True)
class DemoSummary:
    community_id: int
    community_code: str
    community_name: str
    gates: int
    buildings: int
    households: int
    residents: int
    key_persons: int
    entries: int
    visitors: int
    seconds: float


class DemoDataError(Exception):
    """The demo cannot be written into this database as asked."""


def generate_demo(
    engine: Engine, options: DemoOptions = DemoOptions(), progress: Progress | None = None
) -> DemoSummary:
    """Fill a migrated database with the demo community and its entry history.

    Refuses a database that already holds residents unless `options.replace`, which deletes
    every row of every table first.
    """
    started = time.perf_counter()
    if options.residents < 1 or options.days < 0 or (options.entries_per_day or 0) < 0:
        raise DemoDataError("the demo needs at least one resident and no negative counts")
    report = progress or _no_progress
    zone = ZoneInfo(DEMO_TIMEZONE)
    today = options.today or dt.datetime.now(zone).date()
    first_day = today - dt.timedelta(days=options.days)
    created = _local_midnight(first_day - dt.timedelta(days=30), zone)
    per_day = options.entries_per_day
    if per_day is None:
        per_day = round(ENTRIES_PER_RESIDENT * options.residents)
    rng = random.Random(options.seed)
    # Everything but the entries in one transaction; a failure later removes it again.
    with engine.begin() as conn:
        _prepare(conn, options.replace)
        ids = _next_ids(conn)
        first_ids = dict(ids)
        site = _write_site(conn, ids, created)
        registry = names.Registry(ids, site.community_id, created)
        registry.build(rng, options.residents, today)
        health = _HealthRows(ids)
        isolated = health.pick(rng, registry, site, today, zone)
        history = _History(rng, site, zone, ids, registry, isolated)
        visitors = history.plan_visitors(first_day, options.days, per_day)
        tables = registry.tables() + health.tables() + [(Visitor.__table__, visitors)]
        _write_rows(conn, tables, report)
    try:
        entries = history.write(engine, first_day, options.days, per_day, report)
    except BaseException:
        _undo(engine, first_ids)
        raise
    return DemoSummary(
        community_id=site.community_id,
        community_code=DEMO_COMMUNITY_CODE,
        community_name=DEMO_COMMUNITY_NAME,
        gates=len(site.gate_ids),
        buildings=len(registry.buildings),
        households=len(registry.households),
        residents=len(registry.residents),
        key_persons=len(health.key_persons),
        entries=entries,
        visitors=len(visitors),
        seconds=time.perf_counter() - started,
    )


def _no_progress(stage: str, done: int, total: int) -> None:
    pass


def _local_midnight(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), zone).astimezone(dt.UTC)


def _prepare(conn: Connection, replace: bool) -> None:
    if replace:
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(table.delete())
        return
    residents = conn.scalar(select(func.count()).select_from(Resident)) or 0
    if residents:
        raise DemoDataError(f"the database already holds {residents} residents")
    if conn.scalar(select(Community.id).where(Community.code == DEMO_COMMUNITY_CODE)):
        raise DemoDataError(f"the database already holds a community {DEMO_COMMUNITY_CODE!r}")


def _next_ids(conn: Connection) -> dict[Table, int]:
    """The first free integer primary key of each table that has one."""
    ids = {}
    for table in Base.metadata.sorted_tables:
        if "id" in table.c:
            ids[table] = (conn.scalar(select(func.max(table.c.id))) or 0) + 1
    return ids


@dataclass(frozen=True)
class _Site:
    community_id: int
    gate_ids: tuple[int, ...]
    gate_operator_id: int
    categories: dict[str, int]


def _write_site(conn: Connection, ids: dict[Table, int], created: dt.datetime) -> _Site:
    community_id = ids[Community.__table__]
    community = {
        "id": community_id,
        "code": DEMO_COMMUNITY_CODE,
        "name": DEMO_COMMUNITY_NAME,
        "district": "湖滨区",
        "phone": "0398-2812345",
        "timezone": DEMO_TIMEZONE,
        "created_at": created,
    }
    conn.execute(insert(Community.__table__), [community])
    gate_ids = tuple(ids[Gate.__table__] + i for i in range(len(DEMO_GATES)))
    gates = [
        {"id": gate_id, "community_id": community_id, "code": code, "name": name, "active": True}
        for gate_id, (code, name) in zip(gate_ids, DEMO_GATES, strict=True)
    ]
    conn.execute(insert(Gate.__table__), gates)
    user_ids = {}
    next_user_id = ids[User.__table__]
    for username, display_name, role in DEMO_USERS:
        user_id = conn.scalar(select(User.id).where(User.username == username))
        if user_id is None:
            user_id, next_user_id = next_user_id, next_user_id + 1
            user = {
                "id": user_id,
                "username": username,
                "display_name": display_name,
                "role": role,
                "password_hash": "",
                "active": True,
                "created_at": created,
            }
            conn.execute(insert(User.__table__), [user])
        user_ids[username] = user_id
    with Session(bind=conn) as session:
        ensure_builtin_categories(session)
        session.flush()
        rows = session.execute(select(KeyPersonCategory.code, KeyPersonCategory.id))
        categories = {code: category_id for code, category_id in rows}
    return _Site(community_id, gate_ids, user_ids["gate1"], categories)


def _write_rows(conn: Connection, tables: list[tuple[Table, list[dict]]], report: Progress) -> None:
    total = sum(len(rows) for _, rows in tables)
    done = 0
    for table, rows in tables:
        for start in range(0, len(rows), CHUNK_ROWS):
            chunk = rows[start : start + CHUNK_ROWS]
            conn.execute(insert(table), chunk)
            done += len(chunk)
            report("registry", done, total)


def _undo(engine: Engine, first_ids: dict[Table, int]) -> None:
    """Delete the rows this run added (those at or above the ids it started from)."""
    with engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            if table in first_ids:
                conn.execute(table.delete().where(table.c.id >= first_ids[table]))


# Shares of key persons, people in home isolation and yellow residents among all residents.
KEY_PERSON_SHARE = 0.005
ISOLATION_SHARE = 0.0005
YELLOW_SHARE = 0.0025
# Built-in categories with how often each occurs among the demo's key persons.
_CATEGORY_WEIGHTS: tuple[tuple[str, int], ...] = (
    ("returned-from-outside", 50),
    ("from-hubei", 15),
    ("from-wuhan", 10),
    ("close-contact", 15),
    ("fever-no-contact", 10),
)
_SOURCES = (KeyPersonSource.CITY_LIST, KeyPersonSource.GRID_WORKER, KeyPersonSource.SELF_REPORT)


@dataclass
class _HealthRows:
    """Key persons, home isolation orders and the status changes they caused."""

    ids: dict[Table, int]
    key_persons: list[dict] = field(default_factory=list)
    orders: list[dict] = field(default_factory=list)
    changes: list[dict] = field(default_factory=list)

    def tables(self) -> list[tuple[Table, list[dict]]]:
        return [
            (KeyPerson.__table__, self.key_persons),
            (IsolationOrder.__table__, self.orders),
            (HealthStatusChange.__table__, self.changes),
        ]

    def _new_id(self, model: type[Base]) -> int:
        table = model.__table__
        value = self.ids[table]
        self.ids[table] = value + 1
        return value

    def pick(
        self,
        rng: random.Random,
        registry: names.Registry,
        site: _Site,
        today: dt.date,
        zone: ZoneInfo,
    ) -> set[int]:
        """Choose the key persons, isolated (red) and yellow residents; returns the isolated."""
        residents = registry.residents
        count = len(residents)
        n_key = max(5, round(count * KEY_PERSON_SHARE))
        n_isolated = min(n_key, max(2, round(count * ISOLATION_SHARE)))
        n_yellow = max(5, round(count * YELLOW_SHARE))
        chosen = rng.sample(range(count), min(count, n_key + n_yellow))
        codes = [code for code, _ in _CATEGORY_WEIGHTS]
        weights = [weight for _, weight in _CATEGORY_WEIGHTS]
        for position, index in enumerate(chosen[:n_key]):
            isolated = position < n_isolated
            code = "close-contact" if isolated else rng.choices(codes, weights)[0]
            since = today - dt.timedelta(days=rng.randint(1, 20))
            noted = _local_midnight(since, zone) + dt.timedelta(hours=rng.randint(8, 17))
            self.key_persons.append(
                {
                    "id": self._new_id(KeyPerson),
                    "resident_id": residents[index]["id"],
                    "category_id": site.categories[code],
                    "source": rng.choice(_SOURCES),
                    "since": since,
                    "until": None,
                    "notes": "",
                    "created_at": noted,
                    "updated_at": noted,
                }
            )
            if isolated:
                self._isolate(rng, residents[index], today, zone)
        midnight = _local_midnight(today, zone)
        for index in chosen[n_key:]:
            residents[index]["health_status"] = HealthColor.YELLOW
            self._change(residents[index], midnight, HealthColor.YELLOW, "missed-checkin")
        return set(chosen[:n_isolated])

    def _isolate(self, rng: random.Random, resident: dict, today: dt.date, zone: ZoneInfo) -> None:
        start = today - dt.timedelta(days=rng.randint(1, 10))
        ordered = _local_midnight(start, zone) + dt.timedelta(hours=10)
        self.orders.append(
            {
                "id": self._new_id(IsolationOrder),
                "resident_id": resident["id"],
                "kind": IsolationKind.HOME,
                "place": "",
                "start_date": start,
                "planned_end_date": start + dt.timedelta(days=14),
                "state": IsolationState.ACTIVE,
                "released_at": None,
                "notes": "",
                "created_at": ordered,
            }
        )
        resident["health_status"] = HealthColor.RED
        self._change(resident, ordered, HealthColor.RED, "isolation")

    def _change(self, resident: dict, at: dt.datetime, status: HealthColor, reason: str) -> None:
        self.changes.append(
            {
                "id": self._new_id(HealthStatusChange),
                "resident_id": resident["id"],
                "effective_at": at,
                "status": status,
                "source": StatusSource.LOCAL,
                "reason": reason,
                "valid_until": None,
            }
        )


# Relative traffic per local hour: a morning and an evening peak, little at night.
# fmt: off
HOUR_WEIGHTS = (2, 1, 1, 1, 2, 8, 30, 70, 80, 50, 40, 38,
                42, 36, 30, 34, 45, 70, 85, 60, 40, 28, 14, 6)
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
_DEVICE_OF = {CheckMethod.ID_CARD: "id-reader", CheckMethod.QR: "scanner"}
_METHODS = (CheckMethod.ID_CARD, CheckMethod.QR, CheckMethod.TYPED, CheckMethod.SEARCH)
_METHOD_CUM = (0.40, 0.80, 0.95)
_GATE_CUM = (0.6,)  # east gate busier than the west gate
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


class _History:
    """The entry log of the demo's days, written day by day in chunks."""

    def __init__(
        self,
        rng: random.Random,
        site: _Site,
        zone: ZoneInfo,
        ids: dict[Table, int],
        registry: names.Registry,
        isolated: set[int],
    ) -> None:
        self.rng = rng
        self.site = site
        self.zone = zone
        self.gate_ids = site.gate_ids
        self.utc_offset = 480
        self.next_entry_id = ids[EntryLog.__table__]
        self.next_visitor_id = ids[Visitor.__table__]
        self.registry = registry
        self.movers = [r for i, r in enumerate(registry.residents) if i not in isolated]
        ages = [a for i, a in enumerate(registry.ages) if i not in isolated]
        self.mover_cum = list(accumulate(_mover_weight(age) for age in ages))
        self.visits: list[list[tuple[int, int | None, dict]]] = []

    def plan_visitors(self, first_day: dt.date, days: int, per_day: int) -> list[dict]:
        """Decide every visit of the period; returns the visitor rows to insert first."""
        rng = self.rng
        visitors: list[dict] = []
        per_day_visits = round(per_day * VISITOR_ENTRY_SHARE / 2)
        households = self.registry.households
        for offset in range(days):
            day = first_day + dt.timedelta(days=offset)
            midnight = _local_midnight(day, self.zone)
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
                day_visits.append((arrival, leave if leave < 86_400 else None, visitor))
            self.visits.append(day_visits)
        return visitors

    def write(
        self, engine: Engine, first_day: dt.date, days: int, per_day: int, report: Progress
    ) -> int:
        """Insert the entries of every day; returns how many were written."""
        table = EntryLog.__table__
        total = days * per_day
        done = 0
        chunks = 0
        with engine.connect() as conn:
            buffer: list[dict] = []
            for offset in range(days):
                day = first_day + dt.timedelta(days=offset)
                for row in self._day(day, per_day, self.visits[offset]):
                    buffer.append(row)
                    if len(buffer) == CHUNK_ROWS:
                        conn.execute(insert(table), buffer)
                        done += len(buffer)
                        buffer = []
                        chunks += 1
                        if chunks % COMMIT_EVERY_CHUNKS == 0:
                            conn.commit()
                        report("entries", done, total)
            if buffer:
                conn.execute(insert(table), buffer)
                done += len(buffer)
            conn.commit()
        report("entries", done, done)
        return done

    def _day(self, day: dt.date, per_day: int, visits: list) -> Iterator[dict]:
        rng = self.rng
        midnight = _local_midnight(day, self.zone)
        self.utc_offset = int(midnight.astimezone(self.zone).utcoffset().total_seconds()) // 60
        # (second of the day, index into movers or -1 arriving / -2 leaving, visit index)
        events: list[tuple[int, int, int]] = []
        for index, (arrival, leave, _) in enumerate(visits):
            events.append((arrival, -1, index))
            if leave is not None:
                events.append((leave, -2, index))
        count = max(0, per_day - len(events)) if self.movers else 0
        hours = rng.choices(range(24), cum_weights=_HOUR_CUM, k=count)
        who = rng.choices(range(len(self.movers)), cum_weights=self.mover_cum, k=count)
        events.extend(
            (h * 3600 + rng.randrange(3600), w, -1) for h, w in zip(hours, who, strict=True)
        )
        events.sort(key=_first)
        denied: set[int] = set()
        for second, person, index in events:
            if person == -2 and index in denied:
                continue  # turned away with a fever: never came in, so never leaves
            at = midnight + dt.timedelta(seconds=second)
            if person >= 0:
                row = self._resident_row(at, second // 3600, self.movers[person])
            else:
                direction = Direction.IN if person == -1 else Direction.OUT
                row = self._visitor_row(at, direction, visits[index][2])
                if row["decision"] is Decision.DENY:
                    denied.add(index)
            yield row

    def _resident_row(self, at: dt.datetime, hour: int, resident: dict) -> dict:
        rng = self.rng
        direction = Direction.OUT if rng.random() < _OUT_SHARE[hour] else Direction.IN
        roll = rng.random()
        if resident["elderly_without_phone"]:
            method = CheckMethod.ID_CARD if roll < 0.75 else CheckMethod.TYPED
        else:
            method = _METHODS[bisect(_METHOD_CUM, roll)]
        row = self._row(at, direction, method, 0.97 if direction is Direction.IN else 0.15)
        if row["decision"] is Decision.ALLOW and resident["health_status"] is HealthColor.YELLOW:
            row["decision"], row["reason_code"] = Decision.REFER, "health-yellow"
        row["resident_id"] = resident["id"]
        row["household_id"] = resident["household_id"]
        return row

    def _visitor_row(self, at: dt.datetime, direction: Direction, visitor: dict) -> dict:
        method = CheckMethod.ID_CARD if self.rng.random() < 0.5 else CheckMethod.TYPED
        row = self._row(at, direction, method, 1.0 if direction is Direction.IN else 0.15)
        if row["decision"] is Decision.ALLOW:
            row["decision"], row["reason_code"] = Decision.ALLOW_LIMITED, "visitor-with-host"
        row["visitor_id"] = visitor["id"]
        return row

    def _row(self, at: dt.datetime, direction: Direction, method: CheckMethod, measured: float):
        """The fields every entry has; a measured fever already decides it."""
        rng = self.rng
        temperature = source = None
        decision, reason = Decision.ALLOW, "ok"
        if rng.random() < measured:
            if rng.random() < FEVER_RATE:
                temperature = round(rng.uniform(FEVER_C, 38.8), 1)
                decision, reason = Decision.DENY, "fever"
            else:
                temperature = min(37.2, max(36.0, round(rng.gauss(36.55, 0.22), 1)))
            source = TemperatureSource.DEVICE if rng.random() < 0.85 else TemperatureSource.TYPED
        # A version 4 UUID, drawn from the seeded generator so the demo is reproducible.
        bits = rng.getrandbits(128) & _UUID_CLEAR | _UUID_V4
        entry_id = self.next_entry_id
        self.next_entry_id += 1
        return {
            "id": entry_id,
            "uid": f"{bits:032x}",
            "community_id": self.site.community_id,
            "gate_id": self.gate_ids[bisect(_GATE_CUM, rng.random())],
            "occurred_at": at,
            "utc_offset_min": self.utc_offset,
            "direction": direction,
            "resident_id": None,
            "visitor_id": None,
            "household_id": None,
            "method": method,
            "temperature_c": temperature,
            "temperature_source": source,
            "decision": decision,
            "reason_code": reason,
            "reason_text": "",
            "operator_id": self.site.gate_operator_id,
            "device": _DEVICE_OF.get(method, ""),
            "pass_serial": None,
        }


def _first(event: tuple) -> int:
    return event[0]
