"""A friendly page for an address that does not exist, with links to every page."""

from __future__ import annotations

import streamlit as st

from pages.ui import PAGE_FILES, footer, start_page

content = start_page("not_found")
for slug, filename in PAGE_FILES.items():
    if slug == "not_found":
        continue
    page = content.site.pages[slug]
    st.page_link(f"pages/{filename}", label=page.nav_title, icon=page.icon)
footer(content)
