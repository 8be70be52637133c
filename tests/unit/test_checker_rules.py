"""Each safety rule of the contract, and each extra red flag, fires exactly where it should."""

from __future__ import annotations

import json
from typing import Any

import pytest

from kneecore.checker import assess, load_checker
from kneecore.checker.rules import holds
from kneecore.content.checker import When
from kneecore.ids import TRIAGE_LEVELS

CONTENT = load_checker()
ACUTE = {"onset": "sudden", "mechanism": "twist_pivot", "days_since_injury": 2}


def level(name: str) -> int:
    return TRIAGE_LEVELS.index(name)


def flags(answers: dict[str, Any]) -> set[str]:
    return {f.id for f in assess(CONTENT, answers).red_flags}


RULES: list[tuple[str, dict[str, Any], str, str]] = [
    # (case, answers, flag id, minimum triage)
    ("septic-hot-red", {"fever": True, "hot_red_knee": True}, "septic_joint", "emergency"),
    ("septic-swollen-now", {"fever": True, "swollen_now": True}, "septic_joint", "emergency"),
    ("septic-swelling", {"fever": True, "swelling": "without_injury"}, "septic_joint", "emergency"),
    ("fever-alone", {"fever": True}, "fever_painful_knee", "urgent"),
    (
        "fever-knee-not-swollen",
        {"fever": True, "hot_red_knee": False, "swollen_now": False, "swelling": "none"},
        "fever_painful_knee",
        "urgent",
    ),
    ("deformity", {"deformity": True}, "deformity", "emergency"),
    ("cold-numb-foot", {"numbness_or_cold_foot": True}, "cold_numb_foot", "emergency"),
    ("ottawa-age-55", {**ACUTE, "age": 55}, "ottawa_age", "urgent"),
    ("ottawa-age-80", {**ACUTE, "age": 80}, "ottawa_age", "urgent"),
    ("ottawa-patella", {**ACUTE, "isolated_patella_tenderness": True}, "ottawa_patella", "urgent"),
    ("ottawa-fibula", {**ACUTE, "fibular_head_tenderness": True}, "ottawa_fibular_head", "urgent"),
    ("ottawa-flexion", {**ACUTE, "cannot_flex_90": True}, "ottawa_flexion", "urgent"),
    ("ottawa-weight", {**ACUTE, "cannot_bear_weight": True}, "cannot_bear_weight", "urgent"),
    (
        "ottawa-unknown-date",
        {"onset": "sudden", "mechanism": "direct_blow", "age": 60},
        "ottawa_age",
        "urgent",
    ),
    ("ottawa-day-7", {**ACUTE, "days_since_injury": 7, "age": 70}, "ottawa_age", "urgent"),
    ("ottawa-mechanism-unanswered", {"onset": "sudden", "age": 60}, "ottawa_age", "urgent"),
    ("ottawa-onset-unanswered", {"mechanism": "direct_blow", "age": 60}, "ottawa_age", "urgent"),
    (
        "cannot-bear-weight-any-time",
        {"cannot_bear_weight": True, "onset": "gradual"},
        "cannot_bear_weight",
        "urgent",
    ),
    ("calf", {"calf_swelling": True}, "possible_dvt", "urgent"),
    (
        "calf-after-surgery",
        {"calf_swelling": True, "recent_surgery_or_immobilisation": True},
        "possible_dvt",
        "urgent",
    ),
    ("locked", {"locking": True}, "locked_knee", "urgent"),
    ("pop-rapid", {"pop_at_injury": True, "swelling": "rapid"}, "pop_rapid_swelling", "urgent"),
    ("rapid-swelling", {"swelling": "rapid"}, "rapid_swelling", "urgent"),
    (
        "night-weight-loss",
        {"night_pain": True, "unexplained_weight_loss": True},
        "night_pain_weight_loss_cancer",
        "urgent",
    ),
    (
        "night-cancer",
        {"night_pain": True, "history_of_cancer": True},
        "night_pain_weight_loss_cancer",
        "urgent",
    ),
    (
        "rest-cancer",
        {"triggers": ["rest"], "history_of_cancer": True},
        "night_pain_weight_loss_cancer",
        "urgent",
    ),
    (
        "bone-stress",
        {"bone_tenderness": True, "triggers": ["after_set_distance"], "recent_training_increase": True},
        "bone_stress",
        "consult",
    ),
    ("child-blow", {"age": 9, "mechanism": "direct_blow", "days_since_injury": 0}, "child_blow", "urgent"),
    (
        "first-dislocation",
        {"mechanism": "kneecap_shifted", "previous_dislocations": 0},
        "first_dislocation",
        "urgent",
    ),
    ("first-dislocation-unanswered", {"mechanism": "kneecap_shifted"}, "first_dislocation", "urgent"),
    ("hot-red-no-fever", {"hot_red_knee": True}, "hot_red_knee", "urgent"),
    ("night-pain", {"night_pain": True}, "night_pain", "consult"),
    ("weight-loss", {"unexplained_weight_loss": True}, "unexplained_weight_loss", "consult"),
    ("low-energy", {"low_energy_or_missed_periods": True}, "low_energy", "consult"),
]


