"""The gate's decision rules as a pure function: same facts in, same ruling out.

`decide` reads like the rules of `domain.md`, checked in this order:

1. an implausible temperature asks for a re-measure and decides nothing;
2. a fever denies whoever it is;
3. a pass that is forged or revoked denies; an expired one or another community's goes to staff;
4. someone not in the registry is ruled by the visitor policy: leaving is always allowed; coming
   in needs the visitor form first (unless visitors are barred), then a host if the policy
   asks for one;
5. isolation always denies; red (the worse of local, city and code) denies, even with a pass;
6. moved out, deceased, yellow and key persons go to staff;
7. going out: only within the opening hours, and only while the household's quota lasts;
8. a valid visitor or temporary pass allows with its limits (blue); everyone else passes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from enum import StrEnum

from db.enums import Decision, Direction, HealthColor, PassKind, ResidentState
from desktop.verdicts import (
    CheckFacts,
    PassState,
    PersonFacts,
    Reason,
    Ruling,
    VerdictKind,
    VisitorFacts,
)

PLAUSIBLE_MIN_C = 34.0
PLAUSIBLE_MAX_C = 42.5

_SEVERITY = {HealthColor.GREEN: 0, HealthColor.YELLOW: 1, HealthColor.RED: 2}
_LIMITED_PASSES = frozenset({PassKind.VISITOR})


class VisitorRule(StrEnum):
    """Who may come in without living here (访客政策)."""

    OPEN = "open"  # any visitor, logged
    WITH_HOST = "with-host"  # only with a host household named
    BARRED = "barred"  # no visitors (lockdown weeks)


@dataclass(frozen=True, slots=True)
class Quota:
    """限次出行: each household may send `people` out every `days` days."""

    people: int
    days: int


@dataclass(frozen=True, slots=True)
class OpenHours:
    """Hours in which residents may go out (and visitors come in); `start` > `end` spans
    midnight."""

    start: time
    end: time

    def contains(self, moment: time) -> bool:
        if self.start <= self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end


@dataclass(frozen=True, slots=True)
class Policy:
    fever_threshold_c: float = 37.3
    visitors: VisitorRule = VisitorRule.WITH_HOST
    quota: Quota | None = None
    hours: OpenHours | None = None
    remeasure_after_s: int = 300


def worse(*colors: HealthColor | None) -> HealthColor | None:
    """The worst of the known colours; None when none is known."""
    known = [c for c in colors if c is not None]
    return max(known, key=_SEVERITY.__getitem__) if known else None


def quota_left(policy: Policy, used: int) -> int | None:
    """Outings the household has left in the current window (None: no quota)."""
    if policy.quota is None:
        return None
    return max(0, policy.quota.people - used)


def decide(facts: CheckFacts, policy: Policy) -> Ruling:
    """Decide one check from everything known about it."""
    if (ruling := _temperature(facts, policy)) is not None:
        return ruling
    if (ruling := _pass(facts)) is not None:
        return ruling
    if facts.person is not None:
        return _resident(facts, facts.person, policy)
    return _visitor(facts, facts.visitor, policy)


def _temperature(facts: CheckFacts, policy: Policy) -> Ruling | None:
    reading = facts.temperature
    if reading is None:
        return None
    if not PLAUSIBLE_MIN_C <= reading.value_c <= PLAUSIBLE_MAX_C:
        return Ruling(VerdictKind.REMEASURE, None, Reason.IMPLAUSIBLE_TEMPERATURE)
    if reading.value_c >= policy.fever_threshold_c:
        return Ruling(VerdictKind.FEVER, Decision.DENY, Reason.FEVER)
    return None


def _pass(facts: CheckFacts) -> Ruling | None:
    presented = facts.pass_
    if presented is None or presented.state is PassState.VALID:
        return None
    if presented.state is PassState.FORGED:
        return _deny(Reason.PASS_FORGED)
    if presented.state is PassState.REVOKED:
        return _deny(Reason.PASS_REVOKED)
    if presented.state is PassState.OTHER_COMMUNITY:
        return _refer(Reason.PASS_OTHER_COMMUNITY)
    return _refer(Reason.PASS_EXPIRED)


def _resident(facts: CheckFacts, person: PersonFacts, policy: Policy) -> Ruling:
    if person.in_isolation:
        return _deny(Reason.ISOLATION)
    color = _color_reason(person.health, person.city_health, facts.code_health)
    if color is not None and color[0] is HealthColor.RED:
        return _deny(color[1])
    if person.state == ResidentState.DECEASED:
        return _refer(Reason.DECEASED)
    if person.state == ResidentState.MOVED_OUT:
        return _refer(Reason.MOVED_OUT)
    if color is not None and color[0] is HealthColor.YELLOW:
        return _refer(color[1])
    if person.key_person:
        return _refer(Reason.KEY_PERSON)
    left = None
    if facts.direction is Direction.OUT:
        if policy.hours is not None and not policy.hours.contains(facts.local_time):
            return _deny(Reason.OUTSIDE_HOURS)
        left = quota_left(policy, facts.quota_used)
        if left == 0:
            return Ruling(VerdictKind.DENY, Decision.DENY, Reason.QUOTA_EXHAUSTED, quota_left=0)
        if left is not None:
            left -= 1  # this outing
    if facts.pass_ is not None and facts.pass_.kind in _LIMITED_PASSES:
        return Ruling(VerdictKind.ALLOW_LIMITED, Decision.ALLOW_LIMITED, Reason.PASS_LIMITED, left)
    return Ruling(VerdictKind.ALLOW, Decision.ALLOW, Reason.OK, left)


def _visitor(facts: CheckFacts, visitor: VisitorFacts | None, policy: Policy) -> Ruling:
    """Someone not in the registry: `visitor` is None until staff have filled in the form."""
    city = visitor.city_health if visitor is not None else None
    color = _color_reason(None, city, facts.code_health)
    if color is not None and color[0] is HealthColor.RED:
        return _deny(color[1])
    if facts.direction is Direction.OUT:
        return Ruling(VerdictKind.ALLOW, Decision.ALLOW, Reason.VISITOR_LEAVING)
    if policy.visitors is VisitorRule.BARRED:
        return _deny(Reason.VISITORS_BARRED)
    if policy.hours is not None and not policy.hours.contains(facts.local_time):
        return _deny(Reason.OUTSIDE_HOURS)
    if visitor is None:
        return _refer(Reason.NOT_REGISTERED)
    if color is not None:
        return _refer(color[1])
    if visitor.host_household_id is None:
        if policy.visitors is VisitorRule.WITH_HOST:
            return _deny(Reason.VISITOR_NO_HOST)
        return Ruling(VerdictKind.ALLOW_LIMITED, Decision.ALLOW_LIMITED, Reason.VISITOR)
    return Ruling(VerdictKind.ALLOW_LIMITED, Decision.ALLOW_LIMITED, Reason.VISITOR_WITH_HOST)


def _color_reason(
    local: HealthColor | None, city: HealthColor | None, code: HealthColor | None
) -> tuple[HealthColor, Reason] | None:
    """The worst colour that is not green, and which source it came from (local first)."""
    color = worse(local, city, code)
    if color is None or color is HealthColor.GREEN:
        return None
    red = color is HealthColor.RED
    if local is color:
        return color, Reason.HEALTH_RED if red else Reason.HEALTH_YELLOW
    if city is color:
        return color, Reason.CITY_RED if red else Reason.CITY_YELLOW
    return color, Reason.CODE_RED if red else Reason.CODE_YELLOW


def _deny(reason: Reason) -> Ruling:
    return Ruling(VerdictKind.DENY, Decision.DENY, reason)


def _refer(reason: Reason) -> Ruling:
    return Ruling(VerdictKind.REFER, Decision.REFER, reason)
