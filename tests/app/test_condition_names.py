"""Condition names on the ramp, exercises and form pages come from the checker content."""

from __future__ import annotations

import re
from pathlib import Path

from kneecore import load_content
from tests.app.pages import open_page

ROOT = Path(__file__).resolve().parents[2]
PFPS = 'short_name: "Patellofemoral pain"'


def test_no_page_or_module_names_conditions_from_code() -> None:
    """Only kneecore/ids.py holds CONDITION_NAMES; pages and other modules read the content."""
    users = [
        str(path.relative_to(ROOT))
        for folder in ("pages", "kneecore")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path != ROOT / "kneecore" / "ids.py" and re.search(r"\bCONDITION_NAMES\b", path.read_text("utf-8"))
    ]
    assert users == []


def test_short_names_cover_every_condition(content) -> None:
    """Every checker condition has a short name, and short_names() maps each id to it."""
    names = content.checker.short_names()
    assert list(names) == [c.id for c in content.checker.conditions]
    assert all(names.values())


def test_missing_short_name_is_named(edit_yaml) -> None:
    """A condition without a short name fails validation naming the condition and key."""
    from kneecore.content import validate

    folder = edit_yaml("checker/conditions.yaml", f"    {PFPS}\n", "")
    assert (
        "content/checker/conditions.yaml: condition 'pfps': short_name: is required but missing"
        in validate(folder)
    )


def test_ramp_and_exercises_use_the_reworded_short_name(edit_yaml, content_env) -> None:
    """A reworded short name shows in the ramp's condition menu and note and the exercises' checker note."""
    folder = edit_yaml("checker/conditions.yaml", PFPS, 'short_name: "Kniescheibenschmerz"')
    content_env(folder)
    at = open_page("ramp", {"condition": "pfps"})
    menu = at.selectbox(key="ramp.condition")
    assert menu.value == "pfps"
    assert "Kniescheibenschmerz" in menu.options
    assert any("Kniescheibenschmerz" in c.value for c in at.caption)
    ex = open_page("exercises", {"condition": "pfps"})
    words = load_content(folder).exercises.label("from_checker")
    assert words.format(condition="Kniescheibenschmerz") in [i.value for i in ex.info]
