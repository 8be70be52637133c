"""Contract rules of the checker hold for any valid answers (Hypothesis)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kneecore import InputError
from kneecore.checker import ANSWER_KEYS, assess, load_checker, parse_json
from kneecore.checker.answers import allowed_values, answer_bounds, answer_kind
from kneecore.ids import TRIAGE_LEVELS

CONTENT = load_checker()
ROOT = Path(__file__).resolve().parents[2]


def value_strategy(key: str) -> st.SearchStrategy[Any]:
    kind = answer_kind(key)
    if kind == "flag":
        return st.booleans()
    if kind == "multi":
        return st.lists(st.sampled_from(allowed_values(key)), max_size=5)
    if kind == "choice":
        return st.sampled_from(allowed_values(key))
    lo, hi = answer_bounds(key) or (0.0, 0.0)
    if kind == "whole":
        return st.integers(int(lo), int(hi))
    return st.floats(lo, hi, allow_nan=False) | st.integers(int(lo), int(hi))


ANSWERS = st.fixed_dictionaries({}, optional={key: value_strategy(key) for key in ANSWER_KEYS})

# Answers that fire a red flag on their own, whatever else is given.
FLAG_ANSWERS = [
    {"deformity": True},
    {"numbness_or_cold_foot": True},
    {"fever": True, "hot_red_knee": True},
    {"fever": True},
    {"calf_swelling": True},
    {"locking": True},
    {"cannot_bear_weight": True},
    {"pop_at_injury": True, "swelling": "rapid"},
    {"night_pain": True, "history_of_cancer": True},
]


def level(name: str) -> int:
    return TRIAGE_LEVELS.index(name)


@given(ANSWERS)
def test_red_flag_is_never_self_care(answers: dict[str, Any]) -> None:
    """Any answer set with a red flag is triaged above self-care, at least as high as each flag."""
    result = assess(CONTENT, answers)
    if result.red_flags:
        assert result.triage != "self_care"
        assert all(level(result.triage) >= level(f.triage) for f in result.red_flags)


@given(ANSWERS, st.sampled_from(FLAG_ANSWERS))
def test_adding_a_red_flag_never_lowers_triage(answers: dict[str, Any], flag: dict[str, Any]) -> None:
    """Adding a red-flag answer keeps or raises the triage, and never leaves self-care."""
    before = assess(CONTENT, answers)
    after = assess(CONTENT, {**answers, **flag})
    assert level(after.triage) >= level(before.triage)
    assert after.triage != "self_care"
    assert after.red_flags


@given(ANSWERS)
def test_fever_always_gets_a_same_day_check(answers: dict[str, Any]) -> None:
    """With a fever exactly one of the septic and fever rules fires, and triage is at least urgent."""
    result = assess(CONTENT, {**answers, "fever": True})
    fired = {f.id for f in result.red_flags} & {"septic_joint", "fever_painful_knee"}
    assert len(fired) == 1
    assert level(result.triage) >= level("emergency" if "septic_joint" in fired else "urgent")


@given(ANSWERS, st.floats(0, 3650, allow_nan=False))
def test_pop_with_rapid_swelling_has_no_time_limit(answers: dict[str, Any], days: float) -> None:
    """A pop with swelling within 2 hours is at least urgent however many days ago it was."""
    result = assess(
        CONTENT, {**answers, "pop_at_injury": True, "swelling": "rapid", "days_since_injury": days}
    )
    assert "pop_rapid_swelling" in {f.id for f in result.red_flags}
    assert level(result.triage) >= level("urgent")


@given(ANSWERS, st.randoms())
def test_key_and_list_order_do_not_matter(answers: dict[str, Any], rnd: Any) -> None:
    """Shuffling keys and list items gives the same result."""
    keys = list(answers)
    rnd.shuffle(keys)
    shuffled = {}
    for key in keys:
        value = answers[key]
        if isinstance(value, list):
            value = list(value)
            rnd.shuffle(value)
        shuffled[key] = value
    assert assess(CONTENT, shuffled) == assess(CONTENT, answers)


@given(ANSWERS)
def test_scores_and_list_shape(answers: dict[str, Any]) -> None:
    """At most five conditions, known ids, scores in [0, 1], sorted highest first, reasons are text."""
    result = assess(CONTENT, answers)
    scores = [c.score for c in result.conditions]
    assert len(scores) <= 5
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert scores == sorted(scores, reverse=True)
    assert len({c.id for c in result.conditions}) == len(scores)
    assert all(isinstance(r, str) and r for c in result.conditions for r in c.reasons)
    assert result.triage in TRIAGE_LEVELS
    assert result.safety_net
    assert result.disclaimer


@given(ANSWERS)
def test_json_round_trip(answers: dict[str, Any]) -> None:
    """Answers written as JSON parse back to the same result."""
    assert assess(CONTENT, parse_json(json.dumps(answers))) == assess(CONTENT, answers)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
NEAR_VALID = st.dictionaries(st.sampled_from(ANSWER_KEYS), JSON, max_size=4)


@given(JSON | NEAR_VALID)
def test_parser_raises_only_input_error(data: Any) -> None:
    """Arbitrary JSON either parses or raises InputError with one line, never anything else."""
    message = ""
    try:
        parse_json(json.dumps(data))
    except InputError as exc:
        message = exc.message
    assert len(message.splitlines()) <= 1


@settings(max_examples=8, deadline=None)
@given(JSON | NEAR_VALID | ANSWERS)
def test_cli_never_prints_a_traceback(data: Any) -> None:
    """The CLI on arbitrary JSON exits 0 or 2, and on 2 prints one line and no traceback."""
    out = subprocess.run(
        [sys.executable, "-m", "kneecore.checker", "-"],
        cwd=ROOT,
        input=json.dumps(data).encode(),
        capture_output=True,
        check=False,
    )
    assert out.returncode in (0, 2)
    if out.returncode == 2:
        assert len(out.stderr.decode().splitlines()) == 1
    assert b"Traceback" not in out.stderr
