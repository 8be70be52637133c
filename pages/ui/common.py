"""Page scaffolding: content loading with a maintenance fallback, headers, references."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from kneecore import Content, ContentError, load_content
from kneecore.content._base import Reference
from kneecore.content.site import Page
from pages.ui.routing import hand_over_to_router

__all__ = ["content_or_stop", "footer", "offers", "page_header", "references", "start_page"]


@st.cache_resource(show_spinner=False)
def _cached_content() -> Content:
    return load_content()


def content_or_stop() -> Content:
    """The validated content, or a maintenance message naming the problem and a stop."""
    try:
        return _cached_content()
    except ContentError as exc:
        st.title("🛠️ This app is being updated")
        st.write(
            "Part of the app's content could not be loaded, so the app is paused rather "
            "than show you something wrong. Please try again later."
        )
        st.error("The content files have problems:\n\n" + "\n".join(f"- `{p}`" for p in exc.problems))
        st.stop()
        raise  # unreachable: st.stop() raises


def page_header(content: Content, slug: str) -> Page:
    """Title and intro of a page, from site.yaml."""
    page = content.site.pages[slug]
    title = content.site.app.name if slug == "home" else page.title
    st.title(f"{page.icon} {title}")
    if slug == "home":
        st.markdown(f"**{content.site.app.tagline}**")
    st.markdown(page.intro)
    return page


def start_page(slug: str) -> Content:
    """First call of every page: routing handover, content, title and intro."""
    hand_over_to_router()
    content = content_or_stop()
    page_header(content, slug)
    return content


def references(refs: Iterable[Reference], label: str = "Sources") -> None:
    """A collapsed list of references with links."""
    refs = tuple(refs)
    if not refs:
        return
    with st.expander(label):
        for ref in refs:
            st.markdown(f"- {ref.citation} [{ref.doi or 'link'}]({ref.link})")


def footer(content: Content) -> None:
    """The disclaimer line at the foot of every page."""
    st.divider()
    site = content.site
    st.caption(f"**{site.app.name}** · {site.clinic.name}, {site.clinic.city} · {site.app.footer}")


def offers(page: Page) -> None:
    """What a page does for the reader, as a short list."""
    if page.offers:
        st.markdown("\n".join(f"- {line}" for line in page.offers))
