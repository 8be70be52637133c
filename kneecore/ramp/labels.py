"""The plan's words for one day: its date and its session label, from ``ramp.yaml`` ``words:``.

Dates never go through ``strftime`` (whose names follow the server's locale, not the
content): :func:`format_date` fills a layout of ``words.dates`` with its weekday and
month names. Labels are built from the session's structured data (kind, minutes, walk-run
pattern), never by cutting words out of another text, so rewording any template cannot
break another.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from kneecore.content.ramp_words import RampWords
from kneecore.ramp.plan import Session

__all__ = ["DateStyle", "format_date", "session_label", "short_label", "short_pattern"]

DateStyle = Literal["day", "short", "long", "day_long"]
"""A layout of ``words.dates``: ``Mon 05 Jan``, ``05 Jan``, ``05 Jan 2026``, ``Mon 05 Jan 2026``."""


def format_date(date: dt.date, words: RampWords, style: DateStyle = "day") -> str:
    """A date in the content's words and layout (the shipped English matches ``%a %d %b``).

    Parameters
    ----------
    date:
        The day.
    words:
        ``ramp.yaml`` words (``dates``: weekday and month names and the layouts).
    style:
        Which layout of ``words.dates`` to fill.

    Returns
    -------
    str
        The filled layout, e.g. ``Mon 05 Jan`` for ``day``.
    """
    names = words.dates
    layout: str = getattr(names, style)
    return layout.format(
        weekday=names.weekdays[date.weekday()],
        day=f"{date.day:02d}",
        month=names.months[date.month - 1],
        year=str(date.year),
    )


def session_label(session: Session, words: RampWords) -> str:
    """A short label: ``Walk-run: 4 x (4 min run / 1 min walk)`` or ``Run: 26 min``.

    Parameters
    ----------
    session:
        One day of the plan.
    words:
        ``ramp.yaml`` words (``kinds`` and the ``session_*`` formats).

    Returns
    -------
    str
        The label.
    """
    word = str(getattr(words.kinds, session.kind))
    if session.kind == "walk_run":
        return words.session_walk_run.format(kind=word, intervals=session.intervals)
    if session.kind == "run":
        return words.session_run.format(kind=word, minutes=session.run_minutes)
    if session.total_minutes:
        return words.session_minutes.format(kind=word, minutes=session.total_minutes)
    return word


def short_pattern(session: Session, words: RampWords) -> str:
    """A walk-run day's pattern in the card's short words: ``3 x (8 run / 1 walk) + 2 run``.

    Parameters
    ----------
    session:
        A walk-run day (its ``run_minutes``, ``run_interval`` and ``walk_interval``).
    words:
        ``ramp.yaml`` words (``short_block``, ``short_extra``, ``short_joined``).

    Returns
    -------
    str
        The pattern; the session's own ``intervals`` text when it carries no pattern.
    """
    if session.run_interval < 1:
        return session.intervals
    repeats, extra = divmod(session.run_minutes, session.run_interval)
    block = words.short_block.format(repeats=repeats, run=session.run_interval, walk=session.walk_interval)
    more = words.short_extra.format(run=extra)
    if repeats and extra:
        return words.short_joined.format(block=block, extra=more)
    return block if repeats else more


def short_label(session: Session, words: RampWords) -> str:
    """A label short enough for one line of a phone card: ``Walk-run 3 x (8 run / 1 walk)``.

    Parameters
    ----------
    session:
        One day of the plan.
    words:
        ``ramp.yaml`` words (``kinds``, the ``short_*`` formats).

    Returns
    -------
    str
        The label.
    """
    word = str(getattr(words.kinds, session.kind))
    if session.kind == "walk_run":
        return words.short_walk_run.format(kind=word, intervals=short_pattern(session, words))
    if session.kind == "run":
        return words.short_run.format(kind=word, minutes=session.run_minutes)
    return session_label(session, words)
