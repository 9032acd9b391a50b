"""Paper passes rendered to PDF: every QR on every page decodes (zxing-cpp and zbar) to the
claim text, the people-readable text and the embedded Chinese font are there."""

from __future__ import annotations

import base64
import random
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import cv2
import pytest
import zxingcpp
from PIL import Image
from pyzbar import pyzbar

from db.engine import transaction
from db.enums import PassKind
from db.models import Community, Pass, Resident
from desktop.masking import mask_name
from desktop.pass_print import PassPrintError, load_cards, print_sheet
from devices.printer import Slip, render
from reports.pass_sheet import PassCard, make_qr, ordered, render_sheet
from reports.pass_slip import escpos_pass, render_slip, slip_lines
from tests.support.gate_site import make_gate

NAMES = ["欧阳小明", "买买提·艾力", "张三", "John Smith", "李", "王秀英", "陈建国", "刘德华"]
# (building, unit, room): building 3 fills more than one page, "综合楼" is not a number.
HOMES = [("3", "2", "501"), ("3", "1", "1602"), ("12", "1", "101"), ("3", "1", "904")]
HOMES += [("3", "2", "1201"), ("综合楼", "1", "3"), ("3", "1", "102"), ("3", "2", "802")]
HOMES += [("3", "2", "301"), ("12", "2", "1801"), ("3", "1", "2403"), ("3", "2", "1502")]


def random_code(rng: random.Random) -> str:
    """A code shaped like a real claim: GD1: and Base32 (no padding) of about 103 bytes."""
    raw = bytes(rng.randrange(256) for _ in range(103))
    return "GD1:" + base64.b32encode(raw).decode("ascii").rstrip("=")


def make_cards(count: int = len(HOMES), seed: int = 20220401) -> list[PassCard]:
    rng = random.Random(seed)
    cards = []
    for index in range(count):
        building, unit, room = HOMES[index % len(HOMES)]
        label = f"{building}栋" if building.isdigit() else building
        cards.append(
            PassCard(
                code=random_code(rng),
                name_masked=mask_name(NAMES[index % len(NAMES)]),
                address=f"{label}{unit}单元{room}",
                building=building,
                unit=unit,
                valid_from=date(2022, 4, 1),
                valid_to=date(2022, 4, 30),
                serial=rng.randrange(1, 2**31),
                kind_label="居民" if index % 5 else "访客",
                community_name="武汉市江岸区幸福里社区居民委员会（疫情防控卡口）",
                community_phone="027-8888 6666",
            )
        )
    return cards


def rasterise(pdf: Path, dpi: int = 200) -> list[Path]:
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(prefix)], check=True)
    return sorted(pdf.parent.glob(prefix.name + "-*.png"), key=lambda p: int(p.stem.split("-")[-1]))


