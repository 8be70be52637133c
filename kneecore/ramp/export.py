"""Downloads of a plan: CSV (one row a day), .ics (one event a session), PDF, and the
shareable card as a Vega-Lite spec and a PNG (vl-convert, no network).

Every word a reader sees comes from ``content/ramp.yaml`` (``words:`` and ``page:``), dates
included (:func:`kneecore.ramp.labels.format_date`); only the CSV's column names are fixed
English, as a data format.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import textwrap
from typing import TYPE_CHECKING, Any

from kneecore.content.ramp_words import RampWords
from kneecore.content.site import Site
from kneecore.ramp.labels import format_date, session_label, short_label
from kneecore.ramp.plan import RampPlan, Week
from kneecore.vega import SCHEMA, VL_VERSION

if TYPE_CHECKING:
    from kneecore.content.ramp import RampContent

__all__ = [
    "PLAN_COLUMNS",
    "card_png",
    "card_spec",
    "current_week",
    "format_date",
    "plan_to_csv",
    "plan_to_ics",
    "plan_to_pdf",
    "session_label",
    "short_label",
]

# The CSV's column names are a data format (spreadsheets and scripts read them by name):
# they stay fixed English and are not translated with the content.
PLAN_COLUMNS = (
    "week",
    "date",
    "kind",
    "run_minutes",
    "walk_minutes",
    "intervals",
    "total_minutes",
    "max_pain",
    "stage",
    "note",
)
CARD_WIDTH = 350
"""Inner width of the card in CSS pixels (fits a 390 px phone with padding)."""


def current_week(plan: RampPlan, today: dt.date) -> Week:
    """The week holding ``today``, else the first week (or the last, after the plan)."""
    week = plan.week_of(today)
    if week is not None:
        return week
    return plan.weeks[-1] if today > plan.end_date else plan.weeks[0]


def plan_to_csv(plan: RampPlan) -> str:
    """Every day of the plan as one CSV row, with a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(PLAN_COLUMNS)
    for week in plan.weeks:
        for s in week.sessions:
            writer.writerow(
                [
                    week.week,
                    s.date.isoformat(),
                    s.kind,
                    s.run_minutes,
                    s.walk_minutes,
                    s.intervals,
                    s.total_minutes,
                    s.max_pain,
                    s.stage,
                    s.note,
                ]
            )
    return out.getvalue()


def plan_to_ics(plan: RampPlan, app_name: str, words: RampWords) -> bytes:
    """A calendar file with one all-day event for each day's session.

    Parameters
    ----------
    plan:
        The plan.
    app_name:
        Shown in each event's description and the calendar's name.
    words:
        ``ramp.yaml`` words: session labels, the calendar's name, the pain-limit line.

    Returns
    -------
    bytes
        iCalendar (RFC 5545) data.
    """
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", f"-//{app_name}//return-to-running plan//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", words.ics_calendar.format(app=app_name))
    stamp = dt.datetime.combine(plan.inputs.start_date, dt.time(0, 0), tzinfo=dt.UTC)
    for s in plan.sessions:
        event = Event()
        event.add("uid", f"{s.date.isoformat()}-{s.kind}@ramp.knee-compass")
        event.add("dtstamp", stamp)
        event.add("dtstart", s.date)
        event.add("dtend", s.date + dt.timedelta(days=1))
        event.add("summary", session_label(s, words))
        limit = words.ics_pain_limit.format(pain=s.max_pain)
        event.add("description", f"{s.note}\n{limit}\n{app_name}")
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return bytes(cal.to_ical())


def plan_to_pdf(plan: RampPlan, site: Site, ramp: RampContent, made: dt.date | None = None) -> bytes:
    """The plan as a printable PDF: summary, pain rules, warnings, then each week's days.

    Parameters
    ----------
    plan:
        The plan.
    site:
        App name, clinic and disclaimer (header and footer).
    ramp:
        ``ramp.yaml``: the title and headings (``page``) and every other word (``words``).
    made:
        The date in the footer (default :func:`kneecore.sharing.today`).

    Returns
    -------
    bytes
        The PDF file.
    """
    from kneecore.pdf import Document

    page, words = ramp.page, ramp.words
    cols = words.columns
    doc = Document(site, page["card_heading"], made)
    goal = plan.inputs.goal_weekly_minutes
    doc.paragraph(words.pdf_start.format(stage=plan.start_stage_title, reason=plan.start_stage_reason))
    doc.paragraph(words.pdf_goal.format(goal=f"{goal:g}", next_step=plan.next_step))
    if plan.warnings:
        doc.heading(page["warnings_heading"])
        doc.bullets(list(plan.warnings))
    doc.heading(page["gates_heading"])
    doc.bullets(list(plan.gates))
    doc.heading(page["weeks_heading"])
    doc.table(
        [cols.week, cols.dates, cols.runs, cols.run_min, cols.easier],
        [
            [
                str(w.week),
                f"{format_date(w.sessions[0].date, words, 'short')} - "
                f"{format_date(w.sessions[-1].date, words, 'long')}",
                str(w.runs),
                str(w.total_run_minutes),
                words.easier_yes if w.easier else "",
            ]
            for w in plan.weeks
        ],
        widths=[14, 60, 18, 30, 20],
    )
    doc.heading(words.pdf_days_heading)
    rows = [
        [format_date(s.date, words), session_label(s, words), str(s.run_minutes), str(s.total_minutes)]
        for s in plan.sessions
    ]
    doc.table([cols.date, cols.session, cols.run_min, cols.total_min], rows, widths=[30, 110, 20, 22], size=8)
    doc.paragraph(plan.acwr_note, size=8)
    return doc.to_bytes()


