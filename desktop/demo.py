"""The demo community (gatedesk demo-data): a plausible compound with weeks of gate history.

Primary keys are computed here rather than by the database and rows go in by executemany in
chunks. On SQLite the compiled INSERT goes straight to the driver with values already in their
stored form, foreign-key and CHECK tests are off during the load, and the entry log's secondary
indexes are built once after a big load: the database is then the bottleneck, not Python.
The same seed and `today` always give the same rows.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, Table, func, insert, select
from sqlalchemy.orm import Session

from db.base import Base
from db.enums import (
    Role,
)
from db.models import (
    Community,
    Gate,
    KeyPersonCategory,
    NucleicTestResult,
    Resident,
    User,
    Visitor,
)
from desktop import demo_names as names
from desktop.bootstrap import ensure_builtin_categories
from desktop.demo_bulk import Progress, bulk_load, sync_sequences, undo_load, write_rows
from desktop.demo_history import History
from desktop.demo_sampling import sampling_rounds

DEMO_COMMUNITY_CODE = "demo-jianshe"
DEMO_COMMUNITY_NAME = "建设社区"
DEMO_TIMEZONE = "Asia/Shanghai"
DEMO_GATES: tuple[tuple[str, str], ...] = (("east", "东门"), ("west", "西门"))
DEMO_USERS: tuple[tuple[str, str, Role], ...] = (
    ("secretary", "王书记", Role.SECRETARY),
    ("gate1", "李志强", Role.GATE_STAFF),
    ("grid1", "赵敏", Role.GRID_WORKER),
)
ENTRIES_PER_RESIDENT = 1.5


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
    with engine.connect() as conn, bulk_load(conn):
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
            health.check_in(rng, registry, first_day, today, zone)
            history = History(rng, site, zone, ids, registry, health)
            visitors = history.plan_visitors(first_day, options.days, per_day)
            results = sampling_rounds(rng, registry.residents, ids, today, zone)
            tables = registry.tables() + health.tables() + [(Visitor.__table__, visitors)]
            tables.append((NucleicTestResult.__table__, results))
            write_rows(conn, tables, report)
        try:
            entries = history.write(conn, first_day, options.days, per_day, report)
            with conn.begin():
                sync_sequences(conn)
        except BaseException:
            undo_load(conn, first_ids)
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
# fmt: off
