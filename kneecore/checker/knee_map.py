"""The clickable knee map: chart rows from the content, and taps mapped to contract locations.

The page draws the regions of ``questions.yaml: knee_map`` as labelled spots in three
views (front, outer side, back). The map and the location list show one selection: a
spot is lit when its location is chosen, whether it was tapped or picked from the list,
and a tap on a spot toggles its location in the list. These pure functions do the
mapping; the page only draws and stores.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

from kneecore.content.checker import CheckerContent
from kneecore.vega import Spec, field, inline, layered

__all__ = [
    "CHOSEN_MARK",
    "MAP_PARAM",
    "VIEW_ORDER",
    "map_rows",
    "map_spec",
    "selected_regions",
    "toggle_locations",
]

View = Literal["front", "side", "back"]

VIEW_ORDER: tuple[View, ...] = ("front", "side", "back")
"""Left to right on the map."""

VIEW_WIDTH = 100.0
"""Each view's width in chart units (regions use 0-100 inside their view)."""

CHOSEN_MARK = "✓ "
"""Put before a chosen spot's label, so the choice does not rest on colour alone."""

MAP_PARAM = "spot"
"""The map's selection parameter (a click selects one spot by its ``region`` field)."""

_INK = "#1f2933"
_LIT = "#c0392b"
_LIT_TEXT = "#a93226"
_OUTLINE = "#1a6b5c"


def map_rows(content: CheckerContent, chosen: Iterable[str] = ()) -> list[dict[str, Any]]:
    """One row per region: id, location, labels, view, x/y on the shared chart, and whether it is lit.

    Parameters
    ----------
    content:
        The checker content (regions and view titles).
    chosen:
        The location ids chosen now (the list widget's value); their spots are lit.

    Returns
    -------
    list[dict[str, Any]]
        Rows with ``region``, ``location``, ``label`` (full words, for the tooltip),
        ``mark`` (the short text drawn on the map, with a tick when chosen), ``chosen``,
        ``view``, ``x``, ``y``; ``x`` is shifted by the view's position so the three views
        sit side by side.
    """
    kmap = content.questions.knee_map
    lit = set(chosen)
    rows = []
    for region in kmap.regions:
        offset = VIEW_ORDER.index(region.view) * VIEW_WIDTH
        on = region.location in lit
        rows.append(
            {
                "region": region.id,
                "location": region.location,
                "label": region.label,
                "mark": (CHOSEN_MARK if on else "") + region.short,
                "chosen": on,
                "view": kmap.views[region.view],
                "x": offset + region.x,
                "y": region.y,
            }
        )
    return rows


def map_spec(content: CheckerContent, chosen: Iterable[str] = ()) -> Spec:
    """The knee map as a Vega-Lite spec: three faint knee outlines, the spots, their labels, view titles.

    Parameters
    ----------
    content:
        The checker content (regions and view titles).
    chosen:
        The location ids chosen now; their spots are lit (red, thicker ring, ticked label).

    Returns
    -------
    Spec
        A layered spec whose spots layer carries the click selection :data:`MAP_PARAM`
        on the ``region`` field (read back with :func:`selected_regions`).
    """
    kmap = content.questions.knee_map
    x = field("x:Q", scale={"domain": [0, 3 * VIEW_WIDTH]}, axis=None)
    y = field("y:Q", scale={"domain": [-8, 106]}, axis=None)
    centres = [VIEW_WIDTH / 2 + VIEW_WIDTH * i for i in range(len(VIEW_ORDER))]
    rows = inline(map_rows(content, chosen))
    tooltip = [field("label:N", title="Spot"), field("view:N", title="View")]

    def lit(on: object, off: object) -> Spec:
        return {"condition": [{"test": "datum.chosen", "value": on}], "value": off}

    outline = {
        "data": inline([{"x": c, "y": 48} for c in centres]),
        "mark": {"type": "circle", "size": 7000, "opacity": 0.1, "color": _OUTLINE},
        "encoding": {"x": x, "y": y},
    }
    spots = {
        "name": "spots",
        "data": rows,
        "mark": {"type": "circle", "size": 460, "stroke": _INK, "opacity": 1},
        "encoding": {
            "x": x,
            "y": y,
            "tooltip": tooltip,
            "color": lit(_LIT, "#ffffff"),
            "strokeWidth": lit(3, 1),
        },
    }
    marks = {
        "data": rows,
        "mark": {"type": "text", "baseline": "top", "dy": 13, "fontSize": 12},
        "encoding": {
            "x": x,
            "y": y,
            "tooltip": tooltip,
            "text": field("mark:N"),
            "color": lit(_LIT_TEXT, _INK),
        },
    }
    titles = {
        "data": inline(
            [{"x": c, "y": 106, "view": kmap.views[v]} for c, v in zip(centres, VIEW_ORDER, strict=True)]
        ),
        "mark": {"type": "text", "fontWeight": "bold", "baseline": "top", "fontSize": 13},
        "encoding": {"x": x, "y": y, "text": field("view:N")},
    }
    select = {"type": "point", "fields": ["region"], "on": "click", "clear": False, "toggle": False}
    return layered(
        [outline, spots, marks, titles],
        height=300,
        config={"view": {"stroke": None}},
        params=[{"name": MAP_PARAM, "select": select, "views": ["spots"]}],
    )


def selected_regions(state: object, param: str = MAP_PARAM) -> tuple[str, ...]:
    """The region ids in a Streamlit chart selection state (empty for anything odd).

    Parameters
    ----------
    state:
        What ``st.vega_lite_chart(on_select=...)`` returns or stores under its key, e.g.
        ``{"selection": {"spot": [{"region": "front_kneecap"}]}}``.
    param:
        The selection parameter's name.

    Returns
    -------
    tuple[str, ...]
        Selected region ids, sorted, without repeats.
    """
    if not isinstance(state, Mapping):
        return ()
    selection = state.get("selection")
    if not isinstance(selection, Mapping):
        return ()
    points = selection.get(param)
    if not isinstance(points, Sequence) or isinstance(points, str):
        return ()
    found = {p.get("region") for p in points if isinstance(p, Mapping)}
    return tuple(sorted(r for r in found if isinstance(r, str)))


def toggle_locations(content: CheckerContent, current: Iterable[str], tapped: Iterable[str]) -> list[str]:
    """The location list after a tap on the map: each tapped spot's location is switched.

    A location that was chosen (tapped before or picked from the list) is removed; one
    that was not is added. Two spots for the same location switch it once. Unknown
    region ids are ignored.

    Parameters
    ----------
    content:
        The checker content (region -> location).
    current:
        The location ids chosen now (the list widget's value).
    tapped:
        The region ids in the tap's selection (one on a fresh map).

    Returns
    -------
    list[str]
        Location ids in the contract's order.
    """
    where = {r.id: r.location for r in content.questions.knee_map.regions}
    chosen = set(current)
    for location in {where[r] for r in tapped if r in where}:
        chosen ^= {location}
    order = [o.value for o in content.question("location").options]
    return [loc for loc in order if loc in chosen]
