"""Who has no negative result in the last N days: the query, its Excel and its printed list."""

from __future__ import annotations

import dataclasses
import random
import shutil
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlalchemy import event, insert, select

from db.engine import transaction
from db.enums import NucleicOutcome, ResidentState
from db.models import Building, Community, Household, NucleicTestResult, Resident, Room, Unit
from desktop.idnumber import make_id_number
from desktop.masking import mask_id_number
from desktop.test_results import Area, area_choices, untested
from desktop.test_results_export import export_untested, print_untested
from reports.pdf import FontNotFound, load_font
from tests.support.gate_site import LI, NOW, ZHANG, make_gate

SHANGHAI = ZoneInfo("Asia/Shanghai")
NEG, POS, PENDING = NucleicOutcome.NEGATIVE, NucleicOutcome.POSITIVE, NucleicOutcome.PENDING


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=SHANGHAI)


def number(sequence: int) -> str:
    return make_id_number("110105", date(1950, 3, 1), sequence)


def _household(session, community_id: int, building: str, unit: str, room: str, grid=""):
    found = session.query(Building).filter_by(community_id=community_id, number=building).first()
    if found is None:
        found = Building(community_id=community_id, number=building)
        session.add(found)
        session.flush()
    unit_row = Unit(building_id=found.id, number=unit)
    session.add(unit_row)
    session.flush()
    room_row = Room(unit_id=unit_row.id, number=room)
    session.add(room_row)
    session.flush()
    household = Household(community_id=community_id, room_id=room_row.id, grid=grid)
    session.add(household)
    session.flush()
    return household.id


# name -> (address or None, extra columns); make_gate already has 张小明 and 李四 in 3-2-501.
PEOPLE = {
    "王五": (("10", "1", "101", "网格2"), dict(id_number=number(1), phone="13800138000")),
    "赵六": (("3", "1", "201", ""), dict(id_number=number(3), grid="网格1")),
    "钱七": (None, dict(id_number=number(5), state=ResidentState.MOVED_OUT)),
    "孙八": (None, dict(id_number=number(7))),
    "周九": (None, dict(id_number=number(9))),
    "吴十": (None, dict(id_number=number(11), elderly_without_phone=True)),
}
# (ID number, linked to the resident?, sample time, result). The window of 3 days on 1 April
# starts on 30 March at 00:00 in Shanghai (29 March 16:00 UTC).
RESULTS = [
    (ZHANG, True, local(2022, 3, 30, 0, 0), NEG),
    (LI, True, local(2022, 3, 29, 23, 59), NEG),
    (LI, True, local(2022, 3, 31, 9, 15), POS),
    (number(1), True, local(2022, 4, 1, 7, 30), PENDING),
    (number(7), True, local(2022, 3, 31, 10, 0), NEG),
    # Imported before 周九 was registered: kept with the ID number only.
    (number(9), False, local(2022, 3, 31, 10, 0), NEG),
    # Someone who never lived here.
    (number(21), False, local(2022, 3, 31, 10, 0), POS),
]


@pytest.fixture
def community_id(sessions) -> int:
    make_gate(sessions)
    with transaction(sessions) as session:
        community_id = session.query(Community.id).filter_by(code="c1").scalar()
        for name, (address, extra) in PEOPLE.items():
            household_id = _household(session, community_id, *address) if address else None
            session.add(
                Resident(community_id=community_id, household_id=household_id, name=name, **extra)
            )
        other = Community(code="c2", name="别的社区")
        session.add(other)
        session.flush()
        session.add(Resident(community_id=other.id, name="郑外", id_number=number(13)))
        session.flush()
        ids = dict(session.query(Resident.id_number, Resident.id))
        for id_number, linked, at, outcome in RESULTS:
            session.add(
                NucleicTestResult(
                    resident_id=ids[id_number] if linked else None,
                    id_number=id_number,
                    sampled_at=at,
                    outcome=outcome,
                )
            )
    return community_id


def names(lst) -> list[str]:
    return [r.name_masked for r in lst.residents]


