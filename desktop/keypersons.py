"""Key persons (重点人员): who is one, in which category, since when, and on whose word."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, sessionmaker

from db.base import utcnow
from db.enums import IsolationState, KeyPersonSource, ResidentState
from db.models import Household, IsolationOrder, KeyPerson, KeyPersonCategory, Resident
from desktop.bootstrap import BUILTIN_KEY_PERSON_CATEGORIES
from desktop.gate import address_of
from desktop.masking import mask_id_number, mask_name, mask_phone
from desktop.office_outbox import key_person_changed
from desktop.office_records import (
    RefusedError,
    audit,
    community_record,
    grid_of,
    resident_grid,
    with_address,
)
from desktop.registry import search_condition
from desktop.verdicts import Address

CATEGORY_NAME_MAX = 64
LIST_LIMIT = 2000
_BUILTIN_ORDER = {
    code: position for position, (code, _) in enumerate(BUILTIN_KEY_PERSON_CATEGORIES)
}


class KeyPersonError(RefusedError):
    """A request that cannot be carried out; `code` names it for the UI's message."""


@dataclass(frozen=True, slots=True)
class Category:
    id: int
    code: str
    name: str  # the stored name; built-in ones are shown through translations keyed by code
    builtin: bool


@dataclass(frozen=True, slots=True)
class KeyPersonFilter:
    """What the key-person list is narrowed to; None or empty means "any"."""

    category_id: int | None = None
    source: KeyPersonSource | None = None
    active_on: date | None = None
    grid: str | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class KeyPersonRow:
    """One key-person record as the office table shows it: masked."""

    id: int
    resident_id: int
    household_id: int | None
    name_masked: str
    id_masked: str
    phone_masked: str
    address: Address | None
    grid: str
    category: Category
    source: KeyPersonSource
    since: date
    until: date | None
    notes: str
    isolation: IsolationState | None  # ACTIVE while isolated, RELEASED after, None never

    def active_on(self, day: date) -> bool:
        return self.since <= day and (self.until is None or self.until >= day)


