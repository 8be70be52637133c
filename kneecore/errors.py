"""Errors raised by kneecore.

The tree is small on purpose::

    KneecoreError
    ├── InputError     a user's or caller's input is wrong (names the key)
    └── ContentError   the YAML under content/ is broken (lists every problem)

Pages catch ``InputError`` and show it beside the field it names; the CLIs print it
on one line and exit 2. ``ContentError`` becomes the app's maintenance message.
"""

from __future__ import annotations

__all__ = ["ContentError", "InputError", "KneecoreError"]


class KneecoreError(Exception):
    """Base class of every error kneecore raises on purpose."""


class InputError(KneecoreError, ValueError):
    """An input value is wrong: unknown key, wrong type, out of range, malformed.

    Parameters
    ----------
    key:
        The input key (dotted for nested keys) that was wrong, or ``""`` for the
        whole input.
    expected:
        What was expected, in plain words ("a whole number from 0 to 10").
    got:
        The value received, shown back to the user (optional).
    """

    def __init__(self, key: str, expected: str, got: object = None) -> None:
        self.key = key
        self.expected = expected
        self.got = got
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """One line naming the key, what was expected and what came."""
        where = f"{self.key}: " if self.key else ""
        tail = "" if self.got is None else f", got {_show(self.got)}"
        return f"{where}expected {self.expected}{tail}"


class ContentError(KneecoreError):
    """The content folder failed validation; ``problems`` holds one line per problem.

    Each line reads ``file: item 'id': path.to.key: message``.
    """

    def __init__(self, problems: list[str] | tuple[str, ...]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the content files"
        super().__init__(head + ":\n" + "\n".join(self.problems))


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
