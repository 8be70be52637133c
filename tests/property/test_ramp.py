"""Every rule of the ramp contract, checked on the JSON plan over the whole input space."""

from __future__ import annotations

import datetime as dt
import itertools
import math
from typing import Any

from hypothesis import assume, given
from hypothesis import strategies as st

from kneecore.ramp import CONDITION_CHOICES, KINDS, LogEntry, build_plan, parse_inputs

RUNNING = {"walk_run", "run"}
PHASES = ("pre_run", "walk_run", "continuous")

numbers = st.one_of(st.integers(), st.floats(allow_nan=False, allow_infinity=False))


def minutes(hi: float) -> st.SearchStrategy[float]:
    """Whole and fractional minutes, with small values drawn often."""
    return st.one_of(
        st.integers(0, int(hi)).map(float),
        st.floats(0, hi, allow_nan=False),
        st.sampled_from([0.0, 0.5, 1.0, 2.5, 5.0, 9.9, 10.0, 14.0, 20.0, 30.0, hi]).filter(lambda v: v <= hi),
    )


@st.composite
def inputs(draw: st.DrawFn) -> dict[str, Any]:
    """A valid contract input object (optional keys sometimes left out)."""
    data: dict[str, Any] = {
        "weeks_off": draw(minutes(104)),
        "pain_now": draw(st.integers(0, 10)),
        "pain_free_run_minutes": draw(minutes(120)),
        "pre_injury_weekly_minutes": draw(minutes(1200)),
        "runs_per_week": draw(st.integers(2, 6)),
        "condition": draw(st.sampled_from(CONDITION_CHOICES)),
        "start_date": draw(st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31))).isoformat(),
        "units": draw(st.sampled_from(["km", "mi"])),
    }
    if draw(st.booleans()):
        data["goal_weekly_minutes"] = draw(
            st.one_of(minutes(1200).map(lambda v: max(v, 10.0)), st.just(10.0))
        )
    return data


def plan_json(data: dict[str, Any]) -> dict[str, Any]:
    """The plan as the command line prints it."""
    return build_plan(parse_inputs(data)).to_dict()


