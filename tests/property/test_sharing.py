"""The share-link date: any real day of the app's lifetime round-trips, anything else is refused."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kneecore import InputError
from kneecore.sharing import EARLIEST, LATEST, decode, encode, format_made, link_age, made_on, parse_made

data = st.dictionaries(st.text(max_size=8), st.integers() | st.text(max_size=10), max_size=5)


@given(st.dates(EARLIEST, LATEST), data)
def test_any_date_round_trips(made: dt.date, shared: dict[str, object]) -> None:
    """Any day a link may carry reads back exactly, and so does the data beside it."""
    value = encode(shared, made)
    assert made_on(value) == made
    assert decode(value) == shared
    assert parse_made(format_made(made), "m") == made


@given(st.dates().filter(lambda d: not EARLIEST <= d <= LATEST))
def test_any_date_outside_the_range_is_refused(made: dt.date) -> None:
    """A day before the app or absurdly far ahead is never written, and is refused when read."""
    with pytest.raises(ValueError, match="cannot be dated"):
        format_made(made)
    with pytest.raises(InputError) as caught:
        parse_made(f"{made.year:04d}{made.month:02d}{made.day:02d}", "m")
    assert caught.value.key == "m"


@given(st.text(max_size=12))
def test_any_date_text_is_a_day_or_names_the_parameter(text: str) -> None:
    """Any hand-edited date field is read as the same day it spells, or refused naming the parameter."""
    made: dt.date | None = None
    key = "m"
    try:
        made = parse_made(text, "m")
    except InputError as exc:
        key = exc.key
    assert key == "m"
    if made is not None:
        assert re.fullmatch(r"[0-9]{8}", text)
        assert format_made(made) == text


@given(st.dates(EARLIEST, LATEST), st.dates(EARLIEST, LATEST), st.integers(1, 365))
def test_age_status_follows_the_days(made: dt.date, today: dt.date, limit: int) -> None:
    """Fresh means 0 to limit days old; older is stale and later than today is future."""
    age = link_age(made, today, limit)
    assert age.days == (today - made).days
    expected = "future" if made > today else "stale" if age.days > limit else "fresh"
    assert age.status == expected
    assert age.recheck == (expected != "fresh")
