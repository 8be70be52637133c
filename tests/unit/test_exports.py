"""The public surface stays small and honest, and kneecore never loads Streamlit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import kneecore

ROOT = Path(__file__).resolve().parents[2]


def test_all_names_exist_and_are_sorted() -> None:
    """Every name in ``kneecore.__all__`` exists, and the list is sorted."""
    assert kneecore.__all__ == sorted(kneecore.__all__)
    for name in kneecore.__all__:
        assert hasattr(kneecore, name), name


def test_no_public_name_missing_from_all() -> None:
    """Public attributes that are not modules are all listed in ``__all__``."""
    public = {
        name
        for name, value in vars(kneecore).items()
        if not name.startswith("_") and not isinstance(value, type(sys))
    }
    public -= {"annotations"}
    assert public == set(kneecore.__all__)


def test_importing_kneecore_does_not_load_streamlit() -> None:
    """kneecore is pure logic: importing all of it leaves Streamlit unloaded."""
    code = (
        "import sys, pkgutil, importlib, kneecore\n"
        "for m in pkgutil.walk_packages(kneecore.__path__, 'kneecore.'):\n"
        "    if not m.name.endswith('__main__'): importlib.import_module(m.name)\n"
        "print('streamlit' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
