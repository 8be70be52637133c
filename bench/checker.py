"""Checker figures: accuracy on the vignettes and the time to score one answer set.

Usage: .venv/bin/python bench/checker.py [runs]
Prints top-1, top-3, under- and over-triage on tests/data/checker_vignettes.yaml, then
the median and p95 time of one ``assess`` call (aim: well under 5 ms).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kneecore.checker import assess, load_checker, parse_answers  # noqa: E402
from kneecore.checker.evaluate import evaluate  # noqa: E402


def main(runs: int = 2000) -> None:
    """Print the accuracy figures and the scoring time."""
    content = load_checker()
    vignettes = yaml.safe_load((ROOT / "tests/data/checker_vignettes.yaml").read_text(encoding="utf-8"))[
        "vignettes"
    ]
    fig = evaluate(content, vignettes)
    print(f"vignettes: {fig.cases} ({fig.diagnosed} with a condition)")
    miss1 = ", ".join(fig.top1_misses) or "-"
    miss3 = ", ".join(fig.top3_misses) or "-"
    print(f"top-1: {fig.top1}/{fig.diagnosed} = {fig.top1_rate:.1%}   misses: {miss1}")
    print(f"top-3: {fig.top3}/{fig.diagnosed} = {fig.top3_rate:.1%}   misses: {miss3}")
    print(f"under-triage: {len(fig.under_triage)}/{fig.cases}   {', '.join(fig.under_triage) or '-'}")
    print(f"over-triage: {len(fig.over_triage)}/{fig.cases}   {', '.join(fig.over_triage) or '-'}")

    answer_sets = [parse_answers(v["answers"]) for v in vignettes]
    wall: list[float] = []
    cpu: list[float] = []
    for i in range(runs):
        answers = answer_sets[i % len(answer_sets)]
        start, start_cpu = time.perf_counter(), time.thread_time()
        assess(content, answers)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.thread_time() - start_cpu) * 1000)
    for label, times in (("wall", wall), ("cpu", cpu)):
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        print(
            f"assess() {label}: median {statistics.median(times):.3f} ms, p95 {p95:.3f} ms over {runs} runs"
        )
    print("(wall time includes waiting for a busy CPU; cpu time is this thread's own work)")
    raw = vignettes[0]["answers"]
    start = time.perf_counter()
    for _ in range(200):
        assess(content, raw)
    per_call = (time.perf_counter() - start) / 200 * 1000
    print(f"assess() from a raw mapping (validation included): {per_call:.3f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
