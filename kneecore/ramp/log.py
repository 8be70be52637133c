"""The runner's session log as CSV: written for download, read back with row-and-column errors.

Columns: ``date, done, pain_during, pain_next_morning, swelling, limp, stiffer``. Only
``date`` is required; yes/no columns default to ``done = yes`` and the rest ``no``, pain
columns to 0. A bad cell raises :class:`~kneecore.errors.InputError` whose key reads
``row 3, column pain_during``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable

from kneecore.errors import InputError
from kneecore.messages import render
from kneecore.ramp.gates import LogEntry

__all__ = ["LOG_COLUMNS", "MAX_LOG_ROWS", "log_from_csv", "log_to_csv"]

LOG_COLUMNS = ("date", "done", "pain_during", "pain_next_morning", "swelling", "limp", "stiffer")
MAX_LOG_ROWS = 400
"""More rows than a 52-week plan has days is not a log this app wrote."""
_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0"}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def log_to_csv(entries: Iterable[LogEntry]) -> str:
    """The log as CSV text with a header row, sorted by date.

    Parameters
    ----------
    entries:
        Logged sessions.

    Returns
    -------
    str
        CSV text (``\\n`` line ends).
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(LOG_COLUMNS)
    for e in sorted(entries, key=lambda e: e.date):
        writer.writerow(
            [
                e.date.isoformat(),
                _yn(e.done),
                e.pain_during,
                e.pain_next_morning,
                _yn(e.swelling),
                _yn(e.limp),
                _yn(e.stiffer),
            ]
        )
    return out.getvalue()


def _yn(value: bool) -> str:
    return "yes" if value else "no"


def log_from_csv(text: str | bytes) -> tuple[LogEntry, ...]:
    """Read a log written by :func:`log_to_csv` (or by hand in the same shape).

    Parameters
    ----------
    text:
        CSV text or bytes (UTF-8, a byte-order mark is fine).

    Returns
    -------
    tuple[LogEntry, ...]
        The entries, sorted by date.

    Raises
    ------
    InputError
        Naming the row (1 is the header) and column of the first bad cell.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError("file", "csv_utf8") from exc
    text = text.lstrip("\ufeff")
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as exc:
        raise InputError("file", "csv_file", None, detail=exc) from exc
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if not rows:
        raise InputError("file", "csv_header", None, columns=",".join(LOG_COLUMNS))
    header = [h.strip().lower() for h in rows[0]]
    unknown = [h for h in header if h not in LOG_COLUMNS]
    if unknown:
        raise InputError(_cell(1, unknown[0]), "csv_column", None, columns=", ".join(LOG_COLUMNS))
    if "date" not in header:
        raise InputError(_row(1), "csv_date_column")
    if len(set(header)) != len(header):
        raise InputError(_row(1), "csv_column_once")
    if len(rows) - 1 > MAX_LOG_ROWS:
        raise InputError("file", "csv_rows", len(rows) - 1, limit=MAX_LOG_ROWS)
    entries: dict[dt.date, LogEntry] = {}
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            raise InputError(_row(number), "csv_cells", len(row), count=len(header))
        cells = dict(zip(header, (c.strip() for c in row), strict=True))
        entry = _entry(number, cells)
        if entry.date in entries:
            raise InputError(_cell(number, "date"), "csv_date_once", entry.date.isoformat())
        entries[entry.date] = entry
    return tuple(entries[d] for d in sorted(entries))


def _row(number: int) -> str:
    """A row of the file as the catalogue names it ("row 2")."""
    return render("log_row", {"row": number})


def _cell(number: int, column: str) -> str:
    """A cell of the file as the catalogue names it ("row 2, column pain_during")."""
    return render("log_cell", {"row": number, "column": column})


def _entry(number: int, cells: dict[str, str]) -> LogEntry:
    raw = cells["date"]
    try:
        if not _DATE.match(raw):
            raise ValueError(raw)
        date = dt.date.fromisoformat(raw)
    except ValueError as exc:
        raise InputError(_cell(number, "date"), "date_text", raw) from exc
    flags: dict[str, bool] = {"done": True, "swelling": False, "limp": False, "stiffer": False}
    for key in flags:
        cell = cells.get(key, "").lower()
        if cell in _YES:
            flags[key] = True
        elif cell in _NO and cell:
            flags[key] = False
        elif cell:
            raise InputError(_cell(number, key), "yes_or_no", cells[key])
    pains: dict[str, int] = {"pain_during": 0, "pain_next_morning": 0}
    for key in pains:
        cell = cells.get(key, "") or "0"
        if not cell.isdigit() or not 0 <= int(cell) <= 10:
            raise InputError(_cell(number, key), "whole_number_range", cells[key], lo=0, hi=10)
        pains[key] = int(cell)
    return LogEntry(
        date=date,
        done=flags["done"],
        pain_during=pains["pain_during"],
        pain_next_morning=pains["pain_next_morning"],
        swelling=flags["swelling"],
        limp=flags["limp"],
        stiffer=flags["stiffer"],
    )
