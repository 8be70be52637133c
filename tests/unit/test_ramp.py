"""Ramp rule tables: input errors, start stages, gates, weekly structure, holds and the CLI."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kneecore import InputError
from kneecore.ramp import LogEntry, apply_gate, build_plan, cap10, default_rules, input_schema, parse_inputs

ROOT = Path(__file__).resolve().parents[2]
BASE: dict[str, Any] = {
    "weeks_off": 1,
    "pain_now": 1,
    "pain_free_run_minutes": 30,
    "pre_injury_weekly_minutes": 150,
    "runs_per_week": 3,
    "start_date": "2026-12-01",
}


def plan(**changes: Any):
    """A plan from the base inputs with some keys changed."""
    return build_plan(parse_inputs(BASE | changes))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"pain_now": 11}, "pain_now: expected a whole number from 0 to 10, got 11"),
        ({"pain_now": 2.5}, "pain_now: expected a whole number from 0 to 10, got 2.5"),
        ({"pain_now": "3"}, "pain_now: expected a whole number from 0 to 10, got '3'"),
        ({"pain_now": True}, "pain_now: expected a whole number from 0 to 10, got True"),
        ({"weeks_off": -1}, "weeks_off: expected a number from 0 to 104, got -1"),
        ({"weeks_off": 105}, "weeks_off: expected a number from 0 to 104, got 105"),
        ({"pain_free_run_minutes": 121}, "pain_free_run_minutes: expected a number from 0 to 120, got 121"),
        (
            {"pre_injury_weekly_minutes": 1201},
            "pre_injury_weekly_minutes: expected a number from 0 to 1200, got 1201",
        ),
        ({"runs_per_week": 1}, "runs_per_week: expected a whole number from 2 to 6, got 1"),
        ({"runs_per_week": 7}, "runs_per_week: expected a whole number from 2 to 6, got 7"),
        ({"goal_weekly_minutes": 9.5}, "goal_weekly_minutes: expected a number from 10 to 1200, got 9.5"),
        ({"condition": "sore_knee"}, "condition: expected one of pfps, itbs,"),
        ({"units": "miles"}, "units: expected one of km, mi, got 'miles'"),
        (
            {"start_date": "2026-02-30"},
            'start_date: expected a date "YYYY-MM-DD" from 1900-01-01 to 2999-12-31',
        ),
        ({"start_date": "1/12/2026"}, 'start_date: expected a date "YYYY-MM-DD"'),
        ({"start_date": 20261201}, 'start_date: expected a date "YYYY-MM-DD"'),
        ({"weeks_of": 3}, "weeks_of: expected one of the known keys (weeks_off, pain_now,"),
        (
            {"runs_per_week": None},
            "runs_per_week: expected a whole number from 2 to 6 (required), got 'null'",
        ),
    ],
    ids=lambda v: str(v)[:30],
)
def test_bad_input_names_the_key(changes: dict[str, Any], message: str) -> None:
    """Each kind of bad value raises InputError whose one-line message names the key."""
    with pytest.raises(InputError) as caught:
        parse_inputs(BASE | changes)
    assert caught.value.message.startswith(message)
    assert "\n" not in caught.value.message


def test_missing_key_and_non_object() -> None:
    """A missing required key and a non-object input are both named."""
    data = dict(BASE)
    del data["weeks_off"]
    with pytest.raises(InputError, match=r"^weeks_off: expected a number from 0 to 104 \(required\)$"):
        parse_inputs(data)
    with pytest.raises(InputError, match=r"^input: expected a JSON object"):
        parse_inputs([1, 2])


def test_defaults() -> None:
    """Goal defaults to the pre-injury volume (at least 10), start to today, units to km."""
    data = {k: v for k, v in BASE.items() if k != "start_date"}
    inputs = parse_inputs(data, today=dt.date(2027, 3, 4))
    assert (inputs.goal_weekly_minutes, inputs.start_date, inputs.units, inputs.condition) == (
        150,
        dt.date(2027, 3, 4),
        "km",
        "unknown",
    )
    assert parse_inputs(BASE | {"pre_injury_weekly_minutes": 0}).goal_weekly_minutes == 10
    assert parse_inputs(BASE | {"pre_injury_weekly_minutes": 7.5}).goal_weekly_minutes == 10
    assert parse_inputs(BASE | {"goal_weekly_minutes": None}).goal_weekly_minutes == 150
    assert parse_inputs(BASE | {"pain_now": 3.0}).pain_now == 3


def test_tiny_pre_injury_volume_warns_and_aims_for_ten() -> None:
    """A pre-injury volume under 10 minutes gives a goal of 10 and says so."""
    result = plan(pre_injury_weekly_minutes=0)
    assert any("below 10 minutes" in w for w in result.warnings)
    assert max(w.total_run_minutes for w in result.weeks) == 10
    assert result.goal_reached


@pytest.mark.parametrize(
    ("changes", "stage"),
    [
        ({"pain_now": 6}, "pre_run"),
        ({"pain_free_run_minutes": 0}, "pre_run"),
        ({"pain_free_run_minutes": 1}, "walk_run_1"),
        ({"pain_free_run_minutes": 3}, "walk_run_2"),
        ({"pain_free_run_minutes": 5}, "walk_run_3"),
        ({"pain_free_run_minutes": 7}, "walk_run_4"),
        ({"pain_free_run_minutes": 10}, "walk_run_5"),
        ({"pain_free_run_minutes": 14}, "walk_run_6"),
        ({"pain_free_run_minutes": 65}, "walk_run_6"),
        ({"pain_free_run_minutes": 66}, "continuous"),
        ({"pain_free_run_minutes": 44, "runs_per_week": 2}, "continuous"),
        ({"pain_free_run_minutes": 80, "runs_per_week": 5}, "walk_run_6"),
        ({"pain_free_run_minutes": 120, "weeks_off": 2}, "walk_run_6"),
        ({"pain_free_run_minutes": 120, "weeks_off": 4}, "walk_run_3"),
        ({"pain_free_run_minutes": 120, "weeks_off": 13}, "walk_run_1"),
        ({"pain_free_run_minutes": 120, "pain_now": 3}, "walk_run_6"),
        ({"pain_free_run_minutes": 120, "pain_now": 4}, "walk_run_4"),
        ({"pain_free_run_minutes": 120, "pain_now": 5}, "walk_run_2"),
        ({"pain_free_run_minutes": 120, "condition": "stress_fracture"}, "walk_run_1"),
        ({"pain_free_run_minutes": 120, "condition": "acl_tear"}, "walk_run_1"),
    ],
    ids=lambda v: str(v)[:40],
)
def test_start_stage_table(changes: dict[str, Any], stage: str) -> None:
    """Pain-free time picks the stage; layoff, pain and condition only cap it."""
    result = plan(**changes)
    assert result.start_stage == stage
    assert result.start_stage_reason


def test_each_walk_run_stage_follows_its_structure(content) -> None:
    """Every walk-run stage's sessions show its published intervals and minutes."""
    for stage in content.ramp.stages[1:-1]:
        result = plan(pain_free_run_minutes=max(stage.min_pain_free, 1))
        sessions = [s for s in result.sessions if s.stage == stage.id and s.kind == "walk_run"]
        assert len(sessions) >= 2, stage.id
        first = sessions[0]
        assert (
            first.intervals
            == f"{stage.repeats} x ({stage.run_interval} min run / {stage.walk_interval} min walk)"
        )
        assert first.run_minutes == stage.run_minutes
        assert first.walk_minutes == stage.warm_up_walk + stage.walk_interval * stage.repeats
        assert first.total_minutes == first.run_minutes + first.walk_minutes


