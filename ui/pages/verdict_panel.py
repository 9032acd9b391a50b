"""The big verdict panel of the gate page: colour, icon, word, masked name, address, reason.

Type scales with the panel so the word reads from two metres on any screen: about a fifth of
the panel's height, never below the 72 px of design/ui.md, and shrunk only to fit its width.
"""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop.verdicts import Reason, Verdict, VerdictKind
from ui import texts
from ui.theme import (
    DETAIL_MIN_PX,
    DETAIL_PX,
    NAME_LINE_MIN_PX,
    NAME_LINE_PX,
    READY_STYLE,
    VERDICT_STYLES,
    VERDICT_WORD_MIN_PX,
    VERDICT_WORD_PX,
)

WORD_SHARE = 0.2  # of the panel's height
NAME_SHARE = 0.45  # of the word's size
DETAIL_SHARE = 0.32
WIDTH_SHARE = 0.92  # of the panel's width a line may take before its type shrinks


def _label(px: int, bold: bool = False) -> QLabel:
    label = QLabel()
    font = QFont()
    font.setPixelSize(px)
    font.setBold(bold)
    label.setFont(font)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label


def _fit(label: QLabel, px: int, minimum: int, width: int) -> None:
    """Set the label's type to `px`, smaller if its text would not fit `width` (down to
    `minimum`; below that the text wraps)."""
    font = label.font()
    font.setPixelSize(px)
    text = label.text()
    while text and px > minimum:
        widest = max(QFontMetrics(font).horizontalAdvance(line) for line in text.split("\n"))
        if widest <= width:
            break
        px = max(minimum, int(px * 0.92))
        font.setPixelSize(px)
    label.setFont(font)


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
        self.note_line = _label(DETAIL_PX, bold=True)
        self.note_line.setObjectName("verdictNote")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (
            self.word,
            self.name_line,
            self.detail_line,
            self.reason_line,
            self.note_line,
        ):
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
        for label in (self.detail_line, self.reason_line, self.note_line):
            label.setText("")
        self._scale()

    def show_verdict(self, verdict: Verdict, zone: tzinfo) -> None:
        self.kind = verdict.kind
        style = VERDICT_STYLES[verdict.kind]
        self._paint(style.background, style.foreground)
        self.word.setText(f"{style.icon}  {texts.verdict_word(verdict.kind)}")
        name = verdict.name_masked or verdict.id_masked
        if verdict.visitor:
            name = self.tr("Visitor %1").replace("%1", name).strip()
        address = texts.address_text(verdict.address)
        self.name_line.setText("   ".join(part for part in (name, address) if part))
        details = []
        if verdict.temperature is not None:
            details.append(f"{verdict.temperature.value_c:.1f} °C")
        details.append(texts.method_text(verdict.method))
        details.append(texts.direction_text(verdict.direction))
        details.append(verdict.at.astimezone(zone).strftime("%H:%M:%S"))
        if not verdict.recorded and verdict.kind is not VerdictKind.INPUT_ERROR:
            details.append(self.tr("not recorded"))
        self.detail_line.setText("   ".join(details))
        self.reason_line.setText(texts.reason_text(verdict.reason))
        self.note_line.setText(self._note(verdict, zone))
        self._scale()

    def _note(self, verdict: Verdict, zone: tzinfo) -> str:
        """The line that says what comes next: re-measure time, quota left, staff decision."""
        if verdict.override_reason:
            return self.tr("Staff decision: %1").replace("%1", verdict.override_reason)
        if verdict.remeasure_at is not None and verdict.reason is not Reason.REMEASURE_NEEDED:
            return self.tr("Re-measure at %1").replace(
                "%1", verdict.remeasure_at.astimezone(zone).strftime("%H:%M")
            )
        if verdict.remeasured:
            return self.tr("Re-measure recorded")
        if verdict.quota_left is not None and verdict.quota_people is not None:
            return (
                self.tr("Outings left for the household: %1 of %2")
                .replace("%1", str(verdict.quota_left))
                .replace("%2", str(verdict.quota_people))
            )
        if verdict.kind is VerdictKind.REFER and verdict.recorded:
            return self.tr("F6: staff decide")
        return ""

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._scale()

    def _scale(self) -> None:
        word_px = max(VERDICT_WORD_PX, int(self.height() * WORD_SHARE))
        width = int(self.width() * WIDTH_SHARE)
        _fit(self.word, word_px, VERDICT_WORD_MIN_PX, width)
        name_px = max(NAME_LINE_PX, int(word_px * NAME_SHARE))
        _fit(self.name_line, name_px, NAME_LINE_MIN_PX, width)
        detail_px = max(DETAIL_PX, int(word_px * DETAIL_SHARE))
        for label in (self.detail_line, self.reason_line, self.note_line):
            _fit(label, detail_px, DETAIL_MIN_PX, width)
