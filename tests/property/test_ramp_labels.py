"""Over the whole input space, the card's labels and dates with the shipped words read as before."""

from __future__ import annotations

import datetime as dt
import locale
from typing import Any

from hypothesis import given

from kneecore.content import load_content
from kneecore.ramp import build_plan, parse_inputs
from kneecore.ramp.export import _lines, card_spec, current_week, session_label
from kneecore.ramp.labels import short_label
from tests.property.test_ramp import inputs

CONTENT = load_content("content")
WORDS = CONTENT.ramp.words


def legacy_short(kind: str, intervals: str, minutes: int) -> str:
    """The short label as the old code made it, by cutting words out of the English interval text."""
    word = getattr(WORDS.kinds, kind)
    if kind == "walk_run":
        return f"{word} " + intervals.replace(" min run", " run").replace(" min walk", " walk")
    return f"{word} {minutes} min"


@given(inputs())
def test_short_labels_read_as_the_old_string_surgery(data: dict[str, Any]) -> None:
    """Every walk-run and run day's short label equals the old label made from the English text."""
    plan = build_plan(parse_inputs(data), rules=CONTENT.ramp)
    for s in plan.sessions:
        if s.kind in ("walk_run", "run"):
            assert short_label(s, WORDS) == legacy_short(s.kind, s.intervals, s.run_minutes)


@given(inputs())
def test_card_day_lines_read_as_strftime(data: dict[str, Any]) -> None:
    """The card's day lines equal the old lines made with strftime in the C locale."""
    plan = build_plan(parse_inputs(data), rules=CONTENT.ramp)
    made = plan.inputs.start_date + dt.timedelta(days=3)
    spec = card_spec(plan, CONTENT.site, made, dict(CONTENT.ramp.page), WORDS)
    lines = [v["t"] for v in spec["vconcat"][5]["data"]["values"]]
    week = current_week(plan, made)
    old = locale.setlocale(locale.LC_TIME)
    locale.setlocale(locale.LC_TIME, "C")
    try:
        days = [
            f"{s.date.strftime('%a %d %b')}  {session_label(s, WORDS)}"
            for s in week.sessions
            if s.kind not in ("rest", "cross_train")
        ]
    finally:
        locale.setlocale(locale.LC_TIME, old)
    assert lines == _lines(days or [CONTENT.ramp.page["card_rest"]])