@pytest.mark.parametrize(("answers", "flag", "minimum"), [r[1:] for r in RULES], ids=[r[0] for r in RULES])
def test_rule_fires_and_sets_triage(answers: dict[str, Any], flag: str, minimum: str) -> None:
    """The rule fires and the triage is at least the rule's level."""
    result = assess(CONTENT, answers)
    assert flag in {f.id for f in result.red_flags}
    assert level(result.triage) >= level(minimum)
    assert result.triage != "self_care"


@pytest.mark.parametrize(("answers", "flag", "minimum"), [r[1:] for r in RULES], ids=[r[0] for r in RULES])
def test_rule_is_never_outranked(answers: dict[str, Any], flag: str, minimum: str) -> None:
    """A textbook self-care picture added to a red flag cannot lower the flag's triage."""
    benign = {
        "location": ["front_kneecap"],
        "triggers": ["stairs_down", "squatting"],
        "pain_level": 1,
        "crepitus": True,
        "sex": "female",
        "age": 25,
    }
    merged = {**benign, **answers}
    if "triggers" in answers:
        merged["triggers"] = sorted(set(benign["triggers"]) | set(answers["triggers"]))
    result = assess(CONTENT, merged)
    assert flag in {f.id for f in result.red_flags}
    assert level(result.triage) >= level(minimum)


OUT_OF_SCOPE: list[tuple[str, dict[str, Any], str]] = [
    ("ottawa-gradual", {"onset": "gradual", "mechanism": "none", "age": 70}, "ottawa_age"),
    ("ottawa-gradual-no-mechanism", {"onset": "gradual", "age": 70}, "ottawa_age"),
    ("ottawa-no-mechanism", {"onset": "sudden", "mechanism": "none", "age": 70}, "ottawa_age"),
    ("ottawa-day-8", {**ACUTE, "days_since_injury": 8, "age": 70}, "ottawa_age"),
    ("ottawa-age-54", {**ACUTE, "age": 54}, "ottawa_age"),
    ("ottawa-age-only", {"age": 70}, "ottawa_age"),
    (
        "ottawa-patella-old",
        {**ACUTE, "days_since_injury": 30, "isolated_patella_tenderness": True},
        "ottawa_patella",
    ),
    ("ottawa-patella-gradual", {"onset": "gradual", "isolated_patella_tenderness": True}, "ottawa_patella"),
    (
        "ottawa-fibula-no-injury",
        {"mechanism": "none", "fibular_head_tenderness": True},
        "ottawa_fibular_head",
    ),
    ("ottawa-flexion-gradual", {"onset": "gradual", "cannot_flex_90": True}, "ottawa_flexion"),
    ("septic-no-fever", {"hot_red_knee": True, "swollen_now": True}, "septic_joint"),
    ("septic-fever-only", {"fever": True}, "septic_joint"),
    ("fever-hot-knee-is-septic", {"fever": True, "hot_red_knee": True}, "fever_painful_knee"),
    ("fever-swollen-is-septic", {"fever": True, "swollen_now": True}, "fever_painful_knee"),
    ("fever-swelling-is-septic", {"fever": True, "swelling": "after_activity"}, "fever_painful_knee"),
    ("no-fever", {"fever": False, "location": ["front_kneecap"]}, "fever_painful_knee"),
    ("septic-fever-no-swelling", {"fever": True, "swelling": "none", "swollen_now": False}, "septic_joint"),
    ("pop-delayed-swelling", {"pop_at_injury": True, "swelling": "delayed"}, "pop_rapid_swelling"),
    ("night-pain-alone", {"night_pain": True}, "night_pain_weight_loss_cancer"),
    ("cancer-alone", {"history_of_cancer": True}, "night_pain_weight_loss_cancer"),
    ("bone-no-increase", {"bone_tenderness": True, "triggers": ["after_set_distance"]}, "bone_stress"),
    ("bone-no-distance", {"bone_tenderness": True, "recent_training_increase": True}, "bone_stress"),
    ("child-12", {"age": 12, "mechanism": "direct_blow", "days_since_injury": 0}, "child_blow"),
    ("child-old-blow", {"age": 9, "mechanism": "direct_blow", "days_since_injury": 60}, "child_blow"),
    ("repeat-dislocation", {"mechanism": "kneecap_shifted", "previous_dislocations": 2}, "first_dislocation"),
    ("locking-no", {"locking": False}, "locked_knee"),
    ("surgery-without-calf", {"recent_surgery_or_immobilisation": True}, "possible_dvt"),
]


