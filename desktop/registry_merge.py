"""Merging two records of one person: every row that points at the duplicate moves over.

The tables are found from the schema (every foreign key to resident.id), so a table added
later is merged too. Daily check-ins are one per resident and day: on a day both records
checked in, the kept check-in stays and takes the other's fever and symptoms.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from db.base import Base
from db.enums import Gender, HealthColor, IsolationState, ResidentState, StatusSource
from db.models import HealthCheckin, HealthStatusChange, IsolationOrder, Resident
from desktop.health import day_events, status_on
from desktop.registry_fields import RegistryError

# Fields of the kept record filled from the duplicate when empty on the kept one.
_FILLED = (
    "birth_date",
    "phone",
    "household_id",
    "grid",
    "notes",
    "name_initials",
)


def resident_references() -> list[tuple[Table, str]]:
    """Every (table, column) holding a resident id."""
    found = []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            for key in column.foreign_keys:
                if key.column.table.name == "resident" and key.column.name == "id":
                    found.append((table, column.name))
    return found


def _merge_checkins(session: Session, keep: Resident, other: Resident) -> int:
    kept = {
        c.day: c
        for c in session.scalars(select(HealthCheckin).where(HealthCheckin.resident_id == keep.id))
    }
    moved = 0
    for checkin in session.scalars(
        select(HealthCheckin).where(HealthCheckin.resident_id == other.id)
    ):
        mine = kept.get(checkin.day)
        if mine is None:
            checkin.resident_id = keep.id
        else:
            mine.fever = mine.fever or checkin.fever
            mine.symptoms = mine.symptoms or checkin.symptoms
            session.delete(checkin)
        moved += 1
    session.flush()
    return moved


def _fill(keep: Resident, other: Resident) -> list[str]:
    filled = []
    for field in _FILLED:
        if not getattr(keep, field) and getattr(other, field):
            setattr(keep, field, getattr(other, field))
            filled.append(field)
    if keep.gender is Gender.UNKNOWN and other.gender is not Gender.UNKNOWN:
        keep.gender = other.gender
        filled.append("gender")
    if keep.state is not ResidentState.ACTIVE and other.state is ResidentState.ACTIVE:
        keep.state = ResidentState.ACTIVE
        filled.append("state")
    # The earlier registration counts: the health rule starts from it.
    keep.created_at = min(keep.created_at, other.created_at)
    keep.elderly_without_phone = keep.elderly_without_phone or other.elderly_without_phone
    # The search columns follow the numbers, whatever the duplicate held in them.
    keep.id_tail = (keep.id_number or "")[-4:]
    keep.phone_tail = keep.phone[-4:]
    return filled


def _status(session: Session, resident: Resident, today: date, zone: ZoneInfo) -> HealthColor:
    checkins = session.execute(
        select(HealthCheckin.day, HealthCheckin.fever)
        .where(HealthCheckin.resident_id == resident.id)
        .where(HealthCheckin.day <= today)
    ).all()
    isolations = []
    for start, state, released in session.execute(
        select(IsolationOrder.start_date, IsolationOrder.state, IsolationOrder.released_at)
        .where(IsolationOrder.resident_id == resident.id)
        .where(IsolationOrder.state != IsolationState.CANCELLED)
    ):
        end = None
        if state is IsolationState.RELEASED and released is not None:
            end = released.astimezone(zone).date()
        isolations.append((start, end))
    registered = resident.created_at.astimezone(zone).date()
    return status_on(today, registered, day_events(checkins, isolations, today))


def merge_residents(
    session: Session,
    keep: Resident,
    other: Resident,
    today: date,
    zone: ZoneInfo,
    now: datetime,
) -> dict[str, int]:
    """Move everything of `other` to `keep`, fill `keep`'s empty fields, delete `other`, and
    bring the kept colour in line with the combined history. Runs in the caller's
    transaction; returns the rows moved per table."""
    if keep.id == other.id:
        raise RegistryError("merge-same", "a resident cannot be merged with itself")
    if keep.id_number and other.id_number and keep.id_number != other.id_number:
        raise RegistryError(
            "merge-different-id", "the two records have different ID numbers: two people"
        )
    moved = {"health_checkin": _merge_checkins(session, keep, other)}
    for table, column in resident_references():
        if table.name == "health_checkin":
            continue
        result = session.execute(
            update(table).where(table.c[column] == other.id).values({column: keep.id})
        )
        if result.rowcount:
            moved[table.name] = result.rowcount
    # The unique ID number moves: free it on the duplicate first.
    other_number = other.id_number
    other.id_number = None
    session.flush()
    if other_number and not keep.id_number:
        keep.id_number = other_number
    filled = _fill(keep, other)
    session.delete(other)
    session.flush()
    color = _status(session, keep, today, zone)
    if color is not keep.health_status:
        keep.health_status = color
        session.add(
            HealthStatusChange(
                resident_id=keep.id,
                effective_at=now,
                status=color,
                source=StatusSource.LOCAL,
                reason="merged",
            )
        )
    moved["filled"] = len(filled)
    return {k: v for k, v in moved.items() if v}
