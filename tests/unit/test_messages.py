"""InputError renders its words from content/messages.yaml; no raise site bypasses the catalogue."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kneecore.content.exercises import Dosage
from kneecore.errors import InputError
from kneecore.exercises import decode_filters
from kneecore.messages import CODES, Message, render
from kneecore.ramp import parse_inputs
from kneecore.routines import Plan, PlanItem, change_dosage

ROOT = Path(__file__).resolve().parents[2]
KNEECORE = ROOT / "kneecore"
Edit = Callable[[str, str, str], Path]

RANGE = '"a whole number from {lo} to {hi}"'
RANGE_DE = '"eine ganze Zahl von {lo} bis {hi}"'
FULL = 'full: "{key}: expected {expected}, got {got}"'
FULL_DE = 'full: "{key}: erwartet {expected}, erhalten {got}"'


def _calls() -> Iterator[tuple[str, ast.Call]]:
    """Every ``InputError(...)`` call in kneecore, with its file."""
    for path in sorted(KNEECORE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "InputError":
                yield f"{path.relative_to(ROOT)}:{node.lineno}", node


def _constants() -> set[str]:
    """Every string constant in kneecore outside the registry itself."""
    found: set[str] = set()
    for path in KNEECORE.rglob("*.py"):
        if path.name == "messages.py" and path.parent == KNEECORE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def _notes() -> Iterator[tuple[str, ast.Call]]:
    """Every ``note(...)`` and ``render(...)`` call in kneecore outside the rendering machinery."""
    for path in sorted(KNEECORE.rglob("*.py")):
        if path in (KNEECORE / "messages.py", KNEECORE / "errors.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("note", "render"):
                yield f"{path.relative_to(ROOT)}:{node.lineno}", node


@pytest.mark.parametrize(("where", "call"), list(_notes()), ids=lambda v: v if isinstance(v, str) else "")
def test_note_names_a_code_and_its_parameters(where: str, call: ast.Call) -> None:
    """Each note or rendered text passes a registered code as a literal, with exactly its parameters."""
    code = call.args[0]
    assert isinstance(code, ast.Constant), f"{where}: the code must be a literal"
    assert code.value in CODES, f"{where}: {code.value!r} is not a registered code"
    if getattr(call.func, "id", None) == "note":
        assert str(code.value).startswith("note_"), f"{where}: notes use note_* codes"
        names = {kw.arg for kw in call.keywords}
    else:
        assert isinstance(call.args[1], ast.Dict), f"{where}: parameters as a literal dict"
        names = {k.value for k in call.args[1].keys if isinstance(k, ast.Constant)}
    assert names == set(CODES[code.value]), f"{where}: parameters {names}"


def test_scan_finds_the_raise_sites() -> None:
    """The AST scan sees the many raise sites (so the checks below are not vacuous)."""
    assert len(list(_calls())) > 50
    assert len(list(_notes())) >= 12


@pytest.mark.parametrize(("where", "call"), list(_calls()), ids=lambda v: v if isinstance(v, str) else "")
def test_raise_site_names_a_code_not_english(where: str, call: ast.Call) -> None:
    """Each raise passes a registered code (no English, no f-string, no joined text) and its parameters."""
    assert len(call.args) >= 2, f"{where}: InputError needs a key and a code"
    code = call.args[1]
    assert not isinstance(code, (ast.JoinedStr, ast.BinOp)), f"{where}: builds English text"
    if isinstance(code, ast.Constant):
        assert code.value in CODES, f"{where}: {code.value!r} is not a registered code"
        names = {kw.arg for kw in call.keywords if kw.arg is not None}
        spread = any(kw.arg is None for kw in call.keywords)
        if not spread:
            assert names == set(CODES[code.value]), f"{where}: parameters {names} for {code.value!r}"


def test_every_registered_code_is_raised_somewhere() -> None:
    """No code sits in the registry (and so in the YAML) that kneecore never uses."""
    unused = set(CODES) - _constants()
    assert not unused


def test_error_keeps_its_attributes_and_renders_from_the_catalogue(content) -> None:
    """key, got, code and params hold what was raised; expected and message come from the catalogue."""
    exc = InputError("pain_now", "whole_number_range", 11, lo=0, hi=10)
    template = content.messages.messages["whole_number_range"]
    assert (exc.key, exc.got, exc.code, exc.params) == (
        "pain_now",
        11,
        "whole_number_range",
        {"lo": 0, "hi": 10},
    )
    assert exc.expected == template.format(lo=0, hi=10)
    assert exc.message == content.messages.frames.full.format(key="pain_now", expected=exc.expected, got="11")
    assert str(exc) == exc.message


@pytest.mark.parametrize(
    ("key", "got", "shape"),
    [("w", "abc", "full"), ("w", None, "no_got"), ("", "abc", "no_key"), ("", None, "bare")],
)
def test_frame_follows_key_and_got(content, key: str, got: object, shape: str) -> None:
    """The sentence shape drops the key or the value when there is none."""
    exc = InputError(key, "share_link", got)
    frame = getattr(content.messages.frames, shape)
    assert exc.message == frame.format(key=key, expected=exc.expected, got=repr(got))


def test_nested_message_renders_inside_its_parent(content) -> None:
    """A required key's message wraps the key's own expectation, both from the catalogue."""
    with pytest.raises(InputError) as err:
        parse_inputs({"weeks_off": 3})
    inner = content.messages.messages["whole_number_range"].format(lo=0, hi=10)
    assert err.value.expected == content.messages.messages["required"].format(expected=inner)
    assert str(Message("whole_number_range", {"lo": 0, "hi": 10})) == inner


def test_reworded_catalogue_is_read_again_when_the_file_changes(
    edit_yaml: Edit, content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pointing at a copied content folder and rewording a template changes the next message."""
    monkeypatch.setenv("KNEECORE_CONTENT_DIR", str(content_copy))
    before = render("whole_number_range", {"lo": 0, "hi": 10})
    edit_yaml("messages.yaml", RANGE, RANGE_DE)
    after = render("whole_number_range", {"lo": 0, "hi": 10})
    assert (before, after) == ("a whole number from 0 to 10", "eine ganze Zahl von 0 bis 10")


