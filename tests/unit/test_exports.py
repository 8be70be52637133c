"""The public surface stays small and honest, and kneecore never loads Streamlit."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import kneecore

ROOT = Path(__file__).resolve().parents[2]


def test_all_is_sorted_and_unique() -> None:
    """``kneecore.__all__`` is sorted and lists each name once."""
    assert kneecore.__all__ == sorted(set(kneecore.__all__))


@pytest.mark.parametrize("name", kneecore.__all__)
def test_every_exported_name_resolves_to_its_module(name: str) -> None:
    """Each name in ``__all__`` exists, and a lazy name is the feature module's own object."""
    value = getattr(kneecore, name)
    module = kneecore._LAZY.get(name)
    if module is not None:
        assert value is getattr(importlib.import_module(module), name)


def test_lazy_names_are_all_exported() -> None:
    """Every lazily loaded name is also in ``__all__``; nothing public hides outside it."""
    assert set(kneecore._LAZY) <= set(kneecore.__all__)
    eager = {
        name
        for name, value in vars(kneecore).items()
        if not name.startswith("_") and not isinstance(value, type(sys)) and name not in kneecore._LAZY
    }
    eager -= {"annotations", "importlib", "TYPE_CHECKING", "Any"}
    assert eager <= set(kneecore.__all__)


def test_unknown_attribute_raises() -> None:
    """A misspelt name is an AttributeError, not a silent None."""
    with pytest.raises(AttributeError, match="no attribute 'asess'"):
        _ = kneecore.asess  # type: ignore[attr-defined]


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


def test_checker_command_line_does_not_load_other_features() -> None:
    """The checker's CLI imports neither the ramp nor the PDF builder."""
    code = (
        "import sys, kneecore.checker.__main__\n"
        "print(sorted(m for m in ('kneecore.ramp', 'fpdf') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
