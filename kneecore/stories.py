"""Recovery stories: filtering by condition and the pain-over-time series for a chart."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kneecore.content.guides import StoryText
from kneecore.content.library import LibraryContent
from kneecore.content.stories import Story
from kneecore.vega import Spec, field, inline, layered

__all__ = ["PainSample", "StoriesView", "open_stories", "pain_rows", "pain_spec", "pain_timeline"]


@dataclass(frozen=True)
class PainSample:
    """Pain (0-10) at a week since the pain began, with an optional label."""

    week: float
    pain: float
    label: str = ""


@dataclass(frozen=True)
class StoriesView:
    """What the stories page shows: the filtered list, or one story, plus a note for a bad link."""

    stories: tuple[Story, ...]
    condition: str | None = None
    story: Story | None = None
    note: str | None = None


def pain_timeline(story: Story) -> tuple[PainSample, ...]:
    """The story's pain over time: its ``pain`` points, or its diary entries by date.

    Parameters
    ----------
    story:
        A story (the model guarantees at least three points).

    Returns
    -------
    Samples in time order; diary dates become weeks since the first entry.
    """
    if story.pain:
        return tuple(PainSample(float(p.week), float(p.pain), p.note or "") for p in story.pain)
    first = story.diary[0].date
    return tuple(
        PainSample(round((e.date - first).days / 7, 2), float(e.pain), f"{e.date.isoformat()}: {e.title}")
        for e in story.diary
    )


def pain_rows(story: Story) -> list[dict[str, object]]:
    """Chart rows (``week``, ``pain``, ``label``) for the pain-over-time chart.

    Parameters
    ----------
    story:
        A story.

    Returns
    -------
    One dict per sample, ready for a data frame.
    """
    return [{"week": s.week, "pain": s.pain, "label": s.label} for s in pain_timeline(story)]


def pain_spec(story: Story, text: StoryText) -> Spec:
    """A line of pain (0-10) over weeks, with a point and a tooltip per entry.

    Parameters
    ----------
    story:
        A story.
    text:
        The stories page's labels (chart title and axis titles).

    Returns
    -------
    Spec
        A layered Vega-Lite spec (line, then points) with the rows of :func:`pain_rows`.
    """
    rows = inline(pain_rows(story))
    encoding = {
        "x": field("week:Q", title=text.time_axis),
        "y": field("pain:Q", title=text.pain_axis, scale={"domain": [0, 10]}),
        "tooltip": [
            field("week:Q", title=text.time_axis, format=".1f"),
            field("pain:Q", title=text.pain_axis),
            field("label:N", title=" "),
        ],
    }
    return layered(
        [
            {"data": rows, "mark": {"type": "line"}, "encoding": encoding},
            {"data": rows, "mark": {"type": "circle", "size": 60}, "encoding": encoding},
        ],
        height=260,
        title=text.pain_chart,
    )


def _shown(value: str) -> str:
    return value if len(value) <= 40 else value[:37] + "..."


def open_stories(library: LibraryContent, params: Mapping[str, str]) -> StoriesView:
    """The stories a query string asks for: ``story=<id>`` or ``condition=<id>``.

    Parameters
    ----------
    library:
        The loaded library content.
    params:
        Query parameters; unknown ids give every story and a note naming the bad value.

    Returns
    -------
    StoriesView
    """
    messages = library.text.messages if library.text else None
    note: str | None = None
    story_id = params.get("story")
    if story_id is not None:
        story = library.story(story_id)
        if story is not None:
            return StoriesView(stories=(story,), condition=story.condition, story=story)
        note = messages.unknown_story.replace("{value}", _shown(story_id)) if messages else story_id
    condition = params.get("condition")
    if condition is not None and condition != "":
        if library.condition(condition) is None:
            bad = messages.unknown_condition.replace("{value}", _shown(condition)) if messages else condition
            return StoriesView(stories=library.stories, note=note or bad)
        chosen = tuple(s for s in library.stories if s.condition == condition)
        return StoriesView(stories=chosen, condition=condition, note=note)
    return StoriesView(stories=library.stories, note=note)
