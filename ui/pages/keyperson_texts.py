"""Wording of the key-person and isolation pages (categories, codes, error messages) and
their shared widgets."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QTableWidget

from db.enums import IsolationKind, IsolationState, KeyPersonSource
from desktop.isolation_board import SlotState
from desktop.rules import PLAUSIBLE_MAX_C, PLAUSIBLE_MIN_C

BUTTON_HEIGHT = 40


def category_text(code: str, name: str) -> str:
    """A category's name: translated for the five built-in codes, as stored for the office's."""
    builtin = {
        "returned-from-outside": QCoreApplication.translate(
            "KeyPersons", "Returned from outside the area"
        ),
        "from-hubei": QCoreApplication.translate("KeyPersons", "Came from Hubei"),
        "from-wuhan": QCoreApplication.translate("KeyPersons", "Came from Wuhan"),
        "close-contact": QCoreApplication.translate("KeyPersons", "Close contact"),
        "fever-no-contact": QCoreApplication.translate(
            "KeyPersons", "Fever without contact history"
        ),
    }
    return builtin.get(code, name)


def source_text(source: KeyPersonSource) -> str:
    return {
        KeyPersonSource.CITY_LIST: QCoreApplication.translate("KeyPersons", "City list"),
        KeyPersonSource.SELF_REPORT: QCoreApplication.translate("KeyPersons", "Self-reported"),
        KeyPersonSource.GRID_WORKER: QCoreApplication.translate("KeyPersons", "Grid worker"),
    }[source]


def kind_text(kind: IsolationKind) -> str:
    return {
        IsolationKind.HOME: QCoreApplication.translate("KeyPersons", "Home isolation"),
        IsolationKind.CENTRALISED: QCoreApplication.translate(
            "KeyPersons", "Centralised isolation"
        ),
    }[kind]


def order_state_text(state: IsolationState | None) -> str:
    if state is None:
        return ""
    return {
        IsolationState.ACTIVE: QCoreApplication.translate("KeyPersons", "In isolation"),
        IsolationState.RELEASED: QCoreApplication.translate("KeyPersons", "Released"),
        IsolationState.CANCELLED: QCoreApplication.translate("KeyPersons", "Cancelled"),
    }[state]


def slot_text(state: SlotState) -> str:
    return {
        SlotState.DONE: QCoreApplication.translate("KeyPersons", "Done"),
        SlotState.UPCOMING: QCoreApplication.translate("KeyPersons", "Later"),
        SlotState.DUE: QCoreApplication.translate("KeyPersons", "Due"),
        SlotState.OVERDUE: QCoreApplication.translate("KeyPersons", "Overdue"),
        SlotState.NOT_NEEDED: QCoreApplication.translate("KeyPersons", "Not needed"),
    }[state]


def grid_text(grid: str) -> str:
    return grid or QCoreApplication.translate("KeyPersons", "No grid")


def date_text(day: date | None) -> str:
    return day.isoformat() if day else ""


def error_text(code: str) -> str:
    """What went wrong and what to do, for a service's error code."""
    messages = {
        "no-resident": QCoreApplication.translate(
            "KeyPersons", "This resident is not in the registry: search again."
        ),
        "resident-not-active": QCoreApplication.translate(
            "KeyPersons",
            "This resident is registered as moved out or deceased: check the registry first.",
        ),
        "no-category": QCoreApplication.translate("KeyPersons", "Choose a category."),
        "until-before-since": QCoreApplication.translate(
            "KeyPersons", "The end date is before the start date: correct the dates."
        ),
        "already": QCoreApplication.translate(
            "KeyPersons",
            "Already a key person of this category for these dates: edit or end that record.",
        ),
        "empty-name": QCoreApplication.translate("KeyPersons", "Type a name for the category."),
        "name-too-long": QCoreApplication.translate(
            "KeyPersons", "The name is too long: at most 64 characters."
        ),
        "duplicate-name": QCoreApplication.translate(
            "KeyPersons", "A category with this name exists already: choose it instead."
        ),
        "no-key-person": QCoreApplication.translate(
            "KeyPersons", "This record no longer exists: refresh the list."
        ),
        "already-ended": QCoreApplication.translate(
            "KeyPersons", "This record has ended on or before that day already."
        ),
        "already-isolated": QCoreApplication.translate(
            "KeyPersons",
            "This resident is in isolation already: release or cancel that order first.",
        ),
        "start-in-future": QCoreApplication.translate(
            "KeyPersons", "The start date is in the future: enter the order on the day it starts."
        ),
        "end-before-start": QCoreApplication.translate(
            "KeyPersons", "The planned end must come after the start: correct the dates."
        ),
        "implausible": QCoreApplication.translate(
            "KeyPersons",
            "This cannot be a body temperature (%1 to %2 °C): measure again and type it.",
        )
        .replace("%1", str(PLAUSIBLE_MIN_C))
        .replace("%2", str(PLAUSIBLE_MAX_C)),
        "in-future": QCoreApplication.translate(
            "KeyPersons", "That time is in the future: check the time and this PC's clock."
        ),
        "before-start": QCoreApplication.translate(
            "KeyPersons", "That time is before the isolation started: check the date."
        ),
        "release-before-start": QCoreApplication.translate(
            "KeyPersons", "The release cannot be before the isolation started."
        ),
        "no-order": QCoreApplication.translate(
            "KeyPersons", "This order no longer exists: refresh the list."
        ),
        "order-not-active": QCoreApplication.translate(
            "KeyPersons", "This order was released or cancelled already: refresh the list."
        ),
        "needs-reason": QCoreApplication.translate(
            "KeyPersons", "Type why the order is cancelled."
        ),
        "no-selection": QCoreApplication.translate(
            "KeyPersons", "Choose a resident from the list first."
        ),
        "bad-temperature": QCoreApplication.translate(
            "KeyPersons", "Type the temperature as a number, for example 36.5."
        ),
    }
    return messages.get(
        code, QCoreApplication.translate("KeyPersons", "This could not be saved: try again.")
    )


def tall_button(text: str, name: str) -> QPushButton:
    """A button big enough for a touch screen and gloved fingers."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setMinimumHeight(BUTTON_HEIGHT)
    return button


def table(name: str, headers: list[str]) -> QTableWidget:
    """A read-only table of whole rows, one selected at a time."""
    widget = QTableWidget(0, len(headers))
    widget.setObjectName(name)
    widget.setHorizontalHeaderLabels(headers)
    widget.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    widget.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    widget.verticalHeader().hide()
    widget.horizontalHeader().setStretchLastSection(True)
    return widget
