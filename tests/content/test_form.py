"""content/form.yaml validates, covers every contract id, and each kind of breakage is named exactly."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest

from kneecore.content import validate
from kneecore.content._base import Problems
from kneecore.content.exercises import EXERCISE_IDS
from kneecore.content.exercises import load as load_exercises
from kneecore.content.form import (
    EVIDENCE_LEVELS,
    FORM_ITEM_IDS,
    check,
    known_exercise_ids,
    load,
)
from kneecore.ids import CONDITION_IDS

Edit = Callable[[str, str, str], Path]
CONTENT = Path(__file__).resolve().parents[2] / "content"


def form_problems(folder: Path, exercises: tuple[str, ...] = EXERCISE_IDS) -> list[str]:
    """Problems of form.yaml alone: its load, then its cross-file check (other domains stubbed)."""
    problems = Problems(folder)
    form = load(folder, problems)
    if form is not None:
        stub = SimpleNamespace(exercises=tuple(SimpleNamespace(id=i) for i in exercises))
        check(SimpleNamespace(root=folder, form=form, exercises=stub), problems)  # type: ignore[arg-type]
    return problems.lines


def test_real_form_content_validates() -> None:
    """The shipped form.yaml has no problems of its own, and the full validator names none in it."""
    assert form_problems(CONTENT) == []
    assert [p for p in validate(CONTENT) if "form.yaml" in p] == []


def test_every_contract_item_is_complete() -> None:
    """All ten contract ids are present in order, each with question, cue, what not to change, sources."""
    problems = Problems(CONTENT)
    form = load(CONTENT, problems)
    assert form is not None
    assert tuple(item.id for item in form.items) == FORM_ITEM_IDS
    for item in form.items:
        assert item.question.endswith("?")
        assert item.cue
        assert item.do_not
        assert item.references
        assert item.evidence in EVIDENCE_LEVELS
        assert set(item.conditions) <= set(CONDITION_IDS)
    assert any(item.drills for item in form.items)
    assert len(form.barefoot.stages) >= 3
    assert [t.percent for t in form.cadence.targets] == [5.0, 7.5, 10.0]


def test_drills_exist_in_exercise_content() -> None:
    """Every drill names an exercise that the exercise content has."""
    problems = Problems(CONTENT)
    form = load(CONTENT, problems)
    exercise_content = load_exercises(CONTENT, Problems(CONTENT))
    assert form is not None
    assert exercise_content is not None
    drills = {d for item in form.items for d in item.drills}
    assert drills
    assert drills <= {e.id for e in exercise_content.exercises}


def test_drills_are_checked_against_the_exercise_content() -> None:
    """known_exercise_ids reads the loaded exercises, and a drill outside them is a named problem."""
    real = SimpleNamespace(exercises=SimpleNamespace(exercises=(SimpleNamespace(id="clamshell"),)))
    assert known_exercise_ids(real) == ("clamshell",)  # type: ignore[arg-type]
    lines = form_problems(CONTENT, exercises=("clamshell",))
    assert (
        "content/form.yaml: item 'overstriding': drills: names exercise 'a_skip', which does not exist"
        in lines
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "    evidence: moderate\n",
            "    evidence: limitless\n",
            "content/form.yaml: item 'overstriding': evidence: must be one of 'strong', 'moderate', "
            "'limited' or 'none', got 'limitless'",
        ),
        (
            "    knee_link: high\n",
            "    knee_link: huge\n",
            "content/form.yaml: item 'overstriding': knee_link: must be one of 'high', 'medium' or 'low', "
            "got 'huge'",
        ),
        (
            '    cue: "Land under your knee',
            '    tip: "x"\n    cue: "Land under your knee',
            "content/form.yaml: item 'overstriding': tip: is not a known key (check the spelling)",
        ),
        (
            "    drills: [a_skip, skipping, step_down]",
            "    drills: [a_skip, moonwalk]",
            "content/form.yaml: item 'overstriding': drills: names exercise 'moonwalk', which does not exist",
        ),
        (
            "    conditions: [pfps, itbs]\n    evidence: moderate",
            "    conditions: [pfps, runners_knee]\n    evidence: moderate",
            "content/form.yaml: item 'overstriding': conditions: names condition 'runners_knee', "
            "which does not exist",
        ),
        (
            "  - id: arm_swing",
            "  - id: arm_swinging",
            "content/form.yaml: items: missing checklist item(s): arm_swing",
        ),
        (
            "  - id: arm_swing",
            "  - id: cadence",
            "content/form.yaml: item 'cadence': id 'cadence' is used more than once",
        ),
        (
            '      "no": "No, it lands',
            '      no: "No, it lands',
            "content/form.yaml: item 'overstriding': choices.no: is required but missing",
        ),
        (
            "    - percent: 10\n",
            "    - percent: 5\n",
            "content/form.yaml: cadence: targets: percents must rise with no repeats",
        ),
        (
            '    title: "Overstriding"',
            '    title: "<b>Overstriding</b>"',
            "content/form.yaml: item 'overstriding': title: must be Markdown without HTML tags",
        ),
        (
            '    strong: "Strong evidence"\n',
            "",
            "content/form.yaml: ui: evidence_labels: missing strong",
        ),
        (
            '        doi: "10.1242/jeb.125500"\n',
            "",
            "content/form.yaml: item 'overstriding': references[1]: needs a doi or a url",
        ),
        (
            '    references:\n      - citation: "Lieberman',
            '    references: []\n    old:\n      - citation: "Lieberman',
            "content/form.yaml: item 'overstriding': references: needs at least 1 item(s), got 0",
        ),
        (
            "    low: 1.0\n",
            "",
            "content/form.yaml: ranking: knee_link: missing low",
        ),
        (
            "  condition_boost: 1.5",
            "  condition_boost: 15",
            "content/form.yaml: ranking.condition_boost: must be 1-3, got 15",
        ),
        (
            "    strong: 4.0",
            "    strong: 40.0",
            "content/form.yaml: ranking.evidence.strong: must be 0.1-10, got 40",
        ),
        (
            "    medium: 2.0",
            "    medium: 5.0",
            "content/form.yaml: ranking: knee_link: weights must not rise from high to low, "
            "got high 3, medium 5, low 1",
        ),
        (
            '    "no": 0.0',
            '    "no": 0.2',
            "content/form.yaml: ranking: answer.no: must be 0 (a fault that is not there), got 0.2",
        ),
        (
            "    not_sure: 0.5",
            "    not_sure: 1.0",
            "content/form.yaml: ranking: answer.not_sure: must lie between no (0) and yes (1), got 1",
        ),
        (
            "ranking:\n  answer:",
            "rankings:\n  answer:",
            "content/form.yaml: ranking: is required but missing",
        ),
    ],
    ids=[
        "evidence-level",
        "knee-link",
        "unknown-key",
        "dangling-drill",
        "dangling-condition",
        "missing-contract-item",
        "duplicate-id",
        "unquoted-no",
        "targets-not-rising",
        "html",
        "incomplete-labels",
        "reference-without-source",
        "no-references",
        "ranking-level-missing",
        "ranking-boost-range",
        "ranking-weight-range",
        "ranking-weights-rise",
        "ranking-no-not-zero",
        "ranking-not-sure-not-between",
        "ranking-missing",
    ],
)
def test_broken_form_names_the_problem(edit_yaml: Edit, old: str, new: str, message: str) -> None:
    """A broken form.yaml fails with a message naming file, item, key and what was expected."""
    folder = edit_yaml("form.yaml", old, new)
    lines = form_problems(folder)
    assert message in lines, lines


def test_missing_form_file_is_named(content_copy: Path) -> None:
    """Deleting form.yaml is reported as a missing file."""
    (content_copy / "form.yaml").unlink()
    assert form_problems(content_copy) == ["content/form.yaml: file is missing"]


def test_every_label_the_page_uses_exists() -> None:
    """Each ``label("...")`` key used by the page, its UI helpers and the PDF is defined in form.yaml."""
    import re

    root = CONTENT.parent
    files = ["pages/form.py", "pages/ui/form.py", "pages/ui/form_tools.py", "kneecore/form_report.py"]
    used = {key for f in files for key in re.findall(r"label\(\s*[\"'](\w+)[\"']", (root / f).read_text())}
    problems = Problems(CONTENT)
    form = load(CONTENT, problems)
    assert form is not None
    assert len(used) > 20
    assert used - set(form.ui.labels) == set()
