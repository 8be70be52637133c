"""The knee map's pure helpers: labelled rows lit by the list, selection parsing, taps toggling the list."""

from __future__ import annotations

from typing import Any

import pytest

from kneecore.checker import load_checker
from kneecore.checker.answers import allowed_values
from kneecore.checker.knee_map import CHOSEN_MARK, VIEW_ORDER, map_rows, selected_regions, toggle_locations

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
    ("current", "tapped", "expected"),
    [
        ([], ["front_kneecap"], ["front_kneecap"]),
        (["back"], ["front_inside"], ["inside", "back"]),
        (["front_kneecap", "inside"], ["front_kneecap"], ["inside"]),
        (["outside"], ["back_outside"], []),
        (["back"], ["side_back", "back_centre"], []),
        ([], ["side_back", "back_centre"], ["back"]),
        (["outside"], ["nowhere"], ["outside"]),
        (["whole_knee", "front_kneecap"], [], ["front_kneecap", "whole_knee"]),
        (["front_kneecap"], ["front_whole"], ["front_kneecap", "whole_knee"]),
    ],
    ids=[
        "add",
        "add-keeps-list",
        "remove-tapped",
        "remove-picked-from-list",
        "same-location-twice-switches-once",
        "same-location-twice-adds-once",
        "unknown-region",
        "order",
        "add-second",
    ],
)
def test_toggle_locations(current: list[str], tapped: list[str], expected: list[str]) -> None:
    """A tap switches its spot's location (also one picked from the list); order follows the contract."""
    assert toggle_locations(CONTENT, current, tapped) == expected


@pytest.mark.parametrize(
    "chosen", [[], ["outside"], ["back", "front_kneecap"], list(allowed_values("location"))], ids=str
)
def test_map_lights_exactly_the_chosen_locations(chosen: list[str]) -> None:
    """Every spot of a chosen location is lit and ticked, every other spot is not: map and list agree."""
    for row in map_rows(CONTENT, chosen):
        region = next(g for g in CONTENT.questions.knee_map.regions if g.id == row["region"])
        assert row["chosen"] is (region.location in chosen)
        assert row["mark"] == (CHOSEN_MARK if row["chosen"] else "") + region.short


def test_tap_then_rows_round_trip() -> None:
    """Tapping a spot lights every spot of that location; tapping another spot of it turns all off."""
    after = toggle_locations(CONTENT, [], ["side_back"])
    lit = {r["region"] for r in map_rows(CONTENT, after) if r["chosen"]}
    assert lit == {"side_back", "back_centre"}
    after = toggle_locations(CONTENT, after, ["back_centre"])
    assert not any(r["chosen"] for r in map_rows(CONTENT, after))


def test_map_labels_are_short_enough_to_read_on_a_phone() -> None:
    """Each spot has a visible label of at most 12 characters, and spots in one view do not overlap."""
    regions = CONTENT.questions.knee_map.regions
    assert all(0 < len(r.short) <= 12 for r in regions)
    for a in regions:
        for b in regions:
            if a.id < b.id and a.view == b.view:
                assert abs(a.x - b.x) >= 20 or abs(a.y - b.y) >= 14, (a.id, b.id)
