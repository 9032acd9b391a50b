"""When the city's lists (risk list, colours, revocations, policy) were last pulled.

The sync worker records each successful pull; the gate page warns when the lists it decides
with are older than `sync.offline_after_hours`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from db.models import Setting

LAST_PULL_KEY = "sync.last_pull_at"


def last_pull(session: Session) -> datetime | None:
    """The moment of the last successful pull from the city; None if there never was one."""
    row = session.get(Setting, LAST_PULL_KEY)
    if row is None or not row.value:
        return None
    try:
        return datetime.fromisoformat(row.value)
    except (TypeError, ValueError):
        return None


def record_pull(session: Session, at: datetime) -> None:
    row = session.get(Setting, LAST_PULL_KEY)
    if row is None:
        session.add(Setting(key=LAST_PULL_KEY, value=at.isoformat()))
    else:
        row.value = at.isoformat()
