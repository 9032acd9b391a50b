"""What the office sees of isolation orders: the list, and the follow-up board (今日随访) of
who still needs a follow-up and how late it is.

Each day has two follow-up slots in the community's time zone, because temperature is taken
twice a day:

- morning (AM): 00:00-12:00; overdue from 12:00 when nothing was recorded in it;
- afternoon (PM): 12:00-24:00; overdue from 20:00 when nothing was recorded in it.

A follow-up counts for the slot its time falls in. A slot that became overdue before the order
was entered, or that opened after its release, is not needed; a past day's missing slots are
overdue.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from db.enums import IsolationKind, IsolationState
from db.models import IsolationFollowUp, IsolationOrder, Resident
from desktop.gate import address_of
from desktop.masking import mask_id_number, mask_name
from desktop.office_records import grid_of, with_address
from desktop.verdicts import Address

NOON = time(12)
AM_OVERDUE_AT = time(12)
PM_OVERDUE_AT = time(20)


class Slot(StrEnum):
    AM = "am"
    PM = "pm"


class SlotState(StrEnum):
    DONE = "done"
    UPCOMING = "upcoming"  # its window has not opened yet
    DUE = "due"  # open, not late yet
    OVERDUE = "overdue"
    NOT_NEEDED = "not-needed"  # before the order was entered, or after its release


@dataclass(frozen=True, slots=True)
class Window:
    start: datetime
    overdue_at: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class OrderRow:
    """An isolation order, active or past, as the office table shows it (masked)."""

    id: int
    resident_id: int
    name_masked: str
    id_masked: str
    address: Address | None
    grid: str
    kind: IsolationKind
    place: str
    start_date: date
    planned_end_date: date
    state: IsolationState
    released_at: datetime | None
    notes: str


@dataclass(frozen=True, slots=True)
class BoardRow:
    """An order in effect on the board's day, with the state of its two slots (masked)."""

    order_id: int
    resident_id: int
    name_masked: str
    id_masked: str
    address: Address | None
    grid: str
    kind: IsolationKind
    place: str
    start_date: date
    planned_end_date: date
    day_number: int  # day N of the isolation, the start date being day 1
    total_days: int  # M: planned end minus start
    release_due: bool  # the planned end has come
    am: SlotState
    pm: SlotState
    last_temperature_c: float | None
    last_followup_at: datetime | None
    fever: bool  # the last temperature is at or above the threshold

    @property
    def overdue(self) -> bool:
        return SlotState.OVERDUE in (self.am, self.pm)

    @property
    def missing(self) -> bool:
        """A slot is open or closed with nothing recorded: someone should call."""
        return any(s in (SlotState.DUE, SlotState.OVERDUE) for s in (self.am, self.pm))


def slot_of(moment: datetime, zone: ZoneInfo) -> Slot:
    return Slot.AM if moment.astimezone(zone).time() < NOON else Slot.PM


def windows(day: date, zone: ZoneInfo) -> dict[Slot, Window]:
    def at(d: date, t: time) -> datetime:
        return datetime.combine(d, t, tzinfo=zone)

    next_day = at(day + timedelta(days=1), time())
    return {
        Slot.AM: Window(at(day, time()), at(day, AM_OVERDUE_AT), at(day, NOON)),
        Slot.PM: Window(at(day, NOON), min(at(day, PM_OVERDUE_AT), next_day), next_day),
    }


def slot_state(
    window: Window,
    followed: list[datetime],
    created_at: datetime,
    released_at: datetime | None,
    now: datetime,
) -> SlotState:
    """The state of one slot of one order (the rule of this module's docstring)."""
    if any(window.start <= moment < window.end for moment in followed):
        return SlotState.DONE
    if created_at >= window.overdue_at or (released_at is not None and released_at <= window.start):
        return SlotState.NOT_NEEDED
    if now < window.start:
        return SlotState.UPCOMING
    return SlotState.OVERDUE if now >= window.overdue_at else SlotState.DUE


def _natural(text: str) -> tuple:
    return (0, int(text), "") if text.isdigit() else (1, 0, text)


def sort_key(row: BoardRow) -> tuple:
    address = row.address
    place = (
        (_natural(address.building), _natural(address.unit), _natural(address.room))
        if address
        else ((2, 0, ""),) * 3
    )
    return (not row.overdue, not row.missing, row.grid, place, row.order_id)


