"""Rendering of the stories page: the filtered list, one story and its pain chart."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from kneecore import Content
from kneecore.content.guides import StoryText
from kneecore.content.stories import Story
from kneecore.stories import pain_rows
from pages.ui.common import references
from pages.ui.guides_links import exercise_name, link

__all__ = ["pain_chart", "show_list", "show_story"]


def pain_chart(story: Story, text: StoryText) -> alt.Chart:
    """A line of pain (0-10) over weeks, with a point and tooltip per entry."""
    data = pd.DataFrame(pain_rows(story))
    base = alt.Chart(data).encode(
        x=alt.X("week:Q", title=text.time_axis),
        y=alt.Y("pain:Q", title=text.pain_axis, scale=alt.Scale(domain=[0, 10])),
        tooltip=[
            alt.Tooltip("week:Q", title=text.time_axis, format=".1f"),
            alt.Tooltip("pain:Q", title=text.pain_axis),
            alt.Tooltip("label:N", title=" "),
        ],
    )
    return (base.mark_line() + base.mark_circle(size=60)).properties(height=260, title=text.pain_chart)


def show_list(content: Content, stories: tuple[Story, ...]) -> None:
    """A card per story with its condition, summary and a link to read it."""
    lib = content.library
    text = lib.text
    assert text is not None
    for story in stories:
        page = lib.condition(story.condition)
        with st.container(border=True):
            st.markdown(f"**{story.title}**")
            st.caption(f"{page.title if page else story.condition} · {story.runner}")
            st.markdown(story.summary)
            link(f"/stories?story={story.id}", text.stories.read_more, icon="📖")


def _bullets(lines: tuple[str, ...]) -> None:
    st.markdown("\n".join(f"- {line}" for line in lines))


def show_story(content: Content, story: Story) -> None:
    """One story: the composite note, pain chart, timeline, helps, setbacks, diary and links."""
    lib = content.library
    assert lib.text is not None
    text = lib.text.stories
    page = lib.condition(story.condition)
    link("/stories", text.back, icon="⬅️")
    st.header(story.title)
    st.info(text.composite_note, icon="📝")
    st.caption(story.runner)
    if page is not None:
        link(f"/guides?condition={page.id}", page.title, icon="🦵")
    st.markdown(story.summary)
    st.metric(text.back_to_running, f"{story.weeks_to_running:g}")
    st.altair_chart(pain_chart(story, text), width="stretch")
    st.subheader(text.timeline)
    st.markdown("\n".join(f"- **{text.week} {m.week:g}:** {m.text}" for m in story.timeline))
    st.subheader(text.what_helped)
    _bullets(story.what_helped)
    st.subheader(text.setbacks)
    _bullets(story.setbacks)
    if story.diary:
        st.subheader(text.diary)
        for entry in story.diary:
            with st.expander(f"{entry.date.isoformat()} · {entry.title} · {entry.pain}/10"):
                st.markdown(entry.body)
    if story.lessons:
        st.subheader(text.lessons)
        _bullets(story.lessons)
    if story.exercises:
        st.subheader(text.exercises)
        st.markdown(", ".join(exercise_name(content, e) for e in story.exercises))
        link(f"/exercises?condition={story.condition}", text.exercises, icon="🏋️")
    link(f"/ramp?condition={story.condition}", text.plan, icon="📈")
    references(story.references, label=lib.text.sources)
