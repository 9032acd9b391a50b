"""Verifying a presented pass, offline, in the order of specs/passes.md.

decode → public key by key id → signature → validity window (±5 min) → revocation list →
community → the person and the id digest. Whatever fails first names the state; a forged or
unreadable pass is also written to the audit log as a security event, without personal data.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, sessionmaker

from db.base import utcnow
from db.models import AuditEvent, Resident
from db.models.passes import PassRevocation
from desktop.passes.claim import Claim, PassDecodeError, decode, id_digest
from desktop.passes.keys import PublicKey, digest_secret, public_keys
from desktop.verdicts import PassFacts, PassState

log = logging.getLogger(__name__)

SKEW = timedelta(minutes=5)
FORGED_ACTION = "security.forged-pass"


@dataclass(frozen=True, slots=True)
class PassCheck:
    """What verifying found; `why` says which step failed ("" when valid)."""

    state: PassState
    claim: Claim | None = None
    resident_id: int | None = None
    why: str = ""

    def facts(self) -> PassFacts:
        """The pass as the gate rules see it."""
        if self.claim is None:
            return PassFacts(self.state)
        return PassFacts(self.state, self.claim.kind, self.claim.serial)


class PassVerifier:
    """Verifies passes for one community. Keys are cached; revocations are read every time
    so that a revocation on any PC applies at once."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        community_id: int,
        *,
        clock: Callable[[], datetime] = utcnow,
        operator_id: int | None = None,
        skew: timedelta = SKEW,
    ) -> None:
        self._sessions = sessions
        self.community_id = community_id
        self._clock = clock
        self.operator_id = operator_id
        self.skew = skew
        self._keys: dict[int, PublicKey] = {}
        self._secret: bytes | None = None

    def verify(self, text: str) -> PassCheck:
        """Verify the text of a scanned pass; forged ones are audited."""
        with self._sessions() as session, session.begin():
            check = self.verify_in(session, text, self._clock())
            if check.state is PassState.FORGED:
                self._audit(session, check)
            return check

    def verify_in(self, session: Session, text: str, now: datetime) -> PassCheck:
        """The verification itself, inside the caller's session (nothing is written)."""
        try:
            claim = decode(text)
        except PassDecodeError as exc:
            return PassCheck(PassState.FORGED, why=exc.code)
        key = self._key(session, claim.key_id)
        if key is None:
            return PassCheck(PassState.FORGED, claim, why="unknown-key")
        if not key.verifier.verify(claim.payload(), claim.signature):
            return PassCheck(PassState.FORGED, claim, why="bad-signature")
        if key.community_id != claim.community_id:
            # A key signs only its own community's passes; anything else was not issued by it.
            return PassCheck(PassState.FORGED, claim, why="key-community")
        if not claim.valid_from - self.skew <= now <= claim.valid_to + self.skew:
            return PassCheck(PassState.EXPIRED, claim, why="window")
        if self._revoked(session, claim):
            return PassCheck(PassState.REVOKED, claim, why="revoked")
        if claim.community_id != self.community_id:
            return PassCheck(PassState.OTHER_COMMUNITY, claim, why="community")
        resident = session.get(Resident, claim.resident_ref)
        if resident is None or resident.community_id != self.community_id:
            # Signed by us for a record that is gone (merged away): no longer a pass.
            return PassCheck(PassState.REVOKED, claim, why="no-resident")
        expected = id_digest(self._digest_secret(session), resident.id_number, resident.id)
        if expected != claim.id_digest:
            return PassCheck(PassState.FORGED, claim, why="id-digest")
        return PassCheck(PassState.VALID, claim, resident.id)

    def _key(self, session: Session, key_id: int) -> PublicKey | None:
        if key_id not in self._keys:
            # A key made on another PC since the last load.
            self._keys = public_keys(session)
        return self._keys.get(key_id)

    def _digest_secret(self, session: Session) -> bytes:
        if self._secret is None:
            self._secret = digest_secret(session)
        return self._secret

    @staticmethod
    def _revoked(session: Session, claim: Claim) -> bool:
        hit = session.scalar(
            select(PassRevocation.id)
            .where(
                or_(
                    PassRevocation.serial == claim.serial,
                    (PassRevocation.serial.is_(None)) & (PassRevocation.key_id == claim.key_id),
                )
            )
            .limit(1)
        )
        return hit is not None

    def _audit(self, session: Session, check: PassCheck) -> None:
        claim = check.claim
        detail = {"why": check.why}
        if claim is not None:
            # Numbers a forger wrote, never the person's data.
            detail |= {"key_id": claim.key_id, "serial": claim.serial}
        session.add(
            AuditEvent(
                occurred_at=self._clock(),
                user_id=self.operator_id,
                action=FORGED_ACTION,
                target_kind="pass",
                target_id=None,
                detail=detail,
            )
        )
        log.warning("forged or damaged pass presented (%s)", check.why)
