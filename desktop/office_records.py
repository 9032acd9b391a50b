"""Shared bits of the office services: a resident's grid, address loading and audit rows."""

from __future__ import annotations

from datetime import date, datetime
from typing import TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, joinedload

from db.models import AuditEvent, Household, Resident, Room, Unit

Record = TypeVar("Record")


class RefusedError(Exception):
    """A request an office service cannot carry out; `code` names it for the UI's message."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def community_record(
    session: Session, model: type[Record], record_id: int, community_id: int
) -> Record | None:
    """A record about a resident (key person, isolation order) by id, only when the resident
    belongs to `community_id`: another community's ids are as good as missing."""
    return session.scalars(
        select(model)
        .join(Resident, Resident.id == model.resident_id)  # type: ignore[attr-defined]
        .where(model.id == record_id)  # type: ignore[attr-defined]
        .where(Resident.community_id == community_id)
    ).first()


def resident_grid():
    """The grid a resident belongs to: their own, or else their household's."""
    return func.coalesce(func.nullif(Resident.grid, ""), Household.grid, "")


def grid_of(resident: Resident) -> str:
    """`resident_grid` for a loaded resident."""
    household = resident.household
    return resident.grid or (household.grid if household else "") or ""


def with_address(query: Select) -> Select:
    """Load each resident's household, room, unit and building with the query (address_of)."""
    return query.options(
        joinedload(Resident.household)
        .joinedload(Household.room)
        .joinedload(Room.unit)
        .joinedload(Unit.building)
    )


def audit(
    session: Session,
    at: datetime,
    user_id: int | None,
    action: str,
    target_kind: str,
    target_id: int,
    /,
    **detail,
) -> None:
    """An audit row; details carry ids, codes and dates, never names or numbers."""
    session.add(
        AuditEvent(
            occurred_at=at,
            user_id=user_id,
            action=action,
            target_kind=target_kind,
            target_id=target_id,
            detail={k: v.isoformat() if isinstance(v, date) else v for k, v in detail.items()},
        )
    )
