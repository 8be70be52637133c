"""Stories: pain timelines from points or diary dates, and the filter a link asks for."""

from __future__ import annotations

import datetime as dt

import pytest

from kneecore.content.stories import Story
from kneecore.stories import open_stories, pain_rows, pain_spec, pain_timeline


def story(**extra: object) -> Story:
    """A minimal valid story, with ``extra`` fields replacing the defaults."""
    data: dict[str, object] = {
        "id": "s", "title": "T", "composite": True, "runner": "R", "condition": "pfps", "summary": "S",
        "weeks_to_running": 4, "timeline": ({"week": 0, "text": "a"}, {"week": 2, "text": "b"}),
        "what_helped": ("x",), "setbacks": ("y",),
        "pain": ({"week": 0, "pain": 5}, {"week": 1, "pain": 3, "note": "n"}, {"week": 2, "pain": 1}),
    }  # fmt: skip
    data.update(extra)
    return Story.model_validate(data)


def test_pain_points_become_samples() -> None:
    """Explicit pain points keep their weeks, values and notes."""
    samples = pain_timeline(story())
    assert [(s.week, s.pain, s.label) for s in samples] == [(0.0, 5.0, ""), (1.0, 3.0, "n"), (2.0, 1.0, "")]


def test_diary_dates_become_weeks() -> None:
    """Without pain points, diary dates become weeks since the first entry, labelled by date and title."""
    diary = tuple(
        {"date": dt.date(2025, 3, 1) + dt.timedelta(days=d), "title": f"d{d}", "body": "b", "pain": p}
        for d, p in ((0, 6), (7, 4), (17, 2))
    )
    rows = pain_rows(story(pain=(), diary=diary))
    assert [r["week"] for r in rows] == [0.0, 1.0, round(17 / 7, 2)]
    assert [r["pain"] for r in rows] == [6.0, 4.0, 2.0]
    assert rows[2]["label"] == "2025-03-18: d17"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"composite": False}, "every story is an illustrative composite"),
        ({"pain": ({"week": 0, "pain": 5},)}, "needs at least 3 pain points"),
        (
            {"pain": ({"week": 2, "pain": 5}, {"week": 1, "pain": 3}, {"week": 3, "pain": 1})},
            "weeks must go forward",
        ),
        (
            {"pain": ({"week": 0, "pain": 11}, {"week": 1, "pain": 3}, {"week": 3, "pain": 1})},
            "must be 0-10, got 11",
        ),
        (
            {"timeline": ({"week": 3, "text": "a"}, {"week": 1, "text": "b"})},
            "timeline: weeks must go forward",
        ),
    ],
)
def test_story_rules(changes: dict[str, object], message: str) -> None:
    """Each story rule refuses a bad story with a message saying what is wrong."""
    with pytest.raises(ValueError, match=message):
        story(**changes)


def test_filter_by_condition(content) -> None:
    """A known condition keeps only its stories; no filter keeps all of them."""
    lib = content.library
    view = open_stories(lib, {"condition": "pfps"})
    assert view.stories
    assert all(s.condition == "pfps" for s in view.stories)
    assert view.note is None
    assert open_stories(lib, {}).stories == lib.stories


@pytest.mark.parametrize(
    ("params", "fragment"),
    [({"condition": "nope"}, '"nope"'), ({"story": "ghost"}, '"ghost"'), ({"story": "x" * 80}, "...")],
)
def test_unknown_ids_give_all_stories_and_a_note(content, params: dict[str, str], fragment: str) -> None:
    """An unknown condition or story shows every story and a short note naming (a cut of) the value."""
    view = open_stories(content.library, params)
    assert view.stories == content.library.stories
    assert view.story is None
    assert view.note is not None
    assert fragment in view.note
    assert len(view.note) < 120


def test_story_link_opens_that_story(content) -> None:
    """``?story=<id>`` opens the story and sets its condition."""
    first = content.library.stories[0]
    view = open_stories(content.library, {"story": first.id})
    assert view.story == first
    assert view.condition == first.condition


@pytest.mark.parametrize("index", range(6))
def test_pain_spec_draws_the_timeline(content, index: int) -> None:
    """The chart holds the story's pain rows as a line and points, 0-10 on y, with the page's titles."""
    story_ = content.library.stories[index]
    text = content.library.text.stories
    spec = pain_spec(story_, text)
    line, points = spec["layer"]
    assert line["data"]["values"] == points["data"]["values"] == pain_rows(story_)
    assert (line["mark"]["type"], points["mark"]["type"]) == ("line", "circle")
    enc = line["encoding"]
    assert enc == points["encoding"]
    assert (enc["x"]["field"], enc["x"]["title"]) == ("week", text.time_axis)
    assert (enc["y"]["field"], enc["y"]["title"], enc["y"]["scale"]) == (
        "pain",
        text.pain_axis,
        {"domain": [0, 10]},
    )
    assert [t["field"] for t in enc["tooltip"]] == ["week", "pain", "label"]
    assert (spec["title"], spec["height"]) == (text.pain_chart, 260)
