"""``content/guides/<id>.yaml`` (one guide each) and ``content/guides/index.yaml`` (page text)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from kneecore.content._base import Between, ContentModel, Id, Markdown, Reference, References, Text

__all__ = [
    "EVIDENCE_LEVELS",
    "Evidence",
    "Fact",
    "Group",
    "Guide",
    "LibraryText",
    "Link",
    "Myth",
    "Professional",
    "RedFlag",
    "Section",
    "Treatment",
]

Lines = Annotated[tuple[Text, ...], Field(min_length=1)]

Evidence = Literal["moderate", "low", "very_low", "conflicting", "none"]
"""How sure the research is, in GRADE-like plain steps."""
EVIDENCE_LEVELS: tuple[str, ...] = ("moderate", "low", "very_low", "conflicting", "none")


class Link(ContentModel):
    """A button to another part of the app, e.g. ``/ramp?condition=pfps``."""

    label: Text
    to: Annotated[str, Field(pattern=r"^/\S*$")]


class Section(ContentModel):
    """A titled part of a guide."""

    id: Id
    title: Text
    body: Markdown
    references: tuple[Reference, ...] = ()


class RedFlag(ContentModel):
    """A warning sign, what it may mean, and how soon to act."""

    id: Id
    title: Text
    signs: Markdown
    action: Text
    urgency: Literal["emergency", "urgent", "consult"]
    references: References


class Fact(ContentModel):
    """A headline fact with its sources."""

    id: Id
    text: Text
    references: References


class Myth(ContentModel):
    """A common belief and what the research says instead."""

    id: Id
    myth: Text
    truth: Markdown
    references: References


class Treatment(ContentModel):
    """A treatment people ask about, with an honest evidence level."""

    id: Id
    title: Text
    evidence: Evidence
    verdict: Text
    """One line: the bottom line."""
    can: Lines
    cannot: Lines
    body: Markdown
    references: References


class Professional(ContentModel):
    """A kind of professional: what they are for and what to expect."""

    id: Id
    title: Text
    see_for: Lines
    expect: Markdown


class Guide(ContentModel):
    """One guide page: prose sections plus optional structured parts."""

    id: Id
    title: Text
    group: Id
    """A group id from index.yaml (where the guide sits on the index)."""
    order: Between(1, 99)  # type: ignore[valid-type]
    summary: Text
    aliases: tuple[Text, ...] = ()
    part: Between(1, 9) | None = None  # type: ignore[valid-type]
    """Part number within a series (the return-to-running guides)."""
    intro: Markdown
    sections: tuple[Section, ...] = ()
    red_flags: tuple[RedFlag, ...] = ()
    facts: tuple[Fact, ...] = ()
    myths: tuple[Myth, ...] = ()
    treatments: tuple[Treatment, ...] = ()
    professionals: tuple[Professional, ...] = ()
    bring: tuple[Text, ...] = ()
    """What to bring to an appointment."""
    links: tuple[Link, ...] = ()
    references: References


class Group(ContentModel):
    """A heading on the guides index."""

    id: Id
    title: Text
    blurb: Text


class ConditionHeadings(ContentModel):
    """Headings of a condition page."""

    what_it_is: Text
    who_gets_it: Text
    signs: Text
    worse_with: Text
    what_helps: Text
    recovery: Text
    see_a_clinician: Text
    get_help_now: Text
    exercises: Text
    leave_out: Text
    """Heading of the condition's ``avoid_for_now`` list."""
    form: Text
    look_alikes: Text
    stories: Text
    for_clinicians: Text
    plan: Text
    checker: Text


class GuideHeadings(ContentModel):
    """Headings inside a guide; ``{part}`` and ``{total}`` fill the series line."""

    facts: Text
    red_flags: Text
    myths: Text
    myth: Text
    truth: Text
    treatments: Text
    can: Text
    cannot: Text
    part: Text
    previous: Text
    next: Text
    more: Text


class StoryText(ContentModel):
    """Labels of the stories page."""

    filter_label: Text
    all_conditions: Text
    composite_note: Text
    timeline: Text
    week: Text
    what_helped: Text
    setbacks: Text
    lessons: Text
    diary: Text
    back_to_running: Text
    pain_chart: Text
    pain_axis: Text
    time_axis: Text
    exercises: Text
    plan: Text
    read_more: Text
    none_found: Text
    back: Text


class HelpText(ContentModel):
    """Headings of the help page."""

    professionals: Text
    bring: Text
    clinic: Text
    book: Text


class Messages(ContentModel):
    """Short notes for odd links; ``{value}`` is replaced by what was asked for."""

    unknown_condition: Text
    unknown_guide: Text
    unknown_story: Text
    no_results: Text


class LibraryText(ContentModel):
    """The whole of ``content/guides/index.yaml``: page text of guides, stories, help, search."""

    groups: Annotated[tuple[Group, ...], Field(min_length=1)]
    conditions_title: Text
    conditions_blurb: Text
    condition: ConditionHeadings
    guide: GuideHeadings
    evidence: dict[Evidence, Text]
    """Plain words for each evidence level."""
    search_label: Text
    search_placeholder: Text
    search_results: Text
    kinds: dict[Id, Text]
    """Search result kind -> label (condition, guide, story, exercise, form)."""
    stories: StoryText
    help: HelpText
    messages: Messages
    back_to_index: Text
    sources: Text
