"""A clinic's reworded message catalogue is what a page shows for a damaged link."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kneecore import load_content
from tests.app.pages import open_page

Edit = Callable[[str, str, str], Path]


def test_damaged_ramp_link_shows_the_reworded_message(edit_yaml: Edit, content_env) -> None:
    """Rewording a template and the frame in a copied content folder changes the ramp page's error."""
    edit_yaml("messages.yaml", '"a number from {lo} to {hi}"', '"eine Zahl von {lo} bis {hi}"')
    folder = edit_yaml(
        "messages.yaml",
        'full: "{key}: expected {expected}, got {got}"',
        'full: "{key}: erwartet {expected}, erhalten {got}"',
    )
    content_env(folder)
    at = open_page("ramp", {"w": "abc", "p": "1", "f": "3", "v": "100", "r": "3"})
    reworded = load_content(folder).messages
    expected = reworded.messages["number_range"].format(lo=0, hi=104)
    line = reworded.frames.full.format(key="w", expected=expected, got="'abc'")
    assert line == "w: erwartet eine Zahl von 0 bis 104, erhalten 'abc'"
    assert line in at.error[0].value
