"""Pages that only inform for now: reports, sync, and the settings in force."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop.paths import AppPaths
from desktop.settings import OPTIONS, Settings


class NotYetPage(QWidget):
    """A page whose work is not available in this version, saying so in one line."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        label = QLabel(self.tr("%1: not yet available in this version.").replace("%1", title))
        label.setObjectName("notYet")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)


class SettingsPage(QWidget):
    """Where the settings live and the values in force (edit the file, then restart)."""

    def __init__(self, settings: Settings, paths: AppPaths, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("Settings file: %1\nEdit it with a text editor and restart GateDesk.").replace(
                "%1", str(paths.settings_file)
            )
        )
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        for option in OPTIONS:
            value = QLabel(repr(settings[option.key]))
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(option.key, value)
        form.addRow(
            self.tr("Database"), QLabel(settings["database_url"] or str(paths.database_file))
        )
        form.addRow(self.tr("Logs"), QLabel(str(paths.log_dir)))
        layout.addLayout(form)
        layout.addStretch(1)
