"""The demo community: plausible, valid, consistent and reproducible."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pypinyin import Style, lazy_pinyin
from sqlalchemy import Engine, func, select, text

from db.engine import make_engine, make_session_factory, sqlite_url, transaction
from db.enums import (
    CheckMethod,
    Decision,
    Direction,
    Gender,
    HealthColor,
    IsolationState,
    ResidentKind,
)
from db.migrate import upgrade
from db.models import (
    Building,
    Community,
    EntryLog,
    FeverAlert,
    Gate,
    HealthStatusChange,
    Household,
    IsolationOrder,
    KeyPerson,
    NucleicTestResult,
    Resident,
    User,
    Visitor,
)
from desktop import demo_bulk, demo_history
from desktop.demo import DEMO_COMMUNITY_CODE, DemoDataError, DemoOptions, generate_demo
from desktop.idnumber import parse
from desktop.test_results import Area, untested

TODAY = dt.date(2020, 2, 10)
OPTIONS = DemoOptions(residents=300, days=3, seed=7, today=TODAY)
SHANGHAI = ZoneInfo("Asia/Shanghai")


def _engine(path: Path) -> Engine:
    engine = make_engine(sqlite_url(path))
    upgrade(engine)
    return engine


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):
    engine = _engine(tmp_path_factory.mktemp("demo") / "demo.db")
    summary = generate_demo(engine, OPTIONS)
    yield engine, summary
    engine.dispose()


def _count(engine: Engine, model) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(model))


def _residents(engine: Engine) -> list:
    with engine.connect() as conn:
        return list(conn.execute(select(Resident.__table__).order_by(Resident.id)))


def test_counts_are_plausible(demo) -> None:
    engine, summary = demo
    assert summary.community_code == DEMO_COMMUNITY_CODE
    assert summary.community_name == "建设社区"
    assert summary.residents == _count(engine, Resident) == 300
    assert summary.gates == _count(engine, Gate) == 2
    assert summary.buildings == _count(engine, Building) >= 1
    assert summary.households == _count(engine, Household)
    assert 300 / 5 <= summary.households <= 300 / 1.8
    assert summary.entries == _count(engine, EntryLog)
    assert abs(summary.entries - 3 * 450) <= 10
    assert summary.visitors == _count(engine, Visitor) > 0
    assert summary.key_persons == _count(engine, KeyPerson) >= 5
    with engine.connect() as conn:
        users = {u: name for u, name in conn.execute(select(User.username, User.display_name))}
        community = conn.execute(select(Community)).one()
        isolations = list(conn.execute(select(IsolationOrder.resident_id, IsolationOrder.state)))
        colours = Counter(conn.scalars(select(Resident.health_status)))
        kinds = Counter(conn.scalars(select(Resident.kind)))
    assert users == {"secretary": "王书记", "gate1": "李志强", "grid1": "赵敏"}
    assert (community.district, community.phone) == ("湖滨区", "0398-2812345")
    assert len(isolations) >= 2 and all(s == IsolationState.ACTIVE for _, s in isolations)
    assert colours[HealthColor.RED] == len(isolations)
    assert colours[HealthColor.YELLOW] >= 3
    assert kinds[ResidentKind.OWNER] > kinds[ResidentKind.TENANT] > 0


def test_residents_have_valid_consistent_identities(demo) -> None:
    engine, _ = demo
    rows = _residents(engine)
    assert len({row.id_number for row in rows}) == len(rows)
    ages = []
    for row in rows:
        info = parse(row.id_number, today=TODAY)
        assert info.number == row.id_number
        assert info.birth_date == row.birth_date
        assert info.gender == row.gender
        assert info.region_code in {"411202", "411203", "411221", "411224", "411281", "411282"}
        assert row.id_tail == row.id_number[-4:]
        assert row.phone_tail == row.phone[-4:]
        assert row.phone == "" or (
            len(row.phone) == 11 and row.phone[:2] in {"13", "15", "16", "17", "18", "19"}
        )
        initials = "".join(lazy_pinyin(row.name, style=Style.FIRST_LETTER)).lower()
        assert row.name_initials == initials
        assert 2 <= len(row.name) <= 3
        ages.append((TODAY - row.birth_date).days // 365)
        if row.elderly_without_phone:
            assert row.phone == "" and ages[-1] >= 70
    elderly = sum(age >= 60 for age in ages) / len(ages)
    assert 0.12 <= elderly <= 0.35
    assert {Gender(row.gender) for row in rows} == {Gender.MALE, Gender.FEMALE}


def test_entries_fall_in_the_history_window(demo) -> None:
    engine, _ = demo
    start = dt.datetime.combine(TODAY - dt.timedelta(days=3), dt.time(), SHANGHAI)
    end = dt.datetime.combine(TODAY, dt.time(), SHANGHAI)
    with engine.connect() as conn:
        entries = list(conn.execute(select(EntryLog.__table__)))
    assert entries
    for entry in entries:
        assert entry.occurred_at.tzinfo is not None
        assert start <= entry.occurred_at < end
        assert entry.utc_offset_min == 480
        assert uuid.UUID(entry.uid).version == 4
        assert (entry.resident_id is None) != (entry.visitor_id is None)
        if entry.resident_id is not None:
            assert entry.household_id is not None
        if entry.temperature_c is not None and entry.temperature_c >= 37.3:
            assert (entry.decision, entry.reason_code) == (Decision.DENY, "fever")
        elif entry.visitor_id is not None:
            assert (entry.decision, entry.reason_code) == (
                Decision.ALLOW_LIMITED,
                "visitor-with-host",
            )
    hours = Counter(entry.occurred_at.astimezone(SHANGHAI).hour for entry in entries)
    assert hours[8] + hours[18] > 5 * (hours[2] + hours[3])
    assert Counter(entry.decision for entry in entries).most_common(1)[0][0] == Decision.ALLOW


def test_entries_respect_isolation_and_yellow_status(tmp_path: Path) -> None:
    engine = _engine(tmp_path / "health.db")
    try:
        generate_demo(engine, DemoOptions(residents=200, days=10, seed=3, today=TODAY))
        yellow_change = select(HealthStatusChange.resident_id, HealthStatusChange.effective_at)
        yellow_change = yellow_change.where(HealthStatusChange.status == HealthColor.YELLOW)
        with engine.connect() as conn:
            orders = select(IsolationOrder.resident_id, IsolationOrder.created_at)
            home = {resident: at for resident, at in conn.execute(orders)}
            yellow = {resident: at for resident, at in conn.execute(yellow_change)}
            entries = list(conn.execute(select(EntryLog.__table__)))
    finally:
        engine.dispose()
    assert home and yellow
    refused = 0
    for entry in entries:
        if entry.resident_id in home:
            assert entry.occurred_at < home[entry.resident_id]
        if entry.reason_code == "health-yellow":
            assert entry.occurred_at >= yellow[entry.resident_id]
            refused += 1
        elif entry.resident_id in yellow and entry.decision == Decision.ALLOW:
            assert entry.occurred_at < yellow[entry.resident_id]
    assert refused > 0


def test_foreign_keys_are_consistent(demo) -> None:
    engine, _ = demo
    with engine.connect() as conn:
        assert list(conn.execute(text("PRAGMA foreign_key_check"))) == []


def test_same_seed_gives_same_rows_and_refuses_a_full_database(demo, tmp_path: Path) -> None:
    engine, _ = demo
    other = _engine(tmp_path / "again.db")
    try:
        generate_demo(other, OPTIONS)
        assert _residents(other) == _residents(engine)
        uids = select(EntryLog.uid).order_by(EntryLog.id)
        with engine.connect() as a, other.connect() as b:
            assert list(a.scalars(uids)) == list(b.scalars(uids))
        with pytest.raises(DemoDataError, match="300 residents"):
            generate_demo(other, OPTIONS)
        summary = generate_demo(other, DemoOptions(residents=50, days=1, today=TODAY, replace=True))
        assert _count(other, Resident) == summary.residents == 50
        assert _count(other, Community) == 1
        assert _count(other, EntryLog) == summary.entries
    finally:
        other.dispose()


def _index_names(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        query = "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name"
        return list(conn.scalars(text(query)))


def test_bulk_settings_are_restored_and_deferred_indexes_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = _engine(tmp_path / "bulk.db")
    try:
        before = _index_names(engine)
        monkeypatch.setattr(demo_bulk, "DEFER_INDEXES_FROM_ROWS", 0)
        generate_demo(engine, DemoOptions(residents=40, days=1, today=TODAY))
        assert _index_names(engine) == before
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA ignore_check_constraints").scalar() == 0
            assert list(conn.execute(text("PRAGMA foreign_key_check"))) == []
    finally:
        engine.dispose()


def test_a_failed_run_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = _engine(tmp_path / "failed.db")
    try:

        def broken(*args, **kwargs):
            raise RuntimeError("disk full")

        with monkeypatch.context() as patch:
            patch.setattr(demo_history.History, "_day", broken)
            with pytest.raises(RuntimeError, match="disk full"):
                generate_demo(engine, DemoOptions(residents=40, days=1, today=TODAY))
        for model in (Community, Gate, Household, Resident, Visitor, KeyPerson, EntryLog, User):
            assert _count(engine, model) == 0
        summary = generate_demo(engine, DemoOptions(residents=40, days=1, today=TODAY))
        assert summary.residents == _count(engine, Resident) == 40
    finally:
        engine.dispose()


def test_the_app_can_add_rows_after_the_demo(engine: Engine) -> None:
    """On each backend: ids given by the generator leave room for the app's own inserts."""
    summary = generate_demo(engine, DemoOptions(residents=30, days=1, today=TODAY))
    sessions = make_session_factory(engine)
    with transaction(sessions) as session:
        resident = session.scalars(select(Resident).order_by(Resident.id).limit(1)).one()
        entry = EntryLog(
            uid=uuid.uuid4().hex,
            community_id=summary.community_id,
            gate_id=session.scalars(select(Gate.id).order_by(Gate.id).limit(1)).one(),
            occurred_at=dt.datetime(2020, 2, 10, 3, 0, tzinfo=dt.UTC),
            direction=Direction.IN,
            resident_id=resident.id,
            household_id=resident.household_id,
            method=CheckMethod.TYPED,
            decision=Decision.ALLOW,
            reason_code="ok",
        )
        session.add(entry)
        session.flush()
        assert entry.id == summary.entries + 1
    assert _count(engine, EntryLog) == summary.entries + 1


