"""The key-person page: follow-ups recorded from the board, orders, release, key persons."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from db.enums import HealthColor, IsolationKind, IsolationState, KeyPersonSource, ResidentState
from db.models import IsolationFollowUp, IsolationOrder, KeyPerson, Resident
from desktop.isolation import IsolationService
from desktop.isolation_board import SlotState
from desktop.keypersons import KeyPersonService
from tests.support.dialogs import when_open
from ui.pages.followups_tab import OVERDUE_BACKGROUND
from ui.pages.keyperson_dialogs import IsolationOrderDialog
from ui.pages.keyperson_texts import category_text, error_text, slot_text
from ui.pages.keypersons_page import KeyPersonsPage

AFTERNOON = 6  # the column of the afternoon slot


class Clock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


class Page:
    """The page on services that share one clock, set to today in the community."""

    def __init__(self, qtbot, context, exports: list) -> None:
        site = context.site
        self.context = context
        self.zone = ZoneInfo(site.timezone)
        self.today = datetime.now(self.zone).date()
        self.clock = Clock(self.at(time(13)))
        self.isolation = IsolationService(
            context.sessions, site.community_id, site.timezone, self.clock, context.health
        )
        self.keypersons = KeyPersonService(
            context.sessions, site.community_id, site.timezone, clock=self.clock
        )
        self.widget = KeyPersonsPage(
            self.keypersons,
            self.isolation,
            context.registry,
            self.zone,
            on_export=lambda: exports.append(True),
        )
        qtbot.addWidget(self.widget)
        self.widget.show()
        qtbot.waitExposed(self.widget)

    def at(self, moment: time) -> datetime:
        return datetime.combine(self.today, moment, tzinfo=self.zone)

    def free_resident(self) -> Resident:
        """An active resident with pinyin initials and no isolation order."""
        with self.context.sessions() as session:
            ordered = select(IsolationOrder.resident_id)
            return session.scalars(
                select(Resident)
                .where(Resident.state == ResidentState.ACTIVE)
                .where(Resident.name_initials != "")
                .where(Resident.id.not_in(ordered))
                .order_by(Resident.id)
            ).first()

    def table_row(self, table, order_id: int) -> int:
        for index in range(table.rowCount()):
            if table.item(index, 0).data(Qt.ItemDataRole.UserRole) == order_id:
                return index
        raise AssertionError(f"order {order_id} not in the table")

    def followups(self) -> int:
        with self.context.sessions() as session:
            return session.scalar(select(func.count()).select_from(IsolationFollowUp))


@pytest.fixture
def exports() -> list:
    return []


@pytest.fixture
def page(qtbot, context, exports) -> Page:
    return Page(qtbot, context, exports)


def test_a_follow_up_recorded_on_the_board_clears_the_overdue_row(page, qtbot):
    resident = page.free_resident()
    order = page.isolation.start(
        resident.id, IsolationKind.HOME, page.today, page.today + timedelta(14)
    )
    page.clock.moment = page.at(time(20, 30))  # the afternoon follow-up is late now
    tab = page.widget.followups
    page.widget.refresh()
    row = page.table_row(tab.table, order)
    item = tab.table.item(row, AFTERNOON)
    assert item.text() == slot_text(SlotState.OVERDUE)
    assert item.background().color() == OVERDUE_BACKGROUND and item.font().bold()
    missing = [tab.missing.topLevelItem(i) for i in range(tab.missing.topLevelItemCount())]
    listed = [
        g.child(i).data(0, Qt.ItemDataRole.UserRole) for g in missing for i in range(g.childCount())
    ]
    assert order in listed
    tab.select_order(order)
    tab.temperature.setText("３６．７")
    tab.symptoms.setText("轻微咳嗽")
    qtbot.keyClick(tab.temperature, Qt.Key.Key_Return)
    with page.context.sessions() as session:
        stored = session.scalars(select(IsolationFollowUp)).one()
        assert (stored.order_id, stored.temperature_c, stored.symptoms) == (order, 36.7, "轻微咳嗽")
        assert stored.followed_at == page.clock.moment
    row = page.table_row(tab.table, order)
    item = tab.table.item(row, AFTERNOON)
    assert item.text() == slot_text(SlotState.DONE)
    assert item.background().color() != OVERDUE_BACKGROUND and not item.font().bold()
    assert tab.table.item(row, 7).text().startswith("36.7")
    assert resident.name[0] in tab.message.text() and "36.7" in tab.message.text()
    assert tab.temperature.text() == "" and tab.symptoms.text() == ""
    missing = [tab.missing.topLevelItem(i) for i in range(tab.missing.topLevelItemCount())]
    listed = [
        g.child(i).data(0, Qt.ItemDataRole.UserRole) for g in missing for i in range(g.childCount())
    ]
    assert order not in listed


def test_a_bad_temperature_is_explained_and_nothing_is_stored(page, qtbot):
    tab = page.widget.followups
    assert tab.rows, "the demo community has people in isolation"
    before = page.followups()
    tab.temperature.setText("36.5度")
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    assert tab.message.text() == error_text("bad-temperature")
    tab.temperature.setText("45.1")
    qtbot.keyClick(tab.temperature, Qt.Key.Key_Return)
    assert tab.message.text() == error_text("implausible")
    assert "34.0" in tab.message.text() and "42.5" in tab.message.text()
    assert tab.temperature.text() == "45.1"  # kept, to correct
    assert page.followups() == before


def test_a_new_order_through_the_dialog_and_its_release(page, qtbot):
    resident = page.free_resident()

    def fill(dialog: IsolationOrderDialog) -> None:
        dialog.picker.search.setText(resident.name_initials)
        index = next(i for i, r in enumerate(dialog.picker.rows) if r.id == resident.id)
        dialog.picker.list.setCurrentRow(index)
        dialog.kind.setCurrentIndex(dialog.kind.findData(IsolationKind.CENTRALISED))
        dialog.place.setText("市集中隔离点 2 号楼")
        assert dialog.end.date().toPython() == page.today + timedelta(days=14)
        dialog.accept()

    when_open(page.widget.orders, "order_dialog", fill)
    page.widget.orders.new_order()
    with page.context.sessions() as session:
        order = session.scalars(
            select(IsolationOrder).where(IsolationOrder.resident_id == resident.id)
        ).one()
        assert (order.kind, order.place, order.start_date) == (
            IsolationKind.CENTRALISED,
            "市集中隔离点 2 号楼",
            page.today,
        )
        assert session.get(Resident, resident.id).health_status is HealthColor.RED
    assert [r.id for r in page.widget.orders.rows].count(order.id) == 1
    assert order.id in [row.order_id for row in page.widget.followups.rows]

    again = IsolationOrderDialog(page.isolation, page.context.registry)
    qtbot.addWidget(again)
    again.picker.search.setText(resident.name_initials)
    again.picker.list.setCurrentRow(
        next(i for i, r in enumerate(again.picker.rows) if r.id == resident.id)
    )
    again.accept()
    assert again.error.text() == error_text("already-isolated")
    assert again.result() != IsolationOrderDialog.DialogCode.Accepted

    tab = page.widget.followups
    tab.select_order(order.id)
    when_open(tab, "confirmation", lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    tab.release()
    with page.context.sessions() as session:
        assert session.get(IsolationOrder, order.id).state is IsolationState.RELEASED
        assert session.get(Resident, resident.id).health_status is HealthColor.RED
    assert order.id not in [row.order_id for row in tab.rows]
    assert resident.name[0] in tab.message.text()


def test_cancel_needs_a_reason(page):
    tab = page.widget.followups
    order_id = tab.rows[0].order_id
    tab.select_order(order_id)

    def answer(dialog) -> None:
        dialog.accept()
        assert dialog.error.text() == error_text("needs-reason")
        dialog.reason.setText("登记错人")
        dialog.accept()

    when_open(tab, "cancel_dialog", answer)
    tab.cancel()
    with page.context.sessions() as session:
        assert session.get(IsolationOrder, order_id).state is IsolationState.CANCELLED
    assert order_id not in [row.order_id for row in tab.rows]


def test_add_a_key_person_a_category_and_end_it(page, exports, qtbot):
    tab = page.widget.keypersons
    page.widget.tabs.setCurrentWidget(tab)
    resident = page.free_resident()

    def new_category(dialog) -> None:
        dialog.name.setText("Close contact")
        dialog.accept()
        assert dialog.error.text() == error_text("duplicate-name")
        dialog.name.setText("境外入境")
        dialog.accept()

    when_open(tab, "category_dialog", new_category)
    tab.new_category()
    labels = [tab.category.itemText(i) for i in range(tab.category.count())]
    assert labels[1] == category_text("returned-from-outside", "")
    assert labels[-1] == "境外入境"

    def add(dialog) -> None:
        dialog.picker.search.setText(resident.name_initials)
        index = next(i for i, r in enumerate(dialog.picker.rows) if r.id == resident.id)
        dialog.picker.list.setCurrentRow(index)
        dialog.category.setCurrentIndex(dialog.category.findText("境外入境"))
        dialog.source.setCurrentIndex(dialog.source.findData(KeyPersonSource.GRID_WORKER))
        dialog.since.setDate(page.today - timedelta(days=2))
        dialog.notes.setText("3月28日自上海返回")
        dialog.accept()

    when_open(tab, "add_dialog", add)
    tab.add()
    tab.category.setCurrentIndex(tab.category.findText("境外入境"))
    assert [row.resident_id for row in tab.rows] == [resident.id]
    assert tab.table.item(0, 0).text() == tab.rows[0].name_masked != resident.name
    assert tab.table.item(0, 6).text() == "境外入境"
    assert tab.table.item(0, 4).text() == str(resident.household_id)
    tab.table.selectRow(0)
    when_open(tab, "end_dialog", lambda dialog: dialog.accept())
    tab.end()
    with page.context.sessions() as session:
        record = session.scalars(
            select(KeyPerson).where(KeyPerson.resident_id == resident.id)
        ).one()
        assert (record.since, record.until) == (page.today - timedelta(days=2), page.today)
        assert record.notes == "3月28日自上海返回"
    assert tab.table.item(0, 9).text() == page.today.isoformat()
    assert tab.export_button.isVisible()
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    assert exports == [True]


def test_no_export_button_without_an_export(qtbot, context):
    site = context.site
    isolation = IsolationService(context.sessions, site.community_id, site.timezone)
    keypersons = KeyPersonService(context.sessions, site.community_id, site.timezone)
    widget = KeyPersonsPage(keypersons, isolation, context.registry, ZoneInfo(site.timezone))
    qtbot.addWidget(widget)
    widget.show()
    assert not widget.keypersons.export_button.isVisible()
    assert widget.tabs.currentWidget() is widget.followups