def _lines(items: list[str], width: int = 54) -> list[str]:
    out: list[str] = []
    for item in items:
        out.extend(textwrap.wrap(item, width) or [""])
    return out


def _text_block(
    lines: list[str], size: int = 12, color: str = "#1f2933", weight: str = "normal"
) -> dict[str, Any]:
    height = max(1, len(lines)) * round(size * 1.45)
    return {
        "width": CARD_WIDTH,
        "height": height,
        "data": {"values": [{"i": i, "t": t} for i, t in enumerate(lines)]},
        "mark": {
            "type": "text",
            "align": "left",
            "baseline": "top",
            "fontSize": size,
            "fontWeight": weight,
            "color": color,
        },
        "encoding": {
            "x": {"value": 0},
            "y": {"field": "i", "type": "ordinal", "axis": None, "scale": {"paddingOuter": 0}},
            "text": {"field": "t"},
        },
    }


def card_spec(
    plan: RampPlan, site: Site, made: dt.date, texts: dict[str, str], words: RampWords
) -> dict[str, Any]:
    """A Vega-Lite spec of the shareable plan card (phone width, no external fonts).

    Parameters
    ----------
    plan:
        The plan.
    site:
        App name, disclaimer and colours.
    made:
        The date printed on the card (also picks "this week").
    texts:
        Page texts: ``card_heading``, ``this_week``, ``gates_heading``, ``card_*``.
    words:
        ``ramp.yaml`` words: session labels, week counts, axis titles.

    Returns
    -------
    dict
        A Vega-Lite v5 specification.
    """
    theme = site.theme
    week = current_week(plan, made)
    goal = plan.inputs.goal_weekly_minutes
    summary = [
        f"{texts['card_start']}: {plan.start_stage_title}",
        words.card_weeks_to_goal.format(weeks=len(plan.weeks), goal=f"{goal:g}")
        if plan.goal_reached
        else words.card_weeks.format(weeks=len(plan.weeks)),
    ]
    days = [
        f"{format_date(s.date, words)}  {session_label(s, words)}"
        for s in week.sessions
        if s.kind not in ("rest", "cross_train")
    ]
    bars = {
        "width": CARD_WIDTH,
        "height": 110,
        "data": {"values": [{"week": w.week, "minutes": w.total_run_minutes} for w in plan.weeks]},
        "mark": {"type": "bar", "color": theme.primary_color, "cornerRadiusEnd": 2},
        "encoding": {
            "x": {
                "field": "week",
                "type": "ordinal",
                "title": words.chart_week,
                "axis": {"labelAngle": 0, "labelOverlap": True},
            },
            "y": {"field": "minutes", "type": "quantitative", "title": words.chart_minutes},
        },
    }
    footer = f"{texts['card_made']} {made.isoformat()} - {site.app.disclaimer.replace('**', '')}"
    return {
        "$schema": SCHEMA,
        "background": theme.background_color,
        "padding": 16,
        "config": {"view": {"stroke": None}, "font": "sans-serif", "axis": {"labelFontSize": 10}},
        "spacing": 8,
        "vconcat": [
            _text_block([site.app.name], 18, theme.primary_color, "bold"),
            _text_block([texts["card_heading"]], 14, weight="bold"),
            _text_block(_lines(summary), 12),
            bars,
            _text_block([f"{texts['this_week']} ({texts['card_week']} {week.week})"], 13, weight="bold"),
            _text_block(_lines(days or [texts["card_rest"]]), 11),
            _text_block([texts["gates_heading"]], 13, weight="bold"),
            _text_block(_lines([g for i, g in enumerate(plan.gates) if i in (0, 1, 3)]), 10),
            _text_block(_lines([footer], 64), 9, "#52606d"),
        ],
    }


def card_png(spec: dict[str, Any], scale: float = 2.0) -> bytes:
    """Render a Vega-Lite spec (such as :func:`card_spec`) to PNG bytes, offline."""
    import vl_convert

    return bytes(vl_convert.vegalite_to_png(spec, vl_version=VL_VERSION, scale=scale))
