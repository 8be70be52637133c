"""A clinic's reworded message catalogue is what a page shows for a damaged link."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from streamlit.testing.v1 import AppTest

from kneecore import load_content

APP = str(Path(__file__).resolve().parents[2] / "streamlit_app.py")
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
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    at.switch_page("pages/ramp.py")
    for key, value in {"w": "abc", "p": "1", "f": "3", "v": "100", "r": "3"}.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    reworded = load_content(folder).messages
    expected = reworded.messages["number_range"].format(lo=0, hi=104)
    line = reworded.frames.full.format(key="w", expected=expected, got="'abc'")
    assert line == "w: erwartet eine Zahl von 0 bis 104, erhalten 'abc'"
    assert line in at.error[0].value
