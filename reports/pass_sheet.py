"""Paper passes (纸质出入证) on A4: N-up cards with cut marks, a new page per building.

Each card carries the signed claim as a QR code drawn as vector squares (sharp at any printer
resolution), the masked name, address, validity, serial, the community's name and phone and a
short instruction in large type for elderly residents. What the gate trusts is the QR alone;
the printed text is only for people.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from pathlib import Path

import segno
from reportlab.lib.colors import black, grey
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from reports.pdf import cjk_font

TITLE = "纸质出入证"
INSTRUCTIONS = "出入请出示此证，扫码核验"
QR_SIZE = 30 * mm  # the modules alone; the quiet zone comes on top
QUIET_MODULES = 4
GRIDS = {4: (2, 2), 6: (2, 3), 8: (2, 4), 10: (2, 5)}
SHEET_MARGIN = 12 * mm
HEADER = 8 * mm
CUT_MARK = 3 * mm


@dataclass(frozen=True)
class PassCard:
    """What one printed pass shows; `code` is the signed claim text (GD1:…) for the QR."""

    code: str
    name_masked: str
    address: str
    building: str
    unit: str
    valid_from: date
    valid_to: date
    serial: int
    kind_label: str
    community_name: str
    community_phone: str


def make_qr(code: str) -> segno.QRCode:
    """A full QR code (never Micro QR) at error level M; the claim text fits alphanumeric mode."""
    return segno.make_qr(code, error="m", boost_error=False)


def draw_qr(canvas: Canvas, code: str, x: float, y: float, size: float) -> None:
    """Draw the QR's dark modules (without quiet zone) into the square at (x, y) of side
    `size`; runs of dark modules in a row become one rectangle to keep the file small."""
    matrix = make_qr(code).matrix
    count = len(matrix)
    runs: list[str] = []
    for row_index, row in enumerate(matrix):
        bottom = count - 1 - row_index
        column = 0
        while column < count:
            if row[column]:
                start = column
                while column < count and row[column]:
                    column += 1
                runs.append(f"{start} {bottom} {column - start} 1 re")
            else:
                column += 1
    canvas.saveState()
    canvas.setFillColor(black)
    # In module units the rectangles are small integers: exact, and cheap to write.
    canvas.transform(size / count, 0, 0, size / count, x, y)
    canvas.addLiteral("\n".join(runs) + "\nf")
    canvas.restoreState()


def fitted_size(text: str, font: str, size: float, width: float, smallest: float = 6) -> float:
    """The font size, at most `size`, at which `text` fits into `width` points."""
    while size > smallest and stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def draw_fitted(
    canvas: Canvas, text: str, font: str, size: float, x: float, y: float, width: float
) -> None:
    canvas.setFont(font, fitted_size(text, font, size, width))
    canvas.drawString(x, y, text)


def validity(card: PassCard) -> str:
    return f"有效期 {card.valid_from:%Y-%m-%d} 至 {card.valid_to:%Y-%m-%d}"


def serial_text(card: PassCard) -> str:
    return f"编号 {card.serial:08d}"


def building_label(building: str) -> str:
    return f"{building}栋" if building.isdigit() else building


def _natural(text: str) -> tuple:
    """'10' after '9', and names in text order: buildings are numbered but not always."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", text))


def ordered(cards: Iterable[PassCard]) -> list[PassCard]:
    """Cards in the order a grid worker hands them out: building, unit, address, serial."""
    return sorted(
        cards,
        key=lambda c: (_natural(c.building), _natural(c.unit), _natural(c.address), c.serial),
    )


