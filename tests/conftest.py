"""Shared fixtures and the Hypothesis profiles (``ci`` is used when CI=true)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from kneecore import Content, load_content

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
APP = str(ROOT / "streamlit_app.py")

settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(scope="session")
def content() -> Content:
    """The real content, validated once per test session."""
    return load_content(CONTENT)


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the real content folder."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


@pytest.fixture
def edit_yaml(content_copy: Path) -> Callable[[str, str, str], Path]:
    """Replace text in a file of the content copy: ``edit_yaml(file, old, new)``."""

    def edit(rel: str, old: str, new: str) -> Path:
        path = content_copy / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return content_copy

    return edit


@pytest.fixture
def content_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Path], None]]:
    """Point the app at another content folder for one test (and clear the page cache)."""
    import streamlit as st

    def use(folder: Path) -> None:
        monkeypatch.setenv("KNEECORE_CONTENT_DIR", str(folder))
        st.cache_resource.clear()

    yield use
    st.cache_resource.clear()
