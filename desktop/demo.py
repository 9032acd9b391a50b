"""The demo community (gatedesk demo-data): a plausible compound with weeks of gate history.

Primary keys are computed here rather than by the database and rows go in by executemany in
chunks. On SQLite the compiled INSERT goes straight to the driver with values already in their
stored form, foreign-key and CHECK tests are off during the load, and the entry log's secondary
indexes are built once after a big load: the database is then the bottleneck, not Python.
The same seed and `today` always give the same rows.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import time
from bisect import bisect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import accumulate
from operator import itemgetter
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Column, Connection, Engine, Table, func, insert, select
from sqlalchemy.orm import Session

from db.base import Base
from db.enums import (
    CheckMethod,
    Decision,
    Direction,
    Role,
    TemperatureSource,
)
from db.models import (
    Community,
    EntryLog,
    Gate,
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
DEFER_INDEXES_FROM_ROWS = 200_000
BULK_CACHE_KIB = 256 * 1024
ENTRIES_PER_RESIDENT = 1.5

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class DemoOptions:
    residents: int = 2000
    days: int = 7  # days of entry history ending yesterday (community local time)
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
    every row of every table first. A run that fails removes what it added (with `replace`,
    what was there before is gone all the same). `progress(stage, done, total)` is called
    after each chunk, with stages "registry", "entries" and "indexes".
    """
    started = time.perf_counter()
    if options.residents < 1 or options.days < 0 or (options.entries_per_day or 0) < 0:
        raise DemoDataError("the demo needs at least one resident and no negative counts")
    report = progress or _no_progress
    zone = ZoneInfo(DEMO_TIMEZONE)
    today = options.today or dt.datetime.now(zone).date()
    first_day = today - dt.timedelta(days=options.days)
    created = names.local_midnight(first_day - dt.timedelta(days=30), zone)
    per_day = options.entries_per_day
    if per_day is None:
        per_day = round(ENTRIES_PER_RESIDENT * options.residents)
    rng = random.Random(options.seed)
    with engine.connect() as conn, _bulk_load(conn):
        # Everything but the entries in one transaction; a later failure removes it again.
        with conn.begin():
            _prepare(conn, options.replace)
            ids = _next_ids(conn)
            first_ids = dict(ids)
            site = _write_site(conn, ids, created)
            registry = names.Registry(ids, site.community_id, created)
            registry.build(rng, options.residents, today)
            health = names.HealthRows(ids)
            health.pick(rng, registry, site.categories, today, zone)
            history = _History(rng, site, zone, ids, registry, health)
            visitors = history.plan_visitors(first_day, options.days, per_day)
            tables = registry.tables() + health.tables() + [(Visitor.__table__, visitors)]
            _write_rows(conn, tables, report)
        try:
            entries = history.write(conn, first_day, options.days, per_day, report)
            with conn.begin():
                _sync_sequences(conn)
        except BaseException:
            _undo(conn, first_ids)
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


# Connection settings for a bulk load on SQLite, and the values they have while it runs.
_BULK_PRAGMAS = {
    "foreign_keys": 0,
    "ignore_check_constraints": 1,
    "cache_size": -BULK_CACHE_KIB,
}


@contextmanager
def _bulk_load(conn: Connection) -> Iterator[None]:
    """On SQLite, skip per-row foreign-key and CHECK tests and use a large page cache meanwhile.

    Every key and enum value is made here (the tests check the keys with foreign_key_check);
    the settings are restored before the connection goes back to the pool.
    """
    if conn.dialect.name != "sqlite":
        yield
        return
    raw = conn.connection.driver_connection
    saved = {name: raw.execute(f"PRAGMA {name}").fetchone()[0] for name in _BULK_PRAGMAS}
    for name, value in _BULK_PRAGMAS.items():
        raw.execute(f"PRAGMA {name}={int(value)}")
    try:
        yield
    finally:
        for name, value in saved.items():
            raw.execute(f"PRAGMA {name}={int(value)}")


def _tuple_writer(conn: Connection, table: Table) -> Callable[[list[tuple]], None]:
    """A function inserting rows given as tuples in the table's column order.

    On SQLite the compiled INSERT goes straight to the driver's executemany, so the values
    must already be what the column types would bind (see `_driver_values`); elsewhere the
    rows go through Core as usual.
    """
    keys = [column.key for column in table.c]
    if conn.dialect.name == "sqlite":
        compiled = insert(table).compile(dialect=conn.dialect)
        if list(compiled.positiontup or ()) != keys:
            raise RuntimeError(f"unexpected parameter order for {table.name}")
        return lambda rows: conn.exec_driver_sql(compiled.string, rows)
    statement = insert(table)
    return lambda rows: conn.execute(statement, [dict(zip(keys, row, strict=True)) for row in rows])


