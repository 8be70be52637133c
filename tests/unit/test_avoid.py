"""kneecore.avoid: the "leave out for now" entries a page shows, and the routine items they flag."""

from __future__ import annotations

import pytest

from kneecore.avoid import flag_plan, leave_out_for_now
from kneecore.routines import Plan, add_item


@pytest.mark.parametrize(
    ("conditions", "expected"),
    [
        ((), ()),
        (("itbs",), ()),
        (("housemaids_knee",), ()),
        (("pfps",), ("pfps",)),
        (("pfps", "pfps", "nope"), ("pfps",)),
        (("stress_fracture", "pfps"), ("stress_fracture", "pfps")),
    ],
)
def test_entries_follow_the_conditions_given(content, conditions: tuple[str, ...], expected) -> None:
    """Unknown ids and repeats are skipped; each known condition gives all its entries, in order."""
    items = leave_out_for_now(content, conditions)
    want = [
        (page.id, entry.exercises)
        for ident in expected
        for page in [content.library.condition(ident)]
        for entry in page.avoid_for_now
    ]
    assert [(i.condition, i.exercises) for i in items] == want


def test_entries_carry_names_reason_and_sources(content) -> None:
    """Each entry names its exercises as the library spells them and keeps its reason and sources."""
    for item in leave_out_for_now(content, [p.id for p in content.library.conditions]):
        assert item.names == tuple(content.exercises.exercise(e).name for e in item.exercises)
        assert item.why
        assert item.references


@pytest.mark.parametrize(
    ("exercises", "conditions", "expected"),
    [
        (("pogo_hops", "clamshell"), (), ()),
        (("pogo_hops", "clamshell"), ("itbs",), ()),
        (("pogo_hops", "clamshell"), ("stress_fracture",), ((0, "pogo_hops", "stress_fracture"),)),
        (
            ("clamshell", "pogo_hops"),
            ("nope", "stress_fracture", "stress_fracture"),
            ((1, "pogo_hops", "stress_fracture"),),
        ),
        (
            ("skipping", "clamshell", "pogo_hops"),
            ("patellar_tendinopathy", "stress_fracture"),
            (
                (0, "skipping", "stress_fracture"),
                (2, "pogo_hops", "patellar_tendinopathy"),
                (2, "pogo_hops", "stress_fracture"),
            ),
        ),
        (("decline_squat", "wall_sit"), ("pfps",), ((0, "decline_squat", "pfps"),)),
        (("wall_sit", "glute_bridge"), ("pfps", "stress_fracture"), ()),
    ],
)
def test_plan_items_are_flagged_for_each_condition_that_avoids_them(
    content, exercises: tuple[str, ...], conditions: tuple[str, ...], expected
) -> None:
    """Each plan item a condition avoids is flagged once per condition, in plan then condition order."""
    plan = Plan()
    for ident in exercises:
        plan = add_item(plan, content.exercises.exercise(ident))
    flags = flag_plan(content, plan, conditions)
    assert tuple((f.index, f.exercise, f.condition) for f in flags) == expected


def test_plan_flags_carry_the_short_name_reason_and_sources(content) -> None:
    """A flag names the condition as menus do and keeps the reason and sources of its entry."""
    plan = add_item(Plan(), content.exercises.exercise("lateral_hops"))
    names = content.checker.short_names()
    for condition in ("stress_fracture", "meniscus_tear", "acl_tear"):
        (flag,) = flag_plan(content, plan, [condition])
        entry = next(i for i in leave_out_for_now(content, [condition]) if "lateral_hops" in i.exercises)
        assert flag.name == names[condition]
        assert (flag.why, flag.references) == (entry.why, entry.references)
        assert flag.references
