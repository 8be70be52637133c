"""The clickable knee map: chart rows from the content, and taps mapped to contract locations.

The page draws the regions of ``questions.yaml: knee_map`` as labelled spots in three
views (front, outer side, back). The map and the location list show one selection: a
spot is lit when its location is chosen, whether it was tapped or picked from the list,
and a tap on a spot toggles its location in the list. These pure functions do the
mapping; the page only draws and stores.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from kneecore.content.checker import CheckerContent

__all__ = ["CHOSEN_MARK", "VIEW_ORDER", "map_rows", "selected_regions", "toggle_locations"]

VIEW_ORDER = ("front", "side", "back")
"""Left to right on the map."""

VIEW_WIDTH = 100.0
"""Each view's width in chart units (regions use 0-100 inside their view)."""

CHOSEN_MARK = "✓ "
"""Put before a chosen spot's label, so the choice does not rest on colour alone."""


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


def selected_regions(state: object, param: str = "spot") -> tuple[str, ...]:
    """The region ids in a Streamlit chart selection state (empty for anything odd).

    Parameters
    ----------
    state:
        What ``st.altair_chart(on_select=...)`` returns or stores under its key, e.g.
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
