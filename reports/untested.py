"""The printed list of residents with no negative nucleic-acid result in the last N days.

The caller passes plain, already masked strings; this module only lays them out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from reports.pdf import write_list_pdf

# Shares of the page width (points at 9 pt type, so an 18-digit number and a phone number fit
# on one line): no., name, ID number, phone, address, grid, last result, note.
WIDTHS = (24, 44, 110, 66, 80, 44, 84, 56)

WORDS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "title": "%1 近 %2 天无核酸阴性结果人员名单",
        "area": "范围：%1",
        "window": "统计时段：%1 至 %2（含当天），未查到阴性结果",
        "count": "共 %1 人（范围内在册居民 %2 人）",
        "printed": "打印时间：%1　个人信息已脱敏",
        "headers": "序号|姓名|身份证号|电话|住址|网格|最近一次检测|备注",
        "signatures": "制表人|审核人|日期",
        "page": "第 %1 页 共 %2 页",
        "empty": "（无）",
    },
    "en": {
        "title": "%1: residents with no negative result in the last %2 days",
        "area": "Area: %1",
        "window": "Period: %1 to %2 (inclusive); no negative result found",
        "count": "%1 residents (of %2 active residents in the area)",
        "printed": "Printed %1. Personal data masked",
        "headers": "No.|Name|ID number|Phone|Address|Grid|Last test|Note",
        "signatures": "Prepared by|Checked by|Date",
        "page": "Page %1 of %2",
        "empty": "(none)",
    },
}


@dataclass(frozen=True, slots=True)
class UntestedSheet:
    """What the printed list says; rows hold (name, ID, phone, address, grid, last, note)."""

    community: str
    area: str
    days: int
    since: date
    today: date
    active_in_area: int
    printed_at: datetime
    rows: Sequence[Sequence[str]]


def _fill(template: str, *values: object) -> str:
    for i, value in enumerate(values, start=1):
        template = template.replace(f"%{i}", str(value))
    return template


def render_untested_pdf(path: str | Path, sheet: UntestedSheet, *, language: str = "zh_CN") -> Path:
    """Write the list as an A4 PDF with page numbers and signature lines."""
    words = WORDS.get(language, WORDS["zh_CN"])
    rows = [(str(i), *row) for i, row in enumerate(sheet.rows, start=1)]
    if not rows:
        rows = [("", words["empty"], "", "", "", "", "", "")]
    return write_list_pdf(
        path,
        title=_fill(words["title"], sheet.community, sheet.days),
        subtitles=[
            _fill(words["area"], sheet.area),
            _fill(words["window"], sheet.since.isoformat(), sheet.today.isoformat()),
            _fill(words["count"], len(sheet.rows), sheet.active_in_area),
            _fill(words["printed"], sheet.printed_at.strftime("%Y-%m-%d %H:%M")),
        ],
        headers=words["headers"].split("|"),
        rows=rows,
        widths=WIDTHS,
        signatures=words["signatures"].split("|"),
        page_label=words["page"],
    )
