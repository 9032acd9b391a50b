"""Health colours in the database: recomputed from the history, and kept in step with it."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db.base import utcnow
from db.enums import CheckinMethod, HealthColor, IsolationState, ResidentState, StatusSource
from db.models import HealthCheckin, HealthStatusChange, IsolationOrder, Resident, Setting
from desktop.health import day_events, status_on

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Mismatch:
    resident_id: int
    stored: HealthColor
    computed: HealthColor


@dataclass
class RecomputeReport:
    day: date
    checked: int = 0
    counts: dict[HealthColor, int] = field(default_factory=dict)
    mismatches: list[Mismatch] = field(default_factory=list)
    fixed: bool = False


class HealthService:
    """Recomputes every resident's local colour from check-ins and isolation orders."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        community_id: int,
        timezone: str,
        *,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self.community_id = community_id
        self._zone = ZoneInfo(timezone)
        self._clock = clock

    def today(self) -> date:
        return self._clock().astimezone(self._zone).date()

    def record_checkin(
        self,
        resident_id: int,
        *,
        fever: bool = False,
        symptoms: str = "",
        method: CheckinMethod = CheckinMethod.STAFF_PHONE,
        recorded_by_id: int | None = None,
    ) -> HealthColor:
        """Today's check-in of a resident (a second one the same day adds to the first); the
        stored colour follows at once. Returns the colour now."""
        now = self._clock()
        day = now.astimezone(self._zone).date()
        with self._sessions() as session, session.begin():
            resident = session.get(Resident, resident_id)
            if resident is None:
                raise LookupError(f"no resident {resident_id}")
            checkin = session.scalars(
                select(HealthCheckin)
                .where(HealthCheckin.resident_id == resident_id)
                .where(HealthCheckin.day == day)
            ).first()
            if checkin is None:
                checkin = HealthCheckin(
                    resident_id=resident_id,
                    day=day,
                    checked_at=now,
                    fever=fever,
                    symptoms=symptoms,
                    method=method,
                    recorded_by_id=recorded_by_id,
                )
                session.add(checkin)
            else:
                checkin.fever = checkin.fever or fever
                checkin.symptoms = symptoms or checkin.symptoms
            session.flush()
            computed = self._status(session, resident, day)
            if computed is not resident.health_status:
                reason = "fever at check-in" if fever else "check-in"
                _change(session, resident, computed, now, reason)
            log.info("check-in of resident %s: %s", resident_id, computed)
            return computed

    def refresh_resident(
        self, session: Session, resident_id: int, reason: str, *, at: datetime | None = None
    ) -> HealthColor:
        """Bring one resident's stored colour in line with the rule on the day of `at` (now by
        default), inside the caller's transaction, so an isolation order and the colour it
        causes are committed together. A change writes a status change row with `reason`.
        Returns the colour now."""
        now = at or self._clock()
        resident = session.get(Resident, resident_id)
        if resident is None:
            raise LookupError(f"no resident {resident_id}")
        session.flush()
        computed = self._status(session, resident, now.astimezone(self._zone).date())
        if computed is not resident.health_status:
            _change(session, resident, computed, now, reason)
        return computed

    def _status(self, session: Session, resident: Resident, day: date) -> HealthColor:
        checkins = session.execute(
            select(HealthCheckin.day, HealthCheckin.fever)
            .where(HealthCheckin.resident_id == resident.id)
            .where(HealthCheckin.day <= day)
        ).all()
        orders = session.execute(
            select(IsolationOrder.start_date, IsolationOrder.state, IsolationOrder.released_at)
            .where(IsolationOrder.resident_id == resident.id)
            .where(IsolationOrder.state != IsolationState.CANCELLED)
        ).all()
        isolations = [
            (start, self._isolation_end(state, released)) for start, state, released in orders
        ]
        registered = resident.created_at.astimezone(self._zone).date()
        return status_on(day, registered, day_events(checkins, isolations, day))

    def _isolation_end(self, state: IsolationState, released_at: datetime | None) -> date | None:
        if state is IsolationState.RELEASED and released_at is not None:
            return released_at.astimezone(self._zone).date()
        return None

    def bring_up_to_date(self) -> RecomputeReport | None:
        """Store today's colours once a day: at the day's first start and after midnight
        (check-ins move a colour at once, so nothing else changes within a day). None when
        it was done already today, on this PC or another sharing the database."""
        today = self.today()
        key = f"health.recomputed_on.{self.community_id}"
        with self._sessions() as session:
            row = session.get(Setting, key)
            if row is not None and row.value == today.isoformat():
                return None
        report = self.recompute(fix=True, today=today)
        with self._sessions() as session, session.begin():
            row = session.get(Setting, key)
            if row is None:
                session.add(Setting(key=key, value=today.isoformat()))
            else:
                row.value = today.isoformat()
        return report

    def recompute(self, *, fix: bool = False, today: date | None = None) -> RecomputeReport:
        """Compare each stored colour with the rule's; with `fix`, store the rule's colour (and
        a status change row for each change) in one transaction."""
        day = today or self.today()
        report = RecomputeReport(day)
        with self._sessions() as session, session.begin():
            residents = session.execute(
                select(Resident.id, Resident.created_at, Resident.health_status)
                .where(Resident.community_id == self.community_id)
                .where(Resident.state == ResidentState.ACTIVE)
            ).all()
            checkins: dict[int, list[tuple[date, bool]]] = defaultdict(list)
            for resident_id, checkin_day, fever in session.execute(
                select(HealthCheckin.resident_id, HealthCheckin.day, HealthCheckin.fever)
                .join(Resident, Resident.id == HealthCheckin.resident_id)
                .where(Resident.community_id == self.community_id)
                .where(HealthCheckin.day <= day)
            ):
                checkins[resident_id].append((checkin_day, fever))
            isolations: dict[int, list[tuple[date, date | None]]] = defaultdict(list)
            for resident_id, start, state, released_at in session.execute(
                select(
                    IsolationOrder.resident_id,
                    IsolationOrder.start_date,
                    IsolationOrder.state,
                    IsolationOrder.released_at,
                )
                .join(Resident, Resident.id == IsolationOrder.resident_id)
                .where(Resident.community_id == self.community_id)
                .where(IsolationOrder.state != IsolationState.CANCELLED)
            ):
                isolations[resident_id].append((start, self._isolation_end(state, released_at)))
            now = self._clock()
            for resident_id, created_at, stored in residents:
                registered = created_at.astimezone(self._zone).date()
                events = day_events(checkins[resident_id], isolations[resident_id], day)
                computed = status_on(day, registered, events)
                report.checked += 1
                report.counts[computed] = report.counts.get(computed, 0) + 1
                if computed is stored:
                    continue
                report.mismatches.append(Mismatch(resident_id, stored, computed))
                if fix:
                    _change(
                        session, session.get(Resident, resident_id), computed, now, "recomputed"
                    )
            report.fixed = fix and bool(report.mismatches)
        if report.mismatches:
            log.info(
                "health colours: %d of %d differ from the rule%s",
                len(report.mismatches),
                report.checked,
                " (fixed)" if fix else "",
            )
        return report


def _change(
    session: Session, resident: Resident, color: HealthColor, at: datetime, reason: str
) -> None:
    """Store a new local colour and the change row that explains it."""
    resident.health_status = color
    session.add(
        HealthStatusChange(
            resident_id=resident.id,
            effective_at=at,
            status=color,
            source=StatusSource.LOCAL,
            reason=reason,
        )
    )
