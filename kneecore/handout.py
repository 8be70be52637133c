"""The printable routine handout: one A4 page with each exercise's picture, dose and rules.

Built on the shared :class:`~kneecore.pdf.Document` (clinic header, disclaimer footer).
Each exercise is one row: the start/end figure on the left (fpdf2 reads the SVG from
:mod:`kneecore.figures` directly), and on the right its name, dose, pain rule, first
steps and a cue. A routine holds at most eight exercises, which fit on one page.
"""

from __future__ import annotations

import datetime as dt

from kneecore.content.exercises import Exercise, ExerciseContent
from kneecore.content.site import Site
from kneecore.figures import render_svg
from kneecore.pdf import Document
from kneecore.routines import Plan, dosage_text

__all__ = ["build_handout", "pain_text"]

_PICTURE_MM = 44.0
_GAP_MM = 4.0


def pain_text(ex: Exercise, template: str) -> str:
    """The pain rule in words, from the ``pain_rule`` template in _page.yaml.

    Parameters
    ----------
    ex:
        The exercise.
    template:
        Text with ``{during}`` and ``{after}``.

    Returns
    -------
    str
        The filled-in rule, plus the exercise's own note when it has one.
    """
    text = template.format(during=ex.pain.during, after=ex.pain.after)
    return f"{text} {ex.pain.note}" if ex.pain.note else text


def build_handout(site: Site, library: ExerciseContent, plan: Plan, made: dt.date | None = None) -> bytes:
    """The routine as a printable PDF.

    Parameters
    ----------
    site:
        Site content: app name, clinic details and disclaimer for header and footer.
    library:
        The exercise content (exercises and the page's words).
    plan:
        The routine to print.
    made:
        The date in the footer (default today).

    Returns
    -------
    bytes
        The PDF.
    """
    words = library.page.labels if library.page else {}
    short = words["handout_pain_short"]
    doc = Document(site, plan.title, made)
    doc.paragraph(words["handout_title_note"], size=9)
    for item in plan.items:
        ex = library.exercise(item.exercise)
        if ex is None:
            continue
        steps = " ".join(f"{n}. {step}" for n, step in enumerate(ex.steps, 1))
        lines = [
            (words["handout_dose"], dosage_text(item.dosage, words)),
            (words["handout_steps"], steps),
            (words["handout_pain"], short.format(during=ex.pain.during, after=ex.pain.after)),
        ]
        svg = render_svg(ex.figure, ex.name, describe=False).encode("utf-8")
        doc.figure_row(svg, ex.name, lines, picture_mm=_PICTURE_MM, gap_mm=_GAP_MM)
    return doc.to_bytes()
