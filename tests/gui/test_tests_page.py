"""The tests page: import a result list after a preview; who in an area has no negative result."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import delete, select

from db.enums import ResidentState
from db.models import Building, Household, NucleicTestResult, Resident, Room, Unit
from desktop.idnumber import make_id_number
from desktop.masking import mask_id_number, mask_name
from desktop.test_results_export import TestResultsService
from ui.pages.tests_page import TestsPage

OUTSIDER = make_id_number("110105", datetime(1950, 3, 1).date(), 21)


@pytest.fixture
def page(qtbot, context, chinese):
    service = TestResultsService(context.sessions, context.site.community_id)
    widget = TestsPage(service, context.paths.output_dir)
    widget.opened = []
    widget.open_url = widget.opened.append
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def building(context):
    """The first building's number and its active residents in address order; the demo's
    sampling rounds are removed, so the lists below come from the test's own file only."""
    with context.sessions() as session, session.begin():
        session.execute(delete(NucleicTestResult))
    with context.sessions() as session:
        number = session.scalar(select(Building.number).order_by(Building.sort_key).limit(1))
        rows = session.execute(
            select(Resident, Unit.number, Room.number)
            .join(Household, Resident.household_id == Household.id)
            .join(Room, Household.room_id == Room.id)
            .join(Unit, Room.unit_id == Unit.id)
            .join(Building, Unit.building_id == Building.id)
            .where(Building.number == number, Resident.state == ResidentState.ACTIVE)
        ).all()
    rows.sort(key=lambda r: (int(r[1]), int(r[2]), r[0].id))
    assert len(rows) >= 4, "the demo building is too small for this test"
    return number, [row[0] for row in rows]


def write_list(path, rows):
    book = Workbook()
    sheet = book.active
    sheet.append(["核酸检测结果（混检）"])
    sheet.append(["序号", "姓名", "身份证号码", "采样时间", "检测结果"])
    for i, row in enumerate(rows, start=1):
        sheet.append([i, *row])
    book.save(path)
    return path


def untested_names(page) -> list[str]:
    return [page.model.index(r, 0).data() for r in range(page.model.rowCount())]


def test_import_after_preview_then_the_area_lists_exactly_who_is_missing(
    page, qtbot, building, tmp_path, context
):
    number, residents = building
    sampled = datetime.now(ZoneInfo(context.site.timezone)) - timedelta(hours=2)
    when = sampled.strftime("%Y-%m-%d %H:%M")
    missing, positive, tested = residents[1], residents[2], residents[:1] + residents[3:]
    rows = [(r.name, r.id_number, when, "阴性") for r in tested]
    rows += [
        (positive.name, positive.id_number, when, "阳性"),
        ("王外", OUTSIDER, when, "阴性"),
        ("错号", "110105194912310039", when, "阴性"),
        (missing.name, missing.id_number, "", "阴性"),
    ]
    path = write_list(tmp_path / "结果.xlsx", rows)

    page.open_file(path)
    qtbot.waitUntil(lambda: page.importer.preview_box.isVisible(), timeout=20000)
    summary = page.importer.summary.text()
    total = len(rows)
    assert f"{total} 行" in summary or f"{total} rows" in summary, summary
    assert str(len(tested) + 1) in summary
    assert mask_name(positive.name) in page.importer.positives.text()
    problems = [
        page.importer.problems.item(i).text() for i in range(page.importer.problems.count())
    ]
    assert len(problems) == 3
    assert any("不是本社区在册居民" in p for p in problems)
    with context.sessions() as session:
        assert session.scalar(select(NucleicTestResult.id)) is None  # a preview stores nothing

    page.importer.confirm_import()
    qtbot.waitUntil(lambda: not page.importer.busy and page.importer.preview is None, timeout=20000)
    assert str(len(tested) + 2) in page.importer.status.text()
    assert (tmp_path / "结果_未匹配.xlsx").exists()

    page.building.setCurrentIndex(page.building.findData(number))
    assert untested_names(page) == [mask_name(missing.name), mask_name(positive.name)]
    ids = [page.model.index(r, 1).data() for r in range(page.model.rowCount())]
    assert ids == [mask_id_number(missing.id_number), mask_id_number(positive.id_number)]
    assert page.model.index(1, 6).data() in ("阳性", "Positive")
    count = page.count.text()
    assert "有 2 人" in count or count.startswith("2 of"), count

    exported = page.export_excel(tmp_path / "名单.xlsx")
    sheet_rows = list(load_workbook(exported).active.iter_rows(values_only=True))
    assert [row[1] for row in sheet_rows[-2:]] == untested_names(page)

    pdf = page.print_pdf()
    assert pdf.parent == context.paths.output_dir and pdf.stat().st_size > 0
    assert [url.toLocalFile() for url in page.opened] == [str(pdf)]


def test_a_file_that_is_not_a_result_list_says_what_to_do(page, qtbot, tmp_path):
    path = tmp_path / "名单.xlsx"
    book = Workbook()
    book.active.append(["姓名", "电话"])
    book.active.append(["张三", "13800138000"])
    book.save(path)
    page.open_file(path)
    qtbot.waitUntil(lambda: not page.importer.busy, timeout=20000)
    assert "表头" in page.importer.status.text()
    assert not page.importer.preview_box.isVisible()


def test_days_and_units_follow_the_building(page, building):
    number, _ = building
    assert page.days.value() == 3
    assert not page.unit.isEnabled()
    page.building.setCurrentIndex(page.building.findData(number))
    assert page.unit.isEnabled() and page.unit.count() > 1
    everyone = page.model.rowCount()
    page.unit.setCurrentIndex(1)
    assert 0 < page.model.rowCount() < everyone
