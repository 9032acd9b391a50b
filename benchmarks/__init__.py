"""GateDesk benchmarks: `python -m benchmarks [--out DIR] [--quick] [names...]`.

A benchmark is a function registered with `@benchmark("name")`. It gets a `Context` (quick
mode and a fresh temporary directory of its own) and returns a `Measurement`; the runner adds
the name and writes all results of a run, with machine information, to one JSON file.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Context:
    """What a benchmark may use: the mode and a temporary directory removed afterwards."""

    quick: bool
    workdir: Path


@dataclass(frozen=True)
class Measurement:
    """One benchmark's outcome: what was measured, how long it took, and a rate."""

    parameters: dict[str, Any]
    seconds: float
    throughput: float
    throughput_unit: str
    details: dict[str, Any] = field(default_factory=dict)


BenchmarkFunction = Callable[[Context], Measurement]
REGISTRY: dict[str, BenchmarkFunction] = {}


def benchmark(name: str) -> Callable[[BenchmarkFunction], BenchmarkFunction]:
    """Register a benchmark function under `name`."""

    def register(func: BenchmarkFunction) -> BenchmarkFunction:
        if name in REGISTRY:
            raise ValueError(f"benchmark {name!r} is registered twice")
        REGISTRY[name] = func
        return func

    return register


def load_all() -> None:
    """Import every `bench_*` module of this package, which registers its benchmarks."""
    for module in pkgutil.iter_modules(__path__):
        if module.name.startswith("bench_"):
            importlib.import_module(f"{__name__}.{module.name}")


def machine_info() -> dict[str, Any]:
    """Where the numbers were measured."""
    return {
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": platform.processor(),
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "cpu_count": os.cpu_count(),
    }


def run_one(name: str, quick: bool) -> dict[str, Any]:
    """Run the benchmark `name` in a temporary directory of its own; returns its record."""
    func = REGISTRY[name]
    workdir = Path(tempfile.mkdtemp(prefix=f"gatedesk-bench-{name}-"))
    try:
        measurement = func(Context(quick=quick, workdir=workdir))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return {"name": name, **asdict(measurement)}


def run(
    names: Iterable[str], *, quick: bool, out_dir: Path, echo: Callable[[str], None] = print
) -> Path:
    """Run the named benchmarks (all when none are named) and write the results file."""
    load_all()
    selected = list(names) or list(REGISTRY)
    unknown = [name for name in selected if name not in REGISTRY]
    if unknown:
        raise KeyError(f"unknown benchmarks: {', '.join(unknown)}; known: {', '.join(REGISTRY)}")
    started = time.strftime("%Y%m%d-%H%M%S")
    results = []
    for name in selected:
        echo(f"{name} ...")
        record = run_one(name, quick)
        echo(
            f"{name}: {record['seconds']:.2f} s, "
            f"{record['throughput']:,.0f} {record['throughput_unit']}"
        )
        results.append(record)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"benchmarks-{started}.json"
    report = {
        "started": started,
        "quick": quick,
        "machine": machine_info(),
        "benchmarks": results,
    }
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str) + "\n")
    return path
