"""A paper pass on an 80 mm thermal slip: as a PDF page (one page per pass, as long as the
content) and as text lines plus the QR text for an ESC/POS receipt printer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import black
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from reports.pass_sheet import (
    INSTRUCTIONS,
    TITLE,
    PassCard,
    draw_qr,
    fitted_size,
    serial_text,
    validity,
)
from reports.pdf import cjk_font

SLIP_WIDTH = 80 * mm
SIDE = 5 * mm  # thermal heads print about 72 mm of the 80 mm paper
QR_SIZE = 40 * mm
QUIET = 5 * mm


@dataclass(frozen=True)
class EscPosPass:
    """What `Hardware.print_text_later(title, lines, qr=..., footer=...)` takes."""

    title: str
    lines: tuple[str, ...]
    qr: str
    footer: str


def slip_lines(card: PassCard) -> list[str]:
    """The text lines of a pass for a receipt printer (the title and QR come apart)."""
    lines = [
        f"姓名：{card.name_masked}",
        f"住址：{card.address}",
        f"类别：{card.kind_label}",
        validity(card),
        serial_text(card),
        card.community_name,
    ]
    if card.community_phone:
        lines.append(f"电话：{card.community_phone}")
    return lines


def escpos_pass(
    card: PassCard, *, title: str = TITLE, instructions: str = INSTRUCTIONS
) -> EscPosPass:
    """Title, lines, QR text and footer of one pass for the receipt printer."""
    return EscPosPass(title, tuple(slip_lines(card)), card.code, instructions)


def _items(card: PassCard, title: str, instructions: str) -> list[tuple[str, str, float]]:
    """(kind, text, height in points) from top to bottom; kind is a font size or "qr"."""
    rows: list[tuple[str, str, float]] = [
        ("18", title, 26),
        ("10", card.community_name, 16),
        ("qr", card.code, QR_SIZE + 2 * QUIET),
        ("24", card.name_masked, 32),
        ("14", card.address, 22),
        ("11", f"类别：{card.kind_label}", 17),
        ("10", validity(card), 15),
        ("10", serial_text(card), 15),
    ]
    if card.community_phone:
        rows.append(("10", f"社区电话：{card.community_phone}", 15))
    rows.append(("16", instructions, 30))
    return rows


def _draw_slip(canvas: Canvas, card: PassCard, font: str, title: str, instructions: str) -> None:
    items = _items(card, title, instructions)
    height = sum(h for _, _, h in items) + 2 * SIDE
    canvas.setPageSize((SLIP_WIDTH, height))
    canvas.setFillColor(black)
    usable = SLIP_WIDTH - 2 * SIDE
    top = height - SIDE
    for kind, text, item_height in items:
        if kind == "qr":
            draw_qr(canvas, text, (SLIP_WIDTH - QR_SIZE) / 2, top - QUIET - QR_SIZE, QR_SIZE)
        elif text:
            size = fitted_size(text, font, float(kind), usable)
            canvas.setFont(font, size)
            canvas.drawCentredString(SLIP_WIDTH / 2, top - item_height + 0.35 * size, text)
        top -= item_height
    canvas.showPage()


def render_slips(
    cards: Sequence[PassCard],
    path: str | Path,
    *,
    title: str = TITLE,
    instructions: str = INSTRUCTIONS,
    font_path: str | Path | None = None,
) -> Path:
    """Write one 80 mm wide page per pass to a PDF; returns the path."""
    if not cards:
        raise ValueError("no passes to print")
    font = cjk_font(font_path)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    canvas = Canvas(str(tmp), pagesize=(SLIP_WIDTH, SLIP_WIDTH), initialFontName=font)
    canvas.setTitle(title)
    canvas.setCreator("GateDesk")
    for card in cards:
        _draw_slip(canvas, card, font, title, instructions)
    canvas.save()
    tmp.replace(path)
    return path


def render_slip(card: PassCard, path: str | Path, **options) -> Path:
    """One pass on an 80 mm slip PDF."""
    return render_slips([card], path, **options)
