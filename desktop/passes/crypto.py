"""Signing and verifying pass claims: Ed25519 by default, SM2 (GM/T 0003) as a setting.

Both give 64-byte signatures (SM2 as r||s), so the claim layout does not depend on the
algorithm; the key id in the claim says which public key, and so which algorithm, applies.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

ED25519 = "ed25519"
SM2 = "sm2"
ALGORITHMS = (ED25519, SM2)


class Signer:
    """A private key that signs claims; `public_hex` goes into the `pass_key` table."""

    algorithm: str
    public_hex: str

    def sign(self, data: bytes) -> bytes:  # pragma: no cover - interface
        raise NotImplementedError

    def private_text(self) -> str:  # pragma: no cover - interface
        raise NotImplementedError


class Ed25519Signer(Signer):
    algorithm = ED25519

    def __init__(self, key: Ed25519PrivateKey) -> None:
        self._key = key
        raw = key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        self.public_hex = raw.hex()

    def sign(self, data: bytes) -> bytes:
        return self._key.sign(data)

    def private_text(self) -> str:
        return self._key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ).decode("ascii")


class Sm2Signer(Signer):
    algorithm = SM2

    def __init__(self, private_hex: str) -> None:
        from gmssl import sm2

        self._private = private_hex
        point = sm2.CryptSM2(private_key=private_hex, public_key="")._kg(
            int(private_hex, 16), sm2.default_ecc_table["g"]
        )
        self.public_hex = point
        self._crypt = sm2.CryptSM2(private_key=private_hex, public_key=point)

    def sign(self, data: bytes) -> bytes:
        return bytes.fromhex(self._crypt.sign_with_sm3(data))

    def private_text(self) -> str:
        return f"-----BEGIN SM2 PRIVATE KEY-----\n{self._private}\n-----END SM2 PRIVATE KEY-----\n"


def new_signer(algorithm: str) -> Signer:
    """A fresh private key of `algorithm`."""
    if algorithm == ED25519:
        return Ed25519Signer(Ed25519PrivateKey.generate())
    if algorithm == SM2:
        from gmssl import sm2

        order = int(sm2.default_ecc_table["n"], 16)
        secret = int.from_bytes(os.urandom(32), "big") % (order - 1) + 1
        return Sm2Signer(f"{secret:064x}")
    raise ValueError(f"unknown signature algorithm {algorithm!r}")


def load_signer(algorithm: str, text: str) -> Signer:
    """A signer from what `Signer.private_text` stored."""
    if algorithm == ED25519:
        key = serialization.load_pem_private_key(text.encode("ascii"), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError("the stored pass key is not an Ed25519 key")
        return Ed25519Signer(key)
    if algorithm == SM2:
        lines = [line.strip() for line in text.splitlines() if line and "-----" not in line]
        return Sm2Signer("".join(lines))
    raise ValueError(f"unknown signature algorithm {algorithm!r}")


class Verifier:
    """A public key that checks signatures; never raises for a bad signature."""

    def __init__(self, algorithm: str, public_hex: str) -> None:
        self.algorithm = algorithm
        if algorithm == ED25519:
            self._ed = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex))
        elif algorithm == SM2:
            from gmssl import sm2

            self._sm2 = sm2.CryptSM2(private_key="", public_key=public_hex)
        else:
            raise ValueError(f"unknown signature algorithm {algorithm!r}")

    def verify(self, data: bytes, signature: bytes) -> bool:
        if len(signature) != 64:
            return False
        if self.algorithm == ED25519:
            try:
                self._ed.verify(signature, data)
            except InvalidSignature:
                return False
            return True
        try:
            return bool(self._sm2.verify_with_sm3(signature.hex(), data))
        except (ValueError, ZeroDivisionError):
            return False
