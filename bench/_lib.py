"""Shared pieces of the benchmarks: a real ``streamlit run`` on loopback and a tiny client.

The client speaks Streamlit's own protocol, as the browser does: it opens the websocket
``/_stcore/stream`` (subprotocol ``streamlit``), sends a ``BackMsg`` with ``rerun_script``
(the page's url path and query string) and reads ``ForwardMsg`` frames until
``script_finished``. The time from sending to ``script_finished`` (successful) is one full
page run as the server sees it, plus one loopback round trip. No browser rendering is
included; ``bench/cold_start.py`` measures that in Chromium.

The client acknowledges every TCP segment at once (``TCP_QUICKACK``, re-armed before each
read, and ``TCP_NODELAY``). Without that, Linux's delayed ACK (40 ms) meets the server's
Nagle algorithm (Tornado leaves it on for websockets): a run that sends more than one small
frame waits ~40 ms for the client's ACK, so every page, the bare one included, measured
about 44 ms, and the ratio compared two transport stalls instead of two script runs.

Everything runs on 127.0.0.1 only, bounded in count and time. Servers run as in production
(``server.fileWatcherType none``): with the watcher on, an edited source file makes
Streamlit drop its modules from ``sys.modules`` while other sessions import them, which
shows errors under concurrency in a working tree that is being edited.
"""

from __future__ import annotations

import asyncio
import collections
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The repository first; bench/ itself leaves the path once this module is loaded, or
# bench/pages.py would shadow the app's pages/ folder (a namespace package) in AppTest.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() not in (ROOT, ROOT / "bench")]

import websockets  # noqa: E402  (installed with streamlit)
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

__all__ = [
    "ROOT",
    "Server",
    "Session",
    "delta_kind",
    "median",
    "p95",
    "page_files",
    "page_paths",
    "rss_mib",
    "run_times",
]

STREAMLIT = str(Path(sys.executable).with_name("streamlit"))


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def page_files() -> dict[str, str]:
    """Page slug -> file name in pages/, from the app's own routing table."""
    # bench/pages.py would shadow the app's pages/ folder (a namespace package): read the
    # routing table from its file instead of importing it.
    import importlib.util

    spec = importlib.util.spec_from_file_location("_routing", ROOT / "pages" / "ui" / "routing.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    files: dict[str, str] = module.PAGE_FILES
    return files


def page_paths() -> dict[str, str]:
    """Page slug -> url path, from the app's own routing table."""
    files = page_files()
    return {slug: ("" if slug == "home" else name.removesuffix(".py")) for slug, name in files.items()}


def _server_env(run_times: Path | None) -> dict[str, str]:
    """The server's environment; with ``run_times``, it logs each script run's own time there."""
    env = dict(os.environ)
    if run_times is not None:
        probe = str(Path(__file__).resolve().parent / "_probe")  # its sitecustomize.py
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [probe, env.get("PYTHONPATH", "")]))
        env["KNEE_BENCH_RUN_TIMES"] = str(run_times)
    return env


def run_times(path: Path) -> dict[str, list[float]]:
    """Seconds of each script run a server logged (``run_times=``), by url path ("-" for "")."""
    found: dict[str, list[float]] = collections.defaultdict(list)
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            page, seconds = line.split("\t")
            found[page].append(float(seconds))
    return dict(found)


