"""Entry point: page config, content check, theme, navigation. It only routes."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from pages.ui import PAGE_FILES, content_or_stop, hand_over_to_router
from pages.ui.routing import PAGES_KEY, register_pages, route_unknown_to
from pages.ui.theme import apply_theme

PAGES_DIR = Path(__file__).parent / "pages"

SECTIONS = {
    "": ("home",),
    "Tools": ("checker", "ramp", "exercises", "form"),
    "Read": ("guides", "stories", "help"),
}


def main() -> None:
    """Build the navigation over every page and run the chosen one."""
    hand_over_to_router()
    content = content_or_stop()
    site = content.site
    st.set_page_config(page_title=site.app.name, page_icon=site.app.icon, layout="centered")
    apply_theme(site.theme)

    def page(slug: str, **kwargs: object) -> st.Page:
        info = site.pages[slug]
        url_path = "" if slug == "home" else Path(PAGE_FILES[slug]).stem
        return st.Page(
            PAGES_DIR / PAGE_FILES[slug],
            title=info.nav_title,
            icon=info.icon,
            url_path=url_path or None,
            default=slug == "home",
            **kwargs,  # type: ignore[arg-type]
        )

    # Built once a session and per content load (see PAGES_KEY), not on every run.
    cached = st.session_state.get(PAGES_KEY)
    if cached is None or cached[0] is not site:
        built = {slug: page(slug) for slugs in SECTIONS.values() for slug in slugs}
        built["not_found"] = page("not_found", visibility="hidden")
        cached = (site, built)
        st.session_state[PAGES_KEY] = cached
    built = cached[1]
    nav = {section: [built[slug] for slug in slugs] for section, slugs in SECTIONS.items()}
    nav["Read"].append(built["not_found"])
    not_found = built["not_found"]
    register_pages(built)
    known = {Path(PAGE_FILES[slug]).stem for slugs in SECTIONS.values() for slug in slugs}
    route_unknown_to(not_found, known | {"not_found"})
    st.navigation(nav, position="top").run()


main()
