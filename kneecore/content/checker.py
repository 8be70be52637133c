"""content/checker/: the checker's questions, conditions, weights, red flags and texts.

Files (all required)::

    settings.yaml    age bands and the few thresholds the scoring uses
    sources.yaml     references, each with an id that weights and rules cite
    conditions.yaml  the 16 contract conditions: prior, weighted features, self-care
    red_flags.yaml   named predicates and the red-flag rule table
    questions.yaml   the red-flag screen, the steps, question wording, the knee map
    results.yaml     triage banners, "can I keep running?", safety-netting, page texts

Rules and features use one small condition language (:class:`When`) over the answers.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field, model_validator

from kneecore.content._base import (
    Between,
    ContentModel,
    Id,
    Markdown,
    Number,
    Problems,
    Reference,
    References,
    Text,
    check_refs,
    check_unique,
    read_file,
)
from kneecore.errors import ContentError
from kneecore.ids import CONDITION_IDS

if TYPE_CHECKING:
    from kneecore.content import Content

__all__ = [
    "SCHEMAS",
    "CheckerContent",
    "Condition",
    "Factor",
    "Feature",
    "Level",
    "Question",
    "RedFlag",
    "RunningLevel",
    "When",
    "check",
    "load",
    "load_checker",
]

Level = Literal["self_care", "consult", "urgent", "emergency"]
FlagLevel = Literal["consult", "urgent", "emergency"]
RunningId = Literal["stop_and_be_seen", "stop_stay_active", "keep_running_with_changes", "keep_running"]
Sex = Literal["female", "male", "other"]

_TESTS = (
    "equals",
    "one_of",
    "not_one_of",
    "includes",
    "includes_any",
    "excludes",
    "at_least",
    "at_most",
    "below",
)


class When(ContentModel):
    """A test on the answers: ``all``/``any`` of tests, a named ``fact``, or one ``answer`` test.

    An answer test uses one of ``equals``, ``one_of``, ``not_one_of`` (choice keys),
    ``includes``, ``includes_any``, ``excludes`` (list keys), ``at_least``, ``at_most``,
    ``below`` (numbers) or ``unanswered: true``. An unanswered key fails every test
    unless ``or_unanswered: true``.
    """

    all: tuple[When, ...] | None = None
    any: tuple[When, ...] | None = None
    fact: Id | None = None
    answer: str | None = None
    equals: bool | int | float | str | None = None
    one_of: tuple[str, ...] | None = None
    not_one_of: tuple[str, ...] | None = None
    includes: str | None = None
    includes_any: tuple[str, ...] | None = None
    excludes: tuple[str, ...] | None = None
    at_least: Number | None = None
    at_most: Number | None = None
    below: Number | None = None
    unanswered: bool = False
    or_unanswered: bool = False

    @model_validator(mode="after")
    def _shape(self) -> When:
        from kneecore.checker.answers import ANSWER_KEYS, allowed_values, expected

        forms = [name for name in ("all", "any", "fact", "answer") if getattr(self, name) is not None]
        if len(forms) != 1:
            raise ValueError("needs exactly one of all, any, fact or answer")
        tests = [name for name in _TESTS if getattr(self, name) is not None]
        if self.answer is None:
            if tests or self.unanswered or self.or_unanswered:
                raise ValueError("answer tests need an answer key")
            return self
        if self.answer not in ANSWER_KEYS:
            raise ValueError(f"names answer {self.answer!r}, which the contract does not have")
        if len(tests) + int(self.unanswered) != 1:
            raise ValueError(
                f"answer {self.answer!r} needs exactly one test ({', '.join(_TESTS)} or unanswered)"
            )
        kind = expected(self.answer)
        values = allowed_values(self.answer)
        test = tests[0] if tests else "unanswered"
        if kind.startswith("a list"):
            ok = test in ("includes", "includes_any", "excludes")
        elif kind == "true or false":
            ok = test == "equals" and isinstance(self.equals, bool)
        elif kind.startswith("one of"):
            ok = test in ("equals", "one_of", "not_one_of") and not isinstance(
                self.equals, (bool, int, float)
            )
        else:
            ok = test in ("equals", "at_least", "at_most", "below") and not isinstance(
                self.equals, (bool, str)
            )
        if not ok and test != "unanswered":
            raise ValueError(f"test {test!r} does not fit answer {self.answer!r} ({kind})")
        named: list[str] = []
        for name in ("one_of", "not_one_of", "includes_any", "excludes"):
            named.extend(getattr(self, name) or ())
        for single in (self.includes, self.equals):
            if isinstance(single, str):
                named.append(single)
        wrong = [v for v in named if values and v not in values]
        if wrong:
            raise ValueError(f"answer {self.answer!r} has no value {wrong[0]!r} (expected {kind})")
        return self

    def facts(self) -> Iterable[str]:
        """Every named fact this test uses."""
        if self.fact:
            yield self.fact
        for part in (self.all or ()) + (self.any or ()):
            yield from part.facts()


class Source(Reference):
    """A reference with an id, cited by weights and rules."""

    id: Id


class AgeBand(ContentModel):
    id: Id
    lo: Between(5, 100)  # type: ignore[valid-type]
    hi: Between(5, 100)  # type: ignore[valid-type]
    label: Text


class Settings(ContentModel):
    """Age bands and thresholds."""

    age_bands: tuple[AgeBand, ...]
    condition_triage_min_score: Between(0, 1, whole=False)  # type: ignore[valid-type]
    """A condition's own triage level counts once its score reaches this."""
    min_score_shown: Between(0, 1, whole=False)  # type: ignore[valid-type]
    """Conditions scoring below this are left off the list."""
    max_would_change: Between(1, 20)  # type: ignore[valid-type]
    """At most this many "what would change this advice" lines."""
    default_review_weeks: Between(1, 26)  # type: ignore[valid-type]
    """Weeks before a review when no condition stands out."""

    @model_validator(mode="after")
    def _bands(self) -> Settings:
        expect = 5
        for band in self.age_bands:
            if band.lo != expect or band.hi < band.lo:
                raise ValueError(
                    f"age_bands must run without gaps from 5 to 100; band {band.id!r} breaks that"
                )
            expect = band.hi + 1
        if expect != 101:
            raise ValueError("age_bands must run without gaps from 5 to 100")
        return self


