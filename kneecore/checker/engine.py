"""Scoring and triage: naive Bayes over the content's likelihood ratios, then the red-flag table.

Each condition starts from its prior (base share among runners' knee complaints times
the age-band and sex factors). Every feature that fires adds ``ln(lr)``; within a
``group`` of correlated features only the strongest that fires counts. Scores are the
posterior over the 16 conditions (a softmax of the log-odds), so they lie in [0, 1].
Triage is the most urgent level of any red flag that fires or of any listed condition
whose score reaches ``settings.condition_triage_min_score``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from kneecore.checker.answers import Answers, parse_answers
from kneecore.checker.result import CheckerResult, ConditionScore, KeepRunning, RedFlagHit, Triage
from kneecore.checker.rules import holds
from kneecore.content.checker import CheckerContent, Condition, Factor, RunningRule, When
from kneecore.ids import TRIAGE_LEVELS

__all__ = ["MAX_CONDITIONS", "assess", "condition_triage", "rank", "red_flags"]

MAX_CONDITIONS = 5
"""The contract's longest list of conditions."""


def _facts(content: CheckerContent) -> dict[str, When]:
    return {p.id: p.when for p in content.predicates}


def _band(content: CheckerContent, age: int | None) -> str | None:
    if age is None:
        return None
    for band in content.settings.age_bands:
        if band.lo <= age <= band.hi:
            return band.id
    return None  # pragma: no cover - bands cover 5-100


def _log_odds(
    cond: Condition, answers: Mapping[str, Any], band: str | None, facts: Mapping[str, When]
) -> tuple[float, list[tuple[float, str]]]:
    total = math.log(cond.prior.base)
    parts: list[tuple[float, str]] = []
    adjustments: list[Factor] = []
    if band is not None and band in cond.prior.age:
        adjustments.append(cond.prior.age[band])
    sex = answers.get("sex")
    if sex is not None and sex in cond.prior.sex:
        adjustments.append(cond.prior.sex[sex])
    for factor in adjustments:
        weight = math.log(factor.factor)
        total += weight
        if factor.reason and weight:
            parts.append((weight, factor.reason))
    best: dict[str, tuple[float, str]] = {}
    fired: list[tuple[float, str]] = []
    for feature in cond.features:
        if not holds(feature.when, answers, facts):
            continue
        weight = math.log(feature.lr)
        if feature.group is None:
            fired.append((weight, feature.reason))
        elif feature.group not in best or abs(weight) > abs(best[feature.group][0]):
            best[feature.group] = (weight, feature.reason)
    fired.extend(best.values())
    total += sum(weight for weight, _ in fired)
    return total, parts + fired


def condition_triage(
    cond: Condition, answers: Mapping[str, Any], facts: Mapping[str, When]
) -> tuple[Triage, str | None]:
    """A condition's triage for these answers: its own level, raised by any atypical sign.

    Parameters
    ----------
    cond:
        The condition (``triage`` and ``escalations``).
    answers:
        Answered keys only.
    facts:
        Named predicates for ``fact:`` tests.

    Returns
    -------
    tuple[Triage, str | None]
        The level, and the reason of the escalation that set it (None for the condition's own level).
    """
    level: Triage = cond.triage
    why: str | None = None
    for esc in cond.escalations:
        if _level(esc.triage) > _level(level) and holds(esc.when, answers, facts):
            level, why = esc.triage, esc.reason
    return level, why


def rank(content: CheckerContent, answers: Answers) -> tuple[ConditionScore, ...]:
    """Every condition with its score and reasons, highest score first.

    Parameters
    ----------
    content:
        The checker content (priors and weights).
    answers:
        Validated answers.

    Returns
    -------
    tuple[ConditionScore, ...]
        All 16 conditions, sorted by score (ties by id); scores sum to about 1.
    """
    given = answers.given()
    facts = _facts(content)
    band = _band(content, given.get("age"))
    logits: list[tuple[Condition, float, list[tuple[float, str]]]] = []
    for cond in content.conditions:
        total, parts = _log_odds(cond, given, band, facts)
        logits.append((cond, total, parts))
    top = max(total for _, total, _ in logits)
    weights = [math.exp(total - top) for _, total, _ in logits]
    norm = sum(weights)
    scored = []
    for (cond, _, parts), weight in zip(logits, weights, strict=True):
        ordered = sorted(parts, key=lambda p: -abs(p[0]))
        reasons = tuple(r for w, r in ordered if w > 0) + tuple(f"against: {r}" for w, r in ordered if w < 0)
        score = min(1.0, max(0.0, round(weight / norm, 3)))
        scored.append(
            ConditionScore(
                id=cond.id,
                name=cond.name,
                score=score,
                reasons=reasons,
                triage=condition_triage(cond, given, facts)[0],
                clinical_name=cond.clinical_name,
            )
        )
    scored.sort(key=lambda c: (-c.score, c.id))
    return tuple(scored)


