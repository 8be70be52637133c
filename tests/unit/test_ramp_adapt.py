"""Adapting the plan from the log, the log's CSV round trip and errors, and share links."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kneecore import InputError
from kneecore.ramp import LogEntry, build_plan, from_params, log_from_csv, log_to_csv, parse_inputs, to_params

BASE: dict[str, Any] = {
    "weeks_off": 6,
    "pain_now": 1,
    "pain_free_run_minutes": 3,
    "pre_injury_weekly_minutes": 120,
    "runs_per_week": 3,
    "start_date": "2026-12-01",
}
INPUTS = parse_inputs(BASE)


def running_days(plan) -> list:
    """The plan's walk-run and run sessions."""
    return [s for s in plan.sessions if s.is_running]


def test_good_sessions_follow_the_plan() -> None:
    """Logging every session as fine gives the same plan as no log."""
    fresh = build_plan(INPUTS)
    log = [LogEntry(s.date, pain_during=1) for s in running_days(fresh)[:6]]
    adapted = build_plan(INPUTS, log)
    assert [s.run_minutes for s in adapted.sessions] == [s.run_minutes for s in fresh.sessions]
    assert [s.logged for s in running_days(adapted)[:6]] == ["move_on"] * 6


def test_hold_repeats_the_stage() -> None:
    """Pain of 4/10 during a session holds: the stage is repeated instead of moving up."""
    fresh = build_plan(INPUTS)
    days = running_days(fresh)
    log = [LogEntry(days[0].date), LogEntry(days[1].date, pain_during=4)]
    adapted = running_days(build_plan(INPUTS, log))
    assert days[2].stage != days[0].stage
    assert adapted[2].stage == days[0].stage
    assert adapted[1].logged == "hold"


def test_swelling_steps_back_one_stage() -> None:
    """Swelling after a session steps the next session back one stage."""
    fresh = running_days(build_plan(INPUTS))
    upto = next(i for i, s in enumerate(fresh) if s.stage == "walk_run_3")
    log = [LogEntry(s.date) for s in fresh[:upto]] + [LogEntry(fresh[upto].date, swelling=True)]
    adapted = running_days(build_plan(INPUTS, log))
    assert adapted[upto].logged == "step_back"
    assert adapted[upto + 1].stage == "walk_run_2"


def test_skipped_session_becomes_rest_and_does_not_count() -> None:
    """A session logged as not done shows as rest with no running."""
    fresh = build_plan(INPUTS)
    day = running_days(fresh)[0].date
    adapted = build_plan(INPUTS, [LogEntry(day, done=False)])
    session = next(s for s in adapted.sessions if s.date == day)
    assert session.kind == "rest"
    assert session.run_minutes == 0
    assert session.logged == "skipped"


def test_step_back_in_continuous_running_lowers_next_week() -> None:
    """A step back in continuous running brings the next week back to the week before's level."""
    inputs = parse_inputs(
        BASE | {"weeks_off": 0, "pain_free_run_minutes": 120, "pre_injury_weekly_minutes": 600}
    )
    fresh = build_plan(inputs)
    week3 = fresh.weeks[2]
    day = next(s for s in week3.sessions if s.is_running).date
    adapted = build_plan(inputs, [LogEntry(day, pain_during=7)])
    assert adapted.weeks[3].total_run_minutes <= fresh.weeks[1].total_run_minutes
    assert adapted.weeks[3].total_run_minutes < fresh.weeks[2].total_run_minutes


def test_log_rows_off_the_running_days_are_reported() -> None:
    """A log row on a rest day is left out with a warning naming the date."""
    rest = next(s for s in build_plan(INPUTS).sessions if not s.is_running).date
    adapted = build_plan(INPUTS, [LogEntry(rest, pain_during=9)])
    assert any(rest.isoformat() in w for w in adapted.warnings)


