"""AppTest of the ramp page: plan at once, pre-run, share links in and out, ?condition=, the log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kneecore import load_content, sharing
from kneecore.ramp import LogEntry, build_plan, parse_inputs, to_params
from tests.app.pages import APP, open_page, open_tab


def markdown(at: AppTest) -> str:
    """All Markdown on the page as one string."""
    return "\n".join(m.value for m in at.markdown)


def week_totals(at: AppTest) -> list[int]:
    """The run-minutes column of the week table (its name from ramp.yaml)."""
    column = load_content(Path(APP).parent / "content").ramp.words.columns.run_min
    return [int(v) for v in at.dataframe[0].value[column]]


def test_default_plan_appears_at_once(content) -> None:
    """With no answers yet the page shows the card, the week table and the tabs."""
    at = open_page("ramp")
    assert "**Start:**" in markdown(at)
    assert content.ramp.page["card_heading"] in markdown(at)
    assert len(at.tabs) == 5
    assert week_totals(at)
    assert at.number_input(key="ramp.weeks_off").value == 4


def test_high_pain_gives_the_pre_run_phase() -> None:
    """Raising everyday pain above 5 switches the plan to the pre-run phase."""
    at = open_page("ramp")
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
    at = open_page("ramp", to_params(inputs, log))
    assert at.number_input(key="ramp.pain_free").value == 20
    assert at.selectbox(key="ramp.condition").value == "itbs"
    assert at.radio(key="ramp.units").value == "mi"
    assert at.date_input(key="ramp.start_date").value == dt.date(2026, 11, 20)
    assert at.session_state["ramp.log"] == list(log)
    assert week_totals(at) == [w.total_run_minutes for w in build_plan(inputs, log).weeks]


def test_broken_link_shows_a_message_and_the_default_form(content) -> None:
    """A damaged link gives a message naming the problem and the default answers, no exception."""
    at = open_page("ramp", {"w": "abc", "p": "1", "f": "3", "v": "100", "r": "3"})
    assert content.ramp.page["broken_link"] in at.error[0].value
    assert "w:" in at.error[0].value
    assert at.number_input(key="ramp.weeks_off").value == 4
    assert week_totals(at)


def test_broken_link_keeps_the_answers_already_given(content) -> None:
    """A damaged link opened in a session with answers shows the message and keeps every answer."""
    at = open_page("ramp")
    at.number_input(key="ramp.weeks_off").set_value(10.0).run()
    at.number_input(key="ramp.pain_free").set_value(25.0).run()
    at.selectbox(key="ramp.condition").set_value("itbs").run()
    before = week_totals(at)
    at.query_params["w"] = "abc"
    at.query_params["p"] = "1"
    at.run()
    assert not at.exception
    assert content.ramp.page["broken_link"] in at.error[0].value
    assert at.number_input(key="ramp.weeks_off").value == 10
    assert at.number_input(key="ramp.pain_free").value == 25
    assert at.selectbox(key="ramp.condition").value == "itbs"
    assert week_totals(at) == before


def test_out_of_range_link_is_clamped_with_a_note() -> None:
    """Numbers out of range in a link are clamped and the reader is told."""
    at = open_page("ramp", {"w": "500", "p": "1", "f": "3", "v": "100", "r": "3", "d": "2026-12-01"})
    assert at.number_input(key="ramp.weeks_off").value == 104
    assert any("set to 104" in i.value for i in at.info)


def test_condition_from_the_checker(content) -> None:
    """?condition=<id> preselects the condition; an unknown id is ignored with a note."""
    at = open_page("ramp", {"condition": "patellar_tendinopathy"})
    assert at.selectbox(key="ramp.condition").value == "patellar_tendinopathy"
    unknown = open_page("ramp", {"condition": "gout"})
    assert unknown.selectbox(key="ramp.condition").value == "unknown"
    assert any(content.ramp.page["unknown_condition"] in i.value for i in unknown.info)


def test_logging_a_session_adapts_the_plan(content) -> None:
    """A session logged with swelling is kept in the session and marks the card."""
    at = open_page("ramp", {"w": "6", "p": "1", "f": "3", "v": "120", "r": "3", "d": "2026-12-01"})
    before = week_totals(at)
    open_tab(at, content.ramp.page["tab_log"])
    at.selectbox(key="ramp.log_date").set_value(dt.date(2026, 12, 1))
    at.checkbox(key="ramp.log_swelling").check()
    next(b for b in at.button if b.label == content.ramp.page["log_add"]).click()
    at.run()
    at.run()
    assert not at.exception
    assert len(at.session_state["ramp.log"]) == 1
    assert at.session_state["ramp.log"][0].swelling
    assert any("1 sessions logged" in c.value for c in at.caption)
    open_tab(at, content.ramp.page["tab_weeks"])
    assert week_totals(at) != before


def test_share_button_puts_the_answers_in_the_link(content) -> None:
    """The share button writes the answers and the start date into the query string and shows the link."""
    at = open_tab(open_page("ramp"), content.ramp.page["tab_save"])
    at.button(key="ramp.share").click().run()
    assert not at.exception
    assert at.query_params["d"] == dt.date.today().isoformat()
    assert at.query_params["w"] == "4"
    assert "?" in at.code[0].value
    assert "d=" in at.code[0].value


TODAY = dt.date(2026, 11, 26)
OLD_INPUTS = {
    "weeks_off": 3,
    "pain_now": 2,
    "pain_free_run_minutes": 15,
    "pre_injury_weekly_minutes": 180,
    "runs_per_week": 3,
    "condition": "pfps",
    "start_date": "2026-11-01",
    "units": "km",
}


@pytest.fixture
def fixed_today() -> Iterator[dt.date]:
    """Fix the app's today (kneecore.sharing.today) for one test."""
    sharing.set_clock(lambda: TODAY)
    yield TODAY
    sharing.set_clock(None)


