"""Per page: median script-run time, against a bare one-line Streamlit page in the same run.

Method
------
Two real servers run side by side on 127.0.0.1: the app (``streamlit_app.py``) and a bare
page (a temporary script whose only line is ``st.write("Hello")``), both with the app's
``.streamlit/config.toml``. One websocket session per server (``bench/_lib.py``) asks for a
page run as a browser does on a page switch (``BackMsg`` ``rerun_script`` with the page's
url path; each timed run arrives from another page, untimed, since this client sends no
widget states) and times it until ``script_finished``. Each page gets 3 warm-up runs,
then ROUNDS timed runs, interleaved with runs of the bare page so that both see the same
machine load (the machine is shared). Reported: the median per page, the bare median,
their ratio (target: at most 1.5x) and the page's own cost above the bare floor.

Every timed run, of the app or of a bare page, comes straight after an untimed run on the
same session, as a click follows a click. The protocol must be the same for both: a run
that starts at once after another pays for the tail of the one before (Streamlit's
script thread still finishing while the next run starts): the one-line page takes about
6 ms straight after a run and 2-3 ms after a pause. Until this session only the app's
runs came straight after another run; the bare page's came after a pause (while the app
server ran), so every ratio charged the app ~3 ms that the bare page did not pay.

The client acknowledges every segment at once (``bench/_lib.py``): with the kernel's
delayed ACK, every run that sends more than one frame stalled ~40 ms, which hid the
scripts' own cost behind a flat 44 ms for every page, the bare one included. The "own"
column is the app's cost above the bare page.

This is done twice: with Streamlit's ``runner.postScriptGC`` on (the default: a full
``gc.collect()`` after every run) and off, since that collection alone costs tens of ms
once pandas and pyarrow are loaded. The page run includes the router (navigation, content
from the resource cache, theme) as in production.

With the production config (postScriptGC off) both servers also log each script run's own
time inside the server (``bench/_probe/sitecustomize.py``: Streamlit's
``ScriptRunner._run_script``, the script and every element it sends, without the
websocket or the thread start). That is the target's "script-run time" taken literally,
and it is printed per page against the bare page and against a router-only reference:
nine one-line pages behind ``st.navigation``, which shows what routing alone costs.

Beside each page: a bare page that writes as many plain elements as the page sent
("same-size", ``st.write`` in a loop), and the page's ratio to it. Streamlit spends a
roughly fixed time per element, so this separates what the app does from what any page of
that size costs.

Last, the same in process with Streamlit's AppTest (no server, no websocket): each page is
rerun ROUNDS times in one AppTest and compared with the bare page rerun the same way. This
isolates the script's own cost from the transport. AppTest is made to run as a warm server
does: one script cache for all runs (AppTest makes a new one per run, so every run
compiled the entry script and the page again) and the pages-directory mode left off (AppTest
turns it back on before every run, so every run went through the router's handover rerun;
``tests/app/conftest.py`` does the same for the tests).

Run: ``.venv/bin/python bench/pages.py [rounds]``
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

from _lib import Server, Session, median, ms, page_paths, run_times

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 15


async def measure(
    app: Server, bare: Server, sized: Server, paths: dict[str, str]
) -> dict[str, tuple[float, float, float]]:
    """Median seconds per page: the app, the bare page, and a bare page of as many elements."""
    results: dict[str, tuple[float, float, float]] = {}
    ELEMENTS.clear()
    async with Session(app.ws_url) as a, Session(bare.ws_url) as b, Session(sized.ws_url) as c:
        for slug, path in paths.items():
            other = "help" if slug != "help" else ""
            for _ in range(3):
                await a.run(other)
                await a.run(path)
                await b.run("")
            app_times: list[float] = []
            bare_times: list[float] = []
            for _ in range(ROUNDS):
                await a.run(other)  # arrive from another page, as a click in the navigation does
                seconds, clean = await a.run(path)
                if not clean:
                    print(f"  ! page {slug} showed an exception (see the server log)")
                app_times.append(seconds)
                await b.run("")  # the same protocol: an untimed run, then the timed one at once
                bare_times.append((await b.run(""))[0])
            ELEMENTS[slug] = a.last_deltas
            query = f"n={max(1, a.last_deltas)}"
            for _ in range(3):
                await c.run("", query)
            sized_times = []
            for _ in range(ROUNDS):
                await c.run("", query)
                sized_times.append((await c.run("", query))[0])
            results[slug] = (median(app_times), median(bare_times), median(sized_times))
    return results


ROUTER_SCRIPT = """import streamlit as st


def hello():
    st.write("Hello")


pages = [st.Page(hello, title=f"Page {i}", url_path=f"p{i}", default=i == 0) for i in range(9)]
st.navigation(pages, position="top").run()
"""
"""Nine pages behind st.navigation, each one line: what routing alone costs a run."""


async def warm_runs(server: Server, rounds: int) -> None:
    """Run a server's default page ``rounds`` times (its own log times them)."""
    async with Session(server.ws_url) as session:
        for _ in range(rounds):
            await session.run("")


