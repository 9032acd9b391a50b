"""The gate check: find the person, apply the rules, write the entry log and its outbox row."""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload, sessionmaker

from db.base import utcnow
from db.enums import CheckMethod, Decision, Direction, IsolationState
from db.models import EntryLog, Household, IsolationOrder, OutboxItem, Resident, Room, Unit, Visitor
from db.models import TemperatureReading as TemperatureRow
from desktop.bootstrap import Site
from desktop.idnumber import IdNumberError, parse
from desktop.masking import mask_id_number, mask_name
from desktop.rules import Policy, decide
from desktop.verdicts import Address, PersonFacts, Reason, Temperature, Verdict, VerdictKind

log = logging.getLogger(__name__)

DOCUMENT_NUMBER = re.compile(r"[0-9A-Z]{8,20}")


@dataclass(frozen=True, slots=True)
class DayCounts:
    """Today's counters for the gate page."""

    entered: int = 0
    exited: int = 0
    denied: int = 0
    fever: int = 0


@dataclass(frozen=True, slots=True)
class RecentCheck:
    """A line of the gate page's recent list."""

    at: datetime
    name_masked: str
    decision: Decision
    reason: str
    temperature_c: float | None


def address_of(resident: Resident) -> Address | None:
    """Building, unit and room of a resident's household, if it has a room."""
    household = resident.household
    room = household.room if household else None
    if room is None:
        return None
    unit = room.unit
    return Address(building=unit.building.number, unit=unit.number, room=room.number)


