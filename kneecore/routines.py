"""The routine builder: a short list of exercises with their doses, as pure functions.

A :class:`Plan` never changes; every edit returns a new one, so the page keeps the
plan in session state and the tests check each rule on its own. Doses are checked by
the same :class:`~kneecore.content.exercises.Dosage` model the content uses, so a
plan can never hold 40 sets. A plan travels in a share link (see
:func:`plan_to_link`) only when the user asks for one.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from pydantic import ValidationError

from kneecore import sharing
from kneecore.content.exercises import MAX_ROUTINE_ITEMS, Dosage, Exercise, ExerciseContent
from kneecore.errors import InputError
from kneecore.messages import note
from kneecore.routine_title import default_routine_title

__all__ = [
    "MAX_ROUTINE_ITEMS",
    "Plan",
    "PlanItem",
    "add_item",
    "change_dosage",
    "dosage_text",
    "item_minutes",
    "move_item",
    "plan_from_link",
    "plan_to_link",
    "remove_item",
    "start_plan",
    "total_minutes",
]

_SECONDS_PER_REP = 4
_AMOUNTS = {
    "reps": "dose_reps",
    "hold_seconds": "dose_hold",
    "duration_minutes": "dose_minutes",
    "sets": "dose_sets",
}
"""Message codes (content/messages.yaml) of the dose fields a user may change."""


def _limits(key: str) -> dict[str, object]:
    """``lo`` and ``hi`` of a dose field, read from the content model (one source of truth)."""
    prop = Dosage.model_json_schema()["properties"][key]
    bounded = next(p for p in (prop, *prop.get("anyOf", ())) if "minimum" in p)
    return {"lo": bounded["minimum"], "hi": bounded["maximum"]}


_LIMITS = {key: _limits(key) for key in _AMOUNTS}


@dataclass(frozen=True)
class PlanItem:
    """One exercise in a plan with the dose to do it at."""

    exercise: str
    dosage: Dosage


@dataclass(frozen=True)
class Plan:
    """A routine being built: a title, and at most :data:`MAX_ROUTINE_ITEMS` items."""

    title: str = field(default_factory=default_routine_title)
    """Defaults to the content's ``routine_default_title`` label (see :mod:`kneecore.routine_title`)."""
    items: tuple[PlanItem, ...] = ()
    source: str | None = None
    """The starter routine it began from, if any."""

    @property
    def ids(self) -> tuple[str, ...]:
        """The exercise ids, in order."""
        return tuple(item.exercise for item in self.items)


def start_plan(library: ExerciseContent, routine_id: str) -> Plan:
    """A plan copied from a starter routine.

    Parameters
    ----------
    library:
        The exercise content.
    routine_id:
        A routine id from content/routines.yaml.

    Returns
    -------
    Plan
        The routine's exercises at the routine's doses (or each exercise's own).

    Raises
    ------
    InputError
        The routine does not exist.
    """
    routine = library.routine(routine_id)
    if routine is None:
        raise InputError("routine", "routine_id", routine_id)
    items = []
    for entry in routine.items:
        ex = library.exercise(entry.exercise)
        if ex is not None:
            items.append(PlanItem(ex.id, entry.dosage or ex.dosage))
    return Plan(routine.name, tuple(items), routine.id)


def add_item(plan: Plan, exercise: Exercise) -> Plan:
    """``plan`` with ``exercise`` added at the end at its own dose.

    Raises
    ------
    InputError
        The plan is full or already holds the exercise.
    """
    if exercise.id in plan.ids:
        raise InputError("routine", "exercise_once", exercise.id)
    if len(plan.items) >= MAX_ROUTINE_ITEMS:
        raise InputError("routine", "routine_size", None, limit=MAX_ROUTINE_ITEMS)
    return replace(plan, items=(*plan.items, PlanItem(exercise.id, exercise.dosage)))


def _index(plan: Plan, index: int) -> int:
    if not 0 <= index < len(plan.items):
        raise InputError("routine", "item_number", index + 1, hi=len(plan.items))
    return index


def remove_item(plan: Plan, index: int) -> Plan:
    """``plan`` without item ``index`` (0-based)."""
    _index(plan, index)
    return replace(plan, items=plan.items[:index] + plan.items[index + 1 :])


def move_item(plan: Plan, index: int, offset: int) -> Plan:
    """``plan`` with item ``index`` moved ``offset`` places (clamped to the ends)."""
    _index(plan, index)
    items = list(plan.items)
    item = items.pop(index)
    target = min(max(index + offset, 0), len(items))
    items.insert(target, item)
    return replace(plan, items=tuple(items))


def change_dosage(plan: Plan, index: int, **changes: int) -> Plan:
    """``plan`` with new dose numbers for item ``index``.

    Parameters
    ----------
    plan:
        The plan.
    index:
        The item (0-based).
    changes:
        Any of ``sets``, ``reps``, ``hold_seconds``, ``duration_minutes``; only the
        amount the exercise already uses may change.

    Raises
    ------
    InputError
        Naming ``dosage.<field>`` when a number is out of range or not used here.
    """
    _index(plan, index)
    old = plan.items[index].dosage
    for key in changes:
        if key not in _AMOUNTS or (key != "sets" and getattr(old, key) is None):
            raise InputError(f"dosage.{key}", "dose_key", changes[key])
    try:
        new = Dosage.model_validate({**old.model_dump(exclude_none=True), **changes})
    except ValidationError as exc:
        key = str(exc.errors()[0]["loc"][0]) if exc.errors()[0]["loc"] else "sets"
        code = _AMOUNTS.get(key, "dose_number")
        raise InputError(f"dosage.{key}", code, changes.get(key), **_LIMITS.get(key, {})) from exc
    items = list(plan.items)
    items[index] = replace(items[index], dosage=new)
    return replace(plan, items=tuple(items))