def script_run_table(app_log: Path, bare_log: Path, router_log: Path, paths: dict[str, str]) -> str:
    """Print each page's script run inside the server against the bare page's; return a summary."""
    app = run_times(app_log)
    bare = median([t for times in run_times(bare_log).values() for t in times[3:]])
    router = median([t for times in run_times(router_log).values() for t in times[3:]])
    print("\nscript run inside the server (issue 9's metric), postScriptGC off: median of every run")
    print(
        f"bare one-line page {ms(bare)}; nine one-line pages behind st.navigation "
        f"{ms(router)} ({router / bare:.2f}x)"
    )
    print(f"{'page':<12}{'runs':>6}{'app':>11}{'ratio':>8}")
    ratios = []
    for slug, path in paths.items():
        times = app.get(path or "-", [])
        if not times:
            continue
        ratios.append(median(times) / bare)
        print(f"{slug:<12}{len(times):>6}{ms(median(times)):>11}{ratios[-1]:>7.2f}x")
    return (
        f"script run in server: bare {ms(bare)}, router only {router / bare:.2f}x, "
        f"pages {min(ratios):.2f}x-{max(ratios):.2f}x"
    )


def in_process(paths: dict[str, str], bare_script: Path) -> None:
    """Median AppTest run per page against the bare page (no server, no transport)."""
    from _lib import ROOT, page_files
    from streamlit import config
    from streamlit.runtime import pages_manager
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import AppTest, app_test

    class WarmPagesManager(pages_manager.PagesManager):
        """Clears the old-mode flag before Streamlit's own manager reads it (a warm server)."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            pages_manager.PagesManager.uses_pages_directory = False
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    shared_cache = ScriptCache()
    app_test.PagesManager = WarmPagesManager  # type: ignore[misc]
    app_test.ScriptCache = lambda: shared_cache  # type: ignore[assignment,misc]
    files = page_files()
    for gc_on in (True, False):
        config.set_option("runner.postScriptGC", gc_on)
        bare = AppTest.from_file(str(bare_script), default_timeout=60)
        bare.run()
        bare_times = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            bare.run()
            bare_times.append(time.perf_counter() - start)
        bare_s = median(bare_times)
        print(f"\nin process (AppTest), postScriptGC {'on' if gc_on else 'off'}: median of {ROUNDS} reruns")
        print(f"{'page':<12}{'app':>12}{'bare':>12}{'ratio':>8}")
        ratios = []
        for slug in paths:
            at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
            at.run()
            if slug != "home":
                at.switch_page(f"pages/{files[slug]}")
            at.run()
            times = []
            for _ in range(ROUNDS):
                start = time.perf_counter()
                at.run()
                times.append(time.perf_counter() - start)
            ratios.append(median(times) / bare_s)
            print(f"{slug:<12}{ms(median(times)):>12}{ms(bare_s):>12}{ratios[-1]:>7.2f}x")
        IN_PROCESS.append(
            f"in process gc {'on' if gc_on else 'off'}: bare {ms(bare_s)}, worst ratio {max(ratios):.2f}x"
        )


IN_PROCESS: list[str] = []
ELEMENTS: dict[str, int] = {}
"""Page slug -> elements and blocks (deltas) its last timed run sent: the main cost driver."""


def main() -> None:
    """Print the tables for postScriptGC on and off, over the websocket and in process."""
    paths = page_paths()
    with tempfile.TemporaryDirectory() as tmp:
        bare_script = Path(tmp) / "bare.py"
        bare_script.write_text('import streamlit as st\n\nst.write("Hello")\n', encoding="utf-8")
        sized_script = Path(tmp) / "sized.py"  # as many plain elements as a page sends
        sized_script.write_text(
            'import streamlit as st\n\nfor _ in range(int(st.query_params.get("n", "1"))):\n'
            '    st.write("Hello")\n',
            encoding="utf-8",
        )
        router_script = Path(tmp) / "router.py"
        router_script.write_text(ROUTER_SCRIPT, encoding="utf-8")
        logs = {name: Path(tmp) / f"{name}.tsv" for name in ("app", "bare", "router")}
        summary = []
        script_runs = ""
        for gc_on in (True, False):
            flag = ["--runner.postScriptGC", "true" if gc_on else "false"]
            timed = {} if gc_on else logs  # the server-side times with the production config
            with (
                Server("streamlit_app.py", flag, run_times=timed.get("app")) as app,
                Server(bare_script, flag, run_times=timed.get("bare")) as bare,
                Server(sized_script, flag) as sized,
            ):
                results = asyncio.run(measure(app, bare, sized, paths))
            if not gc_on:
                with Server(router_script, flag, run_times=logs["router"]) as router:
                    asyncio.run(warm_runs(router, ROUNDS + 3))
                script_runs = script_run_table(logs["app"], logs["bare"], logs["router"], paths)
            label = "on" if gc_on else "off"
            print(f"\npostScriptGC {label}: median of {ROUNDS} runs per page (websocket, 127.0.0.1)")
            head = f"{'page':<12}{'app':>11}{'bare':>10}{'ratio':>8}{'elements':>10}"
            head += f"{'same-size':>11}{'ratio':>8}"
            print(f"{head}  target <= 1.5x (vs bare)")
            worst = 0.0
            for slug, (app_s, bare_s, sized_s) in results.items():
                ratio = app_s / bare_s
                worst = max(worst, ratio)
                mark = "ok" if ratio <= 1.5 else "OVER"
                print(
                    f"{slug:<12}{ms(app_s):>11}{ms(bare_s):>10}{ratio:>7.2f}x{ELEMENTS[slug]:>10}"
                    f"{ms(sized_s):>11}{app_s / sized_s:>7.2f}x  {mark}"
                )
            app_all = median([a for a, _, _ in results.values()])
            bare_all = median([b for _, b, _ in results.values()])
            summary.append(
                f"gc {label}: median page {ms(app_all)}, bare {ms(bare_all)}, worst ratio {worst:.2f}x"
            )
        in_process(paths, bare_script)
        print("\nSUMMARY pages: " + "; ".join([*summary, script_runs, *IN_PROCESS]))


if __name__ == "__main__":
    main()
