"""The preview of an import: every row read, checked and matched, nothing written.

Counts add up: new + merged + unchanged + rejected + empty_rows = total_rows, the rows
under the header down to the last filled one. Empty rows, rows repeating the header and
note lines (a footer such as "填表人：李主任", a note merged across the row) are skipped
and counted as empty.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from desktop.ledger.columns import LedgerLayout, check_mapping, data_range, load_table
from desktop.ledger.decide import decide
from desktop.ledger.rows import (
    LedgerRow,
    RejectedRow,
    RowChecker,
    is_blank,
    is_note,
    repeats_header,
)
from desktop.ledger.state import load_state
from desktop.tables import cell_text, header_key

Progress = Callable[[int, int], None]
STEP = 2000  # rows between progress reports and cancel checks
_HEADER_LIKE = frozenset({"id_missing", "id_bad_chars", "id_bad_length"})


class ImportCancelled(Exception):
    """The person cancelled the preview; nothing was written."""


@dataclass(frozen=True)
class ImportPlan:
    layout: LedgerLayout
    mapping: dict[int, str]
    total_rows: int
    empty_rows: int
    new: int
    merged: int
    unchanged: int
    rejected: tuple[RejectedRow, ...]
    new_households: int
    new_buildings: int
    warnings: dict[str, int]
    # What apply_import needs: the accepted rows (matched again at apply time), the rows
    # refused while reading, the header cells for the report, the checker's warnings.
    rows: tuple[LedgerRow, ...] = field(default=(), repr=False)
    file_rejected: tuple[RejectedRow, ...] = field(default=(), repr=False)
    header: tuple[str, ...] = field(default=(), repr=False)
    row_warnings: dict[str, int] = field(default_factory=dict, repr=False)

    def rejected_by_reason(self) -> dict[str, int]:
        """Rejected rows per reason code, most frequent first."""
        return dict(Counter(row.reason for row in self.rejected).most_common())


@dataclass(frozen=True)
class CheckedRows:
    rows: tuple[LedgerRow, ...]
    rejected: tuple[RejectedRow, ...]
    total: int
    empty: int
    header: tuple[str, ...]
    warnings: dict[str, int]


def _title(rows, index: int, column: int) -> str:
    """A column's own title: the header row's cell, or the group cell above an empty one."""
    for i in (index, index - 1):
        if 0 <= i < len(rows) and column < len(rows[i]):
            text = cell_text(rows[i][column])
            if text:
                return text
    return ""


def check_rows(
    layout: LedgerLayout,
    mapping: dict[int, str],
    today: date,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> CheckedRows:
    """Read the sheet again (or take it from the cache) and check every data row."""
    table = load_table(layout.path, layout.sheet)
    index = layout.header_row - 1
    titles = [_title(table.rows, index, c.index) or c.header for c in layout.columns]
    header = tuple(titles)
    header_keys = {c: header_key(titles[c]) for c in mapping if c < len(titles)}
    columns = {f: c for c, f in mapping.items()}
    checker = RowChecker(columns, today)
    body = data_range(table, index)
    accepted: list[LedgerRow] = []
    rejected: list[RejectedRow] = []
    empty = 0
    for done, i in enumerate(body):
        if done % STEP == 0:
            if cancelled is not None and cancelled():
                raise ImportCancelled
            if progress is not None:
                progress(done, len(body))
        cells = table.rows[i]
        if is_blank(cells) or is_note(cells, columns):
            empty += 1
            continue
        result = checker.check(i + 1, cells)
        if isinstance(result, LedgerRow):
            accepted.append(result)
        elif result.reason in _HEADER_LIKE and repeats_header(cells, header_keys):
            # A header repeated further down never has a valid ID number: looked for
            # only among those rows, it costs nothing on the good ones.
            empty += 1
        else:
            rejected.append(result)
    return CheckedRows(
        tuple(accepted), tuple(rejected), len(body), empty, header, dict(checker.warnings)
    )


def plan_import(
    sessions: sessionmaker[Session],
    community_id: int,
    layout: LedgerLayout,
    mapping: Mapping[int, str | None] | None = None,
    *,
    today: date,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportPlan:
    """Read and check the ledger and match it against the registry; writes nothing.

    `mapping` (column index → field, None for an unused column) defaults to the guessed one.
    Raises TableError (file unreadable, a required field without a column) and
    ImportCancelled when `cancelled()` turns true.
    """
    chosen = check_mapping(layout.guessed_mapping() if mapping is None else mapping)
    checked = check_rows(layout, chosen, today, progress, cancelled)
    if cancelled is not None and cancelled():
        raise ImportCancelled
    with sessions() as session:
        state = load_state(session, community_id)
    decision = decide(checked.rows, state, community_id)
    if progress is not None:
        progress(checked.total, checked.total)
    warnings = Counter(checked.warnings) + decision.warnings
    rejected = sorted(checked.rejected + tuple(decision.rejected), key=lambda r: r.source_row)
    return ImportPlan(
        layout=layout,
        mapping=chosen,
        total_rows=checked.total,
        empty_rows=checked.empty,
        new=len(decision.new),
        merged=len(decision.merged),
        unchanged=decision.unchanged,
        rejected=tuple(rejected),
        new_households=len(decision.new_households),
        new_buildings=len(decision.new_buildings),
        warnings=dict(warnings),
        rows=checked.rows,
        file_rejected=checked.rejected,
        header=checked.header,
        row_warnings=checked.warnings,
    )