def test_whole_community_in_address_order(sessions, community_id):
    lst = untested(sessions, community_id, days=3, area=Area(), now=NOW)
    # 张小明 tested at the first minute of the window; 孙八 tested; 周九's result found him
    # once registered; 钱七 moved out; 郑外 lives elsewhere. No address comes last.
    assert names(lst) == ["赵*", "李*", "王*", "吴*"]
    assert (lst.today, lst.since, lst.days) == (date(2022, 4, 1), date(2022, 3, 30), 3)
    assert lst.active_in_area == 7
    zhao, li, wang, wu = lst.residents
    assert (li.address.building, li.address.unit, li.address.room) == ("3", "2", "501")
    assert li.last.outcome is POS and li.last.sampled_at == local(2022, 3, 31, 9, 15)
    assert li.id_masked == "110105********0038"
    assert wang.last.outcome is PENDING and wang.phone_masked == "138****8000"
    assert wang.grid == "网格2" and zhao.grid == "网格1"
    assert zhao.last is None and wu.address is None and wu.elderly_without_phone


def test_the_link_rule_stores_the_resident(sessions, community_id):
    untested(sessions, community_id, days=3, area=Area(), now=NOW)
    with sessions() as session:
        rows = dict(session.query(NucleicTestResult.id_number, NucleicTestResult.resident_id))
        zhou = session.query(Resident.id).filter_by(name="周九").scalar()
    assert rows[number(9)] == zhou
    assert rows[number(21)] is None


@pytest.mark.parametrize(
    ("area", "expected"),
    [
        (Area(building="3"), ["赵*", "李*"]),
        (Area(building="3", unit="2"), ["李*"]),
        (Area(unit="1"), ["赵*", "王*"]),
        (Area(grid="网格2"), ["王*"]),
        (Area(grid="网格1"), ["赵*"]),
        (Area(building="10", grid="网格1"), []),
        (Area(building="99"), []),
    ],
)
def test_areas(sessions, community_id, area, expected):
    assert names(untested(sessions, community_id, days=3, area=area, now=NOW)) == expected


def test_one_day_is_today_only(sessions, community_id):
    lst = untested(sessions, community_id, days=1, area=Area(building="3"), now=NOW)
    assert names(lst) == ["赵*", "张*明", "李*"]
    assert lst.since == date(2022, 4, 1)


def test_days_out_of_range_are_refused(sessions, community_id):
    with pytest.raises(ValueError):
        untested(sessions, community_id, days=0, area=Area(), now=NOW)


def test_area_choices_sort_naturally(sessions, community_id):
    choices = area_choices(sessions, community_id)
    assert choices.buildings == ("3", "10")
    assert choices.units == {"3": ("1", "2"), "10": ("1",)}
    assert choices.grids == ("网格1", "网格2")


def test_export_reopens_masked_with_its_preamble(sessions, community_id, tmp_path):
    lst = untested(sessions, community_id, days=3, area=Area(building="3"), now=NOW)
    path = export_untested(lst, tmp_path / "名单.xlsx", at=datetime(2022, 4, 1, 9, 0))
    sheet = load_workbook(path).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][0] == "c1 近 3 天无核酸阴性结果人员名单"
    assert rows[1][0] == "范围：3栋"
    assert rows[2][0] == "统计时段：2022-03-30 至 2022-04-01（含当天）"
    assert "个人信息已脱敏" in rows[4][0]
    assert rows[5][:3] == ["序号", "姓名", "身份证号"]
    # openpyxl reads an empty cell back as None.
    assert rows[6][:5] == [1, "赵*", mask_id_number(number(3)), None, "3栋1单元201"]
    assert rows[7][1:8] == [
        "李*",
        "110105********0038",
        None,
        "3栋2单元501",
        None,
        "2022-03-31 09:15",
        "阳性",
    ]
    assert len(rows) == 8
    full_numbers = [v for row in rows for v in row if isinstance(v, str) and LI in v]
    assert not full_numbers


needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdffonts")), reason="poppler-utils missing"
)


