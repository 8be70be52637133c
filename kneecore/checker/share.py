"""Share links for the checker: answers packed into one query-string value, checked on load."""

from __future__ import annotations

from kneecore.checker.answers import Answers, parse_answers
from kneecore.sharing import decode, encode

__all__ = ["SHARE_PARAM", "decode_answers", "encode_answers"]

SHARE_PARAM = "a"
"""The query parameter that carries shared answers."""


def encode_answers(answers: Answers) -> str:
    """Pack the answered keys into a url-safe value for ``?a=``."""
    return encode(answers.given())


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
