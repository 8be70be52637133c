"""Rendering of the stories page: the filtered list, one story and its pain chart."""

from __future__ import annotations

import streamlit as st

from kneecore import Content
from kneecore.content.stories import Story
from kneecore.stories import pain_spec
from pages.ui.common import references
from pages.ui.guides_links import exercise_name, link

__all__ = ["show_list", "show_story"]


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
    st.vega_lite_chart(pain_spec(story, text), width="stretch")
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
