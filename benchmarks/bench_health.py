"""Health colours: the recomputation every start and every midnight runs."""

from __future__ import annotations

import time

from benchmarks import Context, Measurement, benchmark
from benchmarks.bench_demo import SEED, TODAY, _fresh_engine
from db.engine import make_session_factory
from desktop.demo import DemoOptions, generate_demo
from desktop.health_service import HealthService


@benchmark("health_recompute")
def health_recompute(ctx: Context) -> Measurement:
    """Recompute every colour from 7 days of check-ins: 100,000 residents (quick: 10,000)."""
    residents = 10_000 if ctx.quick else 100_000
    engine = _fresh_engine(ctx.workdir)
    summary = generate_demo(engine, DemoOptions(residents=residents, seed=SEED, today=TODAY))
    service = HealthService(make_session_factory(engine), summary.community_id, "Asia/Shanghai")
    started = time.perf_counter()
    report = service.recompute(today=TODAY)
    seconds = time.perf_counter() - started
    engine.dispose()
    return Measurement(
        parameters={"residents": residents, "days": 7, "backend": "sqlite"},
        seconds=seconds,
        throughput=report.checked / seconds,
        throughput_unit="residents/s",
        details={
            "mismatches": len(report.mismatches),
            "counts": {color.value: n for color, n in report.counts.items()},
        },
    )
