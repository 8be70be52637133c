"""AppTest of the ramp page's tables and day labels: their words come from ramp.yaml."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from kneecore import load_content
from tests.app.pages import open_page, open_tab

LINK = {"w": "6", "p": "1", "f": "3", "v": "120", "r": "3", "d": "2026-12-01"}
COLUMNS = {
    "week": ("Week", "Woche"),
    "from_date": ("From", "Ab"),
    "runs": ("Runs", "Laeufe"),
    "run_min": ("Run min", "Lauf-Min."),
    "longest": ("Longest", "Laengster"),
    "distance": ("~{units}", "ca. {units}"),
    "easier": ("Easier", "Leichter"),
    "ratio": ("A:C ratio", "A:C-Verhaeltnis"),
    "date": ("Date", "Datum"),
    "done": ("Done", "Erledigt"),
    "during": ("During", "Dabei"),
    "morning": ("Morning", "Morgens"),
    "swelling": ("Swelling", "Schwellung"),
    "limp": ("Limp", "Hinken"),
}


@pytest.fixture
def german(edit_yaml, content_env):
    """The app pointed at content whose table columns and kind words are German."""
    folder = None
    for key, (old, new) in COLUMNS.items():
        folder = edit_yaml("ramp.yaml", f'    {key}: "{old}"', f'    {key}: "{new}"')
    folder = edit_yaml(
        "ramp.yaml", '    walk_run: "Walk-run"\n    run:', '    walk_run: "Geh-Lauf"\n    run:'
    )
    content_env(folder)
    return load_content(folder)


def ramp() -> AppTest:
    """The ramp page with a fixed plan, run once inside the router."""
    return open_page("ramp", LINK)


def test_week_table_columns_come_from_content(german) -> None:
    """The week table's column names are the reworded ones, the distance column with its units."""
    at = ramp()
    units = at.session_state["ramp.units"]
    expected = [new.format(units=units) for key, (_, new) in COLUMNS.items() if key in WEEK]
    assert list(at.dataframe[0].value.columns) == expected


WEEK = ("week", "from_date", "runs", "run_min", "longest", "distance", "easier", "ratio")


def test_log_table_columns_come_from_content(german) -> None:
    """The session-log table's column names are the reworded ones."""
    at = ramp()
    open_tab(at, german.ramp.page["tab_log"])
    at.selectbox(key="ramp.log_date").set_value(dt.date(2026, 12, 1))
    next(b for b in at.button if b.label == german.ramp.page["log_add"]).click()
    at.run()
    at.run()
    assert not at.exception
    expected = ["Datum", "Erledigt", "Dabei", "Morgens", "Schwellung", "Hinken"]
    assert list(at.dataframe[0].value.columns) == expected


def test_day_labels_use_the_kind_words(german) -> None:
    """The card's days and the calendar's day list name walk-run days with the reworded word."""
    at = ramp()
    card = "\n".join(m.value for m in at.markdown)
    assert "Geh-Lauf" in card
    assert ": Walk-run " not in card  # the stage title may still say Walk-run; the day labels may not
    open_tab(at, german.ramp.page["tab_calendar"])
    at.number_input(key="ramp.detail_week").set_value(2).run()
    assert any("Geh-Lauf: " in m.value for m in at.markdown)
