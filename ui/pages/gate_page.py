"""The gate page: offline banner, verdict panel, side column, input line and the F-key actions.

Keyboard first: the input line always has focus; Enter checks, Esc cancels, F2 turns in/out,
F3 registers a visitor, F4 adds companions, F5 takes a typed temperature, F6 lets staff decide
a referred check. Every action is also a button at least 48 px high for a touch screen.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from db.enums import CheckMethod, Direction, TemperatureSource
from desktop.gate import GateError
from desktop.hardware import CodeReading, HardwareError, IdCardReading, TemperatureReading
from desktop.intake import GateInput, GateIntake
from desktop.registry import RegistryService
from desktop.verdicts import Temperature, Verdict, VerdictKind
from ui import texts
from ui.pages.gate_dialogs import (
    CompanionsDialog,
    OverrideDialog,
    TemperatureDialog,
    VisitorDialog,
)
from ui.pages.gate_side import GateSide, font
from ui.pages.verdict_panel import VerdictPanel

log = logging.getLogger(__name__)

# What looks like an ID number being typed: digits, spaces, an X (full-width forms included).
_ID_LIKE = re.compile(r"^[\s0-9０-９xXｘＸ-]+$")
SEARCH_MIN_LETTERS = 2
SEARCH_LIMIT = 8
TICK_MS = 1000
NOTICE_MS = 8000
PRINT_POLL_MS = 200
VISITOR_SLIP_HOURS = 4
BANNER_STYLE = "background: #F2C200; color: #000000; padding: 6px 12px; border-radius: 6px;"


@dataclass(frozen=True, slots=True)
class Unregistered:
    """The person the visitor form is for: what was presented and the temperature taken."""

    number: str
    name: str
    method: CheckMethod
    device: str
    temperature: Temperature | None


class GatePage(QWidget):
    """Cards, scanned codes and typed numbers all go through `GateIntake.submit`."""

    checked = Signal(object)  # Verdict

    def __init__(
        self,
        intake: GateIntake,
        registry: RegistryService,
        *,
        verdict_seconds: int = 5,
        offline_after_hours: int = 6,
        announce: Callable[[VerdictKind], None] | None = None,
        print_slip: Callable[[str, list[str]], Future[None]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.intake = intake
        self.gate = gate = intake.gate
        self.registry = registry
        self.zone = ZoneInfo(gate.site.timezone)
        self.direction = Direction.IN
        self.last_verdict: Verdict | None = None
        self.offline_after = timedelta(hours=offline_after_hours)
        self._announce = announce
        self._print_slip = print_slip
        self._last_input: GateInput | None = None
        self._printing: Future[None] | None = None
        # The dialog open right now, if any (they are modal: tests and tools find them here).
        self.visitor_dialog: VisitorDialog | None = None
        self.companions_dialog: CompanionsDialog | None = None
        self.override_dialog: OverrideDialog | None = None
        self.temperature_dialog: TemperatureDialog | None = None

        self.banner = QLabel()
        self.banner.setObjectName("offlineBanner")
        self.banner.setFont(font(20, bold=True))
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        self.verdict = VerdictPanel()
        self.side = GateSide(self.zone)
        self.input = QLineEdit()
        self.input.setObjectName("gateInput")
        # A Chinese input method would swallow a scanner's keystrokes.
        self.input.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.input.setFont(font(28))
        self.input.returnPressed.connect(self.submit)
        self.input.textEdited.connect(self._update_search)
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setFont(font(22))
        self.results.hide()
        self.results.itemActivated.connect(self._pick_result)
        self.notice = QLabel()
        self.notice.setObjectName("gateNotice")
        self.notice.setFont(font(20, bold=True))
        self.notice.setStyleSheet("color: #B71C1C;")
        self.notice.setWordWrap(True)

        check_button = QPushButton(self.tr("Check (Enter)"))
        check_button.clicked.connect(self.submit)
        self.direction_button = QPushButton()
        self.direction_button.setObjectName("directionButton")
        self.direction_button.clicked.connect(self.toggle_direction)
        entry = QHBoxLayout()
        prompt = QLabel(self.tr("ID number / name initials:"))
        prompt.setFont(font(20))
        entry.addWidget(prompt)
        entry.addWidget(self.input, 1)
        entry.addWidget(check_button)
        entry.addWidget(self.direction_button)

        actions = QHBoxLayout()
        self._keys = {Qt.Key.Key_F2: self.toggle_direction}
        for key, text, slot in (
            (Qt.Key.Key_F3, self.tr("F3 Visitor"), self.register_visitor),
            (Qt.Key.Key_F4, self.tr("F4 Companions"), self.add_companions),
            (Qt.Key.Key_F5, self.tr("F5 Typed temperature"), self.type_temperature),
            (Qt.Key.Key_F6, self.tr("F6 Staff decide"), self.staff_decide),
            (Qt.Key.Key_Escape, self.tr("Esc Cancel"), self.cancel),
        ):
            button = QPushButton(text)
            button.setFont(font(18))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            actions.addWidget(button)
            self._keys[key] = slot
        for key, slot in self._keys.items():
            QShortcut(QKeySequence(key), self, slot)

        grid = QGridLayout(self)
        grid.addWidget(self.banner, 0, 0, 1, 2)
        grid.addWidget(self.verdict, 1, 0)
        grid.addWidget(self.side, 1, 1)
        grid.addLayout(entry, 2, 0, 1, 2)
        grid.addWidget(self.results, 3, 0, 1, 2)
        grid.addWidget(self.notice, 4, 0, 1, 2)
        grid.addLayout(actions, 5, 0, 1, 2)
        grid.setColumnStretch(0, 7)
        grid.setColumnStretch(1, 3)
        grid.setRowStretch(1, 1)

        self.reset_timer = QTimer(self)
        self.reset_timer.setSingleShot(True)
        self.reset_timer.setInterval(verdict_seconds * 1000)
        self.reset_timer.timeout.connect(self.verdict.show_ready)
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(NOTICE_MS)
        self._notice_timer.timeout.connect(self.notice.clear)
        self._tick_timer = QTimer(self)
        self._tick_timer.setInterval(TICK_MS)
        self._tick_timer.timeout.connect(self.tick)
        self._tick_timer.start()
        self._print_timer = QTimer(self)
        self._print_timer.setInterval(PRINT_POLL_MS)
        self._print_timer.timeout.connect(self._print_finished)
        self._show_direction()
        self.refresh()
        self.tick()

    # -- checks --------------------------------------------------------------------------
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
        self._last_input = item
        verdict = self.intake.submit(item, self.direction)
        self._show(verdict)
        if verdict.needs_visitor_form:
            # Let the verdict paint first; the form opens on top of it.
            person = Unregistered(
                item.text, item.name, item.method, item.device, verdict.temperature
            )
            QTimer.singleShot(0, lambda: self.register_visitor(person))
        return verdict

    def card_read(self, reading: IdCardReading) -> None:
        self.check(GateIntake.from_card(reading))

    def code_read(self, reading: CodeReading) -> None:
        self.check(GateIntake.from_code(reading))

    def temperature_read(self, reading: TemperatureReading) -> None:
        self.intake.temperature_arrived(reading)
        self._show_temperature()

    def check_resident(self, resident_id: int) -> None:
        self._last_input = None
        self._show(self.intake.check_resident(resident_id, self.direction))

    # -- actions -------------------------------------------------------------------------
    def toggle_direction(self) -> None:
        self.direction = Direction.OUT if self.direction is Direction.IN else Direction.IN
        self._show_direction()

    def cancel(self) -> None:
        self.input.clear()
        self.results.hide()
        self.notice.clear()
        self.reset_timer.stop()
        self.verdict.show_ready()
        self.input.setFocus()

    def register_visitor(self, person: Unregistered | None = None) -> Verdict | None:
        """F3, or an unregistered person at the gate: the visitor form, then the check.

        Cancelling the form of someone who was presented logs them as referred."""
        temperature = person.temperature if person else self.intake.take_temperature()
        method = person.method if person else CheckMethod.TYPED
        device = person.device if person else ""
        number = person.number if person else ""
        known = self.gate.known_visitor(number) if number else None
        dialog = VisitorDialog(
            id_number=number,
            name=person.name if person else "",
            known=known,
            find_hosts=self.gate.hosts,
            submit=lambda form: self.gate.check_visitor(
                form,
                direction=self.direction,
                method=method,
                temperature=temperature,
                device=device,
            ),
            zone=self.zone,
            can_print=self._print_slip is not None,
            parent=self,
        )
        self.visitor_dialog = dialog
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.visitor_dialog = None
        if accepted and dialog.verdict is not None:
            self._show(dialog.verdict)
            if dialog.print_slip.isChecked() and dialog.verdict.recorded:
                self._print_visitor_slip(dialog)
            return dialog.verdict
        if person is not None:
            verdict = self.gate.record_unregistered(
                person.number,
                direction=self.direction,
                method=method,
                temperature=temperature,
                device=device,
            )
            self._show(verdict)
            return verdict
        self.input.setFocus()
        return None

    def add_companions(self) -> list[Verdict]:
        """F4: members of the same household passing with the person just checked."""
        lead = self.last_verdict
        if lead is None or not lead.recorded or lead.resident_id is None:
            self._say(self.tr("Check a resident first, then add the companions."))
            return []
        members = self.gate.companions(lead.resident_id)
        if not members:
            self._say(self.tr("Nobody else lives in this household."))
            return []
        dialog = CompanionsDialog(members, self)
        self.companions_dialog = dialog
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.companions_dialog = None
        if not accepted:
            self.input.setFocus()
            return []
        chosen = [
            (rid, Temperature(v, TemperatureSource.TYPED) if v is not None else None)
            for rid, v in dialog.chosen() or []
        ]
        verdicts = self.gate.check_companions(lead.entry_id, chosen, direction=lead.direction)
        if verdicts:
            # The worst of them is what the gate must see.
            self._show(max(verdicts, key=_severity))
            denied = sum(1 for v in verdicts if v.kind is not VerdictKind.ALLOW)
            self._say(
                self.tr("%1 companions checked, %2 not allowed")
                .replace("%1", str(len(verdicts)))
                .replace("%2", str(denied))
            )
        return verdicts

    def type_temperature(self) -> None:
        """F5: a temperature read off a hand-held thermometer, for the next check."""
        dialog = TemperatureDialog(self)
        self.temperature_dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.intake.temperature_typed(round(dialog.value.value(), 1))
        self.temperature_dialog = None
        self._show_temperature()
        self.input.setFocus()

    def staff_decide(self) -> Verdict | None:
        """F6: staff allow or deny a referred check, with a reason."""
        verdict = self.last_verdict
        if verdict is None or not verdict.overridable:
            self._say(self.tr("Only a referred check (yellow) can be decided by staff."))
            return None
        dialog = OverrideDialog(verdict, self)
        self.override_dialog = dialog
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.override_dialog = None
        if not accepted or dialog.allow is None:
            self.input.setFocus()
            return None
        try:
            decided = self.gate.override(
                verdict.entry_id, allow=dialog.allow, reason=dialog.reason_text()
            )
        except GateError as exc:
            log.warning("override refused: %s", exc.code)
            self._say(self.tr("This check can no longer be decided."))
            return None
        self._show(decided)
        return decided

    # -- display -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload today's counters, the fever alerts and the recent checks."""
        self.side.show_counts(self.gate.day_counts())
        self.side.show_recent(self.gate.recent())
        self._show_alerts()

    def tick(self) -> None:
        """Once a second: the pending temperature, due re-measures, the offline banner."""
        self._show_temperature()
        self._show_alerts()
        self._show_banner()

    def _show_alerts(self) -> None:
        due = self.side.show_alerts(self.gate.open_alerts(), self.gate.now())
        if due and self._announce is not None:
            self._announce(VerdictKind.REMEASURE)

    def _show_banner(self) -> None:
        age = self.gate.city_lists_age()
        if age is None:
            self.banner.setText(self.tr("⚠ Not synced with the city yet: its lists are missing"))
        elif age > self.offline_after:
            hours = int(age.total_seconds() // 3600)
            self.banner.setText(
                self.tr("⚠ Offline for %1 hours (the city's lists are not up to date)").replace(
                    "%1", str(hours)
                )
            )
        self.banner.setVisible(age is None or age > self.offline_after)

    def _show_temperature(self) -> None:
        reading = self.intake.pending_temperature()
        self.side.show_temperature(
            reading.value_c if reading else None,
            reading.measured_at if reading else None,
            self.intake.pending_typed,
        )

    def _show(self, verdict: Verdict) -> None:
        self.last_verdict = verdict
        self.verdict.show_verdict(verdict, self.zone)
        if verdict.recorded:
            self.input.clear()
            self.refresh()
            self.side.show_quota(verdict)
        else:
            self.input.selectAll()
        self.results.hide()
        self.reset_timer.start()
        self.input.setFocus()
        self._show_temperature()
        if self._announce is not None:
            self._announce(verdict.kind)
        self.checked.emit(verdict)

    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self._notice_timer.start()
        self.input.setFocus()

    def _show_direction(self) -> None:
        self.direction_button.setText(
            self.tr("Direction: %1 (F2)").replace("%1", texts.direction_text(self.direction))
        )

    def _print_visitor_slip(self, dialog: VisitorDialog) -> None:
        verdict = dialog.verdict
        form = dialog.form()
        host = dialog.hosts.currentItem()
        valid_until = (verdict.at + timedelta(hours=VISITOR_SLIP_HOURS)).astimezone(self.zone)
        lines = [
            self.tr("Visitor: %1").replace("%1", verdict.name_masked),
            self.tr("Host: %1").replace("%1", host.text() if host else "-"),
            self.tr("Reason: %1").replace("%1", form.reason),
            self.tr("Entered: %1").replace(
                "%1", verdict.at.astimezone(self.zone).strftime("%Y-%m-%d %H:%M")
            ),
            self.tr("Valid until: %1").replace("%1", valid_until.strftime("%H:%M")),
        ]
        title = self.tr("%1 temporary visitor slip").replace(
            "%1", self.gate.site.community_name or ""
        )
        self._printing = self._print_slip(title.strip(), lines)
        self._print_timer.start()

    def _print_finished(self) -> None:
        """Polled while a slip prints: the printer's thread never touches the widgets."""
        if self._printing is None or not self._printing.done():
            return
        self._print_timer.stop()
        try:
            self._printing.result()
        except HardwareError as exc:
            problem = texts.print_problem(exc.code, exc.detail)
            self._say(self.tr("Slip not printed: %1").replace("%1", problem))
        self._printing = None

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
        # The shortcuts need an active window; a key that reaches the page without one
        # (just after a dialog closed) still does its job.
        slot = self._keys.get(event.key())
        if slot is not None:
            slot()
            return
        super().keyPressEvent(event)


_SEVERITY = {
    VerdictKind.ALLOW: 0,
    VerdictKind.ALLOW_LIMITED: 1,
    VerdictKind.REMEASURE: 2,
    VerdictKind.INPUT_ERROR: 2,
    VerdictKind.REFER: 3,
    VerdictKind.DENY: 4,
    VerdictKind.FEVER: 5,
}


def _severity(verdict: Verdict) -> int:
    return _SEVERITY[verdict.kind]
