"""Importing nucleic-acid result lists as they arrive: titles, odd dates, bad numbers, repeats."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from db.engine import transaction
from db.enums import NucleicOutcome
from db.models import AuditEvent, NucleicTestResult, Resident
from desktop.idnumber import make_id_number
from desktop.tables import TableError
from desktop.test_results import Area, untested
from desktop.test_results_import import Cancelled, import_results
from desktop.test_results_values import parse_outcome, parse_sample_time
from tests.support.gate_site import LI, NOW, ZHANG, make_gate

SHANGHAI = ZoneInfo("Asia/Shanghai")
NEG, POS = NucleicOutcome.NEGATIVE, NucleicOutcome.POSITIVE
OUTSIDER = make_id_number("110105", date(1950, 3, 1), 21)  # valid, not a resident
ZHANG_15 = ZHANG[:6] + ZHANG[8:17]  # the same person's old 15-digit card
FULL_WIDTH_LI = LI.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
HEADER = ["序号", "姓名", "证件号码", "联系电话", "采样时间", "检测结果", "采样点"]
# A list as a sampling site sends it; row numbers of the sheet in the comments.
ROWS = [
    [1, "张小明", "110105 19491231 002x", "13800138000", datetime(2022, 3, 31, 8, 30), "阴性"],  # 3
    [2, "李四", FULL_WIDTH_LI, None, 44651.385416666664, "阳性"],  # 4: 2022-03-31 09:15
    [3, "王外", OUTSIDER, None, "2022/3/31 10:00", "阴"],  # 5
    [4, "张小明", ZHANG_15, None, "2022年3月30日", "-"],  # 6
    [5, "错号", "110105194912310039", None, "2022-03-31", "阴性"],  # 7
    [6, "无号", None, None, "2022-03-31 10:00", "阴性"],  # 8
    [7, "数字号", 1.10105194912310e17, None, "2022-03-31 10:00", "阴性"],  # 9
    [8, "张小明", ZHANG, None, "2022-04-02 10:00", "阴性"],  # 10: after NOW
    [9, "李四", LI, None, None, "阴性"],  # 11
    [10, "李四", LI, None, "2022-03-31 11:00", "弱阳性"],  # 12
    [11, "李四", LI, None, "2022-03-31 12:00", None],  # 13
    [12, "张小明", ZHANG, None, datetime(2022, 3, 31, 8, 30), "阴性（-）"],  # 14: as row 3
    [],  # 15
    [None, "制表人：赵敏"],  # 16
]


@pytest.fixture
def community_id(sessions) -> int:
    return make_gate(sessions).site.community_id


def write_xlsx(path, rows, header=HEADER, title="建设社区 3月31日核酸检测结果"):
    book = Workbook()
    sheet = book.active
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def run(sessions, community_id, path, **kwargs):
    return import_results(sessions, community_id, path, clock=lambda: NOW, **kwargs)


def stored(sessions) -> list[tuple]:
    with sessions() as session:
        return session.execute(
            select(
                NucleicTestResult.id_number,
                NucleicTestResult.resident_id,
                NucleicTestResult.sampled_at,
                NucleicTestResult.outcome,
                NucleicTestResult.source,
            ).order_by(NucleicTestResult.sampled_at, NucleicTestResult.id_number)
        ).all()


def test_a_messy_list_is_matched_and_reported(sessions, community_id, tmp_path):
    path = write_xlsx(tmp_path / "核酸结果.xlsx", ROWS)
    result = run(sessions, community_id, path)

    assert (result.rows_read, result.matched, result.duplicates, result.added) == (12, 4, 1, 4)
    assert result.added_unmatched == 1
    assert [(p.source_row, p.reason, p.detail) for p in result.unmatched] == [
        (5, "not_resident", ""),
        (7, "bad_id", "bad_check_digit"),
        (8, "no_id", ""),
        (9, "bad_id", "id_as_number"),
    ]
    assert [(p.source_row, p.reason) for p in result.invalid] == [
        (10, "future_time"),
        (11, "no_time"),
        (12, "bad_result"),
        (13, "no_result"),
    ]
    assert result.unmatched[0].id_masked == "110105********" + OUTSIDER[-4:]
    assert result.unmatched[0].name_masked == "王*"
    assert result.outcomes == {NEG: 4, POS: 1}
    (positive,) = result.positives
    assert (positive.source_row, positive.name_masked, positive.id_masked) == (
        4,
        "李*",
        "110105********0038",
    )
    assert positive.sampled_at == datetime(2022, 3, 31, 9, 15, tzinfo=SHANGHAI)
    assert (positive.address.building, positive.address.unit, positive.address.room) == (
        "3",
        "2",
        "501",
    )

    with sessions() as session:
        ids = dict(session.query(Resident.id_number, Resident.id))
    assert stored(sessions) == [
        (ZHANG, ids[ZHANG], datetime(2022, 3, 29, 16, 0, tzinfo=UTC), NEG, "核酸结果.xlsx"),
        (ZHANG, ids[ZHANG], datetime(2022, 3, 31, 0, 30, tzinfo=UTC), NEG, "核酸结果.xlsx"),
        (LI, ids[LI], datetime(2022, 3, 31, 1, 15, tzinfo=UTC), POS, "核酸结果.xlsx"),
        (OUTSIDER, None, datetime(2022, 3, 31, 2, 0, tzinfo=UTC), NEG, "核酸结果.xlsx"),
    ]


def test_the_report_keeps_the_original_cells_and_says_why(sessions, community_id, tmp_path):
    result = run(sessions, community_id, write_xlsx(tmp_path / "核酸结果.xlsx", ROWS))
    assert result.report_path == tmp_path / "核酸结果_未匹配.xlsx"
    rows = list(load_workbook(result.report_path).active.iter_rows(values_only=True))
    assert rows[0][0] == "核酸结果.xlsx 中未匹配或无法识别的行（2022-04-01）"
    assert rows[2] == ("原表行号", *HEADER, "原因")
    by_row = {row[0]: row for row in rows[3:]}
    assert sorted(by_row) == [5, 7, 8, 9, 10, 11, 12, 13]
    assert by_row[5][3] == OUTSIDER and by_row[5][-1] == "不是本社区在册居民"
    assert by_row[7][3] == "110105194912310039"
    assert by_row[7][-1] == "身份证号无效：校验位（最后一位）不正确，请核对是否输错"
    assert by_row[9][-1].startswith("身份证号无效：Excel 把身份证号存成了数字")
    assert by_row[12][6] == "弱阳性" and by_row[12][-1] == "检测结果无法识别：弱阳性"
    assert by_row[10][-1] == "采样时间晚于当前时间：2022-04-02 10:00"


def test_importing_the_same_list_again_adds_nothing(sessions, community_id, tmp_path):
    path = write_xlsx(tmp_path / "list.xlsx", ROWS)
    run(sessions, community_id, path)
    again = run(sessions, community_id, path)
    assert (again.added, again.duplicates, again.matched) == (0, 5, 4)
    assert len(stored(sessions)) == 4
    with sessions() as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "test-results-import")
        ).all()
    assert [e.detail["added"] for e in events] == [4, 0]
    assert all(ZHANG not in str(e.detail) and LI not in str(e.detail) for e in events)


def test_a_dry_run_stores_and_writes_nothing(sessions, community_id, tmp_path):
    path = write_xlsx(tmp_path / "list.xlsx", ROWS)
    preview = run(sessions, community_id, path, dry_run=True)
    assert (preview.added, len(preview.unmatched), len(preview.invalid)) == (4, 4, 4)
    assert preview.report_path is None
    assert stored(sessions) == []
    assert not (tmp_path / "list_未匹配.xlsx").exists()
    with sessions() as session:
        assert session.scalar(select(AuditEvent.id)) is None


def test_cancelling_stores_nothing(sessions, community_id, tmp_path):
    with pytest.raises(Cancelled):
        run(sessions, community_id, write_xlsx(tmp_path / "l.xlsx", ROWS), cancelled=lambda: True)
    assert stored(sessions) == []


def test_an_unmatched_result_counts_once_the_resident_is_registered(
    sessions, community_id, tmp_path
):
    run(sessions, community_id, write_xlsx(tmp_path / "list.xlsx", ROWS))
    with transaction(sessions) as session:
        session.add(Resident(community_id=community_id, name="王外", id_number=OUTSIDER))
    area = Area()
    assert "王*" not in [
        r.name_masked
        for r in untested(sessions, community_id, days=3, area=area, now=NOW).residents
    ]
    with sessions() as session:
        owner = session.scalar(select(Resident.id).where(Resident.id_number == OUTSIDER))
        linked = session.scalar(
            select(NucleicTestResult.resident_id).where(NucleicTestResult.id_number == OUTSIDER)
        )
    assert linked == owner


def test_a_gbk_csv_with_separate_date_and_time_columns(sessions, community_id, tmp_path):
    path = tmp_path / "结果.csv"
    with path.open("w", encoding="gbk", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["受检者姓名", "身份证号", "采样日期", "采样时间", "核酸结果"])
        writer.writerow(["张小明", ZHANG, "2022/3/31", "7:05", "阴性"])
        writer.writerow(["李四", LI, "2022/3/31", "", "待出"])
    result = run(sessions, community_id, path)
    assert (result.rows_read, result.matched, result.added) == (2, 2, 2)
    assert result.outcomes == {NEG: 1, NucleicOutcome.PENDING: 1}
    assert [(row[0], row[2]) for row in stored(sessions)] == [
        (LI, datetime(2022, 3, 30, 16, 0, tzinfo=UTC)),
        (ZHANG, datetime(2022, 3, 30, 23, 5, tzinfo=UTC)),
    ]


def test_a_list_without_sample_times_is_refused_with_a_clear_message(
    sessions, community_id, tmp_path
):
    path = write_xlsx(
        tmp_path / "l.xlsx", [["张小明", ZHANG, "阴性"]], header=["姓名", "身份证号", "检测结果"]
    )
    with pytest.raises(TableError) as caught:
        run(sessions, community_id, path)
    assert caught.value.code == "no-header"
    assert "采样时间" in caught.value.message
    assert stored(sessions) == []


def test_a_report_that_cannot_be_written_does_not_undo_the_import(sessions, community_id, tmp_path):
    (tmp_path / "list_未匹配.xlsx").mkdir()  # stands in for a file locked by Excel
    result = run(sessions, community_id, write_xlsx(tmp_path / "list.xlsx", ROWS))
    assert result.report_path is None and "list_未匹配.xlsx" in result.report_error
    assert len(stored(sessions)) == 4


@pytest.mark.parametrize(
    ("word", "outcome"),
    [
        ("阴性", NEG),
        (" 阴 ", NEG),
        ("阴性（-）", NEG),
        ("NEG", NEG),
        ("Negative", NEG),
        ("-", NEG),
        ("未检出", NEG),
        ("阳性(+)", POS),
        ("+", POS),
        ("positive", POS),
        ("待出", NucleicOutcome.PENDING),
        ("检测中", NucleicOutcome.PENDING),
        ("复检中", NucleicOutcome.PENDING),
        ("样本无效", NucleicOutcome.INVALID),
        ("", None),
        (None, None),
    ],
)
def test_result_words(word, outcome):
    assert parse_outcome(word) is outcome


@pytest.mark.parametrize("word", ["弱阳性", "阴阳", "ok", "1"])
def test_other_result_words_are_refused(word):
    with pytest.raises(ValueError):
        parse_outcome(word)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-04-01 08:30", (2022, 4, 1, 8, 30)),
        ("2022/4/1 8:30", (2022, 4, 1, 8, 30)),
        ("2022年4月1日", (2022, 4, 1, 0, 0)),
        ("2022年4月1日 8时30分", (2022, 4, 1, 8, 30)),
        ("２０２２－０４－０１　０８：３０", (2022, 4, 1, 8, 30)),
        ("20220401", (2022, 4, 1, 0, 0)),
        (44652.354166666664, (2022, 4, 1, 8, 30)),
        ("44652.3541666667", (2022, 4, 1, 8, 30)),
        (datetime(2022, 4, 1, 8, 30), (2022, 4, 1, 8, 30)),
        (date(2022, 4, 1), (2022, 4, 1, 0, 0)),
        ("2022-04-01T00:30:00+00:00", (2022, 4, 1, 8, 30)),
    ],
)
def test_sample_times_are_local_to_the_community(value, expected):
    parsed = parse_sample_time(value, SHANGHAI)
    assert parsed == datetime(*expected, tzinfo=SHANGHAI)


@pytest.mark.parametrize("value", ["昨天", "2022-13-01", "2022-02-30 08:00", 1.5, "25:00"])
def test_unreadable_sample_times(value):
    with pytest.raises(ValueError):
        parse_sample_time(value, SHANGHAI)
