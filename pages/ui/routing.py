"""Routing details that lean on Streamlit internals, kept in one small place.

**The folder trap.** With a folder named ``pages/`` beside the entrypoint, Streamlit 1.67
starts every new server in the old "pages directory" mode: until the entrypoint has
called ``st.navigation`` once in the process, a deep link such as ``/ramp?weeks_off=6``
runs ``pages/ramp.py`` alone, without the entrypoint's page config, navigation and content
check. :func:`hand_over_to_router` (called first by every page and by the entrypoint)
notices that mode, switches it off and reruns; the rerun goes through
``streamlit_app.py``, which routes the same url path to the same page (the page hash of
a v1 page and of ``st.Page(url_path=<file stem>)`` are equal). Query parameters survive
the rerun. ``tests/app/test_routing.py`` and ``tests/e2e`` guard this.

**The address bar.** Streamlit 1.67 runs a link to the page already open with the link's
query string (``st.page_link`` with ``query_params``: a guide on the guides page, an
exercise on the exercises page) but leaves the address bar as it was, so that view could
not be bookmarked, shared or left with the browser's Back button. :func:`sync_address_bar`
(called by every page) sends the current query string back to the browser on each run;
the browser pushes a history entry only when it differs. ``tests/e2e/test_navigation.py``
guards this.

**Links.** ``st.page_link`` given a file path resolves it on disk each time (``realpath``,
``lstat``): about 0.3 ms a link, and the guides index draws 26. The router registers this
run's ``st.Page`` objects (:func:`register_pages`, one registry per script-run thread) and
:func:`page_target` hands them to the links, which then skip the file system.

**Unknown paths.** Streamlit shows its own "page not found" dialog and runs the home page.
:func:`route_unknown_to` points an unknown path at our hidden not-found page instead.
"""

from __future__ import annotations

import threading

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import get_script_run_ctx

__all__ = [
    "PAGES_KEY",
    "PAGE_FILES",
    "hand_over_to_router",
    "page_target",
    "register_pages",
    "requested_path",
    "route_unknown_to",
    "sync_address_bar",
]

PAGE_FILES = {
    "home": "home.py",
    "checker": "checker.py",
    "form": "form.py",
    "exercises": "exercises.py",
    "ramp": "ramp.py",
    "stories": "stories.py",
    "guides": "guides.py",
    "help": "help.py",
    "not_found": "not_found.py",
}
"""Page slug -> file in pages/. The url path is the file stem ("" for home)."""

PAGES_KEY = "_router.pages"
"""Session-state key of this session's ``st.Page`` objects and the site content they came from.

``st.Page`` resolves its file on disk (``realpath``, ``is_file``), about 0.1 ms a page on
every run; the router builds them once a session (and again if the content is reloaded).
They are not shared between sessions: ``st.navigation`` marks the chosen page object as
callable for one run, and two sessions running at once would clash over that mark.
"""


def hand_over_to_router() -> None:
    """If Streamlit is still in pages-directory mode, leave it and rerun via the router."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


_RUN = threading.local()  # Streamlit runs each script run in a thread of its own


def register_pages(pages: dict[str, st.Page]) -> None:
    """Remember this run's pages by slug, for :func:`page_target` (called by the router)."""
    _RUN.pages = pages


def page_target(slug: str) -> st.Page | str:
    """What ``st.page_link`` should point at for ``slug``: the router's page, else its file."""
    pages: dict[str, st.Page] = getattr(_RUN, "pages", {})
    return pages.get(slug) or f"pages/{PAGE_FILES[slug]}"


def sync_address_bar() -> None:
    """Send this run's query string to the browser, so the address bar matches the view."""
    params = st.query_params
    keys = list(params)
    if keys:
        params[keys[0]] = params.get_all(keys[0])  # same value: one message, whole query string
    else:
        params.clear()


def requested_path() -> str | None:
    """The url path the browser asked for ("" for the home page), if Streamlit knows it."""
    ctx = get_script_run_ctx()
    if ctx is None:
        return None
    manager = ctx.pages_manager
    if manager.intended_page_script_hash:
        return None  # a page chosen from the navigation: always known
    return manager.intended_page_name


def route_unknown_to(page: st.Page, known_paths: set[str]) -> bool:
    """Send a request for an unknown url path to ``page``; True when that happened."""
    ctx = get_script_run_ctx()
    path = requested_path()
    if ctx is None or path is None or path == "" or path in known_paths:
        return False
    ctx.pages_manager.set_script_intent(page._script_hash, page.url_path)
    return True
