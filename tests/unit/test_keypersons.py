"""Key-person categories and records against a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from db.engine import transaction
from db.enums import IsolationKind, IsolationState, KeyPersonSource, ResidentState
from db.models import AuditEvent, Community, KeyPerson, Resident
from desktop.bootstrap import BUILTIN_KEY_PERSON_CATEGORIES
from desktop.isolation import IsolationService
from desktop.keypersons import KeyPersonError, KeyPersonFilter, KeyPersonService
from desktop.verdicts import Address
from tests.support.gate_site import LI, ZHANG, make_gate

D0 = date(2022, 4, 1)
NOW = datetime(2022, 4, 1, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai


@pytest.fixture
def kp(sessions):
    gate = make_gate(sessions, clock=lambda: NOW)
    with transaction(sessions) as session:
        zhang = session.scalars(select(Resident).where(Resident.id_number == ZHANG)).one()
        li = session.scalars(select(Resident).where(Resident.id_number == LI)).one()
        zhang.name_initials, zhang.id_tail, zhang.phone = "zxm", ZHANG[-4:], "13812345678"
        zhang.household.grid = "网格2"
        li.name_initials, li.id_tail, li.grid = "ls", LI[-4:], "网格1"
        other = Community(code="c2", name="other")
        session.add(other)
        session.flush()
        stranger = Resident(community_id=other.id, name="赵六")
        session.add(stranger)
        session.flush()
        ids = {"zhang": zhang.id, "li": li.id, "stranger": stranger.id}
    service = KeyPersonService(
        sessions, gate.site.community_id, "Asia/Shanghai", clock=lambda: NOW, operator_id=None
    )
    service.ids = ids
    service.code = {c.code: c.id for c in service.categories()}
    return service


def error_code(call, *args, **kwargs) -> str:
    with pytest.raises(KeyPersonError) as error:
        call(*args, **kwargs)
    return error.value.code


def test_built_in_categories_first_then_the_offices(kp):
    assert error_code(kp.add_category, "  ") == "empty-name"
    assert error_code(kp.add_category, "x" * 65) == "name-too-long"
    overseas = kp.add_category("  境外  入境 ")
    kp.add_category("Delivery riders")
    categories = kp.categories()
    assert [c.code for c in categories[:5]] == [code for code, _ in BUILTIN_KEY_PERSON_CATEGORIES]
    assert all(c.builtin for c in categories[:5])
    assert [(c.name, c.builtin) for c in categories[5:]] == [
        ("Delivery riders", False),
        ("境外 入境", False),
    ]
    assert categories[6].id == overseas and categories[6].code.startswith("user-")
    assert error_code(kp.add_category, "境外 入境") == "duplicate-name"
    assert error_code(kp.add_category, "delivery RIDERS") == "duplicate-name"
    assert error_code(kp.add_category, "close contact") == "duplicate-name"
    assert len(kp.categories()) == 7


def test_add_list_and_end(kp, sessions):
    zhang, li = kp.ids["zhang"], kp.ids["li"]
    contact, wuhan = kp.code["close-contact"], kp.code["from-wuhan"]
    first = kp.add(
        zhang, contact, KeyPersonSource.CITY_LIST, D0 - timedelta(days=3), None, " 同楼 "
    )
    assert error_code(kp.add, zhang, contact, KeyPersonSource.GRID_WORKER, D0) == "already"
    second = kp.add(li, wuhan, KeyPersonSource.SELF_REPORT, D0, D0 + timedelta(days=14))
    rows = kp.list()
    assert [r.id for r in rows] == [second, first]  # newest first
    row = rows[1]
    assert (row.name_masked, row.id_masked, row.phone_masked) == (
        "张*明",
        "110105********002X",
        "138****5678",
    )
    assert (row.address, row.grid, row.household_id is not None) == (
        Address("3", "2", "501"),
        "网格2",
        True,
    )
    assert (row.category.code, row.source, row.notes, row.isolation) == (
        "close-contact",
        KeyPersonSource.CITY_LIST,
        "同楼",
        None,
    )
    kp.end(first, D0)
    assert error_code(kp.end, first, D0) == "already-ended"
    assert error_code(kp.end, second, D0 - timedelta(days=1)) == "until-before-since"
    ended = next(r for r in kp.list() if r.id == first)
    assert ended.until == D0 and ended.active_on(D0) and not ended.active_on(D0 + timedelta(1))
    # After the end, the same category may start again.
    again = kp.add(zhang, contact, KeyPersonSource.GRID_WORKER, D0 + timedelta(days=1))
    assert error_code(kp.add, zhang, contact, KeyPersonSource.GRID_WORKER, D0) == "already"
    with sessions() as session:
        actions = session.execute(
            select(AuditEvent.action, AuditEvent.target_id).order_by(AuditEvent.id)
        ).all()
        assert actions == [
            ("key-person.add", first),
            ("key-person.add", second),
            ("key-person.end", first),
            ("key-person.add", again),
        ]
        assert session.get(KeyPerson, again).since == D0 + timedelta(days=1)


def test_filters(kp, sessions):
    zhang, li = kp.ids["zhang"], kp.ids["li"]
    contact, hubei = kp.code["close-contact"], kp.code["from-hubei"]
    a = kp.add(
        zhang, contact, KeyPersonSource.CITY_LIST, D0 - timedelta(days=10), D0 - timedelta(1)
    )
    b = kp.add(zhang, hubei, KeyPersonSource.SELF_REPORT, D0)
    c = kp.add(li, contact, KeyPersonSource.GRID_WORKER, D0 - timedelta(days=2))

    def ids(**filters) -> set[int]:
        return {row.id for row in kp.list(KeyPersonFilter(**filters))}

    assert ids() == {a, b, c}
    assert ids(category_id=contact) == {a, c}
    assert ids(source=KeyPersonSource.SELF_REPORT) == {b}
    assert ids(active_on=D0) == {b, c}
    assert ids(active_on=D0 - timedelta(days=5)) == {a}
    assert ids(grid="网格2") == {a, b}  # zhang's household's grid
    assert ids(grid="网格1") == {c}
    assert ids(text="张") == ids(text="zxm") == ids(text=ZHANG[-4:]) == {a, b}
    assert ids(text="ls", category_id=contact, active_on=D0) == {c}
    assert ids(text="王") == set()
    isolation = IsolationService(sessions, kp.community_id, "Asia/Shanghai", lambda: NOW)
    isolation.start(li, IsolationKind.HOME, D0, D0 + timedelta(days=14))
    states = {row.id: row.isolation for row in kp.list()}
    assert states == {a: None, b: None, c: IsolationState.ACTIVE}


def test_who_and_what_cannot_be_added(kp, sessions):
    zhang, li = kp.ids["zhang"], kp.ids["li"]
    contact = kp.code["close-contact"]
    source = KeyPersonSource.CITY_LIST
    assert error_code(kp.add, kp.ids["stranger"], contact, source, D0) == "no-resident"
    assert error_code(kp.add, zhang, 999_999, source, D0) == "no-category"
    assert error_code(kp.add, zhang, contact, source, D0, D0 - timedelta(1)) == "until-before-since"
    with transaction(sessions) as session:
        session.get(Resident, li).state = ResidentState.MOVED_OUT
    assert error_code(kp.add, li, contact, source, D0) == "resident-not-active"
    # A record planned to end later overlaps one starting before that end.
    kp.add(zhang, contact, source, D0, D0 + timedelta(days=7))
    assert error_code(kp.add, zhang, contact, source, D0 + timedelta(days=7)) == "already"
    assert kp.list()[0].until == D0 + timedelta(days=7)
    assert error_code(kp.end, 999_999, D0) == "no-key-person"


def test_update_checks_against_the_other_records(kp):
    zhang = kp.ids["zhang"]
    contact, hubei = kp.code["close-contact"], kp.code["from-hubei"]
    first = kp.add(zhang, contact, KeyPersonSource.CITY_LIST, D0)
    second = kp.add(zhang, hubei, KeyPersonSource.CITY_LIST, D0)
    values = dict(source=KeyPersonSource.GRID_WORKER, since=D0, until=None, notes="checked")
    assert error_code(kp.update, second, category_id=contact, **values) == "already"
    kp.update(first, category_id=contact, **values)
    row = next(r for r in kp.list() if r.id == first)
    assert (row.source, row.notes) == (KeyPersonSource.GRID_WORKER, "checked")
