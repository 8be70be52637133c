"""The server at the protocol level: foreign hosts and origins refused, garbage frames survived."""

from __future__ import annotations

import asyncio
import socket
import urllib.request
from collections.abc import Callable, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import pytest
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg

from tests.e2e.conftest import Server

PROTOCOL = ["streamlit"]
T = TypeVar("T")


def run(make: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run a coroutine on its own thread (Playwright's sync API may own this thread's loop)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(make())).result(timeout=120)


@pytest.fixture(scope="module")
def guarded() -> Iterator[Server]:
    """A server that accepts only the host name knee.example.org (as in deploy/k8s.yaml)."""
    srv = Server(env={"STREAMLIT_SERVER_ALLOWED_HOSTS": "knee.example.org"})
    yield srv
    srv.stop()


async def first_frame(port: int, host: str, origin: str | None = None) -> bytes:
    """Open a session as ``host`` (optionally from ``origin``), ask for a run, return the first reply."""
    sock = socket.create_connection(("127.0.0.1", port))
    headers = {"Origin": origin} if origin else {}
    async with websockets.connect(
        f"ws://{host}:{port}/_stcore/stream", sock=sock, subprotocols=PROTOCOL, additional_headers=headers
    ) as ws:
        msg = BackMsg()
        msg.rerun_script.page_name = ""
        await ws.send(msg.SerializeToString())
        frame = await asyncio.wait_for(ws.recv(), 30)
        return frame if isinstance(frame, bytes) else frame.encode()


def test_allowed_host_is_served(guarded: Server) -> None:
    """The configured host name gets a session."""
    assert run(lambda: first_frame(guarded.port, "knee.example.org"))


def test_foreign_host_is_refused(guarded: Server) -> None:
    """Another Host header (DNS rebinding) is refused before any session starts."""
    with pytest.raises(websockets.InvalidStatus):
        run(lambda: first_frame(guarded.port, "evil.example.com"))


def test_cross_site_websocket_is_refused(server) -> None:
    """A page on another site cannot open a session (origin check, XSRF and CORS on)."""
    with pytest.raises((websockets.ConnectionClosed, websockets.InvalidStatus)):
        run(lambda: first_frame(server.port, "127.0.0.1", origin="http://evil.example.com"))


def test_same_origin_websocket_is_served(server) -> None:
    """The app's own origin gets a session (the refusal above is about the origin, not the client)."""
    assert run(lambda: first_frame(server.port, "127.0.0.1", origin=f"http://127.0.0.1:{server.port}"))


def test_garbage_frames_close_only_that_connection(server) -> None:
    """A non-protobuf frame and a text frame close that socket; the server stays healthy."""

    async def send_garbage(payload: bytes | str) -> None:
        url = f"ws://127.0.0.1:{server.port}/_stcore/stream"
        async with websockets.connect(url, subprotocols=PROTOCOL) as ws:
            await ws.send(payload)
            with pytest.raises(websockets.ConnectionClosed):
                await asyncio.wait_for(ws.recv(), 30)

    run(lambda: send_garbage(b"\xff\x00not a protobuf" * 10))
    run(lambda: send_garbage("text frame"))
    with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=5) as resp:
        assert resp.status == 200
    assert run(lambda: first_frame(server.port, "127.0.0.1"))
