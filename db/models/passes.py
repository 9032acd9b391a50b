"""Paper passes (纸质出入证) and their revocations."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, UtcDateTime, enum_type, utcnow
from db.enums import PassKind, RevocationReason, StatusSource


class Pass(Base):
    __tablename__ = "pass"

    id: Mapped[int] = mapped_column(primary_key=True)
    serial: Mapped[int] = mapped_column(Integer, unique=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"))
    key_id: Mapped[int] = mapped_column(Integer)
    kind: Mapped[PassKind] = mapped_column(enum_type(PassKind, "pass_kind"))
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("resident.id"), index=True)
    household_id: Mapped[int | None] = mapped_column(ForeignKey("household.id"), index=True)
    valid_from: Mapped[datetime] = mapped_column(UtcDateTime)
    valid_to: Mapped[datetime] = mapped_column(UtcDateTime)
    flags: Mapped[int] = mapped_column(Integer, default=0)
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    # The encoded claim (GD1:…) as issued, so a reprint gives the very same QR.
    code: Mapped[str] = mapped_column(String(200), default="")
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class PassKey(Base):
    """A community's public signing key; old keys stay so passes they signed still verify.

    Key ids are unique in the whole database (not per community) so that a revocation of a
    key id, which the claim and the revocation list carry without a community, is unambiguous.
    """

    __tablename__ = "pass_key"
    __table_args__ = (UniqueConstraint("key_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key_id: Mapped[int] = mapped_column(Integer)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id"), index=True)
    algorithm: Mapped[str] = mapped_column(String(16))  # "ed25519" | "sm2"
    public_key: Mapped[str] = mapped_column(String(200))  # hex
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    retired_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class PassRevocation(Base):
    """A revoked pass serial, or a whole revoked signing key when `serial` is NULL."""

    __tablename__ = "pass_revocation"
    __table_args__ = (Index("ix_pass_revocation_serial", "serial"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    serial: Mapped[int | None] = mapped_column(Integer)
    key_id: Mapped[int | None] = mapped_column(Integer, index=True)
    reason: Mapped[RevocationReason] = mapped_column(
        enum_type(RevocationReason, "revocation_reason")
    )
    source: Mapped[StatusSource] = mapped_column(enum_type(StatusSource, "status_source"))
    revoked_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    note: Mapped[str] = mapped_column(String(200), default="")
