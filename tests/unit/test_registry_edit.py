"""Registry edits in a real database: validation, moves, merges, reveals, the audit trail."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from db.engine import transaction
from db.enums import (
    CheckinMethod,
    CheckMethod,
    Decision,
    Direction,
    Gender,
    HealthColor,
    IsolationKind,
    KeyPersonSource,
    NucleicOutcome,
    PassKind,
    Relation,
    ResidentState,
    Role,
)
from db.models import (
    AuditEvent,
    EntryLog,
    FeverAlert,
    HealthCheckin,
    Household,
    IsolationOrder,
    KeyPerson,
    KeyPersonCategory,
    NucleicTestResult,
    Pass,
    Resident,
)
from desktop.idnumber import make_id_number
from desktop.registry import RegistryFilter, RegistryService, SortKey
from desktop.registry_edit import (
    HouseholdForm,
    PlaceForm,
    RegistryEditor,
    RegistryError,
    ResidentForm,
)
from desktop.registry_merge import resident_references
from tests.support.gate_site import LI, NOW, ZHANG, make_gate

TODAY = date(2022, 4, 1)  # NOW in Shanghai


@pytest.fixture
def editor(sessions) -> RegistryEditor:
    gate = make_gate(sessions)
    return RegistryEditor(sessions, gate.site.community_id, "Asia/Shanghai", lambda: NOW)


def resident_id(sessions, number: str) -> int:
    with sessions() as session:
        return session.scalar(select(Resident.id).where(Resident.id_number == number))


def audits(sessions, action: str) -> list[AuditEvent]:
    with sessions() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def count(sessions, model) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_a_new_resident_takes_birth_gender_and_tails_from_a_15_digit_number(sessions, editor):
    new_id = editor.create_resident(
        ResidentForm(
            name=" 欧阳 小明 ",
            id_number="１３０３０２ 750613 051",  # full-width, spaces, old 15-digit card
            phone="+86 138-0013-8000",
            place=PlaceForm("10栋", "1单元", "1203"),
            relation=Relation.HEAD,
        )
    )
    with sessions() as session:
        resident = session.get(Resident, new_id)
        assert resident.id_number == "130302197506130516"
        assert resident.id_tail == "0516"
        assert resident.birth_date == date(1975, 6, 13)
        assert resident.gender is Gender.MALE
        assert resident.name == "欧阳 小明" and resident.name_initials == "oyxm"
        assert (resident.phone, resident.phone_tail) == ("13800138000", "8000")
        household = session.get(Household, resident.household_id)
        room = household.room
        assert (room.unit.building.number, room.unit.number, room.number) == ("10", "1", "1203")
        assert room.floor == 12
    [event] = audits(sessions, "resident.create")
    assert event.target_id == new_id and "id_number" in event.detail["fields"]
    assert "130302197506130516" not in str(event.detail)


@pytest.mark.parametrize(
    ("form", "code", "field"),
    [
        (ResidentForm(name="王五", id_number="110105194912310039"), "bad-id", "id_number"),
        (ResidentForm(name="王五", id_number="11010519491231"), "bad-id", "id_number"),
        (ResidentForm(name='=HYPERLINK("http://evil","x")'), "name-formula", "name"),
        (ResidentForm(name="   "), "name-missing", "name"),
        (ResidentForm(name="王五", phone="138 0013 800a"), "phone-bad-chars", "phone"),
        (ResidentForm(name="王五", phone="12800138000"), "phone-bad-mobile", "phone"),
        (ResidentForm(name="王五", place=PlaceForm("3", "", "501")), "address-missing", "unit"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(sessions, editor, form, code, field):
    before = (count(sessions, Resident), count(sessions, Household))
    with pytest.raises(RegistryError) as err:
        editor.create_resident(form)
    assert (err.value.code, err.value.field) == (code, field)
    assert (count(sessions, Resident), count(sessions, Household)) == before
    assert not audits(sessions, "resident.create")


def test_a_wrong_check_digit_says_which_rule_failed(editor):
    with pytest.raises(RegistryError) as err:
        editor.create_resident(ResidentForm(name="王五", id_number="110105194912310039"))
    assert err.value.params["reason"] == "bad_check_digit"


def test_a_duplicate_id_number_names_the_existing_resident_masked(sessions, editor):
    with pytest.raises(RegistryError) as err:
        editor.create_resident(ResidentForm(name="张晓明", id_number=ZHANG.lower()))
    assert err.value.code == "duplicate-id"
    assert err.value.params["name"] == "张*明"
    assert err.value.params["resident_id"] == resident_id(sessions, ZHANG)
    # Saving a resident with its own number is no duplicate.
    zhang = resident_id(sessions, ZHANG)
    editor.update_resident(zhang, ResidentForm(name="张小明", id_number=ZHANG, phone=None))


def test_an_edit_keeps_what_the_form_leaves_out(sessions, editor):
    zhang = resident_id(sessions, ZHANG)
    with transaction(sessions) as session:
        session.get(Resident, zhang).phone = "13912345678"
    editor.update_resident(zhang, ResidentForm(name="张小明"))
    with sessions() as session:
        resident = session.get(Resident, zhang)
        assert resident.id_number == ZHANG and resident.phone == "13912345678"
    [event] = audits(sessions, "resident.update")
    assert event.detail["fields"] == []


def test_move_out_empties_the_household_and_undo_brings_it_back(sessions, editor):
    zhang, li = resident_id(sessions, ZHANG), resident_id(sessions, LI)
    editor.move_out(zhang, TODAY - timedelta(days=3))
    with sessions() as session:
        household = session.get(Household, session.get(Resident, zhang).household_id)
        assert household.moved_out_at is None  # 李四 still lives there
    editor.mark_deceased(li, TODAY)
    with sessions() as session:
        assert session.get(Resident, li).state is ResidentState.DECEASED
        household = session.get(Household, session.get(Resident, li).household_id)
        assert household.moved_out_at == datetime(2022, 3, 31, 16, tzinfo=UTC)
    with pytest.raises(RegistryError) as err:
        editor.move_out(li, TODAY)
    assert err.value.code == "not-active"
    with pytest.raises(RegistryError) as err:
        editor.move_out(zhang, TODAY + timedelta(days=1))
    assert err.value.code == "date-in-future"
    editor.restore(li)
    with sessions() as session:
        assert session.get(Resident, li).state is ResidentState.ACTIVE
        assert session.get(Household, session.get(Resident, li).household_id).moved_out_at is None
    assert [e.detail for e in audits(sessions, "resident.move-out")] == [{"date": "2022-03-29"}]
    assert audits(sessions, "resident.restore")[0].detail == {"previous": "deceased"}


def test_households_are_made_and_residents_moved_between_them(sessions, editor):
    li = resident_id(sessions, LI)
    new = editor.create_household(
        HouseholdForm(PlaceForm("3", "2", "502"), phone="010-6512 3456", grid="网格2")
    )
    editor.move_resident(li, new)
    with sessions() as session:
        resident = session.get(Resident, li)
        assert resident.household_id == new and resident.grid == "网格2"
        assert session.get(Household, new).phone == "01065123456"
    editor.update_household(new, HouseholdForm(PlaceForm("3", "2", "502"), grid="网格3"))
    with sessions() as session:
        assert session.get(Resident, li).grid == "网格3"
    zhang = resident_id(sessions, ZHANG)
    editor.move_resident(zhang, new)
    with sessions() as session:
        old = session.scalars(select(Household).where(Household.id != new)).one()
        assert old.moved_out_at is not None


def _history(session, gate, resident: int, day: date, *, fever: bool, serial: int) -> None:
    at = datetime(day.year, day.month, day.day, 2, tzinfo=UTC)
    entry = EntryLog(
        uid=f"e{serial}",
        community_id=gate.site.community_id,
        gate_id=gate.site.gate_id,
        occurred_at=at,
        direction=Direction.IN,
        resident_id=resident,
        method=CheckMethod.TYPED,
        decision=Decision.DENY if fever else Decision.ALLOW,
        reason_code="fever" if fever else "ok",
    )
    session.add(entry)
    session.flush()
    if fever:
        session.add(
            FeverAlert(
                uid=f"f{serial}",
                community_id=gate.site.community_id,
                gate_id=gate.site.gate_id,
                resident_id=resident,
                entry_log_id=entry.id,
                first_c=38.1,
                first_at=at,
                remeasure_due_at=at + timedelta(minutes=5),
            )
        )
    session.add(
        HealthCheckin(resident_id=resident, day=day, fever=fever, method=CheckinMethod.SELF)
    )


def test_merge_moves_every_reference_and_fills_empty_fields(sessions):
    gate = make_gate(sessions)
    editor = RegistryEditor(sessions, gate.site.community_id, "Asia/Shanghai", lambda: NOW)
    keep = resident_id(sessions, ZHANG)
    with transaction(sessions) as session:
        kept = session.get(Resident, keep)
        duplicate = Resident(
            community_id=kept.community_id,
            household_id=kept.household_id,
            name="张小明",
            phone="13800138000",
            phone_tail="8000",
            notes="手工登记",
        )
        session.add(duplicate)
        session.flush()
        other = duplicate.id
        category = session.scalars(select(KeyPersonCategory)).first()
        for resident, serial in ((keep, 1), (other, 2)):
            _history(session, gate, resident, TODAY, fever=resident == other, serial=serial)
        _history(session, gate, other, TODAY - timedelta(days=1), fever=False, serial=3)
        session.add_all(
            [
                KeyPerson(
                    resident_id=other,
                    category_id=category.id,
                    source=KeyPersonSource.GRID_WORKER,
                    since=TODAY,
                ),
                IsolationOrder(
                    resident_id=other,
                    kind=IsolationKind.HOME,
                    start_date=TODAY + timedelta(days=1),
                    planned_end_date=TODAY + timedelta(days=14),
                ),
                NucleicTestResult(
                    resident_id=other, id_number="", sampled_at=NOW, outcome=NucleicOutcome.NEGATIVE
                ),
                Pass(
                    serial=77,
                    community_id=kept.community_id,
                    key_id=1,
                    kind=PassKind.RESIDENT,
                    resident_id=other,
                    valid_from=NOW,
                    valid_to=NOW + timedelta(days=30),
                ),
            ]
        )
    moved = editor.merge(keep, other)
    assert moved["entry_log"] == 2 and moved["fever_alert"] == 1 and moved["pass"] == 1
    with sessions() as session:
        assert session.get(Resident, other) is None
        for table, column in resident_references():
            left = session.execute(
                select(func.count()).select_from(table).where(table.c[column] == other)
            ).scalar()
            assert left == 0, table.name
        checkins = session.execute(
            select(HealthCheckin.day, HealthCheckin.fever)
            .where(HealthCheckin.resident_id == keep)
            .order_by(HealthCheckin.day)
        ).all()
        assert checkins == [(TODAY - timedelta(days=1), False), (TODAY, True)]
        kept = session.get(Resident, keep)
        assert kept.phone == "13800138000" and kept.notes == "手工登记"
        assert kept.id_number == ZHANG
        assert kept.health_status is HealthColor.RED  # the duplicate's fever counts
        assert session.scalar(select(func.count()).select_from(KeyPerson)) == 1
    [event] = audits(sessions, "resident.merge")
    assert (event.detail["kept"], event.detail["removed"]) == (keep, other)


def test_merge_refuses_two_different_id_numbers(sessions, editor):
    zhang, li = resident_id(sessions, ZHANG), resident_id(sessions, LI)
    with pytest.raises(RegistryError) as err:
        editor.merge(zhang, li)
    assert err.value.code == "merge-different-id"
    with pytest.raises(RegistryError) as err:
        editor.merge(zhang, zhang)
    assert err.value.code == "merge-same"
    assert count(sessions, Resident) == 2


def test_a_merge_can_move_the_only_id_number_over(sessions, editor):
    zhang = resident_id(sessions, ZHANG)
    with transaction(sessions) as session:
        keeper = Resident(community_id=editor.community_id, name="张小明", phone="13900001111")
        session.add(keeper)
        session.flush()
        keep = keeper.id
    editor.merge(keep, zhang)
    with sessions() as session:
        kept = session.get(Resident, keep)
        assert (kept.id_number, kept.id_tail, kept.birth_date) == (
            ZHANG,
            "002X",
            date(1949, 12, 31),
        )


@pytest.mark.parametrize(
    ("role", "id_shown", "phone_shown"),
    [
        (Role.SECRETARY, ZHANG, "13912345678"),
        (Role.ADMIN, ZHANG, "13912345678"),
        (Role.GRID_WORKER, "110105********002X", "13912345678"),
    ],
)
def test_reveal_by_role_is_audited_every_time(sessions, editor, role, id_shown, phone_shown):
    zhang = resident_id(sessions, ZHANG)
    with transaction(sessions) as session:
        session.get(Resident, zhang).phone = "13912345678"
    for _ in range(2):
        shown = editor.reveal(zhang, role, None)
        assert (shown.id_number, shown.phone) == (id_shown, phone_shown)
    events = audits(sessions, "reveal")
    assert len(events) == 2 and {e.target_id for e in events} == {zhang}
    assert events[0].detail["role"] == role.value


def test_gate_staff_cannot_reveal(sessions, editor):
    with pytest.raises(RegistryError) as err:
        editor.reveal(resident_id(sessions, ZHANG), Role.GATE_STAFF, None)
    assert err.value.code == "reveal-not-allowed"
    assert not audits(sessions, "reveal")


def test_a_made_up_number_is_accepted_once(sessions, editor):
    number = make_id_number("320102", date(1988, 2, 29), 124)
    created = editor.create_resident(ResidentForm(name="Anna Müller", id_number=number))
    with sessions() as session:
        resident = session.get(Resident, created)
        assert resident.gender is Gender.FEMALE and resident.name_initials == "am"
        assert resident.household_id is None


def test_tree_counts_and_natural_order_and_filters(sessions, editor):
    for building, room in (("10", "101"), ("2", "1001"), ("3A", "101"), ("3", "99")):
        editor.create_resident(
            ResidentForm(name=f"住户{building}", place=PlaceForm(building, "1", room))
        )
    elderly = editor.create_resident(
        ResidentForm(name="独居老人", place=PlaceForm("2", "1", "201"), elderly_without_phone=True)
    )
    editor.move_out(resident_id(sessions, LI), TODAY)
    registry = RegistryService(sessions, editor.community_id)
    tree = registry.tree()
    assert [b.number for b in tree] == ["2", "3", "3A", "10"]
    three = tree[1]
    assert [u.number for u in three.units] == ["1", "2"]
    assert [r.number for r in three.units[0].rooms] == ["99"]
    assert three.residents == 2  # 住户3 and 张小明 (李四 moved out)
    assert [r.number for r in tree[0].units[0].rooms] == ["201", "1001"]

    by_building = registry.search("", today=TODAY, filters=RegistryFilter(building_id=three.id))
    assert by_building.total == 2
    unit2 = three.units[1]
    shown = registry.search("", today=TODAY, filters=RegistryFilter(unit_id=unit2.id))
    assert [r.name_masked for r in shown.rows] == ["张*明"]
    gone = RegistryFilter(unit_id=unit2.id, states=(ResidentState.MOVED_OUT,))
    assert [r.name_masked for r in registry.search("", today=TODAY, filters=gone).rows] == ["李*"]
    # Without a filter (the gate's search) every state is found.
    assert registry.search("李四", today=TODAY).total == 1
    lonely = registry.search("", today=TODAY, filters=RegistryFilter(elderly_without_phone=True))
    assert [r.id for r in lonely.rows] == [elderly]
    by_address = registry.search("", today=TODAY, filters=RegistryFilter())
    assert [r.address.building for r in by_address.rows][:2] == ["2", "2"]
    by_name = registry.search(
        "", today=TODAY, filters=RegistryFilter(), order=SortKey.NAME, descending=True
    )
    # 住户3A is "zha"; the fixture's 张小明 has no initials stored and comes last.
    assert (by_name.rows[0].name_masked, by_name.rows[-1].name_masked) == ("住**A", "张*明")


def test_key_person_filter_follows_the_dates(sessions, editor):
    zhang, li = resident_id(sessions, ZHANG), resident_id(sessions, LI)
    with transaction(sessions) as session:
        category = session.scalars(select(KeyPersonCategory)).first()
        for who, since, until in (
            (zhang, TODAY - timedelta(days=3), None),
            (li, TODAY - timedelta(days=9), TODAY - timedelta(days=1)),
        ):
            session.add(
                KeyPerson(
                    resident_id=who,
                    category_id=category.id,
                    source=KeyPersonSource.CITY_LIST,
                    since=since,
                    until=until,
                )
            )
    registry = RegistryService(sessions, editor.community_id)
    found = registry.search("", today=TODAY, filters=RegistryFilter(key_persons=True))
    assert [r.id for r in found.rows] == [zhang] and found.rows[0].key_person
    earlier = registry.search("", today=TODAY - timedelta(days=2), filters=RegistryFilter())
    assert {r.id for r in earlier.rows if r.key_person} == {zhang, li}
