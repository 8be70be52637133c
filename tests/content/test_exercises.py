"""content/exercises/ and content/routines.yaml: the real files validate, and each broken rule
is reported with file, item, key and a plain message."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from kneecore.content import validate
from kneecore.content.exercises import EXERCISE_IDS, ROUTINE_IDS
from kneecore.ids import CONDITION_IDS


def test_real_exercises_validate(content) -> None:
    """The shipped library has every contract id, at least 40 exercises and no problems."""
    dom = content.exercises
    assert validate(content.root) == []
    assert len(dom.exercises) >= 40
    assert set(EXERCISE_IDS) <= {e.id for e in dom.exercises}
    assert set(ROUTINE_IDS) <= {r.id for r in dom.routines}


def test_every_phase_is_covered(content) -> None:
    """Each phase, early to prevention, has several exercises."""
    phases = [e.phase for e in content.exercises.exercises]
    assert all(phases.count(p) >= 4 for p in ("early", "strength", "return", "prevention"))


def test_every_exercise_carries_a_source_and_a_picture(content) -> None:
    """References, a pain rule, steps and a described figure on each exercise."""
    for ex in content.exercises.exercises:
        assert ex.references, ex.id
        assert ex.figure.alt, ex.id
        assert len(ex.steps) >= 2, ex.id
        assert 0 <= ex.pain.during <= 10
        assert 0 <= ex.pain.after <= 10


def test_common_conditions_have_a_routine_and_exercises(content) -> None:
    """Each routine_<condition> names a real condition, and common conditions have exercises."""
    dom = content.exercises
    for routine in dom.routines:
        if routine.id.startswith("routine_"):
            assert routine.id.removeprefix("routine_") in CONDITION_IDS
            assert routine.id.removeprefix("routine_") in routine.conditions
    for cond in ("pfps", "itbs", "patellar_tendinopathy", "knee_oa", "meniscus_tear", "pes_anserine"):
        assert sum(cond in e.conditions for e in dom.exercises) >= 4, cond


Edit = Callable[[str, str, str], Path]


def change(folder: Path, rel: str, fn: Callable[[Any], None]) -> Path:
    """Load a YAML file of the copy, let ``fn`` change the data, write it back."""
    path = folder / rel
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    fn(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return folder


def first(data: dict[str, Any], ident: str) -> dict[str, Any]:
    """The item with ``ident`` in a file's list."""
    items = data.get("exercises") or data.get("routines")
    return next(i for i in items if i["id"] == ident)


HIP = "exercises/hip.yaml"