@pytest.mark.parametrize(("answers", "flag"), [r[1:] for r in OUT_OF_SCOPE], ids=[r[0] for r in OUT_OF_SCOPE])
def test_rule_stays_quiet_outside_its_scope(answers: dict[str, Any], flag: str) -> None:
    """Outside a rule's scope (no acute injury, too long ago, missing partner sign) it does not fire."""
    assert flag not in flags(answers)


def test_ottawa_out_of_scope_is_not_urgent() -> None:
    """A 70-year-old with gradual pain and no injury is not sent for an X-ray by Ottawa."""
    result = assess(CONTENT, {"onset": "gradual", "mechanism": "none", "age": 70, "location": ["inside"]})
    assert level(result.triage) < level("urgent")


def test_flags_are_most_urgent_first_and_set_the_rule() -> None:
    """With several flags, the most urgent comes first and names the triage rule."""
    result = assess(CONTENT, {"locking": True, "deformity": True, "night_pain": True})
    assert [f.triage for f in result.red_flags] == sorted(
        (f.triage for f in result.red_flags), key=level, reverse=True
    )
    assert result.triage == "emergency"
    assert result.triage_rule == "deformity"
    assert "looks out of shape" in result.triage_reason


def test_fever_alone_is_urgent_with_its_reason() -> None:
    """A fever with no hot, red or swollen knee asks for a same-day check and says why."""
    result = assess(CONTENT, {"fever": True, "location": ["inside_below"], "triggers": ["stairs_up"]})
    assert result.triage == "urgent"
    assert result.triage_rule == "fever_painful_knee"
    flag = next(f for f in result.red_flags if f.id == "fever_painful_knee")
    assert flag.triage == "urgent"
    assert "urgent GP appointment" in flag.message
    assert "infection in the joint" in flag.message
    assert result.keep_running.level == "stop_and_be_seen"


def test_septic_combination_stays_emergency_without_the_fever_flag() -> None:
    """Fever with a hot, red or swollen knee is still an emergency, shown once as the septic rule."""
    result = assess(CONTENT, {"fever": True, "swollen_now": True})
    assert result.triage == "emergency"
    assert [f.id for f in result.red_flags] == ["septic_joint"]


POP_RAPID = {"pop_at_injury": True, "swelling": "rapid", "onset": "sudden", "mechanism": "twist_pivot"}
OLD_WORDS = "torn ligament, most often the ACL, that has not been assessed"


