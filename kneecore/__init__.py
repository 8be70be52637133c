"""kneecore: the pure logic behind the knee app (no Streamlit in here).

Public surface (kept honest by ``tests/unit/test_exports.py``)::

    load_content, Content             validated YAML content
    assess, parse_answers             symptom checker   -> CheckerResult
    build_plan, parse_inputs          return-to-running -> RampPlan
    find_exercises, Filters           exercise browser
    summarise_form, plan_cadence      running form, step rate
    metronome_wav                     a metronome track (WAV bytes)
    kneecore.search.search            one search over every kind of content (a module
                                      of that name, so not re-exported here)
    KneecoreError                     base of kneecore's errors
    ├── InputError                    wrong input: names the key and what was expected
    └── ContentError                  broken content: every problem, one line each

Feature names load on first use, so a command line that needs one feature does not
import the others.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from kneecore.content import Content, load_content
from kneecore.errors import ContentError, InputError, KneecoreError

if TYPE_CHECKING:
    from kneecore.cadence import CadenceResult, plan_cadence
    from kneecore.checker import Answers, CheckerResult, assess, parse_answers
    from kneecore.exercises import Filters, find_exercises
    from kneecore.form import FormSummary, summarise_form
    from kneecore.metronome import metronome_wav
    from kneecore.ramp import RampInputs, RampPlan, build_plan, parse_inputs

_LAZY = {
    "Answers": "kneecore.checker",
    "CheckerResult": "kneecore.checker",
    "assess": "kneecore.checker",
    "parse_answers": "kneecore.checker",
    "RampInputs": "kneecore.ramp",
    "RampPlan": "kneecore.ramp",
    "build_plan": "kneecore.ramp",
    "parse_inputs": "kneecore.ramp",
    "Filters": "kneecore.exercises",
    "find_exercises": "kneecore.exercises",
    "FormSummary": "kneecore.form",
    "summarise_form": "kneecore.form",
    "CadenceResult": "kneecore.cadence",
    "plan_cadence": "kneecore.cadence",
    "metronome_wav": "kneecore.metronome",
}

__all__ = [
    "Answers",
    "CadenceResult",
    "CheckerResult",
    "Content",
    "ContentError",
    "Filters",
    "FormSummary",
    "InputError",
    "KneecoreError",
    "RampInputs",
    "RampPlan",
    "assess",
    "build_plan",
    "find_exercises",
    "load_content",
    "metronome_wav",
    "parse_answers",
    "parse_inputs",
    "plan_cadence",
    "summarise_form",
]


def __getattr__(name: str) -> Any:
    """Load a feature's public name on first use (PEP 562)."""
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'kneecore' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
