"""Share-link codec: round trip, the date it carries, its age, and a clear error for anything damaged."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kneecore import InputError, sharing
from kneecore.sharing import decode, describe_age, encode, format_made, link_age, made_on, parse_made

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@given(st.dictionaries(st.text(max_size=10), json_values, max_size=8))
def test_round_trip(data) -> None:
    """Whatever is encoded decodes to the same mapping."""
    assert decode(encode(data)) == data


@given(st.text(max_size=200))
def test_any_text_decodes_or_names_the_parameter(value: str) -> None:
    """Random text never raises anything but InputError naming the parameter."""
    with contextlib.suppress(InputError):
        assert isinstance(decode(value, "plan"), dict)
    with pytest.raises(InputError) as caught:
        decode("!" + value, "plan")
    assert caught.value.key == "plan"


@pytest.mark.parametrize("value", ["", "2abc", "1$$$", "1" + "A" * 5000, encode({"a": 1})[:-3]])
def test_damaged_links_are_refused(value: str) -> None:
    """Empty, wrong version, bad alphabet, too long or cut short: all refused."""
    with pytest.raises(InputError, match="share link"):
        decode(value)


def test_a_list_is_not_a_link() -> None:
    """A valid packing of something that is not an object is refused."""
    import base64
    import zlib

    packed = "1" + base64.urlsafe_b64encode(zlib.compress(b"[1,2]")).decode().rstrip("=")
    with pytest.raises(InputError):
        decode(packed)


TODAY = dt.date(2026, 11, 26)
LIMIT = 14


@pytest.fixture
def fixed_today() -> Iterator[dt.date]:
    """Fix :func:`kneecore.sharing.today` for one test."""
    sharing.set_clock(lambda: TODAY)
    yield TODAY
    sharing.set_clock(None)


def undated(value: str) -> str:
    """The same link as a version 1 link (no date), as older versions of the app made them."""
    assert value[0] == "2"
    return "1" + value[9:]


def test_a_link_carries_the_day_it_was_made() -> None:
    """The date sits after the version as eight readable digits and reads back."""
    value = encode({"a": 1}, dt.date(2026, 11, 3))
    assert value.startswith("220261103")
    assert made_on(value) == dt.date(2026, 11, 3)
    assert decode(value) == {"a": 1}


def test_a_link_is_dated_today_by_default(fixed_today: dt.date) -> None:
    """Without a date, encode asks the one injectable clock."""
    assert made_on(encode({"a": 1})) == fixed_today
    assert sharing.today() == fixed_today


def test_the_clock_can_be_restored(fixed_today: dt.date) -> None:
    """set_clock(None) brings back the system date."""
    sharing.set_clock(None)
    assert sharing.today() == dt.date.today()


def test_an_old_undated_link_still_opens() -> None:
    """A version 1 link (no date) decodes to the same data; its date is unknown."""
    value = undated(encode({"a": [1, 2]}, dt.date(2026, 11, 3)))
    assert decode(value, "a") == {"a": [1, 2]}
    assert made_on(value, "a") is None


@pytest.mark.parametrize(
    "field",
    [
        "20261332",
        "20260230",
        "20260000",
        "99991231",
        "21000101",
        "19991231",
        "20251231",
        "2026113",
        "2026-1-1",
        "abcdefgh",
    ],
    ids=[
        "month-13",
        "feb-30",
        "zeros",
        "year-9999",
        "year-2100",
        "year-1999",
        "before-the-app",
        "short",
        "dashes",
        "letters",
    ],
)
def test_a_hand_edited_date_is_refused(field: str) -> None:
    """A date that is not a real day of the app's lifetime is refused, naming the parameter."""
    value = "2" + field + encode({"a": 1}, dt.date(2026, 11, 3))[9:]
    with pytest.raises(InputError) as caught:
        decode(value, "plan")
    assert caught.value.key == "plan"
    assert "date" in caught.value.message
    with pytest.raises(InputError):
        made_on(value, "plan")


@pytest.mark.parametrize(
    "made", [sharing.EARLIEST - dt.timedelta(days=1), sharing.LATEST + dt.timedelta(days=1)]
)
def test_a_link_cannot_be_made_outside_the_range(made: dt.date) -> None:
    """Making a link dated outside the accepted range is a programming error."""
    with pytest.raises(ValueError, match="cannot be dated"):
        encode({}, made)


def test_parse_made_names_the_parameter() -> None:
    """The date field of a readable link (the ramp's ``m``) is checked the same way."""
    assert parse_made(format_made(TODAY), "m") == TODAY
    with pytest.raises(InputError) as caught:
        parse_made("20261131", "m")
    assert caught.value.key == "m"
    assert caught.value.got == "20261131"


@pytest.mark.parametrize(
    ("made", "days", "status", "recheck"),
    [
        (TODAY, 0, "fresh", False),
        (TODAY - dt.timedelta(days=LIMIT - 1), LIMIT - 1, "fresh", False),
        (TODAY - dt.timedelta(days=LIMIT), LIMIT, "fresh", False),
        (TODAY - dt.timedelta(days=LIMIT + 1), LIMIT + 1, "stale", True),
        (TODAY + dt.timedelta(days=1), -1, "future", True),
        (None, None, "undated", True),
    ],
    ids=["today", "limit-1", "limit", "limit+1", "future", "undated"],
)
def test_link_age(made: dt.date | None, days: int | None, status: str, recheck: bool) -> None:
    """A link exactly at the limit is fresh; older, future-dated or undated links ask for a re-check."""
    age = link_age(made, TODAY, LIMIT)
    assert (age.made, age.days, age.status, age.recheck) == (made, days, status, recheck)


@pytest.mark.parametrize(
    ("made", "parts", "absent"),
    [
        (TODAY, ["made on 2026-11-26", "(today)"], ["pain changes"]),
        (TODAY - dt.timedelta(days=1), ["2026-11-25", "(1 day ago)"], ["pain changes"]),
        (
            TODAY - dt.timedelta(days=LIMIT + 1),
            ["made on 2026-11-11", "(15 days ago)", "given on that day", "pain changes", "still fits you"],
            [],
        ),
        (
            TODAY + dt.timedelta(days=3),
            ["dated 2026-11-29", "after today", "pain changes"],
            ["given on that day"],
        ),
        (None, ["does not say when it was made", "pain changes"], ["given on that day"]),
    ],
    ids=["today", "yesterday", "stale", "future", "undated"],
)
def test_describe_age_says_when_and_what_to_do(content, made, parts, absent) -> None:
    """The note names the date and age; only a link that is not fresh asks for a re-check."""
    note = describe_age(link_age(made, TODAY, LIMIT), content.site.sharing)
    for part in parts:
        assert part in note
    for part in absent:
        assert part not in note


def test_describe_age_without_advice_gives_the_date_only(content) -> None:
    """advice=False (the routine note) keeps just when the link was made."""
    age = link_age(TODAY - dt.timedelta(days=40), TODAY, LIMIT)
    note = describe_age(age, content.site.sharing, advice=False)
    assert "2026-10-17" in note
    assert "pain changes" not in note
