"""The checker meets its aims on the textbook vignettes in tests/data/checker_vignettes.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from kneecore.checker import load_checker
from kneecore.checker.evaluate import evaluate
from kneecore.ids import CONDITION_IDS, TRIAGE_LEVELS

VIGNETTES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "data" / "checker_vignettes.yaml").read_text(encoding="utf-8")
)["vignettes"]
CONTENT = load_checker()


def test_vignette_set_is_broad() -> None:
    """At least 40 cases, unique ids, every condition at least twice, and red-flag cases."""
    ids = [v["id"] for v in VIGNETTES]
    assert len(ids) >= 40
    assert len(set(ids)) == len(ids)
    for cond in CONDITION_IDS:
        assert sum(v["condition"] == cond for v in VIGNETTES) >= 2, cond
    assert sum(v["triage"] == "emergency" for v in VIGNETTES) >= 2
    assert all(v["triage"] in TRIAGE_LEVELS for v in VIGNETTES)


def test_accuracy_aims() -> None:
    """Top-1 at least 80%, top-3 at least 95%, and no case under-triaged."""
    figures = evaluate(CONTENT, VIGNETTES)
    assert figures.top1_rate >= 0.80, figures.top1_misses
    assert figures.top3_rate >= 0.95, figures.top3_misses
    assert figures.under_triage == (), figures.under_triage


@pytest.mark.parametrize(
    "case", [v for v in VIGNETTES if v["triage"] in ("urgent", "emergency")], ids=lambda v: v["id"]
)
def test_urgent_cases_reach_their_level(case: dict[str, Any]) -> None:
    """Every urgent or emergency vignette is triaged at least that high, through a red flag."""
    from kneecore.checker import assess

    result = assess(CONTENT, case["answers"])
    assert TRIAGE_LEVELS.index(result.triage) >= TRIAGE_LEVELS.index(case["triage"])
    assert result.red_flags


def test_evaluate_counts_misses() -> None:
    """evaluate() reports a wrong expected condition as a top-1 and top-3 miss and an under-triage."""
    case = {
        "id": "x",
        "answers": {"location": ["outside"], "triggers": ["after_set_distance"]},
        "condition": "popliteal_cyst",
        "triage": "emergency",
    }
    figures = evaluate(CONTENT, [case])
    assert figures.top1_misses == ("x",)
    assert figures.top3_misses == ("x",)
    assert figures.under_triage == ("x",)
    assert figures.top1_rate == 0.0
