"""The gate check: find the person, gather the facts, apply the rules, write the entry log.

Every decided check writes its entry log row and an outbox row in one transaction; a fever
also opens a fever alert (发热预警) that waits for the re-measure, which is the next check of
the same person with a temperature, after `Policy.remeasure_after_s`.
"""

from __future__ import annotations

import logging
import re
import unicodedata
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, sessionmaker

from db.base import utcnow
from db.enums import (
    CheckMethod,
    Decision,
    Direction,
    FeverOutcome,
    HealthColor,
    ResidentState,
)
from db.models import EntryLog, FeverAlert, Household, Resident, Room, Unit, Visitor
from db.models import TemperatureReading as TemperatureRow
from desktop.bootstrap import Site
from desktop.gate_facts import open_alert, person_facts, quota_used
from desktop.gate_log import DayCounts, GateLog, RecentCheck, alert_outbox, entry_outbox
from desktop.idnumber import IdNumberError, parse
from desktop.masking import mask_id_number, mask_name
from desktop.rules import Policy, decide
from desktop.verdicts import (
    Address,
    CheckFacts,
    PassFacts,
    Reason,
    Temperature,
    Verdict,
    VerdictKind,
    VisitorFacts,
)
from desktop.visitors import (
    HostHousehold,
    KnownVisitor,
    VisitorForm,
    find_hosts,
    find_visitor,
    save_visitor,
    visitor_by_number,
)

log = logging.getLogger(__name__)

DOCUMENT_NUMBER = re.compile(r"[0-9A-Z]{8,20}")
OVERRIDE_REASON_MAX = 200

__all__ = ["DayCounts", "GateService", "RecentCheck", "address_of"]


class GateError(Exception):
    """A request the gate cannot carry out; `code` names it for the UI's message."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True, slots=True)
class Companion:
    """A member of the same household who may pass with the person just checked."""

    resident_id: int
    name_masked: str
    relation: str


def address_of(resident: Resident) -> Address | None:
    """Building, unit and room of a resident's household, if it has a room."""
    household = resident.household
    room = household.room if household else None
    if room is None:
        return None
    unit = room.unit
    return Address(building=unit.building.number, unit=unit.number, room=room.number)


@dataclass(frozen=True, slots=True)
class _Who:
    """The person of one check as found: a resident, or a visitor's number and form."""

    resident: Resident | None = None
    id_number: str | None = None
    form: VisitorForm | None = None