class Factor(ContentModel):
    factor: Between(0.001, 20, whole=False)  # type: ignore[valid-type]
    reason: Text | None = None


class Prior(ContentModel):
    """Share of this condition among runners' knee complaints, adjusted by age band and sex."""

    base: Between(0.001, 1, whole=False)  # type: ignore[valid-type]
    age: dict[str, Factor] = Field(default_factory=dict)
    sex: dict[Sex, Factor] = Field(default_factory=dict)
    source: Id
    grade: Literal["measured", "expert"]


class Feature(ContentModel):
    """One answer pattern and its likelihood ratio for a condition."""

    when: When
    lr: Between(0.01, 50, whole=False)  # type: ignore[valid-type]
    reason: Text
    group: Id | None = None
    """Correlated features share a group; only the strongest one that fires counts."""
    grade: Literal["measured", "expert"]
    source: Id


class Condition(ContentModel):
    id: Id
    name: Text
    clinical_name: Text
    summary: Markdown
    self_care: tuple[Text, ...] = Field(min_length=1)
    triage: Level
    running: RunningId
    review_weeks: Between(1, 26)  # type: ignore[valid-type]
    prior: Prior
    features: tuple[Feature, ...] = Field(min_length=1)
    references: References


class Predicate(ContentModel):
    id: Id
    description: Text
    when: When


class RedFlag(ContentModel):
    id: Id
    title: Text
    clinical: Text
    triage: FlagLevel
    when: When
    message: Markdown
    stop_running: bool = False
    would_change: Text
    group: Id | None = None
    references: References


class Option(ContentModel):
    value: str
    label: Text
    clinical: Text | None = None


