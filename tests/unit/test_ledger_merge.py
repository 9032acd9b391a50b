"""How an import meets what the registry already holds: merges, moves, households, refusals."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from db.engine import transaction
from db.enums import Relation, ResidentState
from db.models import Household, Resident, Room
from desktop.bootstrap import ensure_site
from desktop.idnumber import make_id_number
from desktop.ledger import apply_import, plan_import, read_layout
from tests.support.gate_site import LI, ZHANG, make_gate
from tests.support.ledgers import simple_ledger

TODAY = date(2022, 4, 1)
A = make_id_number("110101", date(1980, 1, 2), 11)
B = make_id_number("110101", date(1982, 3, 4), 22)
C = make_id_number("110101", date(2010, 5, 6), 33)
D = make_id_number("110101", date(1950, 7, 8), 45)


def _import(sessions, community, path):
    plan = plan_import(sessions, community, read_layout(path), today=TODAY)
    return plan, apply_import(sessions, community, plan)


def _people(sessions) -> dict[str, Resident]:
    with sessions() as session:
        return {r.id_number: r for r in session.scalars(select(Resident))}


def _room_of(sessions, household_id) -> str:
    with sessions() as session:
        return session.get(Room, session.get(Household, household_id).room_id).number


def test_empty_cells_never_erase_and_values_replace(sessions, tmp_path):
    community = make_gate(sessions).site.community_id
    first = simple_ledger(
        tmp_path / "1.xlsx", [("王一", A, "13800138000", "3-2-601", None, "户主", "腿脚不便")]
    )
    _import(sessions, community, first)
    blank = simple_ledger(tmp_path / "2.xlsx", [("王一", A, None, "3-2-601", None, None, None)])
    plan, outcome = _import(sessions, community, blank)
    assert (plan.unchanged, outcome.unchanged, outcome.merged) == (1, 1, 0)
    person = _people(sessions)[A]
    assert (person.phone, person.relation, person.notes) == (
        "13800138000",
        Relation.HEAD,
        "腿脚不便",
    )
    changed = simple_ledger(
        tmp_path / "3.xlsx", [("王 一", A, "13900139000", "3-2-601", None, None, "")]
    )
    plan, outcome = _import(sessions, community, changed)
    assert (plan.merged, outcome.merged) == (1, 1)
    person = _people(sessions)[A]
    assert (person.name, person.phone, person.phone_tail) == ("王一", "13900139000", "9000")
    assert person.notes == "腿脚不便"


def test_an_address_change_moves_the_resident(sessions, tmp_path):
    community = make_gate(sessions).site.community_id
    zhang_household = _people(sessions)[ZHANG].household_id
    # 李四 moves to a new room; a new resident joins 张小明's household at 3-2-501.
    path = simple_ledger(
        tmp_path / "l.xlsx",
        [
            ("李四", LI, None, "3栋2单元701室", None, None, None),
            ("王一", A, None, "3-2-501", None, "子", None),
        ],
    )
    plan, outcome = _import(sessions, community, path)
    assert (plan.new, plan.merged, plan.new_households, plan.new_buildings) == (1, 1, 1, 0)
    people = _people(sessions)
    assert people[A].household_id == zhang_household
    assert people[LI].household_id != zhang_household
    assert _room_of(sessions, people[LI].household_id) == "701"
    assert people[ZHANG].household_id == zhang_household  # not in the file: untouched


def test_household_numbers_split_a_room_and_the_first_head_wins(sessions, tmp_path):
    with transaction(sessions) as session:
        community = ensure_site(session, community_code="c").community_id
    rows = [
        ("王一", A, None, "8-1-101", "1", "户主", None),
        ("王二", B, None, "8-1-101", "1", "户主", None),
        ("李三", C, None, "8-1-101", "2", "户主", None),
        ("李四", D, None, "8-1-101", "2", "父亲", None),
    ]
    path = simple_ledger(tmp_path / "l.xlsx", rows)
    plan, _ = _import(sessions, community, path)
    assert (plan.new, plan.new_households, plan.new_buildings) == (4, 2, 1)
    assert plan.warnings == {"extra_head": 1}
    people = _people(sessions)
    assert people[A].household_id == people[B].household_id != people[C].household_id
    assert people[C].household_id == people[D].household_id
    assert [people[n].relation for n in (A, B, C, D)] == [
        Relation.HEAD,
        Relation.OTHER,
        Relation.HEAD,
        Relation.PARENT,
    ]
    again, outcome = _import(sessions, community, path)
    assert (again.unchanged, again.new_households, outcome.merged) == (4, 0, 0)


def test_a_new_resident_joins_the_household_already_in_the_room(sessions, tmp_path):
    community = make_gate(sessions).site.community_id
    zhang_household = _people(sessions)[ZHANG].household_id
    path = simple_ledger(tmp_path / "l.xlsx", [("王一", A, None, "3-2-501", None, None, None)])
    plan, _ = _import(sessions, community, path)
    assert (plan.new, plan.new_households) == (1, 0)
    assert _people(sessions)[A].household_id == zhang_household


def test_inactive_residents_and_other_communities_are_refused(sessions, tmp_path):
    community = make_gate(sessions).site.community_id
    with transaction(sessions) as session:
        other = ensure_site(session, community_code="other").community_id
        session.add(Resident(community_id=other, name="外社区", id_number=A))
        zhang = session.scalars(select(Resident).where(Resident.id_number == ZHANG)).one()
        zhang.state = ResidentState.DECEASED
        li = session.scalars(select(Resident).where(Resident.id_number == LI)).one()
        li.state = ResidentState.MOVED_OUT
    rows = [
        ("张小明", ZHANG, "13800138000", "3-2-501", None, None, None),
        ("李四", LI, None, "3-2-501", None, None, None),
        ("王一", A, None, "3-2-501", None, None, None),
    ]
    plan, outcome = _import(sessions, community, simple_ledger(tmp_path / "l.xlsx", rows))
    assert [(r.source_row, r.reason, r.detail) for r in plan.rejected] == [
        (2, "inactive", "已死亡"),
        (3, "inactive", "已迁出"),
        (4, "other_community", ""),
    ]
    assert (outcome.new, outcome.merged, outcome.rejected) == (0, 0, 3)
    people = _people(sessions)
    assert people[ZHANG].state == ResidentState.DECEASED and people[ZHANG].phone == ""
    assert people[A].community_id == other


def test_apply_matches_again_against_the_registry_as_it_is_then(sessions, tmp_path):
    community = make_gate(sessions).site.community_id
    path = simple_ledger(
        tmp_path / "l.xlsx",
        [
            ("王一", A, "13800138000", "3-2-501", None, None, None),
            ("王二", B, None, "9-1-101", None, None, None),
        ],
    )
    plan = plan_import(sessions, community, read_layout(path), today=TODAY)
    assert (plan.new, plan.merged) == (2, 0)
    with transaction(sessions) as session:  # someone registers 王一 in the meantime
        session.add(Resident(community_id=community, name="王一", id_number=A))
    outcome = apply_import(sessions, community, plan)
    assert (outcome.new, outcome.merged) == (1, 1)
    people = _people(sessions)
    assert people[A].phone == "13800138000"
    assert _room_of(sessions, people[B].household_id) == "101"
