"""The progression ladder chart: easier at the bottom, harder at the top.

The spec comes from :func:`kneecore.ladder_chart.ladder_spec`. Clicking another exercise
opens it. AppTest cannot click charts, so the mapping from a selection event to an
exercise id (:func:`picked_id`) is a plain function with its own unit test, and the
click itself is covered in the browser test.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from kneecore.content.exercises import ExerciseContent
from kneecore.ladder_chart import LADDER_PARAM, ladder_spec

__all__ = ["ladder_chart", "picked_id"]


def picked_id(event: Any) -> str | None:
    """The exercise id a chart click chose, or None (no click yet, or a cleared one)."""
    if not isinstance(event, Mapping):
        return None
    selection = event.get("selection")
    if not isinstance(selection, Mapping):
        return None
    points = selection.get(LADDER_PARAM)
    if isinstance(points, list) and points and isinstance(points[0], Mapping):
        value = points[0].get("id")
        return value if isinstance(value, str) else None
    return None


def ladder_chart(lib: ExerciseContent, ident: str) -> str | None:
    """Draw the ladder around ``ident``; return the id clicked, if any."""
    event = st.vega_lite_chart(
        ladder_spec(lib, ident),
        key=f"exercises.ladder.{ident}",
        on_select="rerun",
        selection_mode=[LADDER_PARAM],
    )
    return picked_id(event)
