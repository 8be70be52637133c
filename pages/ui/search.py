"""The search box and its results, shared by the guides page and home."""

from __future__ import annotations

import streamlit as st

from kneecore import Content
from kneecore.search import SearchIndex, index_content, search
from pages.ui.guides_links import link

__all__ = ["search_box"]

_ICONS = {"condition": "🦵", "guide": "📄", "story": "📖", "exercise": "🏋️", "form": "🏃"}


@st.cache_resource(show_spinner=False)
def _index(root: str, _content: Content) -> SearchIndex:
    """One index per content folder, shared by every session (it is frozen)."""
    del root
    return index_content(_content)


def search_box(content: Content, key: str, limit: int = 8) -> None:
    """A search input; typed words show ranked results with their matching words in bold."""
    text = content.library.text
    assert text is not None
    query = st.text_input(text.search_label, key=key, placeholder=text.search_placeholder, max_chars=200)
    if not query or not query.strip():
        return
    hits = search(_index(str(content.root), content), query, limit=limit)
    if not hits:
        st.info(text.messages.no_results)
        return
    st.markdown(f"**{text.search_results}**")
    for hit in hits:
        with st.container(border=True):
            kind = text.kinds.get(hit.doc.kind, hit.doc.kind)
            link(hit.doc.link, f"**{hit.doc.title}** · {kind}", icon=_ICONS.get(hit.doc.kind))
            if hit.snippet:
                st.markdown(hit.snippet)
