"""Writing an import: one transaction, matched again against the registry as it is then.

Someone may have edited the registry since the preview, so the accepted rows are matched
again inside the transaction and the outcome's counts are those of the write. Places,
households and residents are inserted in bulk (executemany in chunks), merged residents
updated in bulk by id; an AuditEvent("import") records the counts and the file's name. Any
error rolls everything back. The rejected-rows report is written after the commit.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from db.base import utcnow
from db.enums import HealthColor, ResidentState
from db.models import AuditEvent, Building, Household, Resident, Room, Unit
from desktop.ledger.decide import Decision, GroupKey, decide
from desktop.ledger.plan import ImportPlan, Progress
from desktop.ledger.report import write_rejected_report
from desktop.ledger.state import RegistryState, load_places, load_state
from desktop.names import name_initials
from desktop.office_outbox import RESIDENT, community_code, queue_many, resident_payload

log = logging.getLogger(__name__)
CHUNK = 5000
_LEADING_NUMBER = re.compile(r"\d+")
_UPDATED = (
    "household_id",
    "name",
    "name_initials",
    "gender",
    "birth_date",
    "phone",
    "phone_tail",
    "relation",
    "kind",
    "grid",
    "elderly_without_phone",
    "lives_alone",
    "notes",
    "updated_at",
)


@dataclass(frozen=True)
class ImportOutcome:
    new: int
    merged: int
    unchanged: int
    rejected: int
    report_path: Path | None


def _floor(room: str) -> int | None:
    return int(room[:-2]) if room.isdigit() and len(room) >= 3 else None


def _sort_key(number: str) -> int:
    match = _LEADING_NUMBER.match(number)
    return int(match.group(0)) if match else 0


def _write_places(session: Session, community_id: int, state: RegistryState, d: Decision) -> None:
    if not d.new_rooms:
        return
    if d.new_buildings:
        session.execute(
            insert(Building.__table__),
            [
                {"community_id": community_id, "number": b, "name": "", "sort_key": _sort_key(b)}
                for b in sorted(d.new_buildings)
            ],
        )
        load_places(session, community_id, state)
    units = {(state.buildings[p.building], p.unit) for p in d.new_rooms}
    units -= state.units.keys()
    if units:
        session.execute(
            insert(Unit.__table__), [{"building_id": b, "number": n} for b, n in sorted(units)]
        )
        load_places(session, community_id, state)
    rooms = [
        {"unit_id": state.units[(state.buildings[p.building], p.unit)], "number": p.room}
        for p in sorted(d.new_rooms, key=lambda p: (p.building, p.unit, p.room))
    ]
    for room in rooms:
        room["floor"] = _floor(room["number"])
    for start in range(0, len(rooms), CHUNK):
        session.execute(insert(Room.__table__), rooms[start : start + CHUNK])
    load_places(session, community_id, state)


def _write_households(
    session: Session, community_id: int, state: RegistryState, d: Decision, now: datetime
) -> dict[GroupKey, int]:
    households = dict(d.targets)
    params = [
        {
            "community_id": community_id,
            "room_id": state.room_id(h.place.building, h.place.unit, h.place.room),
            "phone": h.phone,
            "grid": h.grid,
            "notes": "",
            "created_at": now,
        }
        for h in d.new_households
    ]
    for start in range(0, len(params), CHUNK):
        chunk = params[start : start + CHUNK]
        ids = session.scalars(
            insert(Household).returning(Household.id, sort_by_parameter_order=True), chunk
        ).all()
        for new, household_id in zip(d.new_households[start : start + CHUNK], ids, strict=True):
            households[new.key] = household_id
    return households  # type: ignore[return-value]


def _resident_values(values: dict, household_id: int, now: datetime) -> dict:
    return values | {
        "household_id": household_id,
        "name_initials": name_initials(values["name"]),
        "phone_tail": values["phone"][-4:],
        "updated_at": now,
    }


def _queue_for_city(
    session: Session,
    community_id: int,
    state: RegistryState,
    d: Decision,
    new_ids: list[int],
    now: datetime,
) -> None:
    """One outbox row per resident written, as the registry now holds them."""
    code = community_code(session, community_id)
    numbers = {registered.id: number for number, registered in state.residents.items()}

    def payloads():
        for (row, values, key), resident_id in zip(d.new, new_ids, strict=True):
            active = values | {"state": ResidentState.ACTIVE}
            yield resident_payload(
                code, resident_id, row.id_number, active, key[:3], "imported", now
            )
        for resident_id, values, key in d.merged:
            active = values | {"state": ResidentState.ACTIVE}
            number = numbers.get(resident_id)
            yield resident_payload(code, resident_id, number, active, key[:3], "imported", now)

    queue_many(session, RESIDENT, payloads(), now)


def apply_import(
    sessions: sessionmaker[Session],
    community_id: int,
    plan: ImportPlan,
    *,
    user_id: int | None = None,
    progress: Progress | None = None,
    clock: Callable[[], datetime] = utcnow,
    report_path: Path | None = None,
) -> ImportOutcome:
    """Write the plan's rows in one transaction (all or nothing), then the rejected-rows
    report (to `report_path`, by default beside the ledger). The rows are matched again
    against the registry as it is now, so the outcome's counts are those written."""
    now = clock()
    with sessions() as session, session.begin():
        state = load_state(session, community_id)
        decision = decide(plan.rows, state, community_id)
        total = len(decision.new) + len(decision.merged)
        _write_places(session, community_id, state, decision)
        households = _write_households(session, community_id, state, decision, now)
        done = 0
        new_rows = [
            _resident_values(values, households[key], now)
            | {
                "community_id": community_id,
                "id_number": row.id_number,
                "id_tail": row.id_number[-4:],
                "state": ResidentState.ACTIVE,
                "health_status": HealthColor.GREEN,
                "created_at": now,
            }
            for row, values, key in decision.new
        ]
        new_ids: list[int] = []
        for start in range(0, len(new_rows), CHUNK):
            chunk = new_rows[start : start + CHUNK]
            session.execute(insert(Resident.__table__), chunk)
            # ID numbers are unique: reading the ids back is one query, where RETURNING
            # would make SQLite insert row by row.
            numbers = [row["id_number"] for row in chunk]
            found = dict(
                session.execute(
                    select(Resident.id_number, Resident.id).where(Resident.id_number.in_(numbers))
                ).all()
            )
            new_ids += [found[number] for number in numbers]
            done += len(chunk)
            if progress is not None:
                progress(done, total)
        table = Resident.__table__
        statement = (
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values({name: bindparam(f"b_{name}") for name in _UPDATED})
        )
        changes = [
            {f"b_{k}": v for k, v in _resident_values(values, households[key], now).items()}
            | {"b_id": resident_id}
            for resident_id, values, key in decision.merged
        ]
        for start in range(0, len(changes), CHUNK):
            session.execute(statement, changes[start : start + CHUNK])
            done += len(changes[start : start + CHUNK])
            if progress is not None:
                progress(done, total)
        _queue_for_city(session, community_id, state, decision, new_ids, now)
        rejected = tuple(
            sorted(plan.file_rejected + tuple(decision.rejected), key=lambda r: r.source_row)
        )
        counts = {
            "new": len(decision.new),
            "merged": len(decision.merged),
            "unchanged": decision.unchanged,
            "rejected": len(rejected),
            "new_households": len(decision.new_households),
            "new_buildings": len(decision.new_buildings),
        }
        session.add(
            AuditEvent(
                occurred_at=now,
                user_id=user_id,
                action="import",
                target_kind="ledger",
                detail={"file": plan.layout.path.name, "sheet": plan.layout.sheet, **counts},
            )
        )
    try:
        report = write_rejected_report(replace(plan, rejected=rejected), report_path)
    except OSError:
        # The registry is written; a report that cannot be saved must not hide that.
        log.exception("the rejected-rows report could not be written")
        report = None
    return ImportOutcome(
        new=counts["new"],
        merged=counts["merged"],
        unchanged=counts["unchanged"],
        rejected=counts["rejected"],
        report_path=report,
    )
