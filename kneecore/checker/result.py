"""The checker's output: :class:`CheckerResult` and its parts (the contract's keys plus extras)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

__all__ = ["CheckerResult", "ConditionScore", "KeepRunning", "RedFlagHit", "Triage"]

Triage = Literal["self_care", "consult", "urgent", "emergency"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RedFlagHit(_Frozen):
    """A red-flag rule that fired: contract keys ``id``, ``message``, ``triage`` plus extras."""

    id: str
    message: str
    triage: Triage
    title: str
    clinical: str
    stop_running: bool


class ConditionScore(_Frozen):
    """One ranked condition: contract keys ``id``, ``name``, ``score``, ``reasons`` plus extras.

    ``reasons`` lists the answers that raised the score, then those that lowered it
    (each starting with ``against:``), strongest first.
    """

    id: str
    name: str
    score: float
    reasons: tuple[str, ...]
    triage: Triage
    clinical_name: str

    @property
    def reasons_for(self) -> tuple[str, ...]:
        """Reasons that raised the score."""
        return tuple(r for r in self.reasons if not r.startswith("against:"))

    @property
    def reasons_against(self) -> tuple[str, ...]:
        """Reasons that lowered the score, without the ``against:`` prefix."""
        return tuple(r.removeprefix("against:").strip() for r in self.reasons if r.startswith("against:"))


class KeepRunning(_Frozen):
    """The answer to "Can I keep running?"."""

    level: Literal["stop_and_be_seen", "stop_stay_active", "keep_running_with_changes", "keep_running"]
    title: str
    reason: str
    pain_rules: tuple[str, ...]


class CheckerResult(_Frozen):
    """Everything :func:`kneecore.checker.assess` finds for one set of answers."""

    triage: Triage
    triage_rule: str
    """What set the triage: a red-flag id, ``condition:<id>``, or ``none``."""
    triage_reason: str
    red_flags: tuple[RedFlagHit, ...]
    conditions: tuple[ConditionScore, ...]
    keep_running: KeepRunning
    what_would_change: tuple[str, ...]
    safety_net: tuple[str, ...]
    disclaimer: str

    def to_json(self) -> dict[str, Any]:
        """The result as the contract's JSON object (lists, not tuples)."""
        return self.model_dump(mode="json")