def test_pre_run_plan_covers_the_screen_and_next_step() -> None:
    """A pre-run plan has walks, strength, cross-training and the readiness screen, and says what next."""
    result = plan(pain_now=8)
    kinds = {s.kind for s in result.sessions}
    assert kinds == {"walk", "strength", "cross_train", "rest"}
    assert "Readiness screen" in result.sessions[-1].note
    assert result.sessions[-1].walk_minutes == 30
    assert "walk-run" in result.next_step
    assert result.next_step in result.warnings
    assert not result.goal_reached


def test_easier_week_after_three_harder_ones() -> None:
    """In continuous running, every fourth week is easier (90% of the week before)."""
    result = plan(pain_free_run_minutes=120, pre_injury_weekly_minutes=600)
    totals = [w.total_run_minutes for w in result.weeks]
    easier = [w.week for w in result.weeks if w.easier]
    assert easier[:2] == [4, 8]
    assert totals[3] == totals[2] * 9 // 10
    assert totals[4] <= cap10(totals[3])


def test_unreachable_goal_stops_at_52_weeks_with_a_warning() -> None:
    """A goal too far away ends the plan at 52 weeks with a warning."""
    result = plan(goal_weekly_minutes=1200, runs_per_week=2, weeks_off=20)
    assert len(result.weeks) == 52
    assert not result.goal_reached
    assert any("not reached within 52 weeks" in w for w in result.warnings)


