"""What a condition says to leave out for now, ready to show (safety case H4).

The exercises page (``?condition=<id>``) and the condition's guide page both show the
same list: the exercise names of each ``avoid_for_now`` entry with its reason and sources.
The content check (:mod:`kneecore.content.avoid`) makes sure nothing listed here is also
offered for that condition.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kneecore.content import Content
from kneecore.content._base import Reference
from kneecore.content.avoid import avoided_by

__all__ = ["LeaveOut", "avoided_ids", "leave_out_for_now"]


@dataclass(frozen=True)
class LeaveOut:
    """One reason to leave some exercises out for now, for one condition."""

    condition: str
    """The condition id."""
    exercises: tuple[str, ...]
    """Exercise ids, in the content's order."""
    names: tuple[str, ...]
    """Their names, as the exercise library spells them."""
    why: str
    references: tuple[Reference, ...]


def leave_out_for_now(content: Content, conditions: Iterable[str]) -> tuple[LeaveOut, ...]:
    """Every "leave out for now" entry of the given conditions.

    Parameters
    ----------
    content:
        The loaded content.
    conditions:
        Condition ids (unknown ids and repeats are skipped).

    Returns
    -------
    tuple[LeaveOut, ...]
        The entries, condition by condition in the order given; empty when none apply.
    """
    found: list[LeaveOut] = []
    seen: set[str] = set()
    for condition in conditions:
        page = content.library.condition(condition)
        if page is None or condition in seen:
            continue
        seen.add(condition)
        for entry in page.avoid_for_now:
            names = []
            for ident in entry.exercises:
                ex = content.exercises.exercise(ident)
                names.append(ex.name if ex is not None else ident.replace("_", " ").capitalize())
            found.append(LeaveOut(condition, entry.exercises, tuple(names), entry.why, entry.references))
    return tuple(found)


def avoided_ids(content: Content, condition: str | None) -> frozenset[str]:
    """The exercise ids ``condition`` says to leave out for now (none without a condition).

    Parameters
    ----------
    content:
        The loaded content.
    condition:
        A condition id, or None.

    Returns
    -------
    frozenset[str]
        Exercise ids; empty for None or a condition without an ``avoid_for_now`` list.
    """
    return frozenset(avoided_by(content).get(condition, {})) if condition else frozenset()
