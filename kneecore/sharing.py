"""Compact, validated share links: a small JSON object in one query-string value.

A link holds only what the user chose to share. ``encode`` packs a mapping as
compact JSON, deflated and base64url-encoded; ``decode`` refuses anything that is not
such a value (wrong alphabet, bad compression, not JSON, not an object, too large)
with an :class:`~kneecore.errors.InputError` naming the parameter. Each feature then
validates the decoded mapping with its own input model.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import zlib
from collections.abc import Mapping
from typing import Any

from kneecore.errors import InputError

__all__ = ["MAX_LINK_CHARS", "decode", "encode"]

MAX_LINK_CHARS = 4000
"""The longest packed value accepted (browsers and chat apps cut long URLs)."""

_ALPHABET = re.compile(r"^[A-Za-z0-9_-]*$")
_VERSION = "1"


def encode(data: Mapping[str, Any]) -> str:
    """Pack ``data`` (JSON-able) into a short url-safe string, prefixed with a version."""
    raw = json.dumps(data, separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode()
    packed = base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode().rstrip("=")
    return _VERSION + packed


def decode(value: str, param: str = "s") -> dict[str, Any]:
    """Unpack a value made by :func:`encode`.

    Parameters
    ----------
    value:
        The query-string value.
    param:
        The parameter's name, used in the error message.

    Raises
    ------
    InputError
        The value is not a share link this app made, or is damaged.
    """
    expected = "a share link made by this app (it looks damaged or cut short)"
    if not isinstance(value, str) or not value or len(value) > MAX_LINK_CHARS:
        raise InputError(param, expected)
    if value[0] != _VERSION or not _ALPHABET.match(value[1:]):
        raise InputError(param, expected)
    body = value[1:]
    try:
        packed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        inflater = zlib.decompressobj()
        raw = inflater.decompress(packed, 64_000)
        if inflater.unconsumed_tail or not inflater.eof:
            raise InputError(param, expected)
        data = json.loads(raw.decode("utf-8"))
    except (binascii.Error, zlib.error, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise InputError(param, expected) from exc
    if not isinstance(data, dict):
        raise InputError(param, expected)
    return data
