"""Condition rules: typical pictures are self-care first, atypical signs escalate, weights count against."""

from __future__ import annotations

from typing import Any

import pytest

from kneecore.checker import assess, load_checker, parse_answers, rank
from kneecore.checker.engine import condition_triage
from kneecore.ids import TRIAGE_LEVELS

CONTENT = load_checker()

TYPICAL_OA: dict[str, Any] = {
    "age": 58,
    "sex": "female",
    "location": ["inside"],
    "onset": "gradual",
    "mechanism": "none",
    "morning_stiffness": "short",
    "crepitus": True,
    "duration_weeks": 30,
    "triggers": ["stairs_up", "prolonged_standing"],
}
TYPICAL_PES: dict[str, Any] = {
    "age": 56,
    "sex": "female",
    "location": ["inside_below"],
    "onset": "gradual",
    "mechanism": "none",
    "triggers": ["stairs_up", "prolonged_sitting"],
}


def level(name: str) -> int:
    return TRIAGE_LEVELS.index(name)


@pytest.mark.parametrize(
    "answers",
    [
        TYPICAL_OA,
        {**TYPICAL_OA, "morning_stiffness": "none", "age": 47},
        {**TYPICAL_OA, "swelling": "after_activity", "location": ["whole_knee"]},
    ],
    ids=["short-stiffness", "no-stiffness-47", "puffy-after-use"],
)
def test_typical_osteoarthritis_is_self_care_with_exercise_first(answers: dict[str, Any]) -> None:
    """Typical knee OA (45+, activity pain, short or no stiffness, no injury) is self-care, exercise first."""
    result = assess(CONTENT, answers)
    assert result.conditions[0].id == "knee_oa"
    assert result.triage == "self_care"
    assert not result.red_flags
    oa = CONTENT.condition("knee_oa")
    assert oa.self_care[0].lower().startswith("exercise")
    assert any(f"{oa.review_weeks} weeks" in line for line in result.safety_net)


ATYPICAL_OA = [
    ("long-stiffness", {"morning_stiffness": "long"}, "morning stiffness of 30 minutes or more"),
    ("swollen-today", {"swollen_now": True}, "swollen today"),
    ("swells-out-of-the-blue", {"swelling": "without_injury"}, "out of the blue"),
    ("after-an-injury", {"mechanism": "direct_blow", "onset": "gradual"}, "injury"),
]


@pytest.mark.parametrize(("extra", "words"), [c[1:] for c in ATYPICAL_OA], ids=[c[0] for c in ATYPICAL_OA])
def test_atypical_osteoarthritis_asks_for_a_check(extra: dict[str, Any], words: str) -> None:
    """An atypical sign on an OA picture raises triage to at least consult and says which sign."""
    result = assess(CONTENT, {**TYPICAL_OA, **extra})
    assert level(result.triage) >= level("consult")
    if result.triage_rule == "condition:knee_oa":
        assert words in result.triage_reason
    oa = CONTENT.condition("knee_oa")
    given = {**TYPICAL_OA, **extra}
    assert condition_triage(oa, given, {p.id: p.when for p in CONTENT.predicates})[0] == "consult"


def test_osteoarthritis_escalation_names_the_sign_in_the_triage_reason() -> None:
    """Long morning stiffness on an OA picture is set by the OA rule and quoted in the reason."""
    result = assess(CONTENT, {**TYPICAL_OA, "morning_stiffness": "long"})
    assert result.triage == "consult"
    assert result.triage_rule == "condition:knee_oa"
    assert "morning stiffness of 30 minutes or more" in result.triage_reason
    assert CONTENT.condition("knee_oa").name in result.triage_reason
    oa = next(c for c in result.conditions if c.id == "knee_oa")
    assert oa.triage == "consult"


def test_typical_pes_anserine_is_self_care() -> None:
    """Pain below the inner knee on stairs in a woman over 45 is self-care first."""
    result = assess(CONTENT, TYPICAL_PES)
    assert result.conditions[0].id == "pes_anserine"
    assert result.triage == "self_care"


@pytest.mark.parametrize(
    "extra", [{"bone_tenderness": True}, {"swollen_now": True}], ids=["bone-tender", "swollen"]
)
def test_atypical_pes_anserine_asks_for_a_check(extra: dict[str, Any]) -> None:
    """A tender spot on the bone or a swollen joint with a pes anserine picture asks for a check."""
    result = assess(CONTENT, {**TYPICAL_PES, **extra})
    assert level(result.triage) >= level("consult")


