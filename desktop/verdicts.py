"""Values that cross from the gate service to the screen: inputs, facts and verdicts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from db.enums import CheckMethod, Decision, Direction, HealthColor, TemperatureSource


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
    FEVER = "fever"
    IMPLAUSIBLE_TEMPERATURE = "implausible-temperature"
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


@dataclass(frozen=True, slots=True)
class PersonFacts:
    """What the registry knows about the person at the gate, as far as the rules need it."""

    resident_id: int
    state: str
    health: HealthColor
    in_isolation: bool


@dataclass(frozen=True, slots=True)
class Ruling:
    """The outcome of the rules: the screen's kind, the logged decision and the reason."""

    kind: VerdictKind
    decision: Decision | None
    reason: Reason


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

    @property
    def recorded(self) -> bool:
        return self.entry_id is not None
