"""Every list of sources is labelled with words from the content, never the code's default."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.app.pages import open_page

ROOT = Path(__file__).resolve().parents[2]


def unlabelled_calls() -> list[str]:
    """``references(...)`` calls under pages/ that leave out the label (file:line)."""
    found = []
    for path in sorted((ROOT / "pages").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "references"):
                continue
            if len(node.args) < 2 and not any(k.arg == "label" for k in node.keywords):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_page_relies_on_the_default_sources_label() -> None:
    """Each references() call in the pages passes a label taken from the content."""
    assert unlabelled_calls() == []


def test_home_sources_label_comes_from_site_yaml(edit_yaml, content_env) -> None:
    """Rewording app.sources in site.yaml relabels the home page's list of sources."""
    content_env(edit_yaml("site.yaml", 'sources: "Sources"', 'sources: "Quellen"'))
    at = open_page("home")
    assert not at.exception
    labels = [e.label for e in at.expander]
    assert "Quellen" in labels
    assert "Sources" not in labels
