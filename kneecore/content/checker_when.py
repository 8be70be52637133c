"""The small rule language of content/checker/: :class:`When`, a test on the answers."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import model_validator

from kneecore.content._base import ContentModel, Id, Number

__all__ = ["When"]

_TESTS = (
    "equals",
    "one_of",
    "not_one_of",
    "includes",
    "includes_any",
    "excludes",
    "at_least",
    "at_most",
    "below",
)


class When(ContentModel):
    """A test on the answers: ``all``/``any`` of tests, a named ``fact``, or one ``answer`` test.

    An answer test uses one of ``equals``, ``one_of``, ``not_one_of`` (choice keys),
    ``includes``, ``includes_any``, ``excludes`` (list keys), ``at_least``, ``at_most``,
    ``below`` (numbers) or ``unanswered: true``. An unanswered key fails every test
    unless ``or_unanswered: true``.
    """

    all: tuple[When, ...] | None = None
    any: tuple[When, ...] | None = None
    fact: Id | None = None
    answer: str | None = None
    equals: bool | int | float | str | None = None
    one_of: tuple[str, ...] | None = None
    not_one_of: tuple[str, ...] | None = None
    includes: str | None = None
    includes_any: tuple[str, ...] | None = None
    excludes: tuple[str, ...] | None = None
    at_least: Number | None = None
    at_most: Number | None = None
    below: Number | None = None
    unanswered: bool = False
    or_unanswered: bool = False

    @model_validator(mode="after")
    def _shape(self) -> When:
        from kneecore.checker.answers import ANSWER_KEYS, allowed_values, answer_kind, expected

        forms = [name for name in ("all", "any", "fact", "answer") if getattr(self, name) is not None]
        if len(forms) != 1:
            raise ValueError("needs exactly one of all, any, fact or answer")
        tests = [name for name in _TESTS if getattr(self, name) is not None]
        if self.answer is None:
            if tests or self.unanswered or self.or_unanswered:
                raise ValueError("answer tests need an answer key")
            return self
        if self.answer not in ANSWER_KEYS:
            raise ValueError(f"names answer {self.answer!r}, which the contract does not have")
        if len(tests) + int(self.unanswered) != 1:
            raise ValueError(
                f"answer {self.answer!r} needs exactly one test ({', '.join(_TESTS)} or unanswered)"
            )
        kind = answer_kind(self.answer)
        values = allowed_values(self.answer)
        test = tests[0] if tests else "unanswered"
        if kind == "multi":
            ok = test in ("includes", "includes_any", "excludes")
        elif kind == "flag":
            ok = test == "equals" and isinstance(self.equals, bool)
        elif kind == "choice":
            ok = test in ("equals", "one_of", "not_one_of") and not isinstance(
                self.equals, (bool, int, float)
            )
        else:
            ok = test in ("equals", "at_least", "at_most", "below") and not isinstance(
                self.equals, (bool, str)
            )
        if not ok and test != "unanswered":
            raise ValueError(f"test {test!r} does not fit answer {self.answer!r} ({expected(self.answer)})")
        named: list[str] = []
        for name in ("one_of", "not_one_of", "includes_any", "excludes"):
            named.extend(getattr(self, name) or ())
        for single in (self.includes, self.equals):
            if isinstance(single, str):
                named.append(single)
        wrong = [v for v in named if values and v not in values]
        if wrong:
            raise ValueError(
                f"answer {self.answer!r} has no value {wrong[0]!r} (expected {expected(self.answer)})"
            )
        return self

    def facts(self) -> Iterable[str]:
        """Every named fact this test uses."""
        if self.fact:
            yield self.fact
        for part in (self.all or ()) + (self.any or ()):
            yield from part.facts()