def red_flags(content: CheckerContent, answers: Answers) -> tuple[RedFlagHit, ...]:
    """The red-flag rules that fire for ``answers``, most urgent first (then table order).

    Parameters
    ----------
    content:
        The checker content (the red-flag table).
    answers:
        Validated answers.

    Returns
    -------
    tuple[RedFlagHit, ...]
        Each rule that fired, with the first message variant that fits the answers.
    """
    given = answers.given()
    facts = _facts(content)
    hits = [
        RedFlagHit(
            id=flag.id,
            message=next((v.message for v in flag.variants if holds(v.when, given, facts)), flag.message),
            triage=flag.triage,
            title=flag.title,
            clinical=flag.clinical,
            stop_running=flag.stop_running,
        )
        for flag in content.red_flags
        if holds(flag.when, given, facts)
    ]
    hits.sort(key=lambda h: -TRIAGE_LEVELS.index(h.triage))
    return tuple(hits)


def _level(value: str) -> int:
    return TRIAGE_LEVELS.index(value)


def _running_rule_holds(
    rule: RunningRule,
    triage: str,
    flags: tuple[RedFlagHit, ...],
    top: Condition | None,
    given: Mapping[str, Any],
    facts: Mapping[str, When],
) -> bool:
    if rule.triage_at_least is not None and _level(triage) < _level(rule.triage_at_least):
        return False
    if rule.triage_at_most is not None and _level(triage) > _level(rule.triage_at_most):
        return False
    if rule.flag_stops_running is not None and rule.flag_stops_running != any(f.stop_running for f in flags):
        return False
    if rule.top_condition_running is not None and (top is None or top.running != rule.top_condition_running):
        return False
    return rule.when is None or holds(rule.when, given, facts)


def assess(content: CheckerContent, answers: Answers | Mapping[str, Any]) -> CheckerResult:
    """Score the conditions, apply the red-flag rules and build the advice.

    Parameters
    ----------
    content:
        The checker content (:func:`kneecore.content.checker.load_checker` or ``Content.checker``).
    answers:
        :class:`Answers`, or a mapping validated with :func:`parse_answers`.

    Returns
    -------
    CheckerResult
        Triage, red flags, up to five conditions, "can I keep running?", safety-netting.

    Raises
    ------
    InputError
        When ``answers`` is a mapping that does not validate.
    """
    answers = parse_answers(answers)
    settings = content.settings
    flags = red_flags(content, answers)
    ranked = rank(content, answers)
    listed = tuple(c for c in ranked if c.score >= settings.min_score_shown)[:MAX_CONDITIONS]
    if not answers.given():
        listed = ()
    likely = [c for c in listed if c.score >= settings.condition_triage_min_score]

    triage: Triage = "self_care"
    rule = "none"
    texts = content.results.triage_reasons
    reason = texts["none"]
    given = answers.given()
    facts = _facts(content)
    for cond in likely:
        if _level(cond.triage) > _level(triage):
            triage, rule = cond.triage, f"condition:{cond.id}"
            why = condition_triage(content.condition(cond.id), given, facts)[1]
            if why is None:
                reason = texts["condition"].format(name=cond.name)
            else:
                reason = texts["atypical"].format(name=cond.name, reason=why)
    if flags and _level(flags[0].triage) >= _level(triage):
        triage, rule = flags[0].triage, flags[0].id
        reason = texts["flag"].format(title=flags[0].title)

    top = content.condition(likely[0].id) if likely else None
    chosen = next(
        r for r in content.results.running_rules if _running_rule_holds(r, triage, flags, top, given, facts)
    )
    level = next(lv for lv in content.results.keep_running if lv.id == chosen.level)
    keep = KeepRunning(level=level.id, title=level.title, reason=chosen.reason, pain_rules=level.pain_rules)

    fired = {f.id for f in flags}
    higher = [f for f in content.red_flags if f.id not in fired and _level(f.triage) > _level(triage)]
    higher.sort(key=lambda f: _level(f.triage))  # the nearest change first
    change = tuple(dict.fromkeys(f.would_change for f in higher))[: settings.max_would_change]

    weeks = top.review_weeks if top is not None else settings.default_review_weeks
    safety = (*content.results.safety_net, content.results.review.format(weeks=weeks))
    return CheckerResult(
        triage=triage,
        triage_rule=rule,
        triage_reason=reason,
        red_flags=flags,
        conditions=listed,
        keep_running=keep,
        what_would_change=change,
        safety_net=safety,
        disclaimer=content.results.disclaimer,
    )
