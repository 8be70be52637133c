"""The plan's types: one :class:`Session` per day, grouped in :class:`Week` s of 7 days.

``RampPlan.to_dict()`` gives the contract's JSON (keys fixed; extra keys only added).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from kneecore.ramp.inputs import RampInputs

__all__ = ["KINDS", "RUNNING_KINDS", "Kind", "RampPlan", "Session", "Week"]

Kind = Literal["rest", "cross_train", "strength", "walk", "walk_run", "run"]
KINDS: tuple[str, ...] = ("rest", "cross_train", "strength", "walk", "walk_run", "run")
RUNNING_KINDS = frozenset({"walk_run", "run"})


@dataclass(frozen=True)
class Session:
    """One day of the plan (rest days included)."""

    date: dt.date
    kind: Kind
    run_minutes: int = 0
    walk_minutes: int = 0
    intervals: str = ""
    total_minutes: int = 0
    max_pain: int = 3
    note: str = ""
    stage: str = ""
    """The stage id in force that day."""
    logged: str = ""
    """The gate outcome from the runner's log for this session ("" if not logged)."""
    run_interval: int = 0
    """A walk-run day's pattern: minutes of each run block (0 on other days; not in the JSON)."""
    walk_interval: int = 0
    """A walk-run day's pattern: minutes of walking after each run block (0 on other days)."""

    @property
    def is_running(self) -> bool:
        """True for walk-run and run days."""
        return self.kind in RUNNING_KINDS

    def to_dict(self) -> dict[str, Any]:
        """The contract's session object (plus ``stage`` and ``logged``)."""
        return {
            "date": self.date.isoformat(),
            "kind": self.kind,
            "run_minutes": self.run_minutes,
            "walk_minutes": self.walk_minutes,
            "intervals": self.intervals,
            "total_minutes": self.total_minutes,
            "max_pain": self.max_pain,
            "note": self.note,
            "stage": self.stage,
            "logged": self.logged,
        }


@dataclass(frozen=True)
class Week:
    """Seven consecutive days from the plan's start (not a calendar week)."""

    week: int
    sessions: tuple[Session, ...]
    easier: bool = False
    acute_chronic_ratio: float | None = None
    """Information only (see the plan's ``acwr_note``)."""
    distance: float = 0.0
    """Rough distance of the week's running at an easy pace, in the plan's units."""

    @property
    def total_run_minutes(self) -> int:
        """Running minutes of the week."""
        return sum(s.run_minutes for s in self.sessions)

    @property
    def runs(self) -> int:
        """Walk-run and run days in the week."""
        return sum(1 for s in self.sessions if s.is_running)

    def to_dict(self) -> dict[str, Any]:
        """The contract's week object (plus ``runs``, ``easier``, ``acute_chronic_ratio``, ``distance``)."""
        return {
            "week": self.week,
            "total_run_minutes": self.total_run_minutes,
            "sessions": [s.to_dict() for s in self.sessions],
            "runs": self.runs,
            "easier": self.easier,
            "acute_chronic_ratio": self.acute_chronic_ratio,
            "distance": self.distance,
        }


@dataclass(frozen=True)
class RampPlan:
    """A dated plan from the start stage to the weekly goal."""

    inputs: RampInputs
    phase: Literal["pre_run", "walk_run", "continuous"]
    start_stage: str
    start_stage_title: str
    start_stage_reason: str
    start_stage_rank: int
    weeks: tuple[Week, ...]
    gates: tuple[str, ...]
    warnings: tuple[str, ...]
    next_step: str
    goal_reached: bool
    stage_ladder: tuple[str, ...]
    acwr_note: str
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def sessions(self) -> tuple[Session, ...]:
        """Every day of the plan, in order."""
        return tuple(s for w in self.weeks for s in w.sessions)

    @property
    def end_date(self) -> dt.date:
        """The plan's last day."""
        return self.weeks[-1].sessions[-1].date

    def week_of(self, day: dt.date) -> Week | None:
        """The week holding ``day`` (None outside the plan)."""
        index = (day - self.inputs.start_date).days // 7
        return self.weeks[index] if 0 <= index < len(self.weeks) else None

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object, with a few added keys."""
        return {
            "phase": self.phase,
            "start_stage": self.start_stage,
            "weeks": [w.to_dict() for w in self.weeks],
            "gates": list(self.gates),
            "warnings": list(self.warnings),
            "start_stage_title": self.start_stage_title,
            "start_stage_reason": self.start_stage_reason,
            "start_stage_rank": self.start_stage_rank,
            "stage_ladder": list(self.stage_ladder),
            "goal_weekly_minutes": self.inputs.goal_weekly_minutes,
            "goal_reached": self.goal_reached,
            "next_step": self.next_step,
            "acwr_note": self.acwr_note,
            "notes": list(self.notes),
            "inputs": self.inputs.to_dict(),
        }
