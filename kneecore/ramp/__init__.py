"""The return-to-running ramp (issue 7; contract: ../shared/spec/ramp-contract.md).

Public surface::

    parse_inputs(data) -> RampInputs        strict contract inputs (InputError names the key)
    build_plan(inputs, log=()) -> RampPlan  the dated plan; a log adapts it by the gates
    apply_gate(entry, baseline, rules)      one logged session -> move_on/hold/step_back/skipped
    input_schema()                          JSON Schema of the inputs
    log_to_csv / log_from_csv               the session log as CSV (errors name row and column)
    to_params / from_params                 share-link query parameters (clamped when opened)

Downloads (CSV, .ics, PDF, card PNG) live in :mod:`kneecore.ramp.export`.

``python -m kneecore.ramp inputs.json`` prints the plan as JSON (see ``__main__``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kneecore.content import default_root
from kneecore.content.ramp import RampContent, load_file
from kneecore.ramp.engine import simulate
from kneecore.ramp.gates import LogEntry, Outcome, apply_gate, cap10, choose_start
from kneecore.ramp.inputs import CONDITION_CHOICES, RampInputs, input_schema, parse_inputs
from kneecore.ramp.link import LinkResult, from_params, to_params
from kneecore.ramp.log import log_from_csv, log_to_csv
from kneecore.ramp.plan import KINDS, RUNNING_KINDS, RampPlan, Session, Week

__all__ = [
    "CONDITION_CHOICES",
    "KINDS",
    "RUNNING_KINDS",
    "LinkResult",
    "LogEntry",
    "Outcome",
    "RampInputs",
    "RampPlan",
    "Session",
    "Week",
    "apply_gate",
    "build_plan",
    "cap10",
    "choose_start",
    "default_rules",
    "from_params",
    "input_schema",
    "log_from_csv",
    "log_to_csv",
    "parse_inputs",
    "to_params",
]


def default_rules(root: Path | None = None) -> RampContent:
    """``content/ramp.yaml`` from ``root`` (default: the app's content folder), cached."""
    return load_file((root or default_root()).resolve())


def build_plan(
    inputs: RampInputs, log: Iterable[LogEntry] = (), rules: RampContent | None = None
) -> RampPlan:
    """Build the dated return-to-running plan, adapted to any logged sessions.

    Parameters
    ----------
    inputs:
        Validated inputs (see :func:`parse_inputs`).
    log:
        Logged sessions; each one on a running day of the plan moves on, holds or steps
        back by the gates. Rows on other days are left out with a warning.
    rules:
        The ramp content (default: :func:`default_rules`).

    Returns
    -------
    RampPlan
        The plan; ``to_dict()`` gives the contract's JSON.
    """
    by_date = {entry.date: entry for entry in log}
    return simulate(inputs, rules or default_rules(), by_date)
