"""The Docker image without Docker: what the Dockerfile copies, installs, checks and runs.

There is no Docker engine here, so the image is rebuilt by hand from the Dockerfile itself:
its COPY lines copy the same paths (minus .dockerignore) into a temporary /app, its RUN
lines run there (all but ``pip install``, whose pins must match this venv, which stands in
for the image's site-packages), and its ENTRYPOINT starts with its ENV. An import hook
(``sitecustomize`` on PYTHONPATH) refuses every installed package outside the dependency
closure of requirements-app.txt, so a module the image would lack fails here too.
"""

from __future__ import annotations

import asyncio
import fnmatch
import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
TEST_TOOLS = {"pytest", "pytest-xdist", "hypothesis", "playwright", "pypdf", "mypy", "ruff", "types-pyyaml"}
BASE_IMAGE = {"pip", "setuptools", "wheel"}  # what python:3.11-slim ships besides the stdlib

HOOK = '''"""Refuse imports of installed packages the image would not have (tests/unit/test_image.py)."""
import importlib.abc, json, os, sys, traceback
from importlib import metadata

_cfg = json.loads(open(os.environ["KNEE_IMAGE_HOOK"], encoding="utf-8").read())
_allowed = set(_cfg["allowed"])
_owners = metadata.packages_distributions()


class _ImageOnly(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if "." in name:
            return None
        dists = {d.lower().replace("_", "-") for d in _owners.get(name, ())}
        if not dists or dists & _allowed:
            return None
        frames = [f.filename for f in traceback.extract_stack()[:-1]]
        importer = next((f for f in reversed(frames) if "importlib" not in f and not f.startswith("<")), "?")
        with open(_cfg["log"], "a", encoding="utf-8") as log:
            log.write(json.dumps({"module": name, "dists": sorted(dists), "importer": importer}) + "\\n")
        raise ModuleNotFoundError(f"No module named {name!r} (not in the image)", name=name)


sys.meta_path.insert(0, _ImageOnly())
'''


def instructions() -> list[tuple[str, str]]:
    """The Dockerfile as (INSTRUCTION, arguments), continuation lines joined, comments dropped."""
    out: list[tuple[str, str]] = []
    buf = ""
    for raw in (ROOT / "Dockerfile").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith("\\"):
            buf += line[:-1].strip() + " "
            continue
        instr, _, args = (buf + line).partition(" ")
        out.append((instr.upper(), args.strip()))
        buf = ""
    return out


def args_of(name: str) -> list[str]:
    """The arguments of every ``name`` instruction, in order."""
    return [args for instr, args in instructions() if instr == name]


def dockerfile_env() -> dict[str, str]:
    """Every ENV the Dockerfile sets (KEY=value form)."""
    env: dict[str, str] = {}
    for args in args_of("ENV"):
        for token in shlex.split(args):
            key, sep, value = token.partition("=")
            assert sep, f"ENV {token}: use the KEY=value form"
            env[key] = value
    return env


def healthcheck_command() -> str:
    """The shell command of the HEALTHCHECK instruction."""
    (args,) = args_of("HEALTHCHECK")
    options, sep, command = args.partition(" CMD ")
    assert sep, "HEALTHCHECK needs a CMD"
    assert all(opt.startswith("--") for opt in options.split())
    return command


def _ignored(rel: str, patterns: list[str]) -> bool:
    for pattern in patterns:
        if pattern.startswith("**/"):
            if any(fnmatch.fnmatch(part, pattern[3:]) for part in rel.split("/")):
                return True
        elif fnmatch.fnmatch(rel, pattern) or rel.startswith(pattern.rstrip("/") + "/"):
            return True
    return False


def _closure(names: set[str]) -> set[str]:
    """``names`` plus every distribution they need, as installed here."""
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop().lower().replace("_", "-")
        if name in seen:
            continue
        seen.add(name)
        for line in metadata.requires(name) or []:
            req = Requirement(line)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    return seen


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*")}


