"""Bulk loading for the demo generator: straight to the driver on SQLite, in chunks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from operator import itemgetter
from typing import Any

from sqlalchemy import Column, Connection, Table, func, insert, select

from db.base import Base

CHUNK_ROWS = 5_000
DEFER_INDEXES_FROM_ROWS = 200_000
BULK_CACHE_KIB = 256 * 1024

Progress = Callable[[str, int, int], None]


_BULK_PRAGMAS = {
    "foreign_keys": 0,
    "ignore_check_constraints": 1,
    "cache_size": -BULK_CACHE_KIB,
}


@contextmanager
def bulk_load(conn: Connection) -> Iterator[None]:
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


def tuple_writer(conn: Connection, table: Table) -> Callable[[list[tuple]], None]:
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


def time_stamper(conn: Connection, column: Column) -> Callable[[dt.datetime], Any]:
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


def write_rows(conn: Connection, tables: list[tuple[Table, list[dict]]], report: Progress) -> None:
    """Insert rows given as complete dicts, table by table, in chunks."""
    total = sum(len(rows) for _, rows in tables)
    done = 0
    for table, rows in tables:
        write = tuple_writer(conn, table)
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
def indexes_deferred(conn: Connection, table: Table, rows: int, report: Progress) -> Iterator[None]:
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


def sync_sequences(conn: Connection) -> None:
    """On PostgreSQL, move each id sequence past the ids given here, for the app's inserts."""
    if conn.dialect.name != "postgresql":
        return
    for table in Base.metadata.sorted_tables:
        if "id" in table.c:
            highest = conn.scalar(select(func.max(table.c.id)))
            if highest is not None:
                sequence = func.pg_get_serial_sequence(table.name, "id")
                conn.execute(select(func.setval(sequence, highest)))


def undo_load(conn: Connection, first_ids: dict[Table, int]) -> None:
    """Delete the rows this run added (those at or above the ids it started from)."""
    if conn.in_transaction():
        conn.rollback()
    with conn.begin():
        for table in reversed(Base.metadata.sorted_tables):
            if table in first_ids:
                conn.execute(table.delete().where(table.c.id >= first_ids[table]))


# Relative traffic per local hour: a morning and an evening peak, little at night.
