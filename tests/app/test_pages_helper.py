"""The shared AppTest helpers (tests/app/pages.py) open what they are asked for and fail loudly otherwise."""

from __future__ import annotations

import pytest

import pages.ui
import pages.ui.guides
from pages.ui.routing import PAGES_KEY
from tests.app.pages import open_page, open_tab


def test_open_page_shows_the_page_with_its_params(content) -> None:
    """open_page runs the router, lands on the page's title and passes the query parameters to it."""
    at = open_page("stories", {"condition": "pfps"})
    assert content.site.pages["stories"].title in at.title[0].value
    assert at.query_params["condition"] == "pfps"
    assert PAGES_KEY in at.session_state  # reached through the router


@pytest.mark.parametrize(
    ("module", "name", "expected"),
    [
        (pages.ui, "footer", "the router at / raised before opening help"),  # every page, home first
        (pages.ui.guides, "show_professionals", "help raised"),  # the help page only
    ],
    ids=["on_the_way", "on_the_page"],
)
def test_open_page_fails_when_a_run_raises(monkeypatch: pytest.MonkeyPatch, module, name, expected) -> None:
    """An exception in either run fails open_page, naming where, instead of passing silently."""

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr(module, name, broken)
    with pytest.raises(AssertionError, match=expected):
        open_page("help")


def test_open_tab_opens_the_labelled_tab(content) -> None:
    """open_tab sets the page's tab key to the label, reruns and returns the same session."""
    at = open_page("form")
    label = content.form.label("tab_barefoot")
    assert open_tab(at, label) is at
    assert at.session_state["form.tab"] == label
    assert content.form.barefoot.known in [m.value for m in at.markdown]


def test_open_tab_refuses_a_label_the_page_does_not_show() -> None:
    """A label that is not one of the page's tabs fails, naming the tab key and the labels shown."""
    at = open_page("ramp")
    with pytest.raises(AssertionError, match=r"no tab 'Nope' in ramp\.tab: \["):
        open_tab(at, "Nope")


def test_open_tab_needs_a_page_with_keyed_tabs() -> None:
    """On a page without a keyed set of tabs, open_tab fails with a clear message."""
    at = open_page("help")
    with pytest.raises(AssertionError, match="expected one keyed set of tabs, found"):
        open_tab(at, "Anything")
