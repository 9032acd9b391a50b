"""What the rules need to know about a person, read from the database for one check."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from db.enums import (
    Decision,
    Direction,
    FeverOutcome,
    HealthColor,
    IsolationState,
    StatusSource,
)
from db.models import EntryLog, FeverAlert, HealthStatusChange, IsolationOrder, KeyPerson, Resident
from desktop.rules import Policy
from desktop.verdicts import PersonFacts

ALLOWED = (Decision.ALLOW, Decision.ALLOW_LIMITED)


def day_start(day: date, zone: ZoneInfo) -> datetime:
    """The moment a calendar day begins in the community's time zone."""
    return datetime.combine(day, time(), tzinfo=zone)


def person_facts(session: Session, resident: Resident, now: datetime, today: date) -> PersonFacts:
    """The registry's state, the local and city colours, isolation and key-person status."""
    isolated = session.scalar(
        select(func.count())
        .select_from(IsolationOrder)
        .where(IsolationOrder.resident_id == resident.id)
        .where(IsolationOrder.state == IsolationState.ACTIVE)
    )
    key_person = session.scalar(
        select(func.count())
        .select_from(KeyPerson)
        .where(KeyPerson.resident_id == resident.id)
        .where(KeyPerson.since <= today)
        .where(or_(KeyPerson.until.is_(None), KeyPerson.until >= today))
    )
    return PersonFacts(
        resident.id,
        resident.state,
        resident.health_status,
        bool(isolated),
        city_health=city_color(session, resident.id, now),
        key_person=bool(key_person),
        household_id=resident.household_id,
    )


def city_color(session: Session, resident_id: int, now: datetime) -> HealthColor | None:
    """The city's latest colour for a resident while it is valid; None when the city has
    said nothing (or what it said has expired)."""
    change = session.scalars(
        select(HealthStatusChange)
        .where(HealthStatusChange.resident_id == resident_id)
        .where(HealthStatusChange.source == StatusSource.CITY)
        .where(HealthStatusChange.effective_at <= now)
        .order_by(HealthStatusChange.effective_at.desc(), HealthStatusChange.id.desc())
        .limit(1)
    ).first()
    if change is None or (change.valid_until is not None and change.valid_until <= now):
        return None
    return change.status


def quota_used(
    session: Session, household_id: int | None, policy: Policy, today: date, zone: ZoneInfo
) -> int:
    """Outings of the household in the quota window: today and the days before it."""
    if policy.quota is None or household_id is None:
        return 0
    since = day_start(today - timedelta(days=policy.quota.days - 1), zone)
    return (
        session.scalar(
            select(func.count())
            .select_from(EntryLog)
            .where(EntryLog.household_id == household_id)
            .where(EntryLog.occurred_at >= since)
            .where(EntryLog.direction == Direction.OUT)
            .where(EntryLog.decision.in_(ALLOWED))
        )
        or 0
    )


def open_alert(
    session: Session,
    *,
    resident_id: int | None,
    visitor_id: int | None,
    today: date,
    zone: ZoneInfo,
) -> FeverAlert | None:
    """Today's fever alert of the person that still waits for its re-measure."""
    if resident_id is None and visitor_id is None:
        return None
    who = (
        FeverAlert.resident_id == resident_id
        if resident_id is not None
        else FeverAlert.visitor_id == visitor_id
    )
    return session.scalars(
        select(FeverAlert)
        .where(who)
        .where(FeverAlert.first_at >= day_start(today, zone))
        .where(FeverAlert.outcome == FeverOutcome.OPEN)
        .order_by(FeverAlert.first_at.desc())
        .limit(1)
    ).first()
