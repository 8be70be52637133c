"""Share links for the checker: answers packed into one dated query-string value, checked on load."""

from __future__ import annotations

import datetime as dt

from kneecore.checker.answers import Answers, parse_answers
from kneecore.sharing import decode, encode, made_on

__all__ = ["SHARE_PARAM", "decode_answers", "decode_dated_answers", "encode_answers"]

SHARE_PARAM = "a"
"""The query parameter that carries shared answers."""


def encode_answers(answers: Answers, made: dt.date | None = None) -> str:
    """Pack the answered keys into a url-safe value for ``?a=``, dated ``made``.

    Parameters
    ----------
    answers:
        The answers to share.
    made:
        The day the link is made (default: :func:`kneecore.sharing.today`).

    Returns
    -------
    str
        The value of the ``a`` query parameter.
    """
    return encode(answers.given(), made)


def decode_answers(value: str) -> Answers:
    """Unpack and validate a share-link value.

    Parameters
    ----------
    value:
        The ``a`` query parameter.

    Returns
    -------
    Answers
        The answers, validated exactly like the CLI's input.

    Raises
    ------
    InputError
        The link is damaged, or holds answers this checker does not accept.
    """
    return parse_answers(decode(value, SHARE_PARAM))


def decode_dated_answers(value: str) -> tuple[Answers, dt.date | None]:
    """Unpack a share-link value with the day it was made.

    Parameters
    ----------
    value:
        The ``a`` query parameter.

    Returns
    -------
    tuple
        The validated answers, and the link's date (None: an undated, older link).

    Raises
    ------
    InputError
        The link is damaged (its date included), or holds answers this checker does not accept.
    """
    return decode_answers(value), made_on(value, SHARE_PARAM)
