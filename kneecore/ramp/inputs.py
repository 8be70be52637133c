"""The ramp's inputs: strict types and ranges, defaults, one clear error per problem.

``parse_inputs`` takes the decoded JSON object of the contract
(../shared/spec/ramp-contract.md) and returns a frozen :class:`RampInputs`, or raises
:class:`~kneecore.errors.InputError` naming the first wrong key and what was expected.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from kneecore.errors import InputError
from kneecore.ids import CONDITION_IDS
from kneecore.messages import Message

__all__ = [
    "CONDITION_CHOICES",
    "FIELDS",
    "MIN_GOAL",
    "RampInputs",
    "input_schema",
    "parse_inputs",
]

CONDITION_CHOICES: tuple[str, ...] = (*CONDITION_IDS, "unknown")
MIN_GOAL = 10.0
"""The smallest weekly goal the contract allows (minutes)."""
FIRST_DATE = dt.date(1900, 1, 1)
LAST_DATE = dt.date(2999, 12, 31)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class _Field:
    kind: str  # "number", "int", "choice", "date"
    lo: float = 0
    hi: float = 0
    choices: tuple[str, ...] = ()
    required: bool = True
    description: str = ""

    @property
    def code(self) -> str:
        """The message code (content/messages.yaml) of a wrong value."""
        return {"number": "number_range", "int": "whole_number_range", "date": "date_range"}.get(
            self.kind, "one_of"
        )

    @property
    def params(self) -> dict[str, object]:
        """The parameters of :attr:`code`."""
        if self.kind in ("number", "int"):
            return {"lo": _n(self.lo), "hi": _n(self.hi)}
        if self.kind == "date":
            return {"first": FIRST_DATE.isoformat(), "last": LAST_DATE.isoformat()}
        return {"choices": ", ".join(self.choices)}


def _n(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


FIELDS: dict[str, _Field] = {
    "weeks_off": _Field("number", 0, 104, description="weeks without running"),
    "pain_now": _Field("int", 0, 10, description="knee pain on an ordinary day now"),
    "pain_free_run_minutes": _Field(
        "number",
        0,
        120,
        description="longest easy run possible now before pain reaches 2/10 (0 = cannot run yet)",
    ),
    "pre_injury_weekly_minutes": _Field(
        "number", 0, 1200, description="running time per week before the injury"
    ),
    "runs_per_week": _Field("int", 2, 6, description="how many runs a week the runner wants once back"),
    "condition": _Field(
        "choice",
        choices=CONDITION_CHOICES,
        required=False,
        description='a condition id from the checker contract, or "unknown" (default)',
    ),
    "goal_weekly_minutes": _Field(
        "number",
        MIN_GOAL,
        1200,
        required=False,
        description="where the plan should end (default: pre-injury volume, at least 10)",
    ),
    "start_date": _Field("date", required=False, description="first day of the plan (default: today)"),
    "units": _Field("choice", choices=("km", "mi"), required=False, description="km (default) or mi"),
}
"""The contract's input keys, in the contract's order."""


@dataclass(frozen=True)
class RampInputs:
    """Validated inputs; ``goal_weekly_minutes`` and ``start_date`` are always filled in."""

    weeks_off: float
    pain_now: int
    pain_free_run_minutes: float
    pre_injury_weekly_minutes: float
    runs_per_week: int
    condition: str
    goal_weekly_minutes: float
    start_date: dt.date
    units: str
    goal_given: bool = True
    """False when the goal came from the pre-injury volume (the default)."""

    def to_dict(self) -> dict[str, Any]:
        """The inputs as contract JSON (date as text; ``goal_given`` left out)."""
        data = asdict(self)
        data.pop("goal_given")
        data["start_date"] = self.start_date.isoformat()
        return data


def _number(key: str, spec: _Field, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InputError(key, spec.code, value, **spec.params)
    if isinstance(value, float) and not math.isfinite(value):
        raise InputError(key, spec.code, value, **spec.params)
    if spec.kind == "int" and not float(value).is_integer():
        raise InputError(key, spec.code, value, **spec.params)
    if not spec.lo <= value <= spec.hi:
        raise InputError(key, spec.code, value, **spec.params)
    return float(value)


def _date(key: str, spec: _Field, value: Any) -> dt.date:
    if not isinstance(value, str) or not _DATE.match(value):
        raise InputError(key, spec.code, value, **spec.params)
    try:
        day = dt.date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(key, spec.code, value, **spec.params) from exc
    if not FIRST_DATE <= day <= LAST_DATE:
        raise InputError(key, spec.code, value, **spec.params)
    return day


def parse_inputs(data: Any, today: dt.date | None = None) -> RampInputs:
    """Check a decoded JSON object against the contract and fill in the defaults.

    Parameters
    ----------
    data:
        The decoded JSON (must be an object).
    today:
        The default ``start_date`` (default: the system's date).

    Returns
    -------
    RampInputs
        Frozen, validated inputs.

    Raises
    ------
    InputError
        Naming the first key that is unknown, missing, of the wrong type or out of range.
    """
    if not isinstance(data, Mapping):
        raise InputError("input", "ramp_object", data)
    for key in data:
        if key not in FIELDS:
            raise InputError(str(key), "ramp_key", None, keys=", ".join(FIELDS))
    values: dict[str, Any] = {}
    for key, spec in FIELDS.items():
        value = data.get(key)
        if value is None:
            if spec.required:
                got = None if key not in data else "null"
                raise InputError(key, "required", got, expected=Message(spec.code, spec.params))
            continue
        if spec.kind in ("number", "int"):
            number = _number(key, spec, value)
            values[key] = int(number) if spec.kind == "int" else number
        elif spec.kind == "date":
            values[key] = _date(key, spec, value)
        else:
            if not isinstance(value, str) or value not in spec.choices:
                raise InputError(key, spec.code, value, **spec.params)
            values[key] = value
    goal_given = "goal_weekly_minutes" in values
    if not goal_given:
        values["goal_weekly_minutes"] = max(MIN_GOAL, values["pre_injury_weekly_minutes"])
    values.setdefault("start_date", today or dt.date.today())
    values.setdefault("units", "km")
    values.setdefault("condition", "unknown")
    return RampInputs(goal_given=goal_given, **values)


def input_schema() -> dict[str, Any]:
    """JSON Schema of the input object (``python -m kneecore.ramp --schema``)."""
    props: dict[str, Any] = {}
    for key, spec in FIELDS.items():
        prop: dict[str, Any] = {"description": spec.description}
        if spec.kind in ("number", "int"):
            prop.update(
                type="number" if spec.kind == "number" else "integer", minimum=spec.lo, maximum=spec.hi
            )
        elif spec.kind == "date":
            prop.update(type="string", format="date", pattern=_DATE.pattern)
        else:
            prop.update(type="string", enum=list(spec.choices))
        props[key] = prop
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Return-to-running ramp inputs",
        "type": "object",
        "properties": props,
        "required": [k for k, s in FIELDS.items() if s.required],
        "additionalProperties": False,
    }
