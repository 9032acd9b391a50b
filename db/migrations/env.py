"""Alembic environment for GateDesk.

The URL comes from (in order) a connection handed over by `db.migrate`, `-x url=...`, the
GATEDESK_DATABASE_URL environment variable, or `sqlalchemy.url` in the config.
"""

from __future__ import annotations

import os

from alembic import context

from db.base import UtcDateTime
from db.engine import make_engine
from db.models import Base

config = context.config
target_metadata = Base.metadata


def _url() -> str:
    url = (
        context.get_x_argument(as_dictionary=True).get("url")
        or os.environ.get("GATEDESK_DATABASE_URL")
        or config.get_main_option("sqlalchemy.url")
    )
    if not url:
        raise SystemExit(
            "No database given: pass -x url=sqlite:////path/to/gatedesk.db "
            "or set GATEDESK_DATABASE_URL."
        )
    return url


def _render_item(type_, obj, autogen_context):
    # Migrations spell the storage type, not GateDesk's Python-side wrapper, so an old
    # migration never changes when the wrapper does.
    if type_ == "type" and isinstance(obj, UtcDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        render_item=_render_item,
    )


def run_migrations_offline() -> None:
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(_url())
    try:
        with engine.connect() as conn:
            _configure(conn)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
