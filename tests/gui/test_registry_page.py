"""The registry page: masked table, tree and filters, edits through the dialogs, export."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from db.engine import transaction
from db.enums import ResidentKind, ResidentState, Role
from db.models import AuditEvent, HealthCheckin, KeyPerson, Resident
from desktop.idnumber import check_digit
from desktop.masking import mask_id_number, mask_name
from desktop.registry_edit import RegistryEditor
from desktop.verdicts import Reason
from ui import texts
from ui.pages.registry_page import RegistryPage
from ui.pages.registry_table import ID_ROLE, LEVEL_ROLE


def test_table_lists_residents_masked(window, residents):
    page = window.registry_page
    model = page.model
    living = [r for r in residents if r.state is ResidentState.ACTIVE]
    assert model.rowCount() == min(len(living), 500)
    shown = {model.index(r, 3).data() for r in range(model.rowCount())}
    assert all("********" in value for value in shown if value)
    assert not any(r.id_number in shown for r in residents)


def test_search_by_id_tail_finds_the_resident_and_household(window, qtbot, residents):
    page = window.registry_page
    resident = residents[7]
    page.search.setText(resident.id_number[-4:])
    page.refresh()
    names = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert mask_name(resident.name) in names
    ids = [page.model.index(r, 3).data() for r in range(page.model.rowCount())]
    row = ids.index(mask_id_number(resident.id_number))
    page.table.selectRow(row)
    members = [page.members.item(i).text() for i in range(page.members.count())]
    assert any(mask_name(resident.name) in m for m in members)
    assert "栋" in page.household_address.text()


def test_search_with_no_match_says_so(window):
    page = window.registry_page
    page.search.setText("不存在的名字")
    page.refresh()
    assert page.model.rowCount() == 0
    assert "0" in page.count.text()


@pytest.fixture
def page(qtbot, context):
    site = context.site
    editor = RegistryEditor(context.sessions, site.community_id, site.timezone)
    widget = RegistryPage(
        context.registry, editor, role=Role.SECRETARY, zone=ZoneInfo(site.timezone)
    )
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


def rows(page) -> list:
    return list(page.model.rows)


def count_residents(context) -> int:
    with context.sessions() as session:
        return session.scalar(select(func.count()).select_from(Resident))


def test_tree_nodes_filter_the_table(page, context):
    tree = page.tree
    building = tree.topLevelItem(1)
    tree.setCurrentItem(building)
    shown = rows(page)
    number = context.registry.tree()[0].number
    assert shown and {r.address.building for r in shown} == {number}
    assert str(len(shown)) in building.text(0)
    unit = building.child(1)
    tree.expandItem(unit)  # rooms are made when the unit opens
    assert unit.child(0).data(0, LEVEL_ROLE) == "room"
    room = next(
        unit.child(i) for i in range(unit.childCount()) if not unit.child(i).text(0).endswith("(0)")
    )
    tree.setCurrentItem(room)
    in_room = rows(page)
    assert in_room and {r.address.room for r in in_room} == {room.text(0).split()[1]}
    with context.sessions() as session:
        households = {session.get(Resident, r.id).household.room_id for r in in_room}
    assert households == {room.data(0, ID_ROLE)}
    tree.setCurrentItem(tree.topLevelItem(0))
    assert len(rows(page)) == len(shown) + sum(
        int(tree.topLevelItem(i).text(0).rsplit("(", 1)[1].rstrip(")"))
        for i in range(2, tree.topLevelItemCount())
    )


def test_search_and_filters_combine(page, context, residents):
    page.elderly_check.setChecked(True)
    elderly = [r for r in residents if r.elderly_without_phone]
    assert {r.id for r in rows(page)} == {r.id for r in elderly}
    page.elderly_check.setChecked(False)
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(ResidentKind.TENANT))
    tenants = [r for r in residents if r.kind is ResidentKind.TENANT]
    assert {r.id for r in rows(page)} == {r.id for r in tenants}
    target = tenants[0]
    page.search.setText(target.name[0])
    page.refresh()
    assert target.id in {r.id for r in rows(page)}
    assert all(r.kind is ResidentKind.TENANT for r in rows(page))
    page.kind_filter.setCurrentIndex(0)
    page.search.clear()
    page.key_check.setChecked(True)
    with context.sessions() as session:
        marked = set(
            session.scalars(select(KeyPerson.resident_id).where(KeyPerson.until.is_(None)))
        )
    assert marked and {r.id for r in rows(page)} <= marked
    assert all(r.key_person for r in rows(page))


def test_sorting_asks_the_database_again(page, residents):
    page.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # age, oldest first
    ages = [r.age for r in rows(page)]
    assert ages[0] == max(r.age for r in rows(page))
    assert ages == sorted(ages, reverse=True)


def test_a_resident_through_the_dialog(page, context, qtbot):
    before = count_residents(context)
    first17 = "32010219880229124"
    good = first17 + check_digit(first17)
    bad = first17 + ("0" if good[-1] != "0" else "1")
    page.new_resident()
    dialog = page.dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.name.setText("陈静怡")
    dialog.id_number.setText(bad)
    dialog.phone.setText("139 1234 5678")
    dialog.accept()
    assert dialog.isVisible()
    assert texts.reason_text(Reason.BAD_CHECK_DIGIT) in dialog.error_shown()
    assert count_residents(context) == before
    dialog.id_number.setText(good)
    dialog.accept()
    assert not dialog.isVisible()
    assert count_residents(context) == before + 1
    with context.sessions() as session:
        created = session.scalars(select(Resident).where(Resident.id_number == good)).one()
        assert created.phone == "13912345678" and created.name_initials == "cjy"
        assert created.household_id is not None  # the address came from the selected row
    assert page.current_row().id == created.id
    assert page.detail.id_number.text() == mask_id_number(good)


def test_duplicate_id_names_the_other_resident_masked(page, residents):
    page.new_resident()
    page.dialog.name.setText("重复")
    page.dialog.id_number.setText(residents[0].id_number)
    page.dialog.accept()
    assert mask_name(residents[0].name) in page.dialog.error_shown()
    page.dialog.reject()


def test_move_out_and_undo(page, context):
    row = page.current_row()
    page.move_out()
    page.dialog.accept()
    with context.sessions() as session:
        assert session.get(Resident, row.id).state is ResidentState.MOVED_OUT
    assert row.id not in {r.id for r in rows(page)}
    page.state_filter.setCurrentIndex(1)  # moved out
    assert [r.id for r in rows(page)] == [row.id]
    assert page.restore_button.isEnabled() and not page.move_out_button.isEnabled()
    page.restore_button.click()
    with context.sessions() as session:
        assert session.get(Resident, row.id).state is ResidentState.ACTIVE


def test_merge_two_records(page, context, residents):
    kept = residents[3]
    with transaction(context.sessions) as session:
        duplicate = Resident(
            community_id=kept.community_id,
            name=kept.name,
            name_initials=kept.name_initials,
            phone="13700001234",
            phone_tail="1234",
        )
        session.add(duplicate)
        session.flush()
        session.add(HealthCheckin(resident_id=duplicate.id, day=page.today(), method="self"))
        duplicate_id = duplicate.id
    page.search.setText(kept.id_number[-4:])
    page.refresh()
    assert page.select_resident(kept.id)
    page.merge()
    dialog = page.dialog
    dialog.find(kept.name)
    assert duplicate_id in [r.id for r in dialog.candidates]
    dialog.results.setCurrentRow([r.id for r in dialog.candidates].index(duplicate_id))
    assert dialog.compare.item(0, 0).text() == dialog.compare.item(0, 1).text()
    dialog.accept()
    assert not dialog.isVisible()
    with context.sessions() as session:
        assert session.get(Resident, duplicate_id) is None
        checkin = session.scalars(select(HealthCheckin).where(HealthCheckin.day == page.today()))
        assert kept.id in {c.resident_id for c in checkin}
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "resident.merge")
        ).one()
        assert event.detail["removed"] == duplicate_id
    assert page.current_row().id == kept.id
    assert mask_name(kept.name) in page.message.text()


def test_reveal_is_audited(page, context):
    row = page.current_row()
    page.reveal_button.click()
    with context.sessions() as session:
        full = session.get(Resident, row.id).id_number
        assert (
            session.scalar(
                select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "reveal")
            )
            == 1
        )
    assert page.detail.id_number.text() == full
    assert not page.reveal_button.isEnabled()


def test_export_to_a_path_and_reopen(page, context, qtbot, tmp_path):
    building = page.tree.topLevelItem(1)
    page.tree.setCurrentItem(building)
    with qtbot.waitSignal(page.exported, timeout=30000) as done:
        page.export_to("residents", tmp_path / "楼栋")
    result = done.args[0]
    assert result.path.suffix == ".xlsx" and result.rows == len(rows(page))
    sheet = load_workbook(result.path).active
    ids = [sheet.cell(row=r, column=5) for r in range(4, sheet.max_row + 1)]
    with context.sessions() as session:
        numbers = {session.get(Resident, r.id).id_number for r in rows(page)}
    assert {cell.value for cell in ids} == numbers
    assert all(cell.data_type == "s" for cell in ids)
    assert str(result.rows) in page.message.text()


def test_gate_staff_see_no_reveal_and_export_masked(qtbot, context, tmp_path):
    site = context.site
    editor = RegistryEditor(context.sessions, site.community_id, site.timezone)
    page = RegistryPage(context.registry, editor, role="gate-staff")
    qtbot.addWidget(page)
    assert not page.reveal_button.isVisibleTo(page) and not page.edit_button.isEnabled()
    with qtbot.waitSignal(page.exported, timeout=30000) as done:
        page.export_to("households", tmp_path / "h.xlsx")
    result = done.args[0]
    text = " ".join(
        str(c.value) for row in load_workbook(result.path).active.iter_rows() for c in row
    )
    with context.sessions() as session:
        phones = [p for p in session.scalars(select(Resident.phone)) if p]
    assert result.rows > 0 and not any(phone in text for phone in phones)


def test_import_button_asks_the_window(page, qtbot):
    with qtbot.waitSignal(page.importRequested):
        page.import_button.click()


def test_the_old_constructor_still_works(qtbot, context):
    page = RegistryPage(context.registry)
    qtbot.addWidget(page)
    assert page.role is Role.SECRETARY and page.model.rowCount() > 0


def test_a_file_that_cannot_be_written_says_what_to_do(page, qtbot, tmp_path):
    blocked = tmp_path / "open-in-excel.xlsx"
    blocked.mkdir()  # a folder where the file should go: writing it fails
    with qtbot.waitSignal(page.exported, timeout=30000) as done:
        page.export_to("residents", blocked)
    assert done.args[0] is None
    assert str(blocked) in page.message.text() and page.export_button.isEnabled()