def check_contract(data: dict[str, Any], plan: dict[str, Any], adapted: bool = False) -> None:
    """Assert every rule of ../shared/spec/ramp-contract.md on one plan."""
    for key in ("phase", "start_stage", "weeks", "gates", "warnings"):
        assert key in plan
    assert plan["phase"] in PHASES
    weeks = plan["weeks"]
    sessions = [s for w in weeks for s in w["sessions"]]
    start = dt.date.fromisoformat(data["start_date"])
    pf = data["pain_free_run_minutes"]
    goal = data.get("goal_weekly_minutes", max(10.0, data["pre_injury_weekly_minutes"]))
    # Dates: consecutive, every day once, weeks of seven days from the start.
    assert weeks
    assert [w["week"] for w in weeks] == list(range(1, len(weeks) + 1))
    assert [s["date"] for s in sessions] == [
        (start + dt.timedelta(days=i)).isoformat() for i in range(len(sessions))
    ]
    assert all(len(w["sessions"]) == 7 for w in weeks)
    for s in sessions:
        assert s["kind"] in KINDS
        assert isinstance(s["run_minutes"], int)
        assert s["run_minutes"] >= 0
        assert s["run_minutes"] == 0 or s["kind"] in RUNNING
        for key in ("walk_minutes", "intervals", "total_minutes", "max_pain", "note"):
            assert key in s
    for w in weeks:
        assert w["total_run_minutes"] == sum(s["run_minutes"] for s in w["sessions"])
        assert w["total_run_minutes"] <= goal
        assert sum(1 for s in w["sessions"] if s["kind"] in RUNNING) <= data["runs_per_week"]
    # Pre-run.
    if data["pain_now"] > 5 or pf == 0:
        assert plan["phase"] == "pre_run"
        assert not any(s["kind"] in RUNNING for s in sessions)
        assert plan["next_step"]
    # No two walk-run days in a row.
    for a, b in itertools.pairwise(sessions):
        assert not (a["kind"] == "walk_run" and b["kind"] in RUNNING), a["date"]
    # 10% rules from the first run day on.
    first = next((i for i, s in enumerate(sessions) if s["kind"] == "run"), None)
    if first is not None:
        totals = [pf] + [w["total_run_minutes"] for w in weeks]
        for n in range(first // 7 + 1, len(totals)):
            assert totals[n] <= 1.1 * totals[n - 1], (n, totals[n - 1], totals[n])
        runs = {-1: pf} | {i: s["run_minutes"] for i, s in enumerate(sessions) if s["run_minutes"] > 0}
        for i in range(first, len(sessions)):
            if sessions[i]["run_minutes"] > 0:
                longest = max((v for d, v in runs.items() if i - 30 <= d < i), default=0)
                assert sessions[i]["run_minutes"] <= 1.1 * longest, (i, sessions[i]["run_minutes"], longest)
    # The plan ends at the goal (or says why not).
    assert all(w["total_run_minutes"] < math.floor(goal) for w in weeks[:-1])
    if weeks[-1]["total_run_minutes"] < math.floor(goal):
        assert plan["phase"] == "pre_run" or ((len(weeks) == 52 or adapted) and plan["warnings"])
    assert plan["gates"]
    assert any("/10" in g for g in plan["gates"])
    # Stages: each done twice before moving up, at most two moves in any 7 days.
    if adapted:
        return
    ladder = plan["stage_ladder"]
    running = [(i, ladder.index(s["stage"])) for i, s in enumerate(sessions) if s["kind"] in RUNNING]
    if running:
        assert running[0][1] == plan["start_stage_rank"] == ladder.index(plan["start_stage"])
    blocks: list[list[int]] = []
    for day, rank in running:
        if blocks and blocks[-1][0] == rank:
            blocks[-1][2] += 1
        else:
            blocks.append([rank, day, 1])
    for before, after in itertools.pairwise(blocks):
        assert after[0] > before[0]
        assert before[2] >= 2
    move_days = [b[1] for b in blocks[1:]]
    for a, c in zip(move_days, move_days[2:], strict=False):
        assert c - a >= 7


@given(inputs())
def test_every_plan_keeps_the_contract(data: dict[str, Any]) -> None:
    """Any valid input gives a plan that keeps every contract rule."""
    check_contract(data, plan_json(data))


@given(inputs(), st.integers(1, 10), st.sampled_from([0.0, 0.5, 1.0, 3.0, 5.0, 30.0, 120.0]))
def test_small_pain_free_time_still_keeps_the_caps(data: dict[str, Any], pain: int, pf: float) -> None:
    """Low pain with little or much pain-free time keeps the session and weekly caps."""
    data |= {"pain_now": min(pain, 5), "pain_free_run_minutes": pf, "weeks_off": 0}
    check_contract(data, plan_json(data))


@given(inputs(), st.floats(10, 40))
def test_tiny_goals_end_the_plan(data: dict[str, Any], goal: float) -> None:
    """A goal below what the start stage gives ends the plan in its first weeks, never above it."""
    data |= {"goal_weekly_minutes": goal, "pain_now": 0, "pain_free_run_minutes": 120.0, "weeks_off": 0}
    data["condition"] = "unknown"
    plan = plan_json(data)
    check_contract(data, plan)
    assert plan["goal_reached"]
    assert len(plan["weeks"]) <= 3


def rank(data: dict[str, Any]) -> tuple[int, int]:
    """Phase order and ladder position of the start stage."""
    plan = plan_json(data)
    return PHASES.index(plan["phase"]), plan["stage_ladder"].index(plan["start_stage"])


@given(inputs(), minutes(104))
def test_more_time_off_never_starts_later(data: dict[str, Any], other: float) -> None:
    """More weeks off never gives a more advanced start stage, all else equal."""
    low, high = sorted((data["weeks_off"], other))
    assert rank(data | {"weeks_off": high}) <= rank(data | {"weeks_off": low})


@given(inputs(), st.integers(0, 10))
def test_more_pain_never_starts_later(data: dict[str, Any], other: int) -> None:
    """More pain now never gives a more advanced start stage, all else equal."""
    low, high = sorted((data["pain_now"], other))
    assert rank(data | {"pain_now": high}) <= rank(data | {"pain_now": low})


@given(inputs(), minutes(120))
def test_less_pain_free_time_never_starts_later(data: dict[str, Any], other: float) -> None:
    """Less pain-free running time never gives a more advanced start stage, all else equal."""
    low, high = sorted((data["pain_free_run_minutes"], other))
    assert rank(data | {"pain_free_run_minutes": low}) <= rank(data | {"pain_free_run_minutes": high})


@given(inputs(), minutes(120))
def test_first_week_running_grows_with_the_stage(data: dict[str, Any], other: float) -> None:
    """More pain-free time never gives less running in week 1 (no perverse start)."""
    low, high = sorted((data["pain_free_run_minutes"], other))
    assume(data["pain_now"] <= 5)
    first = [
        plan_json(data | {"pain_free_run_minutes": v})["weeks"][0]["total_run_minutes"] for v in (low, high)
    ]
    assert first[0] <= first[1]


@given(inputs())
def test_same_inputs_same_plan(data: dict[str, Any]) -> None:
    """The plan is a pure function of its inputs."""
    assert plan_json(data) == plan_json(dict(data))


log_rows = st.builds(
    lambda done, during, morning, swelling, limp, stiffer: {
        "done": done,
        "pain_during": during,
        "pain_next_morning": morning,
        "swelling": swelling,
        "limp": limp,
        "stiffer": stiffer,
    },
    st.booleans() | st.just(True),
    st.integers(0, 10),
    st.integers(0, 10),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)


@given(inputs(), st.lists(log_rows, max_size=25), st.integers(0, 3))
def test_adapted_plans_keep_the_contract(data: dict[str, Any], rows: list[dict[str, Any]], skip: int) -> None:
    """Whatever the log says, the adapted plan keeps the dates, caps, spacing, goal and run-count rules."""
    parsed = parse_inputs(data)
    days = [s.date for s in build_plan(parsed).sessions if s.is_running][skip::2]
    log = [LogEntry(day, **row) for day, row in zip(days, rows, strict=False)]
    check_contract(data, build_plan(parsed, log).to_dict(), adapted=True)


def first_week(data: dict[str, Any]) -> int:
    """Running minutes in week 1."""
    return int(plan_json(data)["weeks"][0]["total_run_minutes"])


@given(inputs(), minutes(104), st.integers(0, 10))
def test_first_week_never_grows_with_time_off_or_pain(
    data: dict[str, Any], other_off: float, other_pain: int
) -> None:
    """More weeks off or more pain never gives more running in week 1, all else equal."""
    low, high = sorted((data["weeks_off"], other_off))
    assert first_week(data | {"weeks_off": high}) <= first_week(data | {"weeks_off": low})
    low_pain, high_pain = sorted((data["pain_now"], other_pain))
    assert first_week(data | {"pain_now": high_pain}) <= first_week(data | {"pain_now": low_pain})
