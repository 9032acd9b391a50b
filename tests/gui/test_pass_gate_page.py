"""Paper passes scanned at the gate page: each failure its own verdict; a valid pass never
lifts red or isolation."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from db.enums import HealthColor, IsolationKind, ResidentState, RevocationReason
from db.models import Resident
from desktop.bootstrap import ensure_site
from desktop.hardware import CodeReading, CodeSource
from desktop.passes.claim import Claim, decode, encode
from desktop.passes.crypto import new_signer
from desktop.passes.keys import KeyStore
from desktop.verdicts import Reason, VerdictKind
from ui import texts


@pytest.fixture
def people(context) -> list[int]:
    """Living residents of the demo without isolation, green."""
    with context.sessions() as session:
        return list(
            session.scalars(
                select(Resident.id)
                .where(Resident.state == ResidentState.ACTIVE)
                .where(Resident.health_status == HealthColor.GREEN)
                .where(Resident.id_number.is_not(None))
                .order_by(Resident.id)
                .limit(6)
            )
        )


def _scan(window, qtbot, text: str):
    page = window.gate_page
    window._code_read(CodeReading(text, CodeSource.CAMERA, "cam0", datetime.now()))
    qtbot.waitUntil(lambda: page.last_verdict is not None and page.verdict.kind is not None)
    verdict = page.last_verdict
    assert texts.reason_text(verdict.reason) in page.verdict.reason_line.text()
    page.last_verdict = None
    return verdict


def _issue(context, resident_id: int, first: date, last: date):
    return context.passes.issue([resident_id], valid_from=first, valid_to=last)[0]


def test_each_pass_failure_gets_its_own_verdict(window, qtbot, context, people):
    today = context.passes.today()
    valid = _issue(context, people[0], today, today + timedelta(days=29))
    verdict = _scan(window, qtbot, valid.code)
    assert (verdict.kind, verdict.reason) == (VerdictKind.ALLOW, Reason.OK)
    assert "放行" in window.gate_page.verdict.word.text()

    expired = _issue(context, people[1], today - timedelta(days=40), today - timedelta(days=10))
    verdict = _scan(window, qtbot, expired.code)
    assert (verdict.kind, verdict.reason) == (VerdictKind.REFER, Reason.PASS_EXPIRED)

    revoked = _issue(context, people[2], today, today + timedelta(days=29))
    context.passes.revoke(revoked.serial, RevocationReason.LOST)
    verdict = _scan(window, qtbot, revoked.code)
    assert (verdict.kind, verdict.reason) == (VerdictKind.DENY, Reason.PASS_REVOKED)

    # A genuine pass of a neighbouring community: its own key, known here as the city shares
    # public keys, but not a pass for this gate.
    claim = decode(valid.code)
    with context.sessions() as session, session.begin():
        other = ensure_site(session, community_code="neighbour", gate_code="north")
        keys = KeyStore(context.sessions, other.community_id, context.paths.data_dir / "nk",
                        backend="file")  # fmt: skip
        key_id = keys.ensure(session)
        signer = keys.signer(session, key_id)
    elsewhere = Claim(
        key_id=key_id,
        serial=claim.serial + 1000,
        community_id=other.community_id,
        resident_ref=claim.resident_ref,
        kind=claim.kind,
        valid_from=claim.valid_from,
        valid_to=claim.valid_to,
        id_digest=claim.id_digest,
    )
    verdict = _scan(window, qtbot, encode(elsewhere, signer))
    assert verdict.reason is Reason.PASS_OTHER_COMMUNITY
    assert verdict.kind in (VerdictKind.REFER, VerdictKind.DENY)

    # The same claim signed by a key the community never had.
    stranger = Claim(
        key_id=claim.key_id + 50,
        serial=claim.serial,
        community_id=claim.community_id,
        resident_ref=claim.resident_ref,
        kind=claim.kind,
        valid_from=claim.valid_from,
        valid_to=claim.valid_to,
        id_digest=claim.id_digest,
    )
    verdict = _scan(window, qtbot, encode(stranger, new_signer("ed25519")))
    assert (verdict.kind, verdict.reason) == (VerdictKind.DENY, Reason.PASS_FORGED)


def test_a_valid_pass_never_lifts_red_or_isolation(window, qtbot, context, people):
    today = context.passes.today()
    red, isolated = people[3], people[4]
    red_pass = _issue(context, red, today, today + timedelta(days=29))
    isolated_pass = _issue(context, isolated, today, today + timedelta(days=29))
    with context.sessions() as session, session.begin():
        session.get(Resident, red).health_status = HealthColor.RED
    context.isolation.start(isolated, IsolationKind.HOME, today, today + timedelta(days=14))

    assert _scan(window, qtbot, red_pass.code).kind is VerdictKind.DENY
    verdict = _scan(window, qtbot, isolated_pass.code)
    assert verdict.kind is VerdictKind.DENY
    assert "禁止通行" in window.gate_page.verdict.word.text()