class Server:
    """``streamlit run <script>`` on 127.0.0.1 with extra ``--option value`` flags.

    With ``run_times``, the server appends each script run's own time (inside the server:
    no transport, no thread start) to that file; read it with :func:`run_times`.
    """

    def __init__(
        self,
        script: str | Path = "streamlit_app.py",
        options: Sequence[str] = (),
        log: Path | None = None,
        run_times: Path | None = None,
    ):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.ws_url = f"ws://127.0.0.1:{self.port}/_stcore/stream"
        self.started = time.perf_counter()
        self._log = open(log, "wb") if log else subprocess.DEVNULL
        self.proc = subprocess.Popen(
            [
                STREAMLIT,
                "run",
                str(script),
                "--server.port",
                str(self.port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
                "--server.fileWatcherType",
                "none",
                *options,
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=self._log,
            env=_server_env(run_times),
        )
        self.healthy_after = self.wait_healthy()

    def wait_healthy(self, limit: float = 60.0) -> float:
        """Poll /_stcore/health; seconds from start until it answered 200."""
        deadline = time.perf_counter() + limit
        while time.perf_counter() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.proc.returncode}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1) as resp:
                    if resp.status == 200:
                        return time.perf_counter() - self.started
            except OSError:
                time.sleep(0.02)
        self.stop()
        raise RuntimeError("streamlit did not become healthy")

    def stop(self) -> None:
        """Stop the server (terminate, then kill after 10 s)."""
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        if self._log is not subprocess.DEVNULL:
            self._log.close()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


class Session:
    """One browser-like websocket session."""

    def __init__(self, ws_url: str) -> None:
        self.ws_url = ws_url
        self.ws: websockets.ClientConnection | None = None
        self.last_exception = ""
        self._sock: socket.socket | None = None
        self.last_deltas = 0  # elements and blocks the last run sent
        self.last_kinds: collections.Counter[str] = collections.Counter()  # of those, by kind

    async def __aenter__(self) -> Session:
        self.ws = await websockets.connect(
            self.ws_url,
            subprotocols=["streamlit"],
            max_size=None,  # type: ignore[list-item]
            open_timeout=30,
        )
        sock = self.ws.transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._sock = sock
        return self

    def _quick_ack(self) -> None:
        """Acknowledge the next segments at once (Linux re-enables delayed ACK by itself)."""
        if self._sock is not None and hasattr(socket, "TCP_QUICKACK"):
            self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)

    async def __aexit__(self, *exc: object) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def run(self, path: str, query: str = "", timeout: float = 60.0) -> tuple[float, bool]:
        """Run page ``path`` once; (seconds until script_finished, True if no exception shown)."""
        assert self.ws is not None
        msg = BackMsg()
        msg.rerun_script.page_name = path
        msg.rerun_script.query_string = query
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        clean = True
        self.last_deltas = 0
        self.last_kinds = collections.Counter()
        async with asyncio.timeout(timeout):
            while True:
                self._quick_ack()
                frame = await self.ws.recv()
                fwd = ForwardMsg()
                fwd.ParseFromString(frame)  # type: ignore[arg-type]
                kind = fwd.WhichOneof("type")
                if kind == "delta":
                    self.last_deltas += 1
                    self.last_kinds[delta_kind(fwd)] += 1
                if kind == "delta" and fwd.delta.new_element.WhichOneof("type") == "exception":
                    clean = False
                    self.last_exception = (
                        fwd.delta.new_element.exception.message or fwd.delta.new_element.exception.type
                    )
                if kind == "script_finished":
                    status = fwd.script_finished
                    if status == ForwardMsg.FINISHED_SUCCESSFULLY:
                        return time.perf_counter() - start, clean
                    if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                        return time.perf_counter() - start, False
                    # FINISHED_EARLY_FOR_RERUN: the router's handover; the rerun follows.


def delta_kind(fwd: ForwardMsg) -> str:
    """What a delta draws: ``element:<type>`` or ``block:<type>`` (``other`` for the rest)."""
    delta = fwd.delta
    which = delta.WhichOneof("type")
    if which == "new_element":
        return f"element:{delta.new_element.WhichOneof('type')}"
    if which == "add_block":
        return f"block:{delta.add_block.WhichOneof('type')}"
    return "other"


def rss_mib(pid: int) -> float:
    """Resident memory of a process in MiB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def median(values: Sequence[float]) -> float:
    """The median."""
    return statistics.median(values)


def p95(values: Sequence[float]) -> float:
    """The 95th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def ms(seconds: float) -> str:
    """Seconds as milliseconds for printing."""
    return f"{seconds * 1000:.1f} ms"


os.environ.setdefault("STREAMLIT_BROWSER_GATHER_USAGE_STATS", "false")
