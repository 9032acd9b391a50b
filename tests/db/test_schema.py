"""The migrations and the models agree, on SQLite and on PostgreSQL alike."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from db import migrate
from db.engine import make_engine, sqlite_url
from db.models import Base

REPO = Path(__file__).resolve().parents[2]


def schema_of(engine) -> dict:
    """Tables, columns (name, nullability), indexes and unique constraints, backend-neutral."""
    insp = inspect(engine)
    schema = {}
    for table in sorted(insp.get_table_names()):
        columns = tuple((c["name"], c["nullable"]) for c in insp.get_columns(table))
        indexes = sorted(
            (i["name"], tuple(i["column_names"]), bool(i["unique"]))
            for i in insp.get_indexes(table)
            # PostgreSQL also lists the index behind each unique constraint.
            if not i.get("duplicates_constraint")
        )
        uniques = sorted(tuple(u["column_names"]) for u in insp.get_unique_constraints(table))
        fks = sorted(
            (tuple(f["constrained_columns"]), f["referred_table"])
            for f in insp.get_foreign_keys(table)
        )
        schema[table] = (columns, indexes, uniques, fks)
    return schema


def test_migrations_match_the_models(engine):
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
        )
    assert diff == []


def test_every_model_table_exists(engine):
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert "alembic_version" in tables


@pytest.mark.postgres
def test_sqlite_and_postgresql_get_the_same_schema(tmp_path, pg_url):
    lite = make_engine(sqlite_url(tmp_path / "a.db"))
    pg = make_engine(pg_url)
    try:
        migrate.upgrade(lite)
        migrate.upgrade(pg)
        assert schema_of(lite) == schema_of(pg)
        assert migrate.current_revision(lite) == migrate.current_revision(pg)
    finally:
        lite.dispose()
        pg.dispose()


def run_alembic(url: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "alembic", "-x", f"url={url}", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_alembic_command_line_upgrades_an_empty_database(db_url):
    result = run_alembic(db_url, "upgrade", "head")
    assert result.returncode == 0, result.stderr
    engine = make_engine(db_url)
    try:
        assert migrate.current_revision(engine) == migrate.head_revision()
        with engine.connect() as conn:
            diff = compare_metadata(
                MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
            )
        assert diff == []
        result = run_alembic(db_url, "downgrade", "base")
        assert result.returncode == 0, result.stderr
        assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    finally:
        engine.dispose()


def test_sqlite_connection_settings(sqlite_engine):
    with sqlite_engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_upgrade_of_an_existing_sqlite_file_backs_it_up_first(tmp_path, monkeypatch):
    db_file = tmp_path / "gatedesk.db"
    engine = make_engine(sqlite_url(db_file))
    migrate.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO community (code, name, district, phone, timezone, "
                "created_at) VALUES ('c1', 'A', '', '', 'Asia/Shanghai', "
                "'2022-01-01 00:00:00')"
            )
        )
    # Pretend a newer GateDesk ships a newer revision: the upgrade must copy the file first.
    upgraded = []
    monkeypatch.setattr(migrate, "head_revision", lambda: "9999")
    monkeypatch.setattr(migrate.command, "upgrade", lambda cfg, rev: upgraded.append(rev))
    backup = migrate.upgrade(engine, backup_dir=tmp_path / "backups")
    engine.dispose()
    assert upgraded == ["head"]
    assert backup is not None and backup.parent == tmp_path / "backups"
    assert "before-" + migrate.current_revision(make_engine(sqlite_url(db_file))) in backup.name
    copy = make_engine(sqlite_url(backup))
    with copy.connect() as conn:
        assert conn.execute(text("SELECT code FROM community")).scalars().all() == ["c1"]
    copy.dispose()


def test_upgrade_at_head_does_nothing(sqlite_engine, tmp_path):
    assert migrate.upgrade(sqlite_engine, backup_dir=tmp_path / "b") is None
    assert not (tmp_path / "b").exists()
