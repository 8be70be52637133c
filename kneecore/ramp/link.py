"""Share links: the inputs as short readable query parameters, the log packed in one.

``w=3&p=2&f=10&v=150&r=3&c=itbs&d=2026-12-01&u=km&m=20261126`` (``g`` only when the
goal was set by hand; ``log`` only when the runner chose to include it; ``m`` the day the
link was made, in :mod:`kneecore.sharing`'s date format, absent from older links).
Opening a link clamps numbers into range and says so; anything unreadable (a hand-edited
``m`` included) makes the link "broken" (the page then shows the default form and a
message), never an exception.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass

from kneecore import sharing
from kneecore.errors import InputError
from kneecore.messages import note
from kneecore.ramp.gates import LogEntry
from kneecore.ramp.inputs import FIELDS, RampInputs, parse_inputs
from kneecore.ramp.log import log_from_csv, log_to_csv

__all__ = ["MADE_PARAM", "PARAMS", "LinkResult", "from_params", "to_params"]

PARAMS = {
    "w": "weeks_off",
    "p": "pain_now",
    "f": "pain_free_run_minutes",
    "v": "pre_injury_weekly_minutes",
    "r": "runs_per_week",
    "c": "condition",
    "g": "goal_weekly_minutes",
    "d": "start_date",
    "u": "units",
}
"""Short query parameter -> input key."""
MADE_PARAM = "m"
"""The query parameter with the day the link was made (``YYYYMMDD``)."""
_KEYS = {v: k for k, v in PARAMS.items()}


def _num(value: float) -> str:
    """Shortest text that reads back as the same number (``repr`` round-trips floats)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def to_params(
    inputs: RampInputs, log: tuple[LogEntry, ...] = (), made: dt.date | None = None
) -> dict[str, str]:
    """Query parameters that reproduce the plan (the start date is always included), dated.

    Parameters
    ----------
    inputs:
        The plan's inputs.
    log:
        Logged sessions to include (empty: none).
    made:
        The day the link is made (default: :func:`kneecore.sharing.today`).

    Returns
    -------
    dict[str, str]
        Short parameter names to values.
    """
    data = inputs.to_dict()
    params: dict[str, str] = {}
    for short, key in PARAMS.items():
        if key == "goal_weekly_minutes" and not inputs.goal_given:
            continue
        value = data[key]
        params[short] = _num(value) if isinstance(value, (int, float)) else str(value)
    if log:
        params["log"] = sharing.encode({"csv": log_to_csv(log)}, made)
    params[MADE_PARAM] = sharing.format_made(made or sharing.today())
    return params


@dataclass(frozen=True)
class LinkResult:
    """What a link held: inputs (None if broken), the log, notes for the reader, its date."""

    inputs: RampInputs | None
    log: tuple[LogEntry, ...]
    notes: tuple[str, ...]
    broken: str = ""
    """Why the link could not be used ("" if it could)."""
    made: dt.date | None = None
    """The day the link was made (None: it does not say, or it is broken)."""


def from_params(params: Mapping[str, str], today: dt.date | None = None) -> LinkResult | None:
    """Read a share link's parameters; None when the query holds no share link.

    Out-of-range numbers are clamped (with a note); an unknown condition is ignored (with
    a note); a missing start date falls back to ``today``. Anything else wrong (a date
    ``m`` that is not a real day included) makes the result ``broken``, with a message
    naming the parameter.

    Parameters
    ----------
    params:
        The query parameters.
    today:
        The fallback start date (default: the system date).

    Returns
    -------
    LinkResult or None
        None when the query holds no share link.
    """
    if not any(k in params for k in (*PARAMS, "log")) or not {"w", "p", "f", "v", "r"} & set(params):
        return None
    data: dict[str, object] = {}
    notes: list[str] = []
    try:
        for short, key in PARAMS.items():
            if short not in params:
                continue
            raw = params[short]
            spec = FIELDS[key]
            if spec.kind in ("number", "int"):
                data[key] = _clamped(short, key, raw, notes)
            elif key == "condition" and raw not in spec.choices:
                notes.append(note("note_unknown_condition", value=repr(raw[:30])))
            else:
                data[key] = raw
        made = sharing.parse_made(params[MADE_PARAM], MADE_PARAM) if MADE_PARAM in params else None
        inputs = parse_inputs(data, today=today)
        log: tuple[LogEntry, ...] = ()
        if "log" in params:
            packed = sharing.decode(params["log"], "log")
            csv_text = packed.get("csv")
            if not isinstance(csv_text, str):
                raise InputError("log", "app_log")
            log = log_from_csv(csv_text)
    except InputError as exc:
        return LinkResult(None, (), tuple(notes), broken=exc.message)
    return LinkResult(inputs, log, tuple(notes), made=made)


def _clamped(short: str, key: str, raw: str, notes: list[str]) -> float:
    spec = FIELDS[key]
    try:
        value = float(raw)
    except ValueError as exc:
        raise InputError(short, spec.code, raw, **spec.params) from exc
    if not math.isfinite(value):
        raise InputError(short, spec.code, raw, **spec.params)
    if spec.kind == "int":
        value = float(round(value))
    clamped = min(max(value, spec.lo), spec.hi)
    if clamped != value:
        field = key.replace("_", " ")
        notes.append(note("note_clamped", field=field, value=_num(value), clamped=_num(clamped)))
    return int(clamped) if spec.kind == "int" else clamped
