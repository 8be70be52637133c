"""One way for AppTests to open a page and one of its tabs, reached through the router.

A plain module rather than fixtures in ``conftest.py``: the helpers take arguments
(slug, query parameters, timeout, tab label) and test files build their own small
helpers on top (a fixed share link, a tab named by its content id), which reads
better as ordinary imported functions than as fixture factories. The warm-server
fixture that every AppTest relies on stays autouse in ``conftest.py``.

Import it as ``from tests.app.pages import APP, open_page, open_tab``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from streamlit.testing.v1 import AppTest

from pages.ui.routing import PAGE_FILES

APP = str(Path(__file__).resolve().parents[2] / "streamlit_app.py")
"""Absolute path of the entrypoint (the router)."""


def new_app(*, timeout: float = 30) -> AppTest:
    """The entrypoint as a fresh AppTest, not yet run (for tests that drive every step).

    Parameters
    ----------
    timeout:
        Seconds each run may take.

    Returns
    -------
    AppTest
        A session on the router that has had no request yet.
    """
    return AppTest.from_file(APP, default_timeout=timeout)


def open_page(slug: str, params: Mapping[str, str] | None = None, *, timeout: float = 30) -> AppTest:
    """A page reached through the router, with ``params`` in its URL, run without an exception.

    The router runs once at ``/``, switches to ``pages/<file>`` and runs again with the
    query parameters set, as a visitor following a link does. The home page is the
    router's first page, so it runs once, its parameters set before that run.

    Parameters
    ----------
    slug:
        Page slug, a key of ``pages.ui.routing.PAGE_FILES`` ("home", "ramp", ...).
    params:
        Query parameters for the page's URL.
    timeout:
        Seconds each run may take.

    Returns
    -------
    AppTest
        The session, showing the page.
    """
    at = new_app(timeout=timeout)
    if slug != "home":
        at.run()
        assert not at.exception, f"the router at / raised before opening {slug}: {at.exception}"
        at.switch_page(f"pages/{PAGE_FILES[slug]}")
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, f"{slug} raised: {at.exception}"
    return at


def open_tab(at: AppTest, label: str) -> AppTest:
    """Open the page's tab called ``label`` as a click does, and rerun (only that tab is drawn).

    Pages keep the open tab in a stateful ``st.tabs`` keyed "<page>.tab"; the key is found
    on the page, so one helper serves every page.

    Parameters
    ----------
    at:
        A session showing a page with one keyed set of tabs.
    label:
        The tab's label exactly as shown (icon included).

    Returns
    -------
    AppTest
        The same session, rerun with that tab open.
    """
    keyed = [c for c in at.get("tab_container") if getattr(c, "key", None)]
    assert len(keyed) == 1, f"expected one keyed set of tabs, found {[c.key for c in keyed]}"
    [tabs] = keyed
    labels = [tab.label for tab in tabs.children.values()]
    assert label in labels, f"no tab {label!r} in {tabs.key}: {labels}"
    at.session_state[tabs.key] = label
    at.run()
    assert not at.exception, at.exception
    assert at.session_state[tabs.key] == label, f"{tabs.key} did not stay on {label!r}"
    return at
