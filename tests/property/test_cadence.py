"""Hypothesis checks of the cadence maths: unit round trips, monotonic targets, length x rate = speed."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kneecore.cadence import (
    COUNT_WINDOWS,
    MAX_PACE_MIN_PER_KM,
    MAX_STEP_RATE,
    MIN_PACE_MIN_PER_KM,
    MIN_STEP_RATE,
    CadenceInput,
    convert_pace,
    pace_to_speed,
    plan_cadence,
    speed_to_pace,
)

PACE = st.floats(min_value=MIN_PACE_MIN_PER_KM, max_value=MAX_PACE_MIN_PER_KM)
UNIT = st.sampled_from(["km", "mi"])


@st.composite
def inputs(draw: st.DrawFn) -> CadenceInput:
    """A valid measurement: a count within the running range for its window, and an easy pace."""
    seconds = draw(st.sampled_from(COUNT_WINDOWS))
    lo, hi = math.ceil(MIN_STEP_RATE * seconds / 60), math.floor(MAX_STEP_RATE * seconds / 60)
    unit = draw(UNIT)
    pace = convert_pace(draw(PACE), "km", unit)
    return CadenceInput(steps=draw(st.integers(lo, hi)), seconds=seconds, pace_minutes=pace, unit=unit)


@given(PACE)
def test_km_mile_round_trip(pace) -> None:
    """A pace converted km -> mi -> km comes back unchanged, and per-mile is slower than per-km."""
    per_mile = convert_pace(pace, "km", "mi")
    assert convert_pace(per_mile, "mi", "km") == pytest.approx(pace)
    assert per_mile > pace


@given(PACE, UNIT)
def test_speed_pace_round_trip(pace, unit) -> None:
    """Pace -> speed -> pace is the identity in either unit."""
    assert speed_to_pace(pace_to_speed(pace, unit), unit) == pytest.approx(pace)


@given(inputs())
def test_targets_rise_and_steps_shorten(data) -> None:
    """Each higher target has a higher step rate and a shorter step than the one before."""
    result = plan_cadence(data)
    rates = [result.step_rate] + [t.step_rate for t in result.targets]
    lengths = [result.step_length_m] + [t.step_length_m for t in result.targets]
    assert all(a < b for a, b in itertools.pairwise(rates))
    assert all(a > b for a, b in itertools.pairwise(lengths))
    assert all(t.step_length_change_cm < 0 for t in result.targets)


@given(inputs())
def test_step_length_times_rate_is_speed(data) -> None:
    """Step length x steps per second equals running speed, now and at every target."""
    result = plan_cadence(data)
    assert result.step_length_m * result.step_rate / 60 == pytest.approx(result.speed_m_s)
    for target in result.targets:
        assert target.step_length_m * target.step_rate / 60 == pytest.approx(result.speed_m_s)
        assert target.step_rate == pytest.approx(result.step_rate * (1 + target.percent / 100))


@given(inputs())
def test_pace_unit_does_not_change_the_result(data) -> None:
    """The same measurement entered in the other unit gives the same rate and step length."""
    other = "mi" if data.unit == "km" else "km"
    twin = CadenceInput(data.steps, data.seconds, convert_pace(data.pace_minutes, data.unit, other), other)
    a, b = plan_cadence(data), plan_cadence(twin)
    assert a.step_rate == b.step_rate
    assert a.step_length_m == pytest.approx(b.step_length_m)
    assert a.pace_min_per_km == pytest.approx(b.pace_min_per_km)
