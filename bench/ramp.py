"""Time to build a return-to-running plan over many varied inputs (median and p95, in ms).

Run: .venv/bin/python bench/ramp.py [count]
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kneecore.ids import CONDITION_IDS
from kneecore.ramp import LogEntry, build_plan, default_rules, parse_inputs


def main(count: int = 2000) -> None:
    """Print median and p95 build times (best of three per input) for fresh and adapted plans."""
    print(
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (shared machines inflate the tail)"
    )
    rng = random.Random(7)
    rules = default_rules()
    samples = []
    for _ in range(count):
        samples.append(
            parse_inputs(
                {
                    "weeks_off": rng.choice([0, 1, 3, 6, 10, 20, 52]),
                    "pain_now": rng.randint(0, 6),
                    "pain_free_run_minutes": rng.choice([0, 1, 3, 7, 12, 20, 45, 90, 120]),
                    "pre_injury_weekly_minutes": rng.choice([0, 60, 150, 300, 600, 1200]),
                    "runs_per_week": rng.randint(2, 6),
                    "condition": rng.choice([*CONDITION_IDS, "unknown"]),
                    "start_date": "2026-12-01",
                }
            )
        )
    for label, with_log in (("fresh plan", False), ("adapted plan (log of 12 sessions)", True)):
        times = []
        weeks = []
        for inputs in samples:
            log = ()
            if with_log:
                days = [s.date for s in build_plan(inputs, rules=rules).sessions if s.is_running][:12]
                log = tuple(
                    LogEntry(d, pain_during=rng.randint(0, 7), swelling=rng.random() < 0.1) for d in days
                )
            best = float("inf")
            for _ in range(3):  # best of three: the code's time, not the shared machine's
                start = time.perf_counter()
                plan = build_plan(inputs, log, rules=rules)
                best = min(best, time.perf_counter() - start)
            times.append(best * 1000)
            weeks.append(len(plan.weeks))
        times.sort()
        p95 = times[int(len(times) * 0.95)]
        print(
            f"{label}: n={len(times)} median {statistics.median(times):.2f} ms, p95 {p95:.2f} ms, "
            f"max {times[-1]:.2f} ms (plans of {min(weeks)}-{max(weeks)} weeks)"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
