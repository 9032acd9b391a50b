"""Isolation orders (隔离) and their follow-ups (随访): start, follow up, release or cancel.

An order turns the resident red in the same transaction that stores it; a release or a
cancellation recomputes the colour from the history (desktop.health), so after a release the
three days of check-ins start. The gate denies while an order is active (desktop.gate_facts).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db.base import utcnow
from db.enums import HealthColor, IsolationKind, IsolationState, ResidentState
from db.models import IsolationFollowUp, IsolationOrder, Resident
from desktop.gate_facts import day_start
from desktop.health_service import HealthService
from desktop.isolation_board import (
    BoardRow,
    OrderRow,
    Slot,
    board_rows,
    by_grid,
    order_rows,
    slot_of,
)
from desktop.office_outbox import follow_up_recorded, isolation_changed
from desktop.office_records import RefusedError, audit, community_record
from desktop.rules import PLAUSIBLE_MAX_C, PLAUSIBLE_MIN_C

log = logging.getLogger(__name__)

DEFAULT_DAYS = 14
PLACE_MAX = 200
SYMPTOMS_MAX = 200
REASON_MAX = 200
# A follow-up typed with a time a little ahead of this PC's clock (another PC's clock, a
# rounded minute) is still believed.
FUTURE_SLACK = timedelta(minutes=5)


class IsolationError(RefusedError):
    """A request that cannot be carried out; `code` names it for the UI's message."""


@dataclass(frozen=True, slots=True)
class FollowUpResult:
    followup_id: int
    slot: Slot
    temperature_c: float | None
    fever: bool


