"""The registry back to Excel: residents, households and key persons, masked by role.

The masking follows desktop/registry_reveal.py: gate staff get everything masked, grid
workers full names and phones with masked ID numbers, the secretary and admins everything.
A preamble line in the sheet says which applies. Every export that is not fully masked
writes an AuditEvent. Cells go through reports.workbook, so a name such as "=HYPERLINK(…)"
stays text and ID numbers and phones are always text cells.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session, sessionmaker

from db.base import utcnow
from db.enums import Relation, ResidentState, Role
from db.models import (
    AuditEvent,
    Building,
    Community,
    Household,
    KeyPerson,
    KeyPersonCategory,
    Resident,
    Room,
    Unit,
)
from desktop.registry import age_on
from desktop.registry_query import RegistryFilter, SortKey, filter_conditions, key_person_on
from desktop.registry_query import ordered as ordered_residents
from desktop.registry_reveal import NOTHING, Disclosure, Masking, disclosure_for
from desktop.registry_tree import natural_key
from reports.workbook import Sheet, Value, write_workbook

STREAM_ROWS = 2000

RESIDENT_COLUMNS = (
    "name", "gender", "birth_date", "age", "id_number", "phone", "building", "unit", "room",
    "relation", "kind", "grid", "state", "health", "elderly_without_phone", "key_person",
)  # fmt: skip
HOUSEHOLD_COLUMNS = (
    "building", "unit", "room", "head", "phone", "grid", "residents", "moved_out",
)  # fmt: skip
KEY_PERSON_COLUMNS = (
    "name", "id_number", "phone", "building", "unit", "room", "category", "source", "since",
    "until", "health", "notes",
)  # fmt: skip


class ExportKind(StrEnum):
    RESIDENTS = "residents"
    HOUSEHOLDS = "households"
    KEY_PERSONS = "key-persons"


def _english(name: str) -> str:
    return name.replace("_", " ").capitalize()


@dataclass(frozen=True)
class ExportText:
    """The words of an export; the UI passes them in its language (English by default)."""

    headers: Mapping[str, str] = field(default_factory=dict)
    titles: Mapping[ExportKind, str] = field(default_factory=dict)
    masking: Mapping[Masking, str] = field(default_factory=dict)
    # "%1": the community, "%2": the local time of the export.
    heading: str = "%1, exported %2"
    yes: str = "yes"
    enum_text: Callable[[StrEnum], str] = lambda value: value.value
    # (code, stored name) of a key-person category -> its name.
    category_text: Callable[[str, str], str] = lambda _code, name: name

    def header(self, column: str) -> str:
        return self.headers.get(column) or _english(column)

    def title(self, kind: ExportKind) -> str:
        return self.titles.get(kind) or _english(kind.value)

    def masking_line(self, masking: Masking) -> str:
        default = {
            Masking.ALL_MASKED: "Names, ID numbers and phones are masked.",
            Masking.ID_MASKED: "ID numbers are masked; names and phones are in full.",
            Masking.FULL: "Full personal data: keep this file safe and delete it after use.",
        }
        return self.masking.get(masking) or default[masking]


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    rows: int
    masking: Masking


class _Counted:
    """Rows passed through, counted, so the audit says how many left the building. Empty
    text becomes an empty cell rather than an empty string cell."""

    def __init__(self, rows: Iterator[Sequence[Value]]) -> None:
        self._rows = rows
        self.count = 0

    def __iter__(self) -> Iterator[Sequence[Value]]:
        for row in self._rows:
            self.count += 1
            yield [None if value == "" else value for value in row]


def _addressed(query: Select) -> Select:
    return (
        query.outerjoin(Room, Room.id == Household.room_id)
        .outerjoin(Unit, Unit.id == Room.unit_id)
        .outerjoin(Building, Building.id == Unit.building_id)
    )


class _Export:
    def __init__(self, sessions, community_id, path, role, masked, user_id, text, clock):
        self.sessions = sessions
        self.community_id = community_id
        self.path = Path(path)
        self.disclosure: Disclosure = NOTHING if masked else disclosure_for(role)
        self.role = Role(role)
        self.user_id = user_id
        self.text = text or ExportText()
        self.now = clock()

    def run(self, kind: ExportKind, columns, rows_of, filters: RegistryFilter | None):
        text = self.text
        with self.sessions() as session:
            community = session.get(Community, self.community_id)
            zone = ZoneInfo(community.timezone)
            local = self.now.astimezone(zone)
            heading = text.heading.replace("%1", community.name or community.code)
            heading = heading.replace("%2", local.strftime("%Y-%m-%d %H:%M"))
            rows = _Counted(rows_of(session, local))
            sheet = Sheet(
                title=text.title(kind),
                headers=[text.header(c) for c in columns],
                rows=rows,
                preamble=(f"{text.title(kind)} — {heading}", text.masking_line(self.masking)),
            )
            write_workbook(self.path, [sheet])
        if self.masking is not Masking.ALL_MASKED:
            with self.sessions() as session, session.begin():
                detail = {
                    "kind": kind.value,
                    "rows": rows.count,
                    "masking": self.masking.value,
                    "role": self.role.value,
                    "file": self.path.name,
                }
                if filters is not None:
                    detail["filters"] = filters.as_detail()
                session.add(
                    AuditEvent(
                        occurred_at=self.now,
                        user_id=self.user_id,
                        action="export",
                        target_kind=kind.value,
                        detail=detail,
                    )
                )
        return ExportResult(self.path, rows.count, self.masking)

    @property
    def masking(self) -> Masking:
        return self.disclosure.masking

    def enum(self, value) -> str:
        return self.text.enum_text(value) if value is not None else ""

    def flag(self, value: bool) -> str:
        return self.text.yes if value else ""


def export_residents(
    sessions: sessionmaker[Session],
    community_id: int,
    path: str | Path,
    *,
    role: Role | str,
    filters: RegistryFilter | None = None,
    masked: bool = False,
    user_id: int | None = None,
    text: ExportText | None = None,
    clock: Callable[[], datetime] = utcnow,
) -> ExportResult:
    """Residents (filtered as on the registry page) to an .xlsx ledger, by address."""
    job = _Export(sessions, community_id, path, role, masked, user_id, text, clock)
    chosen = filters or RegistryFilter()
    show = job.disclosure

    def rows(session: Session, local: datetime) -> Iterator[Sequence[Value]]:
        today = local.date()
        marked = Resident.id.in_(select(KeyPerson.resident_id).where(key_person_on(today)))
        query = select(
            Resident.name, Resident.gender, Resident.birth_date, Resident.id_number,
            Resident.phone, Building.number, Unit.number, Room.number, Resident.relation,
            Resident.kind, Resident.grid, Resident.state, Resident.health_status,
            Resident.elderly_without_phone, marked,
        ).select_from(Resident)  # fmt: skip
        query = query.where(Resident.community_id == community_id)
        query = ordered_residents(query.where(*filter_conditions(chosen, today)), SortKey.ADDRESS)
        for r in session.execute(query.execution_options(yield_per=STREAM_ROWS)):
            yield (
                show.show_name(r[0]), job.enum(r[1]), r[2], age_on(r[2], today), show.show_id(r[3]),
                show.show_phone(r[4]), r[5] or "", r[6] or "", r[7] or "", job.enum(r[8]),
                job.enum(r[9]), r[10], job.enum(r[11]), job.enum(r[12]), job.flag(r[13]),
                job.flag(bool(r[14])),
            )  # fmt: skip

    return job.run(ExportKind.RESIDENTS, RESIDENT_COLUMNS, rows, chosen)


def export_households(
    sessions: sessionmaker[Session],
    community_id: int,
    path: str | Path,
    *,
    role: Role | str,
    filters: RegistryFilter | None = None,
    masked: bool = False,
    user_id: int | None = None,
    text: ExportText | None = None,
    clock: Callable[[], datetime] = utcnow,
) -> ExportResult:
    """Households with their address, head, phone, grid and number of residents living there.
    The tree node and grid of `filters` apply; households nobody lives in are listed last."""
    job = _Export(sessions, community_id, path, role, masked, user_id, text, clock)
    chosen = filters or RegistryFilter()
    show = job.disclosure

    def rows(session: Session, local: datetime) -> Iterator[Sequence[Value]]:
        living: dict[int, int] = {
            household_id: number
            for household_id, number in session.execute(
                select(Resident.household_id, func.count())
                .where(Resident.community_id == community_id)
                .where(Resident.state == ResidentState.ACTIVE)
                .group_by(Resident.household_id)
            )
        }
        heads: dict[int, str] = {}
        for household_id, name, relation in session.execute(
            select(Resident.household_id, Resident.name, Resident.relation)
            .where(Resident.community_id == community_id)
            .where(Resident.state == ResidentState.ACTIVE)
            .order_by(Resident.id)
        ):
            if relation is Relation.HEAD or household_id not in heads:
                heads[household_id] = name
        query = _addressed(
            select(
                Household.id, Building.number, Unit.number, Room.number, Household.phone,
                Household.grid, Household.moved_out_at,
            ).select_from(Household)
        ).where(Household.community_id == community_id)  # fmt: skip
        subset = RegistryFilter(
            building_id=chosen.building_id,
            unit_id=chosen.unit_id,
            room_id=chosen.room_id,
            household_id=chosen.household_id,
        )
        for condition in _household_conditions(subset):
            query = query.where(condition)
        if chosen.grid:
            query = query.where(Household.grid == chosen.grid)
        found = session.execute(query).all()
        found.sort(
            key=lambda r: (
                r[6] is not None,
                natural_key(r[1] or ""),
                natural_key(r[2] or ""),
                natural_key(r[3] or ""),
                r[0],
            )
        )
        for hid, building, unit, room, phone, grid, moved_out in found:
            moved = moved_out.astimezone(local.tzinfo).date() if moved_out else None
            yield (
                building or "", unit or "", room or "", show.show_name(heads.get(hid, "")),
                show.show_phone(phone), grid, living.get(hid, 0), moved,
            )  # fmt: skip

    return job.run(ExportKind.HOUSEHOLDS, HOUSEHOLD_COLUMNS, rows, chosen)


def _household_conditions(subset: RegistryFilter):
    if subset.household_id is not None:
        return [Household.id == subset.household_id]
    if subset.room_id is not None:
        return [Room.id == subset.room_id]
    if subset.unit_id is not None:
        return [Unit.id == subset.unit_id]
    if subset.building_id is not None:
        return [Building.id == subset.building_id]
    return []


def export_key_persons(
    sessions: sessionmaker[Session],
    community_id: int,
    path: str | Path,
    *,
    role: Role | str,
    filters: RegistryFilter | None = None,
    masked: bool = False,
    user_id: int | None = None,
    text: ExportText | None = None,
    clock: Callable[[], datetime] = utcnow,
) -> ExportResult:
    """Key persons whose category applies today (one row per person and category), by
    address, for the residents `filters` selects."""
    job = _Export(sessions, community_id, path, role, masked, user_id, text, clock)
    chosen = filters or RegistryFilter()
    show = job.disclosure

    def rows(session: Session, local: datetime) -> Iterator[Sequence[Value]]:
        today = local.date()
        query = (
            select(
                Resident.name, Resident.id_number, Resident.phone, Building.number, Unit.number,
                Room.number, KeyPersonCategory.code, KeyPersonCategory.name, KeyPerson.source,
                KeyPerson.since, KeyPerson.until, Resident.health_status, KeyPerson.notes,
            )
            .select_from(Resident)
            .join(KeyPerson, and_(KeyPerson.resident_id == Resident.id, key_person_on(today)))
            .join(KeyPersonCategory, KeyPersonCategory.id == KeyPerson.category_id)
            .where(Resident.community_id == community_id)
            .where(*filter_conditions(chosen, today))
        )  # fmt: skip
        query = ordered_residents(query, SortKey.ADDRESS)
        for r in session.execute(query.execution_options(yield_per=STREAM_ROWS)):
            yield (
                show.show_name(r[0]), show.show_id(r[1]), show.show_phone(r[2]), r[3] or "",
                r[4] or "", r[5] or "", job.text.category_text(r[6], r[7]), job.enum(r[8]),
                r[9], r[10], job.enum(r[11]), r[12],
            )  # fmt: skip

    return job.run(ExportKind.KEY_PERSONS, KEY_PERSON_COLUMNS, rows, chosen)


EXPORTERS = {
    ExportKind.RESIDENTS: export_residents,
    ExportKind.HOUSEHOLDS: export_households,
    ExportKind.KEY_PERSONS: export_key_persons,
}
