"""Issuing, listing, revoking and verifying passes against a real database."""

from __future__ import annotations

import stat
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from db.engine import transaction
from db.enums import PassKind, ResidentState, RevocationReason, StatusSource
from db.models import AuditEvent, OutboxItem, Resident, Setting
from db.models.passes import Pass, PassKey, PassRevocation
from desktop.passes.claim import Claim, decode, encode, id_digest
from desktop.passes.crypto import SM2, new_signer
from desktop.passes.keys import DIGEST_SECRET_KEY, KeyStore, digest_secret
from desktop.passes.service import CandidateFilter, PassError, PassService
from desktop.passes.verify import FORGED_ACTION, PassVerifier
from desktop.registry_edit import RegistryEditor
from desktop.verdicts import PassState
from tests.support.gate_site import LI, NOW, ZHANG


def make_passes(sessions, gate, key_dir, *, algorithm="ed25519", clock=lambda: NOW):
    site = gate.site
    keys = KeyStore(
        sessions, site.community_id, key_dir, algorithm=algorithm, backend="file", clock=clock
    )
    service = PassService(sessions, site.community_id, site.timezone, keys, clock=clock)
    verifier = PassVerifier(sessions, site.community_id, clock=clock)
    return service, verifier


def resident_id(sessions, number) -> int:
    with sessions() as session:
        return session.scalar(select(Resident.id).where(Resident.id_number == number))


def issue_one(service, rid, **kw):
    kw.setdefault("valid_from", date(2022, 4, 1))
    kw.setdefault("valid_to", date(2022, 4, 30))
    return service.issue([rid], **kw)[0]


def test_issue_stores_the_code_and_an_outbox_row(gate, sessions, tmp_path):
    service, verifier = make_passes(sessions, gate, tmp_path / "keys")
    zhang = resident_id(sessions, ZHANG)
    issued = issue_one(service, zhang)
    assert issued.name_masked == "张*明" and issued.serial == 1 and not issued.revoked
    check = verifier.verify(issued.code)
    assert (check.state, check.resident_id) == (PassState.VALID, zhang)
    # Shanghai days: 2022-04-01 00:00 +08 to 2022-04-30 23:59 +08
    assert check.claim.valid_from.isoformat() == "2022-03-31T16:00:00+00:00"
    assert check.claim.valid_to.isoformat() == "2022-04-30T15:59:00+00:00"
    with sessions() as session:
        row = session.scalars(select(Pass)).one()
        assert row.code == issued.code and row.resident_id == zhang
        outbox = session.scalars(select(OutboxItem).where(OutboxItem.kind == "pass-issued")).one()
        assert outbox.payload["serial"] == 1 and outbox.payload["id_number"] == ZHANG
        key = session.scalars(select(PassKey)).one()
        assert (key.key_id, key.algorithm, len(key.public_key)) == (1, "ed25519", 64)
        secret = session.get(Setting, DIGEST_SECRET_KEY).value
        assert len(bytes.fromhex(secret)) == 32
    key_file = tmp_path / "keys" / f"community-{gate.site.community_id}-key-1.pem"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert "PRIVATE KEY" in key_file.read_text()


def test_reissue_and_same_kind_revoke_the_old_pass(gate, sessions, tmp_path):
    service, verifier = make_passes(sessions, gate, tmp_path / "keys")
    zhang = resident_id(sessions, ZHANG)
    first = issue_one(service, zhang)
    visitor = issue_one(service, zhang, kind=PassKind.VISITOR)
    second = issue_one(service, zhang)
    assert verifier.verify(first.code).state is PassState.REVOKED
    assert verifier.verify(visitor.code).state is PassState.VALID  # another kind stays
    third = service.reissue(second.serial)
    assert third.serial == 4 and third.code != second.code
    assert verifier.verify(second.code).state is PassState.REVOKED
    assert verifier.verify(third.code).state is PassState.VALID
    assert [p.serial for p in service.passes(active_only=True)] == [2, 4]
    with sessions() as session:
        reasons = session.scalars(select(PassRevocation.reason).order_by(PassRevocation.serial))
        assert list(reasons) == [RevocationReason.REISSUED, RevocationReason.REISSUED]
        kinds = session.scalars(select(OutboxItem.kind).order_by(OutboxItem.id)).all()
        assert kinds.count("pass-revoked") == 2 and kinds.count("pass-issued") == 4


