"""Ids the reading side names in other domains, and the in-app links it writes.

Until the exercises and form domains have content, their ids are checked against the
canonical lists below (fixed by the team brief, kept in this one place). Once
``content.exercises`` / ``content.form`` hold items, those are the truth instead.

In-app links in Markdown look like ``[text](/exercises?condition=pfps)``; every one is
checked: the page must exist and each query value must name a real item.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlsplit

from kneecore.content.site import PAGE_SLUGS
from kneecore.ids import CONDITION_IDS

if TYPE_CHECKING:
    from kneecore.content import Content

__all__ = [
    "KnownIds",
    "known_ids",
    "link_problem",
    "markdown_links",
]


@dataclass(frozen=True)
class KnownIds:
    """Every id a link or an id list may name, by kind."""

    conditions: frozenset[str]
    exercises: frozenset[str]
    routines: frozenset[str]
    form: frozenset[str]
    guides: frozenset[str]
    stories: frozenset[str]


def _ids_of(items: Iterable[Any]) -> frozenset[str]:
    return frozenset(item.id for item in items)


def known_ids(content: Content, guides: Iterable[str], stories: Iterable[str]) -> KnownIds:
    """The ids that exist in the loaded content, by kind.

    Parameters
    ----------
    content:
        The loaded content.
    guides, stories:
        Guide and story ids of the library.

    Returns
    -------
    KnownIds
    """
    return KnownIds(
        conditions=frozenset(CONDITION_IDS),
        exercises=_ids_of(content.exercises.exercises),
        routines=_ids_of(content.exercises.routines),
        form=_ids_of(content.form.items),
        guides=frozenset(guides),
        stories=frozenset(stories),
    )


_LINK = re.compile(r"\]\((/[^)\s]*)\)")

_PARAMS = {
    "condition": ("conditions", "condition"),
    "guide": ("guides", "guide"),
    "story": ("stories", "story"),
    "exercise": ("exercises", "exercise"),
    "routine": ("routines", "routine"),
    "item": ("form", "form item"),
}
"""Query parameter -> (KnownIds field, what it is called in a message)."""

_PAGE_PARAMS = {
    "guides": {"condition", "guide"},
    "stories": {"condition", "story"},
    "exercises": {"condition", "q"},
    "form": {"condition"},
    "ramp": {"condition"},
}
"""Parameters each page honours (exercises: ``q`` is free search text)."""


def markdown_links(text: str) -> Iterator[str]:
    """Each in-app link target (starting with ``/``) in a Markdown text."""
    for match in _LINK.finditer(text):
        yield match.group(1)


def link_problem(target: str, known: KnownIds) -> str | None:
    """Why an in-app link would not resolve, or None when it does.

    Parameters
    ----------
    target:
        A link such as ``/ramp?condition=pfps`` or ``/``.
    known:
        The ids that exist.

    Returns
    -------
    A message such as ``links to /guides?guide=hip, but guide 'hip' does not exist``.
    """
    parts = urlsplit(target)
    page = parts.path.strip("/") or "home"
    if page not in PAGE_SLUGS or page == "not_found":
        return f"links to {target}, but there is no page /{page}"
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key not in _PAGE_PARAMS.get(page, set()):
            return f"links to {target}, but /{page} takes no {key!r} parameter"
        if key == "q":
            continue
        field, what = _PARAMS[key]
        if value not in getattr(known, field):
            return f"links to {target}, but {what} {value!r} does not exist"
    return None
