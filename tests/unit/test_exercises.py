"""Search, filters, the ladder and the filter <-> query-string codec of kneecore.exercises."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from kneecore.content.exercises_checks import find_cycle
from kneecore.exercises import (
    Filters,
    decode_filters,
    encode_filters,
    filter_exercises,
    find_exercises,
    matches,
    normalise,
    search,
)
from kneecore.ladder import ladder


@dataclass(frozen=True)
class Ex:
    """A minimal exercise for rule tables."""

    id: str
    name: str = "x"
    aliases: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    phase: str = "early"
    difficulty: int = 1
    equipment: tuple[str, ...] = ()
    position: str = "standing"
    minutes: int = 5
    regressions: tuple[str, ...] = ()
    progressions: tuple[str, ...] = ()


BAND = Ex(
    "band",
    conditions=("pfps",),
    phase="strength",
    difficulty=3,
    equipment=("band",),
    position="lying",
    minutes=8,
)


@pytest.mark.parametrize(
    ("filters", "passes"),
    [
        (Filters(), True),
        (Filters(conditions=("pfps",)), True),
        (Filters(conditions=("itbs",)), False),
        (Filters(conditions=("itbs", "pfps")), True),
        (Filters(phases=("strength",)), True),
        (Filters(phases=("early", "return")), False),
        (Filters(positions=("lying",)), True),
        (Filters(positions=("standing",)), False),
        (Filters(equipment=("band", "mat")), True),
        (Filters(equipment=("mat",)), False),
        (Filters(difficulty=(3, 3)), True),
        (Filters(difficulty=(1, 2)), False),
        (Filters(difficulty=(4, 5)), False),
        (Filters(max_minutes=8), True),
        (Filters(max_minutes=7), False),
    ],
)
def test_filter_rules(filters: Filters, passes: bool) -> None:
    """Each filter dimension passes or rejects the exercise as its rule says."""
    assert matches(BAND, filters) is passes
    assert (filter_exercises([BAND], filters) == [BAND]) is passes


def test_equipment_filter_keeps_exercises_needing_nothing() -> None:
    """An exercise with no equipment passes whatever kit is chosen."""
    assert matches(Ex("free"), Filters(equipment=("mat",)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Spanish-squat Hóld", "spanish squat hold"), ("  A–SKIP!! ", "a skip"), ("Übung", "ubung"), ("", "")],
)
def test_normalise(text: str, expected: str) -> None:
    """Case, accents and punctuation are folded away."""
    assert normalise(text) == expected


LIB = [
    Ex("wall", name="Wall sit", aliases=("wall squat",), cues=("Back flat on the wall",)),
    Ex("cue_only", name="Chair", cues=("Sit like on a wall",)),
    Ex("alias_only", name="Quad set", aliases=("wall press",)),
    Ex("bridge", name="Glute bridge", cues=("Squeeze the buttocks",)),
]


def test_search_ranks_name_then_alias_then_cue() -> None:
    """A word in the name beats one in an alias, which beats one in a cue."""
    assert [e.id for e in search(LIB, "wall")] == ["wall", "alias_only", "cue_only"]


def test_search_ignores_case_and_accents() -> None:
    """'GLÜTE' finds the glute bridge."""
    assert [e.id for e in search(LIB, "GLÜTE")] == ["bridge"]


def test_search_needs_every_word() -> None:
    """All words must match somewhere; one missing word drops the exercise."""
    assert [e.id for e in search(LIB, "glute squeeze")] == ["bridge"]
    assert search(LIB, "glute wall") == []


def test_blank_search_keeps_order() -> None:
    """A blank query returns everything, in the given order."""
    assert search(LIB, "   ") == LIB


def test_find_exercises_filters_then_searches() -> None:
    """find_exercises applies the filters and the query together."""
    lib = [*LIB, Ex("hard_wall", name="Wall hop", difficulty=5)]
    found = find_exercises(lib, Filters(query="wall", difficulty=(4, 5)))
    assert [e.id for e in found] == ["hard_wall"]


def test_search_finds_real_exercises_by_alias_and_cue(content) -> None:
    """On the real library, an alias and a cue each find their exercise."""
    lib = content.exercises.exercises
    assert search(lib, "HSR")[0].id == "heavy_slow_squat"
    assert "wall_sit" in [e.id for e in search(lib, "back flat on the wall")]


def test_ladder_of_a_real_exercise(content) -> None:
    """The quad set ladder climbs to squats; rungs rise along every edge."""
    lad = ladder(content.exercises.exercises, "quad_set")
    rung = {s.id: s.rung for s in lad.steps}
    assert rung["quad_set"] == 0
    assert {"straight_leg_raise", "terminal_knee_extension"} == set(lad.above())
    assert "heavy_slow_squat" in rung
    assert all(rung[a] < rung[b] for a, b in lad.edges)


def test_ladder_lanes_are_distinct_within_a_rung(content) -> None:
    """No two exercises share a rung and a lane, so the chart never overlaps them."""
    for ex in content.exercises.exercises:
        steps = ladder(content.exercises.exercises, ex.id).steps
        assert len({(s.rung, s.lane) for s in steps}) == len(steps)
        assert ex.id in {s.id for s in steps}


def test_ladder_of_unknown_id_is_empty() -> None:
    """An unknown id gives an empty ladder, not an error."""
    assert ladder(LIB, "nope").steps == ()


def test_ladder_of_a_standalone_exercise() -> None:
    """An exercise with no links is a ladder of one."""
    lad = ladder(LIB, "bridge")
    assert [s.id for s in lad.steps] == ["bridge"]
    assert lad.edges == ()


@pytest.mark.parametrize(
    ("edges", "cycle"),
    [
        ({"a": ("b",), "b": ("c",), "c": ()}, []),
        ({"a": ("b",), "b": ("c",), "c": ("a",)}, ["a", "b", "c"]),
        ({"x": ("y",), "y": ("x",)}, ["x", "y"]),
        ({"a": ("a",)}, ["a"]),
        ({"a": ("ghost",)}, []),
    ],
)
def test_find_cycle(edges: dict[str, tuple[str, ...]], cycle: list[str]) -> None:
    """Cycles are found and reported from their smallest id; unknown targets are ignored."""
    assert find_cycle(edges) == cycle


EQUIP = ("band", "mat", "step")


@pytest.mark.parametrize(
    ("params", "filters", "notes"),
    [
        ({}, Filters(), []),
        ({"condition": "pfps,itbs"}, Filters(conditions=("pfps", "itbs")), []),
        ({"condition": ["pfps", "pfps"]}, Filters(conditions=("pfps",)), []),
        (
            {"condition": "pfps,gout"},
            Filters(conditions=("pfps",)),
            ["condition: 'gout' is not a known value, so it was ignored"],
        ),
        ({"phase": "return", "position": "lying"}, Filters(phases=("return",), positions=("lying",)), []),
        (
            {"equipment": "band,sword"},
            Filters(equipment=("band",)),
            ["equipment: 'sword' is not a known value, so it was ignored"],
        ),
        ({"level": "2-4"}, Filters(difficulty=(2, 4)), []),
        ({"level": "3"}, Filters(difficulty=(3, 3)), []),
        ({"level": "4-2"}, Filters(), ["level: '4-2' is not a range like 1-3 within 1-5, so it was ignored"]),
        ({"level": "0-9"}, Filters(), ["level: '0-9' is not a range like 1-3 within 1-5, so it was ignored"]),
        ({"time": "10"}, Filters(max_minutes=10), []),
        (
            {"time": "ten"},
            Filters(),
            ["time: 'ten' is not a number of minutes from 1 to 120, so it was ignored"],
        ),
        (
            {"time": "500"},
            Filters(),
            ["time: '500' is not a number of minutes from 1 to 120, so it was ignored"],
        ),
        ({"q": "wall sit"}, Filters(query="wall sit"), []),
        ({"q": "x" * 100}, Filters(query="x" * 80), ["q: the search text was cut to 80 characters"]),
        ({"unrelated": "1"}, Filters(), []),
    ],
)
def test_decode_filters(params: dict[str, object], filters: Filters, notes: list[str]) -> None:
    """Known values are kept, unknown ones dropped with a note naming the parameter."""
    assert decode_filters(params, EQUIP) == (filters, notes)  # type: ignore[arg-type]


def test_encode_leaves_out_any() -> None:
    """An empty filter state is an empty query string; a full one round-trips."""
    assert encode_filters(Filters()) == {}
    state = Filters("hop", ("pfps",), ("return",), ("step",), ("moving",), (2, 4), 15)
    encoded = encode_filters(state)
    assert encoded == {
        "q": "hop",
        "condition": "pfps",
        "phase": "return",
        "equipment": "step",
        "position": "moving",
        "level": "2-4",
        "time": "15",
    }
    assert decode_filters(encoded, EQUIP) == (state, [])
    assert state.active
    assert not Filters().active
