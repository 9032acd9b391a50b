"""`gatedesk import FILE`: the resident ledger import without the window.

`--dry-run` checks the whole file against the registry and prints what an import would do,
writing nothing at all (not even the rejected-rows report); `--json` prints the same as
JSON with stable keys. Exit status: 0 done, 2 the file cannot be read or lacks a column.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.ledger import (
    ImportPlan,
    apply_import,
    field_label,
    plan_import,
    read_layout,
    reason_text,
    warning_text,
)
from desktop.ledger.columns import check_mapping
from desktop.tables import TableError

TEXT: dict[str, dict[str, str]] = {
    "zh_CN": {
        "file": "文件：{file}（工作表“{sheet}”，表头在第 {row} 行）",
        "rows": "读取 {total} 行，其中空行和说明行 {empty} 行",
        "counts": "新增居民 {new} 人；合并到已登记居民 {merged} 人；已登记且无变化 {unchanged} 人",
        "places": "新增 {households} 户，新增楼栋 {buildings} 栋",
        "rejected": "未导入 {count} 行：",
        "warnings": "提示：",
        "dry_run": "（预览：没有写入任何数据）",
        "report": "未导入的行及原因已写入：{path}",
        "columns": "列：{columns}",
        "error": "gatedesk: {message}",
    },
    "en": {
        "file": "File: {file} (sheet “{sheet}”, header on row {row})",
        "rows": "{total} rows read, {empty} of them empty or notes",
        "counts": "New residents: {new}; merged into registered residents: {merged}; "
        "registered and unchanged: {unchanged}",
        "places": "New households: {households}; new buildings: {buildings}",
        "rejected": "Not imported: {count} rows:",
        "warnings": "Notes:",
        "dry_run": "(preview: nothing was written)",
        "report": "The rows not imported, with the reasons, are in: {path}",
        "columns": "Columns: {columns}",
        "error": "gatedesk: {message}",
    },
}


def _text(language: str, key: str) -> str:
    return TEXT.get(language, TEXT["en"])[key]


def add_parsers(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "import", help="import a resident ledger (Excel .xlsx/.xls or CSV) into the registry"
    )
    parser.add_argument("file", type=Path, help="the ledger file")
    parser.add_argument("--sheet", help="the sheet to read (default: the first with data)")
    parser.add_argument(
        "--dry-run", action="store_true", help="check and count only; write nothing at all"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument(
        "--report", type=Path, metavar="PATH", help="where to write the rows not imported"
    )


def summary(plan: ImportPlan) -> dict:
    """The counts of a plan with stable keys (the --json output)."""
    headers = {c.index: c.header or f"#{c.index + 1}" for c in plan.layout.columns}
    mapping: dict[str, str] = {}
    for column, field in sorted(plan.mapping.items()):
        title = headers.get(column, f"#{column + 1}")
        mapping[title if title not in mapping else f"{title}#{column + 1}"] = field
    return {
        "file": plan.layout.path.name,
        "sheet": plan.layout.sheet,
        "header_row": plan.layout.header_row,
        "total_rows": plan.total_rows,
        "empty_rows": plan.empty_rows,
        "new": plan.new,
        "merged": plan.merged,
        "unchanged": plan.unchanged,
        "rejected": len(plan.rejected),
        "rejected_by_reason": plan.rejected_by_reason(),
        "warnings": {code: n for code, n in sorted(plan.warnings.items()) if n},
        "new_households": plan.new_households,
        "new_buildings": plan.new_buildings,
        "mapping": mapping,
    }


def _print_plan(plan: ImportPlan, counts: dict, language: str) -> None:
    say = lambda key, **values: print(_text(language, key).format(**values))  # noqa: E731
    say("file", file=counts["file"], sheet=counts["sheet"], row=counts["header_row"])
    columns = "，".join(f"{h}→{field_label(f, language)}" for h, f in counts["mapping"].items())
    say("columns", columns=columns)
    say("rows", total=counts["total_rows"], empty=counts["empty_rows"])
    say("counts", new=counts["new"], merged=counts["merged"], unchanged=counts["unchanged"])
    say("places", households=counts["new_households"], buildings=counts["new_buildings"])
    if counts["rejected"]:
        say("rejected", count=counts["rejected"])
        for code, n in counts["rejected_by_reason"].items():
            print(f"  {reason_text(code, language)}：{n}")
    if counts["warnings"]:
        say("warnings")
        for code, n in counts["warnings"].items():
            print(f"  {warning_text(code, language)}：{n}")


def run_import(args: argparse.Namespace) -> int:
    """Check the ledger and, without --dry-run, import it (one transaction)."""
    from desktop.commands import language

    lang = language(args.home)
    try:
        layout = read_layout(args.file, args.sheet)
        check_mapping(layout.guessed_mapping())
    except TableError as exc:
        print(_text(lang, "error").format(message=exc.text(lang)), file=sys.stderr)
        return 2
    from desktop.app import open_context

    context = open_context(args.home, demo=getattr(args, "demo", False))
    try:
        community_id = context.site.community_id
        plan = plan_import(context.sessions, community_id, layout, today=context.health.today())
        counts = summary(plan)
        if not args.dry_run:
            outcome = apply_import(
                context.sessions,
                community_id,
                plan,
                user_id=context.gate.operator_id,
                report_path=args.report,
            )
            counts.update(
                new=outcome.new,
                merged=outcome.merged,
                unchanged=outcome.unchanged,
                rejected=outcome.rejected,
            )
            counts["report"] = str(outcome.report_path) if outcome.report_path else None
    finally:
        context.close()
    counts["dry_run"] = args.dry_run
    if args.json:
        print(json.dumps(counts, ensure_ascii=False, indent=2))
        return 0
    _print_plan(plan, counts, lang)
    if args.dry_run:
        print(_text(lang, "dry_run"))
    elif counts.get("report"):
        print(_text(lang, "report").format(path=counts["report"]))
    return 0
