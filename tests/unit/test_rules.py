"""The gate rules of domain.md, row by row: one line of the table per rule."""

from __future__ import annotations

from datetime import time

import pytest

from db.enums import Decision, Direction, HealthColor, PassKind, ResidentState, TemperatureSource
from desktop.rules import OpenHours, Policy, Quota, VisitorRule, decide, quota_left, worse
from desktop.verdicts import (
    CheckFacts,
    PassFacts,
    PassState,
    PersonFacts,
    Reason,
    Temperature,
    VerdictKind,
    VisitorFacts,
)

G, Y, R = HealthColor.GREEN, HealthColor.YELLOW, HealthColor.RED
IN, OUT = Direction.IN, Direction.OUT
NOON = time(12, 0)

ALLOW = (VerdictKind.ALLOW, Decision.ALLOW)
BLUE = (VerdictKind.ALLOW_LIMITED, Decision.ALLOW_LIMITED)
REFER = (VerdictKind.REFER, Decision.REFER)
DENY = (VerdictKind.DENY, Decision.DENY)
FEVER = (VerdictKind.FEVER, Decision.DENY)
REMEASURE = (VerdictKind.REMEASURE, None)

DEFAULT = Policy()
QUOTA = Policy(quota=Quota(people=2, days=3))
HOURS = Policy(hours=OpenHours(time(6), time(22)))
OPEN = Policy(visitors=VisitorRule.OPEN)
BARRED = Policy(visitors=VisitorRule.BARRED)


def resident(health=G, *, city=None, state=ResidentState.ACTIVE, isolated=False, key=False):
    return PersonFacts(1, state, health, isolated, city_health=city, key_person=key)


def visitor(host=7, city=None) -> VisitorFacts:
    return VisitorFacts(host_household_id=host, city_health=city)


def temp(value: float) -> Temperature:
    return Temperature(value, TemperatureSource.DEVICE)


def pass_(state=PassState.VALID, kind=PassKind.RESIDENT) -> PassFacts:
    return PassFacts(state, kind, serial=1001)


def facts(who=None, *, direction=IN, at=NOON, t=None, code=None, pass_facts=None, used=0):
    person = who if isinstance(who, PersonFacts) else None
    guest = who if isinstance(who, VisitorFacts) else None
    return CheckFacts(direction, at, t, person, guest, pass_facts, code, used)


