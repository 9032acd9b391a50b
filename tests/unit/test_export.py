"""Registry exports to Excel: masking by role, text cells, the audit trail, a large registry."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from db.engine import make_session_factory, transaction
from db.enums import KeyPersonSource, Relation, ResidentState, Role
from db.models import AuditEvent, KeyPerson, KeyPersonCategory, Resident
from desktop.demo import DemoOptions, generate_demo
from desktop.export import (
    HOUSEHOLD_COLUMNS,
    RESIDENT_COLUMNS,
    ExportText,
    export_households,
    export_key_persons,
    export_residents,
)
from desktop.masking import mask_name
from desktop.registry_query import RegistryFilter
from desktop.registry_reveal import Masking
from tests.support.gate_site import LI, NOW, ZHANG, make_gate

EVIL = '=HYPERLINK("http://evil","x")'
EVIL_ID = "110101199003070011"
TODAY = date(2022, 4, 1)


@pytest.fixture
def site(sessions):
    gate = make_gate(sessions)
    with transaction(sessions) as session:
        zhang = session.scalars(select(Resident).where(Resident.id_number == ZHANG)).one()
        zhang.phone, zhang.relation = "13912345678", Relation.HEAD
        # Straight into the table, as a careless import might have left it.
        evil = Resident(
            community_id=zhang.community_id,
            household_id=zhang.household_id,
            name=EVIL,
            id_number=EVIL_ID,
            phone="+8613800138000",
        )
        gone = Resident(
            community_id=zhang.community_id,
            household_id=zhang.household_id,
            name="王搬走",
            state=ResidentState.MOVED_OUT,
        )
        session.add_all([evil, gone])
        session.flush()
        category = session.scalars(
            select(KeyPersonCategory).where(KeyPersonCategory.code == "from-wuhan")
        ).one()
        session.add_all(
            [
                KeyPerson(
                    resident_id=evil.id,
                    category_id=category.id,
                    source=KeyPersonSource.CITY_LIST,
                    since=TODAY - timedelta(days=2),
                    notes="+1 day",
                ),
                KeyPerson(  # ended: not a key person any more
                    resident_id=zhang.id,
                    category_id=category.id,
                    source=KeyPersonSource.CITY_LIST,
                    since=TODAY - timedelta(days=30),
                    until=TODAY - timedelta(days=1),
                ),
            ]
        )
    return gate.site


def sheet_of(path):
    return load_workbook(path).active


def table(sheet, header_row: int = 3) -> list[dict[str, object]]:
    """Rows as dicts keyed by the header (two preamble lines come first)."""
    rows = list(sheet.iter_rows(min_row=header_row))
    names = [cell.value for cell in rows[0]]
    return [dict(zip(names, (cell for cell in row), strict=False)) for row in rows[1:]]


def export_audits(sessions) -> list[AuditEvent]:
    with sessions() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == "export")))


def test_full_export_keeps_numbers_and_formula_names_as_text(sessions, site, tmp_path):
    result = export_residents(
        sessions, site.community_id, tmp_path / "r.xlsx", role=Role.SECRETARY, clock=lambda: NOW
    )
    assert result.rows == 3 and result.masking is Masking.FULL
    sheet = sheet_of(result.path)
    assert "2022-04-01 08:41" in sheet["A1"].value
    rows = table(sheet)
    assert [r["Name"].value for r in rows] == ["张小明", "李四", EVIL]
    evil = rows[2]["Name"]
    assert evil.value == EVIL and evil.data_type == "s" and evil.quotePrefix
    assert [r["Id number"].value for r in rows] == [ZHANG, LI, EVIL_ID]
    assert rows[2]["Phone"].value == "+8613800138000"
    assert rows[1]["Phone"].value is None  # 李四 has no phone: an empty cell
    for row in rows:
        for column in ("Id number", "Phone", "Building", "Room"):
            cell = row[column]
            assert cell.value is None or cell.data_type == "s", column
    assert rows[0]["Birth date"].value.date() == date(1949, 12, 31)
    assert rows[0]["Age"].value == 72
    [event] = export_audits(sessions)
    assert event.detail["rows"] == 3 and event.detail["masking"] == "full"
    assert EVIL_ID not in str(event.detail)


def test_gate_staff_export_has_no_full_number_and_is_not_audited(sessions, site, tmp_path):
    result = export_residents(
        sessions, site.community_id, tmp_path / "m.xlsx", role=Role.GATE_STAFF
    )
    assert result.masking is Masking.ALL_MASKED
    sheet = sheet_of(result.path)
    everything = " ".join(str(c.value) for row in sheet.iter_rows() for c in row)
    for secret in (ZHANG, LI, EVIL_ID, "13912345678", "13800138000", "张小明"):
        assert secret not in everything
    rows = table(sheet)
    assert rows[0]["Id number"].value == "110105********002X"
    assert rows[0]["Phone"].value == "139****5678"
    assert not export_audits(sessions)


def test_grid_workers_see_phones_but_not_id_numbers(sessions, site, tmp_path):
    result = export_residents(
        sessions, site.community_id, tmp_path / "g.xlsx", role=Role.GRID_WORKER
    )
    rows = table(sheet_of(result.path))
    assert rows[0]["Name"].value == "张小明" and rows[0]["Phone"].value == "13912345678"
    assert rows[0]["Id number"].value == "110105********002X"
    assert export_audits(sessions)[0].detail["masking"] == "id-masked"
    # The secretary can ask for a masked copy too.
    masked = export_residents(
        sessions, site.community_id, tmp_path / "s.xlsx", role=Role.SECRETARY, masked=True
    )
    assert masked.masking is Masking.ALL_MASKED


def test_filters_and_words_apply(sessions, site, tmp_path):
    words = ExportText(
        headers={"name": "姓名", "state": "状态"},
        enum_text=lambda value: {"moved_out": "已迁出"}.get(value.value, value.value),
    )
    moved = export_residents(
        sessions,
        site.community_id,
        tmp_path / "f.xlsx",
        role=Role.SECRETARY,
        filters=RegistryFilter(states=(ResidentState.MOVED_OUT,)),
        text=words,
    )
    rows = table(sheet_of(moved.path))
    assert [(r["姓名"].value, r["状态"].value) for r in rows] == [("王搬走", "已迁出")]
    marked = export_residents(
        sessions,
        site.community_id,
        tmp_path / "k.xlsx",
        role=Role.SECRETARY,
        filters=RegistryFilter(key_persons=True),
    )
    assert [r["Name"].value for r in table(sheet_of(marked.path))] == [EVIL]


def test_households_and_key_persons(sessions, site, tmp_path):
    households = export_households(
        sessions, site.community_id, tmp_path / "h.xlsx", role=Role.GRID_WORKER
    )
    rows = table(sheet_of(households.path))
    assert len(rows) == 1 and len(rows[0]) == len(HOUSEHOLD_COLUMNS)
    assert rows[0]["Head"].value == "张小明" and rows[0]["Residents"].value == 3
    assert (rows[0]["Building"].value, rows[0]["Unit"].value, rows[0]["Room"].value) == (
        "3",
        "2",
        "501",
    )
    people = export_key_persons(
        sessions,
        site.community_id,
        tmp_path / "kp.xlsx",
        role=Role.GATE_STAFF,
        text=ExportText(category_text=lambda code, _name: f"<{code}>"),
    )
    rows = table(sheet_of(people.path))
    assert len(rows) == 1
    assert rows[0]["Name"].value == mask_name(EVIL) and rows[0]["Name"].quotePrefix
    assert rows[0]["Category"].value == "<from-wuhan>"
    assert rows[0]["Notes"].value == "+1 day" and rows[0]["Notes"].data_type == "s"


def test_twenty_thousand_residents(sqlite_engine, tmp_path):
    summary = generate_demo(sqlite_engine, DemoOptions(residents=20_000, days=0, today=TODAY))
    sessions = make_session_factory(sqlite_engine)
    result = export_residents(
        sessions, summary.community_id, tmp_path / "all.xlsx", role=Role.GATE_STAFF
    )
    assert result.rows == 20_000
    sheet = load_workbook(result.path, read_only=True).active
    rows = sheet.iter_rows(min_row=3, values_only=True)
    assert list(next(rows)) == [
        column.replace("_", " ").capitalize() for column in RESIDENT_COLUMNS
    ]
    count = 0
    for row in rows:
        count += 1
        assert "********" in row[4]
    assert count == 20_000
