"""Running-form checklist: rank what to work on first, and plan four weeks of practice.

Each checklist item gets a priority from the runner's answer (yes / not sure / no), how
closely the item is linked to knee load, how strong the evidence is, and whether it
matters for the runner's condition (from the checker, if known), with the weights of
``ranking`` in ``content/form.yaml`` (:class:`kneecore.content.form.Ranking`)::

    priority = answer[answer] x knee_link[knee_link] x evidence[evidence]
               x (condition_boost if the item lists the condition else 1)

The ranking puts every "yes" before every "not sure", those before skipped items, and
those before every "no": a fault the runner has seen comes before one to film and check. Within an
answer it sorts by priority, then by the item's place in ``form.yaml``, so the order is
total and deterministic. The top three items answered yes or not sure become the focus,
practised one change at a time over four weeks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from kneecore.content.form import ANSWERS, Answer, FormContent, FormItem, Ranking
from kneecore.errors import InputError
from kneecore.ids import CONDITION_IDS

__all__ = [
    "ANSWER_TIER",
    "MAX_FOCUS",
    "FormSummary",
    "PlanWeek",
    "RankedItem",
    "parse_answers",
    "parse_condition",
    "plan_weeks",
    "priority",
    "rank_items",
    "sort_key",
    "summarise_form",
]

ANSWER_TIER: dict[Answer | None, int] = {"yes": 3, "not_sure": 2, None: 1, "no": 0}
"""The first sort key: answers group before priorities are compared (None = skipped).
A rule of the ranking, not a weight: the weights live in content/form.yaml."""

MAX_FOCUS = 3
"""At most this many changes go into the four-week plan (:func:`plan_weeks` is built for three)."""

Phase = Literal["introduce", "extend", "review"]


@dataclass(frozen=True)
class RankedItem:
    """One checklist item with its place in the ranking.

    ``rank`` starts at 1; ``answer`` is None when the runner skipped the item (it is then
    weighed as "not sure" but never put in the focus); ``matches_condition`` says whether
    the item lists the runner's condition; ``priority`` is 0 for an item answered no.
    """

    rank: int
    item: FormItem
    answer: Answer | None
    priority: float
    matches_condition: bool


@dataclass(frozen=True)
class PlanWeek:
    """One week of the four-week plan: the change practised, and those kept from before.

    ``check_first`` is set when the runner was not sure the fault is there: film it first.
    """

    week: int
    phase: Phase
    item_id: str | None
    keep: tuple[str, ...]
    check_first: bool = False


@dataclass(frozen=True)
class FormSummary:
    """The result of the checklist: the full ranking, the focus and the four-week plan."""

    ranked: tuple[RankedItem, ...]
    focus: tuple[RankedItem, ...]
    plan: tuple[PlanWeek, ...]
    condition: str | None
    answered: int


def parse_answers(raw: Mapping[str, object], form: FormContent) -> dict[str, Answer | None]:
    """Check raw answers (from widgets or a share link); skipped items map to None.

    Parameters
    ----------
    raw:
        Item id -> "yes", "no" or "not_sure" (or None for unanswered).
    form:
        The checklist content, which names the known items.

    Returns
    -------
    dict[str, Answer | None]
        An answer (or None) for every item, in content order.

    Raises
    ------
    InputError
        An unknown item id or an answer that is not one of the three choices.
    """
    known = [item.id for item in form.items]
    for key in raw:
        if key not in known:
            raise InputError("form.answers", "checklist_item", key, items=", ".join(known))
    answers: dict[str, Answer | None] = {}
    for item_id in known:
        value = raw.get(item_id)
        if value is None:
            answers[item_id] = None
            continue
        if value not in ANSWERS:
            raise InputError(f"form.answers.{item_id}", "checklist_answer", value)
        answers[item_id] = value
    return answers


def parse_condition(raw: str | None) -> str | None:
    """A checker condition id, or None when absent or unknown (the page notes the unknown).

    Parameters
    ----------
    raw:
        The ``?condition=`` value.

    Returns
    -------
    str | None
        The id when it is one of :data:`kneecore.ids.CONDITION_IDS`.
    """
    if raw is None:
        return None
    value = raw.strip().lower()
    return value if value in CONDITION_IDS else None


def priority(item: FormItem, answer: Answer, condition: str | None = None, *, weights: Ranking) -> float:
    """How much working on this item is worth, from 0 (answered no) upwards.

    Parameters
    ----------
    item:
        The checklist item.
    answer:
        The runner's answer.
    condition:
        The runner's condition id, if known.
    weights:
        The ranking weights (``FormContent.ranking``).

    Returns
    -------
    float
        The product of the answer, knee-link, evidence and condition weights.
    """
    matches = condition is not None and condition in item.conditions
    return weights.weight(answer, item.knee_link, item.evidence, matches)


def sort_key(
    item: FormItem, answer: Answer | None, index: int, condition: str | None, *, weights: Ranking
) -> tuple[float, ...]:
    """The ranking's sort key (smaller sorts first): answer tier, priority, file order.

    Parameters
    ----------
    item:
        The checklist item.
    answer:
        The runner's answer; None (skipped) is weighed as "not_sure".
    index:
        The item's place in ``form.yaml``, the final tie-breaker.
    condition:
        The runner's condition id, if known.
    weights:
        The ranking weights (``FormContent.ranking``).

    Returns
    -------
    tuple[float, ...]
        ``(-tier, -priority, index)``.
    """
    return (-ANSWER_TIER[answer], -priority(item, answer or "not_sure", condition, weights=weights), index)


def rank_items(
    form: FormContent, answers: Mapping[str, Answer | None], condition: str | None = None
) -> tuple[RankedItem, ...]:
    """Every item, most worth working on first.

    Parameters
    ----------
    form:
        The checklist content.
    answers:
        Item id -> answer; a missing id or None is weighed as "not_sure".
    condition:
        The runner's condition id, if known.

    Returns
    -------
    tuple[RankedItem, ...]
        All items, ordered by :func:`sort_key`.
    """
    rows = sorted(
        (
            (sort_key(item, answers.get(item.id), index, condition, weights=form.ranking), item)
            for index, item in enumerate(form.items)
        ),
        key=lambda row: row[0],
    )
    return tuple(
        RankedItem(
            rank=place,
            item=item,
            answer=answers.get(item.id),
            priority=-key[1],
            matches_condition=condition is not None and condition in item.conditions,
        )
        for place, (key, item) in enumerate(rows, start=1)
    )


def plan_weeks(focus: tuple[str, ...], unsure: frozenset[str] = frozenset()) -> tuple[PlanWeek, ...]:
    """Four weeks that bring in one change at a time.

    One change: introduce, extend, extend, review. Two: A, A again, then B keeping A,
    then review. Three: A, B keeping A, C keeping A and B, then review.

    Parameters
    ----------
    focus:
        Up to :data:`MAX_FOCUS` item ids, most important first.
    unsure:
        Ids the runner answered "not sure"; their first week says to film and check first.

    Returns
    -------
    tuple[PlanWeek, ...]
        Four weeks, or none when there is nothing to change.
    """
    focus = focus[:MAX_FOCUS]
    if not focus:
        return ()
    if len(focus) == 1:
        steps: list[tuple[Phase, str | None]] = [
            ("introduce", focus[0]),
            ("extend", focus[0]),
            ("extend", focus[0]),
        ]
    elif len(focus) == 2:
        steps = [("introduce", focus[0]), ("extend", focus[0]), ("introduce", focus[1])]
    else:
        steps = [("introduce", focus[0]), ("introduce", focus[1]), ("introduce", focus[2])]
    weeks = []
    practised: list[str] = []
    for number, (phase, item_id) in enumerate(steps, start=1):
        keep = tuple(i for i in practised if i != item_id)
        first = phase == "introduce" and item_id in unsure
        weeks.append(PlanWeek(week=number, phase=phase, item_id=item_id, keep=keep, check_first=first))
        if item_id is not None and item_id not in practised:
            practised.append(item_id)
    weeks.append(PlanWeek(week=4, phase="review", item_id=None, keep=tuple(practised)))
    return tuple(weeks)


def summarise_form(
    form: FormContent, raw_answers: Mapping[str, object], condition: str | None = None
) -> FormSummary:
    """Rank the checklist, pick the focus and plan four weeks: the page's one call.

    Parameters
    ----------
    form:
        The checklist content.
    raw_answers:
        Item id -> "yes", "no" or "not_sure" (unanswered items may be left out or None).
    condition:
        The raw ``?condition=`` value; unknown ids are ignored.

    Returns
    -------
    FormSummary
        The ranking, the top changes (answered yes or not sure, never skipped) and the plan.

    Raises
    ------
    InputError
        An answer is not one of the three choices, or an item id is unknown.
    """
    answers = parse_answers(raw_answers, form)
    answered = sum(1 for value in answers.values() if value is not None)
    known = parse_condition(condition)
    ranked = rank_items(form, answers, known)
    focus = tuple(r for r in ranked if r.answer in ("yes", "not_sure"))[:MAX_FOCUS]
    unsure = frozenset(r.item.id for r in focus if r.answer == "not_sure")
    plan = plan_weeks(tuple(r.item.id for r in focus), unsure)
    return FormSummary(ranked=ranked, focus=focus, plan=plan, condition=known, answered=answered)
