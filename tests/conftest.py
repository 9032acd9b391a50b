"""Test harness: offscreen Qt, a fresh home (settings, database, logs) per test, PostgreSQL."""

from __future__ import annotations

import os

# Must happen before any QApplication exists, or Qt aborts without a display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import itertools
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from db.engine import make_engine, make_session_factory, sqlite_url
from db.migrate import upgrade
from tests.support.postgres import PostgresServer, PostgresUnavailable, start_postgres

_db_counter = itertools.count()


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own GateDesk home and XDG dirs: no test touches real user data."""
    home = tmp_path / "gatedesk-home"
    monkeypatch.setenv("GATEDESK_HOME", str(home))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(tmp_path / "xdg" / var.lower()))
    monkeypatch.delenv("GATEDESK_DATABASE_URL", raising=False)
    return home


@pytest.fixture(autouse=True)
def reset_logging() -> Iterator[None]:
    """Detach the log files a test opened, so later tests never write into its temp dir."""
    yield
    for name in ("", "gatedesk.devices.raw"):
        logger = logging.getLogger(name)
        for handler in list(logger.handlers):
            if isinstance(handler, logging.FileHandler) or getattr(handler, "_gatedesk", False):
                logger.removeHandler(handler)
                handler.close()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    try:
        server = start_postgres()
    except PostgresUnavailable as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI: {exc}")
        pytest.skip(f"PostgreSQL not available: {exc}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(postgres: PostgresServer) -> str:
    """The URL of a new, empty PostgreSQL database."""
    return postgres.create_database(f"gatedesk_test_{os.getpid()}_{next(_db_counter)}")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database URL, once for SQLite and once for PostgreSQL."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "test.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """A migrated, empty database on each backend."""
    eng = make_engine(db_url)
    upgrade(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    """A migrated, empty SQLite database (for tests that need only the default backend)."""
    eng = make_engine(sqlite_url(tmp_path / "gatedesk.db"))
    upgrade(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def sessions(engine: Engine):
    return make_session_factory(engine)
