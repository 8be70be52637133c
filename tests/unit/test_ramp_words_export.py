"""The plan's PDF, calendar file and card take their words from ramp.yaml: reworded content shows."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from kneecore import load_content
from kneecore.ramp import build_plan, parse_inputs
from kneecore.ramp.export import PLAN_COLUMNS, card_spec, plan_to_csv, plan_to_ics, plan_to_pdf, session_label

RAW = {
    "weeks_off": 3,
    "pain_now": 2,
    "pain_free_run_minutes": 10,
    "pre_injury_weekly_minutes": 90,
    "runs_per_week": 3,
    "start_date": "2026-12-01",
}
INPUTS = parse_inputs(RAW)
GERMAN = [
    ('walk_run: "Walk-run"\n    run: "Run"\n  columns:', 'walk_run: "Geh-Lauf"\n    run: "Run"\n  columns:'),
    ('    rest: "Rest"\n    cross_train', '    rest: "Ruhe"\n    cross_train'),
    ('session_run: "{kind}: {minutes} min easy"', 'session_run: "{kind}: {minutes} Min. locker"'),
    ('    date: "Date"', '    date: "Datum"'),
    ('    session: "Session"', '    session: "Einheit"'),
    ('    total_min: "Total min"', '    total_min: "Gesamt Min."'),
    ('    dates: "Dates"', '    dates: "Zeitraum"'),
    ('easier_yes: "yes"', 'easier_yes: "ja"'),
    ('pdf_days_heading: "Every day"', 'pdf_days_heading: "Jeder Tag"'),
    ('pdf_start: "**Start:** {stage}. {reason}"', 'pdf_start: "**Beginn:** {stage}. {reason}"'),
    ('pdf_goal: "**Goal:** {goal} minutes', 'pdf_goal: "**Ziel:** {goal} Minuten'),
    ('ics_calendar: "{app}: return to running"', 'ics_calendar: "{app}: zurueck zum Laufen"'),
    ('ics_pain_limit: "Pain limit during: {pain}/10."', 'ics_pain_limit: "Schmerzgrenze: {pain}/10."'),
    (
        'card_weeks_to_goal: "{weeks} weeks to {goal} min a week"',
        'card_weeks_to_goal: "{weeks} Wochen bis {goal}"',
    ),
    ('chart_week: "week"', 'chart_week: "Woche"'),
    ('chart_minutes: "run minutes"', 'chart_minutes: "Laufminuten"'),
    ('  footer: "Made {date} - page {page}/{pages}"', '  footer: "Erstellt {date}, Seite {page}/{pages}"'),
]


@pytest.fixture
def german(edit_yaml):
    """Content whose plan words are reworded in German."""
    folder = None
    for old, new in GERMAN:
        folder = edit_yaml("site.yaml" if "footer" in old else "ramp.yaml", old, new)
    return load_content(folder)


@pytest.fixture
def plan(german):
    """A plan built with the reworded rules."""
    return build_plan(INPUTS, rules=german.ramp)


def test_session_labels_use_the_kind_words(german, plan) -> None:
    """Walk-run and rest days are labelled with the words from ramp.yaml."""
    words = german.ramp.words
    walk_run = next(s for s in plan.sessions if s.kind == "walk_run")
    rest = next(s for s in plan.sessions if s.kind == "rest")
    assert session_label(walk_run, words) == f"Geh-Lauf: {walk_run.intervals}"
    assert session_label(rest, words) == "Ruhe"


def test_pdf_uses_reworded_headings_columns_and_footer(german, plan) -> None:
    """The PDF's start, goal, headings, table headers, yes mark and footer are the reworded ones."""
    data = plan_to_pdf(plan, german.site, german.ramp, dt.date(2026, 12, 1))
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    for words in ("Beginn:", "Ziel:", "Jeder Tag", "Datum", "Einheit", "Gesamt Min.", "Zeitraum", "Geh-Lauf"):
        assert words in text, words
    assert "Erstellt 2026-12-01, Seite 1/" in text
    assert german.ramp.page["weeks_heading"] in text
    for english in ("Every day", "Total min", "Start:", "Goal:", "Made "):
        assert english not in text, english


