"""The first gate rules, row by row."""

from __future__ import annotations

import pytest

from db.enums import Decision, HealthColor, ResidentState, TemperatureSource
from desktop.rules import Policy, decide
from desktop.verdicts import PersonFacts, Reason, Temperature, VerdictKind

POLICY = Policy(fever_threshold_c=37.3)


def person(health=HealthColor.GREEN, state=ResidentState.ACTIVE, isolated=False) -> PersonFacts:
    return PersonFacts(1, state, health, isolated)


def temp(value: float) -> Temperature:
    return Temperature(value, TemperatureSource.DEVICE)


@pytest.mark.parametrize(
    ("who", "temperature", "kind", "decision", "reason"),
    [
        # registered, green, normal or no temperature -> allow
        (person(), None, VerdictKind.ALLOW, Decision.ALLOW, Reason.OK),
        (person(), temp(36.6), VerdictKind.ALLOW, Decision.ALLOW, Reason.OK),
        (person(), temp(37.2), VerdictKind.ALLOW, Decision.ALLOW, Reason.OK),
        # fever at or above the threshold denies anyone
        (person(), temp(37.3), VerdictKind.FEVER, Decision.DENY, Reason.FEVER),
        (None, temp(38.5), VerdictKind.FEVER, Decision.DENY, Reason.FEVER),
        # implausible readings ask for a re-measure and decide nothing
        (person(), temp(33.9), VerdictKind.REMEASURE, None, Reason.IMPLAUSIBLE_TEMPERATURE),
        (person(), temp(42.6), VerdictKind.REMEASURE, None, Reason.IMPLAUSIBLE_TEMPERATURE),
        (person(), temp(34.0), VerdictKind.ALLOW, Decision.ALLOW, Reason.OK),
        # unknown person -> staff registers a visitor
        (None, None, VerdictKind.REFER, Decision.REFER, Reason.NOT_REGISTERED),
        # colours
        (person(HealthColor.YELLOW), None, VerdictKind.REFER, Decision.REFER, Reason.HEALTH_YELLOW),
        (person(HealthColor.RED), None, VerdictKind.DENY, Decision.DENY, Reason.HEALTH_RED),
        # isolation denies whatever the colour
        (person(isolated=True), None, VerdictKind.DENY, Decision.DENY, Reason.ISOLATION),
        (
            person(HealthColor.RED, isolated=True),
            None,
            VerdictKind.DENY,
            Decision.DENY,
            Reason.ISOLATION,
        ),
        # registry state
        (
            person(state=ResidentState.MOVED_OUT),
            None,
            VerdictKind.REFER,
            Decision.REFER,
            Reason.MOVED_OUT,
        ),
        (
            person(state=ResidentState.DECEASED),
            None,
            VerdictKind.REFER,
            Decision.REFER,
            Reason.DECEASED,
        ),
        # red is worse than moved out
        (
            person(HealthColor.RED, state=ResidentState.MOVED_OUT),
            None,
            VerdictKind.DENY,
            Decision.DENY,
            Reason.HEALTH_RED,
        ),
    ],
)
def test_decide(who, temperature, kind, decision, reason):
    ruling = decide(who, temperature, POLICY)
    assert (ruling.kind, ruling.decision, ruling.reason) == (kind, decision, reason)


def test_threshold_comes_from_policy():
    assert decide(person(), temp(37.5), Policy(37.6)).kind is VerdictKind.ALLOW
    assert decide(person(), temp(37.0), Policy(37.0)).kind is VerdictKind.FEVER
