"""Words and the printable page for the form checklist's result (shared by the page and the PDF).

:func:`describe_week` turns a :class:`~kneecore.form.PlanWeek` into a heading and a body
from ``content/form.yaml``; :func:`drill_name` names a drill by its exercise; and
:func:`form_pdf` builds the one-page (or two-page) plan with the clinic header.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from kneecore.avoid import avoided_ids
from kneecore.cadence import CadenceResult
from kneecore.form import FormSummary, PlanWeek
from kneecore.pdf import Document

if TYPE_CHECKING:
    from kneecore.content import Content
    from kneecore.content.form import FormContent

__all__ = ["describe_week", "drill_name", "form_pdf"]


def drill_name(content: Content, exercise_id: str) -> str:
    """The exercise's name for a drill id, or a readable form of the id until it exists.

    Parameters
    ----------
    content:
        All content (the exercise names come from the exercise content).
    exercise_id:
        The drill's exercise id.

    Returns
    -------
    str
        A name to show.
    """
    for exercise in content.exercises.exercises:
        if exercise.id == exercise_id:
            return str(exercise.name)
    return exercise_id.replace("_", " ").capitalize()


def describe_week(form: FormContent, week: PlanWeek) -> tuple[str, str]:
    """A heading and a Markdown body for one plan week.

    Parameters
    ----------
    form:
        The checklist content (plan texts, item titles and cues).
    week:
        The week to describe.

    Returns
    -------
    tuple[str, str]
        ``("Week 1 - Practise: Overstriding", "On 3 or 4 easy runs ... Cue: ...")``.
    """
    number = form.label("week").format(n=week.week)
    kept = ", ".join(form.item(i).title for i in week.keep)
    keep_line = f"{form.plan.keep}: {kept}." if kept else ""
    if week.item_id is None:
        heading = f"{number} - {form.label('review')}"
        return heading, " ".join(p for p in (form.plan.review, keep_line) if p)
    item = form.item(week.item_id)
    heading = f"{number} - {form.label('practise')}: {item.title}"
    text = form.plan.introduce if week.phase == "introduce" else form.plan.extend
    cue = f"**{form.label('cue')}:** {item.cue}"
    check = form.plan.check_first if week.check_first else ""
    return heading, " ".join(p for p in (check, text, cue, keep_line) if p)


def form_pdf(
    content: Content,
    summary: FormSummary,
    cadence: CadenceResult | None = None,
    made: dt.date | None = None,
) -> bytes:
    """The printable plan: top changes with cue, drills and cautions, the four weeks, answers.

    Parameters
    ----------
    content:
        All content (site header, form texts, exercise names).
    summary:
        The checklist result from :func:`kneecore.form.summarise_form`.
    cadence:
        The calculator's result, if the runner used it.
    made:
        The date in the footer (default today).

    Returns
    -------
    bytes
        A PDF file.
    """
    form = content.form
    doc = Document(content.site, form.label("pdf_title"), made=made)
    doc.paragraph(form.label("pdf_note"), size=9)
    doc.heading(form.label("summary"))
    avoided = avoided_ids(content, summary.condition)  # drills this condition leaves out for now (H4)
    avoid_note = (
        form.label("drill_avoided").format(condition=content.checker.short_names()[summary.condition])
        if summary.condition
        else ""
    )
    if not summary.focus:
        doc.paragraph(form.plan.nothing_to_change if summary.answered else form.label("summary_empty"))
    for ranked in summary.focus:
        item = ranked.item
        doc.paragraph(f"**{ranked.rank}. {item.title}**", size=11)
        drills = ", ".join(
            f"{drill_name(content, d)} ({avoid_note})" if d in avoided else drill_name(content, d)
            for d in item.drills
        )
        lines = [
            f"**{form.label('cue')}:** {item.cue}",
            f"**{form.label('evidence')}:** {form.ui.evidence_labels[item.evidence]}",
            f"**{form.label('do_not')}:** {item.do_not}",
        ]
        if drills:
            lines.insert(1, f"**{form.label('drills')}:** {drills}")
        doc.bullets(lines, size=9.5)
    if summary.plan:
        doc.heading(form.plan.title)
        doc.paragraph(form.plan.intro, size=9.5)
        for week in summary.plan:
            heading, body = describe_week(form, week)
            doc.paragraph(f"**{heading}**", size=10)
            doc.paragraph(body, size=9.5)
    if cadence is not None:
        doc.heading(form.cadence.title)
        rate = form.label("per_minute")
        doc.paragraph(f"**{form.label('current')}:** {cadence.step_rate:.0f} {rate}", size=10)
        rows = [
            [f"+{t.percent:g}%", f"{t.step_rate:.0f} {rate}", f"{t.step_length_m * 100:.0f} cm"]
            for t in cadence.targets
        ]
        doc.table([form.label("target"), form.label("target_rate"), form.label("target_length")], rows)
        doc.paragraph(form.cadence.not_180, size=9)
    doc.heading(form.label("pdf_answers"))
    labels = form.ui.answer_labels
    answers = [
        [item.title, getattr(labels, ranked.answer) if ranked.answer else form.label("skipped")]
        for ranked in summary.ranked
        for item in (ranked.item,)
    ]
    doc.table([form.label("checklist"), form.label("answer")], answers, widths=[120, 60])
    sources = {ref.citation for r in summary.focus for ref in r.item.references}
    if sources:
        doc.heading(form.label("sources"))
        doc.bullets(sorted(sources), size=8)
    return doc.to_bytes()
