"""``content/messages.yaml``: the words of every input error (see :mod:`kneecore.messages`).

``frames`` shape the sentence; ``messages`` hold one template per code kneecore raises.
The check holds the file to the registry :data:`kneecore.messages.CODES`: every code is
present, none is unknown, and each template uses exactly its code's placeholders.
"""

from __future__ import annotations

from pathlib import Path

from kneecore.content._base import ContentModel, Problems, Text, read_file
from kneecore.messages import CODES, FILE, FRAMES, placeholder_problem

__all__ = ["SCHEMAS", "Frames", "MessageFile", "check", "load", "problems_of", "read_catalogue"]


class Frames(ContentModel):
    """The sentence around a message: ``{key}``, ``{expected}`` and ``{got}``.

    ``full`` has all three, ``no_got`` no value, ``no_key`` no key, ``bare`` only
    ``{expected}``.
    """

    full: Text
    no_got: Text
    no_key: Text
    bare: Text


class MessageFile(ContentModel):
    """The whole of ``messages.yaml``."""

    frames: Frames
    messages: dict[str, Text]
    """One template per code, e.g. ``whole_number_range: "a whole number from {lo} to {hi}"``."""


SCHEMAS = {FILE: MessageFile}


def problems_of(catalogue: MessageFile) -> list[tuple[str, str]]:
    """Every way the catalogue misses the registry, as ``(key path, message)`` pairs.

    Parameters
    ----------
    catalogue:
        The validated file.

    Returns
    -------
    list[tuple[str, str]]
        Missing and unknown codes, and templates whose placeholders are not exactly
        their code's parameters (frames too); empty when all is well.
    """
    found: list[tuple[str, str]] = []
    for shape, names in FRAMES.items():
        wrong = placeholder_problem(getattr(catalogue.frames, shape), names)
        if wrong:
            found.append((f"frames.{shape}", wrong))
    for code, names in CODES.items():
        template = catalogue.messages.get(code)
        if template is None:
            found.append((f"messages.{code}", "is required but missing (kneecore raises this code)"))
            continue
        wrong = placeholder_problem(template, names)
        if wrong:
            found.append((f"messages.{code}", wrong))
    for code in catalogue.messages:
        if code not in CODES:
            found.append((f"messages.{code}", "is not a code kneecore raises (check the spelling)"))
    return found


def load(root: Path, problems: Problems) -> MessageFile | None:
    """Read and validate ``messages.yaml`` against the registry of codes.

    Parameters
    ----------
    root:
        The content folder.
    problems:
        Where each problem is recorded, naming the file and the code.

    Returns
    -------
    MessageFile | None
        The catalogue, or None when it has a problem.
    """
    catalogue = read_file(root, FILE, MessageFile, problems)
    if catalogue is None:
        return None
    wrong = problems_of(catalogue)
    for key, message in wrong:
        problems.add(root / FILE, message, key=key)
    return None if wrong else catalogue


def read_catalogue(root: Path) -> MessageFile | None:
    """The catalogue under ``root`` for rendering, or None when it has any problem."""
    return load(root, Problems(root))


def check(content: object, problems: Problems) -> None:
    """No cross-file checks: the registry check runs when the file is read."""
