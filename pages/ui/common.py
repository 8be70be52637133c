"""Page scaffolding: content loading with a maintenance fallback, headers, references."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import streamlit as st
from streamlit.errors import StreamlitDuplicateElementKey

from kneecore import Content, ContentError, load_content
from kneecore.content._base import Reference
from kneecore.content.site import Page
from pages.ui.routing import hand_over_to_router, sync_address_bar

__all__ = ["content_or_stop", "footer", "offers", "page_header", "references", "sources_key", "start_page"]


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
    sync_address_bar()
    content = content_or_stop()
    page_header(content, slug)
    return content


def sources_key(refs: Iterable[Reference], label: str = "Sources") -> str:
    """The widget key of the sources expander for ``refs`` under ``label`` (its first use)."""
    text = "\n".join([label, *(ref.citation for ref in refs)])
    return "sources." + hashlib.blake2b(text.encode("utf-8"), digest_size=6).hexdigest()


def references(refs: Iterable[Reference], label: str = "Sources") -> None:
    """A collapsed list of references with links, drawn only while it is open.

    The expander is stateful (``on_change="rerun"``): opening it reruns the page, and the
    list is one Markdown element built only then. Most readers never open it, and every
    element costs each rerun of the page (``bench/pages.py``). Its key comes from the
    label and the citations; a second identical list on the same page gets a suffix.
    """
    refs = tuple(refs)
    if not refs:
        return
    base = sources_key(refs, label)
    for n in range(50):
        key = base + (f".{n}" if n else "")
        try:
            box = st.expander(label, key=key, on_change="rerun")
        except StreamlitDuplicateElementKey:
            continue
        break
    else:  # pragma: no cover - fifty identical lists on one page
        return
    with box:
        if box.open:
            st.markdown("\n".join(f"- {ref.citation} [{ref.doi or 'link'}]({ref.link})" for ref in refs))


def footer(content: Content) -> None:
    """The disclaimer line at the foot of every page."""
    st.divider()
    site = content.site
    st.caption(f"**{site.app.name}** · {site.clinic.name}, {site.clinic.city} · {site.app.footer}")


def offers(page: Page) -> None:
    """What a page does for the reader, as a short list."""
    if page.offers:
        st.markdown("\n".join(f"- {line}" for line in page.offers))
