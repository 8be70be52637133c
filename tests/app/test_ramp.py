"""AppTest of the ramp page: plan at once, pre-run, share links in and out, ?condition=, the log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from streamlit.testing.v1 import AppTest

from kneecore.ramp import LogEntry, build_plan, parse_inputs, to_params

APP = str(Path(__file__).resolve().parents[2] / "streamlit_app.py")


def ramp(params: dict[str, str] | None = None) -> AppTest:
    """The ramp page run once inside the router, with optional query parameters."""
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    at.switch_page("pages/ramp.py")
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    return at


def markdown(at: AppTest) -> str:
    """All Markdown on the page as one string."""
    return "\n".join(m.value for m in at.markdown)


def week_totals(at: AppTest) -> list[int]:
    """The 'Run min' column of the week table."""
    return [int(v) for v in at.dataframe[0].value["Run min"]]


def test_default_plan_appears_at_once(content) -> None:
    """With no answers yet the page shows the card, the week table and the tabs."""
    at = ramp()
    assert "**Start:**" in markdown(at)
    assert content.ramp.page["card_heading"] in markdown(at)
    assert len(at.tabs) == 5
    assert week_totals(at)
    assert at.number_input(key="ramp.weeks_off").value == 4


def test_high_pain_gives_the_pre_run_phase() -> None:
    """Raising everyday pain above 5 switches the plan to the pre-run phase."""
    at = ramp()
    at.slider(key="ramp.pain_now").set_value(8).run()
    assert not at.exception
    assert "**Start:** Get ready to run" in markdown(at)
    assert set(week_totals(at)) == {0}
    shown = [w.value for w in at.warning] + [i.value for i in at.info]
    assert sum("readiness screen" in v for v in shown) == 1


def test_share_link_reproduces_the_plan() -> None:
    """Opening a share link fills the form and shows the same plan as building it directly."""
    inputs = parse_inputs(
        {
            "weeks_off": 2,
            "pain_now": 1,
            "pain_free_run_minutes": 20,
            "pre_injury_weekly_minutes": 200,
            "runs_per_week": 4,
            "condition": "itbs",
            "start_date": "2026-11-20",
            "units": "mi",
        }
    )
    log = (LogEntry(dt.date(2026, 11, 20), pain_during=4),)
    at = ramp(to_params(inputs, log))
    assert at.number_input(key="ramp.pain_free").value == 20
    assert at.selectbox(key="ramp.condition").value == "itbs"
    assert at.radio(key="ramp.units").value == "mi"
    assert at.date_input(key="ramp.start_date").value == dt.date(2026, 11, 20)
    assert at.session_state["ramp.log"] == list(log)
    assert week_totals(at) == [w.total_run_minutes for w in build_plan(inputs, log).weeks]


def test_broken_link_shows_a_message_and_the_default_form(content) -> None:
    """A damaged link gives a message naming the problem and the default answers, no exception."""
    at = ramp({"w": "abc", "p": "1", "f": "3", "v": "100", "r": "3"})
    assert content.ramp.page["broken_link"] in at.error[0].value
    assert "w:" in at.error[0].value
    assert at.number_input(key="ramp.weeks_off").value == 4
    assert week_totals(at)


def test_out_of_range_link_is_clamped_with_a_note() -> None:
    """Numbers out of range in a link are clamped and the reader is told."""
    at = ramp({"w": "500", "p": "1", "f": "3", "v": "100", "r": "3", "d": "2026-12-01"})
    assert at.number_input(key="ramp.weeks_off").value == 104
    assert any("set to 104" in i.value for i in at.info)


def test_condition_from_the_checker(content) -> None:
    """?condition=<id> preselects the condition; an unknown id is ignored with a note."""
    at = ramp({"condition": "patellar_tendinopathy"})
    assert at.selectbox(key="ramp.condition").value == "patellar_tendinopathy"
    unknown = ramp({"condition": "gout"})
    assert unknown.selectbox(key="ramp.condition").value == "unknown"
    assert any(content.ramp.page["unknown_condition"] in i.value for i in unknown.info)


def test_logging_a_session_adapts_the_plan() -> None:
    """A session logged with swelling is kept in the session and marks the card."""
    at = ramp({"w": "6", "p": "1", "f": "3", "v": "120", "r": "3", "d": "2026-12-01"})
    before = week_totals(at)
    at.selectbox(key="ramp.log_date").set_value(dt.date(2026, 12, 1))
    at.checkbox(key="ramp.log_swelling").check()
    at.button[0].click()
    at.run()
    at.run()
    assert not at.exception
    assert len(at.session_state["ramp.log"]) == 1
    assert at.session_state["ramp.log"][0].swelling
    assert any("1 sessions logged" in c.value for c in at.caption)
    assert week_totals(at) != before


def test_share_button_puts_the_answers_in_the_link() -> None:
    """The share button writes the answers and the start date into the query string and shows the link."""
    at = ramp()
    at.button(key="ramp.share").click().run()
    assert not at.exception
    assert at.query_params["d"] == dt.date.today().isoformat()
    assert at.query_params["w"] == "4"
    assert "?" in at.code[0].value
    assert "d=" in at.code[0].value
