"""Cross-file checks of content/checker/: ids exist, the contract is covered, questions fit the answers."""

from __future__ import annotations

from pathlib import Path

from kneecore.content._base import Problems, check_refs, check_unique
from kneecore.content.checker import FILES, CheckerContent
from kneecore.ids import CONDITION_IDS

__all__ = ["cross_check"]


def cross_check(root: Path, content: CheckerContent, problems: Problems) -> None:
    """Record every cross-file problem of the checker content in ``problems``."""
    from kneecore.checker.answers import ANSWER_KEYS, allowed_values, answer_kind

    f_sources = root / FILES["sources"][0]
    f_cond = root / FILES["conditions"][0]
    f_flags = root / FILES["red_flags"][0]
    f_q = root / FILES["questions"][0]
    f_res = root / FILES["results"][0]
    source_ids = [s.id for s in content.sources]
    check_unique(problems, f_sources, "source", source_ids)

    ids = [c.id for c in content.conditions]
    check_unique(problems, f_cond, "condition", ids)
    missing = [c for c in CONDITION_IDS if c not in ids]
    if missing:
        problems.add(f_cond, f"missing contract condition(s): {', '.join(missing)}")
    check_refs(problems, f_cond, "", "conditions", ids, CONDITION_IDS, "condition")
    bands = {b.id for b in content.settings.age_bands}
    for cond in content.conditions:
        item = f"condition '{cond.id}'"
        check_refs(problems, f_cond, item, "prior.age", cond.prior.age, bands, "age band")
        cited = [cond.prior.source] + [f.source for f in cond.features] + [e.source for e in cond.escalations]
        check_refs(problems, f_cond, item, "source", cited, source_ids, "source")
        for when in [f.when for f in cond.features] + [e.when for e in cond.escalations]:
            check_refs(
                problems, f_cond, item, "features", when.facts(), [p.id for p in content.predicates], "fact"
            )

    pred_ids = [p.id for p in content.predicates]
    check_unique(problems, f_flags, "predicate", pred_ids)
    for pred in content.predicates:
        if list(pred.when.facts()):
            problems.add(f_flags, "a predicate may not use another fact", f"predicate '{pred.id}'", "when")
    check_unique(problems, f_flags, "red flag", [f.id for f in content.red_flags])
    for flag in content.red_flags:
        check_refs(problems, f_flags, f"red flag '{flag.id}'", "when", flag.when.facts(), pred_ids, "fact")
        for variant in flag.variants:
            check_refs(
                problems, f_flags, f"red flag '{flag.id}'", "variants", variant.when.facts(), pred_ids, "fact"
            )
    for rule in content.results.running_rules:
        if rule.when is not None:
            check_refs(problems, f_res, "", "running_rules", rule.when.facts(), pred_ids, "fact")

    q = content.questions
    qids = [item.id for item in q.questions]
    check_unique(problems, f_q, "question", qids)
    check_refs(problems, f_q, "", "questions", qids, ANSWER_KEYS, "answer key")
    asked = list(q.screen.questions) + [k for step in q.steps for k in step.questions]
    check_refs(problems, f_q, "", "steps", asked, qids, "question")
    for key in ANSWER_KEYS:
        if key not in qids:
            problems.add(f_q, f"answer key {key!r} has no question")
        if asked.count(key) != 1:
            problems.add(
                f_q, f"answer key {key!r} must be asked exactly once (asked {asked.count(key)} times)"
            )
    for key in q.screen.questions:
        if key in ANSWER_KEYS and answer_kind(key) != "flag":
            problems.add(f_q, "the red-flag screen takes yes/no questions only", "", f"screen.{key}")
    for question in q.questions:
        if question.id not in ANSWER_KEYS:
            continue
        values = allowed_values(question.id)
        given = [o.value for o in question.options]
        if answer_kind(question.id) == "flag" or not values:
            if given:
                problems.add(f_q, "takes no options", f"question '{question.id}'", "options")
        elif sorted(given) != sorted(values):
            problems.add(
                f_q, f"options must be exactly: {', '.join(values)}", f"question '{question.id}'", "options"
            )
    locations = allowed_values("location")
    for region in q.knee_map.regions:
        if region.location not in locations:
            problems.add(
                f_q, f"names location {region.location!r}, which does not exist", f"region '{region.id}'"
            )
    check_unique(problems, f_q, "region", [r.id for r in q.knee_map.regions])
    uncovered = [loc for loc in locations if loc not in {r.location for r in q.knee_map.regions}]
    if uncovered:
        problems.add(f_q, f"knee_map: no region for {', '.join(uncovered)}")
