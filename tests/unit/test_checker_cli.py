"""``python -m kneecore.checker`` keeps the contract: JSON out and exit 0, one-line errors and exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kneecore.checker.__main__ import main

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: str | bytes = b"") -> subprocess.CompletedProcess[bytes]:
    data = stdin.encode() if isinstance(stdin, str) else stdin
    return subprocess.run(
        [sys.executable, "-m", "kneecore.checker", *args],
        cwd=ROOT,
        input=data,
        capture_output=True,
        check=False,
    )


def test_file_argument_prints_contract_json(tmp_path: Path) -> None:
    """A JSON file gives one JSON object with the contract's keys and types, exit 0."""
    path = tmp_path / "answers.json"
    path.write_text(
        json.dumps(
            {
                "age": 24,
                "sex": "female",
                "location": ["front_kneecap"],
                "triggers": ["stairs_down", "squatting"],
                "onset": "gradual",
            }
        )
    )
    out = run(str(path))
    assert out.returncode == 0
    assert out.stderr == b""
    result = json.loads(out.stdout)
    assert result["triage"] in ("emergency", "urgent", "consult", "self_care")
    assert isinstance(result["red_flags"], list)
    assert 1 <= len(result["conditions"]) <= 5
    first = result["conditions"][0]
    assert set(first) >= {"id", "name", "score", "reasons"}
    assert first["id"] == "pfps"
    assert all(isinstance(r, str) for r in first["reasons"])


def test_stdin_dash_and_red_flag_shape() -> None:
    """``-`` reads stdin; each red flag has id, message and triage."""
    out = run("-", stdin='{"deformity": true}')
    assert out.returncode == 0
    result = json.loads(out.stdout)
    assert result["triage"] == "emergency"
    assert {"id", "message", "triage"} <= set(result["red_flags"][0])


def test_empty_object_is_consult_or_self_care() -> None:
    """Answering nothing yields consult or self_care and an empty or weak list."""
    result = json.loads(run("-", stdin="{}").stdout)
    assert result["triage"] in ("consult", "self_care")
    assert all(c["score"] < 0.5 for c in result["conditions"])


def test_schema_flag_prints_json_schema() -> None:
    """--schema prints the answers' JSON Schema."""
    out = run("--schema")
    assert out.returncode == 0
    schema = json.loads(out.stdout)
    assert schema["type"] == "object"
    assert "age" in schema["properties"]


@pytest.mark.parametrize(
    ("stdin", "starts"),
    [
        ('{"knee": 1}', "error: knee: expected a known answer key"),
        ('{"fever": 1}', "error: fever: expected true or false, got 1"),
        ('{"age": 30.5}', "error: age: expected a whole number from 5 to 100, got 30.5"),
        ('{"pain_level": 12}', "error: pain_level: expected a whole number from 0 to 10, got 12"),
        ("{not json", "error: expected valid JSON"),
        ("[]", "error: expected a JSON object of answers"),
        ("", "error: expected valid JSON"),
    ],
)
def test_bad_input_exits_2_with_one_line(stdin: str, starts: str) -> None:
    """Bad input prints exactly one line on stderr naming the key, nothing on stdout, exit 2."""
    out = run("-", stdin=stdin)
    assert out.returncode == 2
    assert out.stdout == b""
    lines = out.stderr.decode().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(starts)
    assert "Traceback" not in out.stderr.decode()


@pytest.mark.parametrize("args", [["missing.json"], [], ["a.json", "b.json"], ["--bogus"]])
def test_bad_arguments_exit_2(args: list[str]) -> None:
    """A missing file or wrong arguments give one line and exit 2."""
    out = run(*args)
    assert out.returncode == 2
    assert len(out.stderr.decode().splitlines()) == 1


def test_broken_content_exits_1_without_traceback(edit_yaml, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """Broken checker content gives one line naming the file and exit 1, not a traceback."""
    folder = edit_yaml("checker/settings.yaml", "min_score_shown: 0.02", "min_score_shown: 2")
    monkeypatch.setenv("KNEECORE_CONTENT_DIR", str(folder))
    monkeypatch.setattr(sys, "stdin", type("S", (), {"buffer": __import__("io").BytesIO(b"{}")})())
    assert main(["-"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "content/checker/settings.yaml: min_score_shown: must be 0-1, got 2" in err


def test_help() -> None:
    """--help prints the usage and exits 0."""
    out = run("--help")
    assert out.returncode == 0
    assert b"usage" in out.stdout
