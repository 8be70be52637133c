"""Speed of filtering and search over 1,000 generated exercises (and a few page helpers).

Run: ``.venv/bin/python bench/exercises.py``. Prints median and p95 in milliseconds.
The goal is well under 50 ms for one filter-and-search call.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kneecore import load_content
from kneecore.content.exercises import PHASES, POSITIONS, Exercise
from kneecore.exercises import Filters, decode_filters, encode_filters, find_exercises
from kneecore.figures import render_svg
from kneecore.ids import CONDITION_IDS
from kneecore.ladder import ladder

N = 1000
RUNS = 200


def library(seed: int = 7) -> list[Exercise]:
    """1,000 exercises cloned from the real ones with new ids, names and attributes."""
    rng = random.Random(seed)
    real = load_content().exercises.exercises
    out = []
    for i in range(N):
        base = real[i % len(real)]
        out.append(
            base.model_copy(
                update={
                    "id": f"{base.id}_{i}",
                    "name": f"{base.name} variant {i}",
                    "conditions": tuple(rng.sample(CONDITION_IDS, rng.randint(0, 5))),
                    "phase": rng.choice(PHASES),
                    "position": rng.choice(POSITIONS),
                    "difficulty": rng.randint(1, 5),
                    "minutes": rng.randint(1, 20),
                }
            )
        )
    return out


def states(rng: random.Random, equipment: tuple[str, ...]) -> list[Filters]:
    """A mix of filter states like people use: a query, a condition, ranges."""
    queries = ["", "", "wall", "bridge squat", "knee over toes", "hóp", "calf raise slow"]
    out = []
    for _ in range(RUNS):
        out.append(
            Filters(
                query=rng.choice(queries),
                conditions=tuple(rng.sample(CONDITION_IDS, rng.randint(0, 2))),
                phases=tuple(rng.sample(PHASES, rng.randint(0, 2))),
                equipment=tuple(rng.sample(equipment, rng.randint(0, 3))),
                positions=tuple(rng.sample(POSITIONS, rng.randint(0, 2))),
                difficulty=(1, rng.randint(2, 5)),
                max_minutes=rng.choice([None, 5, 10]),
            )
        )
    return out


def timed(fn: Callable[[], object], runs: int = RUNS) -> tuple[float, float]:
    """Median and p95 of ``fn`` in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main() -> None:
    """Print the figures."""
    content = load_content()
    equipment = tuple(lab.id for lab in content.exercises.page.equipment)  # type: ignore[union-attr]
    lib = library()
    rng = random.Random(1)
    cases = iter(states(rng, equipment) * 2)
    params = {"condition": "pfps,itbs", "level": "1-3", "q": "wall"}
    query, pfps = Filters(query="knee over toes"), Filters(conditions=("pfps",))
    rows = {
        f"filter + search, {N} exercises": timed(lambda: find_exercises(lib, next(cases))),
        f"search only ('knee over toes'), {N}": timed(lambda: find_exercises(lib, query)),
        f"filters only (condition pfps), {N}": timed(lambda: find_exercises(lib, pfps)),
        "decode + encode query params": timed(lambda: encode_filters(decode_filters(params, equipment)[0])),
        "ladder (real library, quad_set)": timed(lambda: ladder(content.exercises.exercises, "quad_set")),
        "render one figure (SVG)": timed(lambda: render_svg(content.exercises.exercises[0].figure, "x")),
    }
    print(f"{'case':48} {'median ms':>10} {'p95 ms':>10}")
    for name, (median, p95) in rows.items():
        print(f"{name:48} {median:10.2f} {p95:10.2f}")


if __name__ == "__main__":
    main()
