"""Outbox rows of the office's records: registry, key-person and isolation changes.

specs/sync.md: every record the city needs writes its outbox row in the same transaction as
the record. A row carries a snapshot of the record after the change (not a diff), so the city
can apply rows in any order per record by `changed_at`, and a lost row is healed by the next.
Records are named by community code plus the local id, and the person by the ID number.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from db.models import (
    Building,
    Community,
    Household,
    IsolationFollowUp,
    IsolationOrder,
    KeyPerson,
    KeyPersonCategory,
    OutboxItem,
    Resident,
    Room,
    Unit,
)

RESIDENT = "resident"
KEY_PERSON = "key-person"
ISOLATION = "isolation"
FOLLOW_UP = "isolation-follow-up"
CHUNK = 5000
# The resident's fields the city keeps (notes stay in the office).
SNAPSHOT_FIELDS = (
    "name",
    "gender",
    "birth_date",
    "phone",
    "relation",
    "kind",
    "grid",
    "state",
    "elderly_without_phone",
    "lives_alone",
)


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def community_code(session: Session, community_id: int) -> str:
    return session.scalar(select(Community.code).where(Community.id == community_id)) or ""


def _row(kind: str, payload: Mapping[str, Any], at: datetime) -> dict[str, Any]:
    return {
        "kind": kind,
        "payload": {key: _plain(value) for key, value in payload.items()},
        "schema_version": 1,
        "idempotency_key": uuid.uuid4().hex,
        "created_at": at,
    }


def resident_payload(
    code: str,
    resident_id: int,
    id_number: str | None,
    values: Mapping[str, Any],
    place: tuple[str, str, str] | None,
    change: str,
    at: datetime,
) -> dict[str, Any]:
    """A resident after `change` (created, updated, imported, moved, moved-out, deceased,
    restored, merged-away): who, where, and the registry fields the city keeps."""
    building, unit, room = place or ("", "", "")
    return {
        "community": code,
        "local_id": resident_id,
        "change": change,
        "changed_at": at,
        "id_number": id_number,
        "building": building,
        "unit": unit,
        "room": room,
    } | {name: values.get(name) for name in SNAPSHOT_FIELDS}


def _place_of(session: Session, household_id: int | None) -> tuple[str, str, str] | None:
    if household_id is None:
        return None
    found = session.execute(
        select(Building.number, Unit.number, Room.number)
        .select_from(Household)
        .join(Room, Household.room_id == Room.id)
        .join(Unit, Room.unit_id == Unit.id)
        .join(Building, Unit.building_id == Building.id)
        .where(Household.id == household_id)
    ).first()
    return tuple(found) if found else None  # type: ignore[return-value]


def resident_changed(
    session: Session,
    resident: Resident,
    change: str,
    at: datetime,
    *,
    extra: Mapping[str, Any] | None = None,
) -> None:
    """Queue the resident as it stands now (call after flush, inside the change's
    transaction); `extra` adds fields such as the record a duplicate was merged into."""
    values = {column: getattr(resident, column) for column in SNAPSHOT_FIELDS}
    payload = resident_payload(
        community_code(session, resident.community_id),
        resident.id,
        resident.id_number,
        values,
        _place_of(session, resident.household_id),
        change,
        at,
    )
    session.add(OutboxItem(**_row(RESIDENT, payload | dict(extra or {}), at)))


def queue_many(session: Session, kind: str, payloads: Iterable[Mapping[str, Any]], at: datetime):
    """Insert many outbox rows at once (a ledger import queues one per resident written)."""
    batch: list[dict[str, Any]] = []
    for payload in payloads:
        batch.append(_row(kind, payload, at))
        if len(batch) >= CHUNK:
            session.execute(insert(OutboxItem.__table__), batch)
            batch = []
    if batch:
        session.execute(insert(OutboxItem.__table__), batch)


def key_person_changed(session: Session, record: KeyPerson, change: str, at: datetime) -> None:
    """Queue a key-person record (added, updated, ended) with its person and category."""
    resident = session.get(Resident, record.resident_id)
    category = session.get(KeyPersonCategory, record.category_id)
    payload = {
        "community": community_code(session, resident.community_id) if resident else "",
        "local_id": record.id,
        "change": change,
        "changed_at": at,
        "id_number": resident.id_number if resident else None,
        "category": category.code if category else None,
        "category_name": category.name if category else None,
        "source": record.source,
        "since": record.since,
        "until": record.until,
    }
    session.add(OutboxItem(**_row(KEY_PERSON, payload, at)))


def isolation_changed(session: Session, order: IsolationOrder, change: str, at: datetime) -> None:
    """Queue an isolation order (started, released, cancelled) as it stands now."""
    resident = session.get(Resident, order.resident_id)
    payload = {
        "community": community_code(session, resident.community_id) if resident else "",
        "local_id": order.id,
        "change": change,
        "changed_at": at,
        "id_number": resident.id_number if resident else None,
        "kind": order.kind,
        "place": order.place,
        "start_date": order.start_date,
        "planned_end_date": order.planned_end_date,
        "state": order.state,
        "released_at": order.released_at,
    }
    session.add(OutboxItem(**_row(ISOLATION, payload, at)))


def follow_up_recorded(
    session: Session, order: IsolationOrder, follow_up: IsolationFollowUp, fever: bool
) -> None:
    """Queue a follow-up of a person in isolation: temperature, symptoms, fever flag."""
    resident = session.get(Resident, order.resident_id)
    payload = {
        "community": community_code(session, resident.community_id) if resident else "",
        "local_id": follow_up.id,
        "order": order.id,
        "id_number": resident.id_number if resident else None,
        "followed_at": follow_up.followed_at,
        "temperature_c": follow_up.temperature_c,
        "symptoms": follow_up.symptoms,
        "fever": fever,
    }
    session.add(OutboxItem(**_row(FOLLOW_UP, payload, follow_up.followed_at)))
