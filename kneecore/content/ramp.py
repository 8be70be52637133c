"""``content/ramp.yaml``: return-to-running stages, start rules, gates, holds and texts.

The stage ladder runs from ``pre_run`` through the published walk-run stages to
``continuous``. The start rules (caps by layoff, by pain now and by condition) and the
pain gates sit beside it, so a clinic can retune them without touching code; the plan
builder (:mod:`kneecore.ramp`) keeps every contract rule whatever the numbers say.
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, model_validator

from kneecore.content._base import (
    Between,
    ContentModel,
    Id,
    Markdown,
    Problems,
    References,
    Text,
    check_refs,
    check_unique,
    read_file,
)
from kneecore.content.ramp_words import RampWords
from kneecore.ids import CONDITION_IDS

if TYPE_CHECKING:
    from kneecore.content import Content

__all__ = [
    "PAGE_TEXTS",
    "PLAN_TEXTS",
    "SCHEMAS",
    "Cap",
    "ConditionRule",
    "Gate",
    "Limits",
    "RampContent",
    "Schedule",
    "Stage",
    "check",
    "load",
    "load_file",
]

Phase = Literal["pre_run", "walk_run", "continuous"]

PLAN_TEXTS = frozenset(
    {
        "pre_run_walk",
        "pre_run_strength",
        "pre_run_cross_train",
        "pre_run_rest",
        "readiness_screen",
        "next_step_pre_run",
        "next_step_done",
        "next_step_not_done",
        "walk_run",
        "run",
        "strength",
        "cross_train",
        "rest",
        "easier_week",
        "why_pre_run_pain",
        "why_pre_run_no_running",
        "why_pain_free",
        "why_continuous",
        "goal_raised_to_minimum",
        "goal_reached_in_walk_run",
        "goal_not_reached",
        "acwr",
        "spacing",
        "log_ignored",
        "step_back_to_walk_run",
        "stopped_after_gap",
        "interval_block",
        "interval_extra",
        "run_session",
        "effort_default",
        "skipped",
        "capped",
        "capped_by_condition",
    }
)
"""Texts the plan builder needs; ``{placeholders}`` are filled in by the builder."""

PAGE_TEXTS = frozenset(
    {
        "form_heading",
        "weeks_off",
        "weeks_off_help",
        "pain_now",
        "pain_now_help",
        "pain_free",
        "pain_free_help",
        "pre_injury",
        "pre_injury_help",
        "runs_per_week",
        "condition",
        "goal",
        "goal_help",
        "start_date",
        "units",
        "card_heading",
        "this_week",
        "weeks_heading",
        "chart_heading",
        "calendar_heading",
        "gates_heading",
        "warnings_heading",
        "log_heading",
        "log_intro",
        "downloads_heading",
        "share_heading",
        "share_note",
        "share_with_log",
        "broken_link",
        "unknown_condition",
        "condition_note",
        "acwr_heading",
        "tab_weeks",
        "tab_chart",
        "tab_calendar",
        "tab_log",
        "tab_save",
        "sources",
        "log_session",
        "log_done",
        "log_during",
        "log_morning",
        "log_swelling",
        "log_limp",
        "log_stiffer",
        "log_add",
        "log_upload",
        "log_download",
        "log_clear",
        "log_bad_file",
        "dl_png",
        "dl_pdf",
        "dl_ics",
        "dl_csv",
        "share_button",
        "detail_week",
        "condition_none",
        "from_link",
        "check_field",
        "card_pre_run",
        "card_weeks",
        "goal_placeholder",
        "card_week",
        "card_start",
        "card_rest",
        "card_to_goal",
        "card_goal",
        "card_per_week",
        "card_runs",
        "card_made",
        "card_logged",
        "calendar_legend",
    }
)
"""Labels and short texts of the ramp page."""


_PLACEHOLDERS = dict.fromkeys(
    (
        "move_on_pain",
        "hold_pain",
        "morning_extra",
        "goal",
        "weeks",
        "warm_up",
        "intervals",
        "effort",
        "percent",
        "pain_free",
        "stage",
        "dates",
        "repeats",
        "run",
        "walk",
        "minutes",
        "why",
    ),
    "",
)
"""Names a text may use in ``{braces}``."""


class Stage(ContentModel):
    """One step of the ladder; walk-run stages carry their interval structure."""

    id: Id
    phase: Phase
    title: Text
    summary: Text
    run_interval: Between(0, 30) = 0  # type: ignore[valid-type]
    walk_interval: Between(0, 10) = 0  # type: ignore[valid-type]
    repeats: Between(0, 20) = 0  # type: ignore[valid-type]
    warm_up_walk: Between(0, 15) = 0  # type: ignore[valid-type]
    min_pain_free: Between(0, 120, whole=False) = 0  # type: ignore[valid-type]
    """Start here only if the pain-free run time is at least this (minutes)."""
    effort: Text | None = None
    references: References

    @property
    def run_minutes(self) -> int:
        """Running minutes in one session of this stage."""
        return int(self.run_interval * self.repeats)

    @model_validator(mode="after")
    def _structure(self) -> Stage:
        if self.phase == "walk_run" and not (self.run_interval and self.walk_interval and self.repeats):
            raise ValueError("a walk_run stage needs run_interval, walk_interval and repeats above 0")
        if self.phase != "walk_run" and (self.run_interval or self.walk_interval or self.repeats):
            raise ValueError(f"a {self.phase} stage has no intervals")
        return self


class Cap(ContentModel):
    """From ``at_least`` upward, the start stage is no later than ``max_stage``."""

    at_least: Between(0, 104, whole=False)  # type: ignore[valid-type]
    max_stage: Id
    why: Text
    references: References


class ConditionRule(ContentModel):
    """Notes and holds for one condition id."""

    id: Id
    max_stage: Id | None = None
    spacing: bool = False
    """Keep a day without running between any two runs (tendon pain)."""
    warning: Text | None = None
    note: Text | None = None
    note_weeks: Between(0, 52) = 0  # type: ignore[valid-type]
    """Add ``note`` to running sessions in the first this-many weeks (0: all weeks)."""
    gate: Text | None = None
    references: References


class Gate(ContentModel):
    """One pain rule; ``{move_on_pain}``, ``{hold_pain}`` and ``{morning_extra}`` are filled in."""

    id: Id
    text: Text
    references: References


class Limits(ContentModel):
    """The numbers behind the gates (Silbernagel et al. 2007 pain-monitoring model)."""

    move_on_pain: Between(0, 10)  # type: ignore[valid-type]
    hold_pain: Between(0, 10)  # type: ignore[valid-type]
    morning_extra: Between(0, 10)  # type: ignore[valid-type]
    references: References

    @model_validator(mode="after")
    def _order(self) -> Limits:
        if self.move_on_pain > self.hold_pain:
            raise ValueError("move_on_pain must not be above hold_pain")
        return self


class Schedule(ContentModel):
    """Weekly structure and limits of the plan."""

    repeats_before_move: Between(2, 5)  # type: ignore[valid-type]
    max_moves_per_7_days: Between(1, 2)  # type: ignore[valid-type]
    walk_run_max_per_week: Between(2, 4)  # type: ignore[valid-type]
    min_run_minutes: Between(5, 30)  # type: ignore[valid-type]
    easier_every: Between(2, 8)  # type: ignore[valid-type]
    easier_factor: Between(0.5, 1.0, whole=False)  # type: ignore[valid-type]
    max_weeks: Between(4, 104)  # type: ignore[valid-type]
    pre_run_weeks: Between(1, 12)  # type: ignore[valid-type]
    pre_run_walk_minutes: tuple[Between(5, 60), ...]  # type: ignore[valid-type]
    strength_per_week: Between(0, 3)  # type: ignore[valid-type]
    run_warm_up_walk: Between(0, 15)  # type: ignore[valid-type]
    strength_minutes: Between(10, 60)  # type: ignore[valid-type]
    cross_train_minutes: Between(10, 90)  # type: ignore[valid-type]
    easy_pace_min_per_km: Between(4, 12, whole=False)  # type: ignore[valid-type]
    references: References


class RampContent(ContentModel):
    """The whole of ``ramp.yaml``."""

    stages: tuple[Stage, ...]
    layoff_caps: tuple[Cap, ...]
    pain_caps: tuple[Cap, ...]
    conditions: tuple[ConditionRule, ...]
    limits: Limits
    gates: tuple[Gate, ...]
    schedule: Schedule
    texts: dict[str, Text]
    page: dict[str, Markdown]
    words: RampWords
    acwr_references: References

    @model_validator(mode="after")
    def _ladder(self) -> RampContent:
        phases = [s.phase for s in self.stages]
        if len(phases) < 3 or phases[0] != "pre_run" or phases[-1] != "continuous":
            raise ValueError("stages: must start with one pre_run stage and end with one continuous stage")
        if any(p != "walk_run" for p in phases[1:-1]):
            raise ValueError("stages: every stage between the first and the last must be walk_run")
        walk_run = self.stages[1:-1]
        for before, after in itertools.pairwise(walk_run):
            if after.run_minutes <= before.run_minutes:
                raise ValueError(f"stages: {after.id!r} must have more running than {before.id!r}")
            if after.min_pain_free < before.min_pain_free:
                raise ValueError(f"stages: {after.id!r} needs min_pain_free at least that of {before.id!r}")
        ids = [s.id for s in self.stages]
        for name, caps in (("layoff_caps", self.layoff_caps), ("pain_caps", self.pain_caps)):
            for cap in caps:
                if cap.max_stage not in ids:
                    raise ValueError(f"{name}: names stage {cap.max_stage!r}, which does not exist")
            ranks = [ids.index(c.max_stage) for c in sorted(caps, key=lambda c: c.at_least)]
            if ranks != sorted(ranks, reverse=True):
                raise ValueError(f"{name}: a higher at_least must not allow a later stage")
        for rule in self.conditions:
            if rule.max_stage is not None and rule.max_stage not in ids:
                raise ValueError(
                    f"conditions: {rule.id!r} names stage {rule.max_stage!r}, which does not exist"
                )
        for where, text in [
            *(("texts." + k, v) for k, v in self.texts.items()),
            *(("gates", g.text) for g in self.gates),
        ]:
            try:
                text.format(**_PLACEHOLDERS)
            except (KeyError, IndexError, ValueError) as exc:
                raise ValueError(
                    f"{where}: bad placeholder ({exc}); known: {', '.join(_PLACEHOLDERS)}"
                ) from None
        for name, have, need in (("texts", self.texts, PLAN_TEXTS), ("page", self.page, PAGE_TEXTS)):
            missing = sorted(need - set(have))
            extra = sorted(set(have) - need)
            if missing:
                raise ValueError(f"{name}: missing {', '.join(missing)}")
            if extra:
                raise ValueError(f"{name}: unknown key {', '.join(extra)}")
        return self

    def stage_index(self, stage_id: str) -> int:
        """Position of a stage on the ladder (0 is pre_run)."""
        return [s.id for s in self.stages].index(stage_id)

    def condition(self, condition_id: str) -> ConditionRule | None:
        """The notes and holds for a condition id, if any."""
        return next((c for c in self.conditions if c.id == condition_id), None)


SCHEMAS: dict[str, type[BaseModel]] = {"ramp.yaml": RampContent}
"""File (or folder glob) under content/ -> the model one such file must match."""


def load(root: Path, problems: Problems) -> RampContent | None:
    """Read and validate ``ramp.yaml`` under ``root``."""
    return read_file(root, "ramp.yaml", RampContent, problems)


@lru_cache(maxsize=4)
def load_file(root: Path) -> RampContent:
    """Only ``ramp.yaml``, validated (used by the command line; cached per folder).

    Raises
    ------
    ContentError
        The file is missing or invalid.
    """
    from kneecore.errors import ContentError

    problems = Problems(root)
    found = load(root, problems)
    if found is None:
        raise ContentError(problems.lines or ["content/ramp.yaml could not be read"])
    return found


def check(content: Content, problems: Problems) -> None:
    """Cross-file checks: unique stage and rule ids, condition ids from the contract."""
    ramp = content.ramp
    where = content.root / "ramp.yaml"
    check_unique(problems, where, "stage", (s.id for s in ramp.stages))
    check_unique(problems, where, "condition", (c.id for c in ramp.conditions))
    check_unique(problems, where, "gate", (g.id for g in ramp.gates))
    for rule in ramp.conditions:
        check_refs(problems, where, f"condition '{rule.id}'", "id", [rule.id], CONDITION_IDS, "condition")
