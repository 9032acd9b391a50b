"""The gate's dialogs: visitor registration, companions, a staff decision, a typed temperature.

Each works with the keyboard alone (Enter accepts, Esc cancels) and with a touch screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.gate import Companion
from desktop.masking import mask_id_number
from desktop.rules import PLAUSIBLE_MAX_C, PLAUSIBLE_MIN_C
from desktop.verdicts import Verdict, VerdictKind
from desktop.visitors import HostHousehold, KnownVisitor, VisitorForm
from ui import texts

DIALOG_FONT_PX = 22


def _big(widget: QWidget, px: int = DIALOG_FONT_PX) -> QWidget:
    # A style sheet, not setFont: the application's style sheet would stop the font
    # reaching the dialog's children.
    widget.setStyleSheet(f"QWidget {{ font-size: {px}px; }}")
    return widget


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox()
    ok = box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setDefault(True)
    cancel = QCoreApplication.translate("GateDialogs", "Cancel (Esc)")
    box.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def host_text(host: HostHousehold) -> str:
    return (
        QCoreApplication.translate("VisitorDialog", "%1   %2 (%3 people)")
        .replace("%1", texts.address_text(host.address))
        .replace("%2", host.head_masked)
        .replace("%3", str(host.members))
    )


class VisitorDialog(QDialog):
    """外来人员登记: name, ID number, phone, host household picked by room, reason.

    `submit` runs the check; an input error keeps the dialog open with the reason shown.
    """

    def __init__(
        self,
        *,
        id_number: str,
        name: str,
        known: KnownVisitor | None,
        find_hosts: Callable[[str], list[HostHousehold]],
        submit: Callable[[VisitorForm], Verdict],
        zone: tzinfo,
        can_print: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Register a visitor"))
        self.setMinimumWidth(720)
        self._find_hosts = find_hosts
        self._submit = submit
        self.verdict: Verdict | None = None
        _big(self)

        self.seen = QLabel()
        self.seen.setObjectName("visitorSeen")
        self.name = QLineEdit(name)
        self.name.setObjectName("visitorName")
        self.id_number = QLineEdit(id_number)
        self.id_number.setObjectName("visitorId")
        if id_number:  # read from a card or typed at the gate: shown masked, kept as read
            self.id_number.setReadOnly(True)
            self.id_number.setText(mask_id_number(id_number))
        self._id_value = id_number
        self._known_phone = ""
        self.phone = QLineEdit()
        self.phone.setObjectName("visitorPhone")
        self.room = QLineEdit()
        self.room.setObjectName("hostRoom")
        self.room.setPlaceholderText(self.tr("Room, e.g. 501 or 3-2-501"))
        self.room.textEdited.connect(self._update_hosts)
        self.hosts = QListWidget()
        self.hosts.setObjectName("hostList")
        self.hosts.setMaximumHeight(160)
        self.reason = QComboBox()
        self.reason.setObjectName("visitorReason")
        self.reason.setEditable(True)
        self.reason.addItems(
            [
                self.tr("Visiting family"),
                self.tr("Delivering supplies"),
                self.tr("Repairs"),
                self.tr("Courier or takeaway"),
                self.tr("Medical care"),
                self.tr("Other"),
            ]
        )
        self.print_slip = QCheckBox(self.tr("Print a temporary slip"))
        self.print_slip.setObjectName("printSlip")
        self.print_slip.setEnabled(can_print)
        self.problem = QLabel()
        self.problem.setObjectName("visitorProblem")
        self.problem.setStyleSheet("color: #B71C1C;")
        self.problem.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("ID number"), self.id_number)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Host (room)"), self.room)
        form.addRow("", self.hosts)
        form.addRow(self.tr("Reason"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(self.seen)
        layout.addLayout(form)
        layout.addWidget(self.print_slip)
        layout.addWidget(self.problem)
        layout.addWidget(_buttons(self, self.tr("Register and check (Enter)")))
        if known is not None:
            self._fill(known, zone)
        (self.name if not self.name.text() else self.phone).setFocus()

    def _fill(self, known: KnownVisitor, zone: tzinfo) -> None:
        self.seen.setText(
            self.tr("Seen before: %1 visits, last on %2")
            .replace("%1", str(known.visits))
            .replace("%2", known.last_seen_at.astimezone(zone).strftime("%m-%d %H:%M"))
        )
        if not self.name.text():
            self.name.setText(known.name)
        # Masked on screen: left empty, the phone of the last visit is kept.
        self._known_phone = known.phone
        self.phone.setPlaceholderText(known.phone_masked)
        if known.reason:
            self.reason.setCurrentText(known.reason)
        if known.host is not None:
            self._show_hosts([known.host])

    def _update_hosts(self, text: str) -> None:
        self._show_hosts(self._find_hosts(text) if text.strip() else [])

    def _show_hosts(self, hosts: list[HostHousehold]) -> None:
        self.hosts.clear()
        for host in hosts:
            item = QListWidgetItem(host_text(host))
            item.setData(Qt.ItemDataRole.UserRole, host.household_id)
            self.hosts.addItem(item)
        if hosts:
            self.hosts.setCurrentRow(0)

    def form(self) -> VisitorForm:
        item = self.hosts.currentItem()
        host = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        number = self._id_value or self.id_number.text()
        return VisitorForm(
            name=self.name.text(),
            id_number=number,
            phone=self.phone.text().strip() or self._known_phone,
            host_household_id=host,
            reason=self.reason.currentText(),
        )

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        # Up and down pick the host while typing the room.
        if self.room.hasFocus() and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            row = max(0, min(self.hosts.count() - 1, self.hosts.currentRow() + step))
            self.hosts.setCurrentRow(row)
            return
        super().keyPressEvent(event)

    def accept(self) -> None:
        if not self.name.text().strip():
            self.problem.setText(self.tr("Enter the visitor's name."))
            self.name.setFocus()
            return
        verdict = self._submit(self.form())
        if verdict.kind is VerdictKind.INPUT_ERROR:
            self.problem.setText(texts.reason_text(verdict.reason))
            (self.id_number if not self.id_number.isReadOnly() else self.name).setFocus()
            return
        self.verdict = verdict
        super().accept()


class CompanionsDialog(QDialog):
    """同行人员: members of the same household passing with the person just checked."""

    def __init__(self, members: list[Companion], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Companions from the same household"))
        self.setMinimumWidth(620)
        _big(self)
        self.table = QTableWidget(len(members), 2)
        self.table.setObjectName("companionTable")
        self.table.setHorizontalHeaderLabels([self.tr("Passes too"), self.tr("Temperature °C")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(52)
        self.table.setColumnWidth(0, 360)
        for row, member in enumerate(members):
            item = QTableWidgetItem(
                "   ".join((member.name_masked, texts.relation_text(member.relation)))
            )
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, member.resident_id)
            self.table.setItem(row, 0, item)
            self.table.setItem(row, 1, QTableWidgetItem(""))
        hint = QLabel(self.tr("Space ticks a person; type a temperature if one was taken."))
        hint.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #B71C1C;")
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table)
        layout.addWidget(self.problem)
        layout.addWidget(_buttons(self, self.tr("Check them (Enter)")))
        self.table.setCurrentCell(0, 0)
        self.table.setFocus()

    def chosen(self) -> list[tuple[int, float | None]] | None:
        """(resident id, temperature) of the ticked members; None when a temperature is
        not a number in the plausible range."""
        picked: list[tuple[int, float | None]] = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item.checkState() != Qt.CheckState.Checked:
                continue
            typed = self.table.item(row, 1).text().strip().replace(",", ".")
            value = None
            if typed:
                try:
                    value = float(typed)
                except ValueError:
                    return None
                if not PLAUSIBLE_MIN_C <= value <= PLAUSIBLE_MAX_C:
                    return None
            picked.append((int(item.data(Qt.ItemDataRole.UserRole)), value))
        return picked

    def accept(self) -> None:
        if self.chosen() is None:
            self.problem.setText(
                self.tr("A temperature must be a number between %1 and %2.")
                .replace("%1", f"{PLAUSIBLE_MIN_C:.1f}")
                .replace("%2", f"{PLAUSIBLE_MAX_C:.1f}")
            )
            return
        super().accept()


class OverrideDialog(QDialog):
    """A staff decision on a referred check, with the reason (logged with the operator)."""

    def __init__(self, verdict: Verdict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Staff decision"))
        self.setMinimumWidth(620)
        _big(self)
        self.allow: bool | None = None
        why = QLabel(self.tr("Referred: %1").replace("%1", texts.reason_text(verdict.reason)))
        why.setWordWrap(True)
        self.reason = QComboBox()
        self.reason.setObjectName("overrideReason")
        self.reason.setEditable(True)
        self.reason.addItems(
            [
                "",
                self.tr("Verified by phone"),
                self.tr("Showed a paper certificate"),
                self.tr("Confirmed by the grid worker"),
                self.tr("Not allowed: sent home"),
            ]
        )
        self.reason.lineEdit().setPlaceholderText(self.tr("Why (required)"))
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #B71C1C;")
        allow = QPushButton(self.tr("Allow (Enter)"))
        allow.setObjectName("overrideAllow")
        allow.setDefault(True)
        allow.clicked.connect(lambda: self._decide(True))
        deny = QPushButton(self.tr("Deny (F8)"))
        deny.setObjectName("overrideDeny")
        deny.clicked.connect(lambda: self._decide(False))
        QShortcut(QKeySequence(Qt.Key.Key_F8), self, lambda: self._decide(False))
        cancel = QPushButton(self.tr("Cancel (Esc)"))
        cancel.clicked.connect(self.reject)
        box = QDialogButtonBox()
        for button, role in (
            (allow, QDialogButtonBox.ButtonRole.AcceptRole),
            (deny, QDialogButtonBox.ButtonRole.DestructiveRole),
            (cancel, QDialogButtonBox.ButtonRole.RejectRole),
        ):
            box.addButton(button, role)
        layout = QVBoxLayout(self)
        layout.addWidget(why)
        layout.addWidget(self.reason)
        layout.addWidget(self.problem)
        layout.addWidget(box)
        self.reason.setFocus()
        # Enter in the reason line means "allow", as the default button says.
        self.reason.lineEdit().returnPressed.connect(lambda: self._decide(True))

    def reason_text(self) -> str:
        return self.reason.currentText().strip()

    def _decide(self, allow: bool) -> None:
        if not self.reason_text():
            self.problem.setText(self.tr("Say why: the decision is logged with your name."))
            self.reason.setFocus()
            return
        self.allow = allow
        self.accept()


class TemperatureDialog(QDialog):
    """手动测温: a temperature read off a hand-held thermometer, for the next check."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Typed temperature"))
        _big(self, 28)
        self.value = QDoubleSpinBox()
        self.value.setObjectName("typedTemperature")
        self.value.setDecimals(1)
        self.value.setSingleStep(0.1)
        self.value.setRange(PLAUSIBLE_MIN_C, PLAUSIBLE_MAX_C)
        self.value.setValue(36.5)
        self.value.setSuffix(" °C")
        self.value.setMinimumHeight(64)
        self.value.lineEdit().selectAll()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Temperature for the next check")))
        layout.addWidget(self.value)
        layout.addWidget(_buttons(self, self.tr("Use it (Enter)")))
        self.value.setFocus()
