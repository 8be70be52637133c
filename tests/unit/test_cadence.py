"""Cadence maths by rule: step rate from counts, targets, step length, pace units, input errors."""

from __future__ import annotations

import pytest

from kneecore.cadence import (
    METRES_PER_MILE,
    CadenceInput,
    convert_pace,
    format_pace,
    pace_to_speed,
    plan_cadence,
    step_rate,
)
from kneecore.errors import InputError


@pytest.mark.parametrize(
    ("steps", "seconds", "expected"),
    [(40, 15, 160.0), (80, 30, 160.0), (160, 60, 160.0), (43, 15, 172.0), (171, 60, 171.0)],
)
def test_step_rate_from_counts(steps, seconds, expected) -> None:
    """Steps over 15, 30 or 60 seconds scale to steps per minute."""
    assert step_rate(steps, seconds) == pytest.approx(expected)


def test_targets_and_step_length_for_a_known_case() -> None:
    """At 6:00 per km (1000 m in 360 s) and 160 steps/min, each step is 1000/(6 x 160) m; +10% -> 176."""
    result = plan_cadence(CadenceInput(steps=80, seconds=30, pace_minutes=6.0, unit="km"))
    assert result.step_rate == pytest.approx(160.0)
    assert result.speed_m_s == pytest.approx(1000 / 360)
    assert result.step_length_m == pytest.approx(1000 / (6 * 160))
    assert [t.percent for t in result.targets] == [5.0, 7.5, 10.0]
    assert [t.step_rate for t in result.targets] == pytest.approx([168.0, 172.0, 176.0])
    ten = result.targets[-1]
    assert ten.step_length_m == pytest.approx(1000 / (6 * 176))
    assert ten.step_length_change_percent == pytest.approx((1 / 1.1 - 1) * 100)
    assert ten.step_length_change_cm == pytest.approx((1000 / (6 * 176) - 1000 / (6 * 160)) * 100)


def test_mile_pace_matches_km_pace() -> None:
    """The same speed entered per mile or per km gives the same step length."""
    per_mile = convert_pace(6.0, "km", "mi")
    km = plan_cadence(CadenceInput(80, 30, 6.0, "km"))
    mi = plan_cadence(CadenceInput(80, 30, per_mile, "mi"))
    assert mi.step_length_m == pytest.approx(km.step_length_m)
    assert km.pace_min_per_mi == pytest.approx(6.0 * METRES_PER_MILE / 1000)
    assert pace_to_speed(10.0, "mi") == pytest.approx(METRES_PER_MILE / 600)


@pytest.mark.parametrize(("pace", "text"), [(6.5, "6:30"), (5.0, "5:00"), (4.999, "5:00"), (9.6561, "9:39")])
def test_format_pace(pace, text) -> None:
    """Decimal minutes print as m:ss with rounded seconds."""
    assert format_pace(pace) == text


@pytest.mark.parametrize(
    ("data", "key", "fragment"),
    [
        (CadenceInput(80, 20, 6.0), "cadence.seconds", "15, 30 or 60 seconds"),
        (CadenceInput(20, 30, 6.0), "cadence.steps", "60-115 steps in 30 seconds"),
        (CadenceInput(300, 60, 6.0), "cadence.steps", "120-230 steps in 60 seconds"),
        (CadenceInput(float("nan"), 30, 6.0), "cadence.steps", "a number"),
        (CadenceInput(80, 30, 1.0), "cadence.pace", "from 2:30 to 15:00 minutes per km"),
        (CadenceInput(80, 30, 30.0, "mi"), "cadence.pace", "minutes per mi"),
        (CadenceInput(80, 30, 0.0), "cadence.pace", "an easy pace"),
        (CadenceInput(80, 30, 6.0, "yd"), "cadence.unit", "km or mi"),  # type: ignore[arg-type]
    ],
    ids=["window", "too-few", "too-many", "nan", "too-fast", "too-slow-mi", "zero-pace", "unit"],
)
def test_bad_input_names_the_key(data, key, fragment) -> None:
    """Out-of-range or malformed input raises InputError naming the key and the range."""
    with pytest.raises(InputError) as caught:
        plan_cadence(data)
    assert caught.value.key == key
    assert fragment in caught.value.message
