"""Cross-file checks of the exercise library (split from :mod:`kneecore.content.exercises`).

Unique ids; ladder ids exist and agree on both ends; the ladder never loops back;
known conditions; equipment and positions with labels; routines name real exercises;
every id other features name is present; and nothing a condition avoids for now is
offered for it (:mod:`kneecore.content.avoid`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kneecore.content import avoid
from kneecore.content._base import Problems, check_unique
from kneecore.content.exercises import EXERCISE_IDS, PHASES, POSITIONS, ROUTINE_IDS
from kneecore.ids import CONDITION_IDS

if TYPE_CHECKING:
    from kneecore.content import Content

__all__ = ["cross_check", "find_cycle"]


def cross_check(content: Content, problems: Problems) -> None:
    """Cross-file checks: unique ids, ladder ids exist and agree, no cycles, known
    conditions, equipment and positions with labels, routines name real exercises,
    every contract id is covered, and nothing a condition avoids for now is offered
    for it (:mod:`kneecore.content.avoid`).

    Parameters
    ----------
    content:
        The loaded content.
    problems:
        Where problems are recorded.
    """
    dom = content.exercises
    ex_dir = content.root / "exercises"
    routines_file = content.root / "routines.yaml"
    check_unique(problems, ex_dir, "exercise", (e.id for e in dom.exercises))
    check_unique(problems, routines_file, "routine", (r.id for r in dom.routines))
    known = {e.id: e for e in dom.exercises}
    page = dom.page
    equipment = {lab.id for lab in page.equipment} if page else set()
    conditions = set(CONDITION_IDS)
    for ex in dom.exercises:
        where = dom.sources.get(ex.id, problems.label(ex_dir))
        item = f"exercise '{ex.id}'"
        for key in ("regressions", "progressions"):
            for ref in getattr(ex, key):
                if ref not in known:
                    problems.add(where, f"names exercise {ref!r}, which does not exist", item, key)
                elif ref == ex.id:
                    problems.add(where, "names the exercise itself", item, key)
        for ref in ex.progressions:
            if ref in known and ex.id not in known[ref].regressions:
                problems.add(where, f"{ref!r} should list {ex.id!r} under regressions", item, "progressions")
        for ref in ex.regressions:
            if ref in known and ex.id not in known[ref].progressions:
                problems.add(where, f"{ref!r} should list {ex.id!r} under progressions", item, "regressions")
        for cond in ex.conditions:
            if cond not in conditions:
                problems.add(where, f"names condition {cond!r}, which does not exist", item, "conditions")
        for kit in ex.equipment:
            if kit not in equipment:
                problems.add(
                    where, f"names equipment {kit!r}, which has no label in _page.yaml", item, "equipment"
                )
    harder: dict[str, tuple[str, ...]] = {e.id: e.progressions for e in dom.exercises}
    for ex in dom.exercises:
        for easier in ex.regressions:
            if easier in harder:
                harder[easier] = (*harder[easier], ex.id)
    cycle = find_cycle(harder)
    if cycle:
        first = cycle[0]
        problems.add(
            dom.sources.get(first, problems.label(ex_dir)),
            "the ladder loops back: " + " -> ".join([*cycle, first]),
            f"exercise '{first}'",
            "progressions",
        )
    for routine in dom.routines:
        item = f"routine '{routine.id}'"
        for entry in routine.items:
            if entry.exercise not in known:
                problems.add(
                    routines_file, f"names exercise {entry.exercise!r}, which does not exist", item, "items"
                )
        for cond in routine.conditions:
            if cond not in conditions:
                problems.add(
                    routines_file, f"names condition {cond!r}, which does not exist", item, "conditions"
                )
    for ident in EXERCISE_IDS:
        if ident not in known:
            problems.add(ex_dir, f"exercise {ident!r} is named by other features but missing")
    have_routines = {r.id for r in dom.routines}
    for ident in ROUTINE_IDS:
        if ident not in have_routines:
            problems.add(routines_file, f"routine {ident!r} is named by other features but missing")
    if page:
        have = {lab.id for lab in page.phases}
        for phase in PHASES:
            if phase not in have:
                problems.add(ex_dir / "_page.yaml", f"phase {phase!r} has no label", "", "phases")
        have = {lab.id for lab in page.positions}
        for pos in POSITIONS:
            if pos not in have:
                problems.add(ex_dir / "_page.yaml", f"position {pos!r} has no label", "", "positions")
    avoid.check(content, problems)


def find_cycle(edges: dict[str, tuple[str, ...]]) -> list[str]:
    """One cycle in a directed graph, as a list of nodes, or [] when there is none.

    Parameters
    ----------
    edges:
        Node -> the nodes it points to (unknown targets are ignored).

    Returns
    -------
    list[str]
        The nodes of the first cycle found, in order, starting at its smallest id.
    """
    white, grey, black = 0, 1, 2
    colour = dict.fromkeys(edges, white)
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        colour[node] = grey
        stack.append(node)
        for nxt in edges.get(node, ()):
            if nxt not in colour:
                continue
            if colour[nxt] == grey:
                loop = stack[stack.index(nxt) :]
                start = loop.index(min(loop))
                return loop[start:] + loop[:start]
            if colour[nxt] == white:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        colour[node] = black
        return []

    for node in sorted(edges):
        if colour[node] == white:
            found = visit(node)
            if found:
                return found
    return []
