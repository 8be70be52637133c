"""Share-link codec: round trip, and a clear error for anything damaged."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kneecore import InputError
from kneecore.sharing import decode, encode

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
