"""Values that cross from the gate service to the screen: inputs, facts and verdicts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from enum import StrEnum

from db.enums import CheckMethod, Decision, Direction, HealthColor, PassKind, TemperatureSource


class VerdictKind(StrEnum):
    """What the screen shows; each kind has its own colour, word, icon and sound."""

    ALLOW = "allow"
    ALLOW_LIMITED = "allow-limited"
    REFER = "refer"
    DENY = "deny"
    FEVER = "fever"
    REMEASURE = "remeasure"
    INPUT_ERROR = "input-error"


class Reason(StrEnum):
    """Why: stored in the entry log as `reason_code`, translated on screen and in reports."""

    OK = "ok"
    NOT_REGISTERED = "not-registered"
    MOVED_OUT = "moved-out"
    DECEASED = "deceased"
    HEALTH_YELLOW = "health-yellow"
    HEALTH_RED = "health-red"
    ISOLATION = "isolation"
    CITY_YELLOW = "city-yellow"
    CITY_RED = "city-red"
    CODE_YELLOW = "code-yellow"  # the colour a scanned health code carries
    CODE_RED = "code-red"
    KEY_PERSON = "key-person"
    FEVER = "fever"
    FEVER_CONFIRMED = "fever-confirmed"  # the re-measure was a fever too
    REMEASURE_WAIT = "remeasure-wait"  # a fever alert: too early for the re-measure
    REMEASURE_NEEDED = "remeasure-needed"  # a fever alert: the re-measure needs a reading
    IMPLAUSIBLE_TEMPERATURE = "implausible-temperature"
    OUTSIDE_HOURS = "outside-hours"
    QUOTA_EXHAUSTED = "quota-exhausted"
    PASS_LIMITED = "pass-limited"
    PASS_EXPIRED = "pass-expired"
    PASS_REVOKED = "pass-revoked"
    PASS_FORGED = "pass-forged"
    PASS_OTHER_COMMUNITY = "pass-other-community"
    VISITOR = "visitor"
    VISITOR_WITH_HOST = "visitor-with-host"
    VISITOR_NO_HOST = "visitor-no-host"
    VISITORS_BARRED = "visitors-barred"
    VISITOR_LEAVING = "visitor-leaving"
    # Input errors: nothing is written.
    EMPTY = "empty"
    BAD_CHARS = "bad_chars"
    BAD_LENGTH = "bad_length"
    BAD_REGION = "bad_region"
    BAD_BIRTH_DATE = "bad_birth_date"
    BAD_CHECK_DIGIT = "bad_check_digit"
    UNKNOWN_CODE = "unknown-code"  # a scanned code that is none of GateDesk's kinds


@dataclass(frozen=True, slots=True)
class Temperature:
    value_c: float
    source: TemperatureSource
    device: str = ""


@dataclass(frozen=True, slots=True)
class Address:
    building: str
    unit: str
    room: str


class PassState(StrEnum):
    """What verifying a presented pass found."""

    VALID = "valid"
    EXPIRED = "expired"  # or not valid yet
    REVOKED = "revoked"
    FORGED = "forged"  # the signature does not verify
    OTHER_COMMUNITY = "other-community"


@dataclass(frozen=True, slots=True)
class PassFacts:
    state: PassState
    kind: PassKind = PassKind.RESIDENT
    serial: int | None = None


@dataclass(frozen=True, slots=True)
class PersonFacts:
    """What the registry knows about the person at the gate, as far as the rules need it."""

    resident_id: int
    state: str
    health: HealthColor
    in_isolation: bool
    city_health: HealthColor | None = None
    key_person: bool = False
    household_id: int | None = None


@dataclass(frozen=True, slots=True)
class VisitorFacts:
    """A visitor as registered at the gate: the host household and the city's colour."""

    host_household_id: int | None = None
    city_health: HealthColor | None = None


@dataclass(frozen=True, slots=True)
class CheckFacts:
    """Everything the rules look at for one check."""

    direction: Direction
    local_time: time
    temperature: Temperature | None = None
    person: PersonFacts | None = None
    visitor: VisitorFacts | None = None
    pass_: PassFacts | None = None
    code_health: HealthColor | None = None  # colour carried by a scanned health code
    quota_used: int = 0  # the household's outings in the current quota window


@dataclass(frozen=True, slots=True)
class Ruling:
    """The outcome of the rules: the screen's kind, the logged decision and the reason."""

    kind: VerdictKind
    decision: Decision | None
    reason: Reason
    quota_left: int | None = None  # outings the household has left after this one


@dataclass(frozen=True, slots=True)
class Verdict:
    """Everything the gate screen shows about one check. Personal data is already masked."""

    kind: VerdictKind
    reason: Reason
    direction: Direction
    method: CheckMethod
    at: datetime
    name_masked: str = ""
    id_masked: str = ""
    address: Address | None = None
    temperature: Temperature | None = None
    entry_id: int | None = None
    resident_id: int | None = None
    visitor: bool = False  # nobody in the registry: a visitor, or to be registered as one
    quota_left: int | None = None  # outings the household has left (with a quota policy)
    quota_people: int | None = None
    alert_id: int | None = None  # the fever alert this check opened or waits for
    remeasure_at: datetime | None = None
    remeasured: bool = False  # this check was the re-measure of a fever alert
    override_reason: str = ""  # staff decided a referred check, for this reason

    @property
    def recorded(self) -> bool:
        return self.entry_id is not None

    @property
    def needs_visitor_form(self) -> bool:
        """Not in the registry and not decided: staff register the visitor."""
        return self.reason is Reason.NOT_REGISTERED and not self.recorded

    @property
    def overridable(self) -> bool:
        """A referred check staff may decide."""
        return self.recorded and self.kind is VerdictKind.REFER and not self.override_reason
