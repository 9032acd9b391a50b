"""The gate's decision rules as a pure function: same facts in, same ruling out."""

from __future__ import annotations

from dataclasses import dataclass

from db.enums import Decision, HealthColor, ResidentState
from desktop.verdicts import PersonFacts, Reason, Ruling, Temperature, VerdictKind

PLAUSIBLE_MIN_C = 34.0
PLAUSIBLE_MAX_C = 42.5


@dataclass(frozen=True, slots=True)
class Policy:
    fever_threshold_c: float = 37.3


def decide(person: PersonFacts | None, temperature: Temperature | None, policy: Policy) -> Ruling:
    """Decide a check. `person` is None when the number is not in the registry.

    Order matters: an implausible temperature asks for a re-measure before anything else;
    a fever denies whoever it is; isolation and red deny; yellow and unknown people go to
    staff; everyone else passes.
    """
    if temperature is not None:
        if not PLAUSIBLE_MIN_C <= temperature.value_c <= PLAUSIBLE_MAX_C:
            return Ruling(VerdictKind.REMEASURE, None, Reason.IMPLAUSIBLE_TEMPERATURE)
        if temperature.value_c >= policy.fever_threshold_c:
            return Ruling(VerdictKind.FEVER, Decision.DENY, Reason.FEVER)
    if person is None:
        return Ruling(VerdictKind.REFER, Decision.REFER, Reason.NOT_REGISTERED)
    if person.in_isolation:
        return Ruling(VerdictKind.DENY, Decision.DENY, Reason.ISOLATION)
    if person.health is HealthColor.RED:
        return Ruling(VerdictKind.DENY, Decision.DENY, Reason.HEALTH_RED)
    if person.state == ResidentState.DECEASED:
        return Ruling(VerdictKind.REFER, Decision.REFER, Reason.DECEASED)
    if person.state == ResidentState.MOVED_OUT:
        return Ruling(VerdictKind.REFER, Decision.REFER, Reason.MOVED_OUT)
    if person.health is HealthColor.YELLOW:
        return Ruling(VerdictKind.REFER, Decision.REFER, Reason.HEALTH_YELLOW)
    return Ruling(VerdictKind.ALLOW, Decision.ALLOW, Reason.OK)
