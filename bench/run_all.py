"""Run every benchmark in bench/ (each ``bench/*.py`` but this one and ``_*.py``) and summarise.

Each script runs in its own process with the repository as working directory, one after
another (never in parallel: they would measure each other), with a 15-minute limit each.
Its output is shown as it comes; the summary lists each script's ``SUMMARY`` lines (or its
last line when it prints none) and the machine's load average before and after, because
the figures depend on what else the machine is doing.

Run: ``.venv/bin/python bench/run_all.py [name ...]`` (names without ``.py`` pick scripts)
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


def scripts(names: list[str]) -> list[Path]:
    """The benchmark scripts to run, sorted by name."""
    found = sorted(p for p in BENCH.glob("*.py") if not p.name.startswith("_") and p.name != "run_all.py")
    return [p for p in found if not names or p.stem in names]


def main() -> int:
    """Run them; exit 1 if any failed."""
    load_before = os.getloadavg()
    summary: list[str] = []
    failed = 0
    for script in scripts(sys.argv[1:]):
        print(f"\n=== {script.name} ===", flush=True)
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, str(script)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        lines: list[str] = []
        assert proc.stdout is not None
        for line in proc.stdout:
            print(line, end="", flush=True)
            lines.append(line.rstrip())
        try:
            code = proc.wait(timeout=900)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = -1
        seconds = time.perf_counter() - start
        found = [line for line in lines if line.startswith("SUMMARY")]
        tail = [line for line in lines if line.strip()][-1:] or ["(no output)"]
        status = "ok" if code == 0 else f"FAILED (exit {code})"
        failed += code != 0
        summary.append(f"{script.stem:<12} {status}, {seconds:.0f} s")
        summary += [f"    {line}" for line in (found or tail)]
    load_after = os.getloadavg()
    print("\n=== summary ===")
    print("\n".join(summary))
    print(
        f"load average (1 min) before {load_before[0]:.1f}, after {load_after[0]:.1f} "
        f"on {os.cpu_count()} cores"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