@needs_poppler
def test_printed_list_has_chinese_text_page_numbers_and_an_embedded_font(
    sessions, community_id, tmp_path
):
    lst = untested(sessions, community_id, days=3, area=Area(), now=NOW)
    # Enough people for several pages, so the repeated header and the page count show.
    many = dataclasses.replace(lst, residents=lst.residents * 40)
    path = print_untested(many, tmp_path / "名单.pdf", at=datetime(2022, 4, 1, 9, 0))
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")
    assert "c1 近 3 天无核酸阴性结果人员名单" in pages[0]
    assert "范围：全社区" in pages[0]
    assert "共 160 人（范围内在册居民 7 人）" in pages[0]
    assert "赵*" in text and "李*" in text and "110105********0038" in text
    assert LI not in text and "李四" not in text
    total = len([p for p in pages if p.strip()])
    assert total >= 3
    for page_number, page in enumerate(pages[:total], start=1):
        assert "身份证号" in page  # the header repeats on every page
        assert f"第{page_number}页共{total}页" in "".join(page.split())
    assert "制表人：" in pages[total - 1] and "审核人：" in pages[total - 1]
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    lines = fonts.stdout.splitlines()[2:]
    assert lines, fonts.stdout
    for line in lines:
        assert " yes yes yes " in line, line  # embedded, subset, with a Unicode map


def test_no_usable_font_is_a_clear_error(tmp_path):
    cff = sorted(Path("/usr/share/fonts/opentype").glob("*/*.otf"))[:1]
    with pytest.raises(FontNotFound) as caught:
        load_font([tmp_path / "missing.ttc", *cff])
    message = str(caught.value)
    assert "fonts-wqy-zenhei" in message and "GATEDESK_PDF_FONT" in message
    if cff:  # a CFF-based OpenType font is named with why it cannot be embedded
        assert str(cff[0]) in message


@pytest.mark.slow
def test_twenty_thousand_residents_use_the_result_index(sessions):
    """20,000 residents × 100,000 results: the right people, through the result index."""
    make_gate(sessions)
    now = NOW
    with transaction(sessions) as session:
        community_id = session.query(Community.id).filter_by(code="c1").scalar()
        household = session.query(Household.id).scalar()
        session.execute(
            insert(Resident),
            [
                {
                    "community_id": community_id,
                    "household_id": household,
                    "name": f"居民{i}",
                    "id_number": make_id_number(
                        "110105", date(1960, 1, 1) + timedelta(i // 900), i % 900
                    ),
                }
                for i in range(20000)
            ],
        )
        people = session.execute(select(Resident.id, Resident.id_number)).all()
        rng = random.Random(7)
        results = []
        for _ in range(100_000):
            rid, id_number = people[rng.randrange(len(people))]
            at = now - timedelta(minutes=rng.randrange(60 * 24 * 10))
            outcome = NEG if rng.random() < 0.9 else PENDING
            results.append((rid, id_number, at, outcome))
        session.execute(
            insert(NucleicTestResult),
            [
                {
                    "resident_id": r,
                    "id_number": n,
                    "sampled_at": a,
                    "outcome": o,
                    "imported_at": now,
                }
                for r, n, a, o in results
            ],
        )
    engine = sessions.kw["bind"]
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    statements = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        if "NOT (EXISTS" in statement:
            statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", capture)
    try:
        lst = untested(sessions, community_id, days=3, area=Area(building="3"), now=now)
    finally:
        event.remove(engine, "before_cursor_execute", capture)

    since = local(2022, 3, 30, 0, 0)
    tested = {r for r, _, at, outcome in results if outcome is NEG and at >= since}
    expected = {r for r, _ in people} - tested
    assert {r.resident_id for r in lst.residents} == expected
    statement, parameters = statements[0]
    prefix = "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN "
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute(prefix + statement, parameters)
        plan = "\n".join(str(row) for row in cursor.fetchall())
    finally:
        raw.close()
    assert "ix_test_result_resident_time" in plan, plan
