"""The community's pass signing keys: private keys on the office PC, public keys in the DB.

A private key is kept in the OS keyring when the `keyring` package has a usable backend,
otherwise as a file in the data folder readable only by the user (0600). The public keys go
into `pass_key`, so every gate PC on the database verifies without the private key. Rotation
makes a new key current and keeps the old public keys: passes already printed stay valid.

The id-digest secret is stored in the `setting` table, not with the private key: every gate
must recompute the digest from the registry's ID number to bind a pass to its holder, and the
gates share only the database. It cannot sign anything; it only keeps the ID number from being
recovered by trying numbers against a photographed pass.
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from db.base import utcnow
from db.models import Setting
from db.models.passes import PassKey
from desktop.passes.crypto import ALGORITHMS, ED25519, Signer, Verifier, load_signer, new_signer

log = logging.getLogger(__name__)

DIGEST_SECRET_KEY = "passes.digest_secret"
KEYRING_SERVICE = "gatedesk-passes"


class PassKeyError(Exception):
    """A key problem a person can act on; `code` names it."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class PublicKey:
    key_id: int
    community_id: int
    algorithm: str
    verifier: Verifier
    revoked: bool


def digest_secret(session: Session) -> bytes:
    """The community-wide id-digest secret, made on first use."""
    row = session.get(Setting, DIGEST_SECRET_KEY)
    if row is None:
        row = Setting(key=DIGEST_SECRET_KEY, value=secrets.token_hex(32), updated_at=utcnow())
        session.add(row)
        session.flush()
    return bytes.fromhex(row.value)


def public_keys(session: Session) -> dict[int, PublicKey]:
    """Every public key in the database by key id (old and revoked ones too)."""
    return {
        row.key_id: PublicKey(
            row.key_id,
            row.community_id,
            row.algorithm,
            Verifier(row.algorithm, row.public_key),
            row.revoked_at is not None,
        )
        for row in session.scalars(select(PassKey))
    }


def _keyring():
    """The keyring module when it has a usable backend, else None."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken desktop keyring must not stop pass issuing
        log.warning("OS keyring unusable", exc_info=True)
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    return keyring


class KeyStore:
    """Signing keys of one community. `backend`: "auto" (keyring if usable), "file"."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        community_id: int,
        key_dir: Path,
        *,
        algorithm: str = ED25519,
        backend: str = "auto",
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        if algorithm not in ALGORITHMS:
            raise ValueError(f"unknown signature algorithm {algorithm!r}")
        self._sessions = sessions
        self.community_id = community_id
        self.key_dir = Path(key_dir)
        self.algorithm = algorithm
        self._keyring = _keyring() if backend == "auto" else None
        self._clock = clock
        self._signers: dict[int, Signer] = {}

    def current_key_id(self, session: Session) -> int | None:
        """The newest key of the community that is neither retired nor revoked."""
        return session.scalar(
            select(PassKey.key_id)
            .where(PassKey.community_id == self.community_id)
            .where(PassKey.retired_at.is_(None), PassKey.revoked_at.is_(None))
            .order_by(PassKey.key_id.desc())
            .limit(1)
        )

    def ensure(self, session: Session) -> int:
        """The current key id, creating the community's first key (at setup) if needed.

        When the `passes.algorithm` setting changed, the next pass gets a new key of the
        chosen algorithm (a rotation), so passes already printed keep verifying.
        """
        key_id = self.current_key_id(session)
        if key_id is None:
            return self._create(session)
        algorithm = session.scalar(select(PassKey.algorithm).where(PassKey.key_id == key_id))
        return key_id if algorithm == self.algorithm else self.rotate(session)

    def rotate(self, session: Session) -> int:
        """Retire the current key (it keeps verifying) and make a new one current."""
        now = self._clock()
        for row in session.scalars(
            select(PassKey)
            .where(PassKey.community_id == self.community_id)
            .where(PassKey.retired_at.is_(None))
        ):
            row.retired_at = now
        session.flush()
        return self._create(session)

    def signer(self, session: Session, key_id: int) -> Signer:
        """The private key of `key_id`; PassKeyError when this PC does not hold it."""
        if key_id in self._signers:
            return self._signers[key_id]
        row = session.scalar(select(PassKey).where(PassKey.key_id == key_id))
        text = self._read(key_id)
        if row is None or text is None:
            raise PassKeyError(
                "key-missing",
                f"the private pass key {key_id} is not on this PC: issue passes on the office "
                "PC that created it, or rotate the key (gatedesk passes rotate-key)",
            )
        signer = load_signer(row.algorithm, text)
        if signer.public_hex != row.public_key:
            raise PassKeyError("key-mismatch", f"the stored private key {key_id} does not match")
        self._signers[key_id] = signer
        return signer

    # -- storage ----------------------------------------------------------------------------
    def _create(self, session: Session) -> int:
        key_id = (session.scalar(select(func.max(PassKey.key_id))) or 0) + 1
        if key_id > 0xFFFF:
            raise PassKeyError("key-ids-exhausted", "no key id left for a new pass key")
        signer = new_signer(self.algorithm)
        self._write(key_id, signer.private_text())
        session.add(
            PassKey(
                key_id=key_id,
                community_id=self.community_id,
                algorithm=signer.algorithm,
                public_key=signer.public_hex,
                created_at=self._clock(),
            )
        )
        session.flush()
        self._signers[key_id] = signer
        log.info("pass key %s (%s) created", key_id, signer.algorithm)
        return key_id

    def _name(self, key_id: int) -> str:
        return f"community-{self.community_id}-key-{key_id}"

    def key_file(self, key_id: int) -> Path:
        return self.key_dir / f"{self._name(key_id)}.pem"

    def _write(self, key_id: int, text: str) -> None:
        if self._keyring is not None:
            try:
                self._keyring.set_password(KEYRING_SERVICE, self._name(key_id), text)
                return
            except Exception:  # a locked or broken keyring: the protected file still works
                log.warning("OS keyring refused the pass key; using a file", exc_info=True)
        self.key_dir.mkdir(parents=True, exist_ok=True)
        path = self.key_file(key_id)
        # Created 0600 from the start: the key is never readable by others, not even briefly.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(text)
        os.chmod(path, 0o600)

    def _read(self, key_id: int) -> str | None:
        if self._keyring is not None:
            text = self._keyring.get_password(KEYRING_SERVICE, self._name(key_id))
            if text is not None:
                return text
        path = self.key_file(key_id)
        return path.read_text(encoding="ascii") if path.exists() else None
