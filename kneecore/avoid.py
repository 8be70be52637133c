"""What a condition says to leave out for now, ready to show (safety case H4).

The exercises page (``?condition=<id>``) and the condition's guide page both show the
same list: the exercise names of each ``avoid_for_now`` entry with its reason and sources.
The content check (:mod:`kneecore.content.avoid`) makes sure nothing listed here is also
offered for that condition. A routine built or edited by hand (or opened from a share
link) is not content, so :func:`flag_plan` marks each of its items that a condition in
context leaves out for now; the routine tab and the printed handout show the marks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kneecore.content import Content
from kneecore.content._base import Reference
from kneecore.content.avoid import avoided_by
from kneecore.routines import Plan

__all__ = ["LeaveOut", "PlanFlag", "avoided_ids", "flag_plan", "leave_out_for_now"]


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


@dataclass(frozen=True)
class PlanFlag:
    """One routine item that a condition in context says to leave out for now."""

    index: int
    """The item's place in the plan (0-based)."""
    exercise: str
    """The exercise id."""
    condition: str
    """The condition id."""
    name: str
    """The condition's short name (as menus and printouts spell it)."""
    why: str
    """The reason, from the condition page's ``avoid_for_now`` entry."""
    references: tuple[Reference, ...]


def flag_plan(content: Content, plan: Plan, conditions: Iterable[str]) -> tuple[PlanFlag, ...]:
    """The plan's items that a condition in context leaves out for now, and why.

    Parameters
    ----------
    content:
        The loaded content.
    plan:
        The routine (built by hand, from a starter or from a share link).
    conditions:
        Condition ids in context (unknown ids and repeats are skipped).

    Returns
    -------
    tuple[PlanFlag, ...]
        One flag per item and condition (the condition's first entry naming the
        exercise), in plan order, then in the order the conditions were given.
    """
    entries = leave_out_for_now(content, conditions)
    names = content.checker.short_names()
    flags: list[PlanFlag] = []
    for index, item in enumerate(plan.items):
        done: set[str] = set()
        for entry in entries:
            if item.exercise in entry.exercises and entry.condition not in done:
                done.add(entry.condition)
                name = names.get(entry.condition, entry.condition)
                flags.append(
                    PlanFlag(index, item.exercise, entry.condition, name, entry.why, entry.references)
                )
    return tuple(flags)
