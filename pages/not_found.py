"""A friendly page for an address that does not exist, with links to every page."""

from __future__ import annotations

import streamlit as st

from pages.ui import PAGE_FILES, footer, start_page
from pages.ui.routing import page_target

content = start_page("not_found")
for slug in PAGE_FILES:
    if slug == "not_found":
        continue
    page = content.site.pages[slug]
    st.page_link(page_target(slug), label=page.nav_title, icon=page.icon)
footer(content)
