"""The README's pictures and the screenshot gallery they come from."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")


def _images() -> list[str]:
    return IMAGE.findall(README.read_text(encoding="utf-8"))


def test_readme_shows_screenshots() -> None:
    """The README links at least one screenshot from docs/screenshots/."""
    assert any(target.startswith("docs/screenshots/") for target in _images())


@pytest.mark.parametrize("target", _images())
def test_readme_image_exists(target: str) -> None:
    """Every image the README links is a committed file inside the repository."""
    path = (ROOT / target).resolve()
    assert path.is_relative_to(ROOT), target
    assert path.is_file(), f"README.md links {target}, which does not exist"
    if path.suffix == ".png":
        assert path.read_bytes().startswith(b"\x89PNG"), f"{target} is not a PNG image"
