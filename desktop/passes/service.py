"""Issuing, listing and revoking paper passes for one community (the office side).

Issue and revoke write their outbox rows in the same transaction as the pass; revocations
apply at once on every PC of the database, because gates read the revocation list per check.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session, sessionmaker

from db.base import utcnow
from db.enums import PassKind, ResidentState, RevocationReason
from db.models import Building, Household, KeyPerson, Resident, Room, Unit
from db.models.passes import Pass, PassRevocation
from desktop.masking import mask_name
from desktop.office_outbox import community_code
from desktop.passes.claim import Claim, encode, id_digest
from desktop.passes.keys import KeyStore, digest_secret
from desktop.passes.revocation import (
    ISSUED,
    outbox_row,
    revoke_pass,
    revoke_resident_passes,
)
from desktop.registry_query import key_person_on


class PassError(Exception):
    """A request the pass office cannot carry out; `code` names it."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class IssuedPass:
    """One pass as stored: what a print or a list needs (the name already masked)."""

    serial: int
    resident_id: int | None
    kind: PassKind
    key_id: int
    valid_from: datetime
    valid_to: datetime
    code: str
    name_masked: str
    issued_at: datetime
    revoked: bool


@dataclass(frozen=True, slots=True)
class CandidateFilter:
    """Who gets a pass in a batch, e.g. aged 65+ of building 3 without a phone."""

    building: str | None = None
    unit: str | None = None
    household_id: int | None = None
    min_age: int | None = None
    without_phone: bool = False
    exclude_key_persons: bool = False


