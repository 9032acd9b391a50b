"""Registry reads for the office pages and the gate's name search (masked by default)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, joinedload, sessionmaker

from db.enums import Gender, HealthColor, ResidentKind, ResidentState
from db.models import HealthCheckin, Household, Resident, Room, Unit
from desktop.gate import address_of
from desktop.idnumber import normalize
from desktop.masking import mask_id_number, mask_name, mask_phone
from desktop.verdicts import Address

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


def age_on(birth: date | None, today: date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def _row(resident: Resident, today: date) -> ResidentRow:
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

    def search(self, text: str, *, today: date, limit: int = 500) -> SearchResult:
        """Residents matching `text` (everyone when empty), ordered by address."""
        base = select(Resident).where(Resident.community_id == self._community_id)
        condition = search_condition(text)
        if condition is not None:
            base = base.where(condition)
        with self._sessions() as session:
            total = session.scalar(select(func.count()).select_from(base.subquery())) or 0
            query = _with_address(base.order_by(Resident.household_id, Resident.id).limit(limit))
            rows = tuple(_row(r, today) for r in session.scalars(query).unique())
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
            query = _with_address(
                base.order_by(
                    Resident.elderly_without_phone.desc(), Resident.household_id, Resident.id
                ).limit(limit)
            )
            rows = tuple(_row(r, today) for r in session.scalars(query).unique())
        return SearchResult(rows, total)

    def household(self, household_id: int, *, today: date) -> HouseholdView:
        """A household with its members."""
        with self._sessions() as session:
            household = session.get(Household, household_id)
            if household is None:
                raise LookupError(f"no household {household_id}")
            members = session.scalars(
                _with_address(
                    select(Resident)
                    .where(Resident.household_id == household_id)
                    .order_by(Resident.id)
                )
            ).unique()
            rows = tuple(_row(r, today) for r in members)
            return HouseholdView(
                id=household.id,
                address=rows[0].address if rows else None,
                phone_masked=mask_phone(household.phone),
                grid=household.grid,
                members=rows,
            )
