"""AppTest over the entrypoint: every page runs, url paths route, content problems pause the app."""

from __future__ import annotations

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from pages.ui.common import sources_key
from pages.ui.routing import PAGE_FILES, PAGES_KEY
from tests.app.pages import new_app, open_page

TITLES = {
    "home": "Knee Compass",
    "checker": "Symptom checker",
    "form": "Running-form checklist",
    "exercises": "Exercise browser",
    "ramp": "Return-to-running plan",
    "stories": "Recovery stories",
    "guides": "Guides",
    "help": "Getting help",
    "not_found": "Page not found",
}


@pytest.mark.cold_start
def test_cold_start_deep_link_keeps_query_params() -> None:
    """A first request straight to a page (old mode) is handed over with its query string."""
    at = new_app()
    at.query_params["condition"] = "pfps"
    at.run()
    at.switch_page("pages/guides.py")
    at.run()
    assert not at.exception
    assert PagesManager.uses_pages_directory is False
    assert at.query_params["condition"] == "pfps"


def test_warm_server_fixture_keeps_old_mode_off() -> None:
    """The default fixture makes AppTest behave like a server past its first request."""
    at = open_page("home")
    assert PagesManager.uses_pages_directory is False
    assert not at.exception


@pytest.mark.parametrize("slug", list(PAGE_FILES))
def test_every_page_runs_inside_the_router(slug: str) -> None:
    """Each page renders its title from site.yaml with no exception."""
    at = open_page(slug)
    assert not at.exception
    assert any(TITLES[slug] in t.value for t in at.title)
    assert "does not diagnose" in at.caption[-1].value


@pytest.mark.cold_start
def test_folder_trap_hands_over_to_the_router() -> None:
    """Starting in pages-directory mode (a fresh server), the router still builds the navigation."""
    at = new_app()
    at.run()  # AppTest resets the flag to None, so this run starts in the old mode
    assert PagesManager.uses_pages_directory is False
    assert not at.exception
    assert [t.value for t in at.title] == ["🏠 Knee Compass"]


def test_home_links_every_tool(content) -> None:
    """Home shows the disclaimer and a card for each tool, and the sources of its facts."""
    at = open_page("home")
    assert content.site.app.disclaimer in [i.value for i in at.info]
    labels = " ".join(str(el.proto) for el in at.get("page_link"))
    for card in content.site.home.cards:
        assert card.title in labels
    assert any(e.label == "Sources" for e in at.expander)


def test_sources_are_listed_once_opened(content) -> None:
    """The home page's sources list is drawn when its expander is opened, with every citation and link."""
    refs = [ref for fact in content.site.home.facts for ref in fact.references]
    at = open_page("home")
    body = " ".join(m.value for m in at.markdown)
    assert refs[0].citation not in body  # closed: not built
    at.session_state[sources_key(refs)] = True
    at.run()
    body = " ".join(m.value for m in at.markdown)
    for ref in refs:
        assert ref.citation in body
        assert f"({ref.link})" in body


def test_identical_source_lists_get_their_own_keys() -> None:
    """Two identical source lists on one page do not clash: the second gets a suffixed key."""
    script = (
        "from kneecore.content._base import Reference\n"
        "from pages.ui.common import references\n"
        "refs = [Reference(citation='Doe J. A study. 2020.', doi='10.1000/x')]\n"
        "references(refs)\n"
        "references(refs)\n"
    )
    at = AppTest.from_string(script, default_timeout=30)
    at.run()
    assert not at.exception
    assert len(at.expander) == 2


def test_not_found_lists_every_page() -> None:
    """The not-found page links to each real page."""
    at = open_page("not_found")
    links = at.get("page_link")
    assert len(links) == len(PAGE_FILES) - 1


def test_broken_content_shows_maintenance(edit_yaml, content_env) -> None:
    """A content problem pauses the app with a message naming the file and key, no traceback."""
    content_env(edit_yaml("site.yaml", 'name: "Knee Compass"', "name: 12"))
    at = open_page("home")
    assert not at.exception
    assert at.title[0].value == "🛠️ This app is being updated"
    assert "content/site.yaml: app.name: must be text" in at.error[0].value


def test_clinic_rebrands_by_editing_site_yaml(edit_yaml, content_env) -> None:
    """Changing only site.yaml changes the app's name, clinic details and theme."""
    from streamlit import config

    edit_yaml("site.yaml", 'name: "Knee Compass"', 'name: "Harbour Knee Clinic"')
    edit_yaml("site.yaml", 'name: "Riverside Sports Physiotherapy"', 'name: "Harbour Physio"')
    content_env(edit_yaml("site.yaml", 'primary_color: "#1a6b5c"', 'primary_color: "#8a2be2"'))
    at = open_page("help")
    assert not at.exception
    assert "Harbour Physio" in [s.value for s in at.header]
    assert "Harbour Knee Clinic" in at.caption[-1].value
    assert config.get_option("theme.primaryColor") == "#8a2be2"


def test_home_links_point_at_the_routers_pages(content) -> None:
    """Home's cards link to each tool's url path and page (the router's page objects, no file lookups)."""
    at = open_page("home")
    links = {el.proto.page: el.proto.page_script_hash for el in at.get("page_link")}
    for card in content.site.home.cards:
        path = PAGE_FILES[card.page].removesuffix(".py")
        assert path in links
        assert links[path]  # a registered page's script hash


def test_pages_are_built_once_a_session_and_again_for_new_content() -> None:
    """The router reuses this session's page objects on every run, and builds new ones for new content."""
    at = open_page("home")
    site, pages = at.session_state[PAGES_KEY]
    at.switch_page("pages/ramp.py")
    at.run()
    at.switch_page("pages/help.py")
    at.run()
    assert not at.exception
    assert at.session_state[PAGES_KEY][1] is pages
    assert set(pages) == set(PAGE_FILES)
    assert pages["help"].title == site.pages["help"].nav_title
    at.session_state[PAGES_KEY] = (object(), pages)  # as if the content had been reloaded
    at.run()
    assert not at.exception
    rebuilt = at.session_state[PAGES_KEY]
    assert rebuilt[0] is site
    assert rebuilt[1] is not pages
    assert at.title[0].value.endswith(TITLES["help"])
