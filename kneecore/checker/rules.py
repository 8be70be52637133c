"""Evaluating the content's :class:`~kneecore.content.checker.When` tests on answers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kneecore.content.checker import When

__all__ = ["holds"]


def holds(when: When, answers: Mapping[str, Any], facts: Mapping[str, When]) -> bool:
    """Whether ``when`` is true for ``answers``.

    Parameters
    ----------
    when:
        The test.
    answers:
        Answered keys only (unanswered keys are absent).
    facts:
        Named predicates that ``fact:`` tests refer to.

    Returns
    -------
    bool
        True when the test holds; an unanswered key fails every test unless
        ``or_unanswered`` (or ``unanswered``) says otherwise.
    """
    if when.all is not None:
        return all(holds(part, answers, facts) for part in when.all)
    if when.any is not None:
        return any(holds(part, answers, facts) for part in when.any)
    if when.fact is not None:
        return holds(facts[when.fact], answers, facts)
    key = str(when.answer)
    if key not in answers:
        return when.unanswered or when.or_unanswered
    if when.unanswered:
        return False
    return _test(when, answers[key])


def _test(when: When, value: Any) -> bool:
    if when.equals is not None:
        return bool(value == when.equals and isinstance(value, bool) == isinstance(when.equals, bool))
    if when.one_of is not None:
        return value in when.one_of
    if when.not_one_of is not None:
        return value not in when.not_one_of
    if when.includes is not None:
        return when.includes in value
    if when.includes_any is not None:
        return any(v in value for v in when.includes_any)
    if when.excludes is not None:
        return not any(v in value for v in when.excludes)
    if when.at_least is not None:
        return bool(value >= when.at_least)
    if when.at_most is not None:
        return bool(value <= when.at_most)
    if when.below is not None:
        return bool(value < when.below)
    return False  # pragma: no cover - the content model requires one test
