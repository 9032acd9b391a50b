"""Health: daily check-ins, status history, key persons, isolation and test results."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, UtcDateTime, enum_type, utcnow
from db.enums import (
    CheckinMethod,
    HealthColor,
    IsolationKind,
    IsolationState,
    KeyPersonSource,
    NucleicOutcome,
    StatusSource,
)


class HealthCheckin(Base):
    """A resident's daily check-in (每日打卡); at most one per resident and day."""

    __tablename__ = "health_checkin"
    __table_args__ = (UniqueConstraint("resident_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id"))
    day: Mapped[date] = mapped_column(Date, index=True)
    checked_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    fever: Mapped[bool] = mapped_column(Boolean, default=False)
    symptoms: Mapped[str] = mapped_column(String(200), default="")
    method: Mapped[CheckinMethod] = mapped_column(enum_type(CheckinMethod, "checkin_method"))
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


class HealthStatusChange(Base):
    """A change of a resident's health colour, local or from the city."""

    __tablename__ = "health_status_change"
    __table_args__ = (Index("ix_health_status_change_resident", "resident_id", "effective_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id"))
    effective_at: Mapped[datetime] = mapped_column(UtcDateTime)
    status: Mapped[HealthColor] = mapped_column(enum_type(HealthColor, "health_color"))
    source: Mapped[StatusSource] = mapped_column(enum_type(StatusSource, "status_source"))
    reason: Mapped[str] = mapped_column(String(200), default="")
    valid_until: Mapped[datetime | None] = mapped_column(UtcDateTime)


class KeyPersonCategory(Base):
    """A key-person category (重点人员类别): the five of the seeds or one the office defines."""

    __tablename__ = "key_person_category"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)


class KeyPerson(Base):
    __tablename__ = "key_person"

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id"), index=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("key_person_category.id"), index=True)
    source: Mapped[KeyPersonSource] = mapped_column(enum_type(KeyPersonSource, "kp_source"))
    since: Mapped[date] = mapped_column(Date)
    until: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)


class IsolationOrder(Base):
    __tablename__ = "isolation_order"
    __table_args__ = (Index("ix_isolation_order_resident_state", "resident_id", "state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id"))
    kind: Mapped[IsolationKind] = mapped_column(enum_type(IsolationKind, "isolation_kind"))
    place: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[date] = mapped_column(Date)
    planned_end_date: Mapped[date] = mapped_column(Date)
    state: Mapped[IsolationState] = mapped_column(
        enum_type(IsolationState, "isolation_state"), default=IsolationState.ACTIVE
    )
    released_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class IsolationFollowUp(Base):
    """A follow-up (随访) of a person in isolation: temperature and symptoms."""

    __tablename__ = "isolation_followup"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("isolation_order.id"), index=True)
    followed_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    temperature_c: Mapped[float | None] = mapped_column(Float)
    symptoms: Mapped[str] = mapped_column(String(200), default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


class NucleicTestResult(Base):
    """A nucleic-acid test result (核酸检测结果); unmatched rows keep the ID number only."""

    __tablename__ = "test_result"
    __table_args__ = (Index("ix_test_result_resident_time", "resident_id", "sampled_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("resident.id"))
    id_number: Mapped[str] = mapped_column(String(18), index=True)
    sampled_at: Mapped[datetime] = mapped_column(UtcDateTime)
    outcome: Mapped[NucleicOutcome] = mapped_column(enum_type(NucleicOutcome, "test_outcome"))
    source: Mapped[str] = mapped_column(String(200), default="")
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
