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
