"""Demo-data generation, a large entry history, and resident lookups on a large registry."""

from __future__ import annotations

import datetime as dt
import math
import random
import statistics
import time
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import joinedload

from benchmarks import Context, Measurement, benchmark
from db.engine import make_engine, make_session_factory, sqlite_url
from db.migrate import upgrade
from db.models import Household, Resident, Room, Unit
from desktop.demo import DemoOptions, DemoSummary, generate_demo

# A fixed day keeps every run on the same data.
TODAY = dt.date(2020, 2, 20)
SEED = 20200125


def _fresh_engine(workdir: Path) -> Engine:
    engine = make_engine(sqlite_url(workdir / "gatedesk.db"))
    upgrade(engine)
    return engine


def _generate(workdir: Path, **options) -> tuple[Engine, DemoSummary, float]:
    engine = _fresh_engine(workdir)
    started = time.perf_counter()
    summary = generate_demo(engine, DemoOptions(seed=SEED, today=TODAY, **options))
    return engine, summary, time.perf_counter() - started


def _counts(summary: DemoSummary) -> dict[str, int]:
    return {
        "buildings": summary.buildings,
        "households": summary.households,
        "residents": summary.residents,
        "entries": summary.entries,
        "visitors": summary.visitors,
    }


@benchmark("demo_generation")
def demo_generation(ctx: Context) -> Measurement:
    """gatedesk demo-data with default history: 100,000 residents (quick: 10,000)."""
    residents = 10_000 if ctx.quick else 100_000
    engine, summary, seconds = _generate(ctx.workdir, residents=residents)
    engine.dispose()
    return Measurement(
        parameters={"residents": residents, "days": DemoOptions().days, "backend": "sqlite"},
        seconds=seconds,
        throughput=summary.residents / seconds,
        throughput_unit="residents/s",
        details=_counts(summary) | {"entries_per_s": summary.entries / seconds},
    )


@benchmark("entry_history")
def entry_history(ctx: Context) -> Measurement:
    """A long entry history: 1,000,000 entries over 14 days (quick: 100,000)."""
    total = 100_000 if ctx.quick else 1_000_000
    days = 14
    engine, summary, seconds = _generate(
        ctx.workdir, residents=2000, days=days, entries_per_day=math.ceil(total / days)
    )
    engine.dispose()
    return Measurement(
        parameters={"entries": total, "days": days, "residents": 2000, "backend": "sqlite"},
        seconds=seconds,
        throughput=summary.entries / seconds,
        throughput_unit="entries/s",
        details=_counts(summary),
    )


@benchmark("resident_lookup")
def resident_lookup(ctx: Context) -> Measurement:
    """10,000 gate-style lookups by ID number on 100,000 residents (quick: 10,000)."""
    residents = 10_000 if ctx.quick else 100_000
    lookups = 10_000
    engine, _, _ = _generate(ctx.workdir, residents=residents, days=1)
    sessions = make_session_factory(engine)
    with sessions() as session:
        numbers = list(session.scalars(select(Resident.id_number).order_by(Resident.id)))
    wanted = random.Random(SEED).choices(numbers, k=lookups)
    # The query the gate runs for a typed or scanned number: the resident with the address.
    query = select(Resident).options(
        joinedload(Resident.household)
        .joinedload(Household.room)
        .joinedload(Room.unit)
        .joinedload(Unit.building)
    )
    timings = []
    started = time.perf_counter()
    for number in wanted:
        t0 = time.perf_counter_ns()
        with sessions() as session:
            found = session.scalars(query.where(Resident.id_number == number)).first()
        timings.append((time.perf_counter_ns() - t0) / 1000)
        assert found is not None and found.id_number == number
    seconds = time.perf_counter() - started
    engine.dispose()
    timings.sort()
    return Measurement(
        parameters={"residents": residents, "days": 1, "lookups": lookups, "backend": "sqlite"},
        seconds=seconds,
        throughput=lookups / seconds,
        throughput_unit="lookups/s",
        details={
            "mean_us": statistics.fmean(timings),
            "p50_us": timings[len(timings) // 2],
            "p99_us": timings[math.ceil(len(timings) * 0.99) - 1],
            "max_us": timings[-1],
        },
    )
