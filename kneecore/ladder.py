"""The progression ladder: the exercises linked to one by regressions and progressions.

Rungs count up from the easiest exercise (the longest path of "easier -> harder"
edges), lanes spread exercises that share a rung, so a chart never draws two on top
of each other. The content check guarantees the edges have no cycles.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kneecore.exercises import Searchable

__all__ = ["Ladder", "LadderStep", "ladder"]


@dataclass(frozen=True)
class LadderStep:
    """One exercise on a ladder: its rung (0 = easiest) and lane within the rung."""

    id: str
    rung: int
    lane: int


@dataclass(frozen=True)
class Ladder:
    """The exercises linked to one by regressions and progressions."""

    focus: str
    steps: tuple[LadderStep, ...]
    edges: tuple[tuple[str, str], ...] = field(default=())
    """(easier, harder) pairs."""

    def below(self) -> tuple[str, ...]:
        """Ids one step easier than the focus."""
        return tuple(a for a, b in self.edges if b == self.focus)

    def above(self) -> tuple[str, ...]:
        """Ids one step harder than the focus."""
        return tuple(b for a, b in self.edges if a == self.focus)


def ladder(exercises: Iterable[Searchable], ident: str) -> Ladder:
    """The progression ladder around exercise ``ident``.

    Parameters
    ----------
    exercises:
        The library (a valid one: ladders have no cycles).
    ident:
        The exercise to centre on.

    Returns
    -------
    Ladder
        Every exercise reachable by going only easier or only harder from ``ident``,
        with rungs (longest path from the easiest) and the edges among them.
    """
    by_id = {ex.id: ex for ex in exercises}
    if ident not in by_id:
        return Ladder(ident, ())
    up: dict[str, set[str]] = {k: set() for k in by_id}
    down: dict[str, set[str]] = {k: set() for k in by_id}
    for ex in by_id.values():
        for nxt in ex.progressions:
            if nxt in by_id:
                up[ex.id].add(nxt)
                down[nxt].add(ex.id)
        for prev in ex.regressions:
            if prev in by_id:
                up[prev].add(ex.id)
                down[ex.id].add(prev)

    def reach(start: str, graph: dict[str, set[str]]) -> set[str]:
        seen, todo = {start}, [start]
        while todo:
            for nxt in graph[todo.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    nodes = reach(ident, up) | reach(ident, down)
    rung: dict[str, int] = {}

    def depth(node: str, guard: frozenset[str] = frozenset()) -> int:
        if node not in rung:
            below = [p for p in down[node] if p in nodes and p not in guard]
            rung[node] = 1 + max((depth(p, guard | {node}) for p in below), default=-1)
        return rung[node]

    for node in nodes:
        depth(node)
    lanes: dict[int, int] = {}
    steps = []
    for node in sorted(nodes, key=lambda n: (rung[n], by_id[n].difficulty, n)):
        lane = lanes.get(rung[node], 0)
        lanes[rung[node]] = lane + 1
        steps.append(LadderStep(node, rung[node], lane))
    edges = tuple(sorted((a, b) for a in nodes for b in up[a] if b in nodes))
    return Ladder(ident, tuple(steps), edges)
