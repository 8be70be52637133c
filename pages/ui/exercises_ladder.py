"""The progression ladder as an Altair chart: easier at the bottom, harder at the top.

Clicking another exercise opens it. AppTest cannot click charts, so the mapping from
a selection event to an exercise id (:func:`picked_id`) is a plain function with its
own unit test, and the click itself is covered in the browser test.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from kneecore.content.exercises import ExerciseContent
from kneecore.ladder import ladder

__all__ = ["ladder_chart", "ladder_frames", "picked_id"]

_PARAM = "pick"


def ladder_frames(lib: ExerciseContent, ident: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Nodes (id, name, rung, lane, focus) and edges (x, y, x2, y2) of one ladder."""
    lad = ladder(lib.exercises, ident)
    where = {s.id: (s.lane, s.rung) for s in lad.steps}
    nodes = pd.DataFrame(
        [
            {
                "id": s.id,
                "name": ex.name if (ex := lib.exercise(s.id)) else s.id,
                "rung": s.rung,
                "lane": s.lane,
                "focus": s.id == ident,
            }
            for s in lad.steps
        ]
    )
    edges = pd.DataFrame(
        [{"x": where[a][0], "y": where[a][1], "x2": where[b][0], "y2": where[b][1]} for a, b in lad.edges],
        columns=["x", "y", "x2", "y2"],
    )
    return nodes, edges


def picked_id(event: Any) -> str | None:
    """The exercise id a chart click chose, or None (no click yet, or a cleared one)."""
    if not isinstance(event, Mapping):
        return None
    selection = event.get("selection")
    if not isinstance(selection, Mapping):
        return None
    points = selection.get(_PARAM)
    if isinstance(points, list) and points and isinstance(points[0], Mapping):
        value = points[0].get("id")
        return value if isinstance(value, str) else None
    return None


def ladder_chart(lib: ExerciseContent, ident: str) -> str | None:
    """Draw the ladder around ``ident``; return the id clicked, if any."""
    nodes, edges = ladder_frames(lib, ident)
    rungs = int(nodes["rung"].max()) + 1 if len(nodes) else 1
    lanes = int(nodes["lane"].max()) + 1 if len(nodes) else 1
    x = alt.X("lane:Q", axis=None, scale=alt.Scale(domain=[-0.3, lanes + 0.2]))
    y = alt.Y("rung:Q", axis=None, scale=alt.Scale(domain=[-0.5, rungs - 0.5]))
    pick = alt.selection_point(name=_PARAM, fields=["id"], on="click")
    lines = (
        alt.Chart(edges)
        .mark_rule(color="#9aa5b1", strokeWidth=2)
        .encode(x=alt.X("x:Q", axis=None), y=alt.Y("y:Q", axis=None), x2="x2:Q", y2="y2:Q")
    )
    base = alt.Chart(nodes).encode(x=x, y=y, tooltip=[alt.Tooltip("name:N", title=lib.label("col_name"))])
    dots = base.mark_circle(size=260, stroke="#1a6b5c", strokeWidth=2).encode(
        color=alt.condition("datum.focus", alt.value("#1a6b5c"), alt.value("#ffffff")),
        opacity=alt.value(1),
    )
    dots = dots.add_params(pick)
    names = base.mark_text(align="left", dx=11, fontSize=11, limit=110).encode(text="name:N")
    chart = (lines + dots + names).properties(height=max(120, rungs * 46)).configure_view(stroke=None)
    event = st.altair_chart(
        chart, key=f"exercises.ladder.{ident}", on_select="rerun", selection_mode=[_PARAM]
    )
    return picked_id(event)
