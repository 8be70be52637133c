"""Plain-word answer summaries and the Ottawa Knee Rules panel for clinician mode."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kneecore.checker.answers import Answers
from kneecore.checker.rules import holds
from kneecore.content.checker import CheckerContent, Question

__all__ = ["OttawaPanel", "describe_answers", "describe_value", "ottawa_panel"]

OTTAWA_GROUP = "ottawa"
SCOPE_FACT = "acute_injury"


def describe_value(question: Question, value: Any, *, clinical: bool = False, yes_no: tuple[str, str]) -> str:
    """One answer's value in words (option labels, Yes/No, numbers as written).

    Parameters
    ----------
    question:
        The question the value answers.
    value:
        The validated value.
    clinical:
        Use the options' clinical terms where they have one.
    yes_no:
        The words for true and false.

    Returns
    -------
    str
        The value in words.
    """
    if isinstance(value, bool):
        return yes_no[0] if value else yes_no[1]
    labels: dict[str, str] = {
        o.value: (o.clinical or o.label) if clinical else o.label for o in question.options
    }
    if isinstance(value, list):
        return "; ".join(labels.get(str(v), str(v)) for v in value) if value else "-"
    if isinstance(value, str):
        return labels.get(value, value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def describe_answers(
    content: CheckerContent, answers: Answers, *, clinical: bool = False
) -> list[tuple[str, str]]:
    """Every answered question as (question, answer) in the order the checker asks them.

    Parameters
    ----------
    content:
        The checker content (wording).
    answers:
        Validated answers.
    clinical:
        Use clinical terms for questions and options.

    Returns
    -------
    list[tuple[str, str]]
        One pair per answered key.
    """
    given = answers.given()
    page = content.results.page
    yes_no = (page["answer_yes"], page["answer_no"])
    order = list(content.questions.screen.questions) + [
        k for s in content.questions.steps for k in s.questions
    ]
    rows = []
    for key in order:
        if key in given:
            question = content.question(key)
            label = question.clinical if clinical else question.label
            rows.append((label, describe_value(question, given[key], clinical=clinical, yes_no=yes_no)))
    return rows


@dataclass(frozen=True)
class OttawaPanel:
    """The Ottawa Knee Rules for one set of answers."""

    in_scope: bool
    """An acute injury within 7 days (or of unknown date)."""
    criteria: tuple[tuple[str, bool | None], ...]
    """Each criterion's clinical wording and whether it is met (None = not answered)."""

    @property
    def positive(self) -> bool:
        """True when in scope and any criterion is met: an X-ray is indicated."""
        return self.in_scope and any(met for _, met in self.criteria)


def ottawa_panel(content: CheckerContent, answers: Answers) -> OttawaPanel:
    """Evaluate the Ottawa Knee Rules rows of the red-flag table.

    Parameters
    ----------
    content:
        The checker content (the rows with ``group: ottawa`` and the ``acute_injury`` fact).
    answers:
        Validated answers.

    Returns
    -------
    OttawaPanel
        Scope and each criterion.
    """
    given = answers.given()
    facts = {p.id: p.when for p in content.predicates}
    in_scope = holds(facts[SCOPE_FACT], given, facts)
    rows: list[tuple[str, bool | None]] = []
    for flag in content.red_flags:
        if flag.group != OTTAWA_GROUP:
            continue
        parts = [p for p in (flag.when.all or (flag.when,)) if p.fact != SCOPE_FACT]
        keys = [p.answer for p in parts if p.answer is not None]
        if any(key not in given for key in keys):
            rows.append((flag.clinical, None))
        else:
            rows.append((flag.clinical, all(holds(p, given, facts) for p in parts)))
    return OttawaPanel(in_scope=in_scope, criteria=tuple(rows))
