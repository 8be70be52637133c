"""Guides: the index with search, a condition page (?condition=<id>) or a guide (?guide=<id>)."""

from __future__ import annotations

import streamlit as st

from kneecore.guides import open_guides
from pages.ui import footer, offers, start_page
from pages.ui.guides import show_condition, show_guide, show_index
from pages.ui.search import search_box

content = start_page("guides")
view = open_guides(content.library, st.query_params.to_dict())
if view.note:
    st.info(view.note, icon="🧭")
if view.condition is not None:
    show_condition(content, view.condition)
elif view.guide is not None:
    show_guide(content, view.guide)
else:
    offers(content.site.pages["guides"])
    search_box(content, key="guides.query")
    show_index(content)
footer(content)
