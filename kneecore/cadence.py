"""Step-rate (cadence) maths: current rate, +5 / +7.5 / +10 % targets, step length.

At a fixed easy pace, speed = step length x step rate. Raising the step rate by p %
shortens each step by the factor 1 / (1 + p/100): the runner covers the same ground in
more, shorter steps, which lowers the load on the knee per step (Heiderscheit 2011,
Lenhart 2014). The texts that say so live in ``content/form.yaml``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from kneecore.errors import InputError

__all__ = [
    "COUNT_WINDOWS",
    "DEFAULT_TARGETS",
    "MAX_PACE_MIN_PER_KM",
    "MAX_STEP_RATE",
    "METRES_PER_MILE",
    "MIN_PACE_MIN_PER_KM",
    "MIN_STEP_RATE",
    "CadenceInput",
    "CadenceResult",
    "CadenceTarget",
    "DistanceUnit",
    "convert_pace",
    "format_pace",
    "pace_to_speed",
    "plan_cadence",
    "speed_to_pace",
    "step_rate",
]

DistanceUnit = Literal["km", "mi"]
METRES_PER_MILE = 1609.344
_METRES = {"km": 1000.0, "mi": METRES_PER_MILE}

COUNT_WINDOWS: tuple[int, ...] = (15, 30, 60)
"""Seconds over which steps may be counted; 60 also stands for "steps per minute"."""

MIN_STEP_RATE = 120.0
MAX_STEP_RATE = 230.0
"""A running step rate outside 120-230 steps per minute is almost surely a miscount."""

MIN_PACE_MIN_PER_KM = 2.5
MAX_PACE_MIN_PER_KM = 15.0
"""Easy paces accepted, in minutes per km (about 4:01-24:08 per mile)."""

DEFAULT_TARGETS: tuple[float, ...] = (5.0, 7.5, 10.0)


@dataclass(frozen=True)
class CadenceInput:
    """What the runner measured.

    ``steps`` is the number of steps (both feet) counted over ``seconds`` (15, 30 or 60;
    60 with the step rate itself when it was read from a watch). ``pace_minutes`` is the
    easy pace in minutes per ``unit`` as a decimal (6.5 = 6:30).
    """

    steps: float
    seconds: int
    pace_minutes: float
    unit: DistanceUnit = "km"


@dataclass(frozen=True)
class CadenceTarget:
    """One higher step rate at the same pace, and what it does to step length."""

    percent: float
    step_rate: float
    step_length_m: float
    step_length_change_cm: float
    step_length_change_percent: float


@dataclass(frozen=True)
class CadenceResult:
    """Current step rate, speed and step length, and the targets above it."""

    step_rate: float
    speed_m_s: float
    step_length_m: float
    pace_min_per_km: float
    pace_min_per_mi: float
    targets: tuple[CadenceTarget, ...]


def _finite(key: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise InputError(key, "number", value)
    return float(value)


def pace_to_speed(pace_minutes: float, unit: DistanceUnit) -> float:
    """Speed in metres per second from a pace in minutes per ``unit``.

    Parameters
    ----------
    pace_minutes:
        Minutes per km or per mile (positive).
    unit:
        "km" or "mi".

    Returns
    -------
    float
        Metres per second.
    """
    return _METRES[unit] / (pace_minutes * 60.0)


def speed_to_pace(speed_m_s: float, unit: DistanceUnit) -> float:
    """Pace in minutes per ``unit`` from a speed in metres per second (the inverse)."""
    return _METRES[unit] / (speed_m_s * 60.0)


def convert_pace(pace_minutes: float, source: DistanceUnit, target: DistanceUnit) -> float:
    """A pace in minutes per ``source`` unit, expressed per ``target`` unit."""
    return pace_minutes * _METRES[target] / _METRES[source]


def format_pace(pace_minutes: float) -> str:
    """``6.5`` -> ``"6:30"`` (minutes and rounded seconds)."""
    total = round(pace_minutes * 60)
    return f"{total // 60}:{total % 60:02d}"


def step_rate(steps: float, seconds: int) -> float:
    """Steps per minute from a count over 15, 30 or 60 seconds.

    Parameters
    ----------
    steps:
        Steps counted (both feet).
    seconds:
        The counting window, one of :data:`COUNT_WINDOWS`.

    Returns
    -------
    float
        Steps per minute.

    Raises
    ------
    InputError
        The window is not 15, 30 or 60 s, or the count gives an unlikely running step rate.
    """
    if isinstance(seconds, bool) or seconds not in COUNT_WINDOWS:
        raise InputError("cadence.seconds", "count_window", seconds)
    count = _finite("cadence.steps", steps)
    rate = count * 60.0 / seconds
    if not MIN_STEP_RATE <= rate <= MAX_STEP_RATE:
        lo = math.ceil(MIN_STEP_RATE * seconds / 60)
        hi = math.floor(MAX_STEP_RATE * seconds / 60)
        raise InputError(
            "cadence.steps",
            "step_count",
            steps,
            lo=lo,
            hi=hi,
            seconds=seconds,
            min_rate=f"{MIN_STEP_RATE:.0f}",
            max_rate=f"{MAX_STEP_RATE:.0f}",
        )
    return rate


def plan_cadence(data: CadenceInput, percents: tuple[float, ...] = DEFAULT_TARGETS) -> CadenceResult:
    """The current step rate and the targets above it, at the same easy pace.

    Parameters
    ----------
    data:
        Steps, counting window, easy pace and its unit.
    percents:
        Increases to offer (default +5, +7.5 and +10 %).

    Returns
    -------
    CadenceResult
        Step rate, speed, step length and one :class:`CadenceTarget` per percent.

    Raises
    ------
    InputError
        Naming ``cadence.steps``, ``cadence.seconds``, ``cadence.pace`` or ``cadence.unit``.
    """
    if data.unit not in _METRES:
        raise InputError("cadence.unit", "distance_unit", data.unit)
    rate = step_rate(data.steps, data.seconds)
    pace = _finite("cadence.pace", data.pace_minutes)
    per_km = convert_pace(pace, data.unit, "km") if pace > 0 else 0.0
    if not MIN_PACE_MIN_PER_KM - 1e-9 <= per_km <= MAX_PACE_MIN_PER_KM + 1e-9:  # slack for unit rounding
        lo = convert_pace(MIN_PACE_MIN_PER_KM, "km", data.unit)
        hi = convert_pace(MAX_PACE_MIN_PER_KM, "km", data.unit)
        raise InputError(
            "cadence.pace",
            "easy_pace",
            format_pace(pace) if pace > 0 else pace,
            lo=format_pace(lo),
            hi=format_pace(hi),
            unit=data.unit,
        )
    speed = pace_to_speed(pace, data.unit)
    length = speed * 60.0 / rate
    targets = []
    for percent in percents:
        new_rate = rate * (1 + percent / 100)
        new_length = speed * 60.0 / new_rate
        targets.append(
            CadenceTarget(
                percent=percent,
                step_rate=new_rate,
                step_length_m=new_length,
                step_length_change_cm=(new_length - length) * 100,
                step_length_change_percent=(new_length / length - 1) * 100,
            )
        )
    return CadenceResult(
        step_rate=rate,
        speed_m_s=speed,
        step_length_m=length,
        pace_min_per_km=per_km,
        pace_min_per_mi=convert_pace(per_km, "km", "mi"),
        targets=tuple(targets),
    )
