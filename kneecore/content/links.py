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
    "CANONICAL_EXERCISE_IDS",
    "CANONICAL_FORM_IDS",
    "CANONICAL_ROUTINE_IDS",
    "KnownIds",
    "known_ids",
    "link_problem",
    "markdown_links",
]

CANONICAL_EXERCISE_IDS: tuple[str, ...] = (
    "quad_set", "straight_leg_raise", "terminal_knee_extension", "wall_sit", "spanish_squat_hold",
    "sit_to_stand", "side_lying_hip_abduction", "clamshell", "glute_bridge", "single_leg_bridge",
    "side_plank", "side_plank_leg_lift", "hip_hike", "monster_walk", "step_down", "lateral_step_up",
    "forward_step_up", "box_squat", "goblet_squat", "split_squat", "bulgarian_split_squat", "leg_press",
    "heavy_slow_squat", "decline_squat", "single_leg_rdl", "hamstring_curl", "nordic_hamstring_curl",
    "calf_raise", "single_leg_calf_raise", "single_leg_balance", "star_excursion_reach",
    "single_leg_squat", "skipping", "a_skip", "pogo_hops", "skater_hops", "single_leg_hop",
    "lateral_hops", "foam_roll_quads", "foam_roll_lateral_thigh", "foam_roll_calves", "foam_roll_glutes",
    "yoga_chair_pose", "yoga_warrior_two", "yoga_low_lunge", "yoga_reclined_hamstring_stretch",
    "easy_cycling",
)  # fmt: skip
"""Exercise ids the exercises engineer creates (content/exercises/)."""

CANONICAL_ROUTINE_IDS: tuple[str, ...] = (
    "knee_isometrics", "hips_first", "six_moves", "knee_stability", "foam_roller", "yoga_for_knees",
    "routine_pfps", "routine_itbs", "routine_patellar_tendinopathy", "routine_knee_oa",
    "routine_meniscus_tear", "routine_pes_anserine",
)  # fmt: skip
"""Routine ids promised by the exercises domain (content/routines.yaml)."""

CANONICAL_FORM_IDS: tuple[str, ...] = (
    "overstriding", "cadence", "pelvic_drop", "knee_valgus", "trunk_lean", "foot_strike",
    "vertical_oscillation", "arm_swing", "loud_landing", "footwear",
)  # fmt: skip
"""Running-form item ids (content/form.yaml)."""


@dataclass(frozen=True)
class KnownIds:
    """Every id a link or an id list may name, by kind."""

    conditions: frozenset[str]
    exercises: frozenset[str]
    routines: frozenset[str]
    form: frozenset[str]
    guides: frozenset[str]
    stories: frozenset[str]


def _ids_of(domain: Any, attr: str, fallback: Iterable[str]) -> frozenset[str]:
    items = getattr(domain, attr, None)
    if items:
        found = {getattr(item, "id", None) for item in items}
        return frozenset(i for i in found if isinstance(i, str))
    return frozenset(fallback)


def known_ids(content: Content, guides: Iterable[str], stories: Iterable[str]) -> KnownIds:
    """The ids that exist now: real content where a domain has it, else the canonical lists.

    Parameters
    ----------
    content:
        The loaded content (other domains may still be empty placeholders).
    guides, stories:
        Guide and story ids of the library.

    Returns
    -------
    KnownIds
    """
    return KnownIds(
        conditions=frozenset(CONDITION_IDS),
        exercises=_ids_of(content.exercises, "exercises", CANONICAL_EXERCISE_IDS),
        routines=_ids_of(content.exercises, "routines", CANONICAL_ROUTINE_IDS),
        form=_ids_of(content.form, "items", CANONICAL_FORM_IDS),
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
