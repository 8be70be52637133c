"""content/checker/ validates, covers the contract, and every kind of breakage is named exactly."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kneecore import ContentError
from kneecore.checker import ANSWER_KEYS
from kneecore.checker.answers import allowed_values
from kneecore.content import json_schemas, validate
from kneecore.content.checker import load_checker
from kneecore.ids import CONDITION_IDS

Edit = Callable[[str, str, str], Path]


def test_real_checker_content_validates(content) -> None:
    """The shipped checker content loads with the rest and on its own."""
    assert validate(content.root) == []
    assert load_checker(content.root) == content.checker


def test_contract_is_covered(content) -> None:
    """Every contract condition and answer key is present; every location has a knee-map region."""
    checker = content.checker
    assert sorted(c.id for c in checker.conditions) == sorted(CONDITION_IDS)
    assert sorted(q.id for q in checker.questions.questions) == sorted(ANSWER_KEYS)
    assert {r.location for r in checker.questions.knee_map.regions} == set(allowed_values("location"))
    assert {r.view for r in checker.questions.knee_map.regions} == {"front", "side", "back"}


def test_every_weight_cites_a_source(content) -> None:
    """Every feature and prior names a known source and a grade; every condition and flag has references."""
    checker = content.checker
    sources = {s.id for s in checker.sources}
    for cond in checker.conditions:
        assert cond.references
        assert cond.prior.source in sources
        for feature in cond.features:
            assert feature.source in sources
            assert feature.grade in ("measured", "expert")
    assert all(flag.references for flag in checker.red_flags)
    assert any(f.grade == "measured" for c in checker.conditions for f in c.features)


def test_red_flag_table_covers_the_contract(content) -> None:
    """The contract's safety rules each have a row in the red-flag table."""
    ids = {flag.id for flag in content.checker.red_flags}
    assert {
        "septic_joint",
        "fever_painful_knee",
        "deformity",
        "cold_numb_foot",
        "ottawa_age",
        "ottawa_patella",
        "ottawa_fibular_head",
        "ottawa_flexion",
        "cannot_bear_weight",
        "possible_dvt",
        "locked_knee",
        "pop_rapid_swelling",
        "night_pain_weight_loss_cancer",
        "bone_stress",
    } <= ids


def test_schemas_are_registered() -> None:
    """`python -m kneecore schema` covers every checker file."""
    schemas = json_schemas()
    for name in ("settings", "sources", "conditions", "red_flags", "questions", "results"):
        assert f"checker/{name}.yaml" in schemas


