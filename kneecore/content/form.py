"""``content/form.yaml``: the running-form checklist, its ranking weights, cadence texts and
barefoot guide (issue 6).

The ten checklist items have fixed ids (other pages link to them, see :data:`FORM_ITEM_IDS`).
Each item says how to film and check it, why it matters for the knee and for which
conditions, how strong the evidence is, the cue, the drills (exercise ids) and what not
to change. :class:`Ranking` holds the weights that order the checklist. The cross-file
checks in :func:`check` make sure every contract id is there, condition ids exist and drills
name real exercises.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, Field, model_validator

from kneecore.content._base import (
    Between,
    ContentModel,
    Id,
    Markdown,
    Problems,
    References,
    Text,
    check_refs,
    check_unique,
    read_file,
)
from kneecore.ids import CONDITION_IDS

if TYPE_CHECKING:
    from kneecore.content import Content

__all__ = [
    "ANSWERS",
    "EVIDENCE_LEVELS",
    "FORM_ITEM_IDS",
    "KNEE_LINKS",
    "SCHEMAS",
    "Answer",
    "Barefoot",
    "CadenceText",
    "Evidence",
    "FilmingGuide",
    "FormContent",
    "FormItem",
    "FormUi",
    "KneeLink",
    "MetronomeText",
    "PlanText",
    "Ranking",
    "check",
    "known_exercise_ids",
    "load",
]

FORM_ITEM_IDS: tuple[str, ...] = (
    "overstriding",
    "cadence",
    "pelvic_drop",
    "knee_valgus",
    "trunk_lean",
    "foot_strike",
    "vertical_oscillation",
    "arm_swing",
    "loud_landing",
    "footwear",
)
"""The checklist's item ids; fixed, other pages link to ``/form?item=<id>``."""

Answer = Literal["yes", "no", "not_sure"]
"""A checklist answer: the fault is there, it is not, or the runner cannot tell."""
ANSWERS: tuple[Answer, ...] = ("yes", "not_sure", "no")

Evidence = Literal["strong", "moderate", "limited", "none"]
"""How strong the evidence is that working on the item helps the knee."""
EVIDENCE_LEVELS: tuple[Evidence, ...] = ("strong", "moderate", "limited", "none")

KneeLink = Literal["high", "medium", "low"]
"""How closely the item is linked to knee load or knee pain."""
KNEE_LINKS: tuple[KneeLink, ...] = ("high", "medium", "low")

View = Literal["side", "rear", "front", "rear_or_front", "any", "listen"]


class Choices(ContentModel):
    """The words shown for yes / no / not sure on one question."""

    yes: Text
    no: Text
    not_sure: Text


class FormItem(ContentModel):
    """One checklist item, from filming it to what not to change."""

    id: Id
    title: Text
    summary: Text
    view: View
    how_to_check: Markdown
    question: Text
    choices: Choices
    look_for: Markdown
    knee_link: KneeLink
    why: Markdown
    conditions: tuple[Id, ...] = ()
    evidence: Evidence
    evidence_note: Markdown
    cue: Text
    drills: tuple[Id, ...] = ()
    do_not: Markdown
    references: References


class FilmingStep(ContentModel):
    """One tip of the filming guide."""

    id: Id
    title: Text
    body: Markdown


class FilmingGuide(ContentModel):
    """The short guide shown before the checklist."""

    title: Text
    intro: Markdown
    steps: Annotated[tuple[FilmingStep, ...], Field(min_length=3)]


class PlanText(ContentModel):
    """Words of the four-week plan: how to practise a change, week by week."""

    title: Text
    intro: Markdown
    introduce: Markdown
    extend: Markdown
    keep: Text
    check_first: Markdown
    review: Markdown
    nothing_to_change: Markdown
    references: References


class Target(ContentModel):
    """One step-rate increase offered by the calculator."""

    percent: Annotated[float, Field(gt=0, le=15)]
    label: Text


class CadenceText(ContentModel):
    """The cadence calculator's words and its targets."""

    title: Text
    intro: Markdown
    how_to_count: Markdown
    targets: Annotated[tuple[Target, ...], Field(min_length=1)]
    why: Markdown
    not_180: Markdown
    how_to_practise: Markdown
    references: References

    @model_validator(mode="after")
    def _increasing(self) -> CadenceText:
        percents = [t.percent for t in self.targets]
        if percents != sorted(set(percents)):
            raise ValueError("targets: percents must rise with no repeats")
        return self


class MetronomeText(ContentModel):
    """The metronome's words."""

    title: Text
    intro: Markdown
    safety: Markdown


class TransitionStage(ContentModel):
    """One stage of the move to less shoe."""

    id: Id
    when: Text
    title: Text
    body: Markdown


class Barefoot(ContentModel):
    """The barefoot and minimalist question: what is known and a months-long transition."""

    title: Text
    known: Markdown
    who_should_not: Markdown
    stages: Annotated[tuple[TransitionStage, ...], Field(min_length=3)]
    stop_signs: Markdown
    references: References


