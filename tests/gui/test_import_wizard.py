"""The ledger import wizard: file → columns → preview (nothing written) → import → report."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from db.engine import make_session_factory
from db.models import Building, Household, Resident
from desktop.ledger import ImportCancelled
from tests.support.gate_site import make_gate
from tests.support.ledgers import messy_ledger
from ui.pages import import_wizard
from ui.pages.import_wizard import COLUMNS, DONE, FILE, PREVIEW, ImportWizard


@pytest.fixture
def registry(sqlite_engine):
    sessions = make_session_factory(sqlite_engine)
    gate = make_gate(sessions)
    return sessions, gate.site.community_id


def _counts(sessions) -> tuple[int, int, int]:
    with sessions() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(model))
            for model in (Resident, Household, Building)
        )


def _wizard(qtbot, registry) -> ImportWizard:
    sessions, community_id = registry
    wizard = ImportWizard(sessions, community_id, language="zh_CN", today=lambda: date(2022, 4, 1))
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _checked(qtbot, wizard: ImportWizard, path) -> None:
    assert wizard.open_file(path)
    wizard.next()
    assert wizard.stack.currentIndex() == COLUMNS
    wizard.next()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=20000)
    assert wizard.stack.currentIndex() == PREVIEW


def test_preview_shows_the_counts_and_cancel_writes_nothing(qtbot, registry, tmp_path):
    sessions, _ = registry
    expected = messy_ledger(tmp_path / "台账.xlsx")
    before = _counts(sessions)
    wizard = _wizard(qtbot, registry)
    _checked(qtbot, wizard, tmp_path / "台账.xlsx")

    plan = wizard.plan
    assert (plan.new, plan.merged, plan.unchanged) == (expected.new, expected.merged, 0)
    assert plan.rejected_by_reason() == expected.rejected_by_reason
    summary = wizard.summary.text().splitlines()
    assert f"New residents: {expected.new}" in summary
    assert f"Rejected: {expected.rejected}" in summary
    assert sum(line.startswith("    ") for line in summary) == len(
        expected.rejected_by_reason
    ) + len(expected.warnings)
    assert wizard.next_button.isEnabled()

    wizard.cancel()
    assert not wizard.isVisible()
    assert _counts(sessions) == before
    assert not (tmp_path / "台账_未导入行.xlsx").exists()


def test_import_writes_the_plan_and_a_second_import_changes_nothing(qtbot, registry, tmp_path):
    sessions, _ = registry
    source = tmp_path / "台账.xlsx"
    expected = messy_ledger(source)
    residents, households, buildings = _counts(sessions)
    wizard = _wizard(qtbot, registry)
    finished = []
    wizard.on_finished = finished.append
    _checked(qtbot, wizard, source)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.stack.currentIndex() == DONE, timeout=20000)

    outcome = wizard.outcome
    assert finished == [outcome]
    assert (outcome.new, outcome.merged, outcome.rejected) == (
        expected.new,
        expected.merged,
        expected.rejected,
    )
    assert _counts(sessions) == (
        residents + expected.new,
        households + expected.new_households,
        buildings + expected.new_buildings,
    )
    report = load_workbook(outcome.report_path).active
    reasons = [row[-1] for row in report.iter_rows(values_only=True)]
    assert len([r for r in reasons if r]) >= expected.rejected
    assert str(outcome.report_path) in wizard.done_summary.text()

    again = _wizard(qtbot, registry)
    _checked(qtbot, again, source)
    assert (again.plan.new, again.plan.merged) == (0, 0)
    assert again.plan.unchanged == expected.accepted
    assert not again.next_button.isEnabled()  # nothing to write
    assert _counts(sessions) == (
        residents + expected.new,
        households + expected.new_households,
        buildings + expected.new_buildings,
    )


def test_a_file_that_is_not_a_ledger_is_explained(qtbot, registry, tmp_path):
    fake = tmp_path / "名单.xls"
    fake.write_text("not an excel file", encoding="utf-8")
    wizard = _wizard(qtbot, registry)
    assert not wizard.open_file(fake)
    assert wizard.stack.currentIndex() == FILE
    assert wizard.file_message.text()
    assert not wizard.next_button.isEnabled()

    missing = tmp_path / "不存在.xlsx"
    assert not wizard.open_file(missing)
    assert wizard.file_message.text()


def test_required_columns_and_doubled_fields_hold_the_wizard(qtbot, registry, tmp_path):
    messy_ledger(tmp_path / "台账.xlsx")
    wizard = _wizard(qtbot, registry)
    assert wizard.open_file(tmp_path / "台账.xlsx")
    wizard.next()
    headers = {c.field: c.header for c in wizard.layout_info.columns if c.field}
    assert {"name", "id_number"} <= set(headers)
    assert wizard.next_button.isEnabled()

    wizard.set_field(headers["name"], None)
    assert not wizard.next_button.isEnabled()
    assert "姓名" in wizard.columns_message.text() or "Name" in wizard.columns_message.text()
    wizard.set_field(headers["name"], "name")
    assert wizard.next_button.isEnabled()

    wizard.set_field(headers["phone"], "name")
    assert not wizard.next_button.isEnabled()
    wizard.set_field(headers["phone"], "phone")
    assert wizard.next_button.isEnabled()


def test_cancelling_the_check_goes_back_and_writes_nothing(qtbot, registry, tmp_path, monkeypatch):
    sessions, _ = registry
    messy_ledger(tmp_path / "台账.xlsx")

    def slow_plan(*_args, progress, cancelled, **_kwargs):
        progress(1, 100)
        while not cancelled():
            pass
        raise ImportCancelled()

    monkeypatch.setattr(import_wizard, "plan_import", slow_plan)
    before = _counts(sessions)
    wizard = _wizard(qtbot, registry)
    assert wizard.open_file(tmp_path / "台账.xlsx")
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.progress.maximum() == 100)
    assert not wizard.next_button.isEnabled()
    wizard.cancel()
    qtbot.waitUntil(lambda: wizard.stack.currentIndex() == COLUMNS)
    assert wizard.isVisible()
    assert _counts(sessions) == before


def test_a_failed_import_says_nothing_was_written(qtbot, registry, tmp_path, monkeypatch):
    sessions, _ = registry
    messy_ledger(tmp_path / "台账.xlsx")

    def broken_apply(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(import_wizard, "apply_import", broken_apply)
    before = _counts(sessions)
    wizard = _wizard(qtbot, registry)
    _checked(qtbot, wizard, tmp_path / "台账.xlsx")
    wizard.next()
    qtbot.waitUntil(lambda: "disk full" in wizard.progress_label.text())
    assert wizard.stack.currentIndex() == PREVIEW
    assert wizard.outcome is None
    assert _counts(sessions) == before


def test_the_registry_page_opens_the_wizard(window, qtbot):
    window.show_page(window.registry_page)
    window.registry_page.importRequested.emit()
    wizard = window.import_wizard
    assert wizard is not None and wizard.isVisible()
    assert window.open_import_wizard() is wizard  # one at a time
    wizard.cancel()
    assert not wizard.isVisible()


def test_after_an_import_the_registry_tree_counts_the_new_residents(window, qtbot, tmp_path):
    messy_ledger(tmp_path / "台账.xlsx")
    page = window.registry_page
    window.show_page(page)
    with window.context.sessions() as session:
        before = session.scalar(select(func.count()).select_from(Resident))
    assert f"{before}" in page.tree.topLevelItem(0).text(0)
    wizard = window.open_import_wizard()
    _checked(qtbot, wizard, tmp_path / "台账.xlsx")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.stack.currentIndex() == DONE, timeout=20000)
    assert wizard.outcome.new > 0
    assert f"{before + wizard.outcome.new}" in page.tree.topLevelItem(0).text(0)
    wizard.cancel()


def test_a_report_that_cannot_be_saved_is_said_and_the_import_kept(
    qtbot, registry, tmp_path, monkeypatch
):
    sessions, _ = registry
    expected = messy_ledger(tmp_path / "台账.xlsx")

    def no_room(*_args, **_kwargs):
        raise PermissionError("read-only folder")

    monkeypatch.setattr("desktop.ledger.apply.write_rejected_report", no_room)
    residents = _counts(sessions)[0]
    wizard = _wizard(qtbot, registry)
    _checked(qtbot, wizard, tmp_path / "台账.xlsx")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.stack.currentIndex() == DONE, timeout=20000)
    assert wizard.outcome.report_path is None
    assert "import it again" in wizard.done_summary.text()
    assert not wizard.open_folder.isVisible()
    assert _counts(sessions)[0] == residents + expected.new