class IsolationService:
    """Isolation orders of one community, their follow-ups and the follow-up board."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        community_id: int,
        timezone: str,
        clock: Callable[[], datetime] = utcnow,
        health: HealthService | None = None,
        *,
        fever_threshold_c: float = 37.3,
        operator_id: int | None = None,
    ) -> None:
        self._sessions = sessions
        self.community_id = community_id
        self.zone = ZoneInfo(timezone)
        self._clock = clock
        self.health = health or HealthService(sessions, community_id, timezone, clock=clock)
        self.fever_threshold_c = fever_threshold_c
        self.operator_id = operator_id

    def now(self) -> datetime:
        return self._clock()

    def today(self) -> date:
        return self._clock().astimezone(self.zone).date()

    def start(
        self,
        resident_id: int,
        kind: IsolationKind,
        start_date: date,
        planned_end_date: date,
        place: str = "",
        notes: str = "",
    ) -> int:
        """Put a resident in isolation; the stored colour turns red in the same transaction.

        Errors: no-resident, resident-not-active, already-isolated (an active order exists),
        start-in-future, end-before-start (the planned end must come after the start)."""
        kind = IsolationKind(kind)
        now = self._clock()
        if start_date > now.astimezone(self.zone).date():
            raise IsolationError("start-in-future")
        if planned_end_date <= start_date:
            raise IsolationError("end-before-start")
        with self._sessions() as session, session.begin():
            resident = session.get(Resident, resident_id)
            if resident is None or resident.community_id != self.community_id:
                raise IsolationError("no-resident")
            if resident.state is not ResidentState.ACTIVE:
                raise IsolationError("resident-not-active")
            active = session.scalars(
                select(IsolationOrder.id)
                .where(IsolationOrder.resident_id == resident_id)
                .where(IsolationOrder.state == IsolationState.ACTIVE)
            ).first()
            if active is not None:
                raise IsolationError("already-isolated")
            order = IsolationOrder(
                resident_id=resident_id,
                kind=kind,
                place=place.strip()[:PLACE_MAX],
                start_date=start_date,
                planned_end_date=planned_end_date,
                state=IsolationState.ACTIVE,
                notes=notes.strip(),
                created_at=now,
            )
            session.add(order)
            session.flush()
            color = self.health.refresh_resident(session, resident_id, "isolation", at=now)
            audit(
                session,
                now,
                self.operator_id,
                "isolation.start",
                "isolation_order",
                order.id,
                resident_id=resident_id,
                kind=kind.value,
                start=start_date,
                planned_end=planned_end_date,
            )
            isolation_changed(session, order, "started", now)
            log.info("isolation order %s for resident %s: %s", order.id, resident_id, color)
            return order.id

    def record_followup(
        self,
        order_id: int,
        temperature_c: float | None = None,
        symptoms: str = "",
        at: datetime | None = None,
    ) -> FollowUpResult:
        """A follow-up of an active order, now or at `at`; a temperature at or above the fever
        threshold is flagged in the result and on the board.

        Errors: no-order, order-not-active, implausible (outside the thermometers' plausible
        range), in-future, before-start."""
        now = self._clock()
        moment = at or now
        if temperature_c is not None and not PLAUSIBLE_MIN_C <= temperature_c <= PLAUSIBLE_MAX_C:
            raise IsolationError("implausible")
        if moment > now + FUTURE_SLACK:
            raise IsolationError("in-future")
        with self._sessions() as session, session.begin():
            order = self._order(session, order_id)
            if order.state is not IsolationState.ACTIVE:
                raise IsolationError("order-not-active")
            if moment < day_start(order.start_date, self.zone):
                raise IsolationError("before-start")
            value = None if temperature_c is None else round(temperature_c, 1)
            followup = IsolationFollowUp(
                order_id=order.id,
                followed_at=moment,
                temperature_c=value,
                symptoms=symptoms.strip()[:SYMPTOMS_MAX],
                recorded_by_id=self.operator_id,
            )
            session.add(followup)
            session.flush()
            fever = value is not None and value >= self.fever_threshold_c
            follow_up_recorded(session, order, followup, fever)
            if fever:
                log.warning("fever at follow-up %s of isolation order %s", followup.id, order.id)
            return FollowUpResult(followup.id, slot_of(moment, self.zone), value, fever)

    def release(self, order_id: int, on: datetime | None = None) -> HealthColor:
        """End an active order (now, or at `on`); the colour is recomputed, so the release day
        is still red and three days of check-ins lead back to green.

        Errors: no-order, order-not-active, in-future, release-before-start."""
        now = self._clock()
        moment = on or now
        if moment > now + FUTURE_SLACK:
            raise IsolationError("in-future")
        with self._sessions() as session, session.begin():
            order = self._order(session, order_id)
            if order.state is not IsolationState.ACTIVE:
                raise IsolationError("order-not-active")
            if moment.astimezone(self.zone).date() < order.start_date:
                raise IsolationError("release-before-start")
            order.state = IsolationState.RELEASED
            order.released_at = moment
            color = self.health.refresh_resident(
                session, order.resident_id, "isolation released", at=now
            )
            audit(
                session,
                now,
                self.operator_id,
                "isolation.release",
                "isolation_order",
                order.id,
                resident_id=order.resident_id,
                released_at=moment.isoformat(),
            )
            isolation_changed(session, order, "released", now)
            return color

    def cancel(self, order_id: int, reason: str) -> HealthColor:
        """Withdraw an order made by mistake: it no longer counts for the colour, which is
        recomputed. The reason goes to the audit trail. Errors: no-order, order-not-active,
        needs-reason."""
        reason = " ".join(reason.split())[:REASON_MAX]
        if not reason:
            raise IsolationError("needs-reason")
        now = self._clock()
        with self._sessions() as session, session.begin():
            order = self._order(session, order_id)
            if order.state is not IsolationState.ACTIVE:
                raise IsolationError("order-not-active")
            order.state = IsolationState.CANCELLED
            color = self.health.refresh_resident(
                session, order.resident_id, "isolation cancelled", at=now
            )
            audit(
                session,
                now,
                self.operator_id,
                "isolation.cancel",
                "isolation_order",
                order.id,
                resident_id=order.resident_id,
                reason=reason,
            )
            isolation_changed(session, order, "cancelled", now)
            return color

    def orders(self, *, active_only: bool = False, limit: int = 1000) -> list[OrderRow]:
        """Orders of the community, active ones first, then the newest (masked)."""
        with self._sessions() as session:
            return order_rows(session, self.community_id, active_only=active_only, limit=limit)

    def board(self) -> list[BoardRow]:
        """Today's follow-up board: every active order with its two slots as they stand now
        (see desktop.isolation_board for when a slot is overdue), overdue rows first."""
        now = self._clock()
        day = now.astimezone(self.zone).date()
        with self._sessions() as session:
            return board_rows(
                session,
                self.community_id,
                self.zone,
                day,
                now,
                self.fever_threshold_c,
                include_released=False,
            )

    def missing_followups(self, day: date | None = None) -> dict[str, list[BoardRow]]:
        """Orders with a follow-up still missing on `day` (today by default), per grid: the
        resident's grid, or else the household's ("" when neither has one); overdue first.
        A past day includes the orders released since."""
        now = self._clock()
        today = now.astimezone(self.zone).date()
        day = day or today
        with self._sessions() as session:
            rows = board_rows(
                session,
                self.community_id,
                self.zone,
                day,
                now,
                self.fever_threshold_c,
                include_released=day < today,
            )
        return by_grid(rows)

    def _order(self, session: Session, order_id: int) -> IsolationOrder:
        order = community_record(session, IsolationOrder, order_id, self.community_id)
        if order is None:
            raise IsolationError("no-order")
        return order