class Question(ContentModel):
    id: str
    label: Text
    clinical: Text
    help: Text | None = None
    options: tuple[Option, ...] = ()


class Step(ContentModel):
    id: Id
    title: Text
    intro: Text | None = None
    questions: tuple[str, ...] = Field(min_length=1)


class Region(ContentModel):
    id: Id
    view: Literal["front", "side", "back"]
    x: Between(0, 100, whole=False)  # type: ignore[valid-type]
    y: Between(0, 100, whole=False)  # type: ignore[valid-type]
    location: str
    label: Text


class KneeMap(ContentModel):
    title: Text
    help: Text
    views: dict[Literal["front", "side", "back"], Text]
    regions: tuple[Region, ...] = Field(min_length=1)


class Questions(ContentModel):
    screen: Step
    steps: tuple[Step, ...] = Field(min_length=1)
    questions: tuple[Question, ...]
    knee_map: KneeMap


class TriageText(ContentModel):
    title: Text
    action: Text
    time_frame: Text


class RunningLevel(ContentModel):
    id: RunningId
    title: Text
    pain_rules: tuple[Text, ...] = Field(min_length=1)


class RunningRule(ContentModel):
    """First rule whose criteria all hold sets the "can I keep running?" answer."""

    level: RunningId
    reason: Text
    triage_at_least: Level | None = None
    triage_at_most: Level | None = None
    flag_stops_running: bool | None = None
    top_condition_running: RunningId | None = None
    when: When | None = None

    def unconditional(self) -> bool:
        """True when the rule has no criteria (the fallback)."""
        return all(
            v is None
            for v in (
                self.triage_at_least,
                self.triage_at_most,
                self.flag_stops_running,
                self.top_condition_running,
                self.when,
            )
        )


class Results(ContentModel):
    triage: dict[Level, TriageText]
    triage_reasons: dict[Literal["flag", "condition", "none"], Text]
    keep_running: tuple[RunningLevel, ...]
    running_rules: tuple[RunningRule, ...] = Field(min_length=1)
    safety_net: tuple[Text, ...] = Field(min_length=1)
    disclaimer: Text
    """Says on every result that the checker informs and does not diagnose."""
    review: Text
    """Safety-net line with ``{weeks}``: when to see someone if not better."""
    page: dict[str, Text]
    """Headings, buttons and notes of the checker page, by key."""
    references: References
    """Sources of the pain rules and the running advice."""

    @model_validator(mode="after")
    def _complete(self) -> Results:
        levels = ("self_care", "consult", "urgent", "emergency")
        missing = [lv for lv in levels if lv not in self.triage]
        if missing:
            raise ValueError(f"triage: missing {', '.join(missing)}")
        ids = [r.id for r in self.keep_running]
        if sorted(ids) != sorted(set(RunningId.__args__)):  # type: ignore[attr-defined]
            raise ValueError("keep_running must describe each running level once")
        if not self.running_rules[-1].unconditional():
            raise ValueError("running_rules: the last rule must have no criteria (the fallback)")
        if "{weeks}" not in self.review:
            raise ValueError("review must contain {weeks}")
        _placeholders("review", self.review, weeks=1)
        for kind, text in self.triage_reasons.items():
            _placeholders(f"triage_reasons.{kind}", text, title="", name="")
        for key, text in self.page.items():
            _placeholders(f"page.{key}", text, step=1, total=1, problem="", message="")
        return self


def _placeholders(where: str, text: str, **known: object) -> None:
    """Refuse a ``{placeholder}`` the code does not fill (it would fail on screen)."""
    try:
        text.format(**known)
    except (KeyError, IndexError, ValueError) as exc:
        names = ", ".join("{" + k + "}" for k in known)
        raise ValueError(f"{where}: unknown placeholder {exc} (known: {names})") from None


class SourcesFile(ContentModel):
    sources: tuple[Source, ...] = Field(min_length=1)


class ConditionsFile(ContentModel):
    conditions: tuple[Condition, ...]


