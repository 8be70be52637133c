"""Days without running and per-week information: the pre-run weeks, strength,
cross-training and rest days around the runs, the acute:chronic ratio and distance.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from kneecore.content.ramp import RampContent
from kneecore.ramp.inputs import RampInputs
from kneecore.ramp.plan import Kind, Session, Week

__all__ = ["add_info", "fill_other_days", "pre_run_weeks"]

_KM_PER_MI = 1.609344


def pre_run_weeks(inputs: RampInputs, rules: RampContent) -> list[Week]:
    """The pre-run weeks: walks, strength, cross-training and the readiness screen on the last day.

    Parameters
    ----------
    inputs:
        Validated inputs (the start date).
    rules:
        The ramp content (schedule and texts).

    Returns
    -------
    list[Week]
        ``schedule.pre_run_weeks`` weeks without running.
    """
    sched = rules.schedule
    texts = rules.texts
    pattern: tuple[Kind, ...] = ("strength", "walk", "cross_train", "strength", "walk", "rest", "walk")
    pain = rules.limits.move_on_pain
    weeks = []
    days = sched.pre_run_weeks * 7
    for number in range(sched.pre_run_weeks):
        walk = sched.pre_run_walk_minutes[min(number, len(sched.pre_run_walk_minutes) - 1)]
        sessions = []
        for offset, kind in enumerate(pattern):
            day = number * 7 + offset
            date = inputs.start_date + dt.timedelta(days=day)
            minutes = {
                "walk": walk,
                "strength": sched.strength_minutes,
                "cross_train": sched.cross_train_minutes,
            }
            note = texts[f"pre_run_{kind}"].format(move_on_pain=pain)
            walk_minutes = walk if kind == "walk" else 0
            if day == days - 1:
                note = texts["readiness_screen"]
                walk_minutes = max(sched.pre_run_walk_minutes)
            total = walk_minutes if kind == "walk" else minutes.get(kind, 0)
            sessions.append(
                Session(date, kind, 0, walk_minutes, "", total, pain, note, stage=rules.stages[0].id)
            )
        weeks.append(Week(number + 1, tuple(sessions)))
    return weeks


def fill_other_days(
    sessions: list[Session | None], stage_ids: list[str], first: int, inputs: RampInputs, rules: RampContent
) -> list[Session]:
    """Strength, cross-training and rest on the days without running."""
    free = [i for i, s in enumerate(sessions) if s is None]
    sched = rules.schedule
    runs = len(sessions) - len(free)
    strength = {free[0], free[len(free) // 2]} if free else set()
    strength = set(sorted(strength)[: sched.strength_per_week])
    cross = {free[-1]} if free and runs <= 3 and free[-1] not in strength else set()
    pain = rules.limits.move_on_pain
    out: list[Session] = []
    for i, s in enumerate(sessions):
        if s is not None:
            out.append(s)
            continue
        date = inputs.start_date + dt.timedelta(days=first + i)
        kind: Kind = "strength" if i in strength else "cross_train" if i in cross else "rest"
        minutes = {"strength": sched.strength_minutes, "cross_train": sched.cross_train_minutes}.get(kind, 0)
        out.append(
            Session(
                date, kind, total_minutes=minutes, max_pain=pain, note=rules.texts[kind], stage=stage_ids[i]
            )
        )
    return out


def add_info(weeks: list[Week], inputs: RampInputs, rules: RampContent) -> list[Week]:
    """Acute:chronic ratio (information only) and a rough distance for each week."""
    pace = rules.schedule.easy_pace_min_per_km * (_KM_PER_MI if inputs.units == "mi" else 1.0)
    out = []
    totals = [w.total_run_minutes for w in weeks]
    for i, week in enumerate(weeks):
        ratio = None
        if i >= 3:
            chronic = sum(totals[i - 3 : i + 1]) / 4
            ratio = round(totals[i] / chronic, 2) if chronic > 0 else None
        out.append(replace(week, acute_chronic_ratio=ratio, distance=round(totals[i] / pace, 1)))
    return out
