"""Reading a gate's log back (today's counters, recent checks, open fever alerts) and the
outbox rows that carry entries and fever alerts to the city."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased, sessionmaker

from db.enums import Decision, Direction, FeverOutcome
from db.models import EntryLog, FeverAlert, OutboxItem, Resident, Visitor
from desktop.bootstrap import Site
from desktop.masking import mask_name
from desktop.sync_state import last_pull

FEVER_REASONS = ("fever", "fever-confirmed")


@dataclass(frozen=True, slots=True)
class DayCounts:
    """Today's counters for the gate page."""

    entered: int = 0
    exited: int = 0
    denied: int = 0
    fever: int = 0
    referred: int = 0  # referred and not (yet) decided by staff


@dataclass(frozen=True, slots=True)
class RecentCheck:
    """A line of the gate page's recent list."""

    at: datetime
    name_masked: str
    decision: Decision
    reason: str
    temperature_c: float | None
    visitor: bool = False
    overridden: bool = False
    companion: bool = False
    entry_id: int = 0


@dataclass(frozen=True, slots=True)
class OpenAlert:
    """A fever alert of today waiting for its re-measure."""

    alert_id: int
    name_masked: str
    first_c: float
    due_at: datetime


class GateLog:
    """The read side of one gate's log."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        site: Site,
        zone: ZoneInfo,
        clock: Callable[[], datetime],
    ) -> None:
        self._sessions = sessions
        self.site = site
        self._zone = zone
        self._clock = clock

    def now(self) -> datetime:
        """The gate's clock (UTC)."""
        return self._clock()

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
        entered = exited = denied = fever = referred = 0
        for direction, decision, reason, count in rows:
            if decision in (Decision.ALLOW, Decision.ALLOW_LIMITED):
                if direction is Direction.IN:
                    entered += count
                else:
                    exited += count
            elif decision is Decision.DENY:
                denied += count
            else:
                referred += count
            if reason in FEVER_REASONS:
                fever += count
        return DayCounts(entered, exited, denied, fever, referred)

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
                    EntryLog.visitor_id.is_not(None),
                    EntryLog.overridden_at.is_not(None),
                    EntryLog.companion_of_id.is_not(None),
                    EntryLog.id,
                )
                .outerjoin(Resident, Resident.id == EntryLog.resident_id)
                .outerjoin(Visitor, Visitor.id == EntryLog.visitor_id)
                .where(EntryLog.gate_id == self.site.gate_id)
                .where(EntryLog.occurred_at >= start, EntryLog.occurred_at < end)
                .order_by(EntryLog.occurred_at.desc(), EntryLog.id.desc())
                .limit(limit)
            ).all()
        return [
            RecentCheck(at, mask_name(name), d, r, t, bool(v), bool(o), bool(c), i)
            for at, name, d, r, t, v, o, c, i in rows
        ]

    def open_alerts(self) -> list[OpenAlert]:
        """Today's fever alerts at this gate that wait for their re-measure, oldest first."""
        start, end = self.local_day_bounds(self._clock())
        person = aliased(Resident)
        with self._sessions() as session:
            rows = session.execute(
                select(
                    FeverAlert.id,
                    func.coalesce(person.name, Visitor.name, ""),
                    FeverAlert.first_c,
                    FeverAlert.remeasure_due_at,
                )
                .outerjoin(person, person.id == FeverAlert.resident_id)
                .outerjoin(Visitor, Visitor.id == FeverAlert.visitor_id)
                .where(FeverAlert.gate_id == self.site.gate_id)
                .where(FeverAlert.first_at >= start, FeverAlert.first_at < end)
                .where(FeverAlert.outcome == FeverOutcome.OPEN)
                .order_by(FeverAlert.first_at)
            ).all()
        return [OpenAlert(i, mask_name(name), c, due) for i, name, c, due in rows]

    def city_lists_age(self) -> timedelta | None:
        """How old the city's lists are at this PC; None when they were never pulled."""
        with self._sessions() as session:
            pulled = last_pull(session)
        return None if pulled is None else max(timedelta(0), self._clock() - pulled)

    def local_day_bounds(self, moment: datetime) -> tuple[datetime, datetime]:
        """The UTC start and end of the community's calendar day containing `moment`."""
        day = moment.astimezone(self._zone).date()
        start = datetime.combine(day, time(), tzinfo=self._zone)
        end = datetime.combine(day + timedelta(days=1), time(), tzinfo=self._zone)
        return start, end

    def _local(self, moment: datetime) -> datetime:
        return moment.astimezone(self._zone)


def entry_outbox(
    entry: EntryLog,
    site: Site,
    id_number: str | None,
    *,
    update: str = "",
    companion_of: str | None = None,
) -> OutboxItem:
    """The outbox row of an entry; `update` names a later change of the same entry."""
    payload = {
        "uid": entry.uid,
        "community": site.community_code,
        "gate": site.gate_code,
        "occurred_at": entry.occurred_at.isoformat(),
        "direction": entry.direction.value,
        "method": entry.method.value,
        "temperature_c": entry.temperature_c,
        "decision": entry.decision.value,
        "reason": entry.reason_code,
    }
    if update:
        payload |= {
            "update": update,
            "override_reason": entry.override_reason,
            "overridden_at": entry.overridden_at.isoformat() if entry.overridden_at else None,
        }
    else:
        payload |= {"id_number": id_number, "companion_of": companion_of}
    return OutboxItem(
        kind="entry-update" if update else "entry",
        idempotency_key=uuid.uuid4().hex if update else entry.uid,
        created_at=entry.overridden_at or entry.occurred_at,
        payload=payload,
    )


def alert_outbox(
    alert: FeverAlert, site: Site, entry_uid: str, id_number: str | None, *, update: str = ""
) -> OutboxItem:
    """The outbox row of a fever alert, when it opens and when it is re-measured: the person
    and the entry travel with it."""
    return OutboxItem(
        kind="fever-alert",
        idempotency_key=uuid.uuid4().hex if update else alert.uid,
        created_at=alert.second_at or alert.first_at,
        payload={
            "uid": alert.uid,
            "update": update,
            "entry": entry_uid,
            "id_number": id_number,
            "community": site.community_code,
            "gate": site.gate_code,
            "first_c": alert.first_c,
            "first_at": alert.first_at.isoformat(),
            "remeasure_due_at": alert.remeasure_due_at.isoformat(),
            "second_c": alert.second_c,
            "second_at": alert.second_at.isoformat() if alert.second_at else None,
            "outcome": alert.outcome.value,
            "follow_up": alert.follow_up,
        },
    )
