"""Every command line in kneecore, fuzzed: a clear one-line message and a known exit code, never a traceback.

The JSON tools (``python -m kneecore.<tool>``, every ``kneecore/*/__main__.py``: the checker
and the ramp today) get random JSON, near-valid answers built from their own ``--schema``
and hostile bytes: exit 0 with one JSON object on stdout, or exit 2 with exactly one line
on stderr. ``python -m kneecore`` (validate, schema) gets random arguments: exit 0, 1
(content problems, one line each) or 2 (usage), never a traceback. Hypothesis runs them in
process (fast); a hostile corpus also runs each tool as a real ``python -m`` subprocess.
"""

from __future__ import annotations

import contextlib
import io
import json
import runpy
import subprocess
import sys
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
JSON_TOOLS = sorted(f"kneecore.{p.parent.name}" for p in (ROOT / "kneecore").glob("*/__main__.py"))


def run_cli(module: str, args: list[str], stdin: bytes = b"") -> tuple[int, str, str]:
    """Run ``python -m module args`` in this process; (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    fake_in = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    code: Any = 0
    with (
        mock.patch.object(sys, "argv", [module, *args]),
        mock.patch.object(sys, "stdin", fake_in),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            runpy.run_module(module, run_name="__main__", alter_sys=True)
        except SystemExit as exc:
            code = exc.code
    if code is None:
        code = 0
    return (code if isinstance(code, int) else 1), out.getvalue(), err.getvalue()


def assert_json_tool_answer(code: int, out: str, err: str) -> None:
    """Exit 0 with a JSON object and a quiet stderr, or exit 2 with one line on stderr."""
    assert "Traceback" not in out + err
    assert code in (0, 2), (code, err[:300])
    if code == 0:
        assert isinstance(json.loads(out), dict)
        assert err == ""
    else:
        assert out == ""
        assert err.strip(), "exit 2 must say what was wrong"
        assert "\n" not in err.strip(), f"more than one line: {err[:300]!r}"


def schema_keys(module: str) -> dict[str, Any]:
    """The properties of the tool's own ``--schema``."""
    code, out, _ = run_cli(module, ["--schema"])
    assert code == 0
    props: dict[str, Any] = json.loads(out).get("properties", {})
    return props


leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.sampled_from(
        ["pfps", "unknown", "2026-02-30", "2026-12-01", "km", "<script>", "../etc/passwd", "1e3"]
    ),
)
json_values = st.recursive(
    leaf, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
)
HOSTILE_BYTES = (
    b"",
    b"   \n",
    b"not json",
    b"\xff\xfe\x00garbage",
    b"[" * 50_000 + b"]" * 50_000,
    b'{"a": ' * 5_000 + b"1" + b"}" * 5_000,
    b"NaN",
    b'{"age": 1e999}',
    b'{"age": -Infinity}',
    b'{"a": 1, "a": 2}',
    b'{"__proto__": {"polluted": true}}',
    b'"' + b"x" * 1_000_000 + b'"',
    b"[]",
    b"null",
    b"42",
)


@pytest.mark.parametrize("module", JSON_TOOLS)
@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_json_tools_take_any_json(module: str, data: st.DataObject) -> None:
    """Random JSON and near-valid answers from the tool's own schema: exit 0 or 2, never a traceback."""
    keys = list(schema_keys(module)) or ["x"]
    near_valid = st.dictionaries(st.sampled_from(keys), json_values, max_size=len(keys))
    payload = data.draw(st.one_of(json_values, near_valid))
    text = data.draw(st.sampled_from([json.dumps(payload), json.dumps(payload, ensure_ascii=False)]))
    assert_json_tool_answer(*run_cli(module, ["-"], text.encode("utf-8")))


@pytest.mark.parametrize("module", JSON_TOOLS)
@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(
    args=st.lists(
        st.one_of(
            st.text(max_size=30),
            st.sampled_from(["-", "--schema", "--help", "-h", "/", "/dev/null", "/nonexistent.json", "--x"]),
        ),
        max_size=3,
    )
)
def test_json_tools_take_any_arguments(module: str, args: list[str]) -> None:
    """Random argument lists (files that are folders, missing, odd flags): exit 0 or 2 with one line."""
    args = [a.replace("\x00", "") for a in args]
    code, out, err = run_cli(module, args, b"{}")
    if code == 0 and not out.lstrip().startswith("{"):
        assert "usage" in out.lower()  # --help
        return
    assert_json_tool_answer(code, out, err)


@pytest.mark.parametrize("module", JSON_TOOLS)
@pytest.mark.parametrize("payload", HOSTILE_BYTES, ids=lambda b: repr(b[:10]))
def test_json_tools_refuse_hostile_bytes_in_process(module: str, payload: bytes) -> None:
    """Malformed, binary, deeply nested, huge or non-finite input: exit 0 or 2, one line."""
    assert_json_tool_answer(*run_cli(module, ["-"], payload))


@pytest.mark.parametrize("module", JSON_TOOLS)
@pytest.mark.parametrize("payload", [b"not json", b"\xff\xfe", b"[" * 50_000, b'{"a": 1, "a": 2}', b"{}"])
def test_json_tools_as_real_commands(module: str, payload: bytes) -> None:
    """The real ``python -m`` command: exit 0 or 2, one stderr line, no traceback."""
    proc = subprocess.run(
        [sys.executable, "-m", module, "-"], cwd=ROOT, input=payload, capture_output=True, timeout=120
    )
    assert_json_tool_answer(proc.returncode, proc.stdout.decode(), proc.stderr.decode())


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(
    args=st.lists(
        st.one_of(
            st.text(max_size=20), st.sampled_from(["validate", "schema", "--help", "/", "/dev/null", "-x"])
        ),
        max_size=3,
    )
)
def test_content_cli_takes_any_arguments(args: list[str]) -> None:
    """``python -m kneecore`` with random arguments: exit 0, 1 or 2 and never a traceback."""
    args = [a.replace("\x00", "") for a in args]
    code, out, err = run_cli("kneecore", args)
    assert "Traceback" not in out + err
    assert code in (0, 1, 2)
    if code:
        assert err.strip()


@pytest.mark.parametrize(
    ("setup", "expect"),
    [
        (lambda p: p / "missing", "content folder is missing"),
        (lambda p: (p / "file.yaml").write_text("a: 1") and p / "file.yaml", "content folder is missing"),
        (lambda p: p, "site.yaml"),
    ],
    ids=["missing", "a-file", "empty-folder"],
)
def test_validate_names_what_is_wrong(tmp_path: Path, setup: Any, expect: str) -> None:
    """``validate`` on a missing folder, a file or an empty folder exits 1 naming the problem."""
    code, _, err = run_cli("kneecore", ["validate", str(setup(tmp_path))])
    assert code == 1
    assert expect in err
    assert "Traceback" not in err


def test_the_tools_are_found() -> None:
    """The checker and ramp command lines are among the fuzzed tools."""
    assert {"kneecore.checker", "kneecore.ramp"} <= set(JSON_TOOLS)
