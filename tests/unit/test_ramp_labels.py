"""Dates and short labels of the plan come from ramp.yaml words, built from structured data."""

from __future__ import annotations

import datetime as dt
import io
import locale
from collections.abc import Iterator

import pytest
from pypdf import PdfReader

from kneecore import load_content
from kneecore.ramp import Session, build_plan, parse_inputs
from kneecore.ramp.export import card_spec, plan_to_pdf
from kneecore.ramp.labels import format_date, short_label, short_pattern
from tests.unit.test_ramp_words_export import RAW

STRFTIME = {"day": "%a %d %b", "short": "%d %b", "long": "%d %b %Y", "day_long": "%a %d %b %Y"}
GERMAN_DAYS = '["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]'
GERMAN_MONTHS = '["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"]'


@pytest.fixture
def c_locale() -> Iterator[None]:
    """The C locale for LC_TIME during one test (strftime's English names)."""
    old = locale.setlocale(locale.LC_TIME)
    locale.setlocale(locale.LC_TIME, "C")
    yield
    locale.setlocale(locale.LC_TIME, old)


@pytest.mark.parametrize("style", list(STRFTIME))
def test_shipped_dates_match_strftime_for_every_day_of_a_year(content, c_locale, style) -> None:
    """Every day of a leap year renders exactly as strftime does in the C locale, in each layout."""
    words = content.ramp.words
    day = dt.date(2028, 1, 1)
    while day.year == 2028:
        assert format_date(day, words, style) == day.strftime(STRFTIME[style])
        day += dt.timedelta(days=1)


def walk_run(run: int, every: int, walk: int) -> Session:
    """A walk-run day with the given pattern (its English interval text left empty)."""
    return Session(dt.date(2026, 12, 1), "walk_run", run, 0, "", run, run_interval=every, walk_interval=walk)


@pytest.mark.parametrize(
    ("run", "every", "walk", "label"),
    [
        (8, 1, 2, "Walk-run 8 x (1 run / 2 walk)"),
        (26, 8, 1, "Walk-run 3 x (8 run / 1 walk) + 2 run"),
        (3, 4, 1, "Walk-run 3 run"),
        (16, 4, 1, "Walk-run 4 x (4 run / 1 walk)"),
    ],
)
def test_short_label_is_built_from_the_pattern(content, run, every, walk, label) -> None:
    """The short walk-run label comes from the minutes and pattern, not from the interval text."""
    assert short_label(walk_run(run, every, walk), content.ramp.words) == label


def test_short_pattern_without_a_pattern_keeps_the_interval_text(content) -> None:
    """A walk-run day that carries no pattern shows its own interval text unchanged."""
    session = Session(dt.date(2026, 12, 1), "walk_run", 5, 2, "5 min run", 7)
    assert short_pattern(session, content.ramp.words) == "5 min run"


def test_rewording_the_interval_text_keeps_the_short_label(edit_yaml, content) -> None:
    """Rewording interval_block (which the old code cut " min run" out of) leaves the card's label intact."""
    folder = edit_yaml(
        "ramp.yaml",
        'interval_block: "{repeats} x ({run} min run / {walk} min walk)"',
        'interval_block: "{repeats} times: run {run} minutes, walk {walk} minutes"',
    )
    reworded = build_plan(parse_inputs(RAW), rules=load_content(folder).ramp)
    shipped = build_plan(parse_inputs(RAW), rules=content.ramp)
    days = [s for s in reworded.sessions if s.kind == "walk_run"]
    assert days
    assert "times: run" in days[0].intervals
    assert [short_label(s, content.ramp.words) for s in reworded.sessions] == [
        short_label(s, content.ramp.words) for s in shipped.sessions
    ]


@pytest.fixture
def german(edit_yaml):
    """Content whose date names, layouts and short pattern are German."""
    edit_yaml("ramp.yaml", '["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]', GERMAN_DAYS)
    edit_yaml(
        "ramp.yaml",
        '"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]',
        GERMAN_MONTHS[1:],
    )
    edit_yaml("ramp.yaml", 'day: "{weekday} {day} {month}"', 'day: "{weekday}, {day}. {month}"')
    edit_yaml("ramp.yaml", 'long: "{day} {month} {year}"', 'long: "{day}. {month} {year}"')
    folder = edit_yaml(
        "ramp.yaml",
        'short_block: "{repeats} x ({run} run / {walk} walk)"',
        'short_block: "{repeats}x {run} Lauf/{walk} Geh"',
    )
    return load_content(folder)


def test_reworded_dates_and_pattern_show_on_the_card(german) -> None:
    """The card's day lines use the German weekday names, layout and short pattern."""
    plan = build_plan(parse_inputs(RAW), rules=german.ramp)
    spec = card_spec(plan, german.site, dt.date(2026, 12, 1), dict(german.ramp.page), german.ramp.words)
    texts = [v["t"] for b in spec["vconcat"] if "data" in b for v in b["data"]["values"] if "t" in v]
    assert any(t.startswith("Di, 01. Dez  ") for t in texts), texts
    assert not any(t.startswith("Tue ") for t in texts)
    session = next(s for s in plan.sessions if s.kind == "walk_run")
    assert short_label(session, german.ramp.words).startswith(
        f"Walk-run {session.run_minutes // session.run_interval}x "
    )


def test_reworded_dates_show_in_the_pdf(german) -> None:
    """The PDF's week dates and day rows use the German names and layouts."""
    plan = build_plan(parse_inputs(RAW), rules=german.ramp)
    data = plan_to_pdf(plan, german.site, german.ramp, dt.date(2026, 12, 1))
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "Di, 01. Dez" in text
    assert "01 Dez - 07. Dez 2026" in text
    assert "Tue 01 Dec" not in text
