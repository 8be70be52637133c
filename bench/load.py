"""50 concurrent sessions against one real server on 127.0.0.1: p95 page run, errors, memory.

Method
------
One ``streamlit run streamlit_app.py`` on 127.0.0.1 (production config), once with
Streamlit's ``runner.postScriptGC`` on (its default) and once off (as in the Dockerfile),
unless the third argument picks one.
A warm-up session runs every page once (imports, content cache). The server's resident
memory (VmRSS from /proc) is read, then SESSIONS websocket sessions (``bench/_lib.py``:
the browser's own protocol, ``BackMsg.rerun_script`` until ``ForwardMsg.script_finished``)
open at the same moment and each runs every page of the app PASSES times in a row,
as a user clicking through the navigation would, all sessions concurrently. Every page
run is timed from request to ``script_finished``. An error is a run that shows an
exception element, a compile error, a timeout (60 s) or a dropped connection.
While all sessions are still open, VmRSS is read again; (after - before) / SESSIONS is
the memory per session. The whole benchmark is bounded: at most SESSIONS sessions, a
fixed number of runs each, and a 300 s overall limit; loopback only.

Run: ``.venv/bin/python bench/load.py [sessions] [passes] [postScriptGC true|false]``
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

from _lib import Server, Session, median, ms, p95, page_paths, rss_mib

SESSIONS = int(sys.argv[1]) if len(sys.argv) > 1 else 50
PASSES = int(sys.argv[2]) if len(sys.argv) > 2 else 1
GC_SETTINGS = [sys.argv[3].lower()] if len(sys.argv) > 3 else ["true", "false"]


async def user(
    url: str,
    paths: list[str],
    times: list[float],
    errors: list[str],
    ready: asyncio.Event,
    done: asyncio.Event,
) -> None:
    """One session: every page PASSES times, then stay connected until told to leave."""
    try:
        async with Session(url) as sess:
            for _ in range(PASSES):
                for path in paths:
                    seconds, clean = await sess.run(path)
                    times.append(seconds)
                    if not clean:
                        errors.append(f"/{path}: exception shown: {sess.last_exception}")
            ready.set()
            await done.wait()
    except Exception as exc:  # every failure is counted, none hidden
        errors.append(f"{type(exc).__name__}: {exc}")
        ready.set()


async def main_async(srv: Server, gc: str) -> None:
    """Warm up, then the concurrent run."""
    paths = list(page_paths().values())
    async with Session(srv.ws_url) as warm:
        for path in paths:
            await warm.run(path)
    await asyncio.sleep(1)
    before = rss_mib(srv.proc.pid)
    times: list[float] = []
    errors: list[str] = []
    done = asyncio.Event()
    readies = [asyncio.Event() for _ in range(SESSIONS)]
    start = time.perf_counter()
    async with asyncio.timeout(300):
        tasks = [asyncio.create_task(user(srv.ws_url, paths, times, errors, r, done)) for r in readies]
        await asyncio.gather(*(r.wait() for r in readies))
        wall = time.perf_counter() - start
        await asyncio.sleep(1)
        after = rss_mib(srv.proc.pid)
        done.set()
        await asyncio.gather(*tasks)
    runs = SESSIONS * PASSES * len(paths)
    print(
        f"{SESSIONS} concurrent sessions x {PASSES} passes x {len(paths)} pages = {runs} page runs "
        f"in {wall:.1f} s ({len(times) / wall:.1f} runs/s)"
    )
    print(f"page run: median {ms(median(times))}, p95 {ms(p95(times))}, max {ms(max(times))}")
    print(f"errors: {len(errors)}" + ("".join(f"\n  {e}" for e in errors[:10])))
    print(
        f"server RSS: {before:.1f} MiB before, {after:.1f} MiB with {SESSIONS} sessions open "
        f"-> {(after - before) / SESSIONS:.2f} MiB per session"
    )
    print(
        f"\nSUMMARY load (postScriptGC {gc}): {SESSIONS} sessions, p95 {ms(p95(times))}, "
        f"median {ms(median(times))}, "
        f"errors {len(errors)}, {(after - before) / SESSIONS:.2f} MiB/session"
    )


def main() -> None:
    """For each postScriptGC setting: start a server (its log in a temporary file), run, stop."""
    for gc in GC_SETTINGS:
        print(f"\n--- postScriptGC {gc} ---")
        with tempfile.TemporaryDirectory() as tmp:
            log = Path(tmp) / "server.log"
            with Server(options=["--runner.postScriptGC", gc], log=log) as srv:
                asyncio.run(main_async(srv, gc))
            errors = [line for line in log.read_text(errors="replace").splitlines() if "Error" in line]
            if errors:
                print("server log errors (first 5):\n  " + "\n  ".join(errors[:5]))


if __name__ == "__main__":
    main()
