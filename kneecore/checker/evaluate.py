"""Accuracy on a set of vignettes: top-1, top-3, under- and over-triage.

Used by ``tests/unit/test_checker_vignettes.py`` and ``bench/checker.py`` so that a
clinic editing the weights in ``content/checker/`` sees at once what changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from kneecore.checker.engine import assess
from kneecore.content.checker import CheckerContent
from kneecore.ids import TRIAGE_LEVELS

__all__ = ["Figures", "evaluate"]


@dataclass(frozen=True)
class Figures:
    """How the checker did on a set of vignettes."""

    cases: int
    diagnosed: int
    """Cases that name a condition (red-flag cases outside the 16 do not)."""
    top1: int
    top3: int
    under_triage: tuple[str, ...] = field(default=())
    over_triage: tuple[str, ...] = field(default=())
    top1_misses: tuple[str, ...] = field(default=())
    top3_misses: tuple[str, ...] = field(default=())

    @property
    def top1_rate(self) -> float:
        """Share of diagnosed cases with the right condition first."""
        return self.top1 / self.diagnosed if self.diagnosed else 0.0

    @property
    def top3_rate(self) -> float:
        """Share of diagnosed cases with the right condition in the first three."""
        return self.top3 / self.diagnosed if self.diagnosed else 0.0


def evaluate(content: CheckerContent, vignettes: Iterable[Mapping[str, Any]]) -> Figures:
    """Run every vignette and count hits and triage errors.

    Parameters
    ----------
    content:
        The checker content.
    vignettes:
        Mappings with ``id``, ``answers``, ``condition`` (an id or None) and ``triage``
        (the lowest safe level).

    Returns
    -------
    Figures
        Counts, with the ids of the cases that missed.
    """
    cases = diagnosed = top1 = top3 = 0
    under: list[str] = []
    over: list[str] = []
    miss1: list[str] = []
    miss3: list[str] = []
    for case in vignettes:
        cases += 1
        result = assess(content, case["answers"])
        ranked = [c.id for c in result.conditions]
        want = case.get("condition")
        if want:
            diagnosed += 1
            if ranked[:1] == [want]:
                top1 += 1
            else:
                miss1.append(case["id"])
            if want in ranked[:3]:
                top3 += 1
            else:
                miss3.append(case["id"])
        got, need = TRIAGE_LEVELS.index(result.triage), TRIAGE_LEVELS.index(case["triage"])
        if got < need:
            under.append(case["id"])
        elif got > need:
            over.append(case["id"])
    return Figures(
        cases=cases,
        diagnosed=diagnosed,
        top1=top1,
        top3=top3,
        under_triage=tuple(under),
        over_triage=tuple(over),
        top1_misses=tuple(miss1),
        top3_misses=tuple(miss3),
    )