def test_ics_uses_reworded_name_summary_and_pain_limit(german, plan) -> None:
    """The calendar's name, event summaries and pain-limit line are the reworded ones."""
    cal = Calendar.from_ical(plan_to_ics(plan, german.site.app.name, german.ramp.words))
    assert str(cal["x-wr-calname"]) == f"{german.site.app.name}: zurueck zum Laufen"
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    first_run = next(i for i, s in enumerate(plan.sessions) if s.kind == "walk_run")
    assert str(events[first_run]["summary"]).startswith("Geh-Lauf: ")
    assert f"Schmerzgrenze: {plan.sessions[first_run].max_pain}/10." in str(events[first_run]["description"])


def test_card_uses_reworded_weeks_and_axis_titles(german, plan) -> None:
    """The PNG card's week count, day labels and axis titles are the reworded ones."""
    spec = card_spec(plan, german.site, dt.date(2026, 12, 3), dict(german.ramp.page), german.ramp.words)
    texts = [v["t"] for b in spec["vconcat"] if "data" in b for v in b["data"]["values"] if "t" in v]
    assert f"{len(plan.weeks)} Wochen bis {plan.inputs.goal_weekly_minutes:g}" in texts
    assert any("Geh-Lauf" in t for t in texts)
    bars = next(b for b in spec["vconcat"] if b.get("mark", {}).get("type") == "bar")
    assert (bars["encoding"]["x"]["title"], bars["encoding"]["y"]["title"]) == ("Woche", "Laufminuten")


def test_csv_columns_stay_fixed_english(german, plan) -> None:
    """Rewording the content leaves the CSV's column names (a data format) unchanged."""
    header = next(csv.reader(io.StringIO(plan_to_csv(plan))))
    assert tuple(header) == PLAN_COLUMNS
    assert "date" in header


PLAN_TEXTS = [
    (
        'interval_block: "{repeats} x ({run} min run / {walk} min walk)"',
        'interval_block: "{repeats}x {run}/{walk}"',
    ),
    ('interval_extra: "{run} min run"', 'interval_extra: "+{run} Lauf"'),
    ('run_session: "{minutes} min easy run"', 'run_session: "{minutes} Min. Dauerlauf"'),
    ('skipped: "Skipped (from your log)."', 'skipped: "Ausgelassen (laut Protokoll)."'),
    ('capped: "Started no later than {stage}: {why}."', 'capped: "Begrenzt auf {stage} ({why})."'),
]


@pytest.fixture
def plan_words(edit_yaml):
    """Content whose plan-builder texts (intervals, runs, skipped days, caps) are reworded."""
    folder = None
    for old, new in PLAN_TEXTS:
        folder = edit_yaml("ramp.yaml", old, new)
    return load_content(folder).ramp


def test_plan_builder_words_come_from_content(plan_words) -> None:
    """Walk-run patterns, run sessions, skipped days and start caps use the reworded texts."""
    from kneecore.ramp import LogEntry

    capped = parse_inputs({**RAW, "weeks_off": 5, "pain_free_run_minutes": 10})
    plan = build_plan(capped, rules=plan_words)
    walk_run = next(s for s in plan.sessions if s.kind == "walk_run")
    stage = plan_words.stages[plan_words.stage_index(walk_run.stage)]
    assert walk_run.intervals.startswith(f"{stage.repeats}x {stage.run_interval}/{stage.walk_interval}")
    assert "Begrenzt auf" in plan.start_stage_reason
    runs = [s for s in plan.sessions if s.kind == "run"]
    assert runs
    assert all(s.intervals == f"{s.run_minutes} Min. Dauerlauf" for s in runs)
    skipped = build_plan(capped, [LogEntry(walk_run.date, done=False)], rules=plan_words)
    day = next(s for s in skipped.sessions if s.date == walk_run.date)
    assert day.note == "Ausgelassen (laut Protokoll)."
