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


def test_routines_avoid_what_their_condition_avoids(content) -> None:
    """No starter routine, condition page list or condition tag offers what that condition avoids for now."""
    dom, lib = content.exercises, content.library
    avoided = {
        page.id: {e for entry in page.avoid_for_now for e in entry.exercises} for page in lib.conditions
    }
    for routine in dom.routines:
        for condition in routine.conditions:
            assert not avoided[condition] & {i.exercise for i in routine.items}, (routine.id, condition)
    for page in lib.conditions:
        offered = set(page.exercises)
        for rid in page.routines:
            offered |= {i.exercise for i in dom.routine(rid).items}
        assert not avoided[page.id] & offered, page.id
    for ex in dom.exercises:
        assert not any(ex.id in avoided[c] for c in ex.conditions), ex.id
    assert sum(map(len, avoided.values())) >= 10  # the rule has real content to guard


@pytest.mark.parametrize(
    ("condition", "ids"),
    [
        ("pfps", {"heavy_slow_squat", "bulgarian_split_squat", "decline_squat"}),
        (
            "patellar_tendinopathy",
            {"decline_squat", "pogo_hops", "skater_hops", "single_leg_hop", "lateral_hops"},
        ),
        ("meniscus_tear", {"heavy_slow_squat", "bulgarian_split_squat", "skater_hops", "lateral_hops"}),
        (
            "stress_fracture",
            {"pogo_hops", "skater_hops", "single_leg_hop", "lateral_hops", "skipping", "a_skip"},
        ),
        ("acl_tear", {"pogo_hops", "skater_hops", "single_leg_hop", "lateral_hops"}),
    ],
)
def test_conditions_say_what_to_leave_out_with_sources(content, condition: str, ids: set[str]) -> None:
    """The common risky pairings from the research notes are listed, each with a reason and a source."""
    page = content.library.condition(condition)
    listed = {e for entry in page.avoid_for_now for e in entry.exercises}
    assert ids <= listed
    for entry in page.avoid_for_now:
        assert entry.why.strip()
        assert entry.references


def test_every_condition_but_stress_fracture_has_its_own_starter_routine(content) -> None:
    """routine_<condition> exists for each condition where exercise is a first step, and its page links it."""
    dom = content.exercises
    for page in content.library.conditions:
        routine = dom.routine(f"routine_{page.id}")
        if page.id == "stress_fracture":
            assert routine is None  # rest and a clinician's clearance come first
            continue
        assert routine is not None, page.id
        assert page.id in routine.conditions
        assert routine.id in page.routines


def test_pfps_tag_is_kept_only_where_the_research_supports_it(content) -> None:
    """Foam rolling and yoga have no trial in kneecap pain, so they are not offered for pfps."""
    tagged = [e.id for e in content.exercises.exercises if "pfps" in e.conditions]
    assert not [i for i in tagged if i.startswith(("foam_roll_", "yoga_"))]
    assert len(tagged) < len(content.exercises.exercises) * 2 // 3


def _avoid_pfps(d: dict[str, Any], ident: str) -> None:
    d.setdefault("avoid_for_now", []).append(
        {"exercises": [ident], "why": "x", "references": [{"citation": "c", "doi": "10.1000/x"}]}
    )


@pytest.mark.parametrize(
    ("rel", "fn", "message"),
    [
        (
            "routines.yaml",
            lambda d: first(d, "routine_pfps")["items"].append({"exercise": "decline_squat"}),
            "content/routines.yaml: routine 'routine_pfps': items: holds exercise 'decline_squat', which "
            "condition 'pfps' avoids for now (content/conditions/pfps.yaml: avoid_for_now[1])",
        ),
        (
            "conditions/pfps.yaml",
            lambda d: d["exercises"].append("bulgarian_split_squat"),
            "content/conditions/pfps.yaml: condition 'pfps': exercises: lists exercise "
            "'bulgarian_split_squat', which this condition avoids for now "
            "(content/conditions/pfps.yaml: avoid_for_now[1])",
        ),
        (
            "conditions/patellar_tendinopathy.yaml",
            lambda d: d["routines"].append("knee_stability"),
            "content/conditions/patellar_tendinopathy.yaml: condition 'patellar_tendinopathy': routines: "
            "routine 'knee_stability' holds exercise 'lateral_hops', which this condition avoids for now "
            "(content/conditions/patellar_tendinopathy.yaml: avoid_for_now[2])",
        ),
        (
            "exercises/strength.yaml",
            lambda d: first(d, "heavy_slow_squat")["conditions"].append("pfps"),
            "content/exercises/strength.yaml: exercise 'heavy_slow_squat': conditions: "
            "names condition 'pfps', which avoids this exercise for now "
            "(content/conditions/pfps.yaml: avoid_for_now[1])",
        ),
        (
            "conditions/itbs.yaml",
            lambda d: _avoid_pfps(d, "side_plank"),
            "content/routines.yaml: routine 'hips_first': items: holds exercise 'side_plank', which "
            "condition 'itbs' avoids for now (content/conditions/itbs.yaml: avoid_for_now[1])",
        ),
        (
            "conditions/itbs.yaml",
            lambda d: _avoid_pfps(d, "moonwalk"),
            "content/conditions/itbs.yaml: condition 'itbs': avoid_for_now[1].exercises: "
            "names exercise 'moonwalk', which does not exist",
        ),
        (
            "conditions/itbs.yaml",
            lambda d: d.update(avoid_for_now=[{"exercises": [], "why": "x", "references": []}]),
            "content/conditions/itbs.yaml: condition 'itbs': avoid_for_now[1].exercises: "
            "needs at least 1 item(s), got 0",
        ),
        (
            "stories/sam_meniscus.yaml",
            lambda d: d["routines"].append("knee_stability"),
            "content/stories/sam_meniscus.yaml: story 'sam_meniscus': routines: routine 'knee_stability' "
            "holds exercise 'lateral_hops', which condition 'meniscus_tear' avoids for now "
            "(content/conditions/meniscus_tear.yaml: avoid_for_now[2])",
        ),
    ],
    ids=[
        "routine",
        "page-exercises",
        "page-routine",
        "exercise-tag",
        "new-avoid",
        "unknown-id",
        "empty",
        "story-routine",
    ],
)
def test_avoid_for_now_broken_names_file_item_and_exercise(
    content_copy: Path, rel: str, fn, message: str
) -> None:
    """Offering what a condition avoids for now fails with a message naming file, item and exercise."""
    problems = validate(change(content_copy, rel, fn))
    assert message in problems, problems


def test_a_condition_filter_shows_every_exercise_of_its_own_routine(content) -> None:
    """Each exercise in routine_<condition> is tagged with that condition, so ?condition= lists it."""
    dom = content.exercises
    for routine in dom.routines:
        if routine.id.startswith("routine_"):
            condition = routine.id.removeprefix("routine_")
            for item in routine.items:
                assert condition in dom.exercise(item.exercise).conditions, (routine.id, item.exercise)


def test_bone_stress_links_no_routine_before_clearance(content) -> None:
    """A suspected stress fracture links no starter routine: rest and a clinician's clearance come first."""
    page = content.library.condition("stress_fracture")
    assert page.routines == ()
    assert not [r.id for r in content.exercises.routines if "stress_fracture" in r.conditions]
