"""Issued passes, printed on an A4 sheet, scanned back from the rasterised PDF by both
decoders, verify; one flipped bit anywhere in a printed claim does not."""

from __future__ import annotations

import base64

from db.enums import PassKind
from desktop.pass_print import print_sheet
from desktop.verdicts import PassState
from tests.support.gate_site import LI, ZHANG
from tests.unit.test_pass_service import issue_one, make_passes, resident_id
from tests.unit.test_pass_sheet import decode_both, rasterise

PREFIX = "GD1:"


def _flip(code: str, bit: int) -> str:
    body = code.removeprefix(PREFIX)
    raw = bytearray(base64.b32decode(body + "=" * (-len(body) % 8)))
    raw[bit // 8] ^= 1 << (bit % 8)
    return PREFIX + base64.b32encode(bytes(raw)).decode("ascii").rstrip("=")


def test_printed_passes_scan_back_and_verify(gate, sessions, tmp_path):
    service, verifier = make_passes(sessions, gate, tmp_path / "keys")
    issued = [
        issue_one(service, resident_id(sessions, ZHANG)),
        issue_one(service, resident_id(sessions, LI), kind=PassKind.VISITOR),
    ]
    pdf = print_sheet(sessions, gate.site.community_id, tmp_path / "sheet.pdf")
    [page] = rasterise(pdf)
    by_zxing, by_zbar = decode_both(page)
    codes = {p.code for p in issued}
    assert set(by_zxing) == codes and set(by_zbar) == codes

    for text in by_zxing:
        check = verifier.verify(text)
        assert check.state is PassState.VALID
    # Every single bit of one printed claim matters.
    printed = by_zbar[0]
    body = printed.removeprefix(PREFIX)
    size = len(base64.b32decode(body + "=" * (-len(body) % 8)))
    for bit in range(size * 8):
        assert verifier.verify(_flip(printed, bit)).state is not PassState.VALID, bit
