"""Compact, validated, dated share links: a small JSON object in one query-string value.

A link holds only what the user chose to share, and the day it was made. ``encode``
packs a mapping as compact JSON, deflated and base64url-encoded, behind a version
character and (version 2) the date as eight digits: ``2`` ``20261126`` ``<packed>``.
Version 1 links (no date) still open; their date is unknown. ``decode`` refuses
anything that is not such a value (wrong alphabet, bad compression, not JSON, not an
object, too large, a date that is not a real day of this app's lifetime) with an
:class:`~kneecore.errors.InputError` naming the parameter. Each feature then validates
the decoded mapping with its own input model.

Links whose answers may no longer fit are flagged by :func:`link_age` (limit from
``content/site.yaml``, ``sharing.stale_after_days``) and worded by :func:`describe_age`.
Today's date comes from :func:`today`, which tests fix with :func:`set_clock`.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from kneecore.errors import InputError

if TYPE_CHECKING:
    from kneecore.content.site import Sharing

__all__ = [
    "EARLIEST",
    "LATEST",
    "MAX_LINK_CHARS",
    "LinkAge",
    "decode",
    "describe_age",
    "encode",
    "format_made",
    "link_age",
    "made_on",
    "parse_made",
    "set_clock",
    "today",
]

MAX_LINK_CHARS = 4000
"""The longest packed value accepted (browsers and chat apps cut long URLs)."""

EARLIEST = dt.date(2026, 1, 1)
"""No link can be older than the app: an earlier date was edited by hand."""
LATEST = dt.date(2099, 12, 31)
"""A later date is absurd: it was edited by hand (a nearer future date opens, with a note)."""

_ALPHABET = re.compile(r"^[A-Za-z0-9_-]*$")
_UNDATED = "1"
_DATED = "2"
_DATE_CHARS = 8
_DIGITS = re.compile(r"^[0-9]{8}$")
_EXPECTED = "share_link"
"""Message code (content/messages.yaml) of a damaged link."""
_DATE_RANGE = {"first": f"{EARLIEST:%Y%m%d}", "last": f"{LATEST:%Y%m%d}"}

Clock = Callable[[], dt.date]
_clock: Clock = dt.date.today


def today() -> dt.date:
    """Today's date, for dating and ageing links (and anything that must agree with them).

    Returns
    -------
    datetime.date
        The clock's date (the system date unless :func:`set_clock` replaced it).
    """
    return _clock()


def set_clock(clock: Clock | None) -> None:
    """Make :func:`today` ask ``clock`` (tests fix the date this way); None restores the system date.

    Parameters
    ----------
    clock:
        A function returning today's date, or None.
    """
    global _clock
    _clock = clock or dt.date.today


def format_made(made: dt.date) -> str:
    """The date field of a link: eight digits, ``YYYYMMDD``.

    Parameters
    ----------
    made:
        The day the link was made, from :data:`EARLIEST` to :data:`LATEST`.

    Returns
    -------
    str
        The eight digits.

    Raises
    ------
    ValueError
        The date lies outside the range a link may carry (a programming error).
    """
    if not EARLIEST <= made <= LATEST:
        raise ValueError(f"a link cannot be dated {made.isoformat()}")
    return made.strftime("%Y%m%d")


def parse_made(text: str, param: str) -> dt.date:
    """Read a date field written by :func:`format_made`.

    Parameters
    ----------
    text:
        The eight digits.
    param:
        The query parameter that carried them, named in the error.

    Returns
    -------
    datetime.date
        The day the link was made.

    Raises
    ------
    InputError
        Not eight digits, not a real day, or outside :data:`EARLIEST` to :data:`LATEST`.
    """
    if not isinstance(text, str) or not _DIGITS.match(text):
        raise InputError(
            param, "share_link_date", text[:20] if isinstance(text, str) else text, **_DATE_RANGE
        )
    try:
        made = dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError as exc:
        raise InputError(param, "share_link_date", text, **_DATE_RANGE) from exc
    if not EARLIEST <= made <= LATEST:
        raise InputError(param, "share_link_date", text, **_DATE_RANGE)
    return made


def encode(data: Mapping[str, Any], made: dt.date | None = None) -> str:
    """Pack ``data`` (JSON-able) into a short url-safe string, versioned and dated.

    Parameters
    ----------
    data:
        The mapping to share.
    made:
        The day the link is made (default: :func:`today`).

    Returns
    -------
    str
        ``2``, the date as ``YYYYMMDD``, then the packed data.
    """
    raw = json.dumps(data, separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode()
    packed = base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode().rstrip("=")
    return _DATED + format_made(made or today()) + packed


def _split(value: str, param: str) -> tuple[dt.date | None, str]:
    """The date (None for a version 1 link) and the packed body; refuses anything else."""
    if not isinstance(value, str) or not value or len(value) > MAX_LINK_CHARS:
        raise InputError(param, _EXPECTED)
    if value[0] == _UNDATED:
        made, body = None, value[1:]
    elif value[0] == _DATED:
        made, body = parse_made(value[1 : 1 + _DATE_CHARS], param), value[1 + _DATE_CHARS :]
    else:
        raise InputError(param, _EXPECTED)
    if not _ALPHABET.match(body):
        raise InputError(param, _EXPECTED)
    return made, body


def made_on(value: str, param: str = "s") -> dt.date | None:
    """The day a share link was made; None for an undated (version 1) link.

    Parameters
    ----------
    value:
        The query-string value.
    param:
        The parameter's name, used in the error message.

    Raises
    ------
    InputError
        The value is not a share link this app made, or its date is not a real day.
    """
    return _split(value, param)[0]


def decode(value: str, param: str = "s") -> dict[str, Any]:
    """Unpack a value made by :func:`encode` (either version).

    Parameters
    ----------
    value:
        The query-string value.
    param:
        The parameter's name, used in the error message.

    Returns
    -------
    dict
        The shared mapping (its date: :func:`made_on`).

    Raises
    ------
    InputError
        The value is not a share link this app made, or is damaged (date included).
    """
    _, body = _split(value, param)
    try:
        packed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        inflater = zlib.decompressobj()
        raw = inflater.decompress(packed, 64_000)
        if inflater.unconsumed_tail or not inflater.eof:
            raise InputError(param, _EXPECTED)
        data = json.loads(raw.decode("utf-8"))
    except (binascii.Error, zlib.error, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise InputError(param, _EXPECTED) from exc
    if not isinstance(data, dict):
        raise InputError(param, _EXPECTED)
    return data


Status = Literal["fresh", "stale", "future", "undated"]


@dataclass(frozen=True)
class LinkAge:
    """How old a link is, and whether its answers need a fresh look."""

    made: dt.date | None
    """The day the link was made (None: unknown)."""
    days: int | None
    """Days from ``made`` to today (negative: dated after today; None: unknown)."""
    status: Status
    """``fresh`` (within the limit), ``stale`` (older), ``future`` or ``undated``."""

    @property
    def recheck(self) -> bool:
        """True unless the link is fresh: the reader should re-check the answers."""
        return self.status != "fresh"


def link_age(made: dt.date | None, on: dt.date, stale_after_days: int) -> LinkAge:
    """Classify a link's age: a link exactly ``stale_after_days`` old is still fresh.

    Parameters
    ----------
    made:
        The day the link was made, or None if it does not say.
    on:
        Today.
    stale_after_days:
        The oldest a link may be before it is ``stale``.

    Returns
    -------
    LinkAge
        The date, the age in days and the status.
    """
    if made is None:
        return LinkAge(None, None, "undated")
    days = (on - made).days
    status: Status = "future" if days < 0 else "stale" if days > stale_after_days else "fresh"
    return LinkAge(made, days, status)


def describe_age(age: LinkAge, texts: Sharing, *, advice: bool = True) -> str:
    """The note shown when a link opens: when it was made, and (if not fresh) what to do.

    Parameters
    ----------
    age:
        From :func:`link_age`.
    texts:
        The ``sharing`` block of ``content/site.yaml``.
    advice:
        Add the "answers were given on that day; pain changes; re-check" sentence
        (``stale``, or ``check_answers`` for an undated or future link) when the link
        is not fresh (False: the date alone).

    Returns
    -------
    str
        One short paragraph.
    """
    if age.made is None or age.days is None:
        head = texts.undated
    elif age.days < 0:
        head = texts.future.format(made=age.made.isoformat())
    else:
        when = texts.age_today if age.days == 0 else texts.age_one_day if age.days == 1 else texts.age_days
        head = texts.made.format(made=age.made.isoformat(), age=when.format(days=age.days))
    if not (advice and age.recheck):
        return head
    advice_text = texts.stale if age.status == "stale" else texts.check_answers
    return f"{head} {advice_text.format(limit=texts.stale_after_days)}"
