"""Search speed: index build and query time over the real content, then with 200 generated stories.

Usage: .venv/bin/python bench/search.py   (prints median and p95 in milliseconds)
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kneecore import load_content
from kneecore.content.stories import Story
from kneecore.search import SearchIndex, build_index, doc_of, index_content, search

QUERIES = [
    "runner's knee", "IT band", "kneecap pain stairs", "acupuncture", "foam rolling", "swelling after twist",
    "when to see a doctor", "red flags", "clamshell", "cadence", "tendon", "osteoarthritis running",
    "baker's cyst", "hips", "return to running", "pain during run next morning", "yoga", "injection",
    "meniscus surgery", "stress fracture periods",
]  # fmt: skip


def generated_stories(real: tuple[Story, ...], count: int, seed: int = 7) -> list[Story]:
    """``count`` stories made by remixing the real ones' sentences (same shape, new ids)."""
    rng = random.Random(seed)
    lines = [line for s in real for line in (*s.what_helped, *s.setbacks, *s.lessons)]
    out = []
    for n in range(count):
        base = rng.choice(real).model_dump()
        base["id"] = f"generated_{n}"
        base["title"] = f"{base['title']} ({n})"
        base["what_helped"] = tuple(rng.sample(lines, 3))
        base["setbacks"] = tuple(rng.sample(lines, 2))
        out.append(Story.model_validate(base, strict=False))
    return out


def timed(index: SearchIndex, rounds: int = 25) -> list[float]:
    """Milliseconds per query over ``rounds`` passes of every query."""
    times = []
    for _ in range(rounds):
        for query in QUERIES:
            start = time.perf_counter()
            search(index, query)
            times.append((time.perf_counter() - start) * 1000)
    return times


def report(name: str, index: SearchIndex, build_ms: float) -> None:
    """Print the figures for one index."""
    timed(index, rounds=2)  # warm-up
    times = sorted(timed(index))
    p95 = times[int(len(times) * 0.95) - 1]
    print(
        f"{name}: {len(index.docs)} docs, {len(index.vocabulary)} terms, build {build_ms:.1f} ms; "
        f"query median {statistics.median(times):.3f} ms, p95 {p95:.3f} ms ({len(times)} queries)"
    )


def main() -> None:
    """Run both benchmarks."""
    content = load_content()
    start = time.perf_counter()
    real = index_content(content)
    report("real content", real, (time.perf_counter() - start) * 1000)
    stories = generated_stories(content.library.stories, 200)
    start = time.perf_counter()
    extra = [doc_of("story", s, f"/stories?story={s.id}") for s in stories]
    bigger = build_index([*real.docs, *extra])
    report("real + 200 generated stories", bigger, (time.perf_counter() - start) * 1000)


if __name__ == "__main__":
    main()
