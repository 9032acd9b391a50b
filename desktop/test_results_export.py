"""The untested list as Excel and as a printable PDF, and the service the office page uses."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from db.base import utcnow
from db.models import Community
from desktop.test_results import (
    Area,
    AreaChoices,
    UntestedList,
    address_label,
    area_choices,
    area_label,
    last_label,
    untested,
)
from desktop.test_results_import import Cancelled, Progress, ResultImport, import_results
from desktop.test_results_words import word
from reports.untested import UntestedSheet, render_untested_pdf
from reports.workbook import Sheet, write_workbook


def _note(elderly_without_phone: bool, language: str) -> str:
    return word(language, "elderly_no_phone") if elderly_without_phone else ""


def export_untested(
    lst: UntestedList, path: str | Path, *, at: datetime | None = None, language: str = "zh_CN"
) -> Path:
    """Write the list to an .xlsx file: a preamble (community, area, days, date, masking) and
    one masked row per resident."""
    at = at or datetime.now()
    rows = []
    for i, person in enumerate(lst.residents, start=1):
        when, outcome = last_label(person.last, language)
        rows.append(
            (
                i,
                person.name_masked,
                person.id_masked,
                person.phone_masked,
                address_label(person.address, language),
                person.grid,
                when,
                outcome,
                _note(person.elderly_without_phone, language),
            )
        )
    preamble = (
        word(language, "untested_title", lst.community_name, lst.days),
        word(language, "untested_area", area_label(lst.area, language)),
        word(language, "untested_window", lst.since.isoformat(), lst.today.isoformat()),
        word(
            language, "untested_count", len(lst.residents), lst.days, area_label(lst.area, language)
        ),
        word(language, "exported", at.strftime("%Y-%m-%d %H:%M")),
    )
    sheet = Sheet(
        title=word(language, "untested_sheet"),
        headers=word(language, "untested_headers").split("|"),
        rows=rows,
        preamble=preamble,
    )
    return write_workbook(path, [sheet])


def print_untested(
    lst: UntestedList, path: str | Path, *, at: datetime | None = None, language: str = "zh_CN"
) -> Path:
    """Write the list as an A4 PDF with page numbers and signature lines.

    Raises reports.pdf.FontNotFound when the PC has no Chinese TrueType font."""
    rows = []
    for person in lst.residents:
        when, outcome = last_label(person.last, language)
        rows.append(
            (
                person.name_masked,
                person.id_masked,
                person.phone_masked,
                address_label(person.address, language),
                person.grid,
                f"{when[:10]} {outcome}".strip(),
                _note(person.elderly_without_phone, language),
            )
        )
    sheet = UntestedSheet(
        community=lst.community_name,
        area=area_label(lst.area, language),
        days=lst.days,
        since=lst.since,
        today=lst.today,
        active_in_area=lst.active_in_area,
        printed_at=at or datetime.now(),
        rows=rows,
    )
    return render_untested_pdf(path, sheet, language=language)


class TestResultsService:
    """Test-result import and the untested list for one community, with one clock."""

    __test__ = False  # not a pytest test class, whatever its name

    def __init__(
        self,
        sessions: sessionmaker[Session],
        community_id: int,
        *,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self.community_id = community_id
        self._clock = clock
        with sessions() as session:
            community = session.get(Community, community_id)
            if community is None:
                raise LookupError(f"no community {community_id}")
            self.zone = ZoneInfo(community.timezone)

    def now(self) -> datetime:
        """The current time in the community's zone."""
        return self._clock().astimezone(self.zone)

    def import_file(
        self,
        path: str | Path,
        *,
        dry_run: bool = False,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ResultImport:
        """Import (or, with `dry_run`, only check) a result list; see `import_results`."""
        return import_results(
            self._sessions,
            self.community_id,
            path,
            clock=self._clock,
            dry_run=dry_run,
            progress=progress,
            cancelled=cancelled,
        )

    def untested(self, *, days: int, area: Area) -> UntestedList:
        """See `desktop.test_results.untested`."""
        return untested(self._sessions, self.community_id, days=days, area=area, now=self._clock())

    def area_choices(self) -> AreaChoices:
        return area_choices(self._sessions, self.community_id)

    def export(self, lst: UntestedList, path: str | Path, *, language: str = "zh_CN") -> Path:
        """The list as .xlsx; see `export_untested`."""
        at = self.now().replace(tzinfo=None)
        return export_untested(lst, path, at=at, language=language)

    def print_pdf(self, lst: UntestedList, path: str | Path, *, language: str = "zh_CN") -> Path:
        """The list as a printable PDF; see `print_untested`."""
        at = self.now().replace(tzinfo=None)
        return print_untested(lst, path, at=at, language=language)


__all__ = ["Cancelled", "TestResultsService", "export_untested", "print_untested"]
