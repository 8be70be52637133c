"""Held-out vignettes for the symptom checker (tests/data/checker_vignettes_heldout.yaml).

The cases were written from the literature, independently of the checker's content and its
development vignettes, and committed before the checker was run on them. The figures:

- top-1: the expected condition is ranked first (cases with an expected condition only);
- top-3: it is within the first three;
- under-triage: the result's triage is less urgent than the case's ``min_triage`` (all cases).

Zero under-triage is a hard safety requirement; top-1 >= 0.80 and top-3 >= 0.95 are the
product's aims. Run as a script for a per-case table: ``python -m tests.unit.test_checker_heldout``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from kneecore.checker import assess, load_checker, parse_answers
from kneecore.ids import CONDITION_IDS, TRIAGE_LEVELS

DATA = Path(__file__).resolve().parents[1] / "data" / "checker_vignettes_heldout.yaml"
ORDER = ("self_care", "consult", "urgent", "emergency")
COMMON = ("pfps", "itbs", "patellar_tendinopathy", "meniscus_tear", "acl_tear", "knee_oa")
TOP1_AIM = 0.80
TOP3_AIM = 0.95


def load_cases(path: Path = DATA) -> list[dict[str, Any]]:
    """The vignettes, as written in the YAML file."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))["vignettes"]


@dataclass(frozen=True)
class Outcome:
    """What the checker made of one case."""

    id: str
    expected: str | None
    min_triage: str
    triage: str
    ranked: tuple[str, ...]

    @property
    def rank(self) -> int | None:
        """1-based rank of the expected condition, or None if absent or not applicable."""
        if self.expected is None or self.expected not in self.ranked:
            return None
        return self.ranked.index(self.expected) + 1

    @property
    def top1(self) -> bool:
        return self.rank == 1

    @property
    def top3(self) -> bool:
        return self.rank is not None and self.rank <= 3

    @property
    def under(self) -> bool:
        return ORDER.index(self.triage) < ORDER.index(self.min_triage)

    @property
    def over(self) -> bool:
        return ORDER.index(self.triage) > ORDER.index(self.min_triage)


@dataclass(frozen=True)
class Figures:
    """Accuracy and triage figures over a set of outcomes."""

    outcomes: tuple[Outcome, ...]
    diagnosed: tuple[Outcome, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "diagnosed", tuple(o for o in self.outcomes if o.expected is not None))

    @property
    def top1(self) -> float:
        return sum(o.top1 for o in self.diagnosed) / len(self.diagnosed)

    @property
    def top3(self) -> float:
        return sum(o.top3 for o in self.diagnosed) / len(self.diagnosed)

    @property
    def under_triage(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.under)

    @property
    def over_triage(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.over)


def run_case(content: Any, case: dict[str, Any]) -> Outcome:
    """Parse the case's answers through the public parser, assess them and record the outcome."""
    result = assess(content, parse_answers(case["answers"]))
    return Outcome(
        id=case["id"],
        expected=case["expected"]["condition"],
        min_triage=case["expected"]["min_triage"],
        triage=result.triage,
        ranked=tuple(c.id for c in result.conditions),
    )


def evaluate_all(cases: list[dict[str, Any]] | None = None) -> Figures:
    """Run every case through the checker."""
    content = load_checker()
    return Figures(tuple(run_case(content, c) for c in (cases if cases is not None else load_cases())))


CASES = load_cases()


def test_heldout_set_is_broad_and_well_formed() -> None:
    """At least 40 unique cases, every condition twice (common ones three times), 8+ red flags."""
    ids = [c["id"] for c in CASES]
    assert len(ids) >= 40
    assert len(set(ids)) == len(ids)
    assert ORDER == TRIAGE_LEVELS
    counts = Counter(c["expected"]["condition"] for c in CASES)
    for cond in CONDITION_IDS:
        assert counts[cond] >= (3 if cond in COMMON else 2), cond
    assert set(counts) - {None} <= set(CONDITION_IDS)
    assert all(c["expected"]["min_triage"] in ORDER for c in CASES)
    assert sum(c["expected"]["min_triage"] in ("urgent", "emergency") for c in CASES) >= 8
    assert all(c["story"].strip() and c["source"].strip() for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_answers_parse(case: dict[str, Any]) -> None:
    """Every case's answers are valid input for the public parser (keys, types, values)."""
    parse_answers(case["answers"])


def test_heldout_figures() -> None:
    """No under-triage (safety), top-1 >= 0.80 and top-3 >= 0.95 (the product's aims)."""
    figures = evaluate_all(CASES)
    under = [(o.id, o.min_triage, o.triage) for o in figures.under_triage]
    assert under == [], f"under-triaged: {under}"
    misses1 = [(o.id, o.expected, o.ranked[:3]) for o in figures.diagnosed if not o.top1]
    misses3 = [(o.id, o.expected, o.ranked[:3]) for o in figures.diagnosed if not o.top3]
    assert figures.top1 >= TOP1_AIM, f"top-1 {figures.top1:.3f} < {TOP1_AIM}; misses: {misses1}"
    assert figures.top3 >= TOP3_AIM, f"top-3 {figures.top3:.3f} < {TOP3_AIM}; misses: {misses3}"


def print_table(figures: Figures) -> None:
    """One line per case: id, expected, rank, top-3 of the checker, min triage, triage, flag."""
    print(f"{'case':38} {'expected':24} {'rank':>4}  {'min_triage':10} {'triage':10} got (top 3)")
    for o in figures.outcomes:
        flag = "UNDER" if o.under else ("over" if o.over else "")
        rank = "-" if o.expected is None else (str(o.rank) if o.rank else "x")
        print(
            f"{o.id:38} {o.expected or '(red flag)':24} {rank:>4}  {o.min_triage:10} {o.triage:10} "
            f"{', '.join(o.ranked[:3])} {flag}"
        )
    print(
        f"\ntop-1 {figures.top1:.3f}  top-3 {figures.top3:.3f}  (n={len(figures.diagnosed)})  "
        f"under-triage {len(figures.under_triage)}  over-triage {len(figures.over_triage)}  "
        f"(n={len(figures.outcomes)})"
    )


if __name__ == "__main__":
    print_table(evaluate_all())
