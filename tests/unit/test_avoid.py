"""kneecore.avoid: the "leave out for now" entries a page shows for chosen conditions."""

from __future__ import annotations

import pytest

from kneecore.avoid import leave_out_for_now


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
