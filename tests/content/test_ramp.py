"""content/ramp.yaml validates, and each rule's breakage is named by file, item and key."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kneecore.content import validate
from kneecore.ids import CONDITION_IDS

Edit = Callable[[str, str, str], Path]


def test_real_ramp_content(content) -> None:
    """The shipped ladder runs pre-run, six walk-run stages, continuous, each with references."""
    ramp = content.ramp
    assert [s.phase for s in ramp.stages] == ["pre_run"] + ["walk_run"] * 6 + ["continuous"]
    assert all(stage.references for stage in ramp.stages)
    assert {c.id for c in ramp.conditions} <= set(CONDITION_IDS)
    assert {"itbs", "stress_fracture", "patellar_tendinopathy"} <= {c.id for c in ramp.conditions}
    assert not any("ramp.yaml" in p for p in validate(content.root))


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "    run_interval: 1\n",
            "    run_interval: 40\n",
            "content/ramp.yaml: stage 'walk_run_1': run_interval: must be 0-30, got 40",
        ),
        (
            "    repeats: 4\n    warm_up_walk: 5\n    min_pain_free: 5\n",
            "    repeats: 2\n    warm_up_walk: 5\n    min_pain_free: 5\n",
            "content/ramp.yaml: stages: 'walk_run_3' must have more running than 'walk_run_2'",
        ),
        (
            "    max_stage: walk_run_3\n",
            "    max_stage: walk_run_9\n",
            "content/ramp.yaml: layoff_caps: names stage 'walk_run_9', which does not exist",
        ),
        (
            "  - at_least: 13\n    max_stage: walk_run_1\n",
            "  - at_least: 13\n    max_stage: walk_run_6\n",
            "content/ramp.yaml: layoff_caps: a higher at_least must not allow a later stage",
        ),
        (
            "  - id: itbs\n",
            "  - id: runners_knee\n",
            "content/ramp.yaml: condition 'runners_knee': id: "
            "names condition 'runners_knee', which does not exist",
        ),
        (
            "  move_on_pain: 3\n",
            "  move_on_pain: 6\n",
            "content/ramp.yaml: limits: move_on_pain must not be above hold_pain",
        ),
        ('  rest: "Rest day."\n', "", "content/ramp.yaml: texts: missing rest"),
        (
            '  acwr_heading: "About the acute:chronic ratio"\n',
            '  acwr_heading: "About the acute:chronic ratio"\n  bogus: "x"\n',
            "content/ramp.yaml: page: unknown key bogus",
        ),
        (
            '        doi: "10.1186/1758-2555-4-12"\n  - id: walk_run_3',
            '        doi: "1758-2555-4-12"\n  - id: walk_run_3',
            "content/ramp.yaml: stage 'walk_run_2': references[1]: "
            "doi must look like 10.1234/abc, got '1758-2555-4-12'",
        ),
        (
            "  easier_factor: 0.9\n",
            "  easier_factor: 1.5\n",
            "content/ramp.yaml: schedule.easier_factor: must be 0.5-1, got 1.5",
        ),
        (
            '  rest: "Rest day."\n',
            '  rest: "Rest day {goal."\n',
            "content/ramp.yaml: texts.rest: bad placeholder (expected '}' before end of string); known: "
            "move_on_pain, hold_pain, morning_extra, goal, weeks, warm_up, intervals, effort, percent, "
            "pain_free, stage, dates, repeats, run, walk, minutes, why",
        ),
        (
            "    run_interval: 1\n",
            "",
            "content/ramp.yaml: stage 'walk_run_1': "
            "a walk_run stage needs run_interval, walk_interval and repeats above 0",
        ),
    ],
    ids=[
        "range",
        "ladder-order",
        "cap-stage",
        "cap-order",
        "condition-id",
        "limits",
        "missing-text",
        "unknown-text",
        "doi",
        "schedule",
        "placeholder",
        "structure",
    ],
)
def test_broken_ramp_names_the_problem(edit_yaml: Edit, old: str, new: str, message: str) -> None:
    """A broken ramp.yaml fails with a message naming file, item and key."""
    folder = edit_yaml("ramp.yaml", old, new)
    assert message in validate(folder)


def test_missing_ramp_file(content_copy: Path) -> None:
    """Without ramp.yaml the content check names the missing file."""
    (content_copy / "ramp.yaml").unlink()
    assert "content/ramp.yaml: file is missing" in validate(content_copy)
