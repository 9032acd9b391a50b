"""`gatedesk results …`: import a nucleic-acid result list; list who has no negative result."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.test_results_words import word

OUTPUTS = (".xlsx", ".pdf")


def add_parsers(sub: argparse._SubParsersAction) -> None:
    results = sub.add_parser(
        "results", help="nucleic-acid test results: import a list, list who has no negative one"
    )
    what = results.add_subparsers(dest="results_command", metavar="ACTION", required=True)
    imp = what.add_parser("import", help="import a result list (.xlsx, .xls, .csv)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--sheet", default=None, help="the sheet to read (default: the first)")
    imp.add_argument("--dry-run", action="store_true", help="check the list, store nothing")
    imp.add_argument("--json", action="store_true", help="print JSON")
    untested = what.add_parser(
        "untested", help="residents with no negative result in the last N days, to .xlsx or .pdf"
    )
    untested.add_argument("--days", type=int, default=3, help="today and N-1 days before")
    untested.add_argument("--building", default=None)
    untested.add_argument("--unit", default=None)
    untested.add_argument("--grid", default=None)
    untested.add_argument("--out", type=Path, required=True, help="F.xlsx or F.pdf")
    untested.add_argument("--json", action="store_true", help="print JSON")


def run_results(args: argparse.Namespace) -> int:
    """Run `results import` or `results untested`; 0 on success, 2 on a file or value error."""
    from desktop.commands import language

    lang = language(args.home)
    if args.results_command == "untested":
        problem = _untested_problem(args, lang)
        if problem:
            print(f"gatedesk results: {problem}", file=sys.stderr)
            return 2
    from desktop.app import open_context
    from desktop.tables import TableError
    from reports.pdf import FontNotFound

    context = open_context(args.home, demo=args.demo)
    try:
        from desktop.test_results_export import TestResultsService

        service = TestResultsService(context.sessions, context.site.community_id)
        if args.results_command == "import":
            return _import(service, args, lang)
        return _untested(service, args, lang)
    except TableError as exc:
        print(f"gatedesk results: {exc.text(lang)}", file=sys.stderr)
        return 2
    except (FontNotFound, OSError) as exc:
        print(f"gatedesk results: {exc}", file=sys.stderr)
        return 2
    finally:
        context.close()


def _untested_problem(args: argparse.Namespace, lang: str) -> str:
    from desktop.test_results import MAX_DAYS

    if args.out.suffix.lower() not in OUTPUTS:
        return word(lang, "bad_out")
    if not 1 <= args.days <= MAX_DAYS:
        return word(lang, "bad_days")
    return ""


def _problem_dict(problem, lang: str) -> dict[str, object]:
    from desktop.test_results_report import reason_text

    return {
        "row": problem.source_row,
        "name": problem.name_masked,
        "id_number": problem.id_masked,
        "reason": problem.reason,
        "message": reason_text(problem, lang),
    }


def _import(service, args: argparse.Namespace, lang: str) -> int:
    from desktop.cli import print_json

    result = service.import_file(args.file, dry_run=args.dry_run)
    positives = [
        {
            "row": p.source_row,
            "name": p.name_masked,
            "id_number": p.id_masked,
            "sampled_at": p.sampled_at.isoformat(),
            "resident": p.resident_id is not None,
        }
        for p in result.positives
    ]
    if args.json:
        print_json(
            {
                "file": str(result.path),
                "dry_run": result.dry_run,
                "rows": result.rows_read,
                "matched": result.matched,
                "added": result.added,
                "added_unmatched": result.added_unmatched,
                "duplicates": result.duplicates,
                "outcomes": {k.value: v for k, v in result.outcomes.items()},
                "positives": positives,
                "unmatched": [_problem_dict(p, lang) for p in result.unmatched],
                "invalid": [_problem_dict(p, lang) for p in result.invalid],
                "report": str(result.report_path) if result.report_path else None,
                "report_error": result.report_error,
            }
        )
        return 0
    _print_import(result, lang)
    return 0


def _print_import(result, lang: str) -> None:
    from desktop.test_results_report import reason_text

    print(
        word(
            lang,
            "summary",
            result.rows_read,
            result.matched,
            len(result.unmatched),
            len(result.invalid),
            result.duplicates,
            result.added,
        )
    )
    if result.dry_run:
        print(word(lang, "preview"))
    outcomes = "，".join(f"{word(lang, k.value)} {n}" for k, n in result.outcomes.items())
    if outcomes:
        print(word(lang, "outcomes", outcomes))
    if result.positives:
        print(word(lang, "positives", len(result.positives)))
        for p in result.positives:
            when = p.sampled_at.strftime("%Y-%m-%d %H:%M")
            print(f"  {word(lang, 'row', p.source_row)}  {p.name_masked} {p.id_masked}  {when}")
    for key, problems in (("unmatched", result.unmatched), ("invalid_rows", result.invalid)):
        if problems:
            print(word(lang, key))
            for p in problems:
                who = " ".join(part for part in (p.name_masked, p.id_masked) if part)
                print(f"  {word(lang, 'row', p.source_row)}  {who}  {reason_text(p, lang)}")
    if result.report_path:
        print(word(lang, "report", result.report_path))
    elif result.report_error:
        print(word(lang, "report_failed", result.report_error), file=sys.stderr)


def _untested(service, args: argparse.Namespace, lang: str) -> int:
    from desktop.cli import print_json
    from desktop.test_results import Area, area_label

    area = Area(building=args.building, unit=args.unit, grid=args.grid)
    lst = service.untested(days=args.days, area=area)
    if args.out.suffix.lower() == ".pdf":
        path = service.print_pdf(lst, args.out, language=lang)
    else:
        path = service.export(lst, args.out, language=lang)
    if args.json:
        print_json(
            {
                "days": lst.days,
                "since": lst.since.isoformat(),
                "today": lst.today.isoformat(),
                "area": area_label(area, lang),
                "count": len(lst.residents),
                "active_in_area": lst.active_in_area,
                "out": str(path),
            }
        )
        return 0
    print(word(lang, "untested_count", len(lst.residents), lst.days, area_label(area, lang)))
    print(word(lang, "written", path))
    return 0
