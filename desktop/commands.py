"""The bulk and support commands behind `gatedesk …` (everything but the window)."""

from __future__ import annotations

import argparse
import sys

from desktop.cli import print_json
from desktop.idnumber import IdNumberError, parse
from desktop.messages import text
from desktop.paths import resolve_paths
from desktop.settings import OPTIONS, Settings, SettingsError, load_settings


def language(home: str | None) -> str:
    try:
        return load_settings(resolve_paths(home).settings_file)["language"]
    except SettingsError:  # a broken settings file must not stop a number check
        return "zh_CN"


def check_id(raw: str, *, as_json: bool, home: str | None) -> int:
    """Print what a resident ID number says, or why it is invalid (exit code 2)."""
    lang = language(home)
    try:
        info = parse(raw)
    except IdNumberError as exc:
        if as_json:
            print_json({"valid": False, "reason": exc.code, "message": text(lang, exc.code)})
        else:
            print(f"{text(lang, 'invalid')}: {text(lang, exc.code)}")
        return 2
    if as_json:
        print_json(
            {
                "valid": True,
                "number": info.number,
                "birth_date": info.birth_date.isoformat(),
                "gender": info.gender,
                "converted_from_15": info.converted_from_15,
            }
        )
        return 0
    print(f"{text(lang, 'number')}: {info.number}")
    print(f"{text(lang, 'birth_date')}: {info.birth_date.isoformat()}")
    print(f"{text(lang, 'gender')}: {text(lang, info.gender)}")
    valid = text(lang, "yes")
    if info.converted_from_15:
        valid += f" ({text(lang, 'converted')})"
    print(f"{text(lang, 'valid')}: {valid}")
    return 0


def demo_data(args: argparse.Namespace) -> int:
    """Fill the database of `--home` (or the user's) with a demo community."""
    from desktop.app import open_database
    from desktop.demo import DemoDataError, DemoOptions, generate_demo

    paths = resolve_paths(args.home)
    settings = load_settings(paths.settings_file)
    engine, _ = open_database(paths, settings)
    options = DemoOptions(
        residents=args.residents,
        days=args.days,
        entries_per_day=args.entries_per_day,
        seed=args.seed,
        today=args.today,
        replace=args.replace,
    )

    def progress(stage: str, done: int, total: int) -> None:
        print(f"\r{stage}: {done}/{total}   ", end="", file=sys.stderr, flush=True)

    try:
        summary = generate_demo(engine, options, progress=progress)
    except DemoDataError as exc:
        print(
            f"\ngatedesk demo-data: {exc}\n"
            "Use --replace to delete everything in this database first, "
            "or --home DIR to make the demo in a separate folder.",
            file=sys.stderr,
        )
        return 2
    finally:
        engine.dispose()
    print(file=sys.stderr)
    print(
        f"{summary.community_name} ({summary.community_code}): {summary.buildings} buildings, "
        f"{summary.households} households, {summary.residents} residents, "
        f"{summary.key_persons} key persons, {summary.entries} entries, "
        f"{summary.visitors} visitors in {summary.seconds:.1f} s"
    )
    return 0


def migrate(home: str | None) -> int:
    """Back up and upgrade the configured database."""
    from db.migrate import current_revision
    from desktop.app import open_database

    paths = resolve_paths(home)
    engine, backup = open_database(paths, load_settings(paths.settings_file))
    try:
        print(f"schema revision: {current_revision(engine)}")
        if backup:
            print(f"backup: {backup}")
    finally:
        engine.dispose()
    return 0


def show_settings(home: str | None, *, as_json: bool) -> int:
    """Print the settings file's path and every value in force."""
    paths = resolve_paths(home)
    settings: Settings = load_settings(paths.settings_file)
    if as_json:
        print_json({"file": str(paths.settings_file), "values": settings.as_dict()})
        return 0
    exists = "" if paths.settings_file.exists() else "  (not created yet: all defaults)"
    print(f"settings file: {paths.settings_file}{exists}")
    print(f"database:      {settings['database_url'] or paths.database_file}")
    print(f"logs:          {paths.log_dir}")
    for option in OPTIONS:
        print(f"  {option.key} = {settings[option.key]!r}    # {option.help}")
    return 0


def health_recompute(args: argparse.Namespace) -> int:
    """Recompute every resident's health colour; exit 1 when some differ and were not fixed."""
    from db.enums import HealthColor
    from desktop.app import open_context
    from desktop.health_service import HealthService
    from desktop.masking import mask_id_number, mask_name

    lang = language(args.home)
    context = open_context(args.home, demo=args.demo)
    try:
        service = HealthService(context.sessions, context.site.community_id, context.site.timezone)
        report = service.recompute(fix=args.fix, today=args.date)
        names = {}
        if report.mismatches:
            from db.models import Resident

            with context.sessions() as session:
                for mismatch in report.mismatches:
                    resident = session.get(Resident, mismatch.resident_id)
                    names[mismatch.resident_id] = (
                        mask_name(resident.name),
                        mask_id_number(resident.id_number or ""),
                    )
    finally:
        context.close()
    if args.json:
        print_json(
            {
                "day": report.day.isoformat(),
                "checked": report.checked,
                "counts": {color.value: n for color, n in report.counts.items()},
                "fixed": report.fixed,
                "mismatches": [
                    {
                        "resident_id": m.resident_id,
                        "name": names[m.resident_id][0],
                        "id_number": names[m.resident_id][1],
                        "stored": m.stored.value,
                        "computed": m.computed.value,
                    }
                    for m in report.mismatches
                ],
            }
        )
    else:
        counts = "，".join(
            f"{text(lang, color.value)} {report.counts[color]}"
            for color in HealthColor
            if color in report.counts
        )
        print(
            text(lang, "health_summary").format(
                day=report.day, checked=report.checked, counts=counts
            )
        )
        for m in report.mismatches:
            name, number = names[m.resident_id]
            print(
                f"  {name} {number}: {text(lang, m.stored.value)} → {text(lang, m.computed.value)}"
            )
        if report.mismatches:
            key = "health_fixed" if report.fixed else "health_differ"
            print(text(lang, key).format(count=len(report.mismatches)))
    return 1 if report.mismatches and not report.fixed else 0
