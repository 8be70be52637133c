"""Broken or missing content files: the loader names each file, the app shows a maintenance message.

Covers every YAML file under content/ as features add them: each file is broken in turn
(bad YAML, binary, wrong shape) and must be named in the problems; a deleted file must be
named (or, as one file of a folder domain, leave the content valid); and the app pauses
with the maintenance message, naming the file, never a traceback.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from kneecore import ContentError, load_content

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
APP = str(ROOT / "streamlit_app.py")
FILES = sorted(str(p.relative_to(CONTENT)) for p in CONTENT.rglob("*.yaml"))


def _first_key(text: str) -> str:
    """The file's first top-level key (a fresh one when the file has none)."""
    found = re.search(r"^([A-Za-z_][\w-]*):", text, re.M)
    return found.group(1) if found else "dup_key: 1\ndup_key"


BREAKS: dict[str, Callable[[str], str]] = {
    "unclosed": lambda text: text + "\nbroken: [unclosed\n",
    "tab-indent": lambda text: "\tkey: value\n" + text,
    "binary": lambda text: "\x00\x01\x02 not yaml \ufffe",
    "list-at-top": lambda text: "- just\n- a list\n",
    "duplicate-key": lambda text: text + "\n" + _first_key(text) + ": again\n",
    "empty": lambda text: "",
}


def problems_of(folder: Path) -> list[str]:
    """The content problems in ``folder`` ([] if it loads)."""
    try:
        load_content(folder)
    except ContentError as exc:
        return list(exc.problems)
    return []


def label(rel: str) -> str:
    """How problems name a file of the content copy."""
    return f"content/{rel}"


def test_every_file_broken_at_once_is_named(content_copy: Path) -> None:
    """With every file's YAML broken, one load names every file (each problem on its own line)."""
    for rel in FILES:
        path = content_copy / rel
        path.write_text(BREAKS["unclosed"](path.read_text(encoding="utf-8")), encoding="utf-8")
    problems = problems_of(content_copy)
    named = {rel for rel in FILES if any(p.startswith(label(rel) + ":") for p in problems)}
    for rel in sorted(set(FILES) - named):  # a file only read once another one loaded: alone
        shutil.rmtree(content_copy)
        shutil.copytree(CONTENT, content_copy)
        path = content_copy / rel
        path.write_text(BREAKS["unclosed"](path.read_text(encoding="utf-8")), encoding="utf-8")
        assert any(p.startswith(label(rel) + ":") for p in problems_of(content_copy)), rel


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rel=st.sampled_from(FILES), how=st.sampled_from(sorted(BREAKS)))
def test_any_file_broken_any_way_is_named(
    tmp_path_factory: pytest.TempPathFactory, rel: str, how: str
) -> None:
    """A file broken in any of several ways is named by the problem list, with a plain message."""
    folder = tmp_path_factory.mktemp("c") / "content"
    shutil.copytree(CONTENT, folder)
    path = folder / rel
    path.write_text(BREAKS[how](path.read_text(encoding="utf-8")), encoding="utf-8")
    problems = problems_of(folder)
    assert any(p.startswith(label(rel)) for p in problems), (rel, how, problems[:3])
    assert not any("Traceback" in p for p in problems)


def _one_per_place() -> list[str]:
    """Each top-level file, and the first file of each folder."""
    picked: dict[str, str] = {}
    for rel in FILES:
        picked.setdefault(rel.split("/", 1)[0] if "/" in rel else rel, rel)
    return sorted(picked.values())


@pytest.mark.parametrize("rel", _one_per_place())
def test_a_missing_file_is_named_or_harmless(content_copy: Path, rel: str) -> None:
    """Deleting a file names it (or its folder or item); only a folder domain may still load without it."""
    (content_copy / rel).unlink()
    problems = problems_of(content_copy)
    stem = Path(rel).stem
    folder = rel.split("/", 1)[0] if "/" in rel else None
    if not problems:
        assert folder is not None, f"{rel} is a single-file domain: losing it must be reported"
        return
    assert all(p.startswith("content/") or p.startswith(str(content_copy)) for p in problems), problems[:3]
    assert any(stem in p or (folder and f"content/{folder}" in p) for p in problems), (rel, problems[:3])


def maintenance(at: AppTest) -> str:
    """The maintenance message's error text, after checking the pause is clean."""
    assert not at.exception
    assert at.title[0].value == "🛠️ This app is being updated"
    text = at.error[0].value
    assert "Traceback" not in text
    return str(text)


def test_app_names_a_broken_file(content_copy: Path, content_env) -> None:
    """A file with broken YAML pauses the app with a message naming that file."""
    rel = FILES[len(FILES) // 2]
    path = content_copy / rel
    path.write_text(BREAKS["unclosed"](path.read_text(encoding="utf-8")), encoding="utf-8")
    content_env(content_copy)
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    assert label(rel) in maintenance(at)


def test_app_names_a_missing_file(content_copy: Path, content_env) -> None:
    """A deleted site.yaml pauses the app with a message naming it."""
    (content_copy / "site.yaml").unlink()
    content_env(content_copy)
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    assert "content/site.yaml" in maintenance(at)


def test_app_names_a_missing_content_folder(tmp_path: Path, content_env) -> None:
    """A content folder that is not there pauses every page with a message naming the folder."""
    content_env(tmp_path / "nowhere")
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    assert "nowhere" in maintenance(at)
    at.switch_page("pages/help.py")
    at.run()
    assert "nowhere" in maintenance(at)