def test_escalation_needs_a_likely_condition() -> None:
    """An atypical sign of OA does not escalate when OA is not a likely cause (a young runner)."""
    result = assess(
        CONTENT,
        {
            "age": 24,
            "location": ["front_kneecap"],
            "onset": "gradual",
            "triggers": ["stairs_down", "squatting"],
            "morning_stiffness": "long",
        },
    )
    assert result.triage_rule != "condition:knee_oa"


def reasons_of(answers: dict[str, Any], condition: str) -> tuple[str, ...]:
    """The reasons of one condition (ranked over all sixteen, listed or not)."""
    return next(c.reasons for c in rank(CONTENT, parse_answers(answers)) if c.id == condition)


def score_of(answers: dict[str, Any], condition: str) -> float:
    """The score of one condition (ranked over all sixteen, listed or not)."""
    return next(c.score for c in rank(CONTENT, parse_answers(answers)) if c.id == condition)


YOUNG_GRADUAL: dict[str, Any] = {
    "age": 28,
    "onset": "gradual",
    "mechanism": "none",
    "location": ["inside"],
    "triggers": ["squatting"],
}
MENISCUS_AGAINST = "against: came on gradually without an injury, under 40"


@pytest.mark.parametrize(
    "answers",
    [
        YOUNG_GRADUAL,
        {k: v for k, v in YOUNG_GRADUAL.items() if k != "mechanism"},
        {**YOUNG_GRADUAL, "age": 39},
    ],
    ids=["no-injury", "mechanism-unanswered", "age-39"],
)
def test_gradual_start_without_injury_under_40_counts_against_meniscus(answers: dict[str, Any]) -> None:
    """A gradual start with no injury under 40 lowers meniscus_tear with an 'against:' reason."""
    reasons = reasons_of(answers, "meniscus_tear")
    assert any(r.startswith(MENISCUS_AGAINST) for r in reasons)
    assert "against: came on gradually" not in reasons  # the stronger item of the group replaces it


@pytest.mark.parametrize(
    "extra",
    [{"age": 40}, {"age": 55}, {"mechanism": "twist_pivot"}, {"onset": "sudden"}, {"age": None}],
    ids=["age-40", "age-55", "twist", "sudden", "age-unanswered"],
)
def test_meniscus_against_stays_quiet_outside_its_scope(extra: dict[str, Any]) -> None:
    """At 40 or over, after a twist, with a sudden start or with no age given, the item stays quiet."""
    answers = {k: v for k, v in {**YOUNG_GRADUAL, **extra}.items() if v is not None}
    assert not any(r.startswith(MENISCUS_AGAINST) for r in reasons_of(answers, "meniscus_tear"))


def test_young_gradual_meniscus_scores_below_the_same_picture_at_45() -> None:
    """The same gradual, injury-free picture makes a tear less likely at 28 than at 45."""
    assert score_of(YOUNG_GRADUAL, "meniscus_tear") < score_of({**YOUNG_GRADUAL, "age": 45}, "meniscus_tear")


def test_meniscus_weights_live_in_yaml_with_a_source() -> None:
    """The young-gradual weight is a YAML feature below 1 that cites a known source."""
    feature = next(
        f for f in CONTENT.condition("meniscus_tear").features if f.reason.startswith(MENISCUS_AGAINST[9:])
    )
    assert feature.lr < 1
    assert feature.source in {s.id for s in CONTENT.sources}


@pytest.mark.parametrize("location", [["back"], ["back", "inside"]], ids=["back", "back-and-inner"])
def test_back_of_the_knee_counts_against_itbs(location: list[str]) -> None:
    """Pain at the back (without the outer side) lowers itbs, with an 'against:' reason naming the back."""
    answers = {"location": location, "onset": "gradual", "triggers": ["downhill"]}
    reasons = reasons_of(answers, "itbs")
    assert any(r.startswith("against:") and "back of the knee" in r for r in reasons)
    assert score_of(answers, "itbs") < score_of({**answers, "location": ["outside"]}, "itbs")
    assert "itbs" not in [c.id for c in assess(CONTENT, answers).conditions[:2]]


def test_outer_side_with_back_still_fits_itbs() -> None:
    """Outer-side pain keeps its weight for itbs even when the back hurts too."""
    reasons = reasons_of({"location": ["outside", "back"]}, "itbs")
    assert "pain on the outer side of the knee" in reasons
    assert not any("back of the knee" in r for r in reasons)
