"""The ramp command line on arbitrary JSON: exit 0 with a plan or 2 with one line, never a traceback."""

from __future__ import annotations

import contextlib
import io
import json
import sys
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from kneecore.ramp.__main__ import main
from kneecore.ramp.inputs import FIELDS

json_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(["2026-12-01", "2026-02-30", "km", "mi", "pfps", "unknown", "1e3"]),
)
json_values = st.recursive(
    json_leaf,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
)
near_valid = st.fixed_dictionaries(
    {},
    optional={key: st.one_of(json_leaf, st.integers(-5, 1300), st.floats(-5, 1300)) for key in FIELDS},
)


def run_cli(raw: bytes) -> tuple[int, str, str]:
    """Run ``python -m kneecore.ramp -`` in-process with ``raw`` on stdin."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(raw))
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["-"])
    finally:
        sys.stdin = saved
    return code, out.getvalue(), err.getvalue()


def assert_clean(code: int, out: str, err: str) -> None:
    """Exit 0 with one JSON plan, or exit 2 with exactly one line on stderr."""
    assert code in (0, 2)
    if code == 0:
        assert set(json.loads(out)) >= {"phase", "start_stage", "weeks", "gates", "warnings"}
        assert err == ""
    else:
        assert out == ""
        assert err.endswith("\n")
        assert err.count("\n") == 1
        assert "Traceback" not in err


@given(json_values)
def test_any_json_value(value: Any) -> None:
    """Any JSON document gives exit 0 or exit 2 with one line."""
    assert_clean(*run_cli(json.dumps(value).encode()))


@given(near_valid)
def test_near_valid_objects(value: dict[str, Any]) -> None:
    """Objects with the contract's keys and random values give 0 or a one-line error naming a key."""
    code, out, err = run_cli(json.dumps(value).encode())
    assert_clean(code, out, err)
    if code == 2:
        assert err.split(":")[0] in FIELDS


@given(st.binary(max_size=60))
def test_any_bytes(raw: bytes) -> None:
    """Arbitrary bytes (malformed JSON, bad UTF-8) give exit 2 with one line, or a plan."""
    assert_clean(*run_cli(raw))
