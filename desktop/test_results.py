"""Who in an area has no negative nucleic-acid result in the last N days (masked, by address).

The window is counted in the community's calendar days: with `days=3` on 1 April it runs from
30 March 00:00 local time, so today and the two days before count, whatever the hour.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import and_, exists, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from db.enums import NucleicOutcome, ResidentState
from db.models import Building, Community, Household, NucleicTestResult, Resident, Room, Unit
from desktop.masking import mask_id_number, mask_name, mask_phone
from desktop.test_results_words import word
from desktop.verdicts import Address

MAX_DAYS = 60


@dataclass(frozen=True, slots=True)
class Area:
    """Part of the community; None means any. A unit without a building means that unit
    number in every building."""

    building: str | None = None
    unit: str | None = None
    grid: str | None = None


@dataclass(frozen=True, slots=True)
class AreaChoices:
    buildings: tuple[str, ...]
    units: dict[str, tuple[str, ...]]  # building number -> its unit numbers
    grids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LastResult:
    sampled_at: datetime  # community local time
    outcome: NucleicOutcome


@dataclass(frozen=True, slots=True)
class UntestedResident:
    resident_id: int
    name_masked: str
    id_masked: str
    phone_masked: str
    address: Address | None
    grid: str
    last: LastResult | None
    elderly_without_phone: bool


@dataclass(frozen=True, slots=True)
class UntestedList:
    community_name: str
    area: Area
    days: int
    today: date
    since: date  # first day of the window, local
    active_in_area: int
    residents: tuple[UntestedResident, ...]


def natural_key(text: str) -> tuple:
    """ "2" < "10" < "10A": digits compare as numbers."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part)
        for part in re.split(r"(\d+)", text)
        if part
    )


def _grid():
    # A resident's own grid wins; many ledgers only give the household's.
    return func.coalesce(func.nullif(Resident.grid, ""), Household.grid, "")


def _in_area(query, community_id: int, area: Area):
    query = (
        query.outerjoin(Household, Resident.household_id == Household.id)
        .outerjoin(Room, Household.room_id == Room.id)
        .outerjoin(Unit, Room.unit_id == Unit.id)
        .outerjoin(Building, Unit.building_id == Building.id)
        .where(Resident.community_id == community_id)
        .where(Resident.state == ResidentState.ACTIVE)
    )
    if area.building:
        query = query.where(Building.number == area.building)
    if area.unit:
        query = query.where(Unit.number == area.unit)
    if area.grid:
        query = query.where(_grid() == area.grid)
    return query


