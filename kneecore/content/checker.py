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

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field, model_validator

from kneecore.content._base import (
    Between,
    ContentModel,
    Id,
    Markdown,
    Problems,
    Reference,
    References,
    Text,
    read_file,
)
from kneecore.content.checker_conditions import (
    Condition,
    Escalation,
    Factor,
    Feature,
    FlagLevel,
    Level,
    RunningId,
)
from kneecore.content.checker_when import When
from kneecore.errors import ContentError

if TYPE_CHECKING:
    from kneecore.content import Content

__all__ = [
    "SCHEMAS",
    "CheckerContent",
    "Condition",
    "Escalation",
    "Factor",
    "Feature",
    "FlagVariant",
    "Level",
    "Question",
    "RedFlag",
    "RunningLevel",
    "When",
    "check",
    "load",
    "load_checker",
]


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


class Predicate(ContentModel):
    id: Id
    description: Text
    when: When


class FlagVariant(ContentModel):
    """A message that fits better when ``when`` also holds (e.g. an old injury); the triage stays."""

    when: When
    message: Markdown


class RedFlag(ContentModel):
    id: Id
    title: Text
    clinical: Text
    triage: FlagLevel
    when: When
    message: Markdown
    variants: tuple[FlagVariant, ...] = ()
    """The first variant whose ``when`` holds replaces ``message``."""
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
    """Full words (tooltip and list)."""
    short: Text
    """The few words drawn beside the spot on the map."""


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
    triage_reasons: dict[Literal["flag", "condition", "atypical", "none"], Text]
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
        kinds = ("flag", "condition", "atypical", "none")
        absent = [k for k in kinds if k not in self.triage_reasons]
        if absent:
            raise ValueError(f"triage_reasons: missing {', '.join(absent)}")
        for kind, text in self.triage_reasons.items():
            _placeholders(f"triage_reasons.{kind}", text, title="", name="", reason="")
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

    def short_names(self) -> dict[str, str]:
        """Each condition id with its short name (menus, notes, printouts)."""
        return {item.id: item.short_name for item in self.conditions}

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
    from kneecore.content.checker_checks import cross_check

    cross_check(root, content, problems)
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
