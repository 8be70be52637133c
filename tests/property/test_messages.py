"""Every message code renders with any parameter values, without raising, showing each value."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kneecore.errors import InputError
from kneecore.messages import CODES, Message, render

values = st.one_of(
    st.text(max_size=30),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.none(),
    st.booleans(),
    st.builds(Message, st.sampled_from(sorted(CODES)), st.just({})),
)


@st.composite
def raised(draw: st.DrawFn) -> tuple[str, dict[str, object]]:
    """A registered code and a value for each of its parameters."""
    code = draw(st.sampled_from(sorted(CODES)))
    return code, {name: draw(values) for name in CODES[code]}


@given(raised())
def test_every_code_renders_with_any_values(case: tuple[str, dict[str, object]]) -> None:
    """The shipped template fills in every parameter, whatever its value, and never raises."""
    code, params = case
    text = render(code, params)
    for value in params.values():
        assert str(value) in text


@given(raised(), st.text(max_size=20), st.one_of(st.none(), st.text(max_size=20), st.integers()))
def test_every_error_message_names_its_key(
    case: tuple[str, dict[str, object]], key: str, got: object
) -> None:
    """An InputError with any code, key and value gives a message holding the key and the expectation."""
    code, params = case
    exc = InputError(key, code, got, **params)
    assert exc.key in exc.message
    assert exc.expected in exc.message
    assert str(exc) == exc.message
