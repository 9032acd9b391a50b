"""Pass claims: layout, text form, and that any changed bit fails verification."""

from __future__ import annotations

import base64
from datetime import UTC, datetime

import pytest

from db.enums import PassKind
from desktop.passes.claim import (
    CLAIM_SIZE,
    PAYLOAD_SIZE,
    Claim,
    DamagedPass,
    NotAPass,
    decode,
    encode,
    id_digest,
    to_text,
)
from desktop.passes.crypto import ED25519, SM2, Verifier, new_signer

CLAIM = Claim(
    key_id=3,
    serial=70_001,
    community_id=12,
    resident_ref=4_321,
    kind=PassKind.VISITOR,
    valid_from=datetime(2022, 3, 31, 16, 0, tzinfo=UTC),
    valid_to=datetime(2022, 4, 30, 15, 59, tzinfo=UTC),
    id_digest=id_digest(b"s" * 32, "11010519491231002X", 4_321),
    flags=0x02,
)


def test_layout_matches_the_spec_table():
    payload = CLAIM.payload()
    assert PAYLOAD_SIZE == 31 and CLAIM_SIZE == 95
    assert payload[0] == 1
    assert payload[1:3] == (3).to_bytes(2, "big")
    assert payload[3:7] == (70_001).to_bytes(4, "big")
    assert payload[7:11] == (12).to_bytes(4, "big")
    assert payload[11:15] == (4_321).to_bytes(4, "big")
    assert payload[15] == 1  # visitor
    minutes = int((CLAIM.valid_from - datetime(2020, 1, 1, tzinfo=UTC)).total_seconds()) // 60
    assert payload[16:19] == minutes.to_bytes(3, "big")
    assert payload[22] == 0x02
    assert payload[23:31] == CLAIM.id_digest


@pytest.mark.parametrize("algorithm", [ED25519, SM2])
def test_round_trip_and_text_form(algorithm):
    signer = new_signer(algorithm)
    text = encode(CLAIM, signer)
    assert text.startswith("GD1:") and "=" not in text and text == text.upper()
    assert len(text) == 4 + 152
    back = decode(text)
    assert back.payload() == CLAIM.payload()
    assert back.kind is PassKind.VISITOR and back.valid_to == CLAIM.valid_to
    assert Verifier(algorithm, signer.public_hex).verify(back.payload(), back.signature)
    # lower case and surrounding blanks, as some scanners send them
    assert decode("  " + text.lower() + "\r\n").serial == 70_001


def test_sm2_and_ed25519_sign_the_same_claims():
    for algorithm in (ED25519, SM2):
        signer = new_signer(algorithm)
        signature = decode(encode(CLAIM, signer)).signature
        assert len(signature) == 64
        other = new_signer(algorithm)
        assert not Verifier(algorithm, other.public_hex).verify(CLAIM.payload(), signature)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", NotAPass),
        ("11010519491231002X", NotAPass),
        ("https://example.com/GD1:AAAA", NotAPass),
        ("GD1:", DamagedPass),
        ("GD1:ABC!", DamagedPass),
        ("GD1:" + "A" * 100, DamagedPass),
        ("GD1:" + base64.b32encode(b"\x02" + bytes(94)).decode().rstrip("="), NotAPass),
        (
            "GD1:" + base64.b32encode(b"\x01" + bytes(14) + b"\x09" + bytes(79)).decode(),
            DamagedPass,
        ),
    ],
)
def test_not_a_pass_or_damaged(text, error):
    with pytest.raises(error):
        decode(text)


def test_flipping_any_bit_fails_verification():
    signer = new_signer(ED25519)
    verifier = Verifier(ED25519, signer.public_hex)
    raw = bytearray(
        decode(encode(CLAIM, signer)).payload() + decode(encode(CLAIM, signer)).signature
    )
    assert verifier.verify(bytes(raw[:PAYLOAD_SIZE]), bytes(raw[PAYLOAD_SIZE:]))
    failures = 0
    for bit in range(len(raw) * 8):
        changed = bytearray(raw)
        changed[bit // 8] ^= 1 << (bit % 8)
        try:
            claim = decode(to_text(bytes(changed)))
        except (NotAPass, DamagedPass):
            failures += 1
            continue
        if not verifier.verify(claim.payload(), claim.signature):
            failures += 1
    assert failures == CLAIM_SIZE * 8


def test_digest_binds_the_number_not_its_spelling():
    secret = b"k" * 32
    assert id_digest(secret, "11010519491231002x", 1) == id_digest(secret, "11010519491231002X", 2)
    assert id_digest(secret, "110105194912310038", 1) != id_digest(secret, "11010519491231002X", 1)
    assert id_digest(secret, None, 1) != id_digest(secret, None, 2)
    assert len(id_digest(secret, None, 1)) == 8
