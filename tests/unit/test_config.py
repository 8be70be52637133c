"""Server configuration and pinned dependencies: privacy and safety settings stay as decided."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def config() -> dict[str, Any]:
    """.streamlit/config.toml, parsed."""
    return tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("section", "option", "expected"),
    [
        ("browser", "gatherUsageStats", False),
        ("client", "showErrorDetails", "none"),
        ("client", "showErrorLinks", False),
        ("client", "toolbarMode", "viewer"),
        ("server", "enableXsrfProtection", True),
        ("runner", "magicEnabled", False),
    ],
)
def test_privacy_and_safety_options(
    config: dict[str, Any], section: str, option: str, expected: object
) -> None:
    """No usage statistics, no tracebacks or error links for users, XSRF on, no magic output."""
    assert config[section][option] == expected


def test_cors_is_not_switched_off(config: dict[str, Any]) -> None:
    """CORS protection keeps its default (on)."""
    assert config.get("server", {}).get("enableCORS", True) is True


def test_uploads_are_tiny(config: dict[str, Any]) -> None:
    """The app takes no uploads worth storing: the limit is at most 1 MB."""
    assert config["server"]["maxUploadSize"] <= 1


def test_theme_uses_no_outside_fonts(config: dict[str, Any]) -> None:
    """The theme loads no font from another host."""
    theme = config.get("theme", {})
    assert not [v for v in theme.values() if isinstance(v, str) and "://" in v]
    assert "fontFaces" not in theme


def test_theme_text_contrast_meets_wcag_aa(config: dict[str, Any]) -> None:
    """Text on the background, on the secondary background and on the primary colour reaches 4.5:1."""

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    def contrast(a: str, b: str) -> float:
        hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
        return (hi + 0.05) / (lo + 0.05)

    theme = config["theme"]
    assert contrast(theme["textColor"], theme["backgroundColor"]) >= 4.5
    assert contrast(theme["textColor"], theme["secondaryBackgroundColor"]) >= 4.5
    assert contrast(theme["primaryColor"], theme["backgroundColor"]) >= 4.5  # links and buttons
    assert contrast("#ffffff", theme["primaryColor"]) >= 4.5  # text on a primary button


def test_requirements_are_pinned() -> None:
    """Every requirement is pinned to one version (so an audit names exact versions)."""
    lines = [
        line.split("#", 1)[0].strip()
        for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    ]
    reqs = [line for line in lines if line]
    assert reqs
    loose = [r for r in reqs if not re.fullmatch(r"[A-Za-z0-9_.\-\[\],]+==[A-Za-z0-9_.+\-]+", r)]
    assert loose == []
    names = [r.split("==")[0].lower() for r in reqs]
    assert "streamlit" in names  # the page layer leans on its internals: pinned
