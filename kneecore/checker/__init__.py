"""The symptom checker: answers in, triage, red flags and ranked conditions out.

Public surface::

    Answers, parse_answers, parse_json, answers_schema   the contract's input
    assess(content, answers) -> CheckerResult            the whole checker
    CheckerResult, ConditionScore, RedFlagHit, KeepRunning
    load_checker(root=None) -> CheckerContent            only content/checker/

``python -m kneecore.checker answers.json`` runs it from the shell (see ``__main__``).
"""

from __future__ import annotations

from kneecore.checker.answers import ANSWER_KEYS, Answers, answers_schema, parse_answers, parse_json
from kneecore.checker.engine import MAX_CONDITIONS, assess, rank, red_flags
from kneecore.checker.result import CheckerResult, ConditionScore, KeepRunning, RedFlagHit
from kneecore.content.checker import CheckerContent, load_checker

__all__ = [
    "ANSWER_KEYS",
    "MAX_CONDITIONS",
    "Answers",
    "CheckerContent",
    "CheckerResult",
    "ConditionScore",
    "KeepRunning",
    "RedFlagHit",
    "answers_schema",
    "assess",
    "load_checker",
    "parse_answers",
    "parse_json",
    "rank",
    "red_flags",
]
