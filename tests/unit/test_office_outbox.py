"""Every registry, key-person and isolation change queues its outbox row for the city, in the
same transaction as the change (specs/sync.md)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from db.enums import IsolationKind, KeyPersonSource, ResidentState
from db.models import KeyPersonCategory, OutboxItem, Resident
from desktop.health_service import HealthService
from desktop.idnumber import make_id_number
from desktop.isolation import IsolationService
from desktop.keypersons import KeyPersonService
from desktop.ledger import apply_import, plan_import, read_layout
from desktop.registry_edit import HouseholdForm, RegistryEditor, ResidentForm
from desktop.registry_places import PlaceForm
from tests.support.gate_site import LI, NOW, ZHANG, make_gate
from tests.support.ledgers import messy_ledger

ZONE = "Asia/Shanghai"
NEW_NUMBER = make_id_number("110105", date(1990, 3, 7), 12)  # a woman's number


@pytest.fixture
def site(sessions):
    gate = make_gate(sessions)
    return sessions, gate.site.community_id


def _rows(sessions, kind: str | None = None) -> list[dict]:
    query = select(OutboxItem).order_by(OutboxItem.id)
    if kind is not None:
        query = query.where(OutboxItem.kind == kind)
    with sessions() as session:
        return [item.payload | {"_kind": item.kind} for item in session.scalars(query)]


def _resident_id(sessions, number: str) -> int:
    with sessions() as session:
        return session.scalar(select(Resident.id).where(Resident.id_number == number))


def test_registry_edits_queue_the_resident_as_it_now_stands(site):
    sessions, community_id = site
    editor = RegistryEditor(sessions, community_id, ZONE, lambda: NOW)
    new_id = editor.create_resident(
        ResidentForm(name="王小红", id_number=NEW_NUMBER, phone="138 0013 8000",
                     place=PlaceForm("3", "2", "502"))
    )  # fmt: skip
    editor.move_out(new_id, date(2022, 3, 31))
    rows = _rows(sessions, "resident")
    assert [r["change"] for r in rows] == ["create", "move-out"]
    created, moved = rows
    assert (created["community"], created["local_id"], created["id_number"]) == (
        "c1",
        new_id,
        NEW_NUMBER,
    )
    assert (created["building"], created["unit"], created["room"]) == ("3", "2", "502")
    assert (created["phone"], created["state"], created["gender"]) == (
        "13800138000",
        "active",
        "female",
    )
    assert moved["state"] == ResidentState.MOVED_OUT.value
    assert len({r["_kind"] for r in rows}) == 1


def test_a_merge_queues_the_removed_record_and_the_kept_one(site):
    sessions, community_id = site
    editor = RegistryEditor(sessions, community_id, ZONE, lambda: NOW)
    zhang = _resident_id(sessions, ZHANG)
    # The same person typed in again without a number, as happens at a busy desk.
    twin = editor.create_resident(ResidentForm(name="张小明", place=PlaceForm("3", "2", "501")))
    editor.merge(zhang, twin)
    created, removed, kept = _rows(sessions, "resident")
    assert (created["change"], created["id_number"]) == ("create", None)
    assert (removed["change"], removed["local_id"], removed["merged_into"]) == (
        "merged-away",
        twin,
        zhang,
    )
    assert (kept["change"], kept["local_id"], kept["id_number"]) == ("merge", zhang, ZHANG)


def test_a_household_moved_to_another_room_requeues_everyone_living_there(site):
    sessions, community_id = site
    editor = RegistryEditor(sessions, community_id, ZONE, lambda: NOW)
    with sessions() as session:
        household_id = session.get(Resident, _resident_id(sessions, ZHANG)).household_id
    editor.update_household(household_id, HouseholdForm(PlaceForm("3", "2", "601"), grid="二网格"))
    rows = _rows(sessions, "resident")
    assert sorted(r["id_number"] for r in rows) == sorted([ZHANG, LI])
    assert {(r["room"], r["grid"], r["change"]) for r in rows} == {("601", "二网格", "household")}


def test_key_person_and_isolation_changes_are_queued(site):
    sessions, community_id = site
    clock = lambda: NOW  # noqa: E731
    zhang = _resident_id(sessions, ZHANG)
    with sessions() as session:
        category = session.scalar(
            select(KeyPersonCategory.id).where(KeyPersonCategory.code == "close-contact")
        )
    keypersons = KeyPersonService(sessions, community_id, ZONE, clock=clock)
    record = keypersons.add(zhang, category, KeyPersonSource.CITY_LIST, date(2022, 3, 30))
    keypersons.end(record, date(2022, 4, 1))
    health = HealthService(sessions, community_id, ZONE, clock=clock)
    isolation = IsolationService(sessions, community_id, ZONE, clock, health)
    order = isolation.start(zhang, IsolationKind.HOME, date(2022, 4, 1), date(2022, 4, 14))
    isolation.record_followup(order, 37.6, "咳嗽")
    isolation.release(order)

    kinds = [(r["_kind"], r.get("change")) for r in _rows(sessions) if r["_kind"] != "resident"]
    assert kinds == [
        ("key-person", "added"),
        ("key-person", "ended"),
        ("isolation", "started"),
        ("isolation-follow-up", None),
        ("isolation", "released"),
    ]
    rows = _rows(sessions)
    person = next(r for r in rows if r["_kind"] == "key-person")
    assert (person["id_number"], person["category"], person["source"]) == (
        ZHANG,
        "close-contact",
        "city-list",
    )
    follow_up = next(r for r in rows if r["_kind"] == "isolation-follow-up")
    assert (follow_up["temperature_c"], follow_up["fever"], follow_up["order"]) == (
        37.6,
        True,
        order,
    )
    released = [r for r in rows if r["_kind"] == "isolation"][-1]
    assert (released["state"], released["id_number"]) == ("released", ZHANG)


def test_an_import_queues_each_resident_written_and_a_second_import_nothing(site, tmp_path):
    sessions, community_id = site
    expected = messy_ledger(tmp_path / "台账.xlsx")
    layout = read_layout(tmp_path / "台账.xlsx")
    today = NOW.date()
    apply_import(sessions, community_id, plan_import(sessions, community_id, layout, today=today))
    rows = _rows(sessions, "resident")
    assert len(rows) == expected.new + expected.merged
    assert {r["change"] for r in rows} == {"imported"}
    assert all(r["id_number"] and r["local_id"] and r["building"] for r in rows)
    zhang = next(r for r in rows if r["id_number"] == ZHANG)
    assert zhang["local_id"] == _resident_id(sessions, ZHANG)

    apply_import(sessions, community_id, plan_import(sessions, community_id, layout, today=today))
    assert len(_rows(sessions, "resident")) == len(rows)


def test_a_refused_change_queues_nothing(site):
    sessions, community_id = site
    editor = RegistryEditor(sessions, community_id, ZONE, lambda: NOW)
    with pytest.raises(Exception, match="date"):
        editor.move_out(_resident_id(sessions, ZHANG), NOW.date() + timedelta(days=3))
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(OutboxItem)) == 0
    assert NOW.tzinfo is UTC and isinstance(NOW, datetime)
