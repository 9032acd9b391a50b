"""Loading the interface language: GateDesk's own catalogue plus Qt's standard dialogs."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).with_name("i18n")
LANGUAGES = ("zh_CN", "en")


def catalogue(language: str) -> Path:
    return I18N_DIR / f"gatedesk_{language}.qm"


def lrelease_executable() -> str | None:
    """PySide6's lrelease, next to this Python or on PATH."""
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    return str(beside) if beside.exists() else shutil.which("pyside6-lrelease")


def build_catalogues() -> list[Path]:
    """Compile every `.ts` in ui/i18n into a `.qm` that is missing or older than its source."""
    built = []
    tool = lrelease_executable()
    for source in sorted(I18N_DIR.glob("*.ts")):
        target = source.with_suffix(".qm")
        if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        if tool is None:
            raise RuntimeError("pyside6-lrelease not found: install PySide6")
        subprocess.run(
            [tool, "-silent", str(source), "-qm", str(target)], check=True, capture_output=True
        )
        built.append(target)
    return built


def install_language(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the translators for `language`; English is the source language."""
    translators: list[QTranslator] = []
    if language == "en":
        return translators
    qm = catalogue(language)
    if not qm.exists():
        try:
            build_catalogues()
        except (OSError, RuntimeError, subprocess.CalledProcessError):
            log.exception("could not build the %s catalogue", language)
    own = QTranslator(app)
    if own.load(str(qm)):
        app.installTranslator(own)
        translators.append(own)
    else:
        log.error("translation catalogue %s missing: the interface stays in English", qm)
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(QLocale(language), "qtbase", "_", qt_dir):
        app.installTranslator(qt)
        translators.append(qt)
    return translators