def decode_both(png: Path) -> tuple[list[str], list[str]]:
    """The QR texts found by zxing-cpp and by zbar."""
    by_zxing = [
        r.text for r in zxingcpp.read_barcodes(Image.open(png)) if r.format == zxingcpp.QRCode
    ]
    image = cv2.imread(str(png), cv2.IMREAD_GRAYSCALE)
    by_zbar = [s.data.decode("ascii") for s in pyzbar.decode(image) if s.type == "QRCODE"]
    return by_zxing, by_zbar


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def assert_fonts_embedded(pdf: Path) -> None:
    report = subprocess.run(
        ["pdffonts", str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    rows = report.splitlines()[2:]
    assert rows, report
    assert "Helvetica" not in report and "Times" not in report, report
    for row in rows:
        columns = row.split()
        assert columns[-5] == "yes", row  # emb
    assert any("WenQuanYi" in row or "CJK" in row or "Sim" in row for row in rows), report


def test_every_qr_on_every_page_decodes_to_its_code(tmp_path: Path) -> None:
    cards = make_cards()
    pdf = render_sheet(cards, tmp_path / "sheet.pdf")
    pages = rasterise(pdf)
    by_building: dict[str, list[PassCard]] = {}
    for card in ordered(cards):
        by_building.setdefault(card.building, []).append(card)
    expected = []
    for members in by_building.values():
        expected += [members[i : i + 8] for i in range(0, len(members), 8)]
    # building 3: 8 + 1 cards on two pages, 12: two cards, 综合楼: one
    assert [len(page) for page in expected] == [8, 1, 2, 1]
    assert len(pages) == len(expected)
    for png, page_cards in zip(pages, expected, strict=True):
        by_zxing, by_zbar = decode_both(png)
        codes = sorted(card.code for card in page_cards)
        assert sorted(by_zxing) == codes, png.name
        assert sorted(by_zbar) == codes, png.name


def test_cards_are_ordered_by_building_then_unit() -> None:
    cards = ordered(make_cards())
    assert [c.address for c in cards[:4]] == [
        "3栋1单元102",
        "3栋1单元904",
        "3栋1单元1602",
        "3栋1单元2403",
    ]
    assert [c.building for c in cards][-3:] == ["12", "12", "综合楼"]


def test_sheet_text_and_font(tmp_path: Path) -> None:
    cards = make_cards()
    pdf = render_sheet(cards, tmp_path / "sheet.pdf", instructions="出入请出示此证，扫码核验")
    text = pdf_text(pdf)
    for name in ("欧**明", "买**·*力", "张*", "J*** S****", "王*英", "刘*华"):
        assert name in text
    assert "欧阳小明" not in text
    assert text.count("出入请出示此证，扫码核验") == len(cards)
    assert "纸质出入证" in text
    assert "有效期 2022-04-01 至 2022-04-30" in text
    assert "综合楼1单元3" in text
    assert_fonts_embedded(pdf)


def test_qr_codes_are_full_qr_at_level_m() -> None:
    for card in make_cards(4):
        qr = make_qr(card.code)
        assert not qr.is_micro
        assert isinstance(qr.version, int) and 1 <= qr.version <= 10
        assert qr.error == "M"
        assert qr.mode == "alphanumeric"
    assert not make_qr("GD1:A").is_micro  # short text would otherwise become Micro QR


def test_bad_options_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="per_page"):
        render_sheet(make_cards(2), tmp_path / "x.pdf", per_page=7)
    with pytest.raises(ValueError, match="no passes"):
        render_sheet([], tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_slip_renders_and_decodes(tmp_path: Path) -> None:
    card = make_cards(2)[1]
    pdf = render_slip(card, tmp_path / "slip.pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    assert "226.77" in info.stdout  # 80 mm wide
    (png,) = rasterise(pdf)
    by_zxing, by_zbar = decode_both(png)
    assert by_zxing == [card.code]
    assert by_zbar == [card.code]
    text = pdf_text(pdf)
    assert "买**·*力" in text and "出入请出示此证，扫码核验" in text
    assert_fonts_embedded(pdf)


def test_slip_for_the_receipt_printer_carries_the_qr() -> None:
    card = make_cards(1)[0]
    lines = slip_lines(card)
    assert lines[0] == "姓名：欧**明"
    assert "住址：3栋2单元501" in lines and "编号 " + f"{card.serial:08d}" in lines
    job = escpos_pass(card)
    data = render(Slip(job.title, job.lines, qr=job.qr, footer=job.footer))
    assert card.code.encode("ascii") in data  # stored in the printer's native QR command
    assert "欧**明".encode("gb18030") in data


def _add_pass(session, community_id: int, resident_id: int, serial: int, code: str, **extra):
    session.add(
        Pass(
            serial=serial,
            community_id=community_id,
            key_id=1,
            kind=PassKind.RESIDENT,
            resident_id=resident_id,
            valid_from=datetime(2022, 3, 31, 16, tzinfo=UTC),  # 2022-04-01 in Shanghai
            valid_to=datetime(2022, 4, 30, 16, tzinfo=UTC),  # end of 04-30
            code=code,
            **extra,
        )
    )


def test_passes_from_the_database_print(sessions, tmp_path: Path) -> None:
    gate = make_gate(sessions)
    rng = random.Random(5)
    codes = [random_code(rng) for _ in range(3)]
    with transaction(sessions) as session:
        community = session.get(Community, gate.site.community_id)
        community.name, community.phone = "幸福里社区", "027-88886666"
        zhang, li = session.query(Resident).order_by(Resident.id).all()
        _add_pass(session, community.id, zhang.id, 101, codes[0])
        _add_pass(session, community.id, li.id, 102, codes[1])
        revoked = datetime(2022, 4, 2, tzinfo=UTC)
        _add_pass(session, community.id, zhang.id, 100, codes[2], revoked_at=revoked)
    with sessions() as session:
        cards = load_cards(session, gate.site.community_id, building="3栋")
    assert [(c.serial, c.name_masked, c.address) for c in cards] == [
        (101, "张*明", "3栋2单元501"),
        (102, "李*", "3栋2单元501"),
    ]
    assert cards[0].valid_from == date(2022, 4, 1) and cards[0].valid_to == date(2022, 4, 30)
    assert cards[0].community_name == "幸福里社区" and cards[0].kind_label == "居民"
    pdf = print_sheet(sessions, gate.site.community_id, tmp_path / "b3.pdf", serials=[102])
    (png,) = rasterise(pdf)
    assert decode_both(png) == ([codes[1]], [codes[1]])
    with pytest.raises(PassPrintError, match="revoked"):
        print_sheet(sessions, gate.site.community_id, tmp_path / "x.pdf", serials=[100])
    with pytest.raises(PassPrintError, match="999"):
        print_sheet(sessions, gate.site.community_id, tmp_path / "x.pdf", serials=[101, 999])
    with pytest.raises(PassPrintError, match="building 7"):
        print_sheet(sessions, gate.site.community_id, tmp_path / "x.pdf", building="7")


def test_cli_print_without_passes_says_what_to_do(tmp_path: Path, capsys) -> None:
    from argparse import Namespace

    from desktop.pass_print import run_print

    out = tmp_path / "passes"
    args = Namespace(home=str(tmp_path / "home"), serial=None, building="3", slip=False, out=out)
    assert run_print(args) == 2
    assert "no valid passes of building 3 to print; issue passes first" in capsys.readouterr().err
    assert not out.with_suffix(".pdf").exists()


def test_cli_prints_a_slip_from_the_database(tmp_path: Path, capsys) -> None:
    from argparse import Namespace

    from db.models import Building, Household, Room, Unit
    from desktop.app import open_context
    from desktop.pass_print import run_print

    home = str(tmp_path / "home")
    code = random_code(random.Random(9))
    context = open_context(home)
    try:
        with transaction(context.sessions) as session:
            community_id = context.site.community_id
            building = Building(community_id=community_id, number="7")
            unit = Unit(building=building, number="1")
            room = Room(unit=unit, number="302")
            household = Household(community_id=community_id, room=room)
            resident = Resident(community_id=community_id, household=household, name="欧阳小明")
            session.add_all([building, unit, room, household, resident])
            session.flush()
            _add_pass(session, community_id, resident.id, 4242, code)
    finally:
        context.close()
    out = tmp_path / "slip.pdf"
    args = Namespace(home=home, serial=[4242], building=None, slip=True, out=out)
    assert run_print(args) == 0, capsys.readouterr().err
    (png,) = rasterise(out)
    assert decode_both(png) == ([code], [code])
    assert "7栋1单元302" in pdf_text(out)
