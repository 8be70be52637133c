"""The exercise ladder chart spec: nodes and edges from the ladder, the click selection, sizes."""

from __future__ import annotations

import pytest

from kneecore.ladder import ladder
from kneecore.ladder_chart import FOCUS_COLOUR, LADDER_PARAM, ladder_rows, ladder_spec

FOCI = ("glute_bridge", "step_down", "quad_set", "pogo_hops")


@pytest.mark.parametrize("ident", FOCI)
def test_rows_hold_the_ladder(ident: str, content) -> None:
    """Nodes are the ladder's steps with names and one focus; every edge joins two drawn nodes."""
    lib = content.exercises
    lad = ladder(lib.exercises, ident)
    nodes, edges = ladder_rows(lib, ident)
    assert [(n["id"], n["rung"], n["lane"]) for n in nodes] == [(s.id, s.rung, s.lane) for s in lad.steps]
    assert [n["id"] for n in nodes if n["focus"]] == [ident]
    assert all(n["name"] == lib.exercise(n["id"]).name for n in nodes)
    points = {(n["lane"], n["rung"]) for n in nodes}
    assert len(edges) == len(lad.edges)
    assert all((e["x"], e["y"]) in points and (e["x2"], e["y2"]) in points for e in edges)


@pytest.mark.parametrize("ident", FOCI)
def test_spec_draws_lines_dots_and_names(ident: str, content) -> None:
    """Three layers: grey rules on the edges, dots and names on the nodes, sized by rungs and lanes."""
    nodes, edges = ladder_rows(content.exercises, ident)
    spec = ladder_spec(content.exercises, ident)
    lines, dots, names = spec["layer"]
    assert (lines["mark"]["type"], dots["mark"]["type"], names["mark"]["type"]) == ("rule", "circle", "text")
    assert lines["data"]["values"] == edges
    assert dots["data"]["values"] == names["data"]["values"] == nodes
    assert names["encoding"]["text"]["field"] == "name"
    rungs = max(n["rung"] for n in nodes) + 1
    lanes = max(n["lane"] for n in nodes) + 1
    assert spec["height"] == max(120, rungs * 46)
    assert dots["encoding"]["y"]["scale"]["domain"] == [-0.5, rungs - 0.5]
    assert dots["encoding"]["x"]["scale"]["domain"] == [-0.3, lanes + 0.2]


def test_focus_is_filled_and_tooltip_uses_the_page_label(content) -> None:
    """The focus dot is filled green, the others white; the tooltip title is the page's label."""
    dots = ladder_spec(content.exercises, "step_down")["layer"][1]
    assert dots["encoding"]["color"] == {
        "condition": {"test": "datum.focus", "value": FOCUS_COLOUR},
        "value": "#ffffff",
    }
    assert dots["encoding"]["tooltip"][0]["title"] == content.exercises.label("col_name")


def test_click_selection_picks_an_exercise_id(content) -> None:
    """The selection the page reads is a click point selection on the id field, bound to the dots."""
    spec = ladder_spec(content.exercises, "step_down")
    (param,) = spec["params"]
    assert param["name"] == LADDER_PARAM == "pick"
    assert param["select"] == {"type": "point", "fields": ["id"], "on": "click"}
    assert param["views"] == [spec["layer"][1]["name"]]


def test_unknown_exercise_gives_an_empty_ladder(content) -> None:
    """An id not in the library gives no nodes or edges and the smallest chart."""
    spec = ladder_spec(content.exercises, "no_such_exercise")
    assert all(layer["data"]["values"] == [] for layer in spec["layer"])
    assert spec["height"] == 120
