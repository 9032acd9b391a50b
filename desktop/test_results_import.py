"""Importing a nucleic-acid result list (核酸检测结果): read, match to residents, store, report.

Rules:
- A row needs an ID number, a sample time and a result word; rows without any of the three
  (titles, totals, "制表人：…") are not data and are skipped without a word.
- Rows with an unreadable sample time or result are "invalid" and not stored.
- Rows with a valid ID number that no resident of this community has are stored with
  `resident_id` NULL and reported as unmatched: once the resident is registered they count
  (see `link_results`). Rows with a missing or wrong ID number are reported only.
- A row equal to a stored result (same ID number, sample time and result), or to an earlier
  row of the same file, is a duplicate: importing a list twice adds nothing.
- Sample times are read in the community's time zone and stored in UTC.
- Everything is stored in one transaction, with an AuditEvent "test-results-import"; the rows
  not matched or not readable go into "<stem>_未匹配.xlsx" beside the source file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, sessionmaker

from db.base import utcnow
from db.enums import NucleicOutcome
from db.models import AuditEvent, Community, NucleicTestResult, Resident
from desktop.idnumber import IdNumberError, parse
from desktop.masking import mask_id_number, mask_name
from desktop.tables import read_table
from desktop.test_results import link_results
from desktop.test_results_layout import Layout, find_layout, row_values
from desktop.test_results_report import (
    ResultImport,
    RowProblem,
    positives_of,
    write_report,
)
from desktop.test_results_values import parse_outcome, parse_sample_time

Progress = Callable[[int, int], None]
CHUNK = 500
# A clock a little ahead of the PC that printed the list is not a typo; more is.
FUTURE_TOLERANCE = timedelta(hours=1)


class Cancelled(Exception):
    """The person cancelled the import; nothing was stored."""


def _id_number(raw: object, text: str, today) -> tuple[str | None, str, str]:
    """(number, reason, detail): the normalised number, or why there is none."""
    if not text:
        return None, "no_id", ""
    if isinstance(raw, float) and raw >= 1e14:
        return None, "bad_id", "id_as_number"
    try:
        return parse(text, today=today).number, "", ""
    except IdNumberError as exc:
        return None, "bad_id", exc.code


def _chunks(items: list, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


class _Run:
    """One import: the parsed rows and what became of them."""

    def __init__(self, session: Session, community_id: int, zone: ZoneInfo, now: datetime):
        self.session = session
        self.community_id = community_id
        self.zone = zone
        self.now = now
        self.problems: list[tuple[RowProblem, tuple[object, ...]]] = []
        self.valid: list[dict] = []  # rows ready to store, with their source row and name

    def read(self, layout: Layout, rows, progress, cancelled) -> int:
        count = 0
        today = self.now.astimezone(self.zone).date()
        for done, (source_row, cells) in enumerate(rows, start=1):
            values = row_values(layout, source_row, cells)
            if not (values.id_text or values.time_raw not in (None, "") or values.result_raw):
                continue
            count += 1
            problem = self._check(values, today)
            if problem is not None:
                self.problems.append((RowProblem(source_row, *problem), cells))
            if done % CHUNK == 0:
                _tick(progress, cancelled, done, len(rows))
        return count

    def _check(self, values, today) -> tuple[str, str, str, str] | None:
        masked_id = mask_id_number(values.id_text)
        masked_name = mask_name(values.name)
        try:
            sampled = parse_sample_time(values.time_raw, self.zone)
        except (ValueError, OverflowError):
            return masked_id, masked_name, "bad_time", str(values.time_raw)[:40]
        if sampled is None:
            return masked_id, masked_name, "no_time", ""
        if sampled > self.now + FUTURE_TOLERANCE:
            return masked_id, masked_name, "future_time", sampled.strftime("%Y-%m-%d %H:%M")
        try:
            outcome = parse_outcome(values.result_raw)
        except ValueError as exc:
            return masked_id, masked_name, "bad_result", str(exc)[:40]
        if outcome is None:
            return masked_id, masked_name, "no_result", ""
        number, reason, detail = _id_number(values.id_raw, values.id_text, today)
        if number is None:
            return masked_id, masked_name, reason, detail
        self.valid.append(
            {
                "row": values.source_row,
                "name": values.name,
                "cells": values.cells,
                "id_number": number,
                "sampled_at": sampled,
                "outcome": outcome,
            }
        )
        return None

    def residents(self, numbers: list[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for chunk in _chunks(numbers):
            found.update(
                self.session.execute(
                    select(Resident.id_number, Resident.id)
                    .where(Resident.community_id == self.community_id)
                    .where(Resident.id_number.in_(chunk))
                ).all()
            )
        return found

    def stored_keys(self, numbers: list[str]) -> set[tuple[str, datetime, NucleicOutcome]]:
        keys = set()
        for chunk in _chunks(numbers):
            # Plain tuples: every `key in stored` would otherwise go through Row.__eq__.
            keys.update(
                tuple(row)
                for row in self.session.execute(
                    select(
                        NucleicTestResult.id_number,
                        NucleicTestResult.sampled_at,
                        NucleicTestResult.outcome,
                    ).where(NucleicTestResult.id_number.in_(chunk))
                )
            )
        return keys


def _tick(progress: Progress | None, cancelled, done: int, total: int) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled()
    if progress is not None:
        progress(done, total)


def import_results(
    sessions: sessionmaker[Session],
    community_id: int,
    path: str | Path,
    *,
    source: str = "",
    sheet: str | None = None,
    clock: Callable[[], datetime] = utcnow,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ResultImport:
    """Import a result list (.xlsx/.xls/.csv) following the rules of this module.

    With `dry_run` nothing is stored and no report is written: the counts say what an import
    would do. Raises desktop.tables.TableError for a file that cannot be read or has no
    ID number, sample time and result columns; Cancelled when `cancelled()` turns true.
    """
    path = Path(path)
    table = read_table(path, sheet)
    layout = find_layout(table.rows)
    data = list(enumerate(table.rows[layout.header_index + 1 :], start=layout.header_index + 2))
    now = clock()
    # No `session.begin()` block: a dry run ends by closing the session, which rolls back.
    with sessions() as session:
        community = session.get(Community, community_id)
        if community is None:
            raise LookupError(f"no community {community_id}")
        run = _Run(session, community_id, ZoneInfo(community.timezone), now)
        rows_read = run.read(layout, data, progress, cancelled)
        numbers = sorted({row["id_number"] for row in run.valid})
        residents = run.residents(numbers)
        stored = run.stored_keys(numbers)
        _tick(progress, cancelled, len(data), len(data))
        linked = 0 if dry_run else link_results(session, community_id)
        added: list[dict] = []
        duplicates = matched = 0
        outcomes: dict[NucleicOutcome, int] = {}
        for row in run.valid:
            resident_id = residents.get(row["id_number"])
            outcomes[row["outcome"]] = outcomes.get(row["outcome"], 0) + 1
            if resident_id is None:
                problem = RowProblem(
                    row["row"],
                    mask_id_number(row["id_number"]),
                    mask_name(row["name"]),
                    "not_resident",
                    "",
                )
                run.problems.append((problem, row["cells"]))
            else:
                matched += 1
            key = (row["id_number"], row["sampled_at"], row["outcome"])
            if key in stored:
                duplicates += 1
                continue
            stored.add(key)
            added.append(
                {
                    "resident_id": resident_id,
                    "id_number": row["id_number"],
                    "sampled_at": row["sampled_at"],
                    "outcome": row["outcome"],
                    "source": (source or path.name)[:200],
                    "imported_at": now,
                }
            )
        positives = positives_of(session, run.valid, residents, community.timezone)
        result = ResultImport(
            path=path,
            sheet=table.sheet,
            dry_run=dry_run,
            rows_read=rows_read,
            matched=matched,
            unmatched=tuple(
                sorted((p for p, _ in run.problems if p.is_unmatched), key=lambda p: p.source_row)
            ),
            invalid=tuple(
                sorted(
                    (p for p, _ in run.problems if not p.is_unmatched), key=lambda p: p.source_row
                )
            ),
            duplicates=duplicates,
            added=len(added),
            added_unmatched=sum(1 for row in added if row["resident_id"] is None),
            linked_earlier=linked,
            outcomes=outcomes,
            positives=positives,
        )
        if dry_run:
            return result
        if added:
            session.execute(insert(NucleicTestResult), added)
        session.add(
            AuditEvent(
                occurred_at=now,
                action="test-results-import",
                target_kind="test_result",
                detail=result.audit_detail(),
            )
        )
        session.commit()
    return write_report(
        result, layout.headers, run.problems, day=run.now.astimezone(run.zone).date()
    )


__all__ = ["Cancelled", "Progress", "ResultImport", "RowProblem", "import_results"]
