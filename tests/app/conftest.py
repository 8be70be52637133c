"""AppTest runs as on a warmed-up server, unless a test asks for a cold start.

AppTest resets Streamlit's pages-directory flag before every run, so with a ``pages/``
folder every run would start in the old mode and go through the router's handover
rerun (pages/ui/routing.py), which drops one-shot widget values such as a button's
click. A real server leaves that mode after its first request, so by default these
tests keep the flag off; tests marked ``cold_start`` see what a fresh server does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from streamlit.runtime import pages_manager
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import app_test


class _WarmPagesManager(pages_manager.PagesManager):
    """Clears the old-mode flag before Streamlit's own manager reads it."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        pages_manager.PagesManager.uses_pages_directory = False
        if "uses_pages_directory" in vars(type(self)):
            delattr(type(self), "uses_pages_directory")
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "cold_start: run AppTest as the first request to a fresh server")


@pytest.fixture(autouse=True)
def warm_server(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep Streamlit out of pages-directory mode, as after a server's first request."""
    if request.node.get_closest_marker("cold_start") is None:
        monkeypatch.setattr(app_test, "PagesManager", _WarmPagesManager)


@pytest.fixture
def deferred(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Callable[[], Any], str | None]]:
    """Record each deferred download the page offers: (builder, file name)."""
    seen: list[tuple[Callable[[], Any], str | None]] = []
    add_deferred = MediaFileManager.add_deferred

    def record(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        seen.append((data_callable, file_name))
        return add_deferred(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    return seen
