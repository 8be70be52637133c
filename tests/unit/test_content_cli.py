"""``python -m kneecore validate`` and ``schema``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kneecore", *args], cwd=ROOT, capture_output=True, text=True)


def test_validate_ok() -> None:
    """The real content validates with exit 0."""
    out = run("validate", "content")
    assert out.returncode == 0
    assert out.stdout.startswith("content OK")


def test_validate_lists_every_problem(tmp_path: Path) -> None:
    """Broken content exits 1 and lists each problem on stderr, without a traceback."""
    import shutil

    shutil.copytree(ROOT / "content", tmp_path / "content")
    site = tmp_path / "content" / "site.yaml"
    site.write_text(site.read_text().replace('name: "Knee Compass"', "name: 12"), encoding="utf-8")
    out = run("validate", str(tmp_path / "content"))
    assert out.returncode == 1
    assert "content/site.yaml: app.name: must be text" in out.stderr
    assert "Traceback" not in out.stderr


def test_schema_is_json_schema_per_file() -> None:
    """The schema command prints one JSON Schema per content file, forbidding unknown keys."""
    out = run("schema")
    assert out.returncode == 0
    schemas = json.loads(out.stdout)
    assert schemas["site.yaml"]["additionalProperties"] is False
    assert "clinic" in schemas["site.yaml"]["properties"]
