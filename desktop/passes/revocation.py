"""Revoking passes inside the caller's transaction, with the city's outbox row."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.enums import PassKind, RevocationReason, StatusSource
from db.models import OutboxItem
from db.models.passes import Pass, PassRevocation
from desktop.office_outbox import community_code

ISSUED = "pass-issued"
REVOKED = "pass-revoked"


def revoke_pass(
    session: Session, row: Pass, reason: RevocationReason, now: datetime, note: str = ""
) -> None:
    """Put one pass on the revocation list; it stops verifying at once."""
    if row.revoked_at is not None:
        return
    row.revoked_at = now
    session.add(
        PassRevocation(
            serial=row.serial,
            key_id=row.key_id,
            reason=reason,
            source=StatusSource.LOCAL,
            revoked_at=now,
            note=note[:200],
        )
    )
    session.add(
        outbox_row(
            REVOKED,
            {
                "community": community_code(session, row.community_id),
                "serial": row.serial,
                "key_id": row.key_id,
                "reason": reason.value,
                "revoked_at": now.isoformat(),
            },
            now,
        )
    )


def revoke_resident_passes(
    session: Session,
    resident_id: int,
    reason: RevocationReason,
    now: datetime,
    kind: PassKind | None = None,
) -> list[int]:
    """Revoke the resident's active passes (of `kind`, or all); returns their serials."""
    query = select(Pass).where(Pass.resident_id == resident_id, Pass.revoked_at.is_(None))
    if kind is not None:
        query = query.where(Pass.kind == kind)
    rows = list(session.scalars(query.order_by(Pass.serial)))
    for row in rows:
        revoke_pass(session, row, reason, now)
    return [row.serial for row in rows]


def outbox_row(kind: str, payload: dict, now: datetime) -> OutboxItem:
    return OutboxItem(
        kind=kind,
        payload=payload,
        schema_version=1,
        idempotency_key=uuid.uuid4().hex,
        created_at=now,
    )
