"""The resident ledger import: a messy 100,000-row .xlsx (quick: 5,000) into an empty registry.

Timed one after the other, on SQLite as the office PC runs it: `read_layout` (parsing the
workbook and guessing the columns), `plan_import` (checking every row and matching it
against the registry; the workbook comes from the layout's read), `apply_import` (one
transaction, plus the rejected-rows report), then the same file again (`second_plan`,
`second_apply`), which must change nothing. Writing the ledger is timed apart.
"""

from __future__ import annotations

import time
from datetime import date

from sqlalchemy import func, select

from benchmarks import Context, Measurement, benchmark
from db.engine import make_engine, make_session_factory, sqlite_url, transaction
from db.migrate import upgrade
from db.models import Household, Resident
from desktop.bootstrap import ensure_site
from desktop.ledger import apply_import, plan_import, read_layout
from desktop.ledger.sample import write_sample_ledger

FULL_ROWS = 100_000
QUICK_ROWS = 5_000
TODAY = date(2022, 4, 1)


@benchmark("ledger_import")
def ledger_import(ctx: Context) -> Measurement:
    """Read, check, match and write a messy ledger; then import it again (no change)."""
    rows = QUICK_ROWS if ctx.quick else FULL_ROWS
    started = time.perf_counter()
    sample = write_sample_ledger(ctx.workdir / "台账.xlsx", rows)
    phases = {"write_ledger": time.perf_counter() - started}
    engine = make_engine(sqlite_url(ctx.workdir / "gatedesk.db"))
    upgrade(engine)
    sessions = make_session_factory(engine)
    with transaction(sessions) as session:
        community_id = ensure_site(session, community_code="bench").community_id

    def timed(name, action):
        began = time.perf_counter()
        result = action()
        phases[name] = time.perf_counter() - began
        return result

    layout = timed("read_layout", lambda: read_layout(sample.path))
    plan = timed("plan", lambda: plan_import(sessions, community_id, layout, today=TODAY))
    outcome = timed("apply", lambda: apply_import(sessions, community_id, plan))
    again = timed("second_plan", lambda: plan_import(sessions, community_id, layout, today=TODAY))
    second = timed("second_apply", lambda: apply_import(sessions, community_id, again))
    with sessions() as session:
        residents = session.scalar(select(func.count()).select_from(Resident))
        households = session.scalar(select(func.count()).select_from(Household))
    engine.dispose()
    if outcome.rejected != sample.expected_bad or second.new or second.merged:
        raise AssertionError(
            f"unexpected counts: {outcome} (expected {sample.expected_bad} rejected), {second}"
        )
    seconds = sum(phases[p] for p in ("read_layout", "plan", "apply"))
    return Measurement(
        parameters={"rows": sample.rows, "backend": "sqlite"},
        seconds=seconds,
        throughput=sample.rows / seconds,
        throughput_unit="rows/s",
        details={
            "phases_s": {name: round(value, 3) for name, value in phases.items()},
            "new": outcome.new,
            "rejected": outcome.rejected,
            "unchanged_on_second_import": second.unchanged,
            "residents": residents,
            "households": households,
            "ledger_households": sample.households,
        },
    )
