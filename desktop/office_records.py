"""Shared bits of the office services: a resident's grid, address loading and audit rows."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Select, func
from sqlalchemy.orm import Session, joinedload

from db.models import AuditEvent, Household, Resident, Room, Unit


class RefusedError(Exception):
    """A request an office service cannot carry out; `code` names it for the UI's message."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


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
