"""The "avoid for now" rule (safety case H4): never suggest what a condition says to leave out.

A condition page's ``avoid_for_now`` (see :class:`~kneecore.content.conditions.AvoidForNow`)
names exercises to leave out for now. :func:`check` refuses any place that would still
offer one of them for that condition:

- a starter routine whose ``conditions`` include the condition (content/routines.yaml);
- a routine the condition page lists under ``routines``;
- the condition page's own ``exercises`` list;
- an exercise whose ``conditions`` tag names the condition (the exercises page filters
  by that tag when a runner arrives with ``?condition=<id>``);
- a routine linked from a recovery story about the condition. (A story's own exercise list
  is what its runner did over months, late-stage hops included, so it is not checked.)

Each problem names the file, the item and the exercise, like every other content message.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from kneecore.content._base import Problems

if TYPE_CHECKING:
    from kneecore.content import Content

__all__ = ["avoided_by", "check"]


def avoided_by(content: Content) -> dict[str, dict[str, int]]:
    """Which exercises each condition page avoids for now.

    Parameters
    ----------
    content:
        The loaded content.

    Returns
    -------
    dict[str, dict[str, int]]
        Condition id -> {exercise id -> the 1-based number of the ``avoid_for_now`` entry
        that names it}.
    """
    found: dict[str, dict[str, int]] = {}
    for page in content.library.conditions:
        ids: dict[str, int] = {}
        for number, group in enumerate(page.avoid_for_now, 1):
            for ident in group.exercises:
                ids.setdefault(ident, number)
        if ids:
            found[page.id] = ids
    return found


def _held(content: Content, routine_ids: Iterable[str], avoid: Container[str]) -> Iterator[tuple[str, str]]:
    """(routine id, exercise id) for each avoided exercise in the named routines."""
    for rid in routine_ids:
        routine = content.exercises.routine(rid)
        for step in routine.items if routine else ():
            if step.exercise in avoid:
                yield rid, step.exercise


def check(content: Content, problems: Problems) -> None:
    """Record every place that offers an exercise its condition avoids for now.

    Parameters
    ----------
    content:
        The loaded content (exercises, routines and condition pages).
    problems:
        Where problems are recorded.
    """
    lib = content.library
    dom = content.exercises
    routines_file = content.root / "routines.yaml"
    ex_dir = content.root / "exercises"
    known = {e.id for e in dom.exercises}
    avoided = avoided_by(content)

    def page_file(condition: str) -> Path:
        return lib.files.get(f"condition:{condition}", content.root / "conditions" / f"{condition}.yaml")

    def source(condition: str, exercise: str) -> str:
        return f"({problems.label(page_file(condition))}: avoid_for_now[{avoided[condition][exercise]}])"

    for page in lib.conditions:
        where, item = page_file(page.id), f"condition '{page.id}'"
        for number, group in enumerate(page.avoid_for_now, 1):
            for ident in group.exercises:
                if ident not in known:
                    problems.add(
                        where,
                        f"names exercise {ident!r}, which does not exist",
                        item,
                        f"avoid_for_now[{number}].exercises",
                    )
        avoid = avoided.get(page.id, {})
        for ident in page.exercises:
            if ident in avoid:
                problems.add(
                    where,
                    f"lists exercise {ident!r}, which this condition avoids for now {source(page.id, ident)}",
                    item,
                    "exercises",
                )
        for rid, ident in _held(content, page.routines, avoid):
            problems.add(
                where,
                f"routine {rid!r} holds exercise {ident!r}, which this condition "
                f"avoids for now {source(page.id, ident)}",
                item,
                "routines",
            )
    for story in lib.stories:
        avoid = avoided.get(story.condition, {})
        where = lib.files.get(f"story:{story.id}", content.root / "stories" / f"{story.id}.yaml")
        for rid, ident in _held(content, story.routines, avoid):
            problems.add(
                where,
                f"routine {rid!r} holds exercise {ident!r}, which condition "
                f"{story.condition!r} avoids for now {source(story.condition, ident)}",
                f"story '{story.id}'",
                "routines",
            )
    for routine in dom.routines:
        for condition in routine.conditions:
            for entry in routine.items:
                if entry.exercise in avoided.get(condition, {}):
                    problems.add(
                        routines_file,
                        f"holds exercise {entry.exercise!r}, which condition {condition!r} avoids for now "
                        f"{source(condition, entry.exercise)}",
                        f"routine '{routine.id}'",
                        "items",
                    )
    for ex in dom.exercises:
        for condition in ex.conditions:
            if ex.id in avoided.get(condition, {}):
                problems.add(
                    dom.sources.get(ex.id, problems.label(ex_dir)),
                    f"names condition {condition!r}, which avoids this exercise for now "
                    f"{source(condition, ex.id)}",
                    f"exercise '{ex.id}'",
                    "conditions",
                )
