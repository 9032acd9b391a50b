"""Importing the messy ledger end to end, on SQLite and PostgreSQL: counts, the report, and
that a preview, a cancel or a failure writes nothing while a second import changes nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from db.engine import transaction
from db.enums import Gender, Relation, ResidentKind
from db.models import AuditEvent, Building, Household, Resident, Room, Unit
from desktop.bootstrap import ensure_site
from desktop.ledger import (
    ImportCancelled,
    apply_import,
    plan_import,
    read_layout,
    reason_text,
    write_rejected_report,
)
from desktop.ledger import apply as apply_module
from desktop.tables import TableError
from tests.support.gate_site import LI, ZHANG, make_gate
from tests.support.ledgers import FORMULA_NAME, KID, LIU, SUN, WANG, messy_csv, messy_ledger

TODAY = date(2022, 4, 1)
NOW = datetime(2022, 4, 1, 2, 0, tzinfo=UTC)
TABLES = (Building, Unit, Room, Household, Resident)


def dump(sessions) -> dict[str, list[tuple]]:
    """Every row of the registry's tables, every column."""
    out = {}
    with sessions() as session:
        for model in TABLES:
            table = model.__table__
            out[table.name] = [
                tuple(r) for r in session.execute(select(table).order_by(table.c.id))
            ]
    return out


@pytest.fixture
def community(sessions) -> int:
    return make_gate(sessions).site.community_id


def _plan(sessions, community, path, **kwargs):
    return plan_import(sessions, community, read_layout(path), today=TODAY, **kwargs)


@pytest.mark.parametrize("writer", [messy_ledger, messy_csv], ids=["xlsx", "gbk-csv"])
def test_messy_ledger_counts(sessions, community, tmp_path, writer):
    path = tmp_path / ("台账.xlsx" if writer is messy_ledger else "台账.csv")
    expected = writer(path)
    before = dump(sessions)
    plan = _plan(sessions, community, path)
    assert dump(sessions) == before  # the preview writes nothing
    assert plan.layout.header_row == expected.header_row
    assert (plan.total_rows, plan.empty_rows) == (expected.total_rows, expected.empty_rows)
    assert (plan.new, plan.merged, plan.unchanged) == (expected.new, expected.merged, 0)
    assert plan.rejected_by_reason() == expected.rejected_by_reason
    assert {r.source_row: r.reason for r in plan.rejected} == expected.rejected_rows
    assert plan.warnings == expected.warnings
    assert (plan.new_households, plan.new_buildings) == (
        expected.new_households,
        expected.new_buildings,
    )
    total = plan.new + plan.merged + plan.unchanged + len(plan.rejected) + plan.empty_rows
    assert total == plan.total_rows
    details = {r.reason: r.detail for r in plan.rejected}
    assert details["duplicate"] == "与第7行重复"
    assert details["id_bad_check_digit"].startswith("校验位应为 ")


def test_messy_ledger_into_an_empty_registry(sessions, tmp_path):

    with transaction(sessions) as session:
        community = ensure_site(session, community_code="new").community_id
    expected = messy_ledger(tmp_path / "台账.xlsx")
    plan = _plan(sessions, community, tmp_path / "台账.xlsx")
    assert (plan.new, plan.merged) == (expected.new_empty, 0)
    assert plan.new_households == expected.new_households_empty
    assert plan.new_buildings == expected.new_buildings_empty