CASES = [
    (
        "conditions.yaml",
        'lr: 3.0, group: location, reason: "pain at the front of the knee, around the kneecap"',
        'lr: 300, group: location, reason: "pain at the front of the knee, around the kneecap"',
        "content/checker/conditions.yaml: condition 'pfps': features[1].lr: must be 0.01-50, got 300",
    ),
    (
        "conditions.yaml",
        "source: crossley2016}\n      - {when: {answer: location, excludes: [front_kneecap, whole_knee]}",
        "source: nobody2020}\n      - {when: {answer: location, excludes: [front_kneecap, whole_knee]}",
        "content/checker/conditions.yaml: condition 'pfps': source: names source "
        "'nobody2020', which does not exist",
    ),
    (
        "conditions.yaml",
        "{answer: crepitus, equals: true}, lr: 1.3",
        "{answer: crunch, equals: true}, lr: 1.3",
        "content/checker/conditions.yaml: condition 'pfps': features[9].when: names answer "
        "'crunch', which the "
        "contract does not have",
    ),
    (
        "conditions.yaml",
        "  - id: plica_syndrome",
        "  - id: plica",
        "content/checker/conditions.yaml: missing contract condition(s): plica_syndrome",
    ),
    (
        "conditions.yaml",
        "        teen: {factor: 1.3}\n        young: {factor: 1.2, reason",
        "        tween: {factor: 1.3}\n        young: {factor: 1.2, reason",
        "content/checker/conditions.yaml: condition 'pfps': prior.age: names age band "
        "'tween', which does not exist",
    ),
    (
        "red_flags.yaml",
        "    triage: emergency\n    when: {answer: deformity, equals: true}",
        "    triage: self_care\n    when: {answer: deformity, equals: true}",
        "content/checker/red_flags.yaml: red flag 'deformity': triage: must be one of 'consult', 'urgent' or "
        "'emergency', got 'self_care'",
    ),
    (
        "red_flags.yaml",
        "        - {fact: acute_injury}\n        - {answer: age, at_least: 55}",
        "        - {fact: acute_injry}\n        - {answer: age, at_least: 55}",
        "content/checker/red_flags.yaml: red flag 'ottawa_age': when: names fact "
        "'acute_injry', which does not exist",
    ),
    (
        "red_flags.yaml",
        "    when: {answer: deformity, equals: true}",
        "    when: {answer: deformity, equals: 1}",
        "content/checker/red_flags.yaml: red flag 'deformity': when: test 'equals' does "
        "not fit answer 'deformity' "
        "(true or false)",
    ),
    (
        "questions.yaml",
        "questions: [deformity, numbness_or_cold_foot, fever,",
        "questions: [deformity, fever,",
        "content/checker/questions.yaml: answer key 'numbness_or_cold_foot' must be asked "
        "exactly once (asked 0 times)",
    ),
    (
        "questions.yaml",
        '      - {value: other, label: "Other or prefer to describe"}\n',
        "",
        "content/checker/questions.yaml: question 'sex': options: options must be exactly: "
        "female, male, other",
    ),
    (
        "questions.yaml",
        'location: whole_knee, label: "All over", short: "All over"}',
        'location: calf, label: "All over", short: "All over"}',
        "content/checker/questions.yaml: region 'front_whole': names location 'calf', which does not exist",
    ),
    (
        "settings.yaml",
        "{id: mid, lo: 35, hi: 44",
        "{id: mid, lo: 36, hi: 44",
        "content/checker/settings.yaml: age_bands must run without gaps from 5 to 100; "
        "band 'mid' breaks that",
    ),
    (
        "results.yaml",
        "  - level: keep_running_with_changes\n    reason:",
        "  - level: keep_running_with_changes\n    triage_at_most: consult\n    reason:",
        "content/checker/results.yaml: running_rules: the last rule must have no criteria (the fallback)",
    ),
    (
        "results.yaml",
        "weeks of the plan",
        "weeks of the plan {week}",
        "content/checker/results.yaml: review: unknown placeholder 'week' (known: {weeks})",
    ),
    (
        "sources.yaml",
        '    doi: "10.1136/bjsm.36.2.95"',
        '    doi: "bjsm.36.2.95"',
        "content/checker/sources.yaml: source 'taunton2002': doi must look like "
        "10.1234/abc, got 'bjsm.36.2.95'",
    ),
    (
        "conditions.yaml",
        "    triage: self_care\n    running: keep_running_with_changes\n    review_weeks: 6\n"
        "    escalations:\n      - {when: {answer: morning_stiffness",
        "    triage: consult\n    running: keep_running_with_changes\n    review_weeks: 6\n"
        "    escalations:\n      - {when: {answer: morning_stiffness",
        "content/checker/conditions.yaml: condition 'knee_oa': escalations[1].triage: must be more urgent "
        "than the condition's triage 'consult', got 'consult'",
    ),
    (
        "conditions.yaml",
        'reason: "a start with an injury", source: nice_ng226}',
        'reason: "a start with an injury", source: nice2099}',
        "content/checker/conditions.yaml: condition 'knee_oa': source: names source "
        "'nice2099', which does not exist",
    ),
    (
        "results.yaml",
        "  atypical: ",
        "  # atypical: ",
        "content/checker/results.yaml: triage_reasons: missing atypical",
    ),
    (
        "red_flags.yaml",
        "      - when: {answer: days_since_injury, at_least: 42}\n        message: >-\n"
        "          Be seen within 24 hours, even though the injury was weeks ago. A knee that swelled\n"
        "          fast after a pop",
        "      - when: {fact: long_ago}\n        message: >-\n"
        "          Be seen within 24 hours, even though the injury was weeks ago. A knee that swelled\n"
        "          fast after a pop",
        "content/checker/red_flags.yaml: red flag 'pop_rapid_swelling': variants: names fact "
        "'long_ago', which does not exist",
    ),
]


@pytest.mark.parametrize(
    ("rel", "old", "new", "message"),
    CASES,
    ids=[
        "lr-range",
        "unknown-source",
        "unknown-answer",
        "missing-condition",
        "unknown-band",
        "self-care-flag",
        "unknown-fact",
        "wrong-test-type",
        "key-not-asked",
        "options-incomplete",
        "bad-region",
        "age-gap",
        "no-fallback",
        "bad-placeholder",
        "bad-doi",
        "escalation-not-higher",
        "escalation-unknown-source",
        "triage-reason-missing",
        "variant-unknown-fact",
    ],
)
def test_broken_checker_content_names_the_problem(
    edit_yaml: Edit, rel: str, old: str, new: str, message: str
) -> None:
    """A broken checker file fails with a message naming file, item, key and what was expected."""
    folder = edit_yaml(f"checker/{rel}", old, new)
    with pytest.raises(ContentError) as caught:
        load_checker(folder)
    assert message in caught.value.problems, caught.value.problems
    assert message in validate(folder)


def test_missing_checker_file(content_copy: Path) -> None:
    """A missing checker file is named."""
    (content_copy / "checker" / "results.yaml").unlink()
    assert "content/checker/results.yaml: file is missing" in validate(content_copy)


def test_every_page_text_the_code_reads_exists(content) -> None:
    """Each page["key"] read by the checker's code and pages is present in results.yaml."""
    import re

    root = Path(__file__).resolve().parents[2]
    files = [
        *sorted((root / "kneecore" / "checker").glob("*.py")),
        root / "pages" / "checker.py",
        *sorted((root / "pages" / "ui").glob("checker*.py")),
    ]
    used = {m for f in files for m in re.findall(r"page\[[\"'](\w+)[\"']\]", f.read_text(encoding="utf-8"))}
    assert {"conditions_heading_flagged", "conditions_note_flagged"} <= used
    assert used <= set(content.checker.results.page), used - set(content.checker.results.page)
