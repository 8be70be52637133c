"""The ramp plan's weeks chart as a plain Vega-Lite spec (page chart and the card's compact one)."""

from __future__ import annotations

from kneecore.ramp.plan import RampPlan
from kneecore.vega import Spec, field, inline, layered

__all__ = ["chart_rows", "weeks_spec"]


def chart_rows(plan: RampPlan) -> list[Spec]:
    """One chart row a week: ``week``, run ``minutes`` and whether it is an ``easier`` week.

    Parameters
    ----------
    plan:
        A built plan.

    Returns
    -------
    list[Spec]
        Rows in week order.
    """
    return [{"week": w.week, "minutes": w.total_run_minutes, "easier": w.easier} for w in plan.weeks]


def weeks_spec(
    plan: RampPlan, colour: str, compact: bool = False, titles: tuple[str, str] | None = None
) -> Spec:
    """Bars of weekly running minutes, with the goal as a dashed line.

    Parameters
    ----------
    plan:
        A built plan.
    colour:
        The bar colour (the theme's primary colour).
    compact:
        True for the plan card: no axis titles.
    titles:
        The x (week) and y (minutes) axis titles, from ``ramp.yaml`` (``words.chart_week``,
        ``words.chart_minutes``); None for none.

    Returns
    -------
    Spec
        A layered Vega-Lite spec: bars, then the goal rule.
    """
    bars = {
        "data": inline(chart_rows(plan)),
        "mark": {"type": "bar", "color": colour},
        "encoding": {
            "x": field(
                "week:O",
                title=None if compact or titles is None else titles[0],
                axis={"labelAngle": 0, "labelOverlap": True},
            ),
            "y": field("minutes:Q", title=None if compact or titles is None else titles[1]),
            "tooltip": [field("week:O"), field("minutes:Q"), field("easier:N")],
        },
    }
    goal = {
        "data": inline([{"goal": plan.inputs.goal_weekly_minutes}]),
        "mark": {"type": "rule", "strokeDash": [4, 3]},
        "encoding": {"y": field("goal:Q")},
    }
    return layered([bars, goal])
