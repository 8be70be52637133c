"""Stick-figure SVGs: every exercise renders valid, accessible SVG inside its panels."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from kneecore.content.exercises import Figure, Pose
from kneecore.figures import FIGURE_WIDTH, render_svg, skeleton

NS = "{http://www.w3.org/2000/svg}"


def test_every_exercise_renders_valid_svg(content) -> None:
    """Each exercise's figure parses as SVG with a title, a description and two drawn poses."""
    for ex in content.exercises.exercises:
        svg = render_svg(ex.figure, ex.name)
        root = ET.fromstring(svg)
        assert root.tag == f"{NS}svg", ex.id
        assert root.get("role") == "img"
        assert root.find(f"{NS}title").text == ex.name
        assert root.find(f"{NS}desc").text == ex.figure.alt
        assert len(root.findall(f"{NS}g")) == 2, ex.id


def test_figures_stay_inside_their_panels(content) -> None:
    """No joint leaves its 100 x 100 panel or sinks far below the floor line."""
    for ex in content.exercises.exercises:
        for pose in (ex.figure.start, ex.figure.end):
            for line in skeleton(pose, ex.figure.view == "front").values():
                for x, y in line:
                    assert -3 <= x <= 103, (ex.id, x)
                    assert 0 <= y <= 103, (ex.id, y)


def test_skeleton_proportions() -> None:
    """A standing pose puts the head above the hip and the feet below it; the right side mirrors the left."""
    parts = skeleton(Pose(hip=(50, 45)))
    assert parts["head"][0][1] > 45 > parts["near_leg"][2][1]
    assert parts["near_leg"] == parts["far_leg"]
    front = skeleton(Pose(hip=(50, 45)), front=True)
    assert front["near_leg"][0][0] > 50 > front["far_leg"][0][0]


def test_text_is_escaped() -> None:
    """Names and descriptions with markup characters stay text."""
    fig = Figure(start=Pose(hip=(50, 45)), end=Pose(hip=(50, 45)), alt="knees < toes & more")
    root = ET.fromstring(render_svg(fig, "A <b> name"))
    assert root.find(f"{NS}title").text == "A <b> name"
    assert root.get("viewBox").startswith("0 ")
    assert str(FIGURE_WIDTH) in root.get("viewBox")


@pytest.mark.parametrize(
    "kind", ["floor", "wall", "step", "box", "bench", "roller", "band", "weight", "bike", "strap", "ball"]
)
def test_every_prop_draws(kind: str) -> None:
    """Each prop kind adds at least one shape to the drawing."""
    bare = Figure(start=Pose(hip=(50, 45)), end=Pose(hip=(50, 45)), alt="x")
    with_prop = Figure.model_validate(
        {**bare.model_dump(), "props": ({"kind": kind, "x": 30, "y": 5, "w": 20, "h": 10},)}
    )
    assert len(ET.fromstring(render_svg(with_prop, "x"))) > len(ET.fromstring(render_svg(bare, "x")))


def test_each_drawing_is_made_once_and_equal_figures_share_it(content) -> None:
    """A figure is drawn once per process; an equal figure gets the same drawing, another figure its own."""
    first, second = content.exercises.exercises[:2]
    render_svg.cache_clear()
    svg = render_svg(first.figure, first.name)
    assert render_svg(first.figure.model_copy(), first.name) is svg
    assert render_svg(second.figure, second.name) != svg
    assert render_svg.cache_info().hits == 1
