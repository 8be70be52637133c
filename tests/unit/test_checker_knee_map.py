"""The knee map's pure helpers: labelled rows lit by the list, selection parsing, taps toggling the list."""

from __future__ import annotations

from typing import Any

import pytest

from kneecore.checker import load_checker
from kneecore.checker.answers import allowed_values
from kneecore.checker.knee_map import (
    CHOSEN_MARK,
    MAP_PARAM,
    VIEW_ORDER,
    map_rows,
    map_spec,
    selected_regions,
    toggle_locations,
)

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


@pytest.mark.parametrize("chosen", [[], ["outside"], ["back", "front_kneecap"]], ids=str)
def test_spec_draws_the_rows_with_lit_spots(chosen: list[str]) -> None:
    """Spots and their labels carry the map rows; colour, ring and label colour follow ``chosen``."""
    _, spots, marks, _ = map_spec(CONTENT, chosen)["layer"]
    rows = map_rows(CONTENT, chosen)
    assert spots["data"]["values"] == marks["data"]["values"] == rows
    assert (spots["mark"]["type"], marks["mark"]["type"]) == ("circle", "text")
    assert marks["encoding"]["text"]["field"] == "mark"
    for channel, on, off in [("color", "#c0392b", "#ffffff"), ("strokeWidth", 3, 1)]:
        assert spots["encoding"][channel] == {
            "condition": [{"test": "datum.chosen", "value": on}],
            "value": off,
        }
    assert marks["encoding"]["color"]["condition"][0]["test"] == "datum.chosen"
    assert [t["field"] for t in spots["encoding"]["tooltip"]] == ["label", "view"]


def test_spec_has_three_outlines_and_view_titles_in_order() -> None:
    """A faint outline and a bold title sit over each view, front, side and back from left to right."""
    spec = map_spec(CONTENT)
    outline, _, _, titles = spec["layer"]
    centres = [row["x"] for row in outline["data"]["values"]]
    assert centres == [50, 150, 250]
    assert [row["x"] for row in titles["data"]["values"]] == centres
    views = CONTENT.questions.knee_map.views
    assert [row["view"] for row in titles["data"]["values"]] == [views[v] for v in VIEW_ORDER]
    assert titles["encoding"]["text"]["field"] == "view"
    assert spec["height"] == 300
    assert spec["config"] == {"view": {"stroke": None}}


def test_spec_selection_is_a_single_spot_by_region() -> None:
    """The click selection the page reads: one spot at a time by region, bound to the spots layer."""
    spec = map_spec(CONTENT)
    (param,) = spec["params"]
    assert param["name"] == MAP_PARAM == "spot"
    assert param["select"] == {
        "type": "point",
        "fields": ["region"],
        "on": "click",
        "clear": False,
        "toggle": False,
    }
    assert param["views"] == [spec["layer"][1]["name"]]
    assert selected_regions({"selection": {MAP_PARAM: [{"region": "front_kneecap"}]}}) == ("front_kneecap",)


def test_spec_scales_fit_every_spot() -> None:
    """Every spot lies inside the fixed x and y domains, so none is clipped off the map."""
    spots = map_spec(CONTENT)["layer"][1]
    (x0, x1), (y0, y1) = spots["encoding"]["x"]["scale"]["domain"], spots["encoding"]["y"]["scale"]["domain"]
    assert all(x0 <= r["x"] <= x1 and y0 <= r["y"] <= y1 for r in spots["data"]["values"])
