"""AppTest: a new routine on the exercises page is named with the content's default title."""

from __future__ import annotations

from kneecore import load_content
from tests.app.pages import open_page, open_tab
from tests.unit.test_routine_title import NEW, OLD


def test_new_routine_shows_the_reworded_default_title(edit_yaml, content_env) -> None:
    """After adding a first exercise, the routine's name field holds the reworded label, not English."""
    folder = edit_yaml("exercises/_page.yaml", OLD, NEW)
    content_env(folder)
    content = load_content(folder)
    at = open_page("exercises")
    ex = content.exercises.exercises[0]
    at.button(key=f"exercises.add.{ex.id}").click().run()
    open_tab(at, content.exercises.page.labels["tab_routine"].format(n=1))
    assert at.text_input(key="exercises.title").value == "Meine Übungen"
    assert at.session_state["exercises.plan"].title == "Meine Übungen"
