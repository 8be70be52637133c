"""content/exercises/ and content/routines.yaml: the exercise library (issue 5).

``content/exercises/*.yaml`` hold the exercises, one file per group (``isometrics.yaml``,
``hip.yaml`` ...); ``content/exercises/_page.yaml`` holds the page's words (labels for
equipment, positions and phases, the pain-rule wording). ``content/routines.yaml`` holds
the starter routines.

The ladder rule: a progression and a regression are the same edge seen from its two
ends. If A lists B under ``progressions`` then B must list A under ``regressions`` and
the other way round; :func:`check` names the side that is missing. The edges, read
"easier -> harder", must never loop back (no cycles).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, BaseModel, Field, PrivateAttr, model_validator

from kneecore.content._base import (
    Between,
    ContentModel,
    Id,
    Markdown,
    Problems,
    References,
    Text,
    read_file,
)
from kneecore.content.page_labels import required_labels

if TYPE_CHECKING:
    from kneecore.content import Content

__all__ = [
    "EXERCISE_IDS",
    "PHASES",
    "POSITIONS",
    "ROUTINE_IDS",
    "SCHEMAS",
    "Dosage",
    "Exercise",
    "ExerciseContent",
    "ExerciseFile",
    "Figure",
    "PageText",
    "PainRule",
    "Pose",
    "Prop",
    "Routine",
    "RoutineEntry",
    "RoutineFile",
    "check",
    "load",
]

Phase = Literal["early", "strength", "return", "prevention"]
PHASES: tuple[str, ...] = ("early", "strength", "return", "prevention")
"""From first relief to running and staying well."""

Position = Literal["standing", "seated", "lying", "side_lying", "kneeling", "moving"]
POSITIONS: tuple[str, ...] = ("standing", "seated", "lying", "side_lying", "kneeling", "moving")

EXERCISE_IDS: tuple[str, ...] = (
    "quad_set", "straight_leg_raise", "terminal_knee_extension", "wall_sit", "spanish_squat_hold",
    "sit_to_stand", "side_lying_hip_abduction", "clamshell", "glute_bridge", "single_leg_bridge",
    "side_plank", "side_plank_leg_lift", "hip_hike", "monster_walk", "step_down", "lateral_step_up",
    "forward_step_up", "box_squat", "goblet_squat", "split_squat", "bulgarian_split_squat", "leg_press",
    "heavy_slow_squat", "decline_squat", "single_leg_rdl", "hamstring_curl", "nordic_hamstring_curl",
    "calf_raise", "single_leg_calf_raise", "single_leg_balance", "star_excursion_reach",
    "single_leg_squat", "skipping", "a_skip", "pogo_hops", "skater_hops", "single_leg_hop",
    "lateral_hops", "foam_roll_quads", "foam_roll_lateral_thigh", "foam_roll_calves",
    "foam_roll_glutes", "yoga_chair_pose", "yoga_warrior_two", "yoga_low_lunge",
    "yoga_reclined_hamstring_stretch", "easy_cycling",
)  # fmt: skip
"""Exercise ids other features name (common brief); the content must define each."""

ROUTINE_IDS: tuple[str, ...] = (
    "knee_isometrics", "hips_first", "six_moves", "knee_stability", "foam_roller", "yoga_for_knees",
    "routine_pfps", "routine_itbs", "routine_patellar_tendinopathy", "routine_knee_oa",
    "routine_meniscus_tear", "routine_pes_anserine", "routine_quadriceps_tendinopathy",
    "routine_fat_pad_impingement", "routine_posterior_tendinopathy", "routine_plica_syndrome",
    "routine_popliteal_cyst", "routine_collateral_sprain", "routine_patellar_instability",
    "routine_apophysitis", "routine_acl_tear",
)  # fmt: skip
"""Routine ids other features name; the content must define each. Every condition but
stress_fracture (rest and a clinician's clearance first) has ``routine_<condition id>``."""

MAX_ROUTINE_ITEMS = 8
"""A routine fits on one printed page; fewer exercises are also done more often."""

Angle = Between(-360, 360)
Coord = Between(0, 100, whole=False)


class Dosage(ContentModel):
    """How much: sets of reps, of holds, or of minutes, with rest and days a week."""

    sets: Between(1, 10)  # type: ignore[valid-type]
    reps: Between(1, 50) | None = None  # type: ignore[valid-type]
    hold_seconds: Between(5, 120) | None = None  # type: ignore[valid-type]
    duration_minutes: Between(1, 60) | None = None  # type: ignore[valid-type]
    per_side: bool = False
    rest_seconds: Between(0, 300)  # type: ignore[valid-type]
    days_per_week: Between(1, 7)  # type: ignore[valid-type]
    note: Text | None = None
    """Load, tempo or how to progress, in a few words."""

    @model_validator(mode="after")
    def _one_amount(self) -> Dosage:
        given = [n for n in ("reps", "hold_seconds", "duration_minutes") if getattr(self, n) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of reps, hold_seconds or duration_minutes")
        return self


class PainRule(ContentModel):
    """How much pain is acceptable (0-10) during the exercise and after it."""

    during: Between(0, 10)  # type: ignore[valid-type]
    after: Between(0, 10)  # type: ignore[valid-type]
    note: Text | None = None


class Pose(ContentModel):
    """One stick-figure pose; angles in degrees (0 = to the right, 90 = straight up).

    ``hip`` is the pelvis in a 100 x 100 box (y up). Limb angles name the direction
    of each segment from its upper joint; the right side defaults to the left.
    """

    hip: tuple[Coord, Coord]  # type: ignore[valid-type]
    trunk: Angle = 90  # type: ignore[valid-type]
    head: Angle | None = None  # type: ignore[valid-type]
    thigh: Angle = -90  # type: ignore[valid-type]
    shin: Angle = -90  # type: ignore[valid-type]
    thigh2: Angle | None = None  # type: ignore[valid-type]
    shin2: Angle | None = None  # type: ignore[valid-type]
    arm: Angle = -90  # type: ignore[valid-type]
    forearm: Angle = -90  # type: ignore[valid-type]
    arm2: Angle | None = None  # type: ignore[valid-type]
    forearm2: Angle | None = None  # type: ignore[valid-type]
    foot: Literal["right", "left", "up", "point", "none"] = "right"
    """Which way the near foot points: along the floor, up (lying), pointed, or not drawn."""


PropKind = Literal[
    "floor", "wall", "step", "box", "bench", "roller", "band", "weight", "bike", "strap", "ball"
]


class Prop(ContentModel):
    """A simple shape behind the figure: floor, wall, step, bench, foam roller..."""

    kind: PropKind
    x: Coord = 0  # type: ignore[valid-type]
    y: Coord = 0  # type: ignore[valid-type]
    w: Coord = 0  # type: ignore[valid-type]
    h: Coord = 0  # type: ignore[valid-type]
    panel: Literal["both", "start", "end"] = "both"
    """Which picture shows it (a roller that moves, say)."""


class Figure(ContentModel):
    """Start and end poses drawn by :mod:`kneecore.figures`, and their description."""

    view: Literal["side", "front"] = "side"
    start: Pose
    end: Pose
    props: tuple[Prop, ...] = ()
    alt: Text
    """What the picture shows, for screen readers and the printout."""


class Exercise(ContentModel):
    """One exercise with its dose, steps, pain rule, ladder and sources."""

    id: Id
    name: Text
    aliases: tuple[Text, ...] = ()
    trains: Annotated[tuple[Text, ...], Field(min_length=1)]
    conditions: tuple[str, ...] = ()
    phase: Phase
    difficulty: Between(1, 5)  # type: ignore[valid-type]
    equipment: tuple[Id, ...] = ()
    position: Position
    dosage: Dosage
    steps: Annotated[tuple[Text, ...], Field(min_length=2)]
    cues: Annotated[tuple[Text, ...], Field(min_length=1)]
    mistakes: Annotated[tuple[Text, ...], Field(min_length=1)]
    pain: PainRule
    regressions: tuple[Id, ...] = ()
    progressions: tuple[Id, ...] = ()
    minutes: Between(1, 30)  # type: ignore[valid-type]
    why: Markdown
    """What it does for the knee, in a sentence or two."""
    references: References
    video_url: Annotated[str, Field(pattern=r"^https://\S+$")] | None = None
    figure: Figure


class ExerciseFile(ContentModel):
    """One file under content/exercises/: a group of exercises."""

    group: Text
    exercises: Annotated[tuple[Exercise, ...], Field(min_length=1)]


class Label(ContentModel):
    """A value's label on the page (an emoji allowed, no icons fetched)."""

    id: Id
    label: Text


class PageText(ContentModel):
    """content/exercises/_page.yaml: the words of the exercises page."""

    phases: Annotated[tuple[Label, ...], Field(min_length=4)]
    positions: Annotated[tuple[Label, ...], Field(min_length=6)]
    equipment: Annotated[tuple[Label, ...], Field(min_length=1)]
    labels: Annotated[dict[Id, Text], AfterValidator(required_labels)]
    """Short interface texts keyed by name (headings, widget labels, notes)."""
    pain_rule: Text
    """Template with {during} and {after}."""
    pain_references: References


class RoutineEntry(ContentModel):
    """One exercise in a starter routine, with an optional dose of its own."""

    exercise: Id
    dosage: Dosage | None = None


class Routine(ContentModel):
    """A starter routine with a short why and its sources."""

    id: Id
    name: Text
    summary: Text
    why: Markdown
    conditions: tuple[str, ...] = ()
    items: Annotated[tuple[RoutineEntry, ...], Field(min_length=1, max_length=MAX_ROUTINE_ITEMS)]
    references: References


class RoutineFile(ContentModel):
    """content/routines.yaml."""

    routines: Annotated[tuple[Routine, ...], Field(min_length=1)]


class ExerciseContent(ContentModel):
    """All exercises (in file order), the page's words and the starter routines."""

    exercises: tuple[Exercise, ...] = ()
    routines: tuple[Routine, ...] = ()
    page: PageText | None = None
    sources: dict[str, str] = Field(default_factory=dict)
    """Exercise id -> the file it came from (for cross-file messages)."""
    _index: dict[str, Exercise] = PrivateAttr(default_factory=dict)

    def exercise(self, ident: str) -> Exercise | None:
        """The exercise with this id, if any."""
        return self._by_id().get(ident)

    def routine(self, ident: str) -> Routine | None:
        """The starter routine with this id, if any."""
        return next((r for r in self.routines if r.id == ident), None)

    def _by_id(self) -> dict[str, Exercise]:
        if not self._index:
            self._index.update({e.id: e for e in self.exercises})
        return self._index

    def label(self, key: str) -> str:
        """A page text from _page.yaml (the key itself if missing)."""
        return self.page.labels.get(key, key) if self.page else key


SCHEMAS: dict[str, type[BaseModel]] = {
    "exercises/*.yaml": ExerciseFile,
    "exercises/_page.yaml": PageText,
    "routines.yaml": RoutineFile,
}
"""File (or folder glob) under content/ -> the model one such file must match."""


def load(root: Path, problems: Problems) -> ExerciseContent | None:
    """Read and validate content/exercises/*.yaml, _page.yaml and routines.yaml.

    Parameters
    ----------
    root:
        The content folder.
    problems:
        Where problems are recorded.

    Returns
    -------
    ExerciseContent | None
        The domain, or None when a file failed (its problems are recorded).
    """
    folder = root / "exercises"
    if not folder.is_dir():
        problems.add(folder, "folder is missing")
        return None
    exercises: list[Exercise] = []
    sources: dict[str, str] = {}
    ok = True
    files = sorted(p for p in folder.glob("*.yaml") if not p.name.startswith("_"))
    if not files:
        problems.add(folder, "folder has no .yaml files")
        ok = False
    for path in files:
        group = read_file(root, str(path.relative_to(root)), ExerciseFile, problems)
        if group is None:
            ok = False
            continue
        for ex in group.exercises:
            exercises.append(ex)
            sources.setdefault(ex.id, problems.label(path))
    page = read_file(root, "exercises/_page.yaml", PageText, problems)
    routines = read_file(root, "routines.yaml", RoutineFile, problems)
    if not ok or page is None or routines is None:
        return None
    return ExerciseContent(exercises=tuple(exercises), routines=routines.routines, page=page, sources=sources)


def check(content: Content, problems: Problems) -> None:
    """Cross-file checks of the exercise library: :func:`kneecore.content.exercises_checks.cross_check`.

    Parameters
    ----------
    content:
        The loaded content.
    problems:
        Where problems are recorded.
    """
    from kneecore.content.exercises_checks import cross_check  # it imports this module

    cross_check(content, problems)