def test_revoke_lost_and_unknown_serial(gate, sessions, tmp_path):
    service, verifier = make_passes(sessions, gate, tmp_path / "keys")
    issued = issue_one(service, resident_id(sessions, LI))
    service.revoke(issued.serial, RevocationReason.LOST, "丢在菜场")
    assert verifier.verify(issued.code).state is PassState.REVOKED
    with pytest.raises(PassError) as caught:
        service.revoke(999, RevocationReason.LOST)
    assert caught.value.code == "pass-not-found"
    with sessions() as session:
        row = session.scalars(select(PassRevocation)).one()
        assert (row.note, row.source) == ("丢在菜场", StatusSource.LOCAL)


def test_window_with_five_minutes_of_skew(gate, sessions, tmp_path):
    service, _ = make_passes(sessions, gate, tmp_path / "keys")
    issued = issue_one(service, resident_id(sessions, LI))
    start = decode(issued.code).valid_from
    end = decode(issued.code).valid_to
    cases = [
        (start - timedelta(minutes=5), PassState.VALID),
        (start - timedelta(minutes=6), PassState.EXPIRED),
        (end + timedelta(minutes=5), PassState.VALID),
        (end + timedelta(minutes=5, seconds=1), PassState.EXPIRED),
    ]
    for moment, state in cases:
        verifier = PassVerifier(sessions, gate.site.community_id, clock=lambda m=moment: m)
        assert verifier.verify(issued.code).state is state, moment


def test_rotation_keeps_old_passes_and_key_revocation_ends_them(gate, sessions, tmp_path):
    service, verifier = make_passes(sessions, gate, tmp_path / "keys")
    old = issue_one(service, resident_id(sessions, LI))
    with transaction(sessions) as session:
        assert service.keys.rotate(session) == 2
    new = issue_one(service, resident_id(sessions, ZHANG))
    assert decode(new.code).key_id == 2
    assert verifier.verify(old.code).state is PassState.VALID
    assert service.revoke_key(1) == 1
    assert verifier.verify(old.code).state is PassState.REVOKED
    assert verifier.verify(new.code).state is PassState.VALID


def test_forgeries_are_forged_and_audited(gate, sessions, tmp_path):
    service, verifier = make_passes(sessions, gate, tmp_path / "keys")
    li = resident_id(sessions, LI)
    genuine = decode(issue_one(service, li).code)
    intruder = new_signer("ed25519")
    with sessions() as session:
        secret = digest_secret(session)
    # right key id, wrong key; a pass for LI carrying ZHANG's digest; an unknown key id
    fakes = {
        encode(genuine, intruder): "bad-signature",
        encode(Claim(**{**_fields(genuine), "key_id": 77}), intruder): "unknown-key",
    }
    with sessions() as session:
        signer = service.keys.signer(session, 1)
    swapped = Claim(**{**_fields(genuine), "id_digest": id_digest(secret, ZHANG, li)})
    fakes[encode(swapped, signer)] = "id-digest"
    fakes["GD1:" + "A" * 150] = "damaged"
    fakes["GD1:" + "Z" * 152] = "not-a-pass"  # version 255
    for text, why in fakes.items():
        check = verifier.verify(text)
        assert (check.state, check.why) == (PassState.FORGED, why)
        assert check.resident_id is None
    with sessions() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.action == FORGED_ACTION))
        details = [e.detail for e in events]
    assert sorted(d["why"] for d in details) == sorted(fakes.values())
    assert all(ZHANG not in str(d) and LI not in str(d) for d in details)


def _fields(claim: Claim) -> dict:
    names = ("key_id", "serial", "community_id", "resident_ref", "kind", "valid_from")
    names += ("valid_to", "id_digest", "flags")
    return {name: getattr(claim, name) for name in names}


def test_sm2_keys_issue_passes_that_verify(gate, sessions, tmp_path):
    service, verifier = make_passes(sessions, gate, tmp_path / "keys", algorithm=SM2)
    issued = issue_one(service, resident_id(sessions, ZHANG))
    assert verifier.verify(issued.code).state is PassState.VALID
    with sessions() as session:
        assert session.scalars(select(PassKey.algorithm)).one() == "sm2"


