"""Home: what the app is for, who it is for, the disclaimer, entry cards and facts."""

from __future__ import annotations

import streamlit as st

from pages.ui import PAGE_FILES, footer, references, start_page
from pages.ui.search import search_box

content = start_page("home")
site = content.site

st.markdown(f"**{site.app.tagline}**")
st.markdown(site.home.audience)
st.info(site.app.disclaimer, icon="ℹ️")
with st.expander("When to get help now", expanded=False):
    st.markdown(site.app.emergency)

search_box(content, key="home.search", limit=5)

st.subheader("Start here")
for card in site.home.cards:
    page = site.pages[card.page]
    with st.container(border=True):
        st.page_link(f"pages/{PAGE_FILES[card.page]}", label=f"**{card.title}**", icon=page.icon)
        st.caption(card.blurb)

st.subheader("Good to know")
for fact in site.home.facts:
    st.markdown(f"- {fact.text}")
references(ref for fact in site.home.facts for ref in fact.references)

footer(content)
