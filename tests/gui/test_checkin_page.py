"""The check-in page: staff record daily check-ins; the colour follows at once."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from sqlalchemy import delete, select

from db.enums import CheckinMethod, HealthColor
from db.models import HealthCheckin, Resident, Setting


def stored(context, resident_id: int) -> HealthColor:
    with context.sessions() as session:
        return session.get(Resident, resident_id).health_status


def test_not_checked_in_list_and_recording(window, qtbot, context, residents):
    window.show_page(window.checkin_page)
    page = window.checkin_page
    active = [r for r in residents if r.state.value == "active"]
    qtbot.waitUntil(lambda: page.count.text() == f"今日未打卡 {len(active)} 人")
    first = page.rows[0]
    elderly = [r for r in active if r.elderly_without_phone]
    assert first.elderly_without_phone == bool(elderly)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert "已记录" in page.result.text() and first.name_masked in page.result.text()
    assert page.count.text() == f"今日未打卡 {len(active) - 1} 人"
    with context.sessions() as session:
        checkin = session.scalars(
            select(HealthCheckin)
            .where(HealthCheckin.resident_id == first.id)
            .order_by(HealthCheckin.day.desc())
            .limit(1)
        ).one()
        assert checkin.day == datetime.now(window.zone).date()
        assert checkin.method is CheckinMethod.STAFF_PHONE and not checkin.fever


def test_yellow_resident_turns_green_and_fever_turns_red(window, qtbot, context, residents):
    page = window.checkin_page
    window.show_page(page)
    yellow = next(r for r in residents if r.health_status is HealthColor.YELLOW)
    page.search.setText(yellow.name_initials)
    page.refresh()
    index = next(i for i, row in enumerate(page.rows) if row.id == yellow.id)
    page.list.setCurrentRow(index)
    qtbot.mouseClick(page.normal_button, Qt.MouseButton.LeftButton)
    assert stored(context, yellow.id) is HealthColor.GREEN
    assert "绿码" in page.result.text()
    page.list.setCurrentRow(next(i for i, row in enumerate(page.rows) if row.id == yellow.id))
    page.symptoms.setText("38.3")
    qtbot.keyClick(page.search, Qt.Key.Key_F3)
    assert stored(context, yellow.id) is HealthColor.RED
    assert "发热" in page.result.text()


def test_day_roll_over_brings_stored_colours_in_line(window, context, residents):
    green = next(r for r in residents if r.health_status is HealthColor.GREEN)
    with context.sessions() as session, session.begin():
        session.get(Resident, green.id).health_status = HealthColor.RED
    assert window._midnight.isActive()
    with context.sessions() as session, session.begin():  # as if the last run was yesterday
        session.execute(delete(Setting))
    window.day_rolled_over()
    assert stored(context, green.id) is HealthColor.GREEN
    assert window._midnight.isActive()
    assert window._midnight.remainingTime() <= 24 * 3600 * 1000 + 5000


def test_by_building_one_click_per_resident(window, qtbot, context):
    page = window.checkin_page
    window.show_page(page)
    page.method.setCurrentIndex(page.method.findData(CheckinMethod.STAFF_VISIT))
    page.tabs.setCurrentWidget(page.by_building)
    bulk = page.by_building
    first_building = context.registry.tree()[0]
    assert bulk.building.currentData() == first_building.id
    living = first_building.residents
    assert len(bulk.rows) == living and bulk.table.rowCount() == living
    assert all(r.row.address.building == first_building.number for r in bulk.rows)
    unit = first_building.units[1]
    bulk.unit.setCurrentIndex(bulk.unit.findData(unit.id))
    assert len(bulk.rows) == unit.residents
    assert {r.row.address.unit for r in bulk.rows} == {unit.number}
    waiting = [i for i, r in enumerate(bulk.rows) if not r.checked_in]
    index = waiting[0]
    who = bulk.rows[index].row
    button = bulk.table.cellWidget(index, 5)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not button.isEnabled()
    assert bulk.table.item(index, 4).text() == bulk.tr("✓ checked in")
    done = unit.residents - len(waiting) + 1
    expected = bulk.tr("%1 residents, %2 checked in today")
    assert bulk.count.text() == expected.replace("%1", str(unit.residents)).replace("%2", str(done))
    assert who.name_masked in page.result.text()
    with context.sessions() as session:
        checkin = session.scalars(
            select(HealthCheckin).where(
                HealthCheckin.resident_id == who.id,
                HealthCheckin.day == datetime.now(window.zone).date(),
            )
        ).one()
        assert checkin.method is CheckinMethod.STAFF_VISIT and not checkin.fever
    # A second load shows it done from the database, and the next resident still waits.
    bulk.load()
    assert bulk.rows[index].checked_in and not bulk.table.cellWidget(index, 5).isEnabled()
    if len(waiting) > 1:
        assert bulk.table.cellWidget(waiting[1], 5).isEnabled()