def _draw_card(
    canvas: Canvas,
    card: PassCard,
    x: float,
    y: float,
    width: float,
    height: float,
    *,
    font: str,
    title: str,
    instructions: str,
) -> None:
    """One card with its lower left corner at (x, y)."""
    pad = 4 * mm
    quiet = QR_SIZE / 33 * QUIET_MODULES  # about the quiet zone of a version 7 code
    top = y + height - pad
    # The QR sits in the middle of the band between the title line and the instruction.
    band_top, band_bottom = top - 7 * mm, y + pad + 8 * mm
    qr_x, qr_y = x + pad, (band_top + band_bottom - QR_SIZE) / 2
    draw_qr(canvas, card.code, qr_x, qr_y, QR_SIZE)
    text_x = qr_x + QR_SIZE + quiet
    text_width = x + width - pad - text_x
    canvas.setFillColor(black)
    draw_fitted(canvas, title, font, 13, x + pad, top - 12, width - 2 * pad - 25 * mm)
    canvas.setFont(font, fitted_size(card.kind_label, font, 11, 24 * mm))
    canvas.drawRightString(x + width - pad, top - 12, card.kind_label)
    lines = [
        (card.name_masked, 22, 25),
        (card.address, 13, 19),
        (validity(card), 8.5, 13),
        (serial_text(card), 8.5, 13),
        (card.community_name, 8.5, 12),
        (f"电话 {card.community_phone}" if card.community_phone else "", 8.5, 12),
    ]
    baseline = qr_y + QR_SIZE - 18
    for text, size, leading in lines:
        if text:
            draw_fitted(canvas, text, font, size, text_x, baseline, text_width)
        baseline -= leading
    draw_fitted(canvas, instructions, font, 15, x + pad, y + pad + 1, width - 2 * pad)


def _draw_cut_marks(canvas: Canvas, left: float, bottom: float, cell: tuple, grid: tuple) -> None:
    """Small crosses at every corner of the grid, where the paper is to be cut."""
    canvas.setStrokeColor(grey)
    canvas.setLineWidth(0.4)
    width, height = cell
    columns, rows = grid
    for i in range(columns + 1):
        for j in range(rows + 1):
            cx, cy = left + i * width, bottom + j * height
            canvas.line(cx - CUT_MARK, cy, cx + CUT_MARK, cy)
            canvas.line(cx, cy - CUT_MARK, cx, cy + CUT_MARK)


def render_sheet(
    cards: Sequence[PassCard],
    path: str | Path,
    *,
    per_page: int = 8,
    title: str = TITLE,
    instructions: str = INSTRUCTIONS,
    font_path: str | Path | None = None,
) -> Path:
    """Write the cards to an A4 PDF, `per_page` (4, 6, 8 or 10) to a page in two columns,
    grouped by building (each building starts a page) then unit; returns the path."""
    if per_page not in GRIDS:
        raise ValueError(f"per_page must be one of {sorted(GRIDS)}, not {per_page}")
    if not cards:
        raise ValueError("no passes to print")
    font = cjk_font(font_path)
    columns, rows = GRIDS[per_page]
    page_w, page_h = A4
    cell = ((page_w - 2 * SHEET_MARGIN) / columns, (page_h - 2 * SHEET_MARGIN - HEADER) / rows)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    canvas = Canvas(str(tmp), pagesize=A4, initialFontName=font, pageCompression=1)
    canvas.setTitle(title)
    canvas.setCreator("GateDesk")
    page = 0
    for building, group in groupby(ordered(cards), key=lambda c: c.building):
        members = list(group)
        for start in range(0, len(members), per_page):
            page += 1
            canvas.setFont(font, 10)
            canvas.setFillColor(black)
            header = f"{title}　{members[0].community_name}　{building_label(building)}"
            canvas.drawString(SHEET_MARGIN, page_h - SHEET_MARGIN - 12, header)
            canvas.drawRightString(
                page_w - SHEET_MARGIN, page_h - SHEET_MARGIN - 12, f"第 {page} 页"
            )
            for index, card in enumerate(members[start : start + per_page]):
                column, row = index % columns, index // columns
                x = SHEET_MARGIN + column * cell[0]
                y = page_h - SHEET_MARGIN - HEADER - (row + 1) * cell[1]
                _draw_card(
                    canvas, card, x, y, *cell, font=font, title=title, instructions=instructions
                )
            _draw_cut_marks(canvas, SHEET_MARGIN, SHEET_MARGIN, cell, (columns, rows))
            canvas.showPage()
    canvas.save()
    tmp.replace(path)
    return path