def link_results(session: Session, community_id: int) -> int:
    """Give stored unmatched results (kept with their ID number only) to residents registered
    since; returns how many were linked."""
    owner = (
        select(Resident.id)
        .where(Resident.id_number == NucleicTestResult.id_number)
        .where(Resident.community_id == community_id)
        .scalar_subquery()
    )
    waiting = and_(NucleicTestResult.resident_id.is_(None), owner.is_not(None))
    if not session.scalar(select(exists().where(waiting))):
        return 0
    result = session.execute(
        update(NucleicTestResult)
        .where(waiting)
        .values(resident_id=owner)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount or 0


def untested_query(community_id: int, area: Area, since_utc: datetime):
    """Active residents of the area with no negative result sampled at or after `since_utc`."""
    result = NucleicTestResult
    negative = (
        select(result.id)
        .where(result.resident_id == Resident.id)
        .where(result.outcome == NucleicOutcome.NEGATIVE)
        .where(result.sampled_at >= since_utc)
    )
    latest = select(result).where(result.resident_id == Resident.id)
    latest = latest.order_by(result.sampled_at.desc(), result.id.desc()).limit(1)
    query = select(
        Resident.id,
        Resident.name,
        Resident.id_number,
        Resident.phone,
        Resident.elderly_without_phone,
        _grid(),
        Building.sort_key,
        Building.number,
        Unit.number,
        Room.number,
        latest.with_only_columns(result.sampled_at).scalar_subquery(),
        latest.with_only_columns(result.outcome).scalar_subquery(),
    )
    return _in_area(query, community_id, area).where(~exists(negative))


def window_start(today: date, days: int, zone: ZoneInfo) -> datetime:
    """Local midnight at the start of the window of `days` days ending today."""
    return datetime.combine(today - timedelta(days=days - 1), time(0), tzinfo=zone)


def untested(
    sessions: sessionmaker[Session], community_id: int, *, days: int, area: Area, now: datetime
) -> UntestedList:
    """Active residents of `area` with no NEGATIVE result sampled in the last `days` calendar
    days (today included) of the community's time zone, ordered by address."""
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"days must be between 1 and {MAX_DAYS}")
    with sessions() as session, session.begin():
        community = session.get(Community, community_id)
        if community is None:
            raise LookupError(f"no community {community_id}")
        zone = ZoneInfo(community.timezone)
        today = now.astimezone(zone).date()
        since = window_start(today, days, zone)
        link_results(session, community_id)
        rows = session.execute(untested_query(community_id, area, since)).all()
        total = session.scalar(_in_area(select(func.count(Resident.id)), community_id, area))
    residents = []
    for row in sorted(rows, key=_address_order):
        rid, name, number, phone, elderly, grid, _sort, building, unit, room, last_at, outcome = row
        address = Address(building, unit, room) if room is not None else None
        last = None
        if last_at is not None:
            last = LastResult(last_at.astimezone(zone), NucleicOutcome(outcome))
        residents.append(
            UntestedResident(
                resident_id=rid,
                name_masked=mask_name(name),
                id_masked=mask_id_number(number or ""),
                phone_masked=mask_phone(phone),
                address=address,
                grid=grid or "",
                last=last,
                elderly_without_phone=elderly,
            )
        )
    return UntestedList(
        community_name=community.name or community.code,
        area=area,
        days=days,
        today=today,
        since=since.date(),
        active_in_area=total or 0,
        residents=tuple(residents),
    )


def _address_order(row) -> tuple:
    sort_key, building, unit, room = row[6], row[7], row[8], row[9]
    if room is None:  # no address: at the end
        return (1, 0, (), (), (), row[0])
    return (0, sort_key or 0, natural_key(building), natural_key(unit), natural_key(room), row[0])


def area_choices(sessions: sessionmaker[Session], community_id: int) -> AreaChoices:
    """Buildings with their units, and the grids in use, naturally sorted, for the area combos."""
    with sessions() as session:
        pairs = session.execute(
            select(Building.number, Building.sort_key, Unit.number)
            .outerjoin(Unit, Unit.building_id == Building.id)
            .where(Building.community_id == community_id)
        ).all()
        grid = _grid()
        grids = session.scalars(
            select(grid)
            .select_from(Resident)
            .outerjoin(Household, Resident.household_id == Household.id)
            .where(Resident.community_id == community_id)
            .where(Resident.state == ResidentState.ACTIVE)
            .where(grid != "")
            .distinct()
        ).all()
    order: dict[str, tuple] = {}
    units: dict[str, set[str]] = {}
    for building, sort_key, unit in pairs:
        order[building] = (sort_key or 0, natural_key(building))
        units.setdefault(building, set())
        if unit is not None:
            units[building].add(unit)
    buildings = tuple(sorted(order, key=order.__getitem__))
    return AreaChoices(
        buildings=buildings,
        units={b: tuple(sorted(units[b], key=natural_key)) for b in buildings},
        grids=tuple(sorted(grids, key=natural_key)),
    )


def area_label(area: Area, language: str = "zh_CN") -> str:
    """ "3栋 2单元 网格1", or "全社区" for the whole community."""
    parts = []
    if area.building:
        parts.append(word(language, "building", area.building))
    if area.unit:
        parts.append(word(language, "unit", area.unit))
    if area.grid:
        parts.append(word(language, "grid", area.grid))
    return " ".join(parts) or word(language, "all_area")


def address_label(address: Address | None, language: str = "zh_CN") -> str:
    if address is None:
        return ""
    return word(language, "address", address.building, address.unit, address.room)


def last_label(last: LastResult | None, language: str = "zh_CN") -> tuple[str, str]:
    """(sample time "YYYY-MM-DD HH:MM", outcome word), empty when there never was a result."""
    if last is None:
        return "", ""
    return last.sampled_at.strftime("%Y-%m-%d %H:%M"), word(language, last.outcome.value)
