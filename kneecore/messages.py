"""The message catalogue: every input error's words, read from ``content/messages.yaml``.

kneecore raises :class:`~kneecore.errors.InputError` with a message *code* and named
parameters (``InputError("pain_now", "whole_number_range", 11, lo=0, hi=10)``), never
with English. The words live in ``content/messages.yaml``: one template per code with
``{placeholders}``, plus the frames that shape the sentence
(``"{key}: expected {expected}, got {got}"``). A clinic rewords or translates them there.

:data:`CODES` is the registry the content check holds the file to: every code kneecore
raises, with exactly the parameter names it is raised with.

The catalogue is read on the first message rendered, from the content folder in use
(:func:`kneecore.content.default_root`, so ``$KNEECORE_CONTENT_DIR`` too), and read again
when the file changes. Raise sites need no content object. If the file is missing or
broken, a message still renders as one fixed short English line that names the key, the
code and the broken file, so the command lines can still print one line and exit 2.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kneecore.content.messages import MessageFile

__all__ = [
    "CODES",
    "FILE",
    "FRAMES",
    "Message",
    "frame",
    "note",
    "placeholder_problem",
    "render",
]

FILE = "messages.yaml"
"""The catalogue's file name under the content folder."""

FRAMES: dict[str, tuple[str, ...]] = {
    "full": ("key", "expected", "got"),
    "no_got": ("key", "expected"),
    "no_key": ("expected", "got"),
    "bare": ("expected",),
}
"""The sentence shapes: with or without a key, with or without the value that came."""

CODES: dict[str, tuple[str, ...]] = {
    # numbers, choices and dates (ramp, checker, link, log)
    "number": (),
    "number_range": ("lo", "hi"),
    "whole_number_range": ("lo", "hi"),
    "date_range": ("first", "last"),
    "date_text": (),
    "one_of": ("choices",),
    "any_of": ("choices",),
    "true_or_false": (),
    "yes_or_no": (),
    "required": ("expected",),
    # JSON input (the two command lines)
    "answers_object": (),
    "answers_not_deep": (),
    "answer_key": (),
    "text_keys": (),
    "key_once": (),
    "key_only_once": (),
    "utf8_text": (),
    "valid_json": ("line", "column", "detail"),
    "readable_json_file": ("reason", "path"),
    "readable_file_or_stdin": (),
    "json_numbers": ("name",),
    "json_object_invalid": ("line", "column"),
    "json_object_deep": (),
    "ramp_object": (),
    "ramp_key": ("keys",),
    "arguments": (),
    "detail": ("detail",),
    # share links
    "share_link": (),
    "share_link_date": ("first", "last"),
    # the ramp's session log (CSV)
    "app_log": (),
    "csv_utf8": (),
    "csv_file": ("detail",),
    "csv_header": ("columns",),
    "csv_column": ("columns",),
    "csv_date_column": (),
    "csv_column_once": (),
    "csv_rows": ("limit",),
    "csv_cells": ("count",),
    "csv_date_once": (),
    "log_row": ("row",),
    "log_cell": ("row", "column"),
    # cadence calculator and metronome
    "count_window": (),
    "step_count": ("lo", "hi", "seconds", "min_rate", "max_rate"),
    "distance_unit": (),
    "easy_pace": ("lo", "hi", "unit"),
    "tempo": ("lo", "hi"),
    "track_length": (),
    "accent": (),
    "sample_rate": ("rates",),
    "sample_width": (),
    # form checklist
    "checklist_item": ("items",),
    "checklist_answer": (),
    # routines
    "routine_id": (),
    "exercise_once": (),
    "routine_size": ("limit",),
    "item_number": ("hi",),
    "dose_key": (),
    "dose_reps": ("lo", "hi"),
    "dose_hold": ("lo", "hi"),
    "dose_minutes": ("lo", "hi"),
    "dose_sets": ("lo", "hi"),
    "dose_number": (),
    # notes on what a link or filter lost (full sentences, no frame: see :func:`note`)
    "note_unknown_condition": ("value",),
    "note_clamped": ("field", "value", "clamped"),
    "note_unknown_value": ("key", "value"),
    "note_query_cut": ("key", "limit"),
    "note_level": ("key", "value", "lo", "hi"),
    "note_time": ("key", "value", "lo", "hi"),
    "note_unreadable_item": ("key",),
    "note_unknown_exercise": ("key", "value"),
    "note_dose_reset": ("key", "value"),
    "note_items_kept": ("key", "limit"),
}
"""Every message code kneecore raises, with the parameter names it is raised with."""


