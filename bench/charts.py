"""Cost of each chart per page run: the plain Vega-Lite spec against what Altair used to cost.

Method
------
For every chart the pages draw (ramp weeks chart and card, knee map, exercise ladder,
story pain chart) this times, best of three per sample and ROUNDS samples:

- ``spec``: building the spec dict in kneecore (what a page run pays now), plus the JSON
  encoding Streamlit does to send it;
- ``altair``: turning the same spec into an Altair chart and back
  (``alt.Chart.from_dict(spec).to_dict()``). Before, each page run built Altair objects
  and called ``to_dict()``, which validates against the JSON schema; ``from_dict``
  validates once more, so this is an upper bound of the old per-run cost, not a replay
  of it (the old builders are gone; compare whole page runs for that). Altair is still
  installed as a Streamlit dependency; the app itself no longer imports it.

Printed: median and p95 per chart in ms, and a SUMMARY line.

Run: ``.venv/bin/python bench/charts.py [rounds]``
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _lib import median, p95

from kneecore import load_content
from kneecore.checker.knee_map import map_spec
from kneecore.ladder_chart import ladder_spec
from kneecore.ramp import build_plan, parse_inputs
from kneecore.ramp.chart import weeks_spec
from kneecore.stories import pain_spec

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 200


def best_of_three(fn: Callable[[], Any]) -> float:
    """The fastest of three calls, in ms (the code's time, not the shared machine's)."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main() -> None:
    """Time every chart both ways and print the figures."""
    import altair as alt

    load = os.getloadavg()[0]
    print(f"load average {load:.1f} on {os.cpu_count()} cores; {ROUNDS} samples, best of 3 each")
    content = load_content()
    plan = build_plan(
        parse_inputs(
            {
                "weeks_off": 4,
                "pain_now": 2,
                "pain_free_run_minutes": 10,
                "pre_injury_weekly_minutes": 150,
                "runs_per_week": 3,
                "start_date": "2026-12-01",
            },
            today=dt.date(2026, 12, 1),
        )
    )
    colour = content.site.theme.primary_color
    charts: dict[str, Callable[[], dict[str, Any]]] = {
        "ramp weeks": lambda: weeks_spec(plan, colour),
        "ramp card": lambda: weeks_spec(plan, colour, compact=True),
        "knee map": lambda: map_spec(content.checker, ["outside"]),
        "ladder": lambda: ladder_spec(content.exercises, "step_down"),
        "story": lambda: pain_spec(content.library.stories[0], content.library.text.stories),
    }
    print(f"{'chart':<12} {'spec median':>12} {'p95':>8} {'altair median':>14} {'p95':>8}")
    total_spec = total_altair = 0.0
    for name, build in charts.items():
        spec = build()
        spec_times = [best_of_three(lambda b=build: json.dumps(b())) for _ in range(ROUNDS)]
        slow_rounds = max(10, ROUNDS // 10)
        round_trip = lambda s=spec: alt.Chart.from_dict(s).to_dict()  # noqa: E731
        altair_times = [best_of_three(round_trip) for _ in range(slow_rounds)]
        total_spec += median(spec_times)
        total_altair += median(altair_times)
        print(
            f"{name:<12} {median(spec_times):>9.3f} ms {p95(spec_times):>5.3f} ms"
            f" {median(altair_times):>11.2f} ms {p95(altair_times):>5.2f} ms"
        )
    print(
        f"SUMMARY charts: spec+json {total_spec:.2f} ms for all five (median sum); "
        f"altair round trip (upper bound of the old cost) {total_altair:.1f} ms"
    )


if __name__ == "__main__":
    main()