def test_log_csv_round_trip() -> None:
    """A log written as CSV reads back the same."""
    log = (
        LogEntry(dt.date(2026, 12, 1), True, 2, 1, False, False, False),
        LogEntry(dt.date(2026, 12, 3), False, 0, 0, True, True, True),
    )
    assert log_from_csv(log_to_csv(log)) == log
    assert log_from_csv(log_to_csv(log).encode("utf-8-sig")) == log


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("date,pain\n", "row 1, column pain: expected one of the columns date, done,"),
        ("done\nyes\n", "row 1: expected a date column"),
        (
            "date,pain_during\n2026-13-01,2\n",
            "row 2, column date: expected a date \"YYYY-MM-DD\", got '2026-13-01'",
        ),
        (
            "date,pain_during\n2026-12-01,11\n",
            "row 2, column pain_during: expected a whole number from 0 to 10, got '11'",
        ),
        ("date,swelling\n2026-12-01,maybe\n", "row 2, column swelling: expected yes or no, got 'maybe'"),
        (
            "date,done\n2026-12-01,yes\n2026-12-01,no\n",
            "row 3, column date: expected each date once, got '2026-12-01'",
        ),
        ("date,done\n2026-12-01\n", "row 2: expected 2 cells like the header, got 1"),
        ("", "file: expected a header row"),
    ],
)
def test_bad_log_csv_names_row_and_column(text: str, message: str) -> None:
    """A bad CSV raises InputError naming the row and column."""
    with pytest.raises(InputError) as caught:
        log_from_csv(text)
    assert caught.value.message.startswith(message)


def test_share_link_round_trip_reproduces_the_plan() -> None:
    """A link made from a plan (with its log) opens to the same plan."""
    log = (LogEntry(dt.date(2026, 12, 1), pain_during=4),)
    params = to_params(INPUTS, log)
    assert params["d"] == "2026-12-01"
    assert "g" not in params
    opened = from_params(params)
    assert opened is not None
    assert opened.inputs == INPUTS
    assert opened.log == log
    assert build_plan(opened.inputs, opened.log).to_dict() == build_plan(INPUTS, log).to_dict()


def test_share_link_keeps_a_chosen_goal() -> None:
    """A goal set by hand travels in the link."""
    inputs = parse_inputs(BASE | {"goal_weekly_minutes": 45.5})
    opened = from_params(to_params(inputs))
    assert opened is not None
    assert opened.inputs == inputs


def test_share_link_clamps_and_notes() -> None:
    """Out-of-range numbers are clamped with a note; an unknown condition is dropped with a note."""
    opened = from_params(
        {"w": "500", "p": "14", "f": "30", "v": "150", "r": "9", "c": "gout", "d": "2026-12-01"}
    )
    assert opened is not None
    assert opened.inputs is not None
    assert (opened.inputs.weeks_off, opened.inputs.pain_now, opened.inputs.runs_per_week) == (104, 10, 6)
    assert opened.inputs.condition == "unknown"
    assert len(opened.notes) == 4


@pytest.mark.parametrize(
    "params",
    [
        {"w": "abc", "p": "1", "f": "3", "v": "100", "r": "3"},
        {"w": "1", "p": "1", "f": "3", "v": "100", "r": "3", "d": "yesterday"},
        {"w": "1", "p": "1", "f": "3", "v": "100", "r": "3", "log": "1!!!"},
        {"w": "1", "p": "1", "f": "nan", "v": "100", "r": "3"},
        {"w": "1"},
    ],
)
def test_broken_links_say_why(params: dict[str, str]) -> None:
    """A damaged link is reported as broken with a message, never an exception."""
    opened = from_params(params)
    assert opened is not None
    assert opened.inputs is None
    assert opened.broken


def test_no_link_in_the_query() -> None:
    """A query without share parameters (say ?condition=itbs) is not a link."""
    assert from_params({"condition": "itbs"}) is None


def test_a_week_without_running_stops_the_plan() -> None:
    """Skipping every run of a continuous week ends the plan there, saying to make a new one."""
    inputs = parse_inputs(
        BASE | {"weeks_off": 0, "pain_free_run_minutes": 120, "pre_injury_weekly_minutes": 600}
    )
    week2 = build_plan(inputs).weeks[1]
    log = [LogEntry(s.date, done=False) for s in week2.sessions if s.is_running]
    adapted = build_plan(inputs, log)
    assert len(adapted.weeks) == 2
    assert adapted.weeks[-1].total_run_minutes == 0
    assert any("new plan" in w for w in adapted.warnings)
