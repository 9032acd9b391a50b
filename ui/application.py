"""Starting the Qt application: one instance, the language, the window, clear start errors."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy.exc import SQLAlchemyError

from desktop.app import AppContext
from desktop.hardware import Hardware
from desktop.settings import SettingsError
from ui.main_window import MainWindow
from ui.single_instance import SingleInstance
from ui.theme import apply_theme
from ui.translations import install_language

log = logging.getLogger(__name__)


def _start_error(title: str, message: str) -> int:
    QMessageBox.critical(None, title, message)
    return 2


def run(
    open_context: Callable[[], AppContext],
    make_hardware: Callable[[AppContext], Hardware],
    *,
    instance_key: str,
) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("GateDesk")
    apply_theme(app)
    # Start-up errors speak the default language; the configured one follows the settings.
    translators = install_language(app, "zh_CN")
    instance = SingleInstance(instance_key)
    if instance.notify_running():
        return 0
    try:
        context = open_context()
    except SettingsError as exc:
        return _start_error(
            QCoreApplication.translate("Startup", "GateDesk cannot start"),
            QCoreApplication.translate(
                "Startup", "The settings file has a mistake:\n%1\n\nFix it and start again."
            ).replace("%1", str(exc)),
        )
    except SQLAlchemyError as exc:
        log.exception("database could not be opened")
        return _start_error(
            QCoreApplication.translate("Startup", "GateDesk cannot start"),
            QCoreApplication.translate(
                "Startup",
                "The database cannot be opened:\n%1\n\nCheck database_url in the settings file "
                "or that the database server is running.",
            ).replace("%1", str(exc.orig if hasattr(exc, "orig") and exc.orig else exc)),
        )
    if context.settings["language"] != "zh_CN":
        for translator in translators:
            app.removeTranslator(translator)
        install_language(app, context.settings["language"])
    instance.listen()
    hardware = make_hardware(context).start()
    window = MainWindow(context, hardware)
    instance.activated.connect(window.bring_to_front)
    window.show()
    try:
        return app.exec()
    finally:
        hardware.stop()
        context.close()