def test_apply_writes_the_registry_and_the_report(sessions, community, tmp_path):
    path = tmp_path / "台账.xlsx"
    expected = messy_ledger(path)
    plan = _plan(sessions, community, path)
    outcome = apply_import(sessions, community, plan, clock=lambda: NOW)
    assert (outcome.new, outcome.merged, outcome.unchanged, outcome.rejected) == (
        expected.new,
        expected.merged,
        0,
        expected.rejected,
    )
    with sessions() as session:
        people = {r.id_number: r for r in session.scalars(select(Resident))}
        wang = people[WANG]
        assert (wang.name, wang.gender, wang.birth_date) == (
            "王建国",
            Gender.MALE,
            date(1956, 1, 1),
        )
        assert (wang.phone, wang.phone_tail, wang.relation) == (
            "13900139000",
            "9000",
            Relation.HEAD,
        )
        assert (wang.kind, wang.grid, wang.name_initials) == (ResidentKind.OWNER, "一网格", "wjg")
        liu, kid = people[LIU], people[KID]
        assert liu.household_id == kid.household_id == wang.household_id
        assert (liu.phone, liu.gender, liu.lives_alone) == ("01065123456", Gender.FEMALE, False)
        assert kid.relation == Relation.CHILD and kid.phone == ""
        sun = people[SUN]
        assert (sun.phone, sun.lives_alone, sun.notes) == ("", True, "行动不便")
        household = session.get(Household, wang.household_id)
        room = session.get(Room, household.room_id)
        unit = session.get(Unit, room.unit_id)
        assert (room.number, room.floor, unit.number) == ("502", 5, "2")
        assert (household.phone, household.grid) == ("13900139000", "一网格")
        zhang = people[ZHANG]  # merged: the file's values, the same household as before
        assert (zhang.gender, zhang.phone, zhang.relation) == (
            Gender.FEMALE,
            "13800138000",
            Relation.HEAD,
        )
        assert people[LI].household_id == zhang.household_id
        audit = session.scalars(select(AuditEvent).where(AuditEvent.action == "import")).one()
        assert audit.detail["file"] == "台账.xlsx"
        assert audit.detail["new"] == expected.new and audit.detail["rejected"] == expected.rejected
        assert audit.occurred_at == NOW
    assert outcome.report_path == tmp_path / "台账_未导入行.xlsx"
    sheet = load_workbook(outcome.report_path).active
    lines = [
        tuple(c if c is not None else "" for c in row) for row in sheet.iter_rows(values_only=True)
    ]
    assert lines[0][:3] == ("序号", "姓名*", "身份证号码(必填)")
    assert lines[0][-2:] == ("原行号", "未导入原因")
    body = lines[1:]
    assert [row[-2] for row in body] == sorted(expected.rejected_rows)
    for row in body:
        reason = expected.rejected_rows[row[-2]]
        assert row[-1].startswith(reason_text(reason))
    formula_row = next(row for row in body if row[1] == FORMULA_NAME)
    assert formula_row[-1].startswith(reason_text("name_bad"))
    assert "1.10101199003071E+17" in [row[2] for row in body]
    cell = load_workbook(outcome.report_path).active.cell(
        row=1 + body.index(formula_row) + 1, column=2
    )
    assert cell.data_type == "s"  # text, not a formula


def test_second_import_changes_nothing(sessions, community, tmp_path):
    path = tmp_path / "台账.xlsx"
    messy_ledger(path)
    apply_import(sessions, community, _plan(sessions, community, path))
    before = dump(sessions)
    again = _plan(sessions, community, path)
    assert (again.new, again.merged, again.unchanged) == (0, 0, 10)
    assert (again.new_households, again.new_buildings) == (0, 0)
    outcome = apply_import(sessions, community, again)
    assert (outcome.new, outcome.merged, outcome.unchanged) == (0, 0, 10)
    assert dump(sessions) == before


def test_cancel_raises_and_writes_nothing(sessions, community, tmp_path):
    path = tmp_path / "台账.xlsx"
    messy_ledger(path)
    before = dump(sessions)
    seen = []
    with pytest.raises(ImportCancelled):
        _plan(
            sessions,
            community,
            path,
            progress=lambda d, t: seen.append((d, t)),
            cancelled=lambda: True,
        )
    assert seen == []
    assert dump(sessions) == before
    assert not (tmp_path / "台账_未导入行.xlsx").exists()


def test_progress_reaches_the_total(sessions, community, tmp_path):
    path = tmp_path / "台账.xlsx"
    messy_ledger(path)
    seen = []
    plan = _plan(sessions, community, path, progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (0, plan.total_rows) and seen[-1] == (plan.total_rows, plan.total_rows)


def test_a_failure_midway_writes_nothing(sessions, community, tmp_path, monkeypatch):
    path = tmp_path / "台账.xlsx"
    messy_ledger(path)
    plan = _plan(sessions, community, path)
    before = dump(sessions)
    real = apply_module._resident_values
    calls = []

    def failing(*args):
        calls.append(1)
        if len(calls) == 9:  # places, households and some residents are on their way
            raise RuntimeError("disk full")
        return real(*args)

    monkeypatch.setattr(apply_module, "_resident_values", failing)
    with pytest.raises(RuntimeError):
        apply_import(sessions, community, plan)
    assert dump(sessions) == before
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent)) == 0
    assert not (tmp_path / "台账_未导入行.xlsx").exists()


def test_report_path_given_and_nothing_rejected(sessions, community, tmp_path):
    path = tmp_path / "台账.xlsx"
    messy_ledger(path)
    plan = _plan(sessions, community, path)
    target = tmp_path / "out" / "rejected.xlsx"
    assert write_rejected_report(plan, target) == target
    assert load_workbook(target).active.max_row == 1 + len(plan.rejected)
    assert write_rejected_report(replace(plan, rejected=())) is None


def test_a_mapping_without_an_address_is_refused(sessions, community, tmp_path):
    path = tmp_path / "台账.xlsx"
    messy_ledger(path)
    layout = read_layout(path)
    mapping = {c.index: c.field for c in layout.columns if c.field not in ("address", "room")}
    with pytest.raises(TableError) as error:
        plan_import(sessions, community, layout, mapping, today=TODAY)
    assert "住址" in error.value.message
