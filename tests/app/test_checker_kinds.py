"""AppTest: the checker page picks widgets by answer kind id, so rewording the catalogue changes none."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.pages import open_page
from tests.unit.test_checker_kinds import REWORDED


@pytest.fixture
def reworded(edit_yaml, content_env) -> Path:
    """The app pointed at content whose answer-type words are German."""
    folder = None
    for old, new in REWORDED:
        folder = edit_yaml("messages.yaml", old, new)
    assert folder is not None
    content_env(folder)
    return folder


def checker() -> AppTest:
    """The checker page, run inside the router."""
    return open_page("checker")


def test_widgets_follow_the_kind_ids(reworded, content) -> None:
    """Yes/no, choice, list and number questions keep their widgets and limits with reworded words."""
    at = checker()
    screen = content.checker.questions.screen.questions
    assert [r.key for r in at.radio] == [f"checker.{k}" for k in screen]
    assert at.radio(key="checker.fever").options == [
        content.checker.results.page[w] for w in ("answer_yes", "answer_no", "not_sure")
    ]
    at.radio(key="checker.fever").set_value("yes").run()
    at.button(key="checker.continue").click().run()
    assert not at.exception
    assert at.multiselect(key="checker.location") is not None
    at.session_state["checker.clinician"] = True
    at.run()
    assert not at.exception
    age = at.number_input(key="checker.age")
    assert (age.min, age.max) == (5, 100)
    weeks = at.number_input(key="checker.duration_weeks")
    assert (weeks.min, weeks.max) == (0.0, 520.0)
    assert at.radio(key="checker.sex").options[-1] == content.checker.results.page["not_sure"]