def test_every_fever_in_the_history_has_its_fever_alert(tmp_path: Path) -> None:
    engine = _engine(tmp_path / "fevers.db")
    generate_demo(
        engine, DemoOptions(residents=300, days=2, entries_per_day=20_000, seed=7, today=TODAY)
    )
    with engine.connect() as conn:
        fevers = conn.execute(
            select(EntryLog.id, EntryLog.temperature_c, EntryLog.occurred_at)
            .where(EntryLog.reason_code == "fever")
            .order_by(EntryLog.id)
        ).all()
        alerts = conn.execute(
            select(FeverAlert.entry_log_id, FeverAlert.first_c, FeverAlert.first_at).order_by(
                FeverAlert.entry_log_id
            )
        ).all()
    engine.dispose()
    assert fevers, "40,000 entries at a rate of 1/8000 should hold a fever"
    assert [tuple(a) for a in alerts] == [tuple(f) for f in fevers]


def test_most_residents_have_a_recent_negative_result(demo) -> None:
    engine, summary = demo
    sessions = make_session_factory(engine)
    now = dt.datetime.combine(TODAY, dt.time(16), SHANGHAI)
    everyone = Area(building=None, unit=None, grid=None)
    recent = untested(sessions, summary.community_id, days=3, area=everyone, now=now)
    older = untested(sessions, summary.community_id, days=7, area=everyone, now=now)
    share = len(recent.residents) / recent.active_in_area
    assert 0.03 < share < 0.2, share  # the earlier round only, or never sampled
    assert len(older.residents) < len(recent.residents)
    assert _count(engine, NucleicTestResult) > summary.residents
