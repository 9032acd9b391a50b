"""The rejected-rows report: the rows not imported, as typed, with the reason for each.

Beside the source file by default ("<stem>_未导入行.xlsx"; when that file is open in Excel
and cannot be replaced, "<stem>_未导入行(2).xlsx" and so on). The sheet has the ledger's
header cells, then 原行号 (the source row) and 未导入原因 (reason and detail), one line per
rejected row with its original cells. Every text cell is stored as text
(reports/workbook.py), so a "name" such as =HYPERLINK(...) stays a string. The office fixes
the rows in this file and imports it again: its header row is found like the ledger's.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.ledger.reasons import (
    REPORT_REASON,
    REPORT_ROW,
    REPORT_SHEET,
    REPORT_SUFFIX,
    reason_text,
    report_word,
)
from reports.workbook import Sheet, write_workbook

if TYPE_CHECKING:
    from desktop.ledger.plan import ImportPlan

log = logging.getLogger(__name__)
ATTEMPTS = 20


def default_report_path(source: Path) -> Path:
    return source.with_name(f"{source.stem}{REPORT_SUFFIX}.xlsx")


def _candidates(source: Path):
    yield default_report_path(source)
    for n in range(2, ATTEMPTS + 1):
        yield source.with_name(f"{source.stem}{REPORT_SUFFIX}({n}).xlsx")


def _sheet(plan: ImportPlan, language: str) -> Sheet:
    header = list(plan.header) or [c.header for c in plan.layout.columns]
    width = max([len(header)] + [len(r.values) for r in plan.rejected])
    header += [""] * (width - len(header))
    reason_title = report_word(REPORT_REASON, language)
    row_title = report_word(REPORT_ROW, language)

    def lines():
        for row in plan.rejected:
            reason = reason_text(row.reason, language)
            if row.detail:
                reason = f"{reason}（{row.detail}）"
            cells = list(row.values) + [""] * (width - len(row.values))
            yield [*cells, row.source_row, reason]

    return Sheet(
        title=report_word(REPORT_SHEET, language),
        headers=[*header, row_title, reason_title],
        rows=lines(),
    )


def write_rejected_report(
    plan: ImportPlan, path: Path | None = None, *, language: str = "zh_CN"
) -> Path | None:
    """Write the rows not imported to an .xlsx file; None when every row was taken.

    Without `path` the file goes beside the ledger; raises OSError only when no name there
    (or the given path) can be written."""
    if not plan.rejected:
        return None
    if path is not None:
        return write_workbook(path, [_sheet(plan, language)])
    error: OSError | None = None
    for candidate in _candidates(plan.layout.path):
        try:
            return write_workbook(candidate, [_sheet(plan, language)])
        except PermissionError as exc:  # open in Excel (Windows locks it)
            log.warning("cannot write %s: %s", candidate.name, exc)
            error = exc
    assert error is not None
    raise error
