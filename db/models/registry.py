"""The registry (居民信息库): community, gates, buildings down to rooms, households, residents."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, UtcDateTime, enum_type, utcnow
from db.enums import Gender, HealthColor, Relation, ResidentKind, ResidentState


class Community(Base):
    __tablename__ = "community"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    district: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    gates: Mapped[list[Gate]] = relationship(back_populates="community")
    buildings: Mapped[list[Building]] = relationship(back_populates="community")


class Gate(Base):
    __tablename__ = "gate"
    __table_args__ = (UniqueConstraint("community_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    community: Mapped[Community] = relationship(back_populates="gates")


class Building(Base):
    __tablename__ = "building"
    __table_args__ = (UniqueConstraint("community_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"))
    number: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(64), default="")
    sort_key: Mapped[int] = mapped_column(Integer, default=0)

    community: Mapped[Community] = relationship(back_populates="buildings")
    units: Mapped[list[Unit]] = relationship(back_populates="building")


class Unit(Base):
    __tablename__ = "unit"
    __table_args__ = (UniqueConstraint("building_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    building_id: Mapped[int] = mapped_column(ForeignKey("building.id"))
    number: Mapped[str] = mapped_column(String(16))

    building: Mapped[Building] = relationship(back_populates="units")
    rooms: Mapped[list[Room]] = relationship(back_populates="unit")


class Room(Base):
    __tablename__ = "room"
    __table_args__ = (UniqueConstraint("unit_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))
    number: Mapped[str] = mapped_column(String(16))
    floor: Mapped[int | None] = mapped_column(Integer)

    unit: Mapped[Unit] = relationship(back_populates="rooms")
    households: Mapped[list[Household]] = relationship(back_populates="room")


class Household(Base):
    __tablename__ = "household"

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    room_id: Mapped[int | None] = mapped_column(ForeignKey("room.id"), index=True)
    phone: Mapped[str] = mapped_column(String(32), default="")
    grid: Mapped[str] = mapped_column(String(32), default="", index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    moved_out_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    room: Mapped[Room | None] = relationship(back_populates="households")
    residents: Mapped[list[Resident]] = relationship(back_populates="household")


class Resident(Base):
    __tablename__ = "resident"
    __table_args__ = (
        Index("ix_resident_id_tail", "id_tail"),
        Index("ix_resident_phone_tail", "phone_tail"),
        Index("ix_resident_name", "name"),
        Index("ix_resident_name_initials", "name_initials"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    household_id: Mapped[int | None] = mapped_column(ForeignKey("household.id"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    # Pinyin initials of the name (张小明 -> zxm) for quick search at the gate and in the office.
    name_initials: Mapped[str] = mapped_column(String(32), default="")
    gender: Mapped[Gender] = mapped_column(enum_type(Gender, "gender"), default=Gender.UNKNOWN)
    # Normalised 18-character number; NULL for the few residents registered without one.
    id_number: Mapped[str | None] = mapped_column(String(18), unique=True)
    id_tail: Mapped[str] = mapped_column(String(4), default="")
    birth_date: Mapped[date | None] = mapped_column(Date)
    phone: Mapped[str] = mapped_column(String(32), default="")
    phone_tail: Mapped[str] = mapped_column(String(4), default="")
    relation: Mapped[Relation] = mapped_column(
        enum_type(Relation, "relation"), default=Relation.OTHER
    )
    kind: Mapped[ResidentKind] = mapped_column(
        enum_type(ResidentKind, "resident_kind"), default=ResidentKind.OWNER
    )
    grid: Mapped[str] = mapped_column(String(32), default="", index=True)
    elderly_without_phone: Mapped[bool] = mapped_column(Boolean, default=False)
    lives_alone: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[ResidentState] = mapped_column(
        enum_type(ResidentState, "resident_state"), default=ResidentState.ACTIVE
    )
    # Current local health status; derived from check-in and isolation history and kept here
    # so the gate does not recompute it on every check.
    health_status: Mapped[HealthColor] = mapped_column(
        enum_type(HealthColor, "health_color"), default=HealthColor.GREEN
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)

    household: Mapped[Household | None] = relationship(back_populates="residents")


class Visitor(Base):
    __tablename__ = "visitor"

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"))
    name: Mapped[str] = mapped_column(String(64))
    # A resident ID number (18) or another document's number (passports, permits: up to 20).
    id_number: Mapped[str | None] = mapped_column(String(20), index=True)
    phone: Mapped[str] = mapped_column(String(32), default="")
    host_household_id: Mapped[int | None] = mapped_column(ForeignKey("household.id"))
    reason: Mapped[str] = mapped_column(String(200), default="")
    first_seen_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    visit_count: Mapped[int] = mapped_column(Integer, default=0)
