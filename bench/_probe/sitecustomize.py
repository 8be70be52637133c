"""Loaded by benchmark servers only (``bench/_lib.py`` puts this folder on PYTHONPATH).

When ``KNEE_BENCH_RUN_TIMES`` names a file, each script run's own time inside the server
(Streamlit's ``ScriptRunner._run_script``: the script and every element it sends, no
transport, no thread start) is appended to it as ``<url path or ->\\t<seconds>``. This is
the "script-run time" of issue 9's page target, measured the same way for every server.
Nothing is recorded when the variable is unset; the app never loads this file.
"""

from __future__ import annotations

import os
import time

_OUT = os.environ.get("KNEE_BENCH_RUN_TIMES")

if _OUT:
    from streamlit.runtime.scriptrunner import script_runner

    _run_script = script_runner.ScriptRunner._run_script

    def _timed(self: object, rerun_data: object, *args: object, **kwargs: object) -> object:
        start = time.perf_counter()
        try:
            return _run_script(self, rerun_data, *args, **kwargs)  # type: ignore[arg-type]
        finally:
            seconds = time.perf_counter() - start
            page = getattr(rerun_data, "page_name", "") or "-"
            with open(_OUT, "a", encoding="utf-8") as out:
                out.write(f"{page}\t{seconds:.6f}\n")

    script_runner.ScriptRunner._run_script = _timed  # type: ignore[method-assign]
