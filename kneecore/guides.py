"""Which guides-page view a link asks for: the index, a condition page or a guide.

The checker links to ``/guides?condition=<id>``; guides link to ``/guides?guide=<id>``.
An unknown id never fails: the view is the index with a short note naming what was asked.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from kneecore.content.conditions import ConditionPage
from kneecore.content.guides import Guide
from kneecore.content.library import LibraryContent
from kneecore.content.stories import Story

__all__ = ["GuidesView", "open_guides", "series_neighbours", "stories_about"]


@dataclass(frozen=True)
class GuidesView:
    """What the guides page shows: ``kind`` and the item, plus a note for a bad link."""

    kind: Literal["index", "condition", "guide"]
    condition: ConditionPage | None = None
    guide: Guide | None = None
    note: str | None = None


def _note(template: str, value: str) -> str:
    shown = value if len(value) <= 40 else value[:37] + "..."
    return template.replace("{value}", shown)


def open_guides(library: LibraryContent, params: Mapping[str, str]) -> GuidesView:
    """The view a query string asks for.

    Parameters
    ----------
    library:
        The loaded library content.
    params:
        Query parameters; ``guide`` wins over ``condition``; others are ignored.

    Returns
    -------
    GuidesView
        The guide or condition page, or the index with a note when the id is unknown.
    """
    messages = library.text.messages if library.text else None
    guide_id = params.get("guide")
    if guide_id is not None:
        guide = library.guide(guide_id)
        if guide is not None:
            return GuidesView("guide", guide=guide)
        return GuidesView("index", note=_note(messages.unknown_guide, guide_id) if messages else guide_id)
    condition_id = params.get("condition")
    if condition_id is not None:
        page = library.condition(condition_id)
        if page is not None:
            return GuidesView("condition", condition=page)
        return GuidesView(
            "index", note=_note(messages.unknown_condition, condition_id) if messages else condition_id
        )
    return GuidesView("index")


def series_neighbours(library: LibraryContent, guide: Guide) -> tuple[Guide | None, Guide | None]:
    """The previous and next part of a numbered series (same group), if any.

    Parameters
    ----------
    library:
        The loaded library content.
    guide:
        A guide; one without a ``part`` has no neighbours.

    Returns
    -------
    (previous, next), each None at the ends.
    """
    if guide.part is None:
        return None, None
    parts = sorted(
        (g for g in library.guides if g.group == guide.group and g.part is not None),
        key=lambda g: g.part or 0,
    )
    at = parts.index(guide)
    before = parts[at - 1] if at > 0 else None
    after = parts[at + 1] if at + 1 < len(parts) else None
    return before, after


def stories_about(library: LibraryContent, condition: str) -> tuple[Story, ...]:
    """Stories whose runner had this condition.

    Parameters
    ----------
    library:
        The loaded library content.
    condition:
        A condition id.

    Returns
    -------
    The matching stories, in file order.
    """
    return tuple(s for s in library.stories if s.condition == condition)
