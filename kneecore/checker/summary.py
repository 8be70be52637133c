"""Summaries to keep: Markdown and PDF for the runner, a one-page visit summary for clinicians.

Each holds the answers, the result, the date, the disclaimer and the clinic's details
from ``site.yaml``. Nothing is stored: the bytes go straight to the download button.
"""

from __future__ import annotations

import datetime as dt

from kneecore.checker.answers import Answers
from kneecore.checker.clinical import describe_answers, ottawa_panel
from kneecore.checker.engine import rank
from kneecore.checker.result import CheckerResult
from kneecore.content.checker import CheckerContent
from kneecore.content.site import Site
from kneecore.pdf import Document

__all__ = ["conditions_intro", "summary_markdown", "summary_pdf", "visit_pdf"]


def conditions_intro(content: CheckerContent, result: CheckerResult) -> tuple[str, str]:
    """The heading and note that introduce the condition list.

    With a red flag the conditions come second: they are "other things your answers
    fit", and the note says the warning sign matters most.

    Parameters
    ----------
    content:
        The checker content (page texts).
    result:
        What :func:`kneecore.checker.assess` returned.

    Returns
    -------
    tuple[str, str]
        The heading and the note.
    """
    page = content.results.page
    if result.red_flags:
        return page["conditions_heading_flagged"], page["conditions_note_flagged"]
    return page["conditions_heading"], page["conditions_note"]


def _md_escape(text: str) -> str:
    return text.replace("$", "\\$") if "\\$" not in text else text


def summary_markdown(
    site: Site, content: CheckerContent, answers: Answers, result: CheckerResult, made: dt.date
) -> str:
    """The runner's summary as Markdown.

    Parameters
    ----------
    site:
        App name, disclaimer and clinic details.
    content:
        The checker content (wording).
    answers:
        The answers the result came from.
    result:
        What :func:`kneecore.checker.assess` returned.
    made:
        The date printed on the summary.

    Returns
    -------
    str
        A Markdown document.
    """
    page = content.results.page
    level = content.results.triage[result.triage]
    lines = [
        f"# {site.app.name}: {page['summary_title']}",
        "",
        site.pdf.dated.format(date=made.isoformat()),
        "",
    ]
    lines += [
        f"## {level.title}",
        "",
        f"{level.action} ({level.time_frame})",
        "",
        f"_{result.triage_reason}_",
        "",
    ]
    if result.red_flags:
        lines += [f"## {page['flags_heading']}", ""]
        lines += [f"- **{f.title}**: {f.message}" for f in result.red_flags] + [""]
    lines += [
        f"## {page['running_heading']}",
        "",
        f"**{result.keep_running.title}.** {result.keep_running.reason}",
        "",
    ]
    lines += [f"- {rule}" for rule in result.keep_running.pain_rules] + [""]
    heading, note = conditions_intro(content, result)
    lines += [f"## {heading}", ""]
    if result.conditions:
        lines += [f"_{note}_", ""]
    else:
        lines += [page["no_conditions"], ""]
    for cond in result.conditions:
        lines += [f"### {cond.name} ({cond.score:.0%})", ""]
        if cond.reasons_for:
            lines.append(f"{page['reasons_for']}: " + "; ".join(cond.reasons_for) + ".")
        if cond.reasons_against:
            lines.append(f"{page['reasons_against']}: " + "; ".join(cond.reasons_against) + ".")
        lines.append("")
    lines += [f"## {page['safety_heading']}", ""] + [f"- {s}" for s in result.safety_net] + [""]
    lines += [
        f"## {page['answers_heading']}",
        "",
        f"| {page['answers_question']} | {page['answers_answer']} |",
    ]
    lines += ["|---|---|"]
    rows = describe_answers(content, answers)
    lines += [f"| {q} | {a} |" for q, a in rows] or ["| - | - |"]
    clinic = site.clinic
    lines += ["", "---", "", f"**{clinic.name}**, {clinic.city}. {clinic.phone}. {clinic.booking_url}", ""]
    lines += [result.disclaimer, "", site.app.disclaimer.strip(), ""]
    return "\n".join(_md_escape(line) for line in lines)


