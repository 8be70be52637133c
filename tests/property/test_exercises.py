"""Hypothesis: filters never let a failing exercise through, narrowing never grows the list,
search results all match, the URL codec round-trips, and routine minutes add up."""

from __future__ import annotations

from dataclasses import dataclass, replace

from hypothesis import given
from hypothesis import strategies as st

from kneecore.content.exercises import PHASES, POSITIONS
from kneecore.exercises import (
    Filters,
    decode_filters,
    encode_filters,
    find_exercises,
    matches,
    normalise,
    search,
)
from kneecore.ids import CONDITION_IDS

EQUIP = ("band", "mat", "step", "wall", "weights")
WORDS = ("wall", "sit", "bridge", "knee", "hip", "squat", "hop", "glúte", "Step", "calf")


@dataclass(frozen=True)
class Ex:
    """A generated exercise with the fields filtering and search read."""

    id: str
    name: str
    aliases: tuple[str, ...]
    cues: tuple[str, ...]
    conditions: tuple[str, ...]
    phase: str
    difficulty: int
    equipment: tuple[str, ...]
    position: str
    minutes: int
    regressions: tuple[str, ...] = ()
    progressions: tuple[str, ...] = ()


def subset(values: tuple[str, ...]) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(st.sampled_from(values), max_size=3, unique=True).map(tuple)


text = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)
exercises = st.lists(
    st.builds(
        Ex,
        id=st.uuids().map(str),
        name=text,
        aliases=st.lists(text, max_size=2).map(tuple),
        cues=st.lists(text, max_size=2).map(tuple),
        conditions=subset(CONDITION_IDS),
        phase=st.sampled_from(PHASES),
        difficulty=st.integers(1, 5),
        equipment=subset(EQUIP),
        position=st.sampled_from(POSITIONS),
        minutes=st.integers(1, 30),
    ),
    max_size=25,
)
levels = st.tuples(st.integers(1, 5), st.integers(1, 5)).map(lambda t: (min(t), max(t)))
filters = st.builds(
    Filters,
    query=st.one_of(st.just(""), text),
    conditions=subset(CONDITION_IDS),
    phases=subset(PHASES),
    equipment=subset(EQUIP),
    positions=subset(POSITIONS),
    difficulty=levels,
    max_minutes=st.one_of(st.none(), st.integers(1, 120)),
)


@given(exercises, filters)
def test_results_pass_every_filter(lib: list[Ex], state: Filters) -> None:
    """Nothing in the results fails a filter, and nothing that passes them all is missing."""
    found = find_exercises(lib, state)
    assert all(matches(ex, state) for ex in found)
    if not state.query:
        assert found == [ex for ex in lib if matches(ex, state)]


@given(exercises, filters, filters)
def test_adding_a_filter_never_grows_the_list(lib: list[Ex], state: Filters, extra: Filters) -> None:
    """Setting one more dimension (or a narrower range) never adds results."""
    before = {ex.id for ex in find_exercises(lib, state)}
    for dim in ("conditions", "phases", "equipment", "positions", "max_minutes"):
        if getattr(state, dim) in ((), None) and getattr(extra, dim) not in ((), None):
            after = {ex.id for ex in find_exercises(lib, replace(state, **{dim: getattr(extra, dim)}))}
            assert after <= before
    lo = max(state.difficulty[0], extra.difficulty[0])
    hi = min(state.difficulty[1], extra.difficulty[1])
    if lo <= hi:
        narrower = {ex.id for ex in find_exercises(lib, replace(state, difficulty=(lo, hi)))}
        assert narrower <= before
    if not state.query:
        searched = {ex.id for ex in find_exercises(lib, replace(state, query=extra.query))}
        assert searched <= before


@given(exercises, text)
def test_search_results_all_match(lib: list[Ex], query: str) -> None:
    """Every word of the query appears in each result's name, an alias or a cue."""
    for ex in search(lib, query):
        haystack = " | ".join(normalise(t) for t in (ex.name, *ex.aliases, *ex.cues))
        assert all(word in haystack for word in normalise(query).split())


@given(exercises, text)
def test_search_never_loses_a_name_match(lib: list[Ex], query: str) -> None:
    """An exercise whose name contains the whole query is always found."""
    found = {ex.id for ex in search(lib, query)}
    assert all(ex.id in found for ex in lib if normalise(query) in normalise(ex.name))


@given(filters)
def test_query_string_round_trip(state: Filters) -> None:
    """Encoding a filter state and decoding it gives the same state and no notes."""
    assert decode_filters(encode_filters(state), EQUIP) == (replace(state, query=state.query.strip()), [])


@given(
    st.dictionaries(
        st.sampled_from(("q", "condition", "phase", "equipment", "position", "level", "time")),
        st.text(max_size=30),
    )
)
def test_any_query_string_decodes_to_a_valid_state(params: dict[str, str]) -> None:
    """Whatever the URL holds, decoding gives known values only and never raises."""
    state, notes = decode_filters(params, EQUIP)
    assert set(state.conditions) <= set(CONDITION_IDS)
    assert set(state.equipment) <= set(EQUIP)
    assert set(state.phases) <= set(PHASES)
    assert set(state.positions) <= set(POSITIONS)
    assert 1 <= state.difficulty[0] <= state.difficulty[1] <= 5
    assert state.max_minutes is None or 1 <= state.max_minutes <= 120
    assert all(isinstance(n, str) and ": " in n for n in notes)