class GateService:
    """Runs checks for one gate. Thread-safe: each call opens its own session."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        site: Site,
        policy: Policy,
        *,
        operator_id: int | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self.site = site
        self.policy = policy
        self.operator_id = operator_id
        self._clock = clock
        self._zone = ZoneInfo(site.timezone)

    def check_id_number(
        self,
        raw: str,
        *,
        direction: Direction,
        method: CheckMethod = CheckMethod.TYPED,
        temperature: Temperature | None = None,
        device: str = "",
        document: bool = False,
    ) -> Verdict:
        """Check a person by an ID number typed, pasted, scanned or read from a card.

        With `document`, `raw` is the number of another card a reader read (a foreigner's
        permanent residence card): it is looked up as it is, without the resident-ID checks.
        """
        now = self._clock()
        if document:
            number = raw.strip().upper()
            if not DOCUMENT_NUMBER.fullmatch(number):
                return Verdict(VerdictKind.INPUT_ERROR, Reason.BAD_CHARS, direction, method, now)
        else:
            try:
                number = parse(raw, today=now.astimezone(self._zone).date()).number
            except IdNumberError as exc:
                log.info("refused ID number input: %s", exc.code)
                return Verdict(VerdictKind.INPUT_ERROR, Reason(exc.code), direction, method, now)
        with self._sessions() as session, session.begin():
            resident = session.scalars(
                self._resident_query().where(Resident.id_number == number)
            ).first()
            return self._record(
                session, resident, number, direction, method, temperature, device, now
            )

    def check_resident(
        self,
        resident_id: int,
        *,
        direction: Direction,
        method: CheckMethod = CheckMethod.SEARCH,
        temperature: Temperature | None = None,
        device: str = "",
    ) -> Verdict:
        """Check a resident chosen from a name search."""
        now = self._clock()
        with self._sessions() as session, session.begin():
            resident = session.scalars(
                self._resident_query().where(Resident.id == resident_id)
            ).one()
            return self._record(
                session, resident, resident.id_number, direction, method, temperature, device, now
            )

    def day_counts(self) -> DayCounts:
        """Counters of today (community time) at this gate."""
        start, end = self.local_day_bounds(self._clock())
        with self._sessions() as session:
            rows = session.execute(
                select(EntryLog.direction, EntryLog.decision, EntryLog.reason_code, func.count())
                .where(EntryLog.gate_id == self.site.gate_id)
                .where(EntryLog.occurred_at >= start, EntryLog.occurred_at < end)
                .group_by(EntryLog.direction, EntryLog.decision, EntryLog.reason_code)
            ).all()
        entered = exited = denied = fever = 0
        for direction, decision, reason, count in rows:
            if decision in (Decision.ALLOW, Decision.ALLOW_LIMITED):
                if direction is Direction.IN:
                    entered += count
                else:
                    exited += count
            elif decision is Decision.DENY:
                denied += count
            if reason == Reason.FEVER:
                fever += count
        return DayCounts(entered, exited, denied, fever)

    def recent(self, limit: int = 20) -> list[RecentCheck]:
        """The latest checks of today at this gate, newest first."""
        start, end = self.local_day_bounds(self._clock())
        with self._sessions() as session:
            rows = session.execute(
                select(
                    EntryLog.occurred_at,
                    func.coalesce(Resident.name, Visitor.name, ""),
                    EntryLog.decision,
                    EntryLog.reason_code,
                    EntryLog.temperature_c,
                )
                .outerjoin(Resident, Resident.id == EntryLog.resident_id)
                .outerjoin(Visitor, Visitor.id == EntryLog.visitor_id)
                .where(EntryLog.gate_id == self.site.gate_id)
                .where(EntryLog.occurred_at >= start, EntryLog.occurred_at < end)
                .order_by(EntryLog.occurred_at.desc(), EntryLog.id.desc())
                .limit(limit)
            ).all()
        return [RecentCheck(at, mask_name(name), d, r, t) for at, name, d, r, t in rows]

    def local_day_bounds(self, moment: datetime) -> tuple[datetime, datetime]:
        """The UTC start and end of the community's calendar day containing `moment`."""
        day = moment.astimezone(self._zone).date()
        start = datetime.combine(day, time(), tzinfo=self._zone)
        end = datetime.combine(day + timedelta(days=1), time(), tzinfo=self._zone)
        return start, end

    @staticmethod
    def _resident_query():
        return select(Resident).options(
            joinedload(Resident.household)
            .joinedload(Household.room)
            .joinedload(Room.unit)
            .joinedload(Unit.building)
        )

    def _record(
        self,
        session: Session,
        resident: Resident | None,
        id_number: str | None,
        direction: Direction,
        method: CheckMethod,
        temperature: Temperature | None,
        device: str,
        now: datetime,
    ) -> Verdict:
        facts = None
        if resident is not None:
            isolated = session.scalar(
                select(func.count())
                .select_from(IsolationOrder)
                .where(IsolationOrder.resident_id == resident.id)
                .where(IsolationOrder.state == IsolationState.ACTIVE)
            )
            facts = PersonFacts(resident.id, resident.state, resident.health_status, bool(isolated))
        ruling = decide(facts, temperature, self.policy)
        id_masked = mask_id_number(id_number) if id_number else ""
        if ruling.decision is None:
            # A re-measure is not a decision: nothing is logged until a plausible reading.
            return Verdict(
                ruling.kind,
                ruling.reason,
                direction,
                method,
                now,
                id_masked=id_masked,
                temperature=temperature,
            )
        visitor = None if resident is not None else self._visitor(session, id_number, now)
        entry = EntryLog(
            uid=uuid.uuid4().hex,
            community_id=self.site.community_id,
            gate_id=self.site.gate_id,
            occurred_at=now,
            utc_offset_min=int(now.astimezone(self._zone).utcoffset().total_seconds() // 60),
            direction=direction,
            resident_id=resident.id if resident else None,
            visitor_id=visitor.id if visitor else None,
            household_id=resident.household_id if resident else None,
            method=method,
            temperature_c=temperature.value_c if temperature else None,
            temperature_source=temperature.source if temperature else None,
            decision=ruling.decision,
            reason_code=ruling.reason.value,
            operator_id=self.operator_id,
            device=device,
        )
        session.add(entry)
        session.flush()
        if temperature is not None:
            session.add(
                TemperatureRow(
                    gate_id=self.site.gate_id,
                    measured_at=now,
                    value_c=temperature.value_c,
                    source=temperature.source,
                    device=temperature.device,
                    entry_log_id=entry.id,
                )
            )
        session.add(_outbox_for(entry, self.site, id_number))
        log.info(
            "check %s at gate %s: %s (%s)",
            entry.uid,
            self.site.gate_code,
            ruling.decision,
            ruling.reason,
        )
        return Verdict(
            ruling.kind,
            ruling.reason,
            direction,
            method,
            now,
            name_masked=mask_name(resident.name) if resident else "",
            id_masked=id_masked,
            address=address_of(resident) if resident else None,
            temperature=temperature,
            entry_id=entry.id,
        )

    def _visitor(self, session: Session, id_number: str | None, now: datetime) -> Visitor:
        visitor = None
        if id_number:
            visitor = session.scalars(
                select(Visitor)
                .where(Visitor.community_id == self.site.community_id)
                .where(Visitor.id_number == id_number)
                .limit(1)
            ).first()
        if visitor is None:
            visitor = Visitor(
                community_id=self.site.community_id,
                name="",
                id_number=id_number,
                first_seen_at=now,
                last_seen_at=now,
                visit_count=0,
            )
            session.add(visitor)
        visitor.last_seen_at = now
        visitor.visit_count += 1
        session.flush()
        return visitor


def _outbox_for(entry: EntryLog, site: Site, id_number: str | None) -> OutboxItem:
    return OutboxItem(
        kind="entry",
        idempotency_key=entry.uid,
        created_at=entry.occurred_at,
        payload={
            "uid": entry.uid,
            "community": site.community_code,
            "gate": site.gate_code,
            "occurred_at": entry.occurred_at.isoformat(),
            "direction": entry.direction.value,
            "method": entry.method.value,
            "id_number": id_number,
            "temperature_c": entry.temperature_c,
            "decision": entry.decision.value,
            "reason": entry.reason_code,
        },
    )