@pytest.mark.parametrize(
    ("rel", "fn", "message"),
    [
        (
            HIP,
            lambda d: first(d, "side_lying_hip_abduction").update(progressions=["monster_walkk"]),
            "content/exercises/hip.yaml: exercise 'side_lying_hip_abduction': progressions: "
            "names exercise 'monster_walkk', which does not exist",
        ),
        (
            HIP,
            lambda d: first(d, "side_lying_hip_abduction").update(regressions=["clamshell", "monster_walk"]),
            "content/exercises/hip.yaml: exercise 'monster_walk': progressions: "
            "the ladder loops back: monster_walk -> side_lying_hip_abduction -> monster_walk",
        ),
        (
            HIP,
            lambda d: first(d, "side_lying_hip_abduction").update(regressions=[]),
            "content/exercises/hip.yaml: exercise 'clamshell': progressions: "
            "'side_lying_hip_abduction' should list 'clamshell' under regressions",
        ),
        (
            HIP,
            lambda d: first(d, "clamshell").update(
                progressions=["clamshell", "side_lying_hip_abduction", "side_plank"]
            ),
            "content/exercises/hip.yaml: exercise 'clamshell': progressions: names the exercise itself",
        ),
        (
            HIP,
            lambda d: first(d, "clamshell").update(conditions=["pfps", "gout"]),
            "content/exercises/hip.yaml: exercise 'clamshell': conditions: "
            "names condition 'gout', which does not exist",
        ),
        (
            HIP,
            lambda d: first(d, "clamshell")["dosage"].update(sets=40),
            "content/exercises/hip.yaml: exercise 'clamshell': dosage.sets: must be 1-10, got 40",
        ),
        (
            HIP,
            lambda d: first(d, "clamshell")["dosage"].update(hold_seconds=30),
            "content/exercises/hip.yaml: exercise 'clamshell': dosage: "
            "give exactly one of reps, hold_seconds or duration_minutes",
        ),
        (
            HIP,
            lambda d: first(d, "clamshell").update(references=[]),
            "content/exercises/hip.yaml: exercise 'clamshell': references: needs at least 1 item(s), got 0",
        ),
        (
            HIP,
            lambda d: first(d, "clamshell")["references"][0].pop("doi"),
            "content/exercises/hip.yaml: exercise 'clamshell': references[1]: needs a doi or a url",
        ),
        (
            HIP,
            lambda d: first(d, "clamshell").update(phase="late"),
            "content/exercises/hip.yaml: exercise 'clamshell': phase: "
            "must be one of 'early', 'strength', 'return' or 'prevention', got 'late'",
        ),
        (
            HIP,
            lambda d: first(d, "clamshell").update(equipment=["sofa"]),
            "content/exercises/hip.yaml: exercise 'clamshell': equipment: "
            "names equipment 'sofa', which has no label in _page.yaml",
        ),
        (
            HIP,
            lambda d: first(d, "clamshell")["figure"]["start"].update(thigh=400),
            "content/exercises/hip.yaml: exercise 'clamshell': figure.start.thigh: must be -360-360, got 400",
        ),
        (
            HIP,
            lambda d: d["exercises"].append(dict(first(d, "clamshell"))),
            "content/exercises: exercise 'clamshell': id 'clamshell' is used more than once",
        ),
        (
            "exercises/mobility.yaml",
            lambda d: first(d, "easy_cycling").update(id="easy_bike"),
            "content/exercises: exercise 'easy_cycling' is named by other features but missing",
        ),
        (
            "routines.yaml",
            lambda d: first(d, "routine_pfps")["items"].append({"exercise": "moonwalk"}),
            "content/routines.yaml: routine 'routine_pfps': items: "
            "names exercise 'moonwalk', which does not exist",
        ),
        (
            "routines.yaml",
            lambda d: first(d, "routine_pfps").update(conditions=["gout"]),
            "content/routines.yaml: routine 'routine_pfps': conditions: "
            "names condition 'gout', which does not exist",
        ),
        (
            "routines.yaml",
            lambda d: first(d, "knee_isometrics")["items"].extend({"exercise": "quad_set"} for _ in range(5)),
            "content/routines.yaml: routine 'knee_isometrics': items: allows at most 8 item(s), got 9",
        ),
        (
            "routines.yaml",
            lambda d: first(d, "foam_roller").update(id="rolling"),
            "content/routines.yaml: routine 'foam_roller' is named by other features but missing",
        ),
        (
            "exercises/_page.yaml",
            lambda d: d.update(
                phases=[p for p in d["phases"] if p["id"] != "return"] + [{"id": "later", "label": "x"}]
            ),
            "content/exercises/_page.yaml: phases: phase 'return' has no label",
        ),
    ],
    ids=[
        "unknown-ladder-id",
        "cycle",
        "one-sided-ladder",
        "self-ladder",
        "unknown-condition",
        "bad-dosage-range",
        "two-amounts",
        "missing-reference",
        "reference-without-source",
        "unknown-phase",
        "unlabelled-equipment",
        "angle-out-of-range",
        "duplicate-id",
        "contract-exercise-missing",
        "routine-unknown-exercise",
        "routine-unknown-condition",
        "routine-too-long",
        "contract-routine-missing",
        "phase-without-label",
    ],
)
def test_broken_exercise_content_names_the_problem(content_copy: Path, rel: str, fn, message: str) -> None:
    """A broken file fails with a message naming file, item, key and what is wrong."""
    problems = validate(change(content_copy, rel, fn))
    assert message in problems, problems


def test_missing_page_file(content_copy: Path) -> None:
    """Without _page.yaml the folder is reported, not a crash."""
    (content_copy / "exercises" / "_page.yaml").unlink()
    assert validate(content_copy) == ["content/exercises/_page.yaml: file is missing"]


def test_missing_exercise_folder(content_copy: Path) -> None:
    """Without the exercises folder, one clear problem names it."""
    import shutil

    shutil.rmtree(content_copy / "exercises")
    assert "content/exercises: folder is missing" in validate(content_copy)