class PassService:
    """Passes of one community, dated in its time zone."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        community_id: int,
        timezone: str,
        keys: KeyStore,
        *,
        clock: Callable[[], datetime] = utcnow,
        operator_id: int | None = None,
    ) -> None:
        self._sessions = sessions
        self.community_id = community_id
        self.zone = ZoneInfo(timezone)
        self.keys = keys
        self._clock = clock
        self.operator_id = operator_id

    def today(self) -> date:
        return self._clock().astimezone(self.zone).date()

    def issue(
        self,
        resident_ids: Iterable[int],
        *,
        kind: PassKind = PassKind.RESIDENT,
        valid_from: date,
        valid_to: date,
        flags: int = 0,
    ) -> list[IssuedPass]:
        """Issue one pass per resident, valid from the start of `valid_from` to the end of
        `valid_to` (local days); an active pass of the same resident and kind is revoked as
        reissued."""
        kind = PassKind(kind)
        if valid_to < valid_from:
            raise PassError("bad-dates", "the last valid day is before the first")
        start = datetime.combine(valid_from, time(), tzinfo=self.zone)
        end = datetime.combine(valid_to + timedelta(days=1), time(), tzinfo=self.zone)
        end -= timedelta(minutes=1)
        with self._sessions() as session, session.begin():
            key_id = self.keys.ensure(session)
            signer = self.keys.signer(session, key_id)
            secret = digest_secret(session)
            code = community_code(session, self.community_id)
            serial = session.scalar(select(func.max(Pass.serial))) or 0
            now = self._clock()
            issued = []
            for resident_id in dict.fromkeys(resident_ids):
                resident = self._resident(session, resident_id)
                revoke_resident_passes(
                    session, resident.id, RevocationReason.REISSUED, now, kind=kind
                )
                serial += 1
                claim = Claim(
                    key_id=key_id,
                    serial=serial,
                    community_id=self.community_id,
                    resident_ref=resident.id,
                    kind=kind,
                    valid_from=start,
                    valid_to=end,
                    id_digest=id_digest(secret, resident.id_number, resident.id),
                    flags=flags,
                )
                row = Pass(
                    serial=serial,
                    community_id=self.community_id,
                    key_id=key_id,
                    kind=kind,
                    resident_id=resident.id,
                    household_id=resident.household_id,
                    valid_from=start,
                    valid_to=end,
                    flags=flags,
                    issued_at=now,
                    issued_by_id=self.operator_id,
                    code=encode(claim, signer),
                )
                session.add(row)
                session.flush()
                session.add(outbox_row(ISSUED, _issued_payload(code, row, resident), now))
                issued.append(_issued(row, resident))
            return issued

    def candidates(self, filters: CandidateFilter) -> list[int]:
        """Active residents matching `filters`, in building-unit-room order."""
        today = self.today()
        query = (
            select(Resident.id)
            .join(Household, Household.id == Resident.household_id)
            .outerjoin(Room, Room.id == Household.room_id)
            .outerjoin(Unit, Unit.id == Room.unit_id)
            .outerjoin(Building, Building.id == Unit.building_id)
            .where(Resident.community_id == self.community_id)
            .where(Resident.state == ResidentState.ACTIVE)
        )
        if filters.building is not None:
            query = query.where(Building.number == filters.building)
        if filters.unit is not None:
            query = query.where(Unit.number == filters.unit)
        if filters.household_id is not None:
            query = query.where(Resident.household_id == filters.household_id)
        if filters.min_age is not None:
            born_by = _years_before(today, filters.min_age)
            query = query.where(Resident.birth_date.is_not(None), Resident.birth_date <= born_by)
        if filters.without_phone:
            query = query.where((Resident.phone == "") | Resident.elderly_without_phone)
        if filters.exclude_key_persons:
            flagged = exists().where(KeyPerson.resident_id == Resident.id, key_person_on(today))
            query = query.where(~flagged)
        query = query.order_by(Building.number, Unit.number, Room.number, Resident.id)
        with self._sessions() as session:
            return list(session.scalars(query))

    def revoke(self, serial: int, reason: RevocationReason, note: str = "") -> None:
        """Revoke one pass (lost, moved out, deceased, reissued, key compromise)."""
        with self._sessions() as session, session.begin():
            revoke_pass(session, self._pass(session, serial), reason, self._clock(), note)

    def revoke_key(self, key_id: int) -> int:
        """Revoke a whole signing key (compromised); returns the passes it had signed."""
        from db.enums import StatusSource
        from db.models.passes import PassKey

        now = self._clock()
        with self._sessions() as session, session.begin():
            key = session.scalar(select(PassKey).where(PassKey.key_id == key_id))
            if key is None or key.community_id != self.community_id:
                raise PassError("key-not-found", f"there is no pass key {key_id}")
            key.revoked_at = key.revoked_at or now
            session.add(
                PassRevocation(
                    serial=None,
                    key_id=key_id,
                    reason=RevocationReason.KEY_COMPROMISE,
                    source=StatusSource.LOCAL,
                    revoked_at=now,
                )
            )
            rows = session.scalars(
                select(Pass).where(Pass.key_id == key_id, Pass.revoked_at.is_(None))
            ).all()
            for row in rows:
                revoke_pass(session, row, RevocationReason.KEY_COMPROMISE, now)
            return len(rows)

    def reissue(self, serial: int) -> IssuedPass:
        """A new pass with a new serial for the same person, kind and days; the old one is
        revoked as reissued (a lost pass: revoke it as lost first)."""
        with self._sessions() as session:
            old = self._pass(session, serial)
            if old.resident_id is None:
                raise PassError("no-resident", "the pass names no resident")
            first = old.valid_from.astimezone(self.zone).date()
            last = old.valid_to.astimezone(self.zone).date()
            resident_id, kind, flags = old.resident_id, old.kind, old.flags
        if old.revoked_at is None:
            self.revoke(serial, RevocationReason.REISSUED)
        first = max(first, self.today())
        return self.issue([resident_id], kind=kind, valid_from=first, valid_to=last, flags=flags)[0]

    def passes(
        self, *, active_only: bool = False, resident_id: int | None = None
    ) -> list[IssuedPass]:
        """Issued passes, newest serial last."""
        query = (
            select(Pass, Resident)
            .outerjoin(Resident, Resident.id == Pass.resident_id)
            .where(Pass.community_id == self.community_id)
            .order_by(Pass.serial)
        )
        if active_only:
            query = query.where(Pass.revoked_at.is_(None))
        if resident_id is not None:
            query = query.where(Pass.resident_id == resident_id)
        with self._sessions() as session:
            return [_issued(row, resident) for row, resident in session.execute(query)]

    def _resident(self, session: Session, resident_id: int) -> Resident:
        resident = session.get(Resident, resident_id)
        if resident is None or resident.community_id != self.community_id:
            raise PassError("resident-not-found", f"resident {resident_id} is not in the registry")
        if resident.state is not ResidentState.ACTIVE:
            raise PassError("not-active", f"resident {resident_id} no longer lives here")
        return resident

    def _pass(self, session: Session, serial: int) -> Pass:
        row = session.scalar(select(Pass).where(Pass.serial == serial))
        if row is None or row.community_id != self.community_id:
            raise PassError("pass-not-found", f"there is no pass with serial {serial}")
        return row


def _issued(row: Pass, resident: Resident | None) -> IssuedPass:
    return IssuedPass(
        serial=row.serial,
        resident_id=row.resident_id,
        kind=row.kind,
        key_id=row.key_id,
        valid_from=row.valid_from,
        valid_to=row.valid_to,
        code=row.code,
        name_masked=mask_name(resident.name) if resident else "",
        issued_at=row.issued_at,
        revoked=row.revoked_at is not None,
    )


def _issued_payload(code: str, row: Pass, resident: Resident) -> dict:
    return {
        "community": code,
        "serial": row.serial,
        "key_id": row.key_id,
        "kind": row.kind.value,
        "id_number": resident.id_number,
        "valid_from": row.valid_from.isoformat(),
        "valid_to": row.valid_to.isoformat(),
        "issued_at": row.issued_at.isoformat(),
    }


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)
