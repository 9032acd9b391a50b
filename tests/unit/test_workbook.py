"""Excel output: text stays text, formulas never run, numbers and dates keep their type."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook

from reports.workbook import Sheet, write_workbook


def test_text_cells_cannot_run_as_formulas(tmp_path):
    rows = [
        ['=HYPERLINK("http://x","张三")', "110101199003070011", "13800138000", 3],
        ["+86 138 0013 8000", "@SUM(A1)", "-1+2", date(2020, 1, 25)],
        ["\tcmd|' /C calc'!A0", "张*明", "", None],
    ]
    path = write_workbook(tmp_path / "out.xlsx", [Sheet("名单", ["a", "b", "c", "d"], rows)])
    sheet = load_workbook(path).active
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert values[0][:3] == rows[0][:3]
    assert values[1][:3] == rows[1][:3]
    for row in sheet.iter_rows(min_row=1):
        for cell in row:
            if isinstance(cell.value, str):
                assert cell.data_type == "s", cell.coordinate
                assert cell.number_format == "@"
    assert sheet["A2"].quotePrefix and sheet["B3"].quotePrefix and sheet["A4"].quotePrefix
    assert sheet["D2"].value == 3 and sheet["D2"].data_type == "n"
    assert sheet["D3"].value.date() == date(2020, 1, 25)


def test_preamble_lines_sit_above_the_header(tmp_path):
    sheet_spec = Sheet("s", ["姓名"], [["张*明"]], preamble=["某某社区 居民名单", "已脱敏"])
    sheet = load_workbook(write_workbook(tmp_path / "p.xlsx", [sheet_spec])).active
    assert [c.value for c in sheet["A"]] == ["某某社区 居民名单", "已脱敏", "姓名", "张*明"]
