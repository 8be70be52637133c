"""Home: what the app is for, the disclaimer, entry cards first, then search, audience and facts."""

from __future__ import annotations

import streamlit as st

from pages.ui import footer, references, start_page
from pages.ui.routing import page_target
from pages.ui.search import search_box

content = start_page("home")
site = content.site
home = site.home

st.info(site.app.disclaimer, icon="ℹ️")

st.header(home.start_here)
for card in home.cards:
    page = site.pages[card.page]
    with st.container(border=True):
        st.page_link(page_target(card.page), label=f"**{card.title}**", icon=page.icon)
        st.caption(card.blurb)

search_box(content, key="home.search", limit=5)

with st.expander(home.help_now, expanded=False):
    st.markdown(site.app.emergency)
st.markdown(home.audience)

st.header(home.good_to_know)
for fact in home.facts:
    st.markdown(f"- {fact.text}")
references((ref for fact in home.facts for ref in fact.references), site.app.sources)

footer(content)