# (rule, facts, policy, (kind, decision), reason)
ROWS = [
    # -- temperature: implausible readings decide nothing; a fever denies anyone ---------
    ("normal temperature", facts(resident(), t=temp(36.6)), DEFAULT, ALLOW, Reason.OK),
    ("just under the threshold", facts(resident(), t=temp(37.2)), DEFAULT, ALLOW, Reason.OK),
    ("at the threshold is a fever", facts(resident(), t=temp(37.3)), DEFAULT, FEVER, Reason.FEVER),
    ("a visitor's fever", facts(visitor(), t=temp(38.5)), DEFAULT, FEVER, Reason.FEVER),
    ("an unknown person's fever", facts(t=temp(38.0)), DEFAULT, FEVER, Reason.FEVER),
    ("fever going out", facts(resident(), direction=OUT, t=temp(38)), DEFAULT, FEVER, Reason.FEVER),
    ("fever beats a valid pass", facts(resident(), t=temp(37.9), pass_facts=pass_()), DEFAULT, FEVER, Reason.FEVER),
    ("too cold to be true", facts(resident(), t=temp(33.9)), DEFAULT, REMEASURE, Reason.IMPLAUSIBLE_TEMPERATURE),
    ("too hot to be true", facts(resident(), t=temp(42.6)), DEFAULT, REMEASURE, Reason.IMPLAUSIBLE_TEMPERATURE),
    ("lowest plausible", facts(resident(), t=temp(34.0)), DEFAULT, ALLOW, Reason.OK),
    ("implausible before isolation", facts(resident(isolated=True), t=temp(20)), DEFAULT, REMEASURE, Reason.IMPLAUSIBLE_TEMPERATURE),
    # -- colours: green allows, yellow refers, red denies; the worse of local/city/code ----
    ("green", facts(resident()), DEFAULT, ALLOW, Reason.OK),
    ("local yellow", facts(resident(Y)), DEFAULT, REFER, Reason.HEALTH_YELLOW),
    ("local red", facts(resident(R)), DEFAULT, DENY, Reason.HEALTH_RED),
    ("city red beats local green", facts(resident(G, city=R)), DEFAULT, DENY, Reason.CITY_RED),
    ("city yellow beats local green", facts(resident(G, city=Y)), DEFAULT, REFER, Reason.CITY_YELLOW),
    ("local red beats city green", facts(resident(R, city=G)), DEFAULT, DENY, Reason.HEALTH_RED),
    ("city red beats local yellow", facts(resident(Y, city=R)), DEFAULT, DENY, Reason.CITY_RED),
    ("both red: the local reason", facts(resident(R, city=R)), DEFAULT, DENY, Reason.HEALTH_RED),
    ("city green leaves local yellow", facts(resident(Y, city=G)), DEFAULT, REFER, Reason.HEALTH_YELLOW),
    ("a red health code", facts(resident(), code=R), DEFAULT, DENY, Reason.CODE_RED),
    ("a green code never lifts red", facts(resident(R), code=G), DEFAULT, DENY, Reason.HEALTH_RED),
    ("a green code never lifts yellow", facts(resident(Y), code=G), DEFAULT, REFER, Reason.HEALTH_YELLOW),
    ("red going out", facts(resident(R), direction=OUT), DEFAULT, DENY, Reason.HEALTH_RED),
    # -- isolation always denies ---------------------------------------------------------
    ("isolation", facts(resident(isolated=True)), DEFAULT, DENY, Reason.ISOLATION),
    ("isolation and red", facts(resident(R, isolated=True)), DEFAULT, DENY, Reason.ISOLATION),
    ("isolation with a valid pass", facts(resident(isolated=True), pass_facts=pass_()), DEFAULT, DENY, Reason.ISOLATION),
    ("isolation going out", facts(resident(isolated=True), direction=OUT), DEFAULT, DENY, Reason.ISOLATION),
    # -- registry state and key persons go to staff ----------------------------------------
    ("moved out", facts(resident(state=ResidentState.MOVED_OUT)), DEFAULT, REFER, Reason.MOVED_OUT),
    ("deceased", facts(resident(state=ResidentState.DECEASED)), DEFAULT, REFER, Reason.DECEASED),
    ("red is worse than moved out", facts(resident(R, state=ResidentState.MOVED_OUT)), DEFAULT, DENY, Reason.HEALTH_RED),
    ("key person", facts(resident(key=True)), DEFAULT, REFER, Reason.KEY_PERSON),
    ("yellow key person: the colour", facts(resident(Y, key=True)), DEFAULT, REFER, Reason.HEALTH_YELLOW),
    # -- passes: a valid pass never overrides red ----------------------------------------
    ("valid resident pass", facts(resident(), pass_facts=pass_()), DEFAULT, ALLOW, Reason.OK),
    ("valid pass, red person", facts(resident(R), pass_facts=pass_()), DEFAULT, DENY, Reason.HEALTH_RED),
    ("valid pass, city red", facts(resident(city=R), pass_facts=pass_()), DEFAULT, DENY, Reason.CITY_RED),
    ("valid pass, yellow", facts(resident(Y), pass_facts=pass_()), DEFAULT, REFER, Reason.HEALTH_YELLOW),
    ("visitor pass is blue", facts(resident(), pass_facts=pass_(kind=PassKind.VISITOR)), DEFAULT, BLUE, Reason.PASS_LIMITED),
    ("forged pass", facts(resident(), pass_facts=pass_(PassState.FORGED)), DEFAULT, DENY, Reason.PASS_FORGED),
    ("forged pass, nobody found", facts(pass_facts=pass_(PassState.FORGED)), DEFAULT, DENY, Reason.PASS_FORGED),
    ("revoked pass", facts(resident(), pass_facts=pass_(PassState.REVOKED)), DEFAULT, DENY, Reason.PASS_REVOKED),
    ("expired pass", facts(resident(), pass_facts=pass_(PassState.EXPIRED)), DEFAULT, REFER, Reason.PASS_EXPIRED),
    ("another community's pass", facts(resident(), pass_facts=pass_(PassState.OTHER_COMMUNITY)), DEFAULT, REFER, Reason.PASS_OTHER_COMMUNITY),
    # -- visitors ------------------------------------------------------------------------
    ("not registered: the form first", facts(), DEFAULT, REFER, Reason.NOT_REGISTERED),
    ("visitor with host", facts(visitor()), DEFAULT, BLUE, Reason.VISITOR_WITH_HOST),
    ("visitor without host, host needed", facts(visitor(host=None)), DEFAULT, DENY, Reason.VISITOR_NO_HOST),
    ("visitor without host, open policy", facts(visitor(host=None)), OPEN, BLUE, Reason.VISITOR),
    ("visitor with host, open policy", facts(visitor()), OPEN, BLUE, Reason.VISITOR_WITH_HOST),
    ("visitors barred", facts(visitor()), BARRED, DENY, Reason.VISITORS_BARRED),
    ("barred: no form needed", facts(), BARRED, DENY, Reason.VISITORS_BARRED),
    ("a visitor leaves", facts(visitor(), direction=OUT), BARRED, ALLOW, Reason.VISITOR_LEAVING),
    ("an unknown person leaves", facts(direction=OUT), DEFAULT, ALLOW, Reason.VISITOR_LEAVING),
    ("red visitor", facts(visitor(city=R)), OPEN, DENY, Reason.CITY_RED),
    ("red visitor leaving", facts(visitor(city=R), direction=OUT), OPEN, DENY, Reason.CITY_RED),
    ("yellow visitor", facts(visitor(city=Y)), OPEN, REFER, Reason.CITY_YELLOW),
    ("red code, unregistered", facts(code=R), OPEN, DENY, Reason.CODE_RED),
    ("visitor outside hours", facts(visitor(), at=time(23)), Policy(hours=OpenHours(time(6), time(22))), DENY, Reason.OUTSIDE_HOURS),
    # -- hours: going out only within them; coming home always ----------------------------
    ("out within hours", facts(resident(), direction=OUT, at=time(6)), HOURS, ALLOW, Reason.OK),
    ("out after hours", facts(resident(), direction=OUT, at=time(22)), HOURS, DENY, Reason.OUTSIDE_HOURS),
    ("out before hours", facts(resident(), direction=OUT, at=time(5, 59)), HOURS, DENY, Reason.OUTSIDE_HOURS),
    ("home after hours", facts(resident(), at=time(23, 30)), HOURS, ALLOW, Reason.OK),
    # -- outing quota: N outings per household every M days; coming back doesn't count --
    ("first outing", facts(resident(), direction=OUT, used=0), QUOTA, ALLOW, Reason.OK),
    ("last outing", facts(resident(), direction=OUT, used=1), QUOTA, ALLOW, Reason.OK),
    ("quota exhausted", facts(resident(), direction=OUT, used=2), QUOTA, DENY, Reason.QUOTA_EXHAUSTED),
    ("beyond the quota", facts(resident(), direction=OUT, used=5), QUOTA, DENY, Reason.QUOTA_EXHAUSTED),
    ("coming back is not counted", facts(resident(), used=2), QUOTA, ALLOW, Reason.OK),
    ("red beats quota", facts(resident(R), direction=OUT, used=0), QUOTA, DENY, Reason.HEALTH_RED),
]  # fmt: skip


