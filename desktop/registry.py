"""Registry reads for the office pages and the gate's name search (masked by default)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, joinedload, sessionmaker

from db.enums import Gender, HealthColor, ResidentKind, ResidentState
from db.models import Building, HealthCheckin, Household, KeyPerson, Resident, Room, Unit
from desktop.gate import address_of
from desktop.idnumber import normalize
from desktop.masking import mask_id_number, mask_name, mask_phone
from desktop.registry_query import (
    RegistryFilter,
    SortKey,
    filter_conditions,
    key_person_on,
    ordered,
)
from desktop.registry_tree import TreeBuilding, build_tree
from desktop.verdicts import Address

__all__ = [
    "HouseholdView",
    "RegistryFilter",
    "RegistryService",
    "ResidentRow",
    "SearchResult",
    "SortKey",
    "TreeBuilding",
    "age_on",
    "search_condition",
]

_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True, slots=True)
class ResidentRow:
    """One resident as the registry table shows it: masked."""

    id: int
    household_id: int | None
    name_masked: str
    gender: Gender
    age: int | None
    id_masked: str
    phone_masked: str
    address: Address | None
    kind: ResidentKind
    state: ResidentState
    health: HealthColor
    grid: str
    elderly_without_phone: bool = False
    key_person: bool = False


@dataclass(frozen=True, slots=True)
class HouseholdView:
    id: int
    address: Address | None
    phone_masked: str
    grid: str
    members: tuple[ResidentRow, ...]


@dataclass(frozen=True, slots=True)
class SearchResult:
    rows: tuple[ResidentRow, ...]
    total: int


@dataclass(frozen=True, slots=True)
class CheckinRow:
    """A resident of a building with today's check-in, for the bulk check-in list."""

    row: ResidentRow
    checked_in: bool
    fever: bool