class Ranking(ContentModel):
    """The checklist's ranking weights (used by :mod:`kneecore.form`).

    ``priority = answer[a] x knee_link[k] x evidence[e]``, times ``condition_boost`` when
    the item lists the runner's condition. Every level of each table is named; weights
    fall (or stay level) from the strongest level to the weakest; "no" weighs 0 and "not
    sure" lies strictly between "no" and "yes".
    """

    answer: dict[Answer, Between(0, 1, whole=False)]  # type: ignore[valid-type]
    knee_link: dict[KneeLink, Between(0.1, 10, whole=False)]  # type: ignore[valid-type]
    evidence: dict[Evidence, Between(0.1, 10, whole=False)]  # type: ignore[valid-type]
    condition_boost: Between(1, 3, whole=False)  # type: ignore[valid-type]

    @model_validator(mode="after")
    def _complete(self) -> Ranking:
        tables: tuple[tuple[str, dict[Any, float], tuple[str, ...]], ...] = (
            ("answer", self.answer, ANSWERS),
            ("knee_link", self.knee_link, KNEE_LINKS),
            ("evidence", self.evidence, EVIDENCE_LEVELS),
        )
        for name, table, levels in tables:
            missing = [level for level in levels if level not in table]
            if missing:
                raise ValueError(f"{name}: missing {', '.join(missing)}")
            if any(a < b for a, b in pairwise(table[level] for level in levels)):
                got = ", ".join(f"{level} {table[level]:g}" for level in levels)
                raise ValueError(f"{name}: weights must not rise from {levels[0]} to {levels[-1]}, got {got}")
        if self.answer["no"] != 0:
            raise ValueError(f"answer.no: must be 0 (a fault that is not there), got {self.answer['no']:g}")
        if not self.answer["yes"] > self.answer["not_sure"] > 0:
            raise ValueError(
                f"answer.not_sure: must lie between no (0) and yes ({self.answer['yes']:g}), "
                f"got {self.answer['not_sure']:g}"
            )
        return self

    def weight(
        self, answer: Answer, knee_link: KneeLink, evidence: Evidence, matches_condition: bool
    ) -> float:
        """The priority of an item with these levels.

        Parameters
        ----------
        answer, knee_link, evidence:
            The runner's answer and the item's levels.
        matches_condition:
            Whether the item lists the runner's condition.

        Returns
        -------
        float
            The product of the weights (0 for an item answered no).
        """
        boost = self.condition_boost if matches_condition else 1.0
        return float(self.answer[answer] * self.knee_link[knee_link] * self.evidence[evidence] * boost)


class FormUi(ContentModel):
    """Labels, headings and help texts of the form page."""

    answer_labels: Choices
    evidence_labels: dict[Evidence, Text]
    knee_link_labels: dict[KneeLink, Text]
    view_labels: dict[View, Text]
    labels: dict[Id, Text]

    @model_validator(mode="after")
    def _complete(self) -> FormUi:
        for name, table, wanted in (
            ("evidence_labels", self.evidence_labels, EVIDENCE_LEVELS),
            ("knee_link_labels", self.knee_link_labels, KNEE_LINKS),
        ):
            missing = [key for key in wanted if key not in table]
            if missing:
                raise ValueError(f"{name}: missing {', '.join(missing)}")
        return self


class FormContent(ContentModel):
    """The whole of ``content/form.yaml``."""

    filming: FilmingGuide
    items: Annotated[tuple[FormItem, ...], Field(min_length=1)]
    ranking: Ranking
    plan: PlanText
    cadence: CadenceText
    metronome: MetronomeText
    barefoot: Barefoot
    ui: FormUi

    def item(self, item_id: str) -> FormItem:
        """The item with this id (KeyError if there is none)."""
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def label(self, key: str) -> str:
        """A page label by key; the key itself if the file lacks it (checked by tests)."""
        return self.ui.labels.get(key, key)


SCHEMAS: dict[str, type[BaseModel]] = {"form.yaml": FormContent}
"""File (or folder glob) under content/ -> the model one such file must match."""

FILE = "form.yaml"


def load(root: Path, problems: Problems) -> FormContent | None:
    """Read and validate ``content/form.yaml``.

    Parameters
    ----------
    root:
        The content folder.
    problems:
        Where problems are recorded.

    Returns
    -------
    FormContent | None
        The content, or None when the file has problems.
    """
    return read_file(root, FILE, FormContent, problems, kind="item")


def known_exercise_ids(content: Content) -> tuple[str, ...]:
    """Exercise ids a drill may name.

    Parameters
    ----------
    content:
        All content, loaded.

    Returns
    -------
    tuple[str, ...]
        The ids of ``content.exercises.exercises``.
    """
    return tuple(exercise.id for exercise in content.exercises.exercises)


def check(content: Content, problems: Problems) -> None:
    """Cross-file checks: every contract item present once, conditions and drills exist.

    Parameters
    ----------
    content:
        All content, loaded.
    problems:
        Where problems are recorded.
    """
    form = content.form
    where = content.root / FILE
    ids = [item.id for item in form.items]
    check_unique(problems, where, "item", ids)
    missing = [i for i in FORM_ITEM_IDS if i not in ids]
    unknown = [i for i in ids if i not in FORM_ITEM_IDS]
    if missing:
        problems.add(where, f"missing checklist item(s): {', '.join(missing)}", key="items")
    if unknown:
        problems.add(
            where,
            f"unknown checklist item(s): {', '.join(unknown)} (known: {', '.join(FORM_ITEM_IDS)})",
            key="items",
        )
    exercises = known_exercise_ids(content)
    for item in form.items:
        label = f"item '{item.id}'"
        check_refs(problems, where, label, "conditions", item.conditions, CONDITION_IDS, "condition")
        check_refs(problems, where, label, "drills", item.drills, exercises, "exercise")
