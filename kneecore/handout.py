"""The printable routine handout: one A4 page with each exercise's picture, dose and rules.

Built on the shared :class:`~kneecore.pdf.Document` (clinic header, disclaimer footer).
Each exercise is one row: the start/end figure on the left (fpdf2 reads the SVG from
:mod:`kneecore.figures` directly), and on the right its name, dose, pain rule, first
steps and a cue. A routine holds at most eight exercises, which fit on one page. An
item that a condition in context leaves out for now (see :func:`kneecore.avoid.flag_plan`)
carries a warning naming the condition under its lines; each reason is printed once, under
the title, so a full routine with every item flagged still fits one page (safety case H4).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kneecore.content.exercises import Exercise, ExerciseContent
from kneecore.content.site import Site
from kneecore.figures import render_svg
from kneecore.pdf import Document
from kneecore.routines import Plan, dosage_text

if TYPE_CHECKING:
    from kneecore.avoid import PlanFlag

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


def build_handout(
    site: Site,
    library: ExerciseContent,
    plan: Plan,
    made: dt.date | None = None,
    flags: Sequence[PlanFlag] = (),
) -> bytes:
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
    flags:
        Items a condition in context leaves out for now (:func:`kneecore.avoid.flag_plan`
        on the same plan); each gets the ``handout_flag`` warning under its lines, and each
        distinct reason is printed once (``handout_flag_reason``) under the title.

    Returns
    -------
    bytes
        The PDF.
    """
    words = library.page.labels if library.page else {}
    short = words["handout_pain_short"]
    doc = Document(site, plan.title, made)
    doc.paragraph(words["handout_title_note"], size=9)
    reasons = dict.fromkeys((flag.name, flag.why) for flag in flags)  # once each: a page holds them all
    for name, why in reasons:
        doc.paragraph(words["handout_flag_reason"].format(condition=name, why=" ".join(why.split())), size=8)
    for index, item in enumerate(plan.items):
        ex = library.exercise(item.exercise)
        if ex is None:
            continue
        steps = " ".join(f"{n}. {step}" for n, step in enumerate(ex.steps, 1))
        lines = [
            (words["handout_dose"], dosage_text(item.dosage, words)),
            (words["handout_steps"], steps),
            (words["handout_pain"], short.format(during=ex.pain.during, after=ex.pain.after)),
        ]
        for flag in flags:
            if flag.index == index and flag.exercise == item.exercise:
                lines.append(("", words["handout_flag"].format(condition=flag.name)))
        svg = render_svg(ex.figure, ex.name, describe=False).encode("utf-8")
        doc.figure_row(svg, ex.name, lines, picture_mm=_PICTURE_MM, gap_mm=_GAP_MM)
    return doc.to_bytes()
