"""The progression ladder as a plain Vega-Lite spec: easier at the bottom, harder at the top.

A click on an exercise's dot selects it through the point selection :data:`LADDER_PARAM`
on the ``id`` field; the page opens the exercise it names.
"""

from __future__ import annotations

from kneecore.content.exercises import ExerciseContent
from kneecore.ladder import ladder
from kneecore.vega import Spec, field, inline, layered

__all__ = ["FOCUS_COLOUR", "LADDER_PARAM", "ladder_rows", "ladder_spec"]

LADDER_PARAM = "pick"
"""The ladder's selection parameter."""

FOCUS_COLOUR = "#1a6b5c"
"""Fill of the exercise the ladder centres on (and every dot's ring)."""


def ladder_rows(lib: ExerciseContent, ident: str) -> tuple[list[Spec], list[Spec]]:
    """Chart rows of the ladder around ``ident``.

    Parameters
    ----------
    lib:
        The exercise library.
    ident:
        The exercise to centre on.

    Returns
    -------
    tuple[list[Spec], list[Spec]]
        Nodes (``id``, ``name``, ``rung``, ``lane``, ``focus``) and edges (``x``, ``y``,
        ``x2``, ``y2``: lane and rung of the easier, then the harder exercise).
    """
    lad = ladder(lib.exercises, ident)
    where = {s.id: (s.lane, s.rung) for s in lad.steps}
    nodes: list[Spec] = [
        {
            "id": s.id,
            "name": ex.name if (ex := lib.exercise(s.id)) else s.id,
            "rung": s.rung,
            "lane": s.lane,
            "focus": s.id == ident,
        }
        for s in lad.steps
    ]
    edges: list[Spec] = [
        {"x": where[a][0], "y": where[a][1], "x2": where[b][0], "y2": where[b][1]} for a, b in lad.edges
    ]
    return nodes, edges


def ladder_spec(lib: ExerciseContent, ident: str) -> Spec:
    """The ladder around ``ident``: grey lines between rungs, a dot and a name per exercise.

    Parameters
    ----------
    lib:
        The exercise library (names and the tooltip's column label).
    ident:
        The exercise to centre on (its dot is filled).

    Returns
    -------
    Spec
        A layered spec; the dots layer carries the click selection :data:`LADDER_PARAM`.
    """
    nodes, edges = ladder_rows(lib, ident)
    rungs = max((int(n["rung"]) for n in nodes), default=0) + 1
    lanes = max((int(n["lane"]) for n in nodes), default=0) + 1
    x = field("lane:Q", axis=None, scale={"domain": [-0.3, lanes + 0.2]})
    y = field("rung:Q", axis=None, scale={"domain": [-0.5, rungs - 0.5]})
    tooltip = [field("name:N", title=lib.label("col_name"))]
    lines = {
        "data": inline(edges),
        "mark": {"type": "rule", "color": "#9aa5b1", "strokeWidth": 2},
        "encoding": {
            "x": field("x:Q", axis=None),
            "y": field("y:Q", axis=None),
            "x2": {"field": "x2"},
            "y2": {"field": "y2"},
        },
    }
    rows = inline(nodes)
    dots = {
        "name": "dots",
        "data": rows,
        "mark": {"type": "circle", "size": 260, "stroke": FOCUS_COLOUR, "strokeWidth": 2},
        "encoding": {
            "x": x,
            "y": y,
            "tooltip": tooltip,
            "color": {"condition": {"test": "datum.focus", "value": FOCUS_COLOUR}, "value": "#ffffff"},
            "opacity": {"value": 1},
        },
    }
    names = {
        "data": rows,
        "mark": {"type": "text", "align": "left", "dx": 11, "fontSize": 11, "limit": 110},
        "encoding": {"x": x, "y": y, "tooltip": tooltip, "text": field("name:N")},
    }
    select = {"type": "point", "fields": ["id"], "on": "click"}
    return layered(
        [lines, dots, names],
        height=max(120, rungs * 46),
        config={"view": {"stroke": None}},
        params=[{"name": LADDER_PARAM, "select": select, "views": ["dots"]}],
    )
