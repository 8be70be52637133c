"""``words:`` in ramp.yaml validates, covers every kind of day, and each breakage is named exactly."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kneecore.content import validate
from kneecore.content.ramp_words import LOG_TABLE, PDF_DAY_TABLE, PDF_WEEK_TABLE, WEEK_TABLE, Columns, Kinds
from kneecore.ramp.plan import KINDS

Edit = Callable[[str, str, str], Path]


def test_every_kind_of_day_has_a_word(content) -> None:
    """The kinds table has exactly the plan's kinds of day, each with a word."""
    assert tuple(Kinds.model_fields) == KINDS
    assert all(getattr(content.ramp.words.kinds, kind) for kind in KINDS)


def test_every_table_column_has_a_name() -> None:
    """Each table's columns are fields of Columns, and every field is used by some table."""
    used = {*WEEK_TABLE, *PDF_WEEK_TABLE, *PDF_DAY_TABLE, *LOG_TABLE}
    assert used == set(Columns.model_fields)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'session_run: "{kind}: {minutes} min easy"',
            'session_run: "{kind}: {mins} min easy"',
            "content/ramp.yaml: words.session_run: unknown placeholder {mins} (known: {kind}, {minutes})",
        ),
        (
            'ics_pain_limit: "Pain limit during: {pain}/10."',
            'ics_pain_limit: "Pain limit during: {pain/10."',
            "content/ramp.yaml: words.ics_pain_limit: has an unbalanced { or } "
            "(expected '}' before end of string)",
        ),
        (
            'distance: "~{units}"',
            'distance: "~{unit}"',
            "content/ramp.yaml: words.columns.distance: unknown placeholder {unit} (known: {units})",
        ),
        (
            'longest: "Longest"',
            'longest: "Runs"',
            "content/ramp.yaml: words.columns: runs and longest are both 'Runs'; "
            "the week table needs distinct names",
        ),
        (
            'limp: "Limp"',
            'limp: "Done"',
            "content/ramp.yaml: words.columns: done and limp are both 'Done'; "
            "the log table needs distinct names",
        ),
        (
            '    walk_run: "Walk-run"\n',
            "",
            "content/ramp.yaml: words.kinds.walk_run: is required but missing",
        ),
        (
            '    rest: "Rest"\n',
            '    rest: "Rest"\n    jog: "Jog"\n',
            "content/ramp.yaml: words.kinds.jog: is not a known key (check the spelling)",
        ),
        (
            'easier_yes: "yes"',
            "easier_yes: yes",
            "content/ramp.yaml: words.easier_yes: must be text "
            "(put it in quotes if it looks like a number, date or yes/no), got True",
        ),
        (
            'pdf_days_heading: "Every day"',
            'pdf_days_heading: "<b>Every day</b>"',
            "content/ramp.yaml: words.pdf_days_heading: must be Markdown without HTML tags",
        ),
        (
            '"Sat", "Sun"]',
            '"Sat"]',
            "content/ramp.yaml: words.dates: weekdays needs exactly 7 names, got 6",
        ),
        (
            '"Nov", "Dec"]',
            '"Nov", "Dec", "Dec"]',
            "content/ramp.yaml: words.dates: months needs exactly 12 names, got 13",
        ),
        (
            'day: "{weekday} {day} {month}"',
            'day: "{weekday} {date}"',
            "content/ramp.yaml: words.dates.day: unknown placeholder {date} "
            "(known: {weekday}, {day}, {month}, {year})",
        ),
        (
            'short_block: "{repeats} x ({run} run / {walk} walk)"',
            'short_block: "{repeats} x ({minutes} run)"',
            "content/ramp.yaml: words.short_block: unknown placeholder {minutes} "
            "(known: {repeats}, {run}, {walk})",
        ),
    ],
    ids=[
        "unknown-placeholder",
        "unbalanced-brace",
        "column-placeholder",
        "duplicate-week-column",
        "duplicate-log-column",
        "missing-kind",
        "unknown-kind",
        "yes-not-quoted",
        "html",
        "six-weekdays",
        "thirteen-months",
        "date-placeholder",
        "short-block-placeholder",
    ],
)
def test_broken_words_name_the_problem(edit_yaml: Edit, old: str, new: str, message: str) -> None:
    """A broken words: block fails with a message naming file, key and what was expected."""
    problems = validate(edit_yaml("ramp.yaml", old, new))
    assert message in problems, problems
