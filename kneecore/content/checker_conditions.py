"""The checker's condition models: prior, weighted features and atypical signs (conditions.yaml)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from kneecore.content._base import Between, ContentModel, Id, Markdown, References, Text
from kneecore.content.checker_when import When

__all__ = [
    "Condition",
    "Escalation",
    "Factor",
    "Feature",
    "FlagLevel",
    "Level",
    "Prior",
    "RunningId",
    "Sex",
]

Level = Literal["self_care", "consult", "urgent", "emergency"]
FlagLevel = Literal["consult", "urgent", "emergency"]
RunningId = Literal["stop_and_be_seen", "stop_stay_active", "keep_running_with_changes", "keep_running"]
Sex = Literal["female", "male", "other"]


class Factor(ContentModel):
    factor: Between(0.001, 20, whole=False)  # type: ignore[valid-type]
    reason: Text | None = None


class Prior(ContentModel):
    """Share of this condition among runners' knee complaints, adjusted by age band and sex."""

    base: Between(0.001, 1, whole=False)  # type: ignore[valid-type]
    age: dict[str, Factor] = Field(default_factory=dict)
    sex: dict[Sex, Factor] = Field(default_factory=dict)
    source: Id
    grade: Literal["measured", "expert"]


class Feature(ContentModel):
    """One answer pattern and its likelihood ratio for a condition."""

    when: When
    lr: Between(0.01, 50, whole=False)  # type: ignore[valid-type]
    reason: Text
    group: Id | None = None
    """Correlated features share a group; only the strongest one that fires counts."""
    grade: Literal["measured", "expert"]
    source: Id


class Escalation(ContentModel):
    """Answers that are not typical of a condition: when it is likely, triage rises to ``triage``."""

    when: When
    triage: FlagLevel
    reason: Text
    """Plain words for the atypical sign, shown in the triage reason."""
    source: Id


class Condition(ContentModel):
    id: Id
    name: Text
    short_name: Text
    """A short name for menus, notes and printouts ("Patellofemoral pain")."""
    clinical_name: Text
    summary: Markdown
    self_care: tuple[Text, ...] = Field(min_length=1)
    triage: Level
    running: RunningId
    review_weeks: Between(1, 26)  # type: ignore[valid-type]
    prior: Prior
    features: tuple[Feature, ...] = Field(min_length=1)
    escalations: tuple[Escalation, ...] = ()
    """Atypical signs that make a likely condition need a professional's check."""
    references: References

    @model_validator(mode="after")
    def _escalations_raise(self) -> Condition:
        order = ("self_care", "consult", "urgent", "emergency")
        for i, esc in enumerate(self.escalations):
            if order.index(esc.triage) <= order.index(self.triage):
                raise ValueError(
                    f"escalations[{i + 1}].triage: must be more urgent than the condition's triage "
                    f"{self.triage!r}, got {esc.triage!r}"
                )
        return self
