"""`gatedesk`: the one command. No subcommand starts the desktop application."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date

from desktop import __version__


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gatedesk",
        description="GateDesk (社区卡口登记台): gate check-in, resident registry and reports.",
    )
    parser.add_argument("--version", action="version", version=f"GateDesk {__version__}")
    parser.add_argument(
        "--home",
        metavar="DIR",
        help="keep settings, database, logs and outputs under DIR (also: $GATEDESK_HOME)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="use simulated devices and, in an empty database, a demo community",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("run", help="start the desktop application (the default)")

    check = sub.add_parser(
        "check-id", help="check a resident ID number: normalised form, birth date, gender"
    )
    check.add_argument("number", nargs="+", help="the number; spaces inside are allowed")
    check.add_argument("--json", action="store_true", help="print JSON")

    demo = sub.add_parser("demo-data", help="fill the database with a demo community")
    demo.add_argument("--residents", type=int, default=2000)
    demo.add_argument("--days", type=int, default=7, help="days of entry history (default 7)")
    demo.add_argument("--entries-per-day", type=int, default=None)
    demo.add_argument("--seed", type=int, default=20200125)
    demo.add_argument("--today", type=_date, default=None, help="YYYY-MM-DD (default: today)")
    demo.add_argument(
        "--replace", action="store_true", help="delete everything in the database first"
    )

    sub.add_parser("migrate", help="back up the database and upgrade its schema")

    settings = sub.add_parser("settings", help="show the settings file and the values in force")
    settings.add_argument("--json", action="store_true", help="print JSON")

    health = sub.add_parser("health", help="health colours from the check-in history")
    health_what = health.add_subparsers(dest="health_command", metavar="ACTION", required=True)
    recompute = health_what.add_parser(
        "recompute", help="recompute every colour from check-ins and isolation; compare or fix"
    )
    recompute.add_argument("--fix", action="store_true", help="store the recomputed colours")
    recompute.add_argument("--date", type=_date, default=None, help="YYYY-MM-DD (default: today)")
    recompute.add_argument("--json", action="store_true", help="print JSON")

    from desktop.device_commands import add_parsers

    add_parsers(sub)
    from desktop.ledger_commands import add_parsers as add_import

    add_import(sub)
    from desktop.result_commands import add_parsers as add_results

    add_results(sub)
    from desktop.pass_commands import add_parsers as add_passes

    add_passes(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "run"
    if command == "check-id":
        from desktop.commands import check_id

        return check_id(" ".join(args.number), as_json=args.json, home=args.home)
    if command == "run":
        from desktop.app import run_gui

        return run_gui(args.home, demo=args.demo)
    from desktop import commands
    from desktop.settings import SettingsError

    try:
        if command == "demo-data":
            return commands.demo_data(args)
        if command == "migrate":
            return commands.migrate(args.home)
        if command == "settings":
            return commands.show_settings(args.home, as_json=args.json)
        if command == "health":
            return commands.health_recompute(args)
        if command == "import":
            from desktop.ledger_commands import run_import

            return run_import(args)
        if command == "passes":
            from desktop.pass_commands import run_passes

            return run_passes(args)
        if command == "results":
            from desktop.result_commands import run_results

            return run_results(args)
        if command in ("devices", "sim"):
            from desktop import device_commands

            lang = commands.language(args.home)
            if command == "sim":
                return device_commands.run_simulator(args, lang)
            if args.devices_command == "list":
                return device_commands.list_devices(args, lang)
            return device_commands.read_device(args, lang)
    except SettingsError as exc:
        print(f"gatedesk: {exc}", file=sys.stderr)
        return 2
    raise AssertionError(command)


def print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
