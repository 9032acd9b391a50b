"""The signed claim a paper pass carries (specs/passes.md): its binary layout and text form.

The claim is packed big-endian, signed, and written as `GD1:` + Base32 (no padding,
uppercase) so the QR stays in alphanumeric mode. What the gate shows is decided from the
verified claim and the registry, never from anything else printed on the paper.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import struct
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from db.enums import PassKind

PREFIX = "GD1:"
VERSION = 1
EPOCH = datetime(2020, 1, 1, tzinfo=UTC)
SIGNATURE_SIZE = 64
DIGEST_SIZE = 8
MAX_MINUTES = (1 << 24) - 1
# version, key id, serial, community id, resident ref, kind, from (3), to (3), flags, digest
_HEAD = struct.Struct(">BHIIIB3s3sB8s")
PAYLOAD_SIZE = _HEAD.size
CLAIM_SIZE = PAYLOAD_SIZE + SIGNATURE_SIZE
# The kind's byte is its position here; new kinds are only ever appended.
KIND_CODES: tuple[PassKind, ...] = (
    PassKind.RESIDENT,
    PassKind.VISITOR,
    PassKind.STAFF,
    PassKind.VEHICLE,
)
FLAG_OUT_UNDER_QUOTA = 0x01
FLAG_NEEDS_ESCORT = 0x02


class PassDecodeError(ValueError):
    """Text that is not a readable GateDesk pass; `code` is "not-a-pass" or "damaged"."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class NotAPass(PassDecodeError):
    def __init__(self, message: str = "not a GateDesk pass") -> None:
        super().__init__("not-a-pass", message)


class DamagedPass(PassDecodeError):
    def __init__(self, message: str = "the pass code is damaged") -> None:
        super().__init__("damaged", message)


@dataclass(frozen=True, slots=True)
class Claim:
    """What a pass states; `signature` is empty until it is signed."""

    key_id: int
    serial: int
    community_id: int
    resident_ref: int
    kind: PassKind
    valid_from: datetime  # aware, whole minutes
    valid_to: datetime
    id_digest: bytes
    flags: int = 0
    version: int = VERSION
    signature: bytes = b""

    def payload(self) -> bytes:
        """The signed bytes: every field but the signature, in the spec's order."""
        return _HEAD.pack(
            self.version,
            self.key_id,
            self.serial,
            self.community_id,
            self.resident_ref,
            KIND_CODES.index(self.kind),
            _minutes(self.valid_from).to_bytes(3, "big"),
            _minutes(self.valid_to).to_bytes(3, "big"),
            self.flags,
            self.id_digest,
        )


def _minutes(moment: datetime) -> int:
    if moment.tzinfo is None:
        raise ValueError("naive datetime in a pass claim")
    minutes = int((moment - EPOCH).total_seconds() // 60)
    if not 0 <= minutes <= MAX_MINUTES:
        raise ValueError(f"{moment.isoformat()} is outside what a pass can carry")
    return minutes


def from_minutes(minutes: int) -> datetime:
    return EPOCH + timedelta(minutes=minutes)


def id_digest(secret: bytes, id_number: str | None, resident_ref: int) -> bytes:
    """Truncated HMAC-SHA256 binding a pass to a person without carrying the ID number.

    A resident registered without an ID number is bound to the record itself instead.
    """
    subject = id_number.strip().upper() if id_number else f"resident:{resident_ref}"
    return hmac.new(secret, subject.encode("ascii"), hashlib.sha256).digest()[:DIGEST_SIZE]


def encode(claim: Claim, signer: Callable[[bytes], bytes] | object) -> str:
    """Sign `claim` with `signer` (a callable or an object with `sign(bytes)`) and write it."""
    sign = signer if callable(signer) else signer.sign
    payload = claim.payload()
    signature = sign(payload)
    if len(signature) != SIGNATURE_SIZE:
        raise ValueError(f"a pass signature must be {SIGNATURE_SIZE} bytes")
    return to_text(payload + signature)


def signed(claim: Claim, signature: bytes) -> Claim:
    return replace(claim, signature=signature)


def to_text(raw: bytes) -> str:
    return PREFIX + base64.b32encode(raw).decode("ascii").rstrip("=")


def decode(text: str) -> Claim:
    """Read a pass's text; raises NotAPass or DamagedPass. The signature is NOT checked."""
    compact = text.strip()
    if not compact.upper().startswith(PREFIX):
        raise NotAPass()
    body = compact[len(PREFIX) :].upper()
    try:
        raw = base64.b32decode(body + "=" * (-len(body) % 8))
    except (binascii.Error, ValueError) as exc:
        raise DamagedPass("the pass code has characters a pass never has") from exc
    if len(raw) != CLAIM_SIZE:
        raise DamagedPass(f"the pass code has {len(raw)} bytes, not {CLAIM_SIZE}")
    fields = _HEAD.unpack(raw[:PAYLOAD_SIZE])
    version, key_id, serial, community, ref, kind, start, end, flags, digest = fields
    if version != VERSION:
        raise NotAPass(f"pass version {version} is not one this GateDesk reads")
    if kind >= len(KIND_CODES):
        raise DamagedPass(f"unknown pass kind {kind}")
    return Claim(
        key_id=key_id,
        serial=serial,
        community_id=community,
        resident_ref=ref,
        kind=KIND_CODES[kind],
        valid_from=from_minutes(int.from_bytes(start, "big")),
        valid_to=from_minutes(int.from_bytes(end, "big")),
        id_digest=digest,
        flags=flags,
        version=version,
        signature=raw[PAYLOAD_SIZE:],
    )


def raw_bytes(text: str) -> bytes:
    """The claim's bytes (payload + signature) of a pass text; raises like `decode`."""
    claim = decode(text)
    return claim.payload() + claim.signature