@pytest.mark.parametrize(
    ("days", "old"),
    [(None, False), (0, False), (10, False), (41.5, False), (42, True), (60, True), (3650, True)],
    ids=["unanswered", "day-0", "day-10", "day-41.5", "day-42", "day-60", "ten-years"],
)
def test_pop_with_rapid_swelling_is_urgent_at_any_age_with_fitting_words(
    days: float | None, old: bool
) -> None:
    """A pop with rapid swelling is urgent however long ago; an old injury gets its own message."""
    answers = {**POP_RAPID, "days_since_injury": days} if days is not None else POP_RAPID
    result = assess(CONTENT, answers)
    flag = next(f for f in result.red_flags if f.id == "pop_rapid_swelling")
    assert flag.triage == "urgent"
    assert level(result.triage) >= level("urgent")
    assert (OLD_WORDS in flag.message) is old
    assert "within 24 hours" in flag.message
    rule = next(f for f in CONTENT.red_flags if f.id == "pop_rapid_swelling")
    assert (flag.message == rule.message) is not old


def test_rapid_swelling_without_pop_has_old_injury_words_too() -> None:
    """Rapid swelling after an old injury is still urgent, and the message says the injury was weeks ago."""
    result = assess(CONTENT, {"swelling": "rapid", "days_since_injury": 90})
    flag = next(f for f in result.red_flags if f.id == "rapid_swelling")
    assert result.triage == "urgent"
    assert "weeks ago" in flag.message


def test_no_red_flag_is_self_care_level() -> None:
    """Every rule in the table asks for at least consult."""
    assert all(flag.triage != "self_care" for flag in CONTENT.red_flags)


def test_bone_stress_says_stop_running() -> None:
    """The bone-stress rule gives consult with the advice to stop running until seen."""
    result = assess(
        CONTENT,
        {
            "bone_tenderness": True,
            "triggers": ["after_set_distance"],
            "recent_training_increase": True,
            "location": ["outside"],
            "onset": "gradual",
        },
    )
    assert level(result.triage) >= level("consult")
    assert result.keep_running.level == "stop_and_be_seen"
    assert "Stop running until you have been seen" in next(
        f.message for f in result.red_flags if f.id == "bone_stress"
    )


@pytest.mark.parametrize(
    ("when", "answers", "expected"),
    [
        ({"answer": "age", "at_least": 55}, {"age": 55}, True),
        ({"answer": "age", "at_least": 55}, {}, False),
        ({"answer": "age", "at_least": 55, "or_unanswered": True}, {}, True),
        ({"answer": "age", "below": 12}, {"age": 12}, False),
        ({"answer": "age", "at_most": 7}, {"age": 7}, True),
        ({"answer": "fever", "equals": True}, {"fever": True}, True),
        ({"answer": "fever", "equals": True}, {"fever": False}, False),
        ({"answer": "previous_dislocations", "equals": 0}, {"previous_dislocations": 0}, True),
        ({"answer": "mechanism", "not_one_of": ["none"]}, {}, False),
        ({"answer": "mechanism", "one_of": ["none", "direct_blow"]}, {"mechanism": "none"}, True),
        ({"answer": "location", "includes": "back"}, {"location": ["back", "inside"]}, True),
        ({"answer": "location", "includes_any": ["back", "outside"]}, {"location": ["inside"]}, False),
        ({"answer": "location", "excludes": ["back"]}, {"location": ["inside"]}, True),
        ({"answer": "location", "excludes": ["back"]}, {}, False),
        ({"answer": "onset", "unanswered": True}, {}, True),
        ({"answer": "onset", "unanswered": True}, {"onset": "sudden"}, False),
        (
            {"all": [{"answer": "fever", "equals": True}, {"answer": "age", "at_least": 5}]},
            {"fever": True},
            False,
        ),
        ({"any": [{"answer": "fever", "equals": True}, {"answer": "age", "at_least": 5}]}, {"age": 5}, True),
    ],
)
def test_when_semantics(when: dict[str, Any], answers: dict[str, Any], expected: bool) -> None:
    """Each test of the rule language behaves as documented, unanswered keys included."""
    assert holds(When.model_validate_json(json.dumps(when)), answers, {}) is expected


