"""The checker compares answer kinds by id; the words for an expected answer come from the catalogue."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kneecore.checker import ANSWER_KEYS, Answers, assess, load_checker
from kneecore.checker.answers import answer_bounds, answer_kind, expected
from kneecore.content import load_content

ROOT = Path(__file__).resolve().parents[2]
REWORDED = [
    ('true_or_false: "true or false"', 'true_or_false: "wahr oder falsch"'),
    ('one_of: "one of {choices}"', 'one_of: "eines von {choices}"'),
    ('any_of: "a list of any of {choices}"', 'any_of: "eine Liste aus {choices}"'),
    (
        'whole_number_range: "a whole number from {lo} to {hi}"',
        'whole_number_range: "ganz von {lo} bis {hi}"',
    ),
    ('number_range: "a number from {lo} to {hi}"', 'number_range: "Zahl von {lo} bis {hi}"'),
]


@pytest.fixture
def reworded(edit_yaml, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A content copy whose answer-type words are German, in use for this test."""
    folder = None
    for old, new in REWORDED:
        folder = edit_yaml("messages.yaml", old, new)
    assert folder is not None
    monkeypatch.setenv("KNEECORE_CONTENT_DIR", str(folder))
    return folder


@pytest.mark.parametrize(
    ("key", "kind", "bounds"),
    [
        ("fever", "flag", None),
        ("sex", "choice", None),
        ("location", "multi", None),
        ("age", "whole", (5, 100)),
        ("pain_level", "whole", (0, 10)),
        ("days_since_injury", "number", (0, 3650)),
        ("duration_weeks", "number", (0, 520)),
    ],
)
def test_kind_and_bounds_by_key(key: str, kind: str, bounds: tuple[float, float] | None) -> None:
    """Each key's kind is an id and number keys carry the contract's limits."""
    assert answer_kind(key) == kind
    assert answer_bounds(key) == bounds


@pytest.mark.parametrize("key", ANSWER_KEYS)
def test_kind_matches_the_field_type(key: str) -> None:
    """Every key's kind agrees with the JSON Schema type of its field."""
    schema = Answers.model_json_schema()["properties"][key]["anyOf"][0]
    types = {"flag": "boolean", "multi": "array", "whole": "integer", "number": "number", "choice": "string"}
    assert schema["type"] == types[answer_kind(key)]


def test_no_english_expectation_in_the_answer_types() -> None:
    """The answer module holds no words for an expected answer type (they live in messages.yaml)."""
    tree = ast.parse((ROOT / "kneecore/checker/answers.py").read_text(encoding="utf-8"))
    texts = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    for words in ("true or false", "one of ", "a list of any of "):
        assert not any(t.startswith(words) for t in texts), words


def test_expected_words_follow_the_catalogue(reworded: Path) -> None:
    """expected() shows the catalogue's reworded words for each kind of key."""
    assert expected("fever") == "wahr oder falsch"
    assert expected("sex") == "eines von female, male, other"
    assert expected("age") == "ganz von 5 bis 100"
    assert expected("duration_weeks") == "Zahl von 0 bis 520"
    assert expected("location").startswith("eine Liste aus front_kneecap, ")


def test_reworded_catalogue_keeps_the_checker_content_valid(reworded: Path) -> None:
    """Rewording the answer-type words changes no content check: the checker loads and assesses."""
    checker = load_content(reworded).checker
    answers = {"fever": True, "swollen_now": True, "age": 40, "location": ["outside"]}
    assert assess(checker, answers).model_dump() == assess(load_checker(), answers).model_dump()


def test_content_error_names_the_kind_in_the_catalogue_words(reworded: Path) -> None:
    """A when-test that does not fit its answer names the answer's type in the catalogue's words."""
    path = reworded / "checker" / "red_flags.yaml"
    text = path.read_text(encoding="utf-8")
    old = "    when: {answer: deformity, equals: true}"
    assert old in text
    path.write_text(text.replace(old, "    when: {answer: deformity, equals: 1}", 1), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "kneecore", "validate", str(reworded)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "KNEECORE_CONTENT_DIR": str(reworded)},
    )
    assert "test 'equals' does not fit answer 'deformity' (wahr oder falsch)" in out.stdout + out.stderr


def test_cli_error_line_names_the_key_in_the_reworded_words(reworded: Path) -> None:
    """The checker CLI's one error line names the key and the catalogue's words for its type."""
    out = subprocess.run(
        [sys.executable, "-m", "kneecore.checker", "-"],
        cwd=ROOT,
        input=json.dumps({"fever": 1}),
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "KNEECORE_CONTENT_DIR": str(reworded)},
    )
    assert (out.returncode, out.stdout, out.stderr) == (
        2,
        "",
        "error: fever: expected wahr oder falsch, got 1\n",
    )
