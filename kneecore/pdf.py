"""A small PDF builder (fpdf2) that every printout shares: the checker summary, the
exercise handout, the running plan and the form plan.

Each page carries the app's name and the clinic's details from ``site.yaml`` at the
top and the disclaimer at the foot. The built-in Helvetica covers Latin-1 only, so
text passes through :func:`latin1`, which maps common typographic characters
(dashes, quotes, <=, arrows) and drops what it cannot show (emoji).
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from typing import cast

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from kneecore.content.site import Site
from kneecore.sharing import today

__all__ = ["Document", "latin1"]

_MAP = {
    "–": "-",
    "—": "-",
    "‑": "-",
    "−": "-",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "…": "...",
    "≤": "<=",
    "≥": ">=",
    "→": "->",
    "←": "<-",
    "×": "x",
    "•": "-",
    "·": "-",
    "≈": "~",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "✓": "v",
    "✗": "x",
    "½": "1/2",
}


def latin1(text: str) -> str:
    """``text`` reduced to what the PDF's built-in font can show."""
    out = []
    for ch in text:
        ch = _MAP.get(ch, ch)
        if all(ord(c) < 256 for c in ch):
            out.append(ch)
            continue
        base = unicodedata.normalize("NFKD", ch).encode("latin-1", "ignore").decode("latin-1")
        out.append(base)
    return "".join(out)


