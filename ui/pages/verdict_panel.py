"""The big verdict panel of the gate page: colour, icon, word, masked name, address, reason."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop.verdicts import Verdict, VerdictKind
from ui import texts
from ui.theme import DETAIL_PX, NAME_LINE_PX, READY_STYLE, VERDICT_STYLES, VERDICT_WORD_PX


def _label(px: int, bold: bool = False) -> QLabel:
    label = QLabel()
    font = QFont()
    font.setPixelSize(px)
    font.setBold(bold)
    label.setFont(font)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label


class VerdictPanel(QFrame):
    """Shows the ready prompt or the last verdict, never colour alone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictPanel")
        self.setAutoFillBackground(True)
        self.word = _label(VERDICT_WORD_PX, bold=True)
        self.word.setObjectName("verdictWord")
        self.name_line = _label(NAME_LINE_PX, bold=True)
        self.name_line.setObjectName("verdictName")
        self.detail_line = _label(DETAIL_PX)
        self.detail_line.setObjectName("verdictDetail")
        self.reason_line = _label(DETAIL_PX)
        self.reason_line.setObjectName("verdictReason")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.word, self.name_line, self.detail_line, self.reason_line):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.kind: VerdictKind | None = None
        self.show_ready()

    def _paint(self, background: str, foreground: str) -> None:
        self.setStyleSheet(
            f"QFrame#verdictPanel {{ background: {background}; border-radius: 12px; }}"
            f"QFrame#verdictPanel QLabel {{ color: {foreground}; background: transparent; }}"
        )

    def show_ready(self) -> None:
        self.kind = None
        self._paint(READY_STYLE.background, READY_STYLE.foreground)
        self.word.setText(self.tr("Swipe the ID card or scan"))
        self.name_line.setText(self.tr("or type the ID number below and press Enter"))
        self.detail_line.setText("")
        self.reason_line.setText("")

    def show_verdict(self, verdict: Verdict, zone: tzinfo) -> None:
        self.kind = verdict.kind
        style = VERDICT_STYLES[verdict.kind]
        self._paint(style.background, style.foreground)
        self.word.setText(f"{style.icon}  {texts.verdict_word(verdict.kind)}")
        name = verdict.name_masked or verdict.id_masked
        address = texts.address_text(verdict.address)
        self.name_line.setText("   ".join(part for part in (name, address) if part))
        details = []
        if verdict.temperature is not None:
            details.append(f"{verdict.temperature.value_c:.1f} °C")
        details.append(texts.method_text(verdict.method))
        details.append(verdict.at.astimezone(zone).strftime("%H:%M:%S"))
        if not verdict.recorded and verdict.kind is not VerdictKind.INPUT_ERROR:
            details.append(self.tr("not recorded"))
        self.detail_line.setText("   ".join(details))
        self.reason_line.setText(texts.reason_text(verdict.reason))
