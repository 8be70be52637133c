"""AppTest of the ramp page's dates: weekday and month names come from ramp.yaml, not strftime."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from kneecore import load_content
from tests.app.pages import open_page, open_tab

LINK = {"w": "6", "p": "1", "f": "3", "v": "120", "r": "3", "d": "2026-12-01"}
DAYS = ["Lun", "Mar", "Mer", "Jeu", "Ven", "Sam", "Dim"]
MONTHS = ["jan", "fév", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc"]


@pytest.fixture
def french(edit_yaml, content_env):
    """The app pointed at content whose weekday and month names are French."""
    edit_yaml("ramp.yaml", '["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]', str(DAYS).replace("'", '"'))
    folder = edit_yaml(
        "ramp.yaml",
        '["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]',
        str(MONTHS).replace("'", '"'),
    )
    content_env(folder)
    return load_content(folder)


def ramp() -> AppTest:
    """The ramp page with a fixed plan starting Tuesday 1 December 2026, run inside the router."""
    return open_page("ramp", LINK)


def test_card_and_week_table_use_the_content_names(french) -> None:
    """The card's day lines and the week table's first days use the French names."""
    at = ramp()
    card = "\n".join(m.value for m in at.markdown)
    assert "Mar 01 déc: " in card
    assert "Tue 01 Dec" not in card
    first = at.dataframe[0].value.iloc[0, 1]
    assert first == "01 déc"


def test_calendar_heads_and_day_list_use_the_content_names(french) -> None:
    """The calendar's column heads and the chosen week's days use the French names."""
    at = ramp()
    open_tab(at, french.ramp.page["tab_calendar"])
    text = "\n".join(m.value for m in at.markdown)
    assert "| # | Ma | Me | Je | Ve | Sa | Di | Lu |" in text
    assert "**Mar 01 déc**" in text


def test_log_date_choice_uses_the_content_names(french) -> None:
    """The log's date picker shows the chosen day with the French names and the year."""
    at = ramp()
    open_tab(at, french.ramp.page["tab_log"])
    box = at.selectbox(key="ramp.log_date")
    box.set_value(dt.date(2026, 12, 1)).run()
    assert box.format_func(dt.date(2026, 12, 1)) == "Mar 01 déc 2026"
