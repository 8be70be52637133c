"""``content/stories/<id>.yaml``: illustrative recovery stories, one per file."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from kneecore.content._base import Between, ContentModel, Id, Markdown, Reference, Text

__all__ = ["DiaryEntry", "Milestone", "PainPoint", "Story"]

Lines = Annotated[tuple[Text, ...], Field(min_length=1)]


def _must_be_true(value: bool) -> bool:
    if value is not True:
        raise ValueError("must be true: every story is an illustrative composite written for this app")
    return value


class PainPoint(ContentModel):
    """Pain (0-10) at a week since the pain began."""

    week: Between(0, 104, whole=False)  # type: ignore[valid-type]
    pain: Between(0, 10, whole=False)  # type: ignore[valid-type]
    note: Text | None = None


class Milestone(ContentModel):
    """A step of the timeline, at a week since the pain began."""

    week: Between(0, 104, whole=False)  # type: ignore[valid-type]
    text: Text


class DiaryEntry(ContentModel):
    """One dated diary entry with that day's pain."""

    date: dt.date
    title: Text
    body: Markdown
    pain: Between(0, 10)  # type: ignore[valid-type]


class Story(ContentModel):
    """A recovery story: condition, timeline, what helped, setbacks and pain over time."""

    id: Id
    title: Text
    composite: Annotated[bool, AfterValidator(_must_be_true)]
    """Always true: stories are illustrative composites, never real people."""
    runner: Text
    """An invented first name and a line about them."""
    condition: Id
    summary: Text
    weeks_to_running: Between(0, 104, whole=False)  # type: ignore[valid-type]
    """Weeks from the first pain to running again."""
    timeline: Annotated[tuple[Milestone, ...], Field(min_length=2)]
    what_helped: Lines
    setbacks: Lines
    lessons: tuple[Text, ...] = ()
    pain: tuple[PainPoint, ...] = ()
    diary: tuple[DiaryEntry, ...] = ()
    exercises: tuple[Id, ...] = ()
    routines: tuple[Id, ...] = ()
    references: tuple[Reference, ...] = ()

    @model_validator(mode="after")
    def _pain_over_time(self) -> Story:
        points = len(self.pain) or len(self.diary)
        if points < 3:
            raise ValueError("needs at least 3 pain points (pain or diary) for the chart")
        weeks = [p.week for p in self.pain]
        if weeks != sorted(weeks):
            raise ValueError("pain: weeks must go forward in time")
        dates = [e.date for e in self.diary]
        if dates != sorted(dates):
            raise ValueError("diary: dates must go forward in time")
        steps = [m.week for m in self.timeline]
        if steps != sorted(steps):
            raise ValueError("timeline: weeks must go forward in time")
        return self
