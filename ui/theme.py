"""Colours, icons and type sizes of the verdicts (design/ui.md), and the application style."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QApplication

from desktop.verdicts import VerdictKind


@dataclass(frozen=True, slots=True)
class VerdictStyle:
    background: str
    foreground: str
    icon: str


VERDICT_STYLES: dict[VerdictKind, VerdictStyle] = {
    VerdictKind.ALLOW: VerdictStyle("#1B7F3B", "#FFFFFF", "✓"),
    VerdictKind.ALLOW_LIMITED: VerdictStyle("#1F5FBF", "#FFFFFF", "✓"),
    VerdictKind.REFER: VerdictStyle("#F2C200", "#000000", "!"),
    VerdictKind.DENY: VerdictStyle("#C62828", "#FFFFFF", "✕"),
    VerdictKind.FEVER: VerdictStyle("#C62828", "#FFFFFF", "℃"),
    VerdictKind.REMEASURE: VerdictStyle("#5E35B1", "#FFFFFF", "℃"),
    VerdictKind.INPUT_ERROR: VerdictStyle("#5E35B1", "#FFFFFF", "?"),
}
READY_STYLE = VerdictStyle("#263238", "#FFFFFF", "▣")

VERDICT_WORD_PX = 96
NAME_LINE_PX = 44
DETAIL_PX = 28
# The smallest the type may shrink to so that a long word fits (design/ui.md).
VERDICT_WORD_MIN_PX = 72
NAME_LINE_MIN_PX = 36
DETAIL_MIN_PX = 22
TOUCH_MIN_PX = 48
BASE_FONT_PX = 16

APP_STYLESHEET = f"""
QPushButton {{ min-height: {TOUCH_MIN_PX}px; padding: 0 16px; }}
QLineEdit {{ min-height: {TOUCH_MIN_PX}px; }}
QListWidget#navigation {{ font-size: 20px; background: #ECEFF1; border: none; }}
QListWidget#navigation::item {{ min-height: {TOUCH_MIN_PX + 8}px; padding-left: 12px; }}
QListWidget#navigation::item:selected {{ background: #1F5FBF; color: white; }}
"""


def apply_theme(app: QApplication) -> None:
    """Base font size and the application style sheet (widgets set their own big fonts)."""
    font = app.font()
    font.setPixelSize(BASE_FONT_PX)
    app.setFont(font)
    app.setStyleSheet(APP_STYLESHEET)