def board_rows(
    session: Session,
    community_id: int,
    zone: ZoneInfo,
    day: date,
    now: datetime,
    fever_threshold_c: float,
    *,
    include_released: bool,
) -> list[BoardRow]:
    """The orders in effect on `day` with their slots as they stand at `now`, overdue first.

    Without `include_released` only active orders count (today's board); with it, orders
    released on or after `day` count too (a past day as it was)."""
    slots = windows(day, zone)
    day_end = slots[Slot.PM].end
    in_effect = IsolationOrder.state == IsolationState.ACTIVE
    if include_released:
        in_effect = or_(
            in_effect,
            (IsolationOrder.state == IsolationState.RELEASED)
            & (IsolationOrder.released_at >= slots[Slot.AM].start),
        )
    query = with_address(
        select(IsolationOrder, Resident)
        .join(Resident, Resident.id == IsolationOrder.resident_id)
        .where(Resident.community_id == community_id)
        .where(IsolationOrder.start_date <= day)
        .where(IsolationOrder.created_at < day_end)
        .where(in_effect)
    )
    pairs = session.execute(query).unique().all()
    followups: dict[int, list[IsolationFollowUp]] = defaultdict(list)
    if pairs:
        for followup in session.scalars(
            select(IsolationFollowUp)
            .where(IsolationFollowUp.order_id.in_([order.id for order, _ in pairs]))
            .where(IsolationFollowUp.followed_at < day_end)
            .order_by(IsolationFollowUp.followed_at, IsolationFollowUp.id)
        ):
            followups[followup.order_id].append(followup)
    rows = []
    for order, resident in pairs:
        done = followups[order.id]
        moments = [f.followed_at for f in done]
        measured = [f for f in done if f.temperature_c is not None]
        last = measured[-1] if measured else None

        def state(slot: Slot, order=order, moments=moments) -> SlotState:
            return slot_state(slots[slot], moments, order.created_at, order.released_at, now)

        rows.append(
            BoardRow(
                order_id=order.id,
                resident_id=resident.id,
                name_masked=mask_name(resident.name),
                id_masked=mask_id_number(resident.id_number or ""),
                address=address_of(resident),
                grid=grid_of(resident),
                kind=order.kind,
                place=order.place,
                start_date=order.start_date,
                planned_end_date=order.planned_end_date,
                day_number=(day - order.start_date).days + 1,
                total_days=(order.planned_end_date - order.start_date).days,
                release_due=order.planned_end_date <= day,
                am=state(Slot.AM),
                pm=state(Slot.PM),
                last_temperature_c=last.temperature_c if last else None,
                last_followup_at=moments[-1] if moments else None,
                fever=last is not None and last.temperature_c >= fever_threshold_c,
            )
        )
    return sorted(rows, key=sort_key)


def by_grid(rows: list[BoardRow]) -> dict[str, list[BoardRow]]:
    """Rows with a missing follow-up, per grid (grids in order, overdue rows first)."""
    grouped: dict[str, list[BoardRow]] = defaultdict(list)
    for row in rows:
        if row.missing:
            grouped[row.grid].append(row)
    return {grid: sorted(grouped[grid], key=sort_key) for grid in sorted(grouped)}


def order_rows(
    session: Session, community_id: int, *, active_only: bool, limit: int
) -> list[OrderRow]:
    """Orders of the community, active ones first, then the newest."""
    query = (
        select(IsolationOrder, Resident)
        .join(Resident, Resident.id == IsolationOrder.resident_id)
        .where(Resident.community_id == community_id)
    )
    if active_only:
        query = query.where(IsolationOrder.state == IsolationState.ACTIVE)
    query = query.order_by(
        (IsolationOrder.state == IsolationState.ACTIVE).desc(),
        IsolationOrder.start_date.desc(),
        IsolationOrder.id.desc(),
    )
    pairs = session.execute(with_address(query).limit(limit)).unique().all()
    return [
        OrderRow(
            id=order.id,
            resident_id=resident.id,
            name_masked=mask_name(resident.name),
            id_masked=mask_id_number(resident.id_number or ""),
            address=address_of(resident),
            grid=grid_of(resident),
            kind=order.kind,
            place=order.place,
            start_date=order.start_date,
            planned_end_date=order.planned_end_date,
            state=order.state,
            released_at=order.released_at,
            notes=order.notes,
        )
        for order, resident in pairs
    ]
