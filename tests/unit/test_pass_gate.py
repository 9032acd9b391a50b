"""A paper pass scanned at the gate: verified, then the ordinary rules decide, always logged."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from db.engine import transaction
from db.enums import CheckMethod, Decision, Direction, HealthColor, IsolationKind, PassKind
from db.models import AuditEvent, EntryLog, IsolationOrder, Resident
from desktop.bootstrap import ensure_site
from desktop.intake import GateIntake
from desktop.passes.claim import decode, encode
from desktop.passes.crypto import new_signer
from desktop.passes.keys import KeyStore
from desktop.passes.service import PassService
from desktop.verdicts import Reason, VerdictKind
from devices.readings import CodeReading, CodeSource
from tests.support.gate_site import LI, NOW, ZHANG, make_gate
from tests.unit.test_pass_service import issue_one, make_passes, resident_id


def scan(intake: GateIntake, text: str, direction=Direction.IN):
    return intake.submit(
        intake.from_code(CodeReading(text, CodeSource.CAMERA, "cam0", NOW)), direction
    )


def entries(sessions) -> list[EntryLog]:
    with sessions() as session:
        return list(session.scalars(select(EntryLog).order_by(EntryLog.id)))


def setup(sessions, tmp_path, clock=lambda: NOW):
    gate = make_gate(sessions, clock=clock)
    service, _ = make_passes(sessions, gate, tmp_path / "keys")
    return gate, service, GateIntake(gate, clock=clock)


def test_valid_pass_allows_and_logs_the_serial(sessions, tmp_path):
    gate, service, intake = setup(sessions, tmp_path)
    zhang = resident_id(sessions, ZHANG)
    issued = issue_one(service, zhang)
    verdict = scan(intake, issued.code)
    assert (verdict.kind, verdict.reason) == (VerdictKind.ALLOW, Reason.OK)
    assert verdict.name_masked == "张*明" and verdict.resident_id == zhang
    [entry] = entries(sessions)
    assert (entry.method, entry.pass_serial, entry.resident_id) == (
        CheckMethod.PASS,
        issued.serial,
        zhang,
    )
    assert entry.device == "cam0"


def test_visitor_pass_allows_with_limits(sessions, tmp_path):
    gate, service, intake = setup(sessions, tmp_path)
    issued = issue_one(service, resident_id(sessions, LI), kind=PassKind.VISITOR)
    verdict = scan(intake, issued.code)
    assert (verdict.kind, verdict.reason) == (VerdictKind.ALLOW_LIMITED, Reason.PASS_LIMITED)


def test_expired_pass_goes_to_staff(sessions, tmp_path):
    later = NOW + timedelta(days=40)
    gate, service, intake = setup(sessions, tmp_path, clock=lambda: later)
    issued = issue_one(service, resident_id(sessions, ZHANG))
    verdict = scan(intake, issued.code)
    assert (verdict.kind, verdict.reason) == (VerdictKind.REFER, Reason.PASS_EXPIRED)
    assert entries(sessions)[0].decision is Decision.REFER


def test_revoked_pass_is_denied(sessions, tmp_path):
    from db.enums import RevocationReason

    gate, service, intake = setup(sessions, tmp_path)
    issued = issue_one(service, resident_id(sessions, ZHANG))
    service.revoke(issued.serial, RevocationReason.LOST)
    verdict = scan(intake, issued.code)
    assert (verdict.kind, verdict.reason) == (VerdictKind.DENY, Reason.PASS_REVOKED)
    [entry] = entries(sessions)
    assert entry.reason_code == "pass-revoked" and entry.pass_serial == issued.serial


def test_other_communitys_pass_goes_to_staff_without_a_person(sessions, tmp_path):
    gate, service, intake = setup(sessions, tmp_path)
    with transaction(sessions) as session:
        other = ensure_site(session, community_code="c2", gate_code="west")
        stranger = Resident(community_id=other.community_id, name="王五", id_number=None)
        session.add(stranger)
        session.flush()
        stranger_id = stranger.id
    keys = KeyStore(sessions, other.community_id, tmp_path / "k2", backend="file")
    theirs = PassService(sessions, other.community_id, other.timezone, keys, clock=lambda: NOW)
    issued = issue_one(theirs, stranger_id)
    verdict = scan(intake, issued.code)
    assert (verdict.kind, verdict.reason) == (VerdictKind.REFER, Reason.PASS_OTHER_COMMUNITY)
    [entry] = entries(sessions)
    assert entry.resident_id is None and entry.visitor_id is None


def test_unknown_key_and_garbage_are_forged_denied_logged_and_audited(sessions, tmp_path):
    gate, service, intake = setup(sessions, tmp_path)
    genuine = decode(issue_one(service, resident_id(sessions, ZHANG)).code)
    from dataclasses import replace

    forged = encode(replace(genuine, key_id=9, signature=b""), new_signer("ed25519"))
    for text in (forged, "GD1:THIS-IS-NOT-A-PASS", "gd1:" + "A" * 152):
        verdict = scan(intake, text)
        assert (verdict.kind, verdict.reason) == (VerdictKind.DENY, Reason.PASS_FORGED)
        assert verdict.recorded and verdict.resident_id is None
    assert [e.reason_code for e in entries(sessions)] == ["pass-forged"] * 3
    with sessions() as session:
        whys = session.scalars(select(AuditEvent.detail).order_by(AuditEvent.id)).all()
    assert [d["why"] for d in whys if "why" in d] == ["unknown-key", "damaged", "not-a-pass"]


def test_valid_pass_never_lifts_red_or_isolation(sessions, tmp_path):
    gate, service, intake = setup(sessions, tmp_path)
    zhang, li = resident_id(sessions, ZHANG), resident_id(sessions, LI)
    red, isolated = issue_one(service, zhang), issue_one(service, li)
    with transaction(sessions) as session:
        session.get(Resident, zhang).health_status = HealthColor.RED
        session.add(
            IsolationOrder(
                resident_id=li,
                kind=IsolationKind.HOME,
                start_date=date(2022, 3, 25),
                planned_end_date=date(2022, 4, 8),
            )
        )
    assert scan(intake, red.code).reason is Reason.HEALTH_RED
    verdict = scan(intake, isolated.code, Direction.OUT)
    assert (verdict.kind, verdict.reason) == (VerdictKind.DENY, Reason.ISOLATION)