@dataclass(frozen=True)
class Message:
    """A code and its parameters, rendered from the catalogue when read (may nest)."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return render(self.code, self.params)


def placeholder_problem(template: str, names: tuple[str, ...]) -> str | None:
    """What is wrong with a template's placeholders, or None when they are exactly ``names``.

    Parameters
    ----------
    template:
        The text with ``{placeholders}``.
    names:
        The parameter names its code is raised with.

    Returns
    -------
    str | None
        ``unknown placeholder {x} (known: {a}, {b})``, ``misses placeholder {b} ...``,
        a note on a format or conversion, an unbalanced brace, or None.
    """
    known = ", ".join(f"{{{n}}}" for n in names) or "none"
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError as exc:
        return f"has an unbalanced {{ or }} ({exc})"
    used: set[str] = set()
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in names:
            return f"unknown placeholder {{{name}}} (known: {known})"
        if spec or conversion:
            return f"placeholder {{{name}}} may not carry a format or conversion; write {{{name}}}"
        used.add(name)
    missing = [n for n in names if n not in used]
    if missing:
        return f"misses placeholder {{{missing[0]}}} (known: {known})"
    return None


_cache: dict[Path, tuple[tuple[int, int], MessageFile | None]] = {}


def _catalogue() -> tuple[Path, MessageFile | None]:
    """The catalogue of the content folder in use (None when it cannot be read)."""
    from kneecore.content import default_root, resolved
    from kneecore.content.messages import read_catalogue

    path = resolved(default_root()) / FILE
    try:
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        return path, None
    cached = _cache.get(path)
    if cached is None or cached[0] != stamp:
        cached = (stamp, read_catalogue(path.parent))
        _cache[path] = cached
    return path, cached[1]


def _fill(template: str, values: Mapping[str, str]) -> str | None:
    try:
        return template.format_map(values)
    except (KeyError, ValueError, IndexError, AttributeError):
        return None


def render(code: str, params: Mapping[str, object]) -> str:
    """A code's template from the catalogue, filled in (nested :class:`Message` values too).

    Parameters
    ----------
    code:
        A key of :data:`CODES`.
    params:
        Its parameters; each is shown with ``str`` (a nested Message renders itself).

    Returns
    -------
    str
        The filled template; without a readable catalogue, the code and its parameters.
    """
    values = {name: str(value) for name, value in params.items()}
    _, catalogue = _catalogue()
    template = catalogue.messages.get(code) if catalogue is not None else None
    filled = _fill(template, values) if template is not None else None
    if filled is not None:
        return filled
    shown = ", ".join(f"{k}={v}" for k, v in values.items())
    return f"{code} ({shown})" if shown else code


def note(code: str, **params: object) -> str:
    """A whole note sentence (what a link or filter lost) in the catalogue's words.

    Parameters
    ----------
    code:
        A ``note_*`` key of :data:`CODES`.
    params:
        Its parameters by name.

    Returns
    -------
    str
        The filled template (see :func:`render`).
    """
    return render(code, params)


def frame(key: str, expected: str, got: str | None) -> str:
    """The whole one-line message: the catalogue's frame around key, expected and got.

    Parameters
    ----------
    key:
        The input key, or ``""`` for the whole input.
    expected:
        The rendered expectation (:func:`render`).
    got:
        The value that came, already shown as text, or None.

    Returns
    -------
    str
        One line. Without a readable catalogue, a fixed short English line naming the
        key and the file that could not be read.
    """
    path, catalogue = _catalogue()
    if catalogue is None:
        where = f"{key}: " if key else ""
        return f"{where}not accepted ({expected}); the message file {path} could not be read"
    shape = ("full" if got is not None else "no_got") if key else ("no_key" if got is not None else "bare")
    values = {"key": key, "expected": expected, "got": got or ""}
    filled = _fill(getattr(catalogue.frames, shape), values)
    return filled if filled is not None else f"{key}: {expected}"
