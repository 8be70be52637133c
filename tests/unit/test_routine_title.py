"""A routine's default name comes from _page.yaml labels, not from code."""

from __future__ import annotations

import pytest

from kneecore import sharing
from kneecore.content import validate
from kneecore.routines import Plan, plan_from_link

OLD = '  routine_default_title: "My routine"\n'
NEW = '  routine_default_title: "Meine Übungen"\n'


@pytest.fixture
def reworded(edit_yaml, monkeypatch: pytest.MonkeyPatch):
    """The content in use names a new routine "Meine Übungen"."""
    folder = edit_yaml("exercises/_page.yaml", OLD, NEW)
    monkeypatch.setenv("KNEECORE_CONTENT_DIR", str(folder))
    return folder


def test_shipped_default_title_is_the_label(content) -> None:
    """A new plan's title is the shipped label."""
    assert Plan().title == content.exercises.page.labels["routine_default_title"]


def test_new_plan_takes_the_reworded_title(reworded) -> None:
    """A plan made without a name takes the reworded label from the content in use."""
    assert Plan().title == "Meine Übungen"
    assert Plan(title="Knees").title == "Knees"


def test_shared_link_without_a_name_takes_the_reworded_title(reworded, content) -> None:
    """A share link that carries no name opens as a routine with the content's default name."""
    ex = content.exercises.exercises[0]
    link = sharing.encode({"t": "", "i": [[ex.id, ex.dosage.sets, ex.dosage.reps or 10]]})
    plan, _ = plan_from_link(link, content.exercises)
    assert plan.title == "Meine Übungen"


def test_missing_default_title_is_named(edit_yaml) -> None:
    """_page.yaml without the label fails validation naming the file and the key."""
    folder = edit_yaml("exercises/_page.yaml", OLD, "")
    problems = validate(folder)
    assert "content/exercises/_page.yaml: labels: routine_default_title is required but missing" in problems


def test_default_title_does_not_walk_the_file_system_each_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """After the first call, a new plan's title costs a stat, not a path resolve (the page makes many)."""
    from pathlib import Path

    Plan()  # warm: the folder resolved and the label read once
    calls: list[Path] = []
    real = Path.resolve

    def counting(self: Path, strict: bool = False) -> Path:
        calls.append(self)
        return real(self, strict)

    monkeypatch.setattr(Path, "resolve", counting)
    for _ in range(20):
        Plan()
    assert calls == []
