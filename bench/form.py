"""Form feature speed: checklist ranking, cadence maths, metronome WAV (10-minute track), PDF.

Method
------
Each operation runs REPEATS times (after one warm-up) with ``time.perf_counter``; the
median and p95 are printed in milliseconds. Ranking uses the real ``content/form.yaml``
with answers drawn at random (seeded). The metronome renders a 10-minute track at
171 beats per minute in the default format (8 kHz, 8-bit mono, about 4.8 MB) and in
16-bit 44.1 kHz for comparison. The plan PDF is built from a summary with three focus items.

Run: ``.venv/bin/python bench/form.py [repeats]``
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kneecore.cadence import CadenceInput, plan_cadence  # noqa: E402
from kneecore.content._base import Problems  # noqa: E402
from kneecore.content.form import load as load_form  # noqa: E402
from kneecore.form import summarise_form  # noqa: E402
from kneecore.metronome import MetronomeSpec, metronome_wav  # noqa: E402


def measure(fn: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Median and p95 of ``fn``'s run time in milliseconds."""
    fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


def main(repeats: int) -> None:
    """Print one line per operation."""
    content = ROOT / "content"
    problems = Problems(content)
    form = load_form(content, problems)
    if form is None:
        raise SystemExit("\n".join(problems.lines))
    rng = random.Random(6)
    choices = ["yes", "no", "not_sure", None]
    answers = [{item.id: rng.choice(choices) for item in form.items} for _ in range(repeats + 1)]
    cycle = iter(answers * 2)
    cadence = CadenceInput(82, 30, 6.2, "km")
    rows = [
        (
            "rank checklist (summarise_form)",
            measure(lambda: summarise_form(form, next(cycle), "pfps"), repeats),
        ),
        ("cadence targets (plan_cadence)", measure(lambda: plan_cadence(cadence), repeats)),
        (
            "metronome WAV 10 min, 8 kHz 8-bit",
            measure(lambda: metronome_wav(MetronomeSpec(171, 600)), max(5, repeats // 20)),
        ),
        (
            "metronome WAV 10 min, 44.1 kHz 16-bit",
            measure(
                lambda: metronome_wav(MetronomeSpec(171, 600, sample_rate=44100, sample_width=2)),
                max(5, repeats // 20),
            ),
        ),
    ]
    try:
        from kneecore.content import load_content
        from kneecore.form_report import form_pdf

        full = load_content()
        picked = {"overstriding": "yes", "cadence": "yes", "pelvic_drop": "not_sure"}
        summary = summarise_form(full.form, picked)
        rows.append(("plan PDF (form_pdf)", measure(lambda: form_pdf(full, summary), max(5, repeats // 10))))
    except Exception as exc:  # the PDF needs all content to validate; report and go on
        print(f"plan PDF skipped: {exc.__class__.__name__}: {str(exc).splitlines()[0]}")
    print(f"{'operation':40} {'median ms':>10} {'p95 ms':>10}   (repeats: {repeats})")
    for name, (median, p95) in rows:
        print(f"{name:40} {median:10.3f} {p95:10.3f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
