"""Paper passes to PDF: an A4 sheet of 1,000 passes (quick: 100), 8 to a page, as a grid
worker prints them for a whole compound, and the same passes as 80 mm slips.

The codes are random Base32 text of the claim's length (GD1: + 166 characters), so each QR
is a version 7 code at level M like a real pass. Page 1 of the sheet is rasterised at
200 dpi and decoded with zxing-cpp as a check that speed did not cost sharpness.
"""

from __future__ import annotations

import base64
import random
import subprocess
import time
from datetime import date

import zxingcpp
from PIL import Image

from benchmarks import Context, Measurement, benchmark
from reports.pass_sheet import PassCard, ordered, render_sheet
from reports.pass_slip import render_slips

FULL, QUICK = 1_000, 100
SURNAMES = "张王李赵刘陈杨黄周吴"


def _cards(count: int, seed: int = 20220401) -> list[PassCard]:
    rng = random.Random(seed)
    cards = []
    for serial in range(1, count + 1):
        building, unit = str(rng.randint(1, 24)), str(rng.randint(1, 4))
        room = f"{rng.randint(1, 30)}{rng.randint(1, 4):02d}"
        raw = bytes(rng.randrange(256) for _ in range(103))
        cards.append(
            PassCard(
                code="GD1:" + base64.b32encode(raw).decode("ascii").rstrip("="),
                name_masked=rng.choice(SURNAMES) + "*" + rng.choice("明华英军芳"),
                address=f"{building}栋{unit}单元{room}",
                building=building,
                unit=unit,
                valid_from=date(2022, 4, 1),
                valid_to=date(2022, 4, 30),
                serial=serial,
                kind_label="居民",
                community_name="幸福里社区居民委员会",
                community_phone="027-88886666",
            )
        )
    return cards


@benchmark("pass_sheet_pdf")
def pass_sheet_pdf(ctx: Context) -> Measurement:
    count = QUICK if ctx.quick else FULL
    cards = _cards(count)
    sheet = ctx.workdir / "sheet.pdf"
    started = time.perf_counter()
    render_sheet(cards, sheet)
    seconds = time.perf_counter() - started
    started = time.perf_counter()
    render_slips(cards, ctx.workdir / "slips.pdf")
    slip_seconds = time.perf_counter() - started
    prefix = ctx.workdir / "page"
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", str(sheet), str(prefix)],
        check=True,
    )
    (png,) = ctx.workdir.glob("page-*.png")
    found = {r.text for r in zxingcpp.read_barcodes(Image.open(png))}
    in_order = ordered(cards)
    first_page = {c.code for c in in_order if c.building == in_order[0].building}
    first_page = {c.code for c in in_order[: len(first_page)][:8]}
    info = subprocess.run(["pdfinfo", str(sheet)], check=True, capture_output=True, text=True)
    pages = next(int(line.split()[-1]) for line in info.stdout.splitlines() if "Pages:" in line)
    return Measurement(
        parameters={"passes": count, "per_page": 8},
        seconds=seconds,
        throughput=count / seconds,
        throughput_unit="passes/s",
        details={
            "pages": pages,
            "sheet_bytes": sheet.stat().st_size,
            "ms_per_pass": 1000 * seconds / count,
            "slips_seconds": slip_seconds,
            "slips_bytes": (ctx.workdir / "slips.pdf").stat().st_size,
            "page1_decoded": len(found & first_page),
            "page1_cards": len(first_page),
        },
    )
