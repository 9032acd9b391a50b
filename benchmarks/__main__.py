"""Command line: `python -m benchmarks [--out DIR] [--quick] [--list] [names...]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmarks import REGISTRY, load_all, run


def main(argv: list[str] | None = None) -> int:
    """Run benchmarks and write one JSON file of results; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--out", type=Path, default=Path("benchmark-results"), help="output dir")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    args = parser.parse_args(argv)
    if args.list:
        load_all()
        for name, func in REGISTRY.items():
            summary = (func.__doc__ or "").strip().splitlines()
            print(f"{name:24} {summary[0] if summary else ''}")
        return 0
    try:
        path = run(args.names, quick=args.quick, out_dir=args.out)
    except KeyError as exc:
        print(f"python -m benchmarks: {exc.args[0]}", file=sys.stderr)
        return 2
    print(f"results written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
