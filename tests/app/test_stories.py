"""AppTest of the stories page: the list, the condition filter, one story and bad ids."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app.pages import open_page


def titles(at: AppTest) -> str:
    """All Markdown text on the page."""
    return " ".join(m.value for m in at.markdown)


def test_list_shows_every_story(content) -> None:
    """Without a filter every story is listed with a link to read it."""
    at = open_page("stories")
    for story in content.library.stories:
        assert story.title in titles(at)
    assert at.selectbox(key="stories.condition").value == ""


def test_filter_by_condition(content) -> None:
    """Choosing a condition lists only its stories."""
    at = open_page("stories")
    at.selectbox(key="stories.condition").select("itbs").run()
    shown = [s for s in content.library.stories if s.title in titles(at)]
    assert shown
    assert all(s.condition == "itbs" for s in shown)


def test_condition_link_prefilters(content) -> None:
    """``?condition=pfps`` preselects the filter."""
    at = open_page("stories", {"condition": "pfps"})
    assert at.selectbox(key="stories.condition").value == "pfps"
    assert all(s.condition == "pfps" for s in content.library.stories if s.title in titles(at))


def test_condition_without_stories_says_so(content) -> None:
    """A real condition with no story yet says so and lists the others."""
    at = open_page("stories", {"condition": "plica_syndrome"})
    assert content.library.text.stories.none_found in [i.value for i in at.info]


def test_story_detail_has_chart_and_composite_note(content) -> None:
    """A story shows the composite note, the pain chart, its diary and links to exercises and plan."""
    story = content.library.story("maya_kneecap_diary")
    at = open_page("stories", {"story": story.id})
    assert story.title in [h.value for h in at.header]
    assert content.library.text.stories.composite_note in [i.value for i in at.info]
    assert len(at.get("vega_lite_chart")) == 1
    assert len(at.expander) >= len(story.diary)
    links = [f"{el.proto.page}?{el.proto.query_string}" for el in at.get("page_link")]
    assert "exercises?condition=pfps" in links
    assert "ramp?condition=pfps" in links


def test_unknown_story_shows_note_and_list(content) -> None:
    """An unknown story id shows a note naming it and the full list."""
    at = open_page("stories", {"story": "nobody"})
    assert any("nobody" in i.value for i in at.info)
    assert content.library.stories[0].title in titles(at)