def _driver_values(conn: Connection, table: Table) -> list[Callable[[Any], Any] | None]:
    """Per column, what turns a Python value into the one the driver gets, if anything."""
    if conn.dialect.name != "sqlite":
        return [None for _ in table.c]
    dialect = conn.dialect
    return [column.type.dialect_impl(dialect).bind_processor(dialect) for column in table.c]


def _time_stamper(conn: Connection, column: Column) -> Callable[[dt.datetime], Any]:
    """What turns an aware UTC datetime into the value the driver gets for `column`.

    On SQLite that is the column type's own text form; for millions of rows the same text is
    made directly when a probe shows it to be identical.
    """
    convert = _driver_values(conn, column.table)[list(column.table.c).index(column)]
    if convert is None:
        return lambda at: at

    def direct(at: dt.datetime) -> Any:
        return at.replace(tzinfo=None).isoformat(" ", "microseconds")

    probe = dt.datetime(2020, 1, 25, 23, 59, 58, 123456, tzinfo=dt.UTC)
    return direct if direct(probe) == convert(probe) else convert


def _write_rows(conn: Connection, tables: list[tuple[Table, list[dict]]], report: Progress) -> None:
    """Insert rows given as complete dicts, table by table, in chunks."""
    total = sum(len(rows) for _, rows in tables)
    done = 0
    for table, rows in tables:
        write = _tuple_writer(conn, table)
        get = itemgetter(*table.c.keys())
        convert = [(i, _memo(f)) for i, f in enumerate(_driver_values(conn, table)) if f]
        for start in range(0, len(rows), CHUNK_ROWS):
            chunk = [list(get(row)) for row in rows[start : start + CHUNK_ROWS]]
            for values in chunk:
                for i, f in convert:
                    values[i] = f(values[i])
            write([tuple(values) for values in chunk])
            done += len(chunk)
            report("registry", done, total)


def _memo(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """`convert` with its results kept: enum, date and time values repeat a lot."""
    seen: dict[Any, Any] = {}

    def memo(value: Any) -> Any:
        try:
            return seen[value]
        except KeyError:
            seen[value] = result = convert(value)
            return result

    return memo


@contextmanager
def _indexes_deferred(
    conn: Connection, table: Table, rows: int, report: Progress
) -> Iterator[None]:
    """On SQLite, drop the table's secondary indexes for a big load and build them after.

    Building an index from sorted rows is much cheaper than updating it row by row. The
    caller's transaction covers both steps, so a failed load leaves the indexes as they were.
    """
    if conn.dialect.name != "sqlite" or rows < DEFER_INDEXES_FROM_ROWS:
        yield
        return
    indexes = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL ORDER BY name",
        (table.name,),
    ).all()
    for name, _ in indexes:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for done, (_, sql) in enumerate(indexes, start=1):
        report("indexes", done - 1, len(indexes))
        conn.exec_driver_sql(sql)
    report("indexes", len(indexes), len(indexes))


def _sync_sequences(conn: Connection) -> None:
    """On PostgreSQL, move each id sequence past the ids given here, for the app's inserts."""
    if conn.dialect.name != "postgresql":
        return
    for table in Base.metadata.sorted_tables:
        if "id" in table.c:
            highest = conn.scalar(select(func.max(table.c.id)))
            if highest is not None:
                sequence = func.pg_get_serial_sequence(table.name, "id")
                conn.execute(select(func.setval(sequence, highest)))


def _undo(conn: Connection, first_ids: dict[Table, int]) -> None:
    """Delete the rows this run added (those at or above the ids it started from)."""
    if conn.in_transaction():
        conn.rollback()
    with conn.begin():
        for table in reversed(Base.metadata.sorted_tables):
            if table in first_ids:
                conn.execute(table.delete().where(table.c.id >= first_ids[table]))


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
# Entry rows carry the plain stored values of the enums (see _History._day).
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
        write = _tuple_writer(conn, table)
        at_value = _time_stamper(conn, table.c.occurred_at)
        total = days * per_day
        done = 0
        with conn.begin(), _indexes_deferred(conn, table, total, report):
            for offset in range(days):
                day = first_day + dt.timedelta(days=offset)
                rows = self._day(day, per_day, self.visits[offset], at_value)
                for start in range(0, len(rows), CHUNK_ROWS):
                    write(rows[start : start + CHUNK_ROWS])
                    done += len(rows[start : start + CHUNK_ROWS])
                    report("entries", done, total)
        return done

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


def _first(event: tuple) -> int:
    return event[0]
