"""Checker figures on the held-out vignettes (tests/data/checker_vignettes_heldout.yaml).

Usage: .venv/bin/python bench/checker_heldout.py
Prints top-1, top-3, under- and over-triage counts, then every miss (top-1 miss, top-3 miss,
under- or over-triage) with the case id, what was expected and what the checker gave.
A report, not a gate: it exits 0 whatever the figures; tests/unit/test_checker_heldout.py
asserts the aims and zero under-triage.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.unit.test_checker_heldout import TOP1_AIM, TOP3_AIM, evaluate_all  # noqa: E402


def main() -> None:
    """Print the figures and the misses."""
    figures = evaluate_all()
    n_dx, n_all = len(figures.diagnosed), len(figures.outcomes)
    top1 = sum(o.top1 for o in figures.diagnosed)
    top3 = sum(o.top3 for o in figures.diagnosed)
    print(f"held-out vignettes: {n_all} ({n_dx} with an expected condition)")
    print(f"top-1         {top1}/{n_dx} = {figures.top1:.3f}  (aim >= {TOP1_AIM})")
    print(f"top-3         {top3}/{n_dx} = {figures.top3:.3f}  (aim >= {TOP3_AIM})")
    print(f"under-triage  {len(figures.under_triage)}/{n_all}  (must be 0)")
    print(f"over-triage   {len(figures.over_triage)}/{n_all}")

    print("\ndiagnosis misses (expected -> got, top 3):")
    for o in figures.diagnosed:
        if not o.top1:
            where = f"rank {o.rank}" if o.rank else "not listed"
            print(f"  {o.id}: expected {o.expected} ({where}) -> got {', '.join(o.ranked[:3]) or '(none)'}")
    print("\ntriage misses (expected min_triage -> got):")
    for o in figures.outcomes:
        if o.under or o.over:
            kind = "UNDER" if o.under else "over"
            print(f"  {kind:5} {o.id}: expected >= {o.min_triage} -> got {o.triage}")
    print(
        f"\nSUMMARY checker_heldout top-1 {figures.top1:.3f} top-3 {figures.top3:.3f} "
        f"under-triage {len(figures.under_triage)} over-triage {len(figures.over_triage)} (n={n_all})"
    )


if __name__ == "__main__":
    main()