def test_goal_reached_in_walk_run_is_said() -> None:
    """A goal reached before continuous running ends the plan with a note."""
    result = plan(goal_weekly_minutes=20, pain_free_run_minutes=2)
    assert result.goal_reached
    assert result.weeks[-1].total_run_minutes == 20
    assert any("walk-run" in w for w in result.warnings)


def test_itbs_flat_routes_early_only() -> None:
    """ITBS runs carry the no-downhill note in the first four weeks only."""
    result = plan(condition="itbs", weeks_off=6, pain_free_run_minutes=3)
    running = [s for s in result.sessions if s.is_running]
    early = [s for s in running if (s.date - result.inputs.start_date).days < 28]
    late = [s for s in running if (s.date - result.inputs.start_date).days >= 28]
    assert all("no downhill" in s.note for s in early)
    assert late
    assert not any("no downhill" in s.note for s in late)


def test_tendon_pain_keeps_a_day_between_runs() -> None:
    """Tendinopathy plans never have runs on consecutive days and say why."""
    result = plan(condition="patellar_tendinopathy", runs_per_week=6, pain_free_run_minutes=120)
    days = [i for i, s in enumerate(result.sessions) if s.is_running]
    assert all(b - a >= 2 for a, b in itertools.pairwise(days))
    assert any("day off in between" in w for w in result.warnings)
    assert all("day off between hard loads" in s.note for s in result.sessions if s.is_running)


def test_bone_stress_needs_clearance() -> None:
    """A bone stress injury warns about clearance and adds its own gate."""
    result = plan(condition="stress_fracture")
    assert any("all-clear" in w for w in result.warnings)
    assert any("hopping" in g for g in result.gates)


def test_gates_carry_the_pain_limits(content) -> None:
    """The gates name the move-on and hold limits, morning settling, stiffness and step-back signs."""
    text = " ".join(plan().gates)
    limits = content.ramp.limits
    assert f"{limits.move_on_pain}/10" in text
    assert f"{limits.hold_pain}/10" in text
    for word in ("next morning", "stiffness", "Swelling", "limping", "stride", "step back"):
        assert word in text


