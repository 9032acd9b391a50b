"""Printable A4 lists: an embedded CJK font, a title, a table whose header repeats on every page,
"第 x 页 共 y 页" page numbers and signature lines. Reports build on this; they pass plain data.

The font must be a real TrueType font embedded in the file: reportlab's built-in STSong-Light
is not embedded and prints as boxes on PCs without Adobe's Asian font pack, and CFF-based
OpenType fonts (Noto CJK .otf) cannot be embedded by reportlab at all.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

FONT_NAME = "GateDeskCJK"
FONT_ENV = "GATEDESK_PDF_FONT"
MARGIN = 15 * mm


def _windows_fonts() -> Path:
    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


def font_candidates() -> list[Path]:
    """TrueType fonts with Chinese glyphs, in order of preference, on Linux, Windows and macOS."""
    windows = _windows_fonts()
    return [
        Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
        Path("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc"),
        Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
        Path("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),
        Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
        Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
        windows / "simsun.ttc",
        windows / "msyh.ttc",
        windows / "simhei.ttf",
        windows / "msyh.ttf",
        Path("/System/Library/Fonts/STHeiti Light.ttc"),
        Path("/Library/Fonts/Arial Unicode.ttf"),
    ]


class FontNotFound(RuntimeError):
    """No usable Chinese TrueType font on this PC; the message says what to install."""


def load_font(candidates: Sequence[Path], name: str = FONT_NAME) -> TTFont:
    """The first candidate reportlab can embed (a .ttc uses its first font); FontNotFound
    with what was tried when none can."""
    problems: list[str] = []
    for candidate in candidates:
        if not candidate.is_file():
            continue
        try:
            return TTFont(name, str(candidate), subfontIndex=0)
        except (TTFError, OSError) as exc:  # e.g. a CFF-based OpenType font
            problems.append(f"{candidate}: {exc}")
    tried = "; ".join(problems) if problems else "none of " + ", ".join(map(str, candidates))
    raise FontNotFound(
        "No Chinese TrueType font found for printing (tried: "
        + tried
        + "). Install WenQuanYi Zen Hei (fonts-wqy-zenhei) or set "
        + FONT_ENV
        + " to a .ttf/.ttc file such as C:\\Windows\\Fonts\\simsun.ttc."
    )


def cjk_font(path: str | Path | None = None) -> str:
    """Register (once) and return the name of an embeddable Chinese font.

    `path`, or $GATEDESK_PDF_FONT, chooses the file; otherwise the first usable one of
    `font_candidates()`.
    """
    if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        chosen = path or os.environ.get(FONT_ENV)
        pdfmetrics.registerFont(load_font([Path(chosen)] if chosen else font_candidates()))
    return FONT_NAME


def styles(font: str) -> dict[str, ParagraphStyle]:
    """Paragraph styles in the given font: title, subtitle, cell, head, signature."""
    base = ParagraphStyle("base", fontName=font, fontSize=9, leading=11, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", parent=base, fontSize=16, leading=20, alignment=1),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=10, leading=14),
        "cell": base,
        "head": ParagraphStyle("head", parent=base, fontSize=9, leading=11),
        "signature": ParagraphStyle("signature", parent=base, fontSize=11, leading=16),
    }


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    font: str,
) -> Table:
    """A grid table filling `widths` (points); its header row repeats on every page."""
    sheet = styles(font)
    data = [[Paragraph(_escape(h), sheet["head"]) for h in headers]]
    data += [[Paragraph(_escape(str(v)), sheet["cell"]) for v in row] for row in rows]
    grid = Table(data, colWidths=list(widths), repeatRows=1)
    grid.setStyle(
        TableStyle(
            [
                # Table cells default to Helvetica even when they hold paragraphs.
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDDDDD")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return grid


def signature_lines(labels: Sequence[str], font: str) -> Paragraph:
    """ "制表人：____  审核人：____  日期：____" on one line."""
    blank = "_" * 14
    text = "&nbsp;&nbsp;&nbsp;&nbsp;".join(f"{_escape(label)}：{blank}" for label in labels)
    return Paragraph(text, styles(font)["signature"])


def _numbered_canvas(page_label: str, font: str) -> type[Canvas]:
    """A canvas that writes `page_label` ("第 %1 页 共 %2 页") once the page count is known."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab API)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                label = page_label.replace("%1", str(number)).replace("%2", str(total))
                width = self._pagesize[0]
                self.setFont(font, 9)
                self.drawCentredString(width / 2, MARGIN / 2, label)
                super().showPage()
            super().save()

    return NumberedCanvas


def build(
    path: str | Path,
    story: Sequence[Flowable],
    *,
    title: str,
    font: str,
    page_label: str = "第 %1 页 共 %2 页",
    wide: bool = False,
) -> Path:
    """Write the flowables to an A4 PDF (landscape when `wide`) with page numbers."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    document = SimpleDocTemplate(
        str(tmp),
        pagesize=landscape(A4) if wide else A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        creator="GateDesk",
        # Otherwise every page also names Helvetica, a font that is not embedded.
        initialFontName=font,
    )
    document.build(list(story), canvasmaker=_numbered_canvas(page_label, font))
    tmp.replace(path)
    return path


def page_width(*, wide: bool = False) -> float:
    """The width between the margins, in points."""
    return (landscape(A4) if wide else A4)[0] - 2 * MARGIN


def write_list_pdf(
    path: str | Path,
    *,
    title: str,
    subtitles: Sequence[str],
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    signatures: Sequence[str] = ("制表人", "审核人", "日期"),
    page_label: str = "第 %1 页 共 %2 页",
    wide: bool = False,
    font_path: str | Path | None = None,
) -> Path:
    """A printable list: title, subtitle lines, a table (`widths` are relative shares of the
    page width), then signature lines when `signatures` is not empty."""
    font = cjk_font(font_path)
    sheet = styles(font)
    share = sum(widths)
    columns = [page_width(wide=wide) * w / share for w in widths]
    story: list[Flowable] = [Paragraph(_escape(title), sheet["title"]), Spacer(1, 4 * mm)]
    story += [Paragraph(_escape(line), sheet["subtitle"]) for line in subtitles]
    story += [Spacer(1, 3 * mm), table(headers, rows, columns, font)]
    if signatures:
        story += [Spacer(1, 10 * mm), signature_lines(signatures, font)]
    return build(path, story, title=title, font=font, page_label=page_label, wide=wide)
