"""Rules of the form checklist: priorities, ranking, answer parsing and the four-week plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from kneecore.content._base import Problems
from kneecore.content.form import FORM_ITEM_IDS, FormContent, Ranking
from kneecore.content.form import load as load_form
from kneecore.errors import InputError
from kneecore.form import (
    MAX_FOCUS,
    PlanWeek,
    parse_answers,
    parse_condition,
    plan_weeks,
    priority,
    rank_items,
    summarise_form,
)

CONTENT = Path(__file__).resolve().parents[2] / "content"


@pytest.fixture(scope="module")
def form() -> FormContent:
    """The real checklist content, read on its own (independent of other domains)."""
    problems = Problems(CONTENT)
    loaded = load_form(CONTENT, problems)
    assert loaded is not None, problems.lines
    return loaded


# Weights chosen for the test (content/form.yaml holds the published ones).
WEIGHTS = Ranking.model_validate(
    {
        "answer": {"yes": 1.0, "not_sure": 0.5, "no": 0.0},
        "knee_link": {"high": 3.0, "medium": 2.0, "low": 1.0},
        "evidence": {"strong": 4.0, "moderate": 3.0, "limited": 2.0, "none": 1.0},
        "condition_boost": 1.5,
    }
)


@pytest.mark.parametrize(
    ("knee", "evidence", "answer", "condition_matches", "expected"),
    [
        ("high", "moderate", "yes", False, 3.0 * 3.0),
        ("high", "moderate", "not_sure", False, 0.5 * 3.0 * 3.0),
        ("high", "moderate", "no", False, 0.0),
        ("medium", "limited", "yes", True, 2.0 * 2.0 * 1.5),
        ("low", "none", "yes", False, 1.0),
        ("low", "strong", "not_sure", True, 0.5 * 4.0 * 1.5),
    ],
)
def test_priority_table(form, knee, evidence, answer, condition_matches, expected) -> None:
    """Priority is the product of answer, knee-link, evidence and condition weights."""
    item = form.item("overstriding").model_copy(
        update={"knee_link": knee, "evidence": evidence, "conditions": ("pfps",)}
    )
    condition = "pfps" if condition_matches else "knee_oa"
    assert priority(item, answer, condition, weights=WEIGHTS) == pytest.approx(expected)


def test_ranking_uses_the_content_weights(form) -> None:
    """rank_items weighs with form.yaml's ranking: doubling its knee-link weights doubles every priority."""
    answers = parse_answers({"arm_swing": "yes", "overstriding": "not_sure", "cadence": "yes"}, form)
    data = form.ranking.model_dump()
    data["knee_link"] = {level: 2 * weight for level, weight in data["knee_link"].items()}
    doubled = form.model_copy(update={"ranking": Ranking.model_validate(data)})
    before = {r.item.id: r.priority for r in rank_items(form, answers)}
    after = {r.item.id: r.priority for r in rank_items(doubled, answers)}
    assert before["arm_swing"] > 0
    assert after == pytest.approx({item_id: 2 * value for item_id, value in before.items()})


def test_yes_items_come_before_not_sure_and_no(form) -> None:
    """A weakly supported "yes" still ranks above a strongly supported "not sure", and "no" is last."""
    answers = {"arm_swing": "yes", "overstriding": "not_sure", "cadence": "no"}
    ranked = rank_items(form, parse_answers(answers, form))
    order = [r.item.id for r in ranked]
    assert order[0] == "arm_swing"
    assert order.index("overstriding") < order.index("cadence")
    assert order[-1] == "cadence"


def test_condition_moves_matching_items_up(form) -> None:
    """With the same answers, naming a condition lifts the items that list it."""
    answers = parse_answers({"trunk_lean": "yes", "vertical_oscillation": "yes"}, form)
    plain = [r.item.id for r in rank_items(form, answers)]
    trunk = form.item("trunk_lean")
    assert "pfps" in trunk.conditions
    with_pfps = rank_items(form, answers, "pfps")
    assert [r.item.id for r in with_pfps].index("trunk_lean") <= plain.index("trunk_lean")
    assert next(r for r in with_pfps if r.item.id == "trunk_lean").matches_condition


def test_ties_keep_file_order(form) -> None:
    """Items with equal answers and weights keep the order of form.yaml."""
    answers = parse_answers({}, form)
    ranked = rank_items(form, answers)
    same = [r.item.id for r in ranked if r.priority == ranked[0].priority]
    assert same == [i.id for i in form.items if i.id in same]


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ({"overstriding": "maybe"}, "form.answers.overstriding"),
        ({"overstriding": True}, "form.answers.overstriding"),
        ({"heel_whip": "yes"}, "form.answers"),
    ],
)
def test_bad_answers_name_the_key(form, raw, key) -> None:
    """An unknown item or an answer outside yes / no / not_sure raises InputError naming the key."""
    with pytest.raises(InputError) as caught:
        parse_answers(raw, form)
    assert caught.value.key == key


