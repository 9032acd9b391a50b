"""Printing issued paper passes: from the `pass` table to A4 sheets or 80 mm slips (PDF)."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from db.enums import PassKind
from db.models import Building, Community, Household, Pass, Resident, Room, Unit
from desktop.masking import mask_name
from reports.pass_sheet import PassCard, render_sheet
from reports.pass_slip import render_slips
from reports.pdf import FontNotFound

log = logging.getLogger(__name__)

KIND_LABELS = {
    PassKind.RESIDENT: "居民",
    PassKind.VISITOR: "访客",
    PassKind.STAFF: "工作人员",
    PassKind.VEHICLE: "车辆",
}


class PassPrintError(ValueError):
    """Nothing (or not everything asked for) can be printed; the message says why."""


def _local_day(moment: datetime, zone: ZoneInfo) -> date:
    return moment.astimezone(zone).date()


def _address(building: Building | None, unit: Unit | None, room: Room | None) -> str:
    parts = []
    if building is not None:
        parts.append(f"{building.number}栋" if building.number.isdigit() else building.number)
    if unit is not None:
        parts.append(f"{unit.number}单元")
    if room is not None:
        parts.append(room.number)
    return "".join(parts)


def load_cards(
    session: Session,
    community_id: int,
    *,
    serials: Sequence[int] | None = None,
    building: str | None = None,
) -> list[PassCard]:
    """The printable cards of the community's passes that are not revoked, optionally only
    the given serials and/or one building (its number as printed, e.g. "3").

    PassPrintError when a requested serial is unknown, revoked or of another community, or
    when nothing matches.
    """
    community = session.get(Community, community_id)
    if community is None:
        raise PassPrintError(f"community {community_id} does not exist")
    zone = ZoneInfo(community.timezone or "Asia/Shanghai")
    query = (
        select(Pass, Resident, Building, Unit, Room)
        .outerjoin(Resident, Resident.id == Pass.resident_id)
        .outerjoin(
            Household, Household.id == func.coalesce(Resident.household_id, Pass.household_id)
        )
        .outerjoin(Room, Room.id == Household.room_id)
        .outerjoin(Unit, Unit.id == Room.unit_id)
        .outerjoin(Building, Building.id == Unit.building_id)
        .where(Pass.community_id == community_id)
        .order_by(Pass.serial)
    )
    revoked = getattr(Pass, "revoked_at", None)
    if serials:
        query = query.where(Pass.serial.in_(list(serials)))
    elif revoked is not None:
        query = query.where(revoked.is_(None))
    if building is not None:
        query = query.where(Building.number == building.strip().removesuffix("栋"))
    rows = session.execute(query).all()
    seen: dict[int, PassCard] = {}
    for pass_row, resident, building_row, unit, room in rows:
        if serials and getattr(pass_row, "revoked_at", None) is not None:
            raise PassPrintError(
                f"pass {pass_row.serial} is revoked; reissue it and print the new one"
            )
        code = getattr(pass_row, "code", None)
        if not code:
            raise PassPrintError(f"pass {pass_row.serial} has no code stored; reissue it")
        seen[pass_row.serial] = PassCard(
            code=code,
            name_masked=mask_name(resident.name) if resident is not None else "",
            address=_address(building_row, unit, room),
            building=building_row.number if building_row is not None else "",
            unit=unit.number if unit is not None else "",
            valid_from=_local_day(pass_row.valid_from, zone),
            # valid_to is the end of the last valid day (exclusive)
            valid_to=_local_day(pass_row.valid_to - timedelta(microseconds=1), zone),
            serial=pass_row.serial,
            kind_label=KIND_LABELS.get(pass_row.kind, str(pass_row.kind)),
            community_name=community.name,
            community_phone=community.phone or "",
        )
    missing = sorted(set(serials or ()) - set(seen))
    if missing:
        listed = ", ".join(map(str, missing))
        where = f" in building {building}" if building else ""
        raise PassPrintError(f"no pass with serial {listed}{where} in this community")
    if not seen:
        where = f" of building {building}" if building else ""
        raise PassPrintError(f"no valid passes{where} to print; issue passes first")
    return list(seen.values())


def print_sheet(
    sessions: sessionmaker,
    community_id: int,
    path: str | Path,
    *,
    serials: Sequence[int] | None = None,
    building: str | None = None,
    slip: bool = False,
    per_page: int = 8,
) -> Path:
    """Write the passes to an A4 sheet PDF (or one 80 mm slip page each with `slip`);
    returns the path. PassPrintError when there is nothing to print."""
    with sessions() as session:
        cards = load_cards(session, community_id, serials=serials, building=building)
    if slip:
        return render_slips(cards, path)
    return render_sheet(cards, path, per_page=per_page)


def run_print(args: argparse.Namespace) -> int:
    """`gatedesk passes print [--serial N ...] [--building B] [--slip] --out FILE.pdf`;
    0 when written, 2 when nothing could be printed."""
    from desktop.app import open_context

    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        out = out.with_name(out.name + ".pdf")
    context = open_context(args.home, demo=getattr(args, "demo", False))
    try:
        path = print_sheet(
            context.sessions,
            context.site.community_id,
            out,
            serials=args.serial,
            building=args.building,
            slip=args.slip,
        )
    except PassPrintError as exc:
        print(f"gatedesk passes print: {exc}", file=sys.stderr)
        return 2
    except FontNotFound as exc:
        print(f"gatedesk passes print: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        log.exception("writing %s failed", out)
        print(
            f"gatedesk passes print: cannot write {out}: {exc.strerror or exc}; "
            "choose another folder or close the file if it is open in a PDF viewer",
            file=sys.stderr,
        )
        return 2
    finally:
        context.close()
    print(f"passes written to {path}")
    return 0