class GateService(GateLog):
    """Runs checks for one gate. Thread-safe: each call opens its own session."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        site: Site,
        policy: Policy,
        *,
        operator_id: int | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        super().__init__(sessions, site, ZoneInfo(site.timezone), clock)
        self.policy = policy
        self.operator_id = operator_id

    # -- checks ---------------------------------------------------------------------------
    def check_id_number(
        self,
        raw: str,
        *,
        direction: Direction,
        method: CheckMethod = CheckMethod.TYPED,
        temperature: Temperature | None = None,
        device: str = "",
        document: bool = False,
        code_health: HealthColor | None = None,
    ) -> Verdict:
        """Check a person by an ID number typed, pasted, scanned or read from a card.

        With `document`, `raw` is the number of another card a reader read (a foreigner's
        permanent residence card): it is looked up as it is, without the resident-ID checks.
        `code_health` is the colour a scanned health code showed: it can only make things worse.
        """
        now = self._clock()
        number, problem = self._normalise(raw, document, now)
        if problem is not None:
            return Verdict(VerdictKind.INPUT_ERROR, problem, direction, method, now)
        with self._sessions() as session, session.begin():
            resident = self._resident_by_number(session, number)
            facts = CheckFacts(
                direction, self._local(now).time(), temperature, code_health=code_health
            )
            return self._check(session, _Who(resident, number), facts, method, device, now)

    def check_resident(
        self,
        resident_id: int,
        *,
        direction: Direction,
        method: CheckMethod = CheckMethod.SEARCH,
        temperature: Temperature | None = None,
        device: str = "",
        pass_: PassFacts | None = None,
        companion_of: int | None = None,
    ) -> Verdict:
        """Check a resident chosen from a name search, a pass or a companion list."""
        now = self._clock()
        with self._sessions() as session, session.begin():
            resident = session.scalars(
                self._resident_query().where(Resident.id == resident_id)
            ).one()
            facts = CheckFacts(direction, self._local(now).time(), temperature, pass_=pass_)
            who = _Who(resident, resident.id_number)
            return self._check(session, who, facts, method, device, now, companion_of)

    def check_unmatched_pass(
        self,
        pass_: PassFacts,
        *,
        direction: Direction,
        method: CheckMethod = CheckMethod.PASS,
        temperature: Temperature | None = None,
        device: str = "",
    ) -> Verdict:
        """Log a pass that names nobody of this registry (forged, unreadable, another
        community's): the rules still decide and the check is logged, without a person."""
        now = self._clock()
        facts = CheckFacts(direction, self._local(now).time(), temperature, pass_=pass_)
        ruling = decide(facts, self.policy)
        verdict = Verdict(
            ruling.kind, ruling.reason, direction, method, now, temperature=temperature
        )
        if ruling.decision is None:
            return verdict
        with self._sessions() as session, session.begin():
            entry = self._write_entry(
                session,
                now,
                direction,
                method,
                temperature,
                device,
                decision=ruling.decision,
                reason=ruling.reason,
                pass_serial=pass_.serial,
            )
            return replace(verdict, entry_id=entry.id)

    def check_visitor(
        self,
        form: VisitorForm,
        *,
        direction: Direction,
        method: CheckMethod = CheckMethod.TYPED,
        temperature: Temperature | None = None,
        device: str = "",
    ) -> Verdict:
        """Check a visitor whose form staff filled in; the visitor policy decides."""
        now = self._clock()
        number, problem = self._normalise_any(form.id_number, now)
        if problem is not None:
            return Verdict(VerdictKind.INPUT_ERROR, problem, direction, method, now)
        if not form.name.strip():
            return Verdict(VerdictKind.INPUT_ERROR, Reason.EMPTY, direction, method, now)
        with self._sessions() as session, session.begin():
            resident = self._resident_by_number(session, number)
            facts = CheckFacts(direction, self._local(now).time(), temperature)
            who = _Who(resident, number, None if resident else form)
            return self._check(session, who, facts, method, device, now)

    def record_unregistered(
        self,
        raw: str,
        *,
        direction: Direction,
        method: CheckMethod,
        temperature: Temperature | None,
        device: str = "",
    ) -> Verdict:
        """Log an unregistered person staff did not register as a visitor (referred, left)."""
        now = self._clock()
        number, problem = self._normalise_any(raw, now)
        if problem is not None:
            return Verdict(VerdictKind.INPUT_ERROR, problem, direction, method, now)
        with self._sessions() as session, session.begin():
            visitor = save_visitor(session, self.site.community_id, None, number, now)
            entry = self._write_entry(
                session,
                now,
                direction,
                method,
                temperature,
                device,
                decision=Decision.REFER,
                reason=Reason.NOT_REGISTERED,
                visitor=visitor,
                id_number=number,
            )
            return Verdict(
                VerdictKind.REFER,
                Reason.NOT_REGISTERED,
                direction,
                method,
                now,
                id_masked=mask_id_number(number),
                temperature=temperature,
                entry_id=entry.id,
                visitor=True,
            )

    def check_companions(
        self,
        lead_entry_id: int,
        companions: Iterable[tuple[int, Temperature | None]],
        *,
        direction: Direction,
    ) -> list[Verdict]:
        """Check each companion (同行人员) of the person of `lead_entry_id`, each logged."""
        return [
            self.check_resident(
                resident_id,
                direction=direction,
                method=CheckMethod.SEARCH,
                temperature=temperature,
                companion_of=lead_entry_id,
            )
            for resident_id, temperature in companions
        ]

    def override(self, entry_id: int, *, allow: bool, reason: str) -> Verdict:
        """Staff decide a referred check (logged with the operator and their reason)."""
        reason = reason.strip()[:OVERRIDE_REASON_MAX]
        if not reason:
            raise GateError("override-needs-reason")
        now = self._clock()
        with self._sessions() as session, session.begin():
            entry = session.get(EntryLog, entry_id)
            if entry is None or entry.gate_id != self.site.gate_id:
                raise GateError("override-unknown-entry")
            if entry.decision is not Decision.REFER or entry.overridden_at is not None:
                raise GateError("override-not-referred")
            entry.decision = Decision.ALLOW if allow else Decision.DENY
            entry.override_reason = reason
            entry.override_by_id = self.operator_id
            entry.overridden_at = now
            session.add(entry_outbox(entry, self.site, None, update="override"))
            resident = (
                session.scalars(
                    self._resident_query().where(Resident.id == entry.resident_id)
                ).one()
                if entry.resident_id
                else None
            )
            visitor = session.get(Visitor, entry.visitor_id) if entry.visitor_id else None
            name = resident.name if resident else visitor.name if visitor else ""
            log.info("entry %s overridden at gate %s: %s", entry.uid, self.site.gate_code, allow)
            return Verdict(
                VerdictKind.ALLOW if allow else VerdictKind.DENY,
                Reason(entry.reason_code),
                entry.direction,
                entry.method,
                now,
                name_masked=mask_name(name),
                address=address_of(resident) if resident else None,
                entry_id=entry.id,
                resident_id=entry.resident_id,
                visitor=visitor is not None,
                override_reason=reason,
            )

    # -- lookups for the gate page --------------------------------------------------------
    def companions(self, resident_id: int) -> list[Companion]:
        """The other active members of the resident's household."""
        with self._sessions() as session:
            household_id = session.scalar(
                select(Resident.household_id).where(Resident.id == resident_id)
            )
            if household_id is None:
                return []
            rows = session.scalars(
                select(Resident)
                .where(Resident.household_id == household_id)
                .where(Resident.id != resident_id)
                .where(Resident.state == ResidentState.ACTIVE)
                .order_by(Resident.id)
            ).all()
            return [Companion(r.id, mask_name(r.name), r.relation.value) for r in rows]

    def known_visitor(self, id_number: str) -> KnownVisitor | None:
        number, problem = self._normalise_any(id_number, self._clock())
        if problem is not None:
            return None
        with self._sessions() as session:
            return find_visitor(session, self.site.community_id, number)

    def hosts(self, text: str) -> list[HostHousehold]:
        with self._sessions() as session:
            return find_hosts(session, self.site.community_id, text)

    # -- the check ------------------------------------------------------------------------
    def _check(
        self,
        session: Session,
        who: _Who,
        facts: CheckFacts,
        method: CheckMethod,
        device: str,
        now: datetime,
        companion_of: int | None = None,
    ) -> Verdict:
        today = self._local(now).date()
        resident = who.resident
        known = None  # a visitor row from an earlier visit, for the fever alert
        if resident is not None:
            person = person_facts(session, resident, now, today)
            used = quota_used(session, resident.household_id, self.policy, today, self._zone)
            facts = replace(facts, person=person, quota_used=used)
        else:
            if who.form is not None:
                facts = replace(facts, visitor=VisitorFacts(who.form.host_household_id))
            known = visitor_by_number(session, self.site.community_id, who.id_number)
        ruling = decide(facts, self.policy)
        id_masked = mask_id_number(who.id_number) if who.id_number else ""
        verdict = Verdict(
            ruling.kind,
            ruling.reason,
            facts.direction,
            method,
            now,
            name_masked=mask_name(resident.name) if resident else "",
            id_masked=id_masked,
            address=address_of(resident) if resident else None,
            temperature=facts.temperature,
            resident_id=resident.id if resident else None,
            visitor=resident is None,
            quota_left=ruling.quota_left,
            quota_people=self.policy.quota.people if self.policy.quota else None,
        )
        if who.form is not None:
            verdict = replace(verdict, name_masked=mask_name(who.form.name))
        elif known is not None:
            verdict = replace(verdict, name_masked=mask_name(known.name))
        alert = open_alert(
            session,
            resident_id=resident.id if resident else None,
            visitor_id=known.id if known else None,
            today=today,
            zone=self._zone,
        )
        if alert is not None:
            waiting = self._remeasure_gate(alert, facts.temperature, now)
            if waiting is not None:
                return replace(verdict, kind=VerdictKind.REMEASURE, reason=waiting, **_due(alert))
        if ruling.decision is None or (
            ruling.reason is Reason.NOT_REGISTERED and ruling.decision is Decision.REFER
        ):
            # A re-measure decides nothing; an unregistered person waits for the visitor form.
            return verdict
        visitor = None
        if resident is None:
            visitor = save_visitor(session, self.site.community_id, who.form, who.id_number, now)
        entry = self._write_entry(
            session,
            now,
            facts.direction,
            method,
            facts.temperature,
            device,
            decision=ruling.decision,
            reason=ruling.reason,
            resident=resident,
            visitor=visitor,
            id_number=who.id_number,
            companion_of=companion_of,
            pass_serial=facts.pass_.serial if facts.pass_ else None,
        )
        verdict = replace(verdict, entry_id=entry.id)
        if alert is not None:
            return self._remeasured(session, alert, entry, who.id_number, verdict)
        if ruling.reason is Reason.FEVER:
            alert = self._open_alert(session, entry, who.id_number, resident, visitor, now)
            return replace(verdict, **_due(alert))
        return verdict

    def _remeasure_gate(
        self, alert: FeverAlert, temperature: Temperature | None, now: datetime
    ) -> Reason | None:
        """Why a person with an open fever alert cannot be checked yet, if they cannot."""
        if now < alert.remeasure_due_at:
            return Reason.REMEASURE_WAIT
        if temperature is None:
            return Reason.REMEASURE_NEEDED
        return None

    def _remeasured(
        self,
        session: Session,
        alert: FeverAlert,
        entry: EntryLog,
        id_number: str | None,
        verdict: Verdict,
    ) -> Verdict:
        fever = entry.reason_code == Reason.FEVER
        alert.second_c = entry.temperature_c
        alert.second_at = entry.occurred_at
        alert.second_entry_log_id = entry.id
        alert.outcome = FeverOutcome.CONFIRMED if fever else FeverOutcome.CLEARED
        alert.follow_up = "report-to-health-station" if fever else ""
        session.add(alert_outbox(alert, self.site, entry.uid, id_number, update="remeasure"))
        log.info("fever alert %s re-measured: %s", alert.uid, alert.outcome)
        if fever:
            return replace(verdict, reason=Reason.FEVER_CONFIRMED, remeasured=True)
        return replace(verdict, remeasured=True)

    def _open_alert(
        self,
        session: Session,
        entry: EntryLog,
        id_number: str | None,
        resident: Resident | None,
        visitor: Visitor | None,
        now: datetime,
    ) -> FeverAlert:
        alert = FeverAlert(
            uid=uuid.uuid4().hex,
            community_id=self.site.community_id,
            gate_id=self.site.gate_id,
            resident_id=resident.id if resident else None,
            visitor_id=visitor.id if visitor else None,
            entry_log_id=entry.id,
            first_c=entry.temperature_c,
            first_at=now,
            remeasure_due_at=now + timedelta(seconds=self.policy.remeasure_after_s),
            operator_id=self.operator_id,
        )
        session.add(alert)
        session.flush()
        session.add(alert_outbox(alert, self.site, entry.uid, id_number))
        log.warning("fever alert %s at gate %s", alert.uid, self.site.gate_code)
        return alert

    def _write_entry(
        self,
        session: Session,
        now: datetime,
        direction: Direction,
        method: CheckMethod,
        temperature: Temperature | None,
        device: str,
        *,
        decision: Decision,
        reason: Reason,
        resident: Resident | None = None,
        visitor: Visitor | None = None,
        id_number: str | None = None,
        companion_of: int | None = None,
        pass_serial: int | None = None,
    ) -> EntryLog:
        entry = EntryLog(
            uid=uuid.uuid4().hex,
            community_id=self.site.community_id,
            gate_id=self.site.gate_id,
            occurred_at=now,
            utc_offset_min=int(self._local(now).utcoffset().total_seconds() // 60),
            direction=direction,
            resident_id=resident.id if resident else None,
            visitor_id=visitor.id if visitor else None,
            household_id=resident.household_id if resident else None,
            method=method,
            temperature_c=temperature.value_c if temperature else None,
            temperature_source=temperature.source if temperature else None,
            decision=decision,
            reason_code=reason.value,
            operator_id=self.operator_id,
            device=device,
            companion_of_id=companion_of,
            pass_serial=pass_serial,
        )
        session.add(entry)
        session.flush()
        if temperature is not None:
            session.add(
                TemperatureRow(
                    gate_id=self.site.gate_id,
                    measured_at=now,
                    value_c=temperature.value_c,
                    source=temperature.source,
                    device=temperature.device,
                    entry_log_id=entry.id,
                )
            )
        lead = session.get(EntryLog, companion_of) if companion_of else None
        session.add(
            entry_outbox(entry, self.site, id_number, companion_of=lead.uid if lead else None)
        )
        log.info("check %s at gate %s: %s (%s)", entry.uid, self.site.gate_code, decision, reason)
        return entry

    # -- helpers --------------------------------------------------------------------------
    def _normalise(self, raw: str, document: bool, now: datetime) -> tuple[str, Reason | None]:
        if document:
            number = raw.strip().upper()
            if not DOCUMENT_NUMBER.fullmatch(number):
                return "", Reason.BAD_CHARS
            return number, None
        try:
            return parse(raw, today=self._local(now).date()).number, None
        except IdNumberError as exc:
            log.info("refused ID number input: %s", exc.code)
            return "", Reason(exc.code)

    def _normalise_any(self, raw: str, now: datetime) -> tuple[str, Reason | None]:
        """A resident ID number or, if it does not look like one, another document's."""
        return self._normalise(raw, not _looks_like_id(raw), now)

    def _resident_by_number(self, session: Session, number: str) -> Resident | None:
        return session.scalars(self._resident_query().where(Resident.id_number == number)).first()

    @staticmethod
    def _resident_query():
        return select(Resident).options(
            joinedload(Resident.household)
            .joinedload(Household.room)
            .joinedload(Room.unit)
            .joinedload(Unit.building)
        )


def _due(alert: FeverAlert) -> dict:
    return {"remeasure_at": alert.remeasure_due_at, "alert_id": alert.id}


_RESIDENT_ID_LIKE = re.compile(r"\d{13,18}[\dX]?")


def _looks_like_id(text: str) -> bool:
    """Digits of about an ID number's length: checked as a resident ID number (so a typing
    error is caught); anything else is another document's number (passport, permit)."""
    compact = unicodedata.normalize("NFKC", text).replace(" ", "").upper()
    return _RESIDENT_ID_LIKE.fullmatch(compact) is not None