def _work_seconds(d: Dosage) -> float:
    each = d.reps * _SECONDS_PER_REP if d.reps else d.hold_seconds or (d.duration_minutes or 0) * 60
    sides = 2 if d.per_side else 1
    return float(d.sets * each * sides + d.rest_seconds * max(d.sets - 1, 0))


def item_minutes(item: PlanItem, exercise: Exercise) -> int:
    """Minutes one item takes: the exercise's own estimate, scaled if the dose changed.

    Parameters
    ----------
    item:
        The plan item.
    exercise:
        Its exercise.

    Returns
    -------
    int
        At least 1.
    """
    if item.dosage == exercise.dosage:
        return int(exercise.minutes)
    ratio = _work_seconds(item.dosage) / max(_work_seconds(exercise.dosage), 1.0)
    return max(1, math.ceil(int(exercise.minutes) * ratio - 1e-9))


def total_minutes(plan: Plan, library: ExerciseContent) -> int:
    """Minutes for the whole plan: the sum of its items' minutes."""
    total = 0
    for item in plan.items:
        ex = library.exercise(item.exercise)
        if ex is not None:
            total += item_minutes(item, ex)
    return total


def dosage_text(d: Dosage, words: Mapping[str, str]) -> str:
    """A dose in words, e.g. ``3 x 10 reps each side, rest 60 s, 3 days a week``.

    Parameters
    ----------
    d:
        The dose.
    words:
        Templates from _page.yaml labels: ``dose_reps``, ``dose_hold``, ``dose_minutes``,
        ``dose_each_side``, ``dose_rest``, ``dose_days``.
    """
    if d.reps is not None:
        amount = words["dose_reps"].format(sets=d.sets, n=d.reps)
    elif d.hold_seconds is not None:
        amount = words["dose_hold"].format(sets=d.sets, n=d.hold_seconds)
    else:
        amount = words["dose_minutes"].format(sets=d.sets, n=d.duration_minutes)
    parts = [amount + (" " + words["dose_each_side"] if d.per_side else "")]
    if d.rest_seconds:
        parts.append(words["dose_rest"].format(n=d.rest_seconds))
    parts.append(words["dose_days"].format(n=d.days_per_week))
    return ", ".join(parts)


def plan_to_link(plan: Plan, made: dt.date | None = None) -> str:
    """The plan packed for a share link (exercise ids and dose numbers only), dated.

    Parameters
    ----------
    plan:
        The routine to share.
    made:
        The day the link is made (default: :func:`kneecore.sharing.today`); read it back
        with :func:`kneecore.sharing.made_on`.

    Returns
    -------
    str
        The value of the ``plan`` query parameter.
    """
    items = []
    for item in plan.items:
        d = item.dosage
        amount = d.reps if d.reps is not None else d.hold_seconds or d.duration_minutes
        items.append([item.exercise, d.sets, amount])
    return sharing.encode({"t": plan.title[:80], "i": items}, made)


def plan_from_link(value: str, library: ExerciseContent, param: str = "plan") -> tuple[Plan, list[str]]:
    """A plan from a share link; unknown exercises and bad numbers are dropped with a note.

    Raises
    ------
    InputError
        The value is not a share link this app made.
    """
    data = sharing.decode(value, param)
    notes: list[str] = []
    title = data.get("t")
    items: list[PlanItem] = []
    raw_items: Any = data.get("i")
    if not isinstance(raw_items, list):
        raise InputError(param, "share_link")
    for raw in raw_items[:MAX_ROUTINE_ITEMS]:
        if not (isinstance(raw, list) and len(raw) == 3 and isinstance(raw[0], str)):
            notes.append(note("note_unreadable_item", key=param))
            continue
        ex = library.exercise(raw[0])
        if ex is None or ex.id in {i.exercise for i in items}:
            notes.append(note("note_unknown_exercise", key=param, value=repr(raw[0][:40])))
            continue
        plan = Plan(items=(PlanItem(ex.id, ex.dosage),))
        key = (
            "reps"
            if ex.dosage.reps is not None
            else "hold_seconds"
            if ex.dosage.hold_seconds
            else "duration_minutes"
        )
        try:
            if not all(isinstance(v, int) and not isinstance(v, bool) for v in raw[1:]):
                raise InputError(f"dosage.{key}", _AMOUNTS[key], None, **_LIMITS[key])
            plan = change_dosage(plan, 0, sets=raw[1], **{key: raw[2]})
        except InputError:
            notes.append(note("note_dose_reset", key=param, value=repr(ex.id)))
        items.append(plan.items[0])
    if len(raw_items) > MAX_ROUTINE_ITEMS:
        notes.append(note("note_items_kept", key=param, limit=MAX_ROUTINE_ITEMS))
    name = title.strip()[:80] if isinstance(title, str) and title.strip() else Plan().title
    return Plan(name, tuple(items)), notes
