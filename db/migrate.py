"""Schema upgrades through Alembic, with a backup copy of a SQLite file taken first."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config(url: str | None = None) -> Config:
    """An Alembic config pointing at GateDesk's migrations (no ini file needed)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    """The newest migration revision shipped with this version of GateDesk."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_sqlite(db_path: Path, backup_dir: Path, revision: str | None) -> Path:
    """Copy a live SQLite database (WAL included) with the online backup API."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"{db_path.stem}-{stamp}-before-{revision or 'empty'}.db"
    src = sqlite3.connect(db_path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def upgrade(engine: Engine, *, backup_dir: Path | None = None) -> Path | None:
    """Bring the schema to the newest revision; returns the backup file, if one was made.

    A SQLite database that already holds a schema is copied to `backup_dir` before anything
    changes, so a failed or unwanted upgrade can be undone by restoring the copy.
    """
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return None
    backup = None
    db_file = engine.url.database
    if (
        engine.dialect.name == "sqlite"
        and current is not None
        and backup_dir is not None
        and db_file
        and db_file != ":memory:"
    ):
        backup = backup_sqlite(Path(db_file), backup_dir, current)
        log.info("database backed up to %s before upgrading from %s", backup, current)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    log.info("database upgraded from %s to %s", current or "empty", head)
    return backup