def test_skipped_answers_stay_skipped(form) -> None:
    """Items the runner skipped come back as None, never as a made-up answer."""
    parsed = parse_answers({"cadence": "yes"}, form)
    assert list(parsed) == list(FORM_ITEM_IDS)
    assert parsed["cadence"] == "yes"
    assert all(parsed[i] is None for i in FORM_ITEM_IDS if i != "cadence")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(None, None), ("pfps", "pfps"), (" ITBS ", "itbs"), ("runners_knee", None), ("", None)],
)
def test_parse_condition(raw, expected) -> None:
    """Known condition ids pass (trimmed, any case); unknown ones are dropped."""
    assert parse_condition(raw) == expected


@pytest.mark.parametrize(
    ("focus", "expected"),
    [
        ((), ()),
        (
            ("a",),
            (
                PlanWeek(1, "introduce", "a", ()),
                PlanWeek(2, "extend", "a", ()),
                PlanWeek(3, "extend", "a", ()),
                PlanWeek(4, "review", None, ("a",)),
            ),
        ),
        (
            ("a", "b"),
            (
                PlanWeek(1, "introduce", "a", ()),
                PlanWeek(2, "extend", "a", ()),
                PlanWeek(3, "introduce", "b", ("a",)),
                PlanWeek(4, "review", None, ("a", "b")),
            ),
        ),
        (
            ("a", "b", "c", "d"),
            (
                PlanWeek(1, "introduce", "a", ()),
                PlanWeek(2, "introduce", "b", ("a",)),
                PlanWeek(3, "introduce", "c", ("a", "b")),
                PlanWeek(4, "review", None, ("a", "b", "c")),
            ),
        ),
    ],
    ids=["none", "one", "two", "four-capped-at-three"],
)
def test_plan_weeks_table(focus, expected) -> None:
    """The plan brings in one change a week (or one over three weeks) and reviews in week 4."""
    assert plan_weeks(focus) == expected


def test_summary_focus_skips_no_and_skipped(form) -> None:
    """The focus holds only items answered yes or not sure, at most three, in rank order."""
    raw = {
        "overstriding": "yes",
        "cadence": "yes",
        "pelvic_drop": "not_sure",
        "knee_valgus": "yes",
        "arm_swing": "no",
    }
    summary = summarise_form(form, raw, "itbs")
    assert len(summary.focus) == MAX_FOCUS
    assert {r.answer for r in summary.focus} <= {"yes", "not_sure"}
    assert [r.item.id for r in summary.focus] == [r.item.id for r in summary.ranked[:MAX_FOCUS]]
    assert summary.condition == "itbs"
    assert summary.answered == 5
    assert [w.item_id for w in summary.plan[:3]] == [r.item.id for r in summary.focus]


def test_summary_with_nothing_answered_or_all_no(form) -> None:
    """No answers, or every answer no, gives no focus and no plan."""
    assert summarise_form(form, {}).focus == ()
    all_no = summarise_form(form, dict.fromkeys(FORM_ITEM_IDS, "no"))
    assert all_no.focus == ()
    assert all_no.plan == ()
    assert all_no.answered == len(FORM_ITEM_IDS)


def test_summary_ignores_unknown_condition(form) -> None:
    """An unknown ?condition= value is dropped rather than failing."""
    summary = summarise_form(form, {"cadence": "yes"}, "not_a_condition")
    assert summary.condition is None
    assert not any(r.matches_condition for r in summary.ranked)


def test_skipped_items_rank_below_not_sure_and_above_no(form) -> None:
    """A skipped item sorts after every "not sure" and before every "no": the focus tops the list."""
    answers = parse_answers({"arm_swing": "not_sure", "cadence": "no"}, form)
    order = [r.item.id for r in rank_items(form, answers)]
    assert order[0] == "arm_swing"
    assert order[-1] == "cadence"
    summary = summarise_form(form, {"arm_swing": "not_sure", "cadence": "no", "overstriding": "yes"})
    assert [r.rank for r in summary.focus] == [1, 2]


def test_plan_marks_unsure_changes_to_film_first() -> None:
    """A change answered "not sure" is flagged to film first in the week it is introduced, and only then."""
    weeks = plan_weeks(("a", "b"), frozenset({"a"}))
    assert [w.check_first for w in weeks] == [True, False, False, False]
