"""Hypothesis: any sequence of routine edits keeps the plan valid and its minutes a sum."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kneecore import InputError
from kneecore.routines import (
    MAX_ROUTINE_ITEMS,
    Plan,
    add_item,
    change_dosage,
    item_minutes,
    move_item,
    plan_from_link,
    plan_to_link,
    remove_item,
    total_minutes,
)

edits = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.integers(0, 46)),
        st.tuples(st.just("remove"), st.integers(0, 9)),
        st.tuples(st.just("move"), st.integers(0, 9), st.integers(-3, 3)),
        st.tuples(st.just("sets"), st.integers(0, 9), st.integers(-2, 12)),
    ),
    max_size=25,
)


@given(edits)
def test_edits_keep_the_plan_valid(content, steps) -> None:
    """After any edits: unique exercises, at most the cap, minutes = sum of items, link round-trips."""
    lib = content.exercises
    plan = Plan()
    for step in steps:
        try:
            if step[0] == "add":
                plan = add_item(plan, lib.exercises[step[1]])
            elif step[0] == "remove":
                plan = remove_item(plan, step[1])
            elif step[0] == "move":
                before = sorted(plan.ids)
                plan = move_item(plan, step[1], step[2])
                assert sorted(plan.ids) == before
            else:
                plan = change_dosage(plan, step[1], sets=step[2])
        except InputError:
            pass
    assert len(set(plan.ids)) == len(plan.ids) <= MAX_ROUTINE_ITEMS
    assert all(1 <= item.dosage.sets <= 10 for item in plan.items)
    assert total_minutes(plan, lib) == sum(item_minutes(i, lib.exercise(i.exercise)) for i in plan.items)
    again, notes = plan_from_link(plan_to_link(plan), lib)
    assert notes == []
    assert again.items == plan.items