def test_candidates_filter_building_age_phone(gate, sessions, tmp_path):
    service, _ = make_passes(sessions, gate, tmp_path / "keys")
    zhang, li = resident_id(sessions, ZHANG), resident_id(sessions, LI)
    with transaction(sessions) as session:
        session.get(Resident, li).phone = "13800001111"
    assert service.candidates(CandidateFilter(building="3")) == [zhang, li]
    assert service.candidates(CandidateFilter(building="4")) == []
    assert service.candidates(CandidateFilter(building="3", min_age=65)) == [zhang]
    assert service.candidates(CandidateFilter(without_phone=True)) == [zhang]
    assert service.candidates(CandidateFilter(unit="2", min_age=80)) == []


def test_moving_out_and_death_revoke_passes_in_the_same_change(gate, sessions, tmp_path):
    service, verifier = make_passes(sessions, gate, tmp_path / "keys")
    zhang, li = resident_id(sessions, ZHANG), resident_id(sessions, LI)
    a, b = service.issue([zhang, li], valid_from=date(2022, 4, 1), valid_to=date(2022, 4, 30))
    editor = RegistryEditor(sessions, gate.site.community_id, gate.site.timezone, lambda: NOW)
    editor.move_out(li, date(2022, 3, 31))
    editor.mark_deceased(zhang, date(2022, 4, 1))
    assert verifier.verify(a.code).state is PassState.REVOKED
    assert verifier.verify(b.code).state is PassState.REVOKED
    with sessions() as session:
        rows = session.execute(select(PassRevocation.serial, PassRevocation.reason)).all()
        assert sorted(rows) == [
            (a.serial, RevocationReason.DECEASED),
            (b.serial, RevocationReason.MOVED_OUT),
        ]
        assert session.get(Resident, li).state is ResidentState.MOVED_OUT
    with pytest.raises(PassError):
        service.issue([li], valid_from=date(2022, 4, 1), valid_to=date(2022, 4, 2))


def test_choosing_sm2_rotates_to_an_sm2_key_and_old_passes_stay_valid(gate, sessions, tmp_path):
    service, verifier = make_passes(sessions, gate, tmp_path / "keys")
    old = issue_one(service, resident_id(sessions, LI))
    sm2_service, _ = make_passes(sessions, gate, tmp_path / "keys", algorithm=SM2)
    new = issue_one(sm2_service, resident_id(sessions, ZHANG))
    assert (decode(old.code).key_id, decode(new.code).key_id) == (1, 2)
    assert verifier.verify(old.code).state is PassState.VALID
    assert verifier.verify(new.code).state is PassState.VALID
    with sessions() as session:
        keys = session.execute(select(PassKey.algorithm, PassKey.retired_at.is_not(None)))
        assert sorted(keys.all()) == [("ed25519", True), ("sm2", False)]


class FakeKeyring:
    def __init__(self):
        self.stored = {}

    def set_password(self, service, name, text):
        self.stored[(service, name)] = text

    def get_password(self, service, name):
        return self.stored.get((service, name))


def test_usable_os_keyring_keeps_the_private_key_out_of_files(
    gate, sessions, tmp_path, monkeypatch
):
    fake = FakeKeyring()
    monkeypatch.setattr("desktop.passes.keys._keyring", lambda: fake)
    site = gate.site
    keys = KeyStore(sessions, site.community_id, tmp_path / "keys", clock=lambda: NOW)
    service = PassService(sessions, site.community_id, site.timezone, keys, clock=lambda: NOW)
    issued = issue_one(service, resident_id(sessions, ZHANG))
    assert not (tmp_path / "keys").exists()
    assert list(fake.stored) == [("gatedesk-passes", f"community-{site.community_id}-key-1")]
    # a second store (another run of the office app) reads the key back from the keyring
    again = KeyStore(sessions, site.community_id, tmp_path / "keys", clock=lambda: NOW)
    with sessions() as session:
        assert again.signer(session, 1).public_hex == session.scalar(select(PassKey.public_key))
    assert (
        PassVerifier(sessions, site.community_id, clock=lambda: NOW).verify(issued.code).state
        is PassState.VALID
    )