@pytest.mark.parametrize(
    ("entry", "outcome"),
    [
        ({}, "move_on"),
        ({"pain_during": 3, "pain_next_morning": 1}, "move_on"),
        ({"pain_during": 4}, "hold"),
        ({"pain_during": 5}, "hold"),
        ({"pain_next_morning": 2}, "hold"),
        ({"stiffer": True}, "hold"),
        ({"pain_during": 6}, "step_back"),
        ({"pain_next_morning": 4}, "step_back"),
        ({"swelling": True}, "step_back"),
        ({"limp": True}, "step_back"),
        ({"done": False, "swelling": True}, "skipped"),
    ],
    ids=lambda v: str(v)[:30],
)
def test_gate_table(entry: dict[str, Any], outcome: str) -> None:
    """Each logged session maps to move on, hold, step back or skipped (usual pain 1/10)."""
    assert apply_gate(LogEntry(dt.date(2026, 12, 1), **entry), 1, default_rules()) == outcome


def test_acwr_is_information_only() -> None:
    """The ratio appears from week 4 on with a note on its limits."""
    result = plan(pain_free_run_minutes=120, pre_injury_weekly_minutes=600)
    assert [w.acute_chronic_ratio is None for w in result.weeks[:4]] == [True, True, True, False]
    assert "information only" in result.acwr_note


def test_distance_follows_units() -> None:
    """The rough weekly distance is longer in km than in miles."""
    km = plan(units="km").weeks[-1].distance
    mi = plan(units="mi").weeks[-1].distance
    assert km > mi > 0


@pytest.mark.parametrize("value", [0, 1, 9, 10, 24, 33, 7.3, 0.5, 119.99])
def test_cap10_never_exceeds_ten_percent(value: float) -> None:
    """The 10% cap is a whole number at most 10% above the value, even in float arithmetic."""
    cap = cap10(value)
    assert cap <= value * 1.1
    assert cap + 1 > value * 1.1 - 1e-9 or cap == 0


def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run ``python -m kneecore.ramp`` for real."""
    return subprocess.run(
        [sys.executable, "-m", "kneecore.ramp", *args], cwd=ROOT, input=stdin, capture_output=True, text=True
    )


def test_cli_file_and_stdin(tmp_path: Path) -> None:
    """A file and stdin give the same plan and exit 0."""
    path = tmp_path / "in.json"
    path.write_text(json.dumps(BASE), encoding="utf-8")
    by_file = cli(str(path))
    by_stdin = cli("-", stdin=json.dumps(BASE))
    assert by_file.returncode == by_stdin.returncode == 0
    assert json.loads(by_file.stdout) == json.loads(by_stdin.stdout)
    assert json.loads(by_file.stdout)["start_stage"] == plan().start_stage


@pytest.mark.parametrize(
    ("args", "stdin", "start"),
    [
        (["-"], "{not json", "input: expected a JSON object (not valid JSON at line 1"),
        (["-"], '{"pain_now": 1, "pain_now": 2}', "pain_now: expected each key only once"),
        (["-"], '{"weeks_off": NaN}', "input: expected valid JSON numbers, not NaN"),
        (
            ["-"],
            json.dumps(BASE | {"pain_now": 12}),
            "pain_now: expected a whole number from 0 to 10, got 12",
        ),
        (["/nowhere/in.json"], "", "input: expected a readable JSON file"),
        (["a", "b"], "", "arguments: expected one file name, - for stdin, or --schema"),
        (["--bogus"], "", "arguments: expected one file name"),
    ],
)
def test_cli_errors_are_one_line(args: list[str], stdin: str, start: str) -> None:
    """Bad input exits 2 with one line on stderr naming the key, and no traceback."""
    result = cli(*args, stdin=stdin)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(start)
    assert result.stderr.count("\n") == 1


def test_cli_schema() -> None:
    """``--schema`` prints the input schema with every contract key."""
    result = cli("--schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema == input_schema()
    assert set(schema["properties"]) == {
        "weeks_off",
        "pain_now",
        "pain_free_run_minutes",
        "pre_injury_weekly_minutes",
        "runs_per_week",
        "condition",
        "goal_weekly_minutes",
        "start_date",
        "units",
    }
    assert schema["additionalProperties"] is False