class RedFlagsFile(ContentModel):
    predicates: tuple[Predicate, ...] = ()
    red_flags: tuple[RedFlag, ...] = Field(min_length=1)


class CheckerContent(ContentModel):
    """Everything the checker reads, validated and cross-checked."""

    settings: Settings
    sources: tuple[Source, ...]
    conditions: tuple[Condition, ...]
    predicates: tuple[Predicate, ...]
    red_flags: tuple[RedFlag, ...]
    questions: Questions
    results: Results

    def condition(self, ident: str) -> Condition:
        """The condition with this id (KeyError if unknown)."""
        for item in self.conditions:
            if item.id == ident:
                return item
        raise KeyError(ident)

    def question(self, key: str) -> Question:
        """The question for an answer key (KeyError if unknown)."""
        for item in self.questions.questions:
            if item.id == key:
                return item
        raise KeyError(key)

    def source(self, ident: str) -> Source:
        """The source with this id (KeyError if unknown)."""
        for item in self.sources:
            if item.id == ident:
                return item
        raise KeyError(ident)


FILES: dict[str, tuple[str, type[BaseModel]]] = {
    "settings": ("checker/settings.yaml", Settings),
    "sources": ("checker/sources.yaml", SourcesFile),
    "conditions": ("checker/conditions.yaml", ConditionsFile),
    "red_flags": ("checker/red_flags.yaml", RedFlagsFile),
    "questions": ("checker/questions.yaml", Questions),
    "results": ("checker/results.yaml", Results),
}

SCHEMAS: dict[str, type[BaseModel]] = {path: model for path, model in FILES.values()}
"""File (or folder glob) under content/ -> the model one such file must match."""


def load(root: Path, problems: Problems) -> CheckerContent | None:
    """Read and validate this domain's files under ``root``."""
    before = len(problems.lines)
    parts: dict[str, Any] = {}
    for name, (rel, model) in FILES.items():
        kind = "question" if name == "questions" else None
        parts[name] = read_file(root, rel, model, problems, kind=kind)
    if any(v is None for v in parts.values()):
        return None
    content = CheckerContent(
        settings=parts["settings"],
        sources=parts["sources"].sources,
        conditions=parts["conditions"].conditions,
        predicates=parts["red_flags"].predicates,
        red_flags=parts["red_flags"].red_flags,
        questions=parts["questions"],
        results=parts["results"],
    )
    _cross_check(root, content, problems)
    return None if len(problems.lines) > before else content


def check(content: Content, problems: Problems) -> None:
    """Cross-file checks for this domain (done on load: the checker is self-contained)."""
    del content, problems


def load_checker(root: Path | str | None = None) -> CheckerContent:
    """Read only the checker's content (the CLI needs nothing else).

    Parameters
    ----------
    root:
        The content folder; default :func:`kneecore.content.default_root`.

    Returns
    -------
    CheckerContent
        Validated and cross-checked.

    Raises
    ------
    ContentError
        With every problem found.
    """
    from kneecore.content import default_root

    folder = Path(root) if root is not None else default_root()
    problems = Problems(folder)
    content = load(folder, problems)
    if problems or content is None:
        raise ContentError(problems.lines or ["content/checker could not be read"])
    return content


def _cross_check(root: Path, content: CheckerContent, problems: Problems) -> None:
    from kneecore.checker.answers import ANSWER_KEYS, allowed_values, expected

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
        cited = [cond.prior.source] + [f.source for f in cond.features]
        check_refs(problems, f_cond, item, "source", cited, source_ids, "source")
        for when in [f.when for f in cond.features]:
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
        if key in ANSWER_KEYS and expected(key) != "true or false":
            problems.add(f_q, "the red-flag screen takes yes/no questions only", "", f"screen.{key}")
    for question in q.questions:
        if question.id not in ANSWER_KEYS:
            continue
        values = allowed_values(question.id)
        given = [o.value for o in question.options]
        if expected(question.id) == "true or false" or not values:
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
