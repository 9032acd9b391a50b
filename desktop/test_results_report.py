"""What an import of a result list did, and the workbook of the rows it could not take."""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from db.enums import NucleicOutcome
from db.models import Household, Resident, Room, Unit
from desktop.gate import address_of
from desktop.masking import mask_id_number, mask_name
from desktop.messages import TEXT as ID_TEXT
from desktop.test_results_words import word
from desktop.verdicts import Address
from reports.workbook import Sheet, write_workbook

log = logging.getLogger(__name__)

UNMATCHED_REASONS = frozenset({"no_id", "bad_id", "not_resident"})
REPORT_SUFFIX = "_未匹配.xlsx"


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A row that was not matched to a resident, or not readable; personal data masked."""

    source_row: int  # 1-based row of the source sheet
    id_masked: str
    name_masked: str
    reason: str  # no_id, bad_id, not_resident, no_time, bad_time, future_time, no_result, …
    detail: str = ""  # e.g. bad_check_digit for bad_id, the word for bad_result

    @property
    def is_unmatched(self) -> bool:
        return self.reason in UNMATCHED_REASONS


@dataclass(frozen=True, slots=True)
class PositiveRow:
    source_row: int
    name_masked: str
    id_masked: str
    sampled_at: datetime  # community local time
    address: Address | None  # None when not a resident here
    resident_id: int | None


@dataclass(frozen=True)
class ResultImport:
    """The outcome of `import_results`: rows_read = matched + unmatched + invalid."""

    path: Path
    sheet: str
    dry_run: bool
    rows_read: int
    matched: int
    unmatched: tuple[RowProblem, ...]
    invalid: tuple[RowProblem, ...]
    duplicates: int  # readable rows already stored (or repeated in the file): not added
    added: int  # results stored by this import (or that a real import would store)
    added_unmatched: int  # of which without a resident, waiting for one to be registered
    linked_earlier: int  # earlier unmatched results that now found their resident
    outcomes: dict[NucleicOutcome, int] = field(default_factory=dict)
    positives: tuple[PositiveRow, ...] = ()
    report_path: Path | None = None
    report_error: str = ""

    def audit_detail(self) -> dict[str, object]:
        """Counts for the audit trail: never a name or an ID number."""
        return {
            "file": self.path.name,
            "sheet": self.sheet,
            "rows": self.rows_read,
            "matched": self.matched,
            "unmatched": len(self.unmatched),
            "invalid": len(self.invalid),
            "duplicates": self.duplicates,
            "added": self.added,
            "positives": len(self.positives),
            "outcomes": {outcome.value: n for outcome, n in self.outcomes.items()},
        }


def reason_text(problem: RowProblem, language: str = "zh_CN") -> str:
    """The reason of a problem row in words, with its detail ("身份证号无效：校验位…")."""
    text = word(language, problem.reason)
    detail = problem.detail
    if problem.reason == "bad_id" and detail:
        if detail == "id_as_number":
            detail = {
                "zh_CN": "Excel 把身份证号存成了数字，末几位已丢失：请把该列设为文本后重新录入",
                "en": "Excel stored the number as a number and lost its last digits: format "
                "the column as text and enter the numbers again",
            }.get(language, "")
        else:
            detail = ID_TEXT.get(language, ID_TEXT["en"]).get(detail, detail)
    if not detail:
        return text
    return text + ("：" if language == "zh_CN" else ": ") + detail


def positives_of(
    session: Session, valid: list[dict], residents: dict[str, int], timezone: str
) -> tuple[PositiveRow, ...]:
    """The positive rows, with the address of those who live here."""
    zone = ZoneInfo(timezone)
    rows = [row for row in valid if row["outcome"] is NucleicOutcome.POSITIVE]
    ids = {residents[row["id_number"]] for row in rows if row["id_number"] in residents}
    addresses: dict[int, Address | None] = {}
    if ids:
        query = (
            select(Resident)
            .where(Resident.id.in_(ids))
            .options(
                joinedload(Resident.household)
                .joinedload(Household.room)
                .joinedload(Room.unit)
                .joinedload(Unit.building)
            )
        )
        addresses = {r.id: address_of(r) for r in session.scalars(query).unique()}
    found = []
    for row in rows:
        resident_id = residents.get(row["id_number"])
        found.append(
            PositiveRow(
                source_row=row["row"],
                name_masked=mask_name(row["name"]),
                id_masked=mask_id_number(row["id_number"]),
                sampled_at=row["sampled_at"].astimezone(zone),
                address=addresses.get(resident_id) if resident_id else None,
                resident_id=resident_id,
            )
        )
    return tuple(sorted(found, key=lambda p: p.source_row))


def report_path_for(source: Path) -> Path:
    return source.with_name(source.stem + REPORT_SUFFIX)


def _original(value: object) -> object:
    if value is None or isinstance(value, str | int | float | bool | date):
        return value
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return str(value)


def write_report(
    result: ResultImport,
    headers: tuple[str, ...],
    problems: list[tuple[RowProblem, tuple[object, ...]]],
    *,
    day: date,
    language: str = "zh_CN",
) -> ResultImport:
    """Write the unmatched and invalid rows (original cells + reason) beside the source file.

    A report that cannot be written (read-only folder, file open in Excel) does not undo the
    import: the result says so in `report_error`.
    """
    if not problems:
        return result
    path = report_path_for(result.path)
    width = max([len(headers), *(len(cells) for _, cells in problems)])
    columns = [word(language, "source_row"), *headers, *[""] * (width - len(headers))]
    rows = [
        (
            problem.source_row,
            *map(_original, cells),
            *[None] * (width - len(cells)),
            reason_text(problem, language),
        )
        for problem, cells in sorted(problems, key=lambda item: item[0].source_row)
    ]
    sheet = Sheet(
        title=word(language, "report_sheet"),
        headers=[*columns, word(language, "reason")],
        rows=rows,
        preamble=(
            word(language, "report_title", result.path.name, day.isoformat()),
            word(language, "report_hint"),
        ),
    )
    try:
        write_workbook(path, [sheet])
    except OSError as exc:
        log.warning("report of unmatched rows not written: %s", exc)
        return dataclasses.replace(result, report_error=f"{path}: {exc.strerror or exc}")
    return dataclasses.replace(result, report_path=path)
