"""Every page's query string, fuzzed in AppTest: never an exception or a traceback, always the page.

The keys come from the pages themselves (every ``query_params`` key and ``*_PARAM``
constant found in ``pages/``) plus common guesses, so a page that starts reading a new
key is fuzzed on it without editing this file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from pages.ui.routing import PAGE_FILES

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "streamlit_app.py")

_PATTERNS = (
    r"query_params\.get(?:_all)?\(\s*[\"']([^\"']+)[\"']",
    r"query_params\[\s*[\"']([^\"']+)[\"']\s*\]",
    r"query_params=\{\s*[\"']([^\"']+)[\"']",
    r"\b[A-Z_]*PARAMS?\w*\s*=\s*[\"']([a-z_]+)[\"']",
    r"params\.get\(\s*[\"']([^\"']+)[\"']",
)
GUESSES = (
    "condition",
    "mode",
    "q",
    "id",
    "item",
    "exercise",
    "routine",
    "guide",
    "story",
    "view",
    "section",
    "share",
    "s",
    "plan",
    "weeks_off",
    "units",
    "tab",
    "page",
    "filter",
)


def page_keys() -> tuple[str, ...]:
    """Query keys the page layer reads or links with, plus common guesses."""
    found: set[str] = set(GUESSES)
    for path in [
        ROOT / "streamlit_app.py",
        *(ROOT / "pages").rglob("*.py"),
        *(ROOT / "kneecore").rglob("*.py"),
    ]:
        text = path.read_text(encoding="utf-8")
        for pattern in _PATTERNS:
            found.update(m for m in re.findall(pattern, text) if re.fullmatch(r"[A-Za-z_][\w.]*", m))
    return tuple(sorted(found))


KEYS = page_keys()
HOSTILE = (
    "",
    " ",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "../../../../etc/passwd",
    "..\\..\\windows\\win.ini",
    "/etc/passwd%00",
    "\x00\x01\x1b[31m",
    "' OR '1'='1' --",
    "{{7*7}}${7*7}",
    "${jndi:ldap://127.0.0.1/a}",
    "[link](javascript:alert(1))",
    "**bold** `code` $x$ \\",
    "-1",
    "1e309",
    "NaN",
    "-inf",
    "99999999999999999999999",
    "0x10",
    '{"a": [1, 2, {"b": null}]}',
    "pfps,itbs,pfps",
    "A" * 100_000,
    "🦵🏃‍♀️🩺" * 50,
    "\u202eevil\u202c",
    "ĉonditioṅ",
    "%252e%252e%252f",
)
value = st.one_of(
    st.sampled_from(HOSTILE), st.text(max_size=60), st.from_regex(r"[a-z_]{1,20}", fullmatch=True)
)
values = st.one_of(value, st.lists(value, min_size=2, max_size=4))  # a list is a repeated key
params = st.dictionaries(
    st.one_of(st.sampled_from(KEYS), st.text(min_size=1, max_size=12)), values, max_size=5
)


def open_with(slug: str, query: dict[str, Any]) -> AppTest:
    """AppTest on ``slug`` with ``query`` as its query string, after the router's first run."""
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    if slug != "home":
        at.switch_page(f"pages/{PAGE_FILES[slug]}")
    at.query_params = dict(query)
    at.run()
    return at


def assert_clean(at: AppTest, query: dict[str, Any]) -> None:
    """No exception element, no traceback text, and the page still shows its title."""
    assert not at.exception, (query, [e.value for e in at.exception])
    texts = [
        str(el.value)
        for kind in ("markdown", "error", "warning", "info", "caption", "code", "text", "success")
        for el in getattr(at, kind)
    ]
    assert not [t for t in texts if "Traceback (most recent call last)" in t], query
    assert at.title, query


@pytest.mark.parametrize("slug", list(PAGE_FILES))
@settings(max_examples=12, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(query=params)
def test_random_query_strings_never_break_a_page(slug: str, query: dict[str, Any]) -> None:
    """Random, hostile and repeated query keys leave every page running without a traceback."""
    assert_clean(open_with(slug, query), query)


@pytest.mark.parametrize("slug", list(PAGE_FILES))
def test_every_known_key_at_once_with_each_hostile_value(slug: str) -> None:
    """Each hostile value in every key the pages know, at once, one after another in a session."""
    at = open_with(slug, {})
    for hostile in HOSTILE:
        query = {key: hostile for key in KEYS}
        at.query_params = dict(query)
        at.run()
        assert_clean(at, {"all keys": hostile[:40]})
    at.query_params = {key: [HOSTILE[2], HOSTILE[5], HOSTILE[-1]] for key in KEYS}  # every key repeated
    at.run()
    assert_clean(at, {"all keys": "repeated"})


def test_the_key_scan_finds_the_pages_keys() -> None:
    """The scan picks up keys that pages read (so the fuzzing follows the pages)."""
    scanned = set(page_keys()) - set(GUESSES)
    assert scanned, "no query key found in pages/: has the scan broken?"
    for key in scanned:
        assert re.fullmatch(r"[A-Za-z_][\w.]*", key)