class KeyPersonService:
    """Categories and key-person records of one community."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        community_id: int,
        timezone: str,
        *,
        clock: Callable[[], datetime] = utcnow,
        operator_id: int | None = None,
    ) -> None:
        self._sessions = sessions
        self.community_id = community_id
        self._zone = ZoneInfo(timezone)
        self._clock = clock
        self.operator_id = operator_id

    def today(self) -> date:
        return self._clock().astimezone(self._zone).date()

    # -- categories -----------------------------------------------------------------------
    def categories(self) -> list[Category]:
        """The five built-in categories in the report's order, then the office's by name."""
        with self._sessions() as session:
            rows = session.scalars(select(KeyPersonCategory)).all()
        found = [Category(c.id, c.code, c.name, c.builtin) for c in rows]
        return sorted(
            found,
            key=lambda c: (not c.builtin, _BUILTIN_ORDER.get(c.code, 99), c.name.casefold(), c.id),
        )

    def add_category(self, name: str) -> int:
        """A category of the office's own. Errors: empty-name, name-too-long, duplicate-name
        (the same name, ignoring case and spaces around it)."""
        name = " ".join(name.split())
        if not name:
            raise KeyPersonError("empty-name")
        if len(name) > CATEGORY_NAME_MAX:
            raise KeyPersonError("name-too-long")
        now = self._clock()
        with self._sessions() as session, session.begin():
            names = session.scalars(select(KeyPersonCategory.name)).all()
            if name.casefold() in {n.casefold() for n in names}:
                raise KeyPersonError("duplicate-name")
            category = KeyPersonCategory(code=f"user-{uuid.uuid4().hex[:12]}", name=name)
            session.add(category)
            session.flush()
            audit(
                session, now, self.operator_id, "key-person-category.add", "category", category.id
            )
            return category.id

    # -- records --------------------------------------------------------------------------
    def add(
        self,
        resident_id: int,
        category_id: int,
        source: KeyPersonSource,
        since: date,
        until: date | None = None,
        notes: str = "",
    ) -> int:
        """Note a resident as a key person. Errors: no-resident, resident-not-active,
        no-category, until-before-since, already (a record of the same category overlaps)."""
        source = KeyPersonSource(source)
        now = self._clock()
        with self._sessions() as session, session.begin():
            self._check(session, None, resident_id, category_id, since, until)
            record = KeyPerson(
                resident_id=resident_id,
                category_id=category_id,
                source=source,
                since=since,
                until=until,
                notes=notes.strip(),
                created_at=now,
                updated_at=now,
            )
            session.add(record)
            session.flush()
            audit(
                session,
                now,
                self.operator_id,
                "key-person.add",
                "key_person",
                record.id,
                resident_id=resident_id,
                category_id=category_id,
                source=source.value,
                since=since,
                until=until,
            )
            key_person_changed(session, record, "added", now)
            return record.id

    def update(
        self,
        key_person_id: int,
        *,
        category_id: int,
        source: KeyPersonSource,
        since: date,
        until: date | None,
        notes: str,
    ) -> None:
        """Correct a record; the same checks as `add`, against the other records."""
        source = KeyPersonSource(source)
        now = self._clock()
        with self._sessions() as session, session.begin():
            record = self._record(session, key_person_id)
            self._check(session, record.id, record.resident_id, category_id, since, until)
            record.category_id, record.source = category_id, source
            record.since, record.until, record.notes = since, until, notes.strip()
            record.updated_at = now
            audit(session, now, self.operator_id, "key-person.update", "key_person", record.id)
            key_person_changed(session, record, "updated", now)

    def end(self, key_person_id: int, on: date) -> None:
        """The record ends on `on` (its last day). Errors: no-key-person, until-before-since,
        already-ended (it ended on or before that day already)."""
        now = self._clock()
        with self._sessions() as session, session.begin():
            record = self._record(session, key_person_id)
            if on < record.since:
                raise KeyPersonError("until-before-since")
            if record.until is not None and record.until <= on:
                raise KeyPersonError("already-ended")
            record.until = on
            record.updated_at = now
            audit(
                session,
                now,
                self.operator_id,
                "key-person.end",
                "key_person",
                record.id,
                resident_id=record.resident_id,
                until=on,
            )
            key_person_changed(session, record, "ended", now)

    def list(self, filters: KeyPersonFilter | None = None) -> list[KeyPersonRow]:
        """Records matching the filters, newest first, with masked personal columns."""
        filters = filters or KeyPersonFilter()
        query = (
            select(KeyPerson, KeyPersonCategory, Resident)
            .join(KeyPersonCategory, KeyPersonCategory.id == KeyPerson.category_id)
            .join(Resident, Resident.id == KeyPerson.resident_id)
            .outerjoin(Household, Household.id == Resident.household_id)
            .where(Resident.community_id == self.community_id)
        )
        if filters.category_id is not None:
            query = query.where(KeyPerson.category_id == filters.category_id)
        if filters.source is not None:
            query = query.where(KeyPerson.source == filters.source)
        if filters.active_on is not None:
            day = filters.active_on
            query = query.where(KeyPerson.since <= day).where(
                or_(KeyPerson.until.is_(None), KeyPerson.until >= day)
            )
        if filters.grid is not None:
            query = query.where(resident_grid() == filters.grid)
        condition = search_condition(filters.text)
        if condition is not None:
            query = query.where(condition)
        query = with_address(query.order_by(KeyPerson.since.desc(), KeyPerson.id.desc()))
        with self._sessions() as session:
            rows = session.execute(query.limit(LIST_LIMIT)).unique().all()
            states = self._isolation_states(session, {r.id for _, _, r in rows})
            return [
                KeyPersonRow(
                    id=record.id,
                    resident_id=resident.id,
                    household_id=resident.household_id,
                    name_masked=mask_name(resident.name),
                    id_masked=mask_id_number(resident.id_number or ""),
                    phone_masked=mask_phone(resident.phone),
                    address=address_of(resident),
                    grid=grid_of(resident),
                    category=Category(category.id, category.code, category.name, category.builtin),
                    source=record.source,
                    since=record.since,
                    until=record.until,
                    notes=record.notes,
                    isolation=states.get(resident.id),
                )
                for record, category, resident in rows
            ]

    # -- helpers --------------------------------------------------------------------------
    def _record(self, session: Session, key_person_id: int) -> KeyPerson:
        record = community_record(session, KeyPerson, key_person_id, self.community_id)
        if record is None:
            raise KeyPersonError("no-key-person")
        return record

    def _check(
        self,
        session: Session,
        own_id: int | None,
        resident_id: int,
        category_id: int,
        since: date,
        until: date | None,
    ) -> None:
        resident = session.get(Resident, resident_id)
        if resident is None or resident.community_id != self.community_id:
            raise KeyPersonError("no-resident")
        if resident.state is not ResidentState.ACTIVE:
            raise KeyPersonError("resident-not-active")
        if session.get(KeyPersonCategory, category_id) is None:
            raise KeyPersonError("no-category")
        if until is not None and until < since:
            raise KeyPersonError("until-before-since")
        overlapping = (
            select(KeyPerson.id)
            .where(KeyPerson.resident_id == resident_id)
            .where(KeyPerson.category_id == category_id)
            .where(or_(KeyPerson.until.is_(None), KeyPerson.until >= since))
        )
        if until is not None:
            overlapping = overlapping.where(KeyPerson.since <= until)
        if own_id is not None:
            overlapping = overlapping.where(KeyPerson.id != own_id)
        if session.scalars(overlapping.limit(1)).first() is not None:
            raise KeyPersonError("already")

    @staticmethod
    def _isolation_states(session: Session, resident_ids: set[int]) -> dict[int, IsolationState]:
        if not resident_ids:
            return {}
        found: dict[int, IsolationState] = {}
        for resident_id, state in session.execute(
            select(IsolationOrder.resident_id, IsolationOrder.state).where(
                and_(
                    IsolationOrder.resident_id.in_(resident_ids),
                    IsolationOrder.state != IsolationState.CANCELLED,
                )
            )
        ):
            if found.get(resident_id) is not IsolationState.ACTIVE:
                found[resident_id] = state
        return found
