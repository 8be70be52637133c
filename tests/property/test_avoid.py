"""Hypothesis: a routine item is flagged for a condition exactly when that condition avoids it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kneecore.avoid import avoided_ids, flag_plan
from kneecore.ids import CONDITION_IDS
from kneecore.routines import MAX_ROUTINE_ITEMS, Plan, add_item

conditions = st.lists(st.sampled_from((*CONDITION_IDS, "not_a_condition")), max_size=5)
picks = st.lists(st.integers(0, 10_000), max_size=MAX_ROUTINE_ITEMS, unique=True)


@given(picks, conditions)
def test_flagged_iff_the_condition_avoids_the_exercise(content, picked: list[int], chosen: list[str]) -> None:
    """For random plans and conditions, (item, condition) is flagged iff the exercise is in its avoid list."""
    library = content.exercises.exercises
    plan = Plan()
    for number in picked:
        ex = library[number % len(library)]
        if ex.id not in plan.ids:
            plan = add_item(plan, ex)
    flags = flag_plan(content, plan, chosen)
    got = {(f.index, f.condition) for f in flags}
    want = {
        (index, condition)
        for index, item in enumerate(plan.items)
        for condition in set(chosen)
        if item.exercise in avoided_ids(content, condition)
    }
    assert got == want
    assert len(flags) == len(got)
    assert all(plan.items[f.index].exercise == f.exercise for f in flags)