def age_on(birth: date | None, today: date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def _row(resident: Resident, today: date, key_persons: frozenset[int] = frozenset()) -> ResidentRow:
    return ResidentRow(
        id=resident.id,
        household_id=resident.household_id,
        name_masked=mask_name(resident.name),
        gender=resident.gender,
        age=age_on(resident.birth_date, today),
        id_masked=mask_id_number(resident.id_number or ""),
        phone_masked=mask_phone(resident.phone),
        address=address_of(resident),
        kind=resident.kind,
        state=resident.state,
        health=resident.health_status,
        grid=resident.grid,
        elderly_without_phone=resident.elderly_without_phone,
        key_person=resident.id in key_persons,
    )


def _with_address(query: Select) -> Select:
    return query.options(
        joinedload(Resident.household)
        .joinedload(Household.room)
        .joinedload(Room.unit)
        .joinedload(Unit.building)
    )


def search_condition(text: str):
    """The WHERE clause for a registry search term, or None for an empty term.

    Names match anywhere; pinyin initials, room numbers and the last four digits of an ID
    number or phone match exactly, as office staff type them.
    """
    term = text.strip()
    if not term:
        return None
    if _CJK.search(term):
        return Resident.name.contains(term, autoescape=True)
    compact = normalize(term)
    if compact.isalpha():
        return Resident.name_initials.startswith(compact.lower(), autoescape=True)
    tail = compact[-4:]
    conditions = [Resident.id_tail == tail, Resident.phone_tail == tail]
    if len(compact) >= 15:
        conditions = [Resident.id_number == compact.upper()]
    elif compact.isdigit() and len(compact) <= 4:
        room_ids = select(Room.id).where(Room.number == compact)
        household_ids = select(Household.id).where(Household.room_id.in_(room_ids))
        conditions.append(Resident.household_id.in_(household_ids))
    return or_(*conditions)


class RegistryService:
    """Read access to residents and households for pages and the gate."""

    def __init__(self, sessions: sessionmaker[Session], community_id: int) -> None:
        self._sessions = sessions
        self._community_id = community_id

    @property
    def sessions(self) -> sessionmaker[Session]:
        return self._sessions

    @property
    def community_id(self) -> int:
        return self._community_id

    def _rows(self, session: Session, query: Select, today: date) -> tuple[ResidentRow, ...]:
        residents = list(session.scalars(_with_address(query)).unique())
        ids = [r.id for r in residents]
        marked: frozenset[int] = frozenset()
        if ids:
            marked = frozenset(
                session.scalars(
                    select(KeyPerson.resident_id)
                    .where(KeyPerson.resident_id.in_(ids))
                    .where(key_person_on(today))
                )
            )
        return tuple(_row(r, today, marked) for r in residents)

    def search(
        self,
        text: str,
        *,
        today: date,
        limit: int = 500,
        filters: RegistryFilter | None = None,
        order: SortKey = SortKey.ADDRESS,
        descending: bool = False,
    ) -> SearchResult:
        """Residents matching `text` (everyone when empty), ordered by address unless asked.

        Without `filters` every state is included (the gate must find moved-out people too);
        a `RegistryFilter` lists living residents unless it asks for other states.
        """
        base = select(Resident).where(Resident.community_id == self._community_id)
        condition = search_condition(text)
        if condition is not None:
            base = base.where(condition)
        if filters is not None:
            base = base.where(*filter_conditions(filters, today))
        with self._sessions() as session:
            total = session.scalar(select(func.count()).select_from(base.subquery())) or 0
            query = ordered(base, order, descending).limit(limit)
            rows = self._rows(session, query, today)
        return SearchResult(rows, total)

    def not_checked_in(self, day: date, *, today: date, limit: int = 300) -> SearchResult:
        """Residents living here with no check-in on `day`: elderly residents without a phone
        first (staff check them in by phone or visit), then by address."""
        checked = select(HealthCheckin.id).where(
            HealthCheckin.resident_id == Resident.id, HealthCheckin.day == day
        )
        base = (
            select(Resident)
            .where(Resident.community_id == self._community_id)
            .where(Resident.state == ResidentState.ACTIVE)
            .where(~checked.exists())
        )
        with self._sessions() as session:
            total = session.scalar(select(func.count()).select_from(base.subquery())) or 0
            query = base.order_by(
                Resident.elderly_without_phone.desc(), Resident.household_id, Resident.id
            ).limit(limit)
            rows = self._rows(session, query, today)
        return SearchResult(rows, total)

    def checkins_in(
        self, building_id: int, unit_id: int | None = None, *, day: date, today: date
    ) -> tuple[CheckinRow, ...]:
        """The living residents of a building (or one unit of it), by address, each with
        whether they checked in on `day`: two queries whatever the building's size."""
        filters = RegistryFilter(building_id=building_id, unit_id=unit_id)
        base = select(Resident).where(Resident.community_id == self._community_id)
        base = ordered(base.where(*filter_conditions(filters, today)), SortKey.ADDRESS)
        with self._sessions() as session:
            rows = self._rows(session, base, today)
            ids = [row.id for row in rows]
            done: dict[int, bool] = {}
            if ids:
                done = {
                    resident_id: fever
                    for resident_id, fever in session.execute(
                        select(HealthCheckin.resident_id, HealthCheckin.fever)
                        .where(HealthCheckin.resident_id.in_(ids))
                        .where(HealthCheckin.day == day)
                    )
                }
        return tuple(CheckinRow(row, row.id in done, done.get(row.id, False)) for row in rows)

    def tree(self) -> tuple[TreeBuilding, ...]:
        """Buildings → units → rooms → households with the number of residents living there,
        in natural order (2 before 10, 3 before 3A)."""
        with self._sessions() as session:
            return build_tree(session, self._community_id)

    def grids(self) -> tuple[str, ...]:
        """The grid names in use, for the filter."""
        with self._sessions() as session:
            names = session.scalars(
                select(Household.grid)
                .where(Household.community_id == self._community_id)
                .where(Household.grid != "")
                .distinct()
            )
            return tuple(sorted(names))

    def household(self, household_id: int, *, today: date) -> HouseholdView:
        """A household with its members."""
        with self._sessions() as session:
            household = session.get(Household, household_id)
            if household is None:
                raise LookupError(f"no household {household_id}")
            query = (
                select(Resident).where(Resident.household_id == household_id).order_by(Resident.id)
            )
            rows = self._rows(session, query, today)
            address = rows[0].address if rows else _room_address(session, household)
            return HouseholdView(
                id=household.id,
                address=address,
                phone_masked=mask_phone(household.phone),
                grid=household.grid,
                members=rows,
            )

    def resident(self, resident_id: int, *, today: date) -> ResidentRow:
        """One resident, masked."""
        with self._sessions() as session:
            query = select(Resident).where(Resident.id == resident_id)
            rows = self._rows(
                session, query.where(Resident.community_id == self._community_id), today
            )
        if not rows:
            raise LookupError(f"no resident {resident_id}")
        return rows[0]


def _room_address(session: Session, household: Household) -> Address | None:
    if household.room_id is None:
        return None
    room = session.get(Room, household.room_id)
    unit = session.get(Unit, room.unit_id)
    building = session.get(Building, unit.building_id)
    return Address(building=building.number, unit=unit.number, room=room.number)
