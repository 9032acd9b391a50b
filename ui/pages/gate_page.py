"""The gate page: input line, verdict panel, today's counters and the recent checks."""

from __future__ import annotations

import logging
import re
from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.enums import Direction
from desktop.hardware import CodeReading, IdCardReading, TemperatureReading
from desktop.intake import GateInput, GateIntake
from desktop.registry import RegistryService
from desktop.verdicts import Verdict
from ui import texts
from ui.pages.verdict_panel import VerdictPanel

log = logging.getLogger(__name__)

# What looks like an ID number being typed: digits, spaces, an X (full-width forms included).
_ID_LIKE = re.compile(r"^[\s0-9０-９xXｘＸ-]+$")
SEARCH_MIN_LETTERS = 2
SEARCH_LIMIT = 8


class GatePage(QWidget):
    """Keyboard-first: the input line always has focus; Enter checks, Esc clears, F2 turns.

    Cards, scanned codes and typed numbers all go through `GateIntake.submit`.
    """

    checked = Signal(object)  # Verdict

    def __init__(
        self,
        intake: GateIntake,
        registry: RegistryService,
        *,
        verdict_seconds: int = 5,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.intake = intake
        self.gate = gate = intake.gate
        self.registry = registry
        self.zone = ZoneInfo(gate.site.timezone)
        self.direction = Direction.IN
        self.last_verdict: Verdict | None = None

        self.verdict = VerdictPanel()
        self.input = QLineEdit()
        self.input.setObjectName("gateInput")
        # A Chinese input method would swallow a scanner's keystrokes.
        self.input.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        font = QFont()
        font.setPixelSize(28)
        self.input.setFont(font)
        self.input.returnPressed.connect(self.submit)
        self.input.textEdited.connect(self._update_search)
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.hide()
        self.results.itemActivated.connect(self._pick_result)
        self.direction_button = QPushButton()
        self.direction_button.setObjectName("directionButton")
        self.direction_button.clicked.connect(self.toggle_direction)
        check_button = QPushButton(self.tr("Check (Enter)"))
        check_button.clicked.connect(self.submit)

        self.temperature = QLabel()
        self.temperature.setObjectName("pendingTemperature")
        self.temperature.setFont(_font(22))
        self.counters = QLabel()
        self.counters.setObjectName("counters")
        self.counters.setFont(_font(24))
        self.recent = QListWidget()
        self.recent.setObjectName("recentList")
        self.recent.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.recent.setFont(_font(18))

        side = QVBoxLayout()
        side.addWidget(self.temperature)
        today = QLabel(self.tr("Today"))
        today.setFont(_font(20, bold=True))
        side.addWidget(today)
        side.addWidget(self.counters)
        recent_title = QLabel(self.tr("Recent checks"))
        recent_title.setFont(_font(20, bold=True))
        side.addWidget(recent_title)
        side.addWidget(self.recent, 1)

        entry = QHBoxLayout()
        prompt = QLabel(self.tr("ID number / name initials:"))
        prompt.setFont(_font(20))
        entry.addWidget(prompt)
        entry.addWidget(self.input, 1)
        entry.addWidget(check_button)
        entry.addWidget(self.direction_button)
        hints = QLabel(self.tr("Enter: check    F2: in/out    Esc: cancel"))
        hints.setObjectName("keyHints")
        hints.setFont(_font(18))

        grid = QGridLayout(self)
        grid.addWidget(self.verdict, 0, 0)
        grid.addLayout(side, 0, 1)
        grid.addLayout(entry, 1, 0, 1, 2)
        grid.addWidget(self.results, 2, 0, 1, 2)
        grid.addWidget(hints, 3, 0, 1, 2)
        grid.setColumnStretch(0, 7)
        grid.setColumnStretch(1, 3)
        grid.setRowStretch(0, 1)

        self.reset_timer = QTimer(self)
        self.reset_timer.setSingleShot(True)
        self.reset_timer.setInterval(verdict_seconds * 1000)
        self.reset_timer.timeout.connect(self.verdict.show_ready)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, self.toggle_direction)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancel)
        self._temperature_timer = QTimer(self)
        self._temperature_timer.setInterval(1000)
        self._temperature_timer.timeout.connect(self._show_temperature)
        self._temperature_timer.start()
        self._show_temperature()
        self._show_direction()
        self.refresh()

    # -- actions -------------------------------------------------------------------------
    def submit(self) -> None:
        """Check what is in the input line (or the highlighted search result)."""
        if self.results.isVisible() and self.results.currentItem() is not None:
            self._pick_result(self.results.currentItem())
            return
        raw = self.input.text()
        if not raw.strip():
            return
        if not _ID_LIKE.match(raw):
            self._update_search(raw)
            return
        self.check(GateIntake.typed(raw))

    def check(self, item: GateInput) -> Verdict:
        """Run one check, whatever it came from, and show its verdict."""
        verdict = self.intake.submit(item, self.direction)
        self._show(verdict)
        return verdict

    def card_read(self, reading: IdCardReading) -> None:
        self.check(GateIntake.from_card(reading))

    def code_read(self, reading: CodeReading) -> None:
        self.check(GateIntake.from_code(reading))

    def temperature_read(self, reading: TemperatureReading) -> None:
        self.intake.temperature_arrived(reading)
        self._show_temperature()

    def check_resident(self, resident_id: int) -> None:
        self._show(self.intake.check_resident(resident_id, self.direction))
        self._show_temperature()

    def toggle_direction(self) -> None:
        self.direction = Direction.OUT if self.direction is Direction.IN else Direction.IN
        self._show_direction()

    def cancel(self) -> None:
        self.input.clear()
        self.results.hide()
        self.reset_timer.stop()
        self.verdict.show_ready()
        self.input.setFocus()

    def refresh(self) -> None:
        """Reload today's counters and recent checks from the database."""
        counts = self.gate.day_counts()
        self.counters.setText(
            self.tr("In %1   Out %2\nDenied %3   Fever %4")
            .replace("%1", str(counts.entered))
            .replace("%2", str(counts.exited))
            .replace("%3", str(counts.denied))
            .replace("%4", str(counts.fever))
        )
        self.recent.clear()
        for check in self.gate.recent():
            temp = f"{check.temperature_c:.1f}" if check.temperature_c is not None else ""
            name = check.name_masked or self.tr("Visitor")
            line = "  ".join(
                part
                for part in (
                    check.at.astimezone(self.zone).strftime("%H:%M"),
                    name,
                    texts.decision_text(check.decision),
                    temp,
                )
                if part
            )
            self.recent.addItem(line)

    # -- helpers -------------------------------------------------------------------------
    def _show_temperature(self) -> None:
        reading = self.intake.pending_temperature()
        if reading is None:
            self.temperature.setText(self.tr("Temperature: waiting for a reading"))
            return
        self.temperature.setText(
            self.tr("Temperature: %1 °C (%2)")
            .replace("%1", f"{reading.value_c:.1f}")
            .replace("%2", reading.measured_at.astimezone(self.zone).strftime("%H:%M:%S"))
        )

    def _show(self, verdict: Verdict) -> None:
        self.last_verdict = verdict
        self.verdict.show_verdict(verdict, self.zone)
        if verdict.recorded:
            self.input.clear()
            self.refresh()
        else:
            self.input.selectAll()
        self.results.hide()
        self.reset_timer.start()
        self.input.setFocus()
        self._show_temperature()
        self.checked.emit(verdict)

    def _show_direction(self) -> None:
        self.direction_button.setText(
            self.tr("Direction: %1 (F2)").replace("%1", texts.direction_text(self.direction))
        )

    def _update_search(self, text: str) -> None:
        letters = text.strip()
        if _ID_LIKE.match(text) or len(letters) < SEARCH_MIN_LETTERS:
            self.results.hide()
            return
        found = self.registry.search(letters, today=date.today(), limit=SEARCH_LIMIT)
        self.results.clear()
        for row in found.rows:
            item = QListWidgetItem(
                "   ".join((row.name_masked, texts.address_text(row.address), row.id_masked))
            )
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.results.addItem(item)
        if not found.rows:
            self.results.addItem(self.tr("Nobody found"))
        self.results.setCurrentRow(0)
        self.results.setVisible(True)

    def _pick_result(self, item: QListWidgetItem) -> None:
        resident_id = item.data(Qt.ItemDataRole.UserRole)
        if resident_id is not None:
            self.check_resident(int(resident_id))

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if self.results.isVisible() and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
            self.results.setCurrentRow(row)
            return
        super().keyPressEvent(event)


def _font(px: int, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(px)
    font.setBold(bold)
    return font
