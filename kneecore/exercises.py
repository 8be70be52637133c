"""Finding exercises: search, filters, the progression ladder, and filters in the URL.

Everything here is a pure function over a sequence of
:class:`~kneecore.content.exercises.Exercise` (or anything shaped like one), so the
page, the tests and ``bench/exercises.py`` call the same code.

Filter semantics (each dimension narrows the list; an empty dimension does not):

- ``conditions``, ``phases``, ``positions``: the exercise matches any chosen value;
- ``equipment``: the kit you have; an exercise passes when it needs nothing else;
- ``difficulty``: an inclusive range 1-5; ``max_minutes``: the time you have;
- ``query``: every word must appear in the name, an alias or a cue (accents and case
  ignored); results are ranked name > alias > cue.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Protocol

from kneecore.content.exercises import PHASES, POSITIONS, Exercise
from kneecore.ids import CONDITION_IDS
from kneecore.messages import note
from kneecore.routines import dosage_text

__all__ = [
    "DIFFICULTY",
    "FILTER_PARAMS",
    "TIME_LIMITS",
    "Filters",
    "Searchable",
    "decode_filters",
    "encode_filters",
    "filter_exercises",
    "find_exercises",
    "matches",
    "normalise",
    "search",
    "table_rows",
]

DIFFICULTY = (1, 5)
"""The lowest and highest difficulty an exercise has (the ``level`` filter's limits)."""
TIME_LIMITS = (1, 120)
"""The fewest and most minutes the ``time`` filter takes from a link."""
MAX_QUERY = 80
FILTER_PARAMS = ("q", "condition", "phase", "equipment", "position", "level", "time")
"""Query-string keys the filter state uses (``?condition=pfps&level=1-3``)."""


class Searchable(Protocol):
    """What filtering and search read from an exercise."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def aliases(self) -> tuple[str, ...]: ...
    @property
    def cues(self) -> tuple[str, ...]: ...
    @property
    def conditions(self) -> tuple[str, ...]: ...
    @property
    def phase(self) -> str: ...
    @property
    def difficulty(self) -> int: ...
    @property
    def equipment(self) -> tuple[str, ...]: ...
    @property
    def position(self) -> str: ...
    @property
    def minutes(self) -> int: ...
    @property
    def regressions(self) -> tuple[str, ...]: ...
    @property
    def progressions(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class Filters:
    """The browser's filter state. Empty tuples and None mean "any"."""

    query: str = ""
    conditions: tuple[str, ...] = ()
    phases: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    positions: tuple[str, ...] = ()
    difficulty: tuple[int, int] = DIFFICULTY
    max_minutes: int | None = None

    @property
    def active(self) -> bool:
        """True when any filter narrows the list."""
        return self != Filters()


def normalise(text: str) -> str:
    """Lower-case ``text`` without accents, punctuation folded to spaces.

    Parameters
    ----------
    text:
        Any text.

    Returns
    -------
    str
        ``"Spanish-squat Hóld"`` becomes ``"spanish squat hold"``.
    """
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    plain = "".join(ch if ch.isalnum() else " " for ch in plain)
    return " ".join(plain.split())


_WEIGHTS = ((0, 10), (1, 6), (2, 2))


@lru_cache(maxsize=8192)
def _fields(name: str, aliases: tuple[str, ...], cues: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Normalised name, aliases, cues and all of them joined (cached: the library rarely changes)."""
    parts = ((normalise(name),), tuple(normalise(a) for a in aliases), tuple(normalise(c) for c in cues))
    return (*parts, (" | ".join(t for part in parts for t in part),))


def _score(ex: Searchable, words: Sequence[str]) -> int:
    """Rank of ``ex`` for ``words``: 0 when a word is found nowhere."""
    fields = _fields(ex.name, tuple(ex.aliases), tuple(ex.cues))
    if not all(word in fields[3][0] for word in words):
        return 0
    total = 0
    for word in words:
        best = 0
        for index, weight in _WEIGHTS:
            for text in fields[index]:
                if word not in text:
                    continue
                bonus = 2 if (" " + text).find(" " + word) >= 0 else 0
                best = max(best, weight + bonus)
        if best == 0:
            return 0
        total += best
    name = fields[0][0]
    phrase = " ".join(words)
    if phrase == name:
        total += 20
    elif name.startswith(phrase):
        total += 5
    return total


def search(exercises: Iterable[Searchable], query: str) -> list[Searchable]:
    """Exercises whose name, aliases or cues hold every word of ``query``, best first.

    Parameters
    ----------
    exercises:
        Where to look.
    query:
        Free text; case and accents are ignored. A blank query returns everything
        in the given order.

    Returns
    -------
    list
        Matching exercises, ranked (name > alias > cue; ties keep the given order).
    """
    words = normalise(query).split()
    items = list(exercises)
    if not words:
        return items
    scored = [(_score(ex, words), i, ex) for i, ex in enumerate(items)]
    return [ex for score, _, ex in sorted(scored, key=lambda t: (-t[0], t[1])) if score > 0]


def matches(ex: Searchable, filters: Filters) -> bool:
    """True when ``ex`` passes every filter except the text query.

    Parameters
    ----------
    ex:
        The exercise.
    filters:
        The filter state.

    Returns
    -------
    bool
        Whether it passes condition, phase, equipment, position, difficulty and time.
    """
    if filters.conditions and not set(ex.conditions) & set(filters.conditions):
        return False
    if filters.phases and ex.phase not in filters.phases:
        return False
    if filters.positions and ex.position not in filters.positions:
        return False
    if filters.equipment and not set(ex.equipment) <= set(filters.equipment):
        return False
    lo, hi = filters.difficulty
    if not lo <= ex.difficulty <= hi:
        return False
    return filters.max_minutes is None or ex.minutes <= filters.max_minutes


def filter_exercises(exercises: Iterable[Searchable], filters: Filters) -> list[Searchable]:
    """Exercises passing ``filters`` (without the text query), in the given order."""
    return [ex for ex in exercises if matches(ex, filters)]


def find_exercises(exercises: Iterable[Searchable], filters: Filters) -> list[Searchable]:
    """Filter, then search: what the browser shows for a filter state.

    Parameters
    ----------
    exercises:
        The library.
    filters:
        The filter state, its ``query`` included.

    Returns
    -------
    list
        Exercises that pass every filter, ranked by the query when there is one.
    """
    return search(filter_exercises(exercises, filters), filters.query)


# ---------------------------------------------------------------------------
# Filters <-> query parameters


def _split(raw: str | Sequence[str]) -> list[str]:
    values = [raw] if isinstance(raw, str) else list(raw)
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _pick(key: str, raw: str | Sequence[str], known: Iterable[str], notes: list[str]) -> tuple[str, ...]:
    allowed = set(known)
    kept: list[str] = []
    for value in _split(raw):
        if value in allowed:
            if value not in kept:
                kept.append(value)
        else:
            notes.append(note("note_unknown_value", key=key, value=repr(value[:40])))
    return tuple(kept)


def decode_filters(
    params: Mapping[str, str | Sequence[str]],
    equipment: Iterable[str],
) -> tuple[Filters, list[str]]:
    """Filter state from query parameters; what cannot be read is dropped with a note.

    Parameters
    ----------
    params:
        Query parameters (a value may be a list or comma-separated).
    equipment:
        The equipment ids the content knows.

    Returns
    -------
    (Filters, list[str])
        The state, and one plain note per value that was ignored.
    """
    notes: list[str] = []
    filters = Filters()
    if "q" in params:
        query = " ".join(_split(params["q"]) if not isinstance(params["q"], str) else [params["q"]])
        if len(query) > MAX_QUERY:
            notes.append(note("note_query_cut", key="q", limit=MAX_QUERY))
        filters = replace(filters, query=query[:MAX_QUERY].strip())
    lists = {
        "condition": ("conditions", CONDITION_IDS),
        "phase": ("phases", PHASES),
        "equipment": ("equipment", tuple(equipment)),
        "position": ("positions", POSITIONS),
    }
    picked = {attr: _pick(key, params[key], ok, notes) for key, (attr, ok) in lists.items() if key in params}
    filters = replace(
        filters,
        conditions=picked.get("conditions", ()),
        phases=picked.get("phases", ()),
        equipment=picked.get("equipment", ()),
        positions=picked.get("positions", ()),
    )
    if "level" in params:
        raw = _split(params["level"])
        level = _range(raw[-1] if raw else "")
        if level is None:
            bad = (raw[-1] if raw else "")[:20]
            notes.append(note("note_level", key="level", value=repr(bad), lo=DIFFICULTY[0], hi=DIFFICULTY[1]))
        else:
            filters = replace(filters, difficulty=level)
    if "time" in params:
        raw = _split(params["time"])
        text = raw[-1] if raw else ""
        lo, hi = TIME_LIMITS
        if text.isdigit() and lo <= int(text) <= hi:
            filters = replace(filters, max_minutes=int(text))
        else:
            notes.append(note("note_time", key="time", value=repr(text[:20]), lo=lo, hi=hi))
    return filters, notes


def _range(text: str) -> tuple[int, int] | None:
    parts = text.split("-")
    if len(parts) == 1:
        parts = [parts[0], parts[0]]
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        return None
    lo, hi = int(parts[0]), int(parts[1])
    if not DIFFICULTY[0] <= lo <= hi <= DIFFICULTY[1]:
        return None
    return lo, hi


def encode_filters(filters: Filters) -> dict[str, str]:
    """Query parameters for a filter state; "any" dimensions are left out.

    Parameters
    ----------
    filters:
        The state.

    Returns
    -------
    dict[str, str]
        Keys from :data:`FILTER_PARAMS`; lists joined by commas.
    """
    out: dict[str, str] = {}
    if filters.query.strip():
        out["q"] = filters.query.strip()
    for key, values in (
        ("condition", filters.conditions),
        ("phase", filters.phases),
        ("equipment", filters.equipment),
        ("position", filters.positions),
    ):
        if values:
            out[key] = ",".join(values)
    if filters.difficulty != DIFFICULTY:
        out["level"] = f"{filters.difficulty[0]}-{filters.difficulty[1]}"
    if filters.max_minutes is not None:
        out["time"] = str(filters.max_minutes)
    return out


# ---------------------------------------------------------------------------
# The clinician table


def table_rows(exercises: Iterable[Exercise], words: Mapping[str, str]) -> list[dict[str, str | int]]:
    """One flat row per exercise for the clinicians' table and its CSV.

    Parameters
    ----------
    exercises:
        The exercises to list, in order.
    words:
        Page labels (``col_*`` column names, dose templates) from _page.yaml.

    Returns
    -------
    list[dict]
        Column name -> value; ids stay ids so a clinician can paste them.
    """
    rows: list[dict[str, str | int]] = []
    for ex in exercises:
        rows.append(
            {
                "id": ex.id,
                words["col_name"]: ex.name,
                words["col_phase"]: ex.phase,
                words["col_level"]: int(ex.difficulty),
                words["col_dose"]: dosage_text(ex.dosage, words),
                words["col_minutes"]: int(ex.minutes),
                words["col_pain"]: f"{ex.pain.during}/{ex.pain.after}",
                words["col_conditions"]: ", ".join(ex.conditions),
                words["col_equipment"]: ", ".join(ex.equipment),
                words["col_position"]: ex.position,
                words["col_regressions"]: ", ".join(ex.regressions),
                words["col_progressions"]: ", ".join(ex.progressions),
                words["col_link"]: f"/exercises?exercise={ex.id}",
            }
        )
    return rows
