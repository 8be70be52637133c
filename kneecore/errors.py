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

    The words come from the message catalogue (``content/messages.yaml``, see
    :mod:`kneecore.messages`); the raise site names only a code and its parameters::

        raise InputError("pain_now", "whole_number_range", 11, lo=0, hi=10)

    Parameters
    ----------
    key:
        The input key (dotted for nested keys) that was wrong, or ``""`` for the
        whole input.
    code:
        The message code (a key of :data:`kneecore.messages.CODES`).
    got:
        The value received, shown back to the user (optional).
    params:
        The code's parameters by name (a nested :class:`~kneecore.messages.Message` is
        rendered too).

    Attributes ``key``, ``got``, ``code`` and ``params`` hold what was raised;
    ``expected`` and ``message`` are rendered from the catalogue when read.
    """

    def __init__(self, key: str, code: str, got: object = None, /, **params: object) -> None:
        self.key = key
        self.code = code
        self.got = got
        self.params: dict[str, object] = params
        super().__init__(key, code, got)

    @property
    def expected(self) -> str:
        """What was expected, in the catalogue's words ("a whole number from 0 to 10")."""
        from kneecore.messages import render

        return render(self.code, self.params)

    @property
    def message(self) -> str:
        """One line naming the key, what was expected and what came."""
        from kneecore.messages import frame

        return frame(self.key, self.expected, None if self.got is None else _show(self.got))

    def __str__(self) -> str:
        return self.message


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