@pytest.mark.parametrize(
    ("rule", "check", "policy", "outcome", "reason"), ROWS, ids=[r[0] for r in ROWS]
)
def test_rule(rule, check, policy, outcome, reason):
    ruling = decide(check, policy)
    assert (ruling.kind, ruling.decision, ruling.reason) == (*outcome, reason), rule


@pytest.mark.parametrize(("used", "left"), [(0, 1), (1, 0), (2, 0)])
def test_quota_left_counts_this_outing(used, left):
    ruling = decide(facts(resident(), direction=OUT, used=used), QUOTA)
    assert ruling.quota_left == left


def test_quota_is_not_shown_for_entries_or_without_a_policy():
    assert decide(facts(resident(), used=1), QUOTA).quota_left is None
    assert decide(facts(resident(), direction=OUT), DEFAULT).quota_left is None
    assert quota_left(DEFAULT, 3) is None
    assert quota_left(QUOTA, 3) == 0


def test_threshold_comes_from_policy():
    assert decide(facts(resident(), t=temp(37.5)), Policy(37.6)).kind is VerdictKind.ALLOW
    assert decide(facts(resident(), t=temp(37.0)), Policy(37.0)).kind is VerdictKind.FEVER


@pytest.mark.parametrize(
    ("start", "end", "inside", "outside"),
    [
        (time(6), time(22), [time(6), time(12), time(21, 59)], [time(22), time(2), time(5, 59)]),
        (time(20), time(8), [time(20), time(23), time(7, 59)], [time(8), time(12), time(19)]),
    ],
)
def test_open_hours_may_span_midnight(start, end, inside, outside):
    hours = OpenHours(start, end)
    assert all(hours.contains(t) for t in inside)
    assert not any(hours.contains(t) for t in outside)


def test_worse_of_colours():
    assert worse(G, Y) is Y
    assert worse(R, None, G) is R
    assert worse(None, None) is None
