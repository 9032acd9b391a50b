"""What happens at the gate: the entry log and temperature readings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, BigIntPK, UtcDateTime, enum_type, utcnow
from db.enums import CheckMethod, Decision, Direction, FeverOutcome, TemperatureSource


class EntryLog(Base):
    """One check at a gate (出入记录): who, when, how, and what GateDesk decided."""

    __tablename__ = "entry_log"
    __table_args__ = (
        # The daily report and the dashboard read a gate's entries of a day.
        Index("ix_entry_log_gate_time", "gate_id", "occurred_at"),
        Index("ix_entry_log_time", "occurred_at"),
        # Tracing reads one person's entries; the quota counts a household's exits.
        Index("ix_entry_log_resident_time", "resident_id", "occurred_at"),
        Index("ix_entry_log_household_time", "household_id", "occurred_at"),
        Index("ix_entry_log_visitor_time", "visitor_id", "occurred_at"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    # Globally unique id of the record, the same on every PC and at the city.
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"))
    gate_id: Mapped[int] = mapped_column(ForeignKey("gate.id"))
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # The gate's UTC offset at that moment, so the local time reads back exactly.
    utc_offset_min: Mapped[int] = mapped_column(SmallInteger, default=480)
    direction: Mapped[Direction] = mapped_column(enum_type(Direction, "direction"))
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("resident.id"))
    visitor_id: Mapped[int | None] = mapped_column(ForeignKey("visitor.id"))
    household_id: Mapped[int | None] = mapped_column(ForeignKey("household.id"))
    method: Mapped[CheckMethod] = mapped_column(enum_type(CheckMethod, "check_method"))
    temperature_c: Mapped[float | None] = mapped_column(Float)
    temperature_source: Mapped[TemperatureSource | None] = mapped_column(
        enum_type(TemperatureSource, "temperature_source")
    )
    decision: Mapped[Decision] = mapped_column(enum_type(Decision, "decision"))
    reason_code: Mapped[str] = mapped_column(String(32))
    reason_text: Mapped[str] = mapped_column(String(200), default="")
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    device: Mapped[str] = mapped_column(String(64), default="")
    pass_serial: Mapped[int | None] = mapped_column(Integer)
    # A companion (同行人员) checked together with the person of this other entry.
    companion_of_id: Mapped[int | None] = mapped_column(ForeignKey("entry_log.id"))
    # Staff decided a referred check: the decision above is theirs, `reason_code` says why it
    # was referred, and these say who decided and why.
    override_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    override_reason: Mapped[str] = mapped_column(String(200), default="")
    overridden_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class TemperatureReading(Base):
    """A body temperature from a thermometer or typed by staff."""

    __tablename__ = "temperature_reading"
    __table_args__ = (Index("ix_temperature_reading_gate_time", "gate_id", "measured_at"),)

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    gate_id: Mapped[int] = mapped_column(ForeignKey("gate.id"))
    measured_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    value_c: Mapped[float] = mapped_column(Float)
    source: Mapped[TemperatureSource] = mapped_column(
        enum_type(TemperatureSource, "temperature_source")
    )
    device: Mapped[str] = mapped_column(String(64), default="")
    sequence: Mapped[int | None] = mapped_column(Integer)
    plausible: Mapped[bool] = mapped_column(Boolean, default=True)
    entry_log_id: Mapped[int | None] = mapped_column(ForeignKey("entry_log.id"), index=True)


class FeverAlert(Base):
    """A fever at the gate (发热): the first reading, the re-measure and the follow-up."""

    __tablename__ = "fever_alert"
    __table_args__ = (
        Index("ix_fever_alert_resident_time", "resident_id", "first_at"),
        Index("ix_fever_alert_visitor_time", "visitor_id", "first_at"),
        Index("ix_fever_alert_time", "first_at"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"))
    gate_id: Mapped[int] = mapped_column(ForeignKey("gate.id"))
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("resident.id"))
    visitor_id: Mapped[int | None] = mapped_column(ForeignKey("visitor.id"))
    entry_log_id: Mapped[int] = mapped_column(ForeignKey("entry_log.id"))
    first_c: Mapped[float] = mapped_column(Float)
    first_at: Mapped[datetime] = mapped_column(UtcDateTime)
    remeasure_due_at: Mapped[datetime] = mapped_column(UtcDateTime)
    second_c: Mapped[float | None] = mapped_column(Float)
    second_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    second_entry_log_id: Mapped[int | None] = mapped_column(ForeignKey("entry_log.id"))
    outcome: Mapped[FeverOutcome] = mapped_column(
        enum_type(FeverOutcome, "fever_outcome"), default=FeverOutcome.OPEN
    )
    follow_up: Mapped[str] = mapped_column(String(200), default="")
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
