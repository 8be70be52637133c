"""Recovery stories: filter by condition (?condition=<id>) or read one (?story=<id>)."""

from __future__ import annotations

import streamlit as st

from kneecore.stories import open_stories
from pages.ui import footer, offers, start_page
from pages.ui.stories import show_list, show_story

content = start_page("stories")
lib = content.library
assert lib.text is not None
text = lib.text.stories
view = open_stories(lib, st.query_params.to_dict())
if view.note:
    st.info(view.note, icon="🧭")
if view.story is not None:
    show_story(content, view.story)
else:
    offers(content.site.pages["stories"])
    options = [""] + [c.id for c in lib.conditions if any(s.condition == c.id for s in lib.stories)]
    names = {c.id: c.title for c in lib.conditions}
    start = view.condition if view.condition in options else ""
    if view.condition and not start:
        st.info(text.none_found)
    chosen = st.selectbox(
        text.filter_label,
        options,
        index=options.index(start),
        format_func=lambda cid: names.get(cid, text.all_conditions) if cid else text.all_conditions,
        key="stories.condition",
    )
    shown = open_stories(lib, {"condition": chosen} if chosen else {})
    if chosen and not shown.stories:
        st.info(text.none_found)
        shown = open_stories(lib, {})
    show_list(content, shown.stories)
footer(content)
