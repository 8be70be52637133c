"""The plan builder: a day-by-day walk from the start stage to the weekly goal.

Rules kept by construction (and checked by tests/property/test_ramp.py):

* every day appears once; week N is days 7(N-1) to 7N-1 from ``start_date``;
* ``pre_run`` plans have no running days;
* a non-running day follows each walk-run day; walk-run days never exceed the ladder's
  weekly limit nor ``runs_per_week``;
* each stage is done ``repeats_before_move`` times before moving up, with at most
  ``max_moves_per_7_days`` moves in any 7 days; the move to continuous running happens
  at the start of a week;
* from the first ``run`` day on, a week's running is at most 10% above the week before
  (the week before the plan holds one run: the pain-free run time), and no session is
  more than 10% above the longest of the 30 days before it (the pain-free run counts as
  a run the day before the plan starts); all in whole minutes, rounded down;
* a week's running never exceeds the goal, and the plan ends with the week that reaches
  it (or after ``max_weeks`` with a warning).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from fractions import Fraction

from kneecore.content.ramp import RampContent, Stage
from kneecore.ramp.days import add_info, fill_other_days, pre_run_weeks
from kneecore.ramp.gates import (
    LogEntry,
    Outcome,
    apply_gate,
    cap10,
    choose_start,
    gate_texts,
    walk_run_per_week,
)
from kneecore.ramp.inputs import RampInputs
from kneecore.ramp.plan import RampPlan, Session, Week

__all__ = ["simulate"]

_TEMPLATES = {1: (0,), 2: (0, 3), 3: (0, 2, 4), 4: (0, 1, 3, 5), 5: (0, 1, 3, 4, 5), 6: (0, 1, 2, 3, 4, 5)}
"""Run days of a continuous week by number of runs (days from the week's start)."""


class _State:
    """What the walk through the days has to remember."""

    def __init__(self, inputs: RampInputs, rules: RampContent, stage: int) -> None:
        self.stage = stage
        self.done = 0  # good sessions at this stage
        self.pending = False  # ready to move up
        self.moves: list[int] = []
        self.history: dict[int, int] = {}
        self.pain_free = Fraction(inputs.pain_free_run_minutes)  # a run the day before the plan
        self.first_run: int | None = None
        self.last_running = -10
        self.last_walk_run = -10
        self.hold_next = False
        self.step_back_next = False
        self.session_limit: int | None = None  # after a step back in a continuous week
        self.levels: list[int] = []  # totals of continuous weeks
        self.harder = 0  # continuous weeks since the last easier one
        self.prev_total: Fraction | int = Fraction(inputs.pain_free_run_minutes)
        self.stepped_back = False  # a log sent continuous running back to walk-run

    def session_cap(self, day: int) -> int:
        history = self.history
        longest = max((history[d] for d in range(max(day - 30, 0), day) if d in history), default=0)
        if day <= 29 and self.pain_free > longest:
            return cap10(self.pain_free)
        return cap10(longest)

    def may_move(self, day: int, rules: RampContent) -> bool:
        recent = sum(1 for m in self.moves if m > day - 7)
        return recent < int(rules.schedule.max_moves_per_7_days)


def simulate(inputs: RampInputs, rules: RampContent, log: Mapping[dt.date, LogEntry]) -> RampPlan:
    """Build the plan, applying the gates to every logged session on the way.

    Parameters
    ----------
    inputs:
        Validated inputs.
    rules:
        The ramp content.
    log:
        Logged sessions by date (empty for a fresh plan).

    Returns
    -------
    RampPlan
        The dated plan.
    """
    start, reason = choose_start(inputs, rules)
    stages = rules.stages
    sched = rules.schedule
    goal = math.floor(inputs.goal_weekly_minutes)
    warnings: list[str] = []
    rule = rules.condition(inputs.condition)
    if rule is not None and rule.warning:
        warnings.append(rule.warning)
    if not inputs.goal_given and inputs.pre_injury_weekly_minutes < 10:
        warnings.append(rules.texts["goal_raised_to_minimum"])
    if rule is not None and rule.spacing and inputs.runs_per_week > 3:
        warnings.append(rules.texts["spacing"])
    weeks: list[Week] = []
    used: set[dt.date] = set()
    if start == 0:
        weeks = pre_run_weeks(inputs, rules)
        reached = False
        next_step = rules.texts["next_step_pre_run"]
        warnings.append(next_step)
    else:
        state = _State(inputs, rules, start)
        reached = False
        for number in range(sched.max_weeks):
            week = _build_week(number, inputs, rules, state, goal, log, used)
            weeks.append(week)
            if week.total_run_minutes >= goal:
                reached = True
                break
            if state.first_run is not None and week.total_run_minutes == 0:
                warnings.append(rules.texts["stopped_after_gap"])
                break
        if state.stepped_back:
            warnings.append(rules.texts["step_back_to_walk_run"])
        if reached and all(s.kind != "run" for w in weeks for s in w.sessions):
            warnings.append(rules.texts["goal_reached_in_walk_run"])
        if not reached:
            warnings.append(rules.texts["goal_not_reached"].format(goal=goal, weeks=len(weeks)))
        text = rules.texts["next_step_done" if reached else "next_step_not_done"]
        next_step = text.format(goal=goal, weeks=len(weeks))
    ignored = sorted(d for d in log if d not in used)
    if ignored:
        shown = ", ".join(d.isoformat() for d in ignored[:5]) + (" ..." if len(ignored) > 5 else "")
        warnings.append(rules.texts["log_ignored"].format(dates=shown))
    weeks = add_info(weeks, inputs, rules)
    return RampPlan(
        inputs=inputs,
        phase=stages[start].phase,
        start_stage=stages[start].id,
        start_stage_title=stages[start].title,
        start_stage_reason=reason,
        start_stage_rank=start,
        weeks=tuple(weeks),
        gates=gate_texts(inputs, rules),
        warnings=tuple(warnings),
        next_step=next_step,
        goal_reached=reached,
        stage_ladder=tuple(s.id for s in stages),
        acwr_note=rules.texts["acwr"],
    )


def _run_days(number: int, inputs: RampInputs, rules: RampContent, state: _State, target: int) -> list[int]:
    """Days (from the plan's start) planned for running in this week."""
    first = number * 7
    stage = rules.stages[state.stage]
    rule = rules.condition(inputs.condition)
    spaced = stage.phase == "walk_run" or (rule is not None and rule.spacing)
    if spaced:
        count = (
            walk_run_per_week(inputs, rules) if stage.phase == "walk_run" else min(inputs.runs_per_week, 4)
        )
        if stage.phase != "walk_run":
            count = min(count, _runs_for(target, inputs, rules, state, first))
        gap = 3 if count <= 2 else 2
        days: list[int] = []
        day = max(first, state.last_running + gap)
        while day < first + 7 and len(days) < count:
            days.append(day)
            day += gap
        return days
    count = _runs_for(target, inputs, rules, state, first)
    shift = 1 if state.last_walk_run == first - 1 else 0
    return [first + d + shift for d in _TEMPLATES[count]]


def _runs_for(target: int, inputs: RampInputs, rules: RampContent, state: _State, day: int) -> int:
    """How many continuous runs share ``target`` minutes: long enough, never above the caps."""
    cap = max(state.session_cap(day), 1)
    wanted = max(-(-target // cap), -(-target // 30), 1)
    longest_allowed = max(target // rules.schedule.min_run_minutes, 1)
    return int(max(1, min(inputs.runs_per_week, wanted, longest_allowed)))


def _week_target(number: int, rules: RampContent, state: _State, goal: int) -> tuple[int, bool]:
    """The running minutes a continuous week aims at, and whether it is an easier week."""
    sched = rules.schedule
    cap = min(cap10(state.prev_total), goal)
    prev = int(state.prev_total)
    easier = cap < goal and state.harder >= sched.easier_every - 1
    target = min(math.floor(Fraction(prev) * Fraction(str(sched.easier_factor))), cap) if easier else cap
    if state.step_back_next:
        level = state.levels[-2] if len(state.levels) >= 2 else prev * 9 // 10
        target = min(target, level)
    elif state.hold_next:
        target = min(target, prev)
    return target, easier


def _build_week(
    number: int,
    inputs: RampInputs,
    rules: RampContent,
    state: _State,
    goal: int,
    log: Mapping[dt.date, LogEntry],
    used: set[dt.date],
) -> Week:
    stages = rules.stages
    top_walk_run = len(stages) - 2
    first = number * 7
    # The move to continuous running happens at the start of a week.
    if state.stage == top_walk_run and state.pending and state.may_move(first, rules):
        state.stage += 1
        state.pending = False
        state.done = 0
        state.moves.append(first)
    continuous = stages[state.stage].phase == "continuous"
    easier = False
    target = goal
    if continuous:
        target, easier = _week_target(number, rules, state, goal)
    state.hold_next = False
    state.step_back_next = False
    planned = set(_run_days(number, inputs, rules, state, target))
    total = 0
    sessions: list[Session | None] = []
    stage_ids: list[str] = []
    rule = rules.condition(inputs.condition)
    for day in range(first, first + 7):
        date = inputs.start_date + dt.timedelta(days=day)
        session = None
        if day in planned and state.last_walk_run != day - 1 and total < goal:
            session = _running_session(day, date, inputs, rules, state, target, total, planned, goal)
        if session is None:
            sessions.append(None)
            stage_ids.append(stages[state.stage].id)
            continue
        outcome: Outcome = "move_on"
        entry = log.get(date)
        if entry is not None:
            used.add(date)
            outcome = apply_gate(entry, inputs.pain_now, rules)
        if outcome == "skipped":
            sessions.append(
                Session(date, "rest", note=rules.texts["skipped"], stage=session.stage, logged=outcome)
            )
            stage_ids.append(session.stage)
            continue
        if rule is not None and rule.note and (rule.note_weeks == 0 or number < rule.note_weeks):
            session = _replace(session, note=f"{session.note} {rule.note}")
        if easier and session.kind == "run":
            percent = round(rules.schedule.easier_factor * 100)
            session = _replace(
                session, note=f"{session.note} {rules.texts['easier_week'].format(percent=percent)}"
            )
        if entry is not None:
            session = _replace(session, logged=outcome)
        sessions.append(session)
        stage_ids.append(session.stage)
        total += session.run_minutes
        _record(state, day, session, outcome, rules)
    filled = fill_other_days(sessions, stage_ids, first, inputs, rules)
    if continuous:
        state.levels.append(total)
        state.harder = 0 if easier else state.harder + 1
    state.prev_total = total
    return Week(number + 1, tuple(filled), easier=easier)


def _running_session(
    day: int,
    date: dt.date,
    inputs: RampInputs,
    rules: RampContent,
    state: _State,
    target: int,
    total: int,
    planned: set[int],
    goal: int,
) -> Session | None:
    stage = rules.stages[state.stage]
    pain = rules.limits.move_on_pain
    capped = state.first_run is not None or stage.phase == "continuous"
    room = goal - total
    if capped:
        room = min(room, cap10(state.prev_total) - total, state.session_cap(day))
    if state.session_limit is not None:
        room = min(room, state.session_limit)
    if stage.phase == "walk_run":
        if state.pending and state.stage < len(rules.stages) - 2 and state.may_move(day, rules):
            state.stage += 1
            state.pending = False
            state.done = 0
            state.moves.append(day)
            stage = rules.stages[state.stage]
        return _walk_run_session(date, stage, min(room, stage.run_minutes), pain, rules)
    left = sum(1 for d in planned if d >= day)
    share = -(-(target - total) // max(left, 1))
    minutes = min(share, room)
    if minutes < 1:
        return None
    warm = rules.schedule.run_warm_up_walk
    note = rules.texts["run"].format(warm_up=warm)
    return Session(
        date,
        "run",
        minutes,
        warm,
        rules.texts["run_session"].format(minutes=minutes),
        minutes + warm,
        pain,
        note,
        stage.id,
    )


def _walk_run_session(date: dt.date, stage: Stage, run: int, pain: int, rules: RampContent) -> Session | None:
    if run < 1:
        return None
    repeats, extra = divmod(run, stage.run_interval)
    texts = rules.texts
    parts = []
    if repeats:
        parts.append(
            texts["interval_block"].format(repeats=repeats, run=stage.run_interval, walk=stage.walk_interval)
        )
    if extra:
        parts.append(texts["interval_extra"].format(run=extra))
    intervals = " + ".join(parts)
    walk = stage.warm_up_walk + stage.walk_interval * repeats
    note = texts["walk_run"].format(
        warm_up=stage.warm_up_walk, intervals=intervals, effort=stage.effort or texts["effort_default"]
    )
    return Session(
        date,
        "walk_run",
        run,
        walk,
        intervals,
        run + walk,
        pain,
        note,
        stage.id,
        run_interval=int(stage.run_interval),
        walk_interval=int(stage.walk_interval),
    )


def _record(state: _State, day: int, session: Session, outcome: Outcome, rules: RampContent) -> None:
    """Remember a session and apply its gate outcome."""
    state.history[day] = session.run_minutes
    state.last_running = day
    if session.kind == "walk_run":
        state.last_walk_run = day
    elif state.first_run is None:
        state.first_run = day
    stage = rules.stages[state.stage]
    if outcome == "move_on":
        if stage.phase == "walk_run":
            state.done += 1
            state.pending = state.done >= rules.schedule.repeats_before_move
    elif outcome == "hold":
        state.hold_next = True
    elif outcome == "step_back":
        state.done = 0
        state.pending = False
        if stage.phase == "continuous" and len(state.levels) >= 1:
            state.step_back_next = True
            state.session_limit = max(1, session.run_minutes * 9 // 10)
        elif stage.phase == "continuous" or state.stage > 1:
            state.stage -= 1
            state.stepped_back = state.stepped_back or stage.phase == "continuous"
    if outcome != "step_back" and stage.phase == "continuous":
        state.session_limit = None


def _replace(session: Session, *, note: str | None = None, logged: str | None = None) -> Session:
    from dataclasses import replace

    return replace(session, note=session.note if note is None else note, logged=logged or session.logged)
