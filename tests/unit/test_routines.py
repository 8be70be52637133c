"""The routine builder: start, add, remove, reorder, change doses, minutes and share links."""

from __future__ import annotations

import pytest

from kneecore import InputError, sharing
from kneecore.routines import (
    MAX_ROUTINE_ITEMS,
    Plan,
    add_item,
    change_dosage,
    dosage_text,
    item_minutes,
    move_item,
    plan_from_link,
    plan_to_link,
    remove_item,
    start_plan,
    total_minutes,
)


@pytest.fixture
def lib(content):
    """The real exercise content."""
    return content.exercises


def test_start_plan_copies_the_starter_routine(lib) -> None:
    """A plan from a starter routine has its exercises, in order, and remembers its source."""
    plan = start_plan(lib, "routine_pfps")
    routine = lib.routine("routine_pfps")
    assert plan.ids == tuple(i.exercise for i in routine.items)
    assert plan.source == "routine_pfps"
    assert plan.title == routine.name


def test_start_plan_unknown_routine(lib) -> None:
    """An unknown routine id raises InputError naming 'routine'."""
    with pytest.raises(InputError) as caught:
        start_plan(lib, "routine_gout")
    assert caught.value.key == "routine"


def test_add_remove_and_duplicates(lib) -> None:
    """Adding appends at the exercise's own dose; a duplicate is refused; removing drops one."""
    plan = add_item(Plan(), lib.exercise("clamshell"))
    plan = add_item(plan, lib.exercise("wall_sit"))
    assert plan.ids == ("clamshell", "wall_sit")
    assert plan.items[0].dosage == lib.exercise("clamshell").dosage
    with pytest.raises(InputError, match="each exercise once"):
        add_item(plan, lib.exercise("clamshell"))
    assert remove_item(plan, 0).ids == ("wall_sit",)
    with pytest.raises(InputError):
        remove_item(plan, 5)


def test_plan_is_capped(lib) -> None:
    """A plan holds at most MAX_ROUTINE_ITEMS exercises, so the handout fits one page."""
    plan = Plan()
    for ex in lib.exercises[:MAX_ROUTINE_ITEMS]:
        plan = add_item(plan, ex)
    with pytest.raises(InputError, match=f"at most {MAX_ROUTINE_ITEMS}"):
        add_item(plan, lib.exercises[MAX_ROUTINE_ITEMS])


@pytest.mark.parametrize(
    ("index", "offset", "expected"),
    [(0, 1, "bac"), (2, -1, "acb"), (0, -1, "abc"), (2, 5, "abc"), (1, -9, "bac"), (0, 2, "bca")],
)
def test_move_item(lib, index: int, offset: int, expected: str) -> None:
    """Moving shifts one item, clamped at both ends."""
    ids = {"a": "quad_set", "b": "wall_sit", "c": "clamshell"}
    plan = Plan()
    for key in "abc":
        plan = add_item(plan, lib.exercise(ids[key]))
    back = {v: k for k, v in ids.items()}
    assert "".join(back[i] for i in move_item(plan, index, offset).ids) == expected


@pytest.mark.parametrize(
    ("exercise", "changes", "key"),
    [
        ("clamshell", {"sets": 40}, "dosage.sets"),
        ("clamshell", {"sets": 0}, "dosage.sets"),
        ("clamshell", {"reps": 51}, "dosage.reps"),
        ("wall_sit", {"hold_seconds": 2}, "dosage.hold_seconds"),
        ("wall_sit", {"reps": 10}, "dosage.reps"),
        ("clamshell", {"tempo": 3}, "dosage.tempo"),
    ],
)
def test_change_dosage_refuses_bad_numbers(lib, exercise: str, changes: dict[str, int], key: str) -> None:
    """Out-of-range or unused dose fields raise InputError naming dosage.<field>."""
    plan = add_item(Plan(), lib.exercise(exercise))
    with pytest.raises(InputError) as caught:
        change_dosage(plan, 0, **changes)
    assert caught.value.key == key


def test_change_dosage_and_minutes(lib) -> None:
    """Doubling the sets roughly doubles the minutes; the default dose keeps the exercise's own minutes."""
    ex = lib.exercise("clamshell")
    plan = add_item(Plan(), ex)
    assert item_minutes(plan.items[0], ex) == ex.minutes
    more = change_dosage(plan, 0, sets=ex.dosage.sets * 2)
    assert more.items[0].dosage.sets == ex.dosage.sets * 2
    assert more.items[0].dosage.rest_seconds == ex.dosage.rest_seconds
    assert item_minutes(more.items[0], ex) > ex.minutes
    fewer = change_dosage(plan, 0, sets=1, reps=5)
    assert 1 <= item_minutes(fewer.items[0], ex) < ex.minutes


def test_total_minutes_is_the_sum(lib) -> None:
    """The routine's total is the sum of its items' minutes."""
    plan = start_plan(lib, "hips_first")
    expected = sum(item_minutes(i, lib.exercise(i.exercise)) for i in plan.items)
    assert total_minutes(plan, lib) == expected > 0
    assert total_minutes(Plan(), lib) == 0


def test_dosage_text_uses_the_templates(lib) -> None:
    """The dose reads in words from _page.yaml's templates."""
    words = lib.page.labels
    assert (
        dosage_text(lib.exercise("clamshell").dosage, words)
        == "3 x 15 reps each side, rest 45 s, 4 days a week"
    )
    assert dosage_text(lib.exercise("wall_sit").dosage, words).startswith("4 x 30 s hold")
    assert dosage_text(lib.exercise("easy_cycling").dosage, words).startswith("1 x 15 min, 5 days")


def test_share_link_round_trip(lib) -> None:
    """A plan survives a share link with its title, order and changed doses."""
    plan = change_dosage(start_plan(lib, "routine_itbs"), 1, sets=4)
    again, notes = plan_from_link(plan_to_link(plan), lib)
    assert notes == []
    assert again.title == plan.title
    assert again.ids == plan.ids
    assert [i.dosage for i in again.items] == [i.dosage for i in plan.items]


def test_share_link_drops_what_it_cannot_use(lib) -> None:
    """Unknown exercises and out-of-range doses are left out or reset, each with a note."""
    value = sharing.encode(
        {"t": "Mine", "i": [["wall_sit", 99, 30], ["moonwalk", 3, 10], "junk", ["clamshell", 2, 12]]}
    )
    plan, notes = plan_from_link(value, lib)
    assert plan.ids == ("wall_sit", "clamshell")
    assert plan.items[0].dosage == lib.exercise("wall_sit").dosage
    assert plan.items[1].dosage.sets == 2
    assert notes == [
        "plan: the dose of 'wall_sit' was out of range, so its usual dose is used",
        "plan: exercise 'moonwalk' is not in this library, so it was left out",
        "plan: an item could not be read, so it was left out",
    ]


@pytest.mark.parametrize("value", ["", "garbage!", sharing.encode({"t": "x"}), sharing.encode({"i": "no"})])
def test_damaged_share_link(lib, value: str) -> None:
    """A damaged link raises InputError naming the parameter."""
    with pytest.raises(InputError) as caught:
        plan_from_link(value, lib)
    assert caught.value.key == "plan"