def _cli(module: str, folder: Path, data: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KNEECORE_CONTENT_DIR": str(folder)}
    return subprocess.run(
        [sys.executable, "-m", module, "-"],
        cwd=ROOT,
        input=json.dumps(data),
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


RAMP_BAD = {"weeks_off": 3, "pain_now": 11, "pain_free_run_minutes": 10, "pre_injury_weekly_minutes": 120}
RAMP_BAD = {**RAMP_BAD, "runs_per_week": 3}


@pytest.mark.parametrize(
    ("module", "data", "line"),
    [
        ("kneecore.ramp", RAMP_BAD, "pain_now: erwartet eine ganze Zahl von 0 bis 10, erhalten 11\n"),
        (
            "kneecore.checker",
            {"pain_level": 11},
            "error: pain_level: erwartet eine ganze Zahl von 0 bis 10, erhalten 11\n",
        ),
    ],
)
def test_cli_prints_the_reworded_message(edit_yaml: Edit, module: str, data: object, line: str) -> None:
    """Both command lines print the catalogue's reworded template and frame on one line, exit 2."""
    edit_yaml("messages.yaml", RANGE, RANGE_DE)
    folder = edit_yaml("messages.yaml", FULL, FULL_DE)
    out = _cli(module, folder, data)
    assert (out.returncode, out.stdout, out.stderr) == (2, "", line)


@pytest.mark.parametrize(
    ("module", "data", "key"),
    [("kneecore.ramp", RAMP_BAD, "pain_now"), ("kneecore.checker", {"pain_level": 11}, "pain_level")],
)
def test_cli_with_broken_catalogue_still_names_the_key(
    edit_yaml: Edit, module: str, data: object, key: str
) -> None:
    """With messages.yaml broken the CLI still prints one line naming the key and the file, exit 2."""
    folder = edit_yaml("messages.yaml", RANGE, '"a whole number from {low} to {hi}"')
    out = _cli(module, folder, data)
    assert out.returncode == 2
    assert out.stdout == ""
    assert out.stderr.count("\n") == 1
    assert f"{key}: " in out.stderr
    assert str(folder / "messages.yaml") in out.stderr


def test_reworded_note_reaches_the_filter_notes(
    edit_yaml: Edit, content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A note on an ignored filter value comes from the catalogue, so rewording it changes the note."""
    monkeypatch.setenv("KNEECORE_CONTENT_DIR", str(content_copy))
    edit_yaml(
        "messages.yaml",
        '"{key}: {value} is not a range like 1-3 within {lo}-{hi}, so it was ignored"',
        '"{key}: {value} ist kein Bereich wie 1-3 in {lo}-{hi}"',
    )
    _, notes = decode_filters({"level": "4-2"}, ())
    assert notes == ["level: '4-2' ist kein Bereich wie 1-3 in 1-5"]


def test_dose_error_takes_its_limits_from_the_content_model(content) -> None:
    """An out-of-range dose names the Dosage model's own limits, in the catalogue's words."""
    exercise = next(ex for ex in content.exercises.exercises if ex.dosage.reps is not None)
    plan = Plan(items=(PlanItem(exercise.id, exercise.dosage),))
    with pytest.raises(InputError) as err:
        change_dosage(plan, 0, reps=500)
    reps = Dosage.model_json_schema()["properties"]["reps"]["anyOf"][0]
    assert err.value.params == {"lo": reps["minimum"], "hi": reps["maximum"]}
    assert err.value.expected == content.messages.messages["dose_reps"].format(**err.value.params)


@pytest.mark.parametrize(
    ("name", "limits", "params", "shown"),
    [
        ("TIME_LIMITS", (5, 90), {"time": "100"}, "time: '100' is not a number of minutes from 5 to 90"),
        ("DIFFICULTY", (1, 4), {"level": "2-5"}, "level: '2-5' is not a range like 1-3 within 1-4"),
    ],
)
def test_filter_notes_take_their_limits_from_the_code(
    content,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    limits: tuple[int, int],
    params: dict[str, str],
    shown: str,
) -> None:
    """The time and level notes name the limits the filter code holds, so the words cannot drift from them."""
    import kneecore.exercises

    monkeypatch.setattr(kneecore.exercises, name, limits)
    _, notes = decode_filters(params, ())
    assert notes == [f"{shown}, so it was ignored"]
