"""The clickable knee map: chart rows from the content, and clicks mapped to contract locations.

The page draws the regions of ``questions.yaml: knee_map`` as points in three views
(front, outer side, back) and lets the user toggle them. These pure functions turn the
chart's selection into the contract's ``location`` ids and keep the list widget (the
screen-reader route to the same choice) in step with the map.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from kneecore.content.checker import CheckerContent

__all__ = ["VIEW_ORDER", "map_rows", "merge_selection", "selected_regions"]

VIEW_ORDER = ("front", "side", "back")
"""Left to right on the map."""

VIEW_WIDTH = 100.0
"""Each view's width in chart units (regions use 0-100 inside their view)."""


def map_rows(content: CheckerContent) -> list[dict[str, Any]]:
    """One row per region: id, location, label, view title and x/y on the shared chart.

    Parameters
    ----------
    content:
        The checker content (regions and view titles).

    Returns
    -------
    list[dict[str, Any]]
        Rows with ``region``, ``location``, ``label``, ``view``, ``x``, ``y``; ``x`` is
        shifted by the view's position so the three views sit side by side.
    """
    kmap = content.questions.knee_map
    rows = []
    for region in kmap.regions:
        offset = VIEW_ORDER.index(region.view) * VIEW_WIDTH
        rows.append(
            {
                "region": region.id,
                "location": region.location,
                "label": region.label,
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


def merge_selection(
    content: CheckerContent,
    current: Iterable[str],
    previous_regions: Iterable[str],
    new_regions: Iterable[str],
) -> list[str]:
    """The location list after a click on the map.

    A region that became selected adds its location; one that was deselected removes
    its location. Locations chosen from the list stay as they are. Unknown region ids
    are ignored.

    Parameters
    ----------
    content:
        The checker content (region -> location).
    current:
        The location ids chosen now (the list widget's value).
    previous_regions:
        The map's selected regions before the click.
    new_regions:
        The map's selected regions after the click.

    Returns
    -------
    list[str]
        Location ids in the contract's order.
    """
    where = {r.id: r.location for r in content.questions.knee_map.regions}
    before, after = set(previous_regions), set(new_regions)
    chosen = set(current)
    for region in after - before:
        if region in where:
            chosen.add(where[region])
    for region in before - after:
        if region in where:
            chosen.discard(where[region])
    order = [o.value for o in content.question("location").options]
    return [loc for loc in order if loc in chosen]