class _PDF(FPDF):
    def __init__(self, site: Site, title: str, made: dt.date) -> None:
        super().__init__(format="A4")
        self.site = site
        self.doc_title = title
        self.made = made
        self.set_margins(15, 15, 15)
        self.set_auto_page_break(auto=True, margin=22)
        self.set_title(latin1(title))
        self.set_creator(latin1(site.app.name))

    def header(self) -> None:
        clinic = self.site.clinic
        self.set_font("Helvetica", "B", 9)
        self.set_text_color(26, 107, 92)
        self.cell(0, 5, latin1(self.site.app.name), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(70, 70, 70)
        line = f"{clinic.name}, {clinic.city} - {clinic.phone} - {clinic.booking_url}"
        self.cell(0, 4, latin1(line), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.line(15, self.get_y() + 1, 195, self.get_y() + 1)
        self.ln(4)
        self.set_text_color(20, 20, 20)

    def footer(self) -> None:
        self.set_y(-18)
        self.set_font("Helvetica", "", 7)
        self.set_text_color(90, 90, 90)
        self.multi_cell(0, 3.5, latin1(_plain(self.site.app.disclaimer)), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        made = self.site.pdf.footer.format(date=self.made.isoformat(), page=self.page_no(), pages="{nb}")
        self.cell(0, 4, latin1(made), align="R")


def _plain(markdown: str) -> str:
    return markdown.replace("**", "").replace("__", "").replace("\\$", "$")


class Document:
    """A printable document: build it up, then take :meth:`to_bytes`.

    Parameters
    ----------
    site:
        The site content (app name, clinic, disclaimer).
    title:
        The document's title, printed large on page one.
    made:
        The date printed in the footer (default :func:`kneecore.sharing.today`). The
        footer's words come from ``site.pdf.footer``.
    """

    def __init__(self, site: Site, title: str, made: dt.date | None = None) -> None:
        self._pdf = _PDF(site, title, made or today())
        self._pdf.alias_nb_pages()
        self._pdf.add_page()
        self._pdf.set_font("Helvetica", "B", 16)
        self._pdf.multi_cell(0, 8, latin1(title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self._pdf.ln(2)

    @property
    def width(self) -> float:
        """Usable width in mm."""
        return float(self._pdf.epw)

    def heading(self, text: str) -> None:
        """A section heading."""
        pdf = self._pdf
        if pdf.get_y() > pdf.h - 45:
            pdf.add_page()
        pdf.ln(2)
        pdf.set_font("Helvetica", "B", 12)
        pdf.multi_cell(0, 6, latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1)

    def paragraph(self, text: str, size: float = 10, bold: bool = False) -> None:
        """A paragraph; ``**bold**`` spans are kept."""
        pdf = self._pdf
        pdf.set_font("Helvetica", "B" if bold else "", size)
        pdf.multi_cell(
            0,
            size * 0.5,
            latin1(text.replace("\\$", "$")),
            markdown=True,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        pdf.ln(1)

    def bullets(self, items: list[str] | tuple[str, ...], size: float = 10) -> None:
        """A bulleted list."""
        pdf = self._pdf
        pdf.set_font("Helvetica", "", size)
        for item in items:
            pdf.set_x(pdf.l_margin + 3)
            pdf.multi_cell(
                pdf.epw - 3,
                size * 0.5,
                latin1("- " + item.replace("\\$", "$")),
                markdown=True,
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )
        pdf.ln(1)

    def table(
        self, header: list[str], rows: list[list[str]], widths: list[float] | None = None, size: float = 9
    ) -> None:
        """A simple bordered table with a header row."""
        pdf = self._pdf
        pdf.set_font("Helvetica", "", size)
        col_widths = tuple(widths) if widths else None
        with pdf.table(
            col_widths=col_widths, text_align="LEFT", line_height=size * 0.55, first_row_as_headings=True
        ) as table:
            for values in [header, *rows]:
                row = table.row()
                for value in values:
                    row.cell(latin1(str(value)))
        pdf.ln(2)

    def image(self, png: bytes, width: float | None = None) -> None:
        """An image (PNG bytes), scaled to ``width`` mm (default: full width)."""
        pdf = self._pdf
        pdf.image(io.BytesIO(png), w=width or pdf.epw)
        pdf.ln(2)

    def figure_row(
        self,
        picture: bytes,
        title: str,
        lines: list[tuple[str, str]],
        picture_mm: float = 38,
        gap_mm: float = 4,
    ) -> None:
        """A picture (SVG or PNG bytes) on the left, a title and ``(label, text)`` lines beside it.

        A row never splits across pages: it is laid out on a dummy first, and when it would
        not fit what is left of the page, it starts on the next one.
        """
        with self._pdf.offset_rendering() as dummy:
            _figure_row(cast(FPDF, dummy), picture, title, lines, picture_mm, gap_mm)  # records FPDF calls
        if dummy.page_break_triggered:
            self._pdf.add_page()
        _figure_row(self._pdf, picture, title, lines, picture_mm, gap_mm)

    def page_break(self) -> None:
        """Start a new page."""
        self._pdf.add_page()

    def to_bytes(self) -> bytes:
        """The finished PDF."""
        return bytes(self._pdf.output())


def _figure_row(
    pdf: FPDF, picture: bytes, title: str, lines: list[tuple[str, str]], picture_mm: float, gap_mm: float
) -> None:
    """Draw one :meth:`Document.figure_row` at the current position of ``pdf`` (or a dummy of it)."""
    top = pdf.get_y()
    pdf.image(io.BytesIO(picture), x=pdf.l_margin, y=top, w=picture_mm)
    picture_bottom = pdf.get_y()
    left = pdf.l_margin + picture_mm + gap_mm
    width = pdf.epw - picture_mm - gap_mm
    pdf.set_xy(left, top)
    pdf.set_font("Helvetica", "B", 9.5)
    pdf.multi_cell(width, 4.2, latin1(title), new_x=XPos.LEFT, new_y=YPos.NEXT)
    for label, text in lines:
        pdf.set_x(left)
        pdf.set_font("Helvetica", "", 7.5)
        body = f"**{label}:** {text}" if label else text
        pdf.multi_cell(width, 3.2, latin1(body), markdown=True, new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_xy(pdf.l_margin, max(pdf.get_y(), picture_bottom) + 1)
    pdf.set_draw_color(210, 215, 213)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + pdf.epw, pdf.get_y())
    pdf.set_draw_color(0, 0, 0)
    pdf.ln(1.5)
