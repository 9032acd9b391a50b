"""Rows every GateDesk database needs before the first check: community, gate, categories."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Community, Gate, KeyPersonCategory

# The five key-person categories of the Sanmenxia report; names are shown through the UI's
# translations, keyed by code.
BUILTIN_KEY_PERSON_CATEGORIES: tuple[tuple[str, str], ...] = (
    ("returned-from-outside", "Returned from outside the area"),
    ("from-hubei", "Came from Hubei"),
    ("from-wuhan", "Came from Wuhan"),
    ("close-contact", "Close contact"),
    ("fever-no-contact", "Fever without contact history"),
)


@dataclass(frozen=True, slots=True)
class Site:
    """Where this PC stands: its community and gate (ids and names, safe to pass around)."""

    community_id: int
    community_code: str
    community_name: str
    timezone: str
    gate_id: int
    gate_code: str
    gate_name: str


def ensure_builtin_categories(session: Session) -> None:
    """Insert the built-in key-person categories that are missing."""
    have = set(session.scalars(select(KeyPersonCategory.code)))
    for code, name in BUILTIN_KEY_PERSON_CATEGORIES:
        if code not in have:
            session.add(KeyPersonCategory(code=code, name=name, builtin=True))


def ensure_site(
    session: Session, *, community_code: str = "", gate_code: str = "", community_name: str = ""
) -> Site:
    """Find (or create) the community and gate this PC works for.

    An empty code means "the only one there is": the first community or gate in the
    database, or a new one when there is none yet.
    """
    query = select(Community).order_by(Community.id)
    if community_code:
        query = query.where(Community.code == community_code)
    community = session.scalars(query.limit(1)).first()
    if community is None:
        community = Community(code=community_code or "local", name=community_name)
        session.add(community)
        session.flush()
    gate_query = select(Gate).where(Gate.community_id == community.id).order_by(Gate.id)
    if gate_code:
        gate_query = gate_query.where(Gate.code == gate_code)
    gate = session.scalars(gate_query.limit(1)).first()
    if gate is None:
        gate = Gate(community_id=community.id, code=gate_code or "main", name="")
        session.add(gate)
        session.flush()
    ensure_builtin_categories(session)
    return Site(
        community_id=community.id,
        community_code=community.code,
        community_name=community.name,
        timezone=community.timezone,
        gate_id=gate.id,
        gate_code=gate.code,
        gate_name=gate.name,
    )