RUNNING: list[tuple[str, dict[str, Any], str]] = [
    ("urgent-flag", {"locking": True}, "stop_and_be_seen"),
    (
        "bone-stress-flag",
        {"bone_tenderness": True, "triggers": ["after_set_distance"], "recent_training_increase": True},
        "stop_and_be_seen",
    ),
    (
        "acl-picture",
        {
            "onset": "sudden",
            "mechanism": "twist_pivot",
            "pop_at_injury": True,
            "giving_way": True,
            "days_since_injury": 40,
            "age": 25,
        },
        "stop_stay_active",
    ),
    ("limping", {"location": ["front_kneecap"], "onset": "gradual", "limping": True}, "stop_stay_active"),
    ("severe-pain", {"location": ["front_kneecap"], "onset": "gradual", "pain_level": 8}, "stop_stay_active"),
    (
        "mild-pfps",
        {"location": ["front_kneecap"], "onset": "gradual", "triggers": ["stairs_down"], "pain_level": 2},
        "keep_running",
    ),
    (
        "moderate-pfps",
        {"location": ["front_kneecap"], "onset": "gradual", "triggers": ["stairs_down"], "pain_level": 5},
        "keep_running_with_changes",
    ),
    ("nothing", {}, "keep_running_with_changes"),
]


@pytest.mark.parametrize(("answers", "level_id"), [r[1:] for r in RUNNING], ids=[r[0] for r in RUNNING])
def test_can_i_keep_running(answers: dict[str, Any], level_id: str) -> None:
    """ "Can I keep running?" follows the rule table: flags stop, injuries pause, mild pain runs on."""
    keep = assess(CONTENT, answers).keep_running
    assert keep.level == level_id
    assert keep.title
    assert keep.reason
    assert keep.pain_rules


def test_likely_condition_sets_its_own_triage() -> None:
    """A likely ACL tear without red flags asks for consult, and names the condition as the rule."""
    result = assess(
        CONTENT,
        {
            "onset": "sudden",
            "mechanism": "twist_pivot",
            "pop_at_injury": True,
            "giving_way": True,
            "days_since_injury": 40,
            "age": 25,
        },
    )
    assert not result.red_flags
    assert result.triage == "consult"
    assert result.triage_rule == "condition:acl_tear"


def test_reasons_quote_answers_and_mark_lowering_ones() -> None:
    """Reasons are plain words from the answers; the ones that lowered a score start with 'against:'."""
    result = assess(
        CONTENT, {"location": ["front_kneecap"], "triggers": ["stairs_down"], "mechanism": "direct_blow"}
    )
    pfps = next(c for c in result.conditions if c.id == "pfps")
    assert "pain at the front of the knee, around the kneecap" in pfps.reasons
    assert "against: began with an injury" in pfps.reasons
    first_against = min(i for i, r in enumerate(pfps.reasons) if r.startswith("against:"))
    assert all(r.startswith("against:") for r in pfps.reasons[first_against:])
    assert "began with an injury" in pfps.reasons_against


def test_correlated_group_counts_only_its_strongest_feature() -> None:
    """Pivot plus pop counts as one cluster (LR 9.8), not as pop and pivot on top of it."""
    acl = CONTENT.condition("acl_tear")
    reasons = next(
        c
        for c in assess(CONTENT, {"mechanism": "twist_pivot", "pop_at_injury": True}).conditions
        if c.id == "acl_tear"
    ).reasons
    history = [f.reason for f in acl.features if f.group == "history"]
    assert sum(r in history for r in reasons) == 1
    assert "a pop during a pivot or landing" in reasons


def test_safety_net_and_what_would_change() -> None:
    """Safety-netting names the top condition's review time; unfired higher flags come nearest first."""
    result = assess(
        CONTENT, {"location": ["outside"], "triggers": ["after_set_distance", "downhill"], "onset": "gradual"}
    )
    weeks = CONTENT.condition(result.conditions[0].id).review_weeks
    assert any(f"{weeks} weeks" in line for line in result.safety_net)
    assert result.what_would_change
    levels = [
        next(f.triage for f in CONTENT.red_flags if f.would_change == line)
        for line in result.what_would_change
    ]
    assert levels == sorted(levels, key=level)
    assert all(level(lv) > level(result.triage) for lv in levels)


def test_nothing_answered() -> None:
    """An empty answer set gives self-care or consult, no flags and an empty list."""
    result = assess(CONTENT, {})
    assert result.triage in ("self_care", "consult")
    assert result.red_flags == ()
    assert result.conditions == ()
