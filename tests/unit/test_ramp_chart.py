"""The ramp weeks chart spec: bars equal the plan's weeks, the goal rule, titles, compact card."""

from __future__ import annotations

import datetime as dt

import pytest

from kneecore.ramp import RampPlan, build_plan, parse_inputs
from kneecore.ramp.chart import chart_rows, weeks_spec


def plan(**answers: object) -> RampPlan:
    """A plan from a few answers on top of defaults."""
    base: dict[str, object] = {
        "weeks_off": 6,
        "pain_now": 1,
        "pain_free_run_minutes": 15,
        "pre_injury_weekly_minutes": 120,
        "runs_per_week": 3,
        "start_date": "2026-12-01",
    }
    return build_plan(parse_inputs({**base, **answers}, today=dt.date(2026, 12, 1)))


PLANS = {
    "default": plan(),
    "goal": plan(goal_weekly_minutes=200, runs_per_week=4),
    "pre-run": plan(pain_now=8),
}


@pytest.mark.parametrize("name", sorted(PLANS))
def test_bars_carry_every_week_of_the_plan(name: str) -> None:
    """The bars layer holds one row per week: number, run minutes and the easier flag."""
    p = PLANS[name]
    bars = weeks_spec(p, "#1a6b5c")["layer"][0]
    assert bars["data"]["values"] == chart_rows(p)
    assert [(r["week"], r["minutes"], r["easier"]) for r in bars["data"]["values"]] == [
        (w.week, w.total_run_minutes, w.easier) for w in p.weeks
    ]


@pytest.mark.parametrize("name", sorted(PLANS))
def test_goal_rule_sits_at_the_weekly_goal(name: str) -> None:
    """The second layer is a dashed rule at the plan's weekly goal."""
    p = PLANS[name]
    goal = weeks_spec(p, "#1a6b5c")["layer"][1]
    assert goal["mark"] == {"type": "rule", "strokeDash": [4, 3]}
    assert goal["encoding"]["y"] == {"field": "goal", "type": "quantitative"}
    assert goal["data"]["values"] == [{"goal": p.inputs.goal_weekly_minutes}]


def test_bars_use_the_colour_and_encode_week_and_minutes() -> None:
    """Bars take the given colour; x is the week (ordinal, level labels), y the run minutes, with tooltips."""
    bars = weeks_spec(PLANS["default"], "#abcdef")["layer"][0]
    assert bars["mark"] == {"type": "bar", "color": "#abcdef"}
    x, y = bars["encoding"]["x"], bars["encoding"]["y"]
    assert (x["field"], x["type"], x["axis"]) == ("week", "ordinal", {"labelAngle": 0, "labelOverlap": True})
    assert (y["field"], y["type"]) == ("minutes", "quantitative")
    assert [t["field"] for t in bars["encoding"]["tooltip"]] == ["week", "minutes", "easier"]


@pytest.mark.parametrize(
    ("compact", "given", "titles"),
    [
        (False, ("Woche", "Laufminuten"), ("Woche", "Laufminuten")),
        (False, None, (None, None)),
        (True, ("Woche", "Laufminuten"), (None, None)),
    ],
)
def test_axis_titles_show_only_on_the_full_chart(
    compact: bool, given: tuple[str, str] | None, titles: tuple[str | None, str | None]
) -> None:
    """The page chart names its axes with the titles it is given; the card's compact chart has none."""
    enc = weeks_spec(PLANS["default"], "#1a6b5c", compact=compact, titles=given)["layer"][0]["encoding"]
    assert (enc["x"]["title"], enc["y"]["title"]) == titles


def test_spec_is_a_fresh_dict_each_time() -> None:
    """Two calls give equal but separate specs, so a caller's change cannot leak into the next run."""
    first = weeks_spec(PLANS["default"], "#1a6b5c")
    second = weeks_spec(PLANS["default"], "#1a6b5c")
    assert first == second
    first["layer"][0]["data"]["values"].clear()
    assert second["layer"][0]["data"]["values"]
