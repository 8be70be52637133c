"""The shared PDF builder: clinic header, disclaimer footer, Latin-1 safe text."""

from __future__ import annotations

import datetime as dt

from kneecore.pdf import Document, latin1


def test_latin1_maps_typography_and_drops_emoji() -> None:
    """Dashes, <= and arrows become ASCII; emoji vanish; accents stay."""
    assert latin1("pain ≤ 3/10 – then → run 🦵 café") == "pain <= 3/10 - then -> run  café"


def test_document_holds_clinic_and_text(content) -> None:
    """A built PDF is a PDF and carries the clinic's name and the body text."""
    doc = Document(content.site, "Test summary", made=dt.date(2026, 1, 2))
    doc.heading("Section")
    doc.paragraph("Body with **bold** and ≤")
    doc.bullets(["one", "two"])
    doc.table(["a", "b"], [["1", "2"]])
    data = doc.to_bytes()
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert content.site.clinic.name in text
    assert "Body with bold and <=" in text
    assert "2026-01-02" in text


def pdf_text(data: bytes) -> str:
    """All text of a PDF, pages joined."""
    import io

    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_figure_row_puts_text_beside_the_picture(content) -> None:
    """A figure row prints its title and labelled lines next to an SVG picture."""
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10">'
        b'<circle cx="5" cy="5" r="4"/></svg>'
    )
    doc = Document(content.site, "Row test", made=dt.date(2026, 1, 2))
    doc.figure_row(svg, "Wall sit", [("Dose", "5 x 45 s"), ("", "Keep the knees over the toes")])
    text = pdf_text(doc.to_bytes())
    assert "Wall sit" in text
    assert "Dose: 5 x 45 s" in text
    assert "Keep the knees over the toes" in text


def test_footer_words_come_from_site_yaml(edit_yaml) -> None:
    """The footer line is site.pdf.footer with the date, page and page count filled in."""
    from kneecore import load_content

    folder = edit_yaml(
        "site.yaml",
        'footer: "Made {date} - page {page}/{pages}"',
        'footer: "Gedruckt {date}, Blatt {page} von {pages}"',
    )
    site = load_content(folder).site
    doc = Document(site, "Footer test", made=dt.date(2026, 3, 4))
    doc.page_break()
    text = pdf_text(doc.to_bytes())
    assert "Gedruckt 2026-03-04, Blatt 1 von 2" in text
    assert "Gedruckt 2026-03-04, Blatt 2 von 2" in text
    assert "Made" not in text


def test_footer_date_defaults_to_the_app_clock(content) -> None:
    """Without a date the footer shows kneecore.sharing.today(), the one clock tests can fix."""
    from kneecore import sharing

    sharing.set_clock(lambda: dt.date(2031, 7, 8))
    try:
        text = pdf_text(Document(content.site, "Clock test").to_bytes())
    finally:
        sharing.set_clock(None)
    assert content.site.pdf.footer.format(date="2031-07-08", page=1, pages=1) in text
