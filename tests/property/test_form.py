"""Hypothesis checks of the checklist ranking: monotonic in "yes", "not sure" in between, total order."""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kneecore.content._base import Problems
from kneecore.content.form import EVIDENCE_LEVELS, KNEE_LINKS, FormContent, Ranking
from kneecore.content.form import load as load_form
from kneecore.form import MAX_FOCUS, priority, rank_items, sort_key, summarise_form
from kneecore.ids import CONDITION_IDS

CONTENT = Path(__file__).resolve().parents[2] / "content"
_problems = Problems(CONTENT)
REAL = load_form(CONTENT, _problems)
assert REAL is not None, _problems.lines

ANSWER = st.sampled_from(["yes", "no", "not_sure", None])
CONDITION = st.none() | st.sampled_from(CONDITION_IDS)


def _falling(draw: st.DrawFn, levels: tuple[str, ...], lo: float, hi: float) -> dict[str, float]:
    values = sorted(
        draw(st.lists(st.floats(lo, hi), min_size=len(levels), max_size=len(levels))), reverse=True
    )
    return dict(zip(levels, values, strict=True))


@st.composite
def rankings(draw: st.DrawFn) -> Ranking:
    """Any ranking weights form.yaml may hold (validated by the model)."""
    yes = draw(st.floats(0.02, 1))
    return Ranking.model_validate(
        {
            "answer": {
                "yes": yes,
                "not_sure": draw(st.floats(0.01, yes).filter(lambda v: 0 < v < yes)),
                "no": 0.0,
            },
            "knee_link": _falling(draw, KNEE_LINKS, 0.1, 10),
            "evidence": _falling(draw, EVIDENCE_LEVELS, 0.1, 10),
            "condition_boost": draw(st.floats(1, 3)),
        }
    )


@st.composite
def checklists(draw: st.DrawFn) -> FormContent:
    """The real checklist, or one with random weights and items of random ids, levels, conditions, order."""
    if draw(st.booleans()):
        return REAL
    ranking = draw(st.just(REAL.ranking) | rankings())
    count = draw(st.integers(min_value=1, max_value=12))
    base = REAL.items[0]
    items = tuple(
        base.model_copy(
            update={
                "id": f"item_{n}",
                "knee_link": draw(st.sampled_from(KNEE_LINKS)),
                "evidence": draw(st.sampled_from(EVIDENCE_LEVELS)),
                "conditions": tuple(draw(st.lists(st.sampled_from(CONDITION_IDS), max_size=3, unique=True))),
            }
        )
        for n in draw(st.permutations(range(count)))
    )
    return REAL.model_copy(update={"items": items, "ranking": ranking})


@st.composite
def cases(draw: st.DrawFn) -> tuple[FormContent, dict[str, str | None], str | None]:
    """A checklist, answers to each of its items and perhaps a condition."""
    form = draw(checklists())
    answers = {item.id: draw(ANSWER) for item in form.items}
    return form, answers, draw(CONDITION)


def _position(form: FormContent, answers: dict[str, str | None], condition: str | None, item_id: str) -> int:
    ranked = rank_items(form, answers, condition)  # type: ignore[arg-type]
    return next(r.rank for r in ranked if r.item.id == item_id)


@given(cases(), st.data())
def test_yes_never_lowers_priority_or_rank(case, data) -> None:
    """Changing any item's answer to "yes" never lowers its priority or moves it down the ranking."""
    form, answers, condition = case
    item = data.draw(st.sampled_from(form.items))
    before = answers[item.id]
    after = {**answers, item.id: "yes"}
    weights = form.ranking
    assert priority(item, "yes", condition, weights=weights) >= priority(
        item, before or "not_sure", condition, weights=weights
    )
    assert _position(form, after, condition, item.id) <= _position(form, answers, condition, item.id)


@given(cases(), st.data())
def test_not_sure_ranks_between_no_and_yes(case, data) -> None:
    """For any item, "not sure" gives a priority and a rank between those of "no" and "yes"."""
    form, answers, condition = case
    item = data.draw(st.sampled_from(form.items))
    p_no, p_unsure, p_yes = (
        priority(item, a, condition, weights=form.ranking) for a in ("no", "not_sure", "yes")
    )
    assert p_no < p_unsure < p_yes
    ranks = [_position(form, {**answers, item.id: a}, condition, item.id) for a in ("no", "not_sure", "yes")]
    assert ranks[0] >= ranks[1] >= ranks[2]


@given(cases())
def test_ranking_is_total_and_deterministic(case) -> None:
    """Ranks are 1..n over every item once, keys strictly increase, and input order does not matter."""
    form, answers, condition = case
    ranked = rank_items(form, answers, condition)  # type: ignore[arg-type]
    assert [r.rank for r in ranked] == list(range(1, len(form.items) + 1))
    assert sorted(r.item.id for r in ranked) == sorted(i.id for i in form.items)
    index = {item.id: n for n, item in enumerate(form.items)}
    keys = [sort_key(r.item, r.answer, index[r.item.id], condition, weights=form.ranking) for r in ranked]
    assert all(a < b for a, b in itertools.pairwise(keys))
    reversed_answers = dict(reversed(list(answers.items())))
    assert rank_items(form, reversed_answers, condition) == ranked  # type: ignore[arg-type]


@given(cases())
def test_focus_and_plan_follow_the_ranking(case) -> None:
    """The focus is the top of the ranking among yes / not sure; the plan adds one change at a time."""
    form, answers, condition = case
    summary = summarise_form(form, answers, condition)
    eligible = [r for r in summary.ranked if r.answer in ("yes", "not_sure")]
    assert summary.focus == tuple(eligible[:MAX_FOCUS])
    if not summary.focus:
        assert summary.plan == ()
        return
    assert [w.week for w in summary.plan] == [1, 2, 3, 4]
    introduced = [w.item_id for w in summary.plan if w.phase == "introduce"]
    assert introduced == [r.item.id for r in summary.focus]
    for week in summary.plan:
        assert week.item_id not in week.keep
    assert set(summary.plan[-1].keep) == {r.item.id for r in summary.focus}