@dataclass
class Image:
    """The rebuilt image: its /app folder, requirements, environment and hook log."""

    app: Path
    requirements: dict[str, str]
    env: dict[str, str]
    log: Path

    def run(self, *cmd: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        """Run a command in /app with the image's environment."""
        return subprocess.run(
            cmd, cwd=self.app, env=self.env, capture_output=True, text=True, timeout=timeout
        )

    def refused(self) -> list[dict[str, str]]:
        """Imports the hook refused so far."""
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def image() -> Iterator[Image]:
    """/app as the Dockerfile would build it, in a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="knee-image-") as tmp:
        base = Path(tmp)
        workdirs = args_of("WORKDIR")
        assert workdirs == ["/app"]
        app = base / "app"
        app.mkdir()
        ignore = [
            line.strip()
            for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        ]
        for args in args_of("COPY"):
            *sources, dest = [a for a in shlex.split(args) if not a.startswith("--")]
            for source in sources:
                src = ROOT / source
                assert src.exists(), f"COPY {source}: no such path"
                target = app / dest if not dest.startswith("/") else base / dest.lstrip("/")
                if src.is_dir():
                    for path in src.rglob("*"):
                        rel = path.relative_to(ROOT).as_posix()
                        if path.is_file() and not _ignored(rel, ignore):
                            out = target / path.relative_to(src)
                            out.parent.mkdir(parents=True, exist_ok=True)
                            shutil.copy2(path, out)
                else:
                    out = target / src.name if dest.endswith("/") else target
                    out.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(src, out)
        # The RUN that derives requirements-app.txt, run step by step; pip install is checked
        # against this venv instead (test_pins_match_this_environment).
        (run,) = [a for a in args_of("RUN") if "requirements-app.txt" in a]
        for step in run.split("&&"):
            if not step.strip().startswith("pip install"):
                subprocess.run(["sh", "-c", step], cwd=app, check=True)
        requirements = {}
        for line in (app / "requirements-app.txt").read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                name, _, version = line.partition("==")
                requirements[name.strip().lower().replace("_", "-")] = version.strip()
        hook_dir = base / "hook"
        hook_dir.mkdir()
        (hook_dir / "sitecustomize.py").write_text(HOOK, encoding="utf-8")
        log = base / "refused.jsonl"
        config = base / "hook.json"
        allowed = sorted(_closure(set(requirements)) | BASE_IMAGE)
        config.write_text(json.dumps({"allowed": allowed, "log": str(log)}), encoding="utf-8")
        home = base / "home"
        home.mkdir()
        env = {
            "PATH": f"{BIN}{os.pathsep}/usr/bin:/bin",
            "HOME": str(home),
            "LANG": "C.UTF-8",
            **dockerfile_env(),
            "PYTHONPATH": str(hook_dir),
            "KNEE_IMAGE_HOOK": str(config),
        }
        yield Image(app, requirements, env, log)


@pytest.fixture(scope="module")
def served(image: Image) -> Iterator[str]:
    """The ENTRYPOINT and CMD started in /app with the Dockerfile's ENV, on a free loopback port."""
    (entry,) = args_of("ENTRYPOINT")
    (cmd,) = args_of("CMD")
    port = _free_port()
    # The image listens on 0.0.0.0 inside its container; here only loopback is opened, and
    # error details reach the test client so that a failure names its cause.
    env = {
        **image.env,
        "STREAMLIT_SERVER_PORT": str(port),
        "STREAMLIT_SERVER_ADDRESS": "127.0.0.1",
        "STREAMLIT_CLIENT_SHOW_ERROR_DETAILS": "full",
    }
    argv = [*json.loads(entry), *json.loads(cmd)]
    argv[0] = str(BIN / argv[0])
    proc = subprocess.Popen(
        argv, cwd=image.app, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, f"streamlit exited with {proc.returncode}"
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                assert time.monotonic() < deadline, "no health answer in 60 s"
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


async def _run_page(ws_url: str, path: str) -> tuple[bool, str]:
    """Run one page over Streamlit's websocket protocol; (finished cleanly, exception text)."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=30) as ws:  # type: ignore[list-item]
        msg = BackMsg()
        msg.rerun_script.page_name = path
        await ws.send(msg.SerializeToString())
        problem = ""
        async with asyncio.timeout(60):
            while True:
                fwd = ForwardMsg()
                fwd.ParseFromString(await ws.recv())  # type: ignore[arg-type]
                kind = fwd.WhichOneof("type")
                if kind == "delta" and fwd.delta.new_element.WhichOneof("type") == "exception":
                    problem = fwd.delta.new_element.exception.message or fwd.delta.new_element.exception.type
                if kind == "script_finished" and fwd.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    return fwd.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY and not problem, problem


def test_image_holds_only_what_the_dockerfile_copies(image: Image) -> None:
    """The image's /app has the app, its content and config, and no tests, tools or docs."""
    top = {p.name for p in image.app.iterdir()}
    assert {"streamlit_app.py", "kneecore", "pages", "content", ".streamlit", "requirements-app.txt"} <= top
    assert not top & {"tests", "bench", "docs", "deploy", ".git", ".venv", "requirements.txt"}
    assert not list(image.app.rglob("__pycache__"))
    assert not (image.app / ".streamlit" / "secrets.toml").exists()


def test_sed_line_keeps_the_app_requirements_only(image: Image) -> None:
    """The Dockerfile's own sed line leaves Streamlit and the app's libraries, and no test tool."""
    assert "streamlit" in image.requirements
    assert not TEST_TOOLS & set(image.requirements)
    assert all(image.requirements.values()), "every requirement is pinned"


def test_pins_match_this_environment(image: Image) -> None:
    """Each pinned app requirement is installed here at that version, so this venv stands in for the image."""
    wrong = {n: (v, metadata.version(n)) for n, v in image.requirements.items() if metadata.version(n) != v}
    assert wrong == {}


def test_hook_refuses_test_tools(image: Image) -> None:
    """The import hook is active: a test-only package cannot be imported in the image's environment."""
    result = image.run(str(BIN / "python"), "-c", "import pytest")
    assert result.returncode != 0
    assert "not in the image" in result.stderr
    assert any(r["module"] == "pytest" for r in image.refused())


def test_content_validates_from_the_image_copy(image: Image) -> None:
    """The Dockerfile's validate step passes, and kneecore is imported from /app, not the repository."""
    (step,) = [a for a in args_of("RUN") if "kneecore validate" in a]
    result = image.run("sh", "-c", step)
    assert result.returncode == 0, result.stdout + result.stderr
    where = image.run(str(BIN / "python"), "-c", "import kneecore; print(kneecore.__file__)")
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(image.app)


def test_server_is_healthy_and_every_page_runs(image: Image, served: str) -> None:
    """/_stcore/health answers ok; every page runs without an exception; no app import was refused;
    nothing is written into /app (root owns it in the image and the app runs as uid 10001)."""
    from pages.ui.routing import PAGE_FILES

    before = _snapshot(image.app)
    with urllib.request.urlopen(f"{served}/_stcore/health", timeout=5) as resp:
        assert resp.read() == b"ok"
    ws_url = served.replace("http://", "ws://") + "/_stcore/stream"
    for slug, name in PAGE_FILES.items():
        path = "" if slug == "home" else name.removesuffix(".py")
        # in a thread of its own: Playwright's sync API may already run an event loop in
        # this test worker's main thread, and asyncio.run() refuses to nest
        with ThreadPoolExecutor(max_workers=1) as pool:
            clean, problem = pool.submit(asyncio.run, _run_page(ws_url, path)).result()
        assert clean, f"/{path}: {problem}"
    app_imports = [r for r in image.refused() if Path(r["importer"]).is_relative_to(image.app)]
    assert app_imports == []
    assert _snapshot(image.app) == before


def test_healthcheck_probes_the_served_port(image: Image, served: str) -> None:
    """The HEALTHCHECK asks the server's own port on loopback, passes on a live server and fails on none."""
    command = healthcheck_command()
    (url,) = re.findall(r"https?://[^'\"\s]+", command)
    parts = urlsplit(url)
    assert parts.hostname in ("127.0.0.1", "localhost")
    assert str(parts.port) == image.env["STREAMLIT_SERVER_PORT"]
    assert args_of("EXPOSE") == [image.env["STREAMLIT_SERVER_PORT"]]
    assert parts.path == "/_stcore/health"
    live = image.run("sh", "-c", command.replace(url, f"{served}/_stcore/health"))
    assert live.returncode == 0, live.stderr
    dead = image.run("sh", "-c", command.replace(url, f"http://127.0.0.1:{_free_port()}/_stcore/health"))
    assert dead.returncode != 0


def test_entrypoint_runs_the_router_with_the_image_settings(image: Image) -> None:
    """ENTRYPOINT runs streamlit_app.py (exec form), CMD adds nothing, and the ENV serves a container."""
    (entry,) = args_of("ENTRYPOINT")
    (cmd,) = args_of("CMD")
    assert json.loads(entry) == ["streamlit", "run", "streamlit_app.py"]
    assert json.loads(cmd) == []
    assert (image.app / "streamlit_app.py").is_file()
    assert "streamlit" in metadata.distribution("streamlit").entry_points.names
    env = image.env
    assert env["STREAMLIT_SERVER_ADDRESS"] == "0.0.0.0"
    assert env["STREAMLIT_SERVER_HEADLESS"] == "true"
    assert env["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] == "false"
    assert env["STREAMLIT_SERVER_FILE_WATCHER_TYPE"] == "none"
