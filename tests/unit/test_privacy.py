"""Privacy and raw-HTML guards over the source tree and the content.

Nothing a user enters is stored, logged or sent anywhere, and no HTML reaches the page:
the page layer never uses ``unsafe_allow_html``, ``st.html`` or components, never opens a
network connection, never prints, logs or writes files; content refuses HTML, and the
real content holds none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from kneecore import ContentError, load_content

ROOT = Path(__file__).resolve().parents[2]
SKIP = {".venv", "tests", ".git", "node_modules", ".hypothesis", ".mypy_cache", ".ruff_cache"}
APP_SOURCES = sorted([ROOT / "streamlit_app.py", *(ROOT / "pages").rglob("*.py")])
LOGIC_SOURCES = sorted(p for p in (ROOT / "kneecore").rglob("*.py") if p.name != "__main__.py")
HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?>")


def python_files() -> Iterator[Path]:
    """Every .py file of the project outside tests and tool folders."""
    for path in ROOT.rglob("*.py"):
        if not SKIP.intersection(path.relative_to(ROOT).parts):
            yield path


def offenders(paths: list[Path] | Iterator[Path], pattern: str) -> list[str]:
    """``file:line`` of each match of ``pattern``."""
    rx = re.compile(pattern)
    found = []
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if rx.search(line):
                found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    return found


@pytest.mark.parametrize(
    ("what", "pattern"),
    [
        ("unsafe_allow_html", r"unsafe_allow_html"),
        ("st.html", r"\bst\.html\("),
        (
            "components (raw HTML/JS)",
            r"streamlit\.components|\bcomponents\.(v1|html|iframe|declare_component)",
        ),
        ("material icons (fetched from a font server)", r":material/"),
    ],
)
def test_no_raw_html_or_outside_icons_in_python(what: str, pattern: str) -> None:
    """No Python file outside tests uses raw HTML, components or :material: icons."""
    assert offenders(python_files(), pattern) == [], what


def test_no_material_icons_in_content() -> None:
    """No content file asks for a :material: icon."""
    assert offenders(sorted((ROOT / "content").rglob("*.yaml")), r":material/") == []


def test_app_and_logic_open_no_network_connection() -> None:
    """The page layer and kneecore import no HTTP client or socket library."""
    pattern = (
        r"^\s*(import|from)\s+(requests|httpx|aiohttp|urllib3|socket|http\.client|smtplib|ftplib)\b|urlopen\("
    )
    assert offenders(APP_SOURCES + LOGIC_SOURCES, pattern) == []


def test_pages_never_print_or_log() -> None:
    """Pages neither print nor log (a log line could hold an answer)."""
    assert offenders(APP_SOURCES, r"(?<![\w.])print\(|\blogging\b|\blogger\b|get_logger") == []


def test_pages_and_logic_write_no_files() -> None:
    """Pages and kneecore (outside the command lines) write nothing to disk: answers stay in the session."""
    pattern = (
        r"(?<![\w.])open\(|\.write_text\(|\.write_bytes\(|\.to_csv\(\s*['\"]|shelve|sqlite3|pickle\.dump\("
    )
    assert offenders(APP_SOURCES + LOGIC_SOURCES, pattern) == []


def test_pages_keep_answers_in_session_not_in_caches() -> None:
    """Every cache_data in the pages is session-scoped, so no answer is shared across sessions."""
    assert offenders(APP_SOURCES, r"st\.cache_data(?!\([^)]*scope=\"session\")") == []


@pytest.mark.parametrize(
    "html",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<b>bold</b>",
        "<a href='https://x.org'>x</a>",
    ],
)
def test_content_refuses_html(edit_yaml, html: str) -> None:
    """A content text with an HTML tag is refused with a message naming the file and the key."""
    folder = edit_yaml("site.yaml", 'name: "Knee Compass"', f'name: "Knee {html} Compass"')
    with pytest.raises(ContentError) as err:
        load_content(folder)
    assert any(
        p.startswith("content/site.yaml: app.name:") and "without HTML" in p for p in err.value.problems
    ), err.value.problems


def strings(value: Any) -> Iterator[str]:
    """Every string inside a content object."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from strings(getattr(value, name))
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            yield from strings(getattr(value, f.name))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(key)
            yield from strings(item)
    elif isinstance(value, (tuple, list, set, frozenset)):
        for item in value:
            yield from strings(item)


def test_real_content_holds_no_html(content) -> None:
    """No text anywhere in the real content contains an HTML tag."""
    found = [s[:80] for s in strings(content) if HTML_TAG.search(s)]
    assert found == []
    assert sum(1 for _ in strings(content)) > 100  # the walk really reached the texts