def test_old_link_warns_and_offers_a_new_start(content, fixed_today: dt.date) -> None:
    """An old link shows its date and a re-check note over the shared plan; the button re-dates it."""
    texts = content.site.sharing
    inputs = parse_inputs(OLD_INPUTS)
    made = fixed_today - dt.timedelta(days=texts.stale_after_days + 11)
    at = open_page("ramp", to_params(inputs, made=made))
    note = at.warning[0].value
    assert made.isoformat() in note
    assert texts.age_days.format(days=texts.stale_after_days + 11) in note
    assert texts.stale.format(limit=texts.stale_after_days) in note
    assert at.date_input(key="ramp.start_date").value == inputs.start_date
    assert week_totals(at) == [w.total_run_minutes for w in build_plan(inputs, rules=content.ramp).weeks]
    assert at.button(key="ramp.new_start").label == texts.new_start

    at.button(key="ramp.new_start").click().run()
    assert not at.exception
    assert at.date_input(key="ramp.start_date").value == fixed_today
    assert at.number_input(key="ramp.pain_free").value == 15
    assert at.selectbox(key="ramp.condition").value == "pfps"
    assert any(s.value == texts.new_start_done for s in at.success)
    assert not any(texts.stale.format(limit=texts.stale_after_days) in w.value for w in at.warning)
    assert "ramp.new_start" not in [b.key for b in at.button]
    renewed = parse_inputs(OLD_INPUTS | {"start_date": fixed_today.isoformat()})
    assert week_totals(at) == [w.total_run_minutes for w in build_plan(renewed, rules=content.ramp).weeks]


@pytest.mark.parametrize(
    ("days_old", "warned"),
    [(0, False), (14, False), (15, True), (-2, True), (None, True)],
    ids=["today", "limit", "limit+1", "future", "undated"],
)
def test_link_date_note_by_age(content, fixed_today: dt.date, days_old: int | None, warned: bool) -> None:
    """A fresh link shows its date quietly; an old, future-dated or undated one warns, with a new start."""
    texts = content.site.sharing
    assert texts.stale_after_days == 14
    params = to_params(parse_inputs(OLD_INPUTS))
    if days_old is None:
        del params["m"]
    else:
        params["m"] = sharing.format_made(fixed_today - dt.timedelta(days=days_old))
    at = open_page("ramp", params)
    warnings = [w.value for w in at.warning if "⏳" in str(w.icon)]
    assert bool(warnings) == warned
    assert ("ramp.new_start" in [b.key for b in at.button]) == warned
    if not warned:
        assert any(texts.made.split("{")[0] in c.value for c in at.caption)
    elif days_old is None:
        assert texts.undated in warnings[0]


def test_hand_edited_link_date_is_refused(content, fixed_today: dt.date) -> None:
    """A link date that is not a real day breaks the link with a message naming ``m``, and no exception."""
    params = to_params(parse_inputs(OLD_INPUTS)) | {"m": "20261341"}
    at = open_page("ramp", params)
    assert content.ramp.page["broken_link"] in at.error[0].value
    assert "m: expected a share link dated with a real day" in at.error[0].value
    assert "ramp.new_start" not in [b.key for b in at.button]
    assert week_totals(at)


def test_only_the_open_tab_is_drawn(content) -> None:
    """The week table shows first; the chart, calendar, log and downloads are drawn only when opened."""
    at = open_page("ramp")
    assert at.dataframe
    assert len(at.get("vega_lite_chart")) == 1  # the card's chart only
    assert not at.get("download_button")
    open_tab(at, content.ramp.page["tab_chart"])
    assert not at.dataframe
    assert len(at.get("vega_lite_chart")) == 2
    open_tab(at, content.ramp.page["tab_save"])
    assert len(at.get("download_button")) == 4
    assert at.button(key="ramp.share")


def test_plan_is_built_once_per_answers_and_again_when_they_change(content) -> None:
    """A rerun with the same answers (a tab switch) reuses the plan; a changed answer builds a new one."""
    at = open_page("ramp")
    memo = at.session_state["ramp._plan"]
    open_tab(at, content.ramp.page["tab_log"])
    assert at.session_state["ramp._plan"][2] is memo[2]
    at.number_input(key="ramp.weeks_off").set_value(12.0).run()
    assert not at.exception
    inputs, log = at.session_state["ramp._plan"][1]
    assert inputs.weeks_off == 12
    assert at.session_state["ramp._plan"][2] is not memo[2]
    assert at.session_state["ramp._plan"][2] == build_plan(inputs, log, rules=content.ramp)
