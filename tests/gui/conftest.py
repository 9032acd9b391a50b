"""GUI fixtures: a small demo community in the test's own home, the Chinese catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import select

from db.models import Resident
from desktop.app import AppContext, open_context, open_database
from desktop.demo import DemoOptions, generate_demo
from desktop.hardware import Hardware
from desktop.paths import resolve_paths
from desktop.settings import load_settings
from tests.support.dialogs import DialogGuard
from ui.translations import build_catalogues, install_language


@pytest.fixture(scope="session")
def catalogues() -> None:
    build_catalogues()


@pytest.fixture
def chinese(qapp, catalogues) -> Iterator[None]:
    translators = install_language(qapp, "zh_CN")
    assert translators, "the zh_CN catalogue did not load"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def context(isolated_home) -> Iterator[AppContext]:
    paths = resolve_paths()
    engine, _ = open_database(paths, load_settings(paths.settings_file))
    generate_demo(engine, DemoOptions(residents=150, days=1, today=date.today()))
    engine.dispose()
    ctx = open_context()
    yield ctx
    ctx.close()


@pytest.fixture
def window(qtbot, qapp, context, chinese):
    from ui.main_window import MainWindow
    from ui.theme import apply_theme

    apply_theme(qapp)
    hardware = Hardware(context.settings.with_values(devices__mode="none")).start()
    win = MainWindow(context, hardware)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    hardware.stop()


@pytest.fixture(autouse=True)
def dialog_guard(qapp):
    guard = DialogGuard()
    yield guard
    guard.stop()
    assert not guard.stuck, f"dialogs left open with nobody to answer them: {guard.stuck}"


@pytest.fixture
def residents(context) -> list[Resident]:
    with context.sessions() as session:
        return list(session.scalars(select(Resident).order_by(Resident.id)))
