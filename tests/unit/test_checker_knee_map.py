"""The knee map's pure helpers: chart rows, selection parsing and list merging."""

from __future__ import annotations

from typing import Any

import pytest

from kneecore.checker import load_checker
from kneecore.checker.answers import allowed_values
from kneecore.checker.knee_map import VIEW_ORDER, map_rows, merge_selection, selected_regions

CONTENT = load_checker()


def test_rows_cover_three_views_and_every_location() -> None:
    """Each region becomes one row; views sit side by side; every contract location is reachable."""
    rows = map_rows(CONTENT)
    assert len(rows) == len(CONTENT.questions.knee_map.regions)
    assert {r["location"] for r in rows} == set(allowed_values("location"))
    for row in rows:
        region = next(g for g in CONTENT.questions.knee_map.regions if g.id == row["region"])
        left = VIEW_ORDER.index(region.view) * 100
        assert left <= row["x"] <= left + 100
        assert row["view"] == CONTENT.questions.knee_map.views[region.view]


@pytest.mark.parametrize(
    ("state", "regions"),
    [
        ({"selection": {"spot": [{"region": "front_kneecap"}]}}, ("front_kneecap",)),
        (
            {
                "selection": {
                    "spot": [{"region": "side_back"}, {"region": "back_centre"}, {"region": "side_back"}]
                }
            },
            ("back_centre", "side_back"),
        ),
        ({"selection": {"spot": []}}, ()),
        ({"selection": {}}, ()),
        ({}, ()),
        (None, ()),
        ("spot", ()),
        ({"selection": {"spot": "front_kneecap"}}, ()),
        ({"selection": {"spot": [{"region": 3}, "x", {"other": "front_kneecap"}]}}, ()),
        ({"selection": [1, 2]}, ()),
    ],
    ids=[
        "one",
        "several-deduplicated",
        "empty",
        "no-param",
        "no-selection",
        "none",
        "text",
        "param-text",
        "junk-items",
        "selection-list",
    ],
)
def test_selected_regions(state: Any, regions: tuple[str, ...]) -> None:
    """Chart states of any shape give the selected region ids, or nothing."""
    assert selected_regions(state) == regions


@pytest.mark.parametrize(
    ("current", "before", "after", "expected"),
    [
        ([], [], ["front_kneecap"], ["front_kneecap"]),
        (["back"], [], ["front_inside"], ["inside", "back"]),
        (["front_kneecap", "inside"], ["front_kneecap"], [], ["inside"]),
        (["back"], ["side_back"], ["side_back", "back_centre"], ["back"]),
        (["outside"], [], ["nowhere"], ["outside"]),
        (["whole_knee", "front_kneecap"], [], [], ["front_kneecap", "whole_knee"]),
        ([], ["front_outside"], ["front_outside", "front_whole"], ["whole_knee"]),
    ],
    ids=["add", "add-keeps-list", "remove", "same-location-twice", "unknown-region", "order", "add-second"],
)
def test_merge_selection(
    current: list[str], before: list[str], after: list[str], expected: list[str]
) -> None:
    """A click adds or removes its region's location; list choices stay; order follows the contract."""
    assert merge_selection(CONTENT, current, before, after) == expected