def summary_pdf(
    site: Site, content: CheckerContent, answers: Answers, result: CheckerResult, made: dt.date
) -> bytes:
    """The runner's summary as a PDF (same content as :func:`summary_markdown`).

    Parameters
    ----------
    site, content, answers, result, made:
        As for :func:`summary_markdown`.

    Returns
    -------
    bytes
        The PDF file.
    """
    page = content.results.page
    level = content.results.triage[result.triage]
    doc = Document(site, page["summary_title"], made)
    doc.heading(level.title)
    doc.paragraph(f"{level.action} ({level.time_frame})", bold=True)
    doc.paragraph(result.triage_reason, size=9)
    if result.red_flags:
        doc.heading(page["flags_heading"])
        doc.bullets([f"**{f.title}**: {f.message}" for f in result.red_flags])
    doc.heading(page["running_heading"])
    doc.paragraph(f"**{result.keep_running.title}.** {result.keep_running.reason}")
    doc.bullets(list(result.keep_running.pain_rules))
    heading, note = conditions_intro(content, result)
    doc.heading(heading)
    if result.conditions:
        doc.paragraph(note, size=9)
    else:
        doc.paragraph(page["no_conditions"])
    for cond in result.conditions:
        doc.paragraph(f"**{cond.name}** ({cond.score:.0%})")
        notes = []
        if cond.reasons_for:
            notes.append(f"{page['reasons_for']}: " + "; ".join(cond.reasons_for))
        if cond.reasons_against:
            notes.append(f"{page['reasons_against']}: " + "; ".join(cond.reasons_against))
        if notes:
            doc.bullets(notes, size=9)
    doc.heading(page["safety_heading"])
    doc.bullets(list(result.safety_net))
    doc.heading(page["answers_heading"])
    rows = [[q, a] for q, a in describe_answers(content, answers)]
    if rows:
        doc.table([page["answers_question"], page["answers_answer"]], rows, widths=[110, 70])
    doc.paragraph(result.disclaimer, size=8)
    return doc.to_bytes()


def visit_pdf(
    site: Site, content: CheckerContent, answers: Answers, result: CheckerResult, made: dt.date
) -> bytes:
    """A one-page visit summary in clinical terms: findings, Ottawa rules, triage and every score.

    Parameters
    ----------
    site, content, answers, result, made:
        As for :func:`summary_markdown`.

    Returns
    -------
    bytes
        The PDF file.
    """
    page = content.results.page
    doc = Document(site, page["clinician_heading"], made)
    level = content.results.triage[result.triage]
    doc.paragraph(
        f"**{level.title}** ({level.time_frame}). {page['triage_rule']}: {result.triage_rule}", size=9
    )
    for flag in result.red_flags:
        doc.paragraph(f"- {flag.clinical} ({content.results.triage[flag.triage].title})", size=8)
    findings = "; ".join(f"{q}: {a}" for q, a in describe_answers(content, answers, clinical=True))
    doc.paragraph(findings or "-", size=8)
    panel = ottawa_panel(content, answers)
    scope = page["ottawa_scope_in"] if panel.in_scope else page["ottawa_scope_out"]
    verdict = page["ottawa_positive"] if panel.positive else page["ottawa_negative"]
    marks = ", ".join(
        f"{name.split(': ', 1)[-1]} {'+' if met else ('?' if met is None else '-')}"
        for name, met in panel.criteria
    )
    doc.paragraph(f"**{page['ottawa_heading']}.** {scope} {verdict} {marks}", size=8)
    rows = [
        [cond.clinical_name, f"{cond.score:.2f}", "; ".join(cond.reasons[:4])]
        for cond in rank(content, answers)
    ]
    header = [page["scores_condition"], page["scores_score"], page["scores_reasons"]]
    doc.table(header, rows, widths=[55, 15, 110], size=7)
    return doc.to_bytes()
