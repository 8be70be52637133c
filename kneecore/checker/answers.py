"""The checker's input: one validated set of answers (every key optional).

Keys, types and values are fixed by ``shared/spec/checker-contract.md``. Types are
strict: ``true`` is not ``1``, ``"30"`` is not ``30``. Two tolerances, both documented
in the contract notes of :func:`parse_answers`:

- a whole-number key takes a JSON number without a fraction (``30.0`` is 30;
  ``30.5`` is refused), since many JSON writers print every number as a float;
- ``null`` means "not answered", like a missing key.

Lists are treated as sets: duplicates are dropped and order does not matter.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from kneecore.errors import InputError
from kneecore.messages import Message

__all__ = [
    "ANSWER_KEYS",
    "AnswerKind",
    "Answers",
    "Expect",
    "allowed_values",
    "answer_bounds",
    "answer_kind",
    "answers_schema",
    "expected",
    "parse_answers",
    "parse_json",
]

AnswerKind = Literal["flag", "choice", "multi", "whole", "number"]
"""The type of an answer: true/false, one value, a list of values, a whole number, a number."""


class Expect:
    """What a key expects: its kind (an id), and the message code its errors render.

    ``kind`` is what the content checks and the page compare against (``"flag"`` marks a
    yes/no key); ``code`` and ``params`` name the template in ``content/messages.yaml``
    that an :class:`~kneecore.errors.InputError` for the key renders, so the words a user
    reads for an expected answer all come from the catalogue.
    """

    def __init__(
        self,
        kind: AnswerKind,
        code: str,
        values: tuple[str, ...] = (),
        lo: float | None = None,
        hi: float | None = None,
        **params: object,
    ):
        self.kind: AnswerKind = kind
        self.code = code
        bounds = {} if lo is None or hi is None else {"lo": _shown(lo), "hi": _shown(hi)}
        self.params: dict[str, object] = {**bounds, **params}
        self.values = values
        self.lo = lo
        self.hi = hi


def _shown(bound: float) -> str:
    return str(bound) if isinstance(bound, int) else f"{bound:g}"


def _whole(value: Any) -> Any:
    if (
        isinstance(value, float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and value.is_integer()
    ):
        return int(value)
    return value


def _range(lo: float, hi: float) -> AfterValidator:
    def check(value: float) -> float:
        if not lo <= value <= hi:
            raise ValueError("out of range")
        return value

    return AfterValidator(check)


def _as_set(value: list[str]) -> list[str]:
    return sorted(set(value))


def _whole_number(lo: int, hi: int) -> Any:
    return Annotated[
        int,
        BeforeValidator(_whole),
        _range(lo, hi),
        Field(
            json_schema_extra={"minimum": lo, "maximum": hi}, description=f"a whole number from {lo} to {hi}"
        ),
        Expect("whole", "whole_number_range", lo=lo, hi=hi),
    ]


def _number(lo: float, hi: float) -> Any:
    return Annotated[
        float,
        Field(
            allow_inf_nan=False,
            json_schema_extra={"minimum": lo, "maximum": hi},
            description=f"a number from {lo:g} to {hi:g}",
        ),
        _range(lo, hi),
        Expect("number", "number_range", lo=lo, hi=hi),
    ]


def _choice(*values: str) -> Any:
    return Annotated[
        Literal[values],
        Expect("choice", "one_of", values=values, choices=", ".join(values)),
    ]


def _multi(*values: str) -> Any:
    return Annotated[
        list[Literal[values]],  # type: ignore[valid-type]
        AfterValidator(_as_set),
        Expect("multi", "any_of", values=values, choices=", ".join(values)),
    ]


Flag = Annotated[bool, Expect("flag", "true_or_false", values=("true", "false"))]

LOCATIONS = (
    "front_kneecap",
    "below_kneecap",
    "above_kneecap",
    "outside",
    "inside",
    "inside_below",
    "back",
    "whole_knee",
)
MECHANISMS = (
    "twist_pivot",
    "direct_blow",
    "force_from_outside",
    "force_from_inside",
    "landing_or_hyperextension",
    "kneecap_shifted",
    "none",
)
SWELLING = ("none", "rapid", "delayed", "after_activity", "without_injury")
TRIGGERS = (
    "stairs_down",
    "stairs_up",
    "prolonged_sitting",
    "prolonged_standing",
    "full_straightening",
    "squatting",
    "kneeling",
    "downhill",
    "after_set_distance",
    "warms_up",
    "jumping",
    "twisting",
    "hopping",
    "first_steps_morning",
    "cycling",
    "rest",
)


class Answers(BaseModel):
    """A runner's answers about one knee; every key is optional (``None`` = not answered)."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    age: _whole_number(5, 100) | None = None  # type: ignore[valid-type]
    sex: _choice("female", "male", "other") | None = None  # type: ignore[valid-type]
    location: _multi(*LOCATIONS) | None = None  # type: ignore[valid-type]
    onset: _choice("gradual", "sudden") | None = None  # type: ignore[valid-type]
    mechanism: _choice(*MECHANISMS) | None = None  # type: ignore[valid-type]
    pop_at_injury: Flag | None = None
    swelling: _choice(*SWELLING) | None = None  # type: ignore[valid-type]
    swollen_now: Flag | None = None
    limping: Flag | None = None
    swelling_behind_knee: Flag | None = None
    locking: Flag | None = None
    catching: Flag | None = None
    giving_way: Flag | None = None
    kneecap_apprehension: Flag | None = None
    crepitus: Flag | None = None
    triggers: _multi(*TRIGGERS) | None = None  # type: ignore[valid-type]
    night_pain: Flag | None = None
    morning_stiffness: _choice("none", "short", "long") | None = None  # type: ignore[valid-type]
    bone_tenderness: Flag | None = None
    tibial_tubercle_bump: Flag | None = None
    joint_line_tenderness: _choice("none", "inside", "outside") | None = None  # type: ignore[valid-type]
    growth_spurt: Flag | None = None
    low_energy_or_missed_periods: Flag | None = None
    previous_dislocations: _whole_number(0, 20) | None = None  # type: ignore[valid-type]
    days_since_injury: _number(0, 3650) | None = None  # type: ignore[valid-type]
    recent_training_increase: Flag | None = None
    pain_level: _whole_number(0, 10) | None = None  # type: ignore[valid-type]
    duration_weeks: _number(0, 520) | None = None  # type: ignore[valid-type]
    cannot_bear_weight: Flag | None = None
    cannot_flex_90: Flag | None = None
    fibular_head_tenderness: Flag | None = None
    isolated_patella_tenderness: Flag | None = None
    fever: Flag | None = None
    hot_red_knee: Flag | None = None
    calf_swelling: Flag | None = None
    numbness_or_cold_foot: Flag | None = None
    deformity: Flag | None = None
    unexplained_weight_loss: Flag | None = None
    history_of_cancer: Flag | None = None
    recent_surgery_or_immobilisation: Flag | None = None

    def given(self) -> dict[str, Any]:
        """Only the answered keys (lists included even when empty)."""
        return {k: v for k, v in self.model_dump().items() if v is not None}


ANSWER_KEYS: tuple[str, ...] = tuple(Answers.model_fields)
"""Every contract key, in the contract's order."""


def _expect(key: str) -> Expect:
    for item in Answers.model_fields[key].metadata:
        if isinstance(item, Expect):
            return item
    annotation = Answers.model_fields[key].annotation
    for arg in get_args(annotation):
        for meta in getattr(arg, "__metadata__", ()):
            if isinstance(meta, Expect):
                return meta
    raise KeyError(key)  # pragma: no cover - every field carries an Expect


_EXPECT: dict[str, Expect] = {key: _expect(key) for key in ANSWER_KEYS}


def expected(key: str) -> str:
    """What ``key`` expects, in the catalogue's words (``content/messages.yaml``), e.g. ``true or false``."""
    return str(Message(_EXPECT[key].code, _EXPECT[key].params))


def answer_kind(key: str) -> AnswerKind:
    """The type of an answer as an id (``flag``, ``choice``, ``multi``, ``whole``, ``number``).

    Parameters
    ----------
    key:
        A contract answer key.

    Returns
    -------
    AnswerKind
        What pages and content checks compare against (never the English words).
    """
    return _EXPECT[key].kind


def answer_bounds(key: str) -> tuple[float, float] | None:
    """The lowest and highest value of a number key, or None for other keys.

    Parameters
    ----------
    key:
        A contract answer key.

    Returns
    -------
    tuple[float, float] | None
        ``(lo, hi)`` as the contract fixes them (ints for whole-number keys).
    """
    item = _EXPECT[key]
    return None if item.lo is None or item.hi is None else (item.lo, item.hi)


def allowed_values(key: str) -> tuple[str, ...]:
    """The values a choice or list key takes (empty for numbers)."""
    return _EXPECT[key].values


def _shown_key(key: str) -> str:
    """A key as it can be printed on one line (quoted when it holds odd characters)."""
    return key if key.isprintable() and key.strip() == key and key else repr(key)


def _input_error(exc: ValidationError, data: Mapping[str, Any]) -> InputError:
    err = exc.errors(include_url=False)[0]
    loc = err["loc"]
    key = str(loc[0]) if loc else ""
    if err["type"] == "extra_forbidden":
        return InputError(_shown_key(key), "answer_key")
    if key not in _EXPECT:  # pragma: no cover - pydantic always names the key here
        return InputError(key, "detail", None, detail=err["msg"])
    if len(loc) > 1 and isinstance(loc[1], int):
        items = data.get(key)
        got = items[loc[1]] if isinstance(items, list) and 0 <= loc[1] < len(items) else None
        return InputError(f"{key}[{loc[1]}]", "one_of", got, choices=", ".join(_EXPECT[key].values))
    return InputError(key, _EXPECT[key].code, data.get(key), **_EXPECT[key].params)


def parse_answers(data: object) -> Answers:
    """Validate a mapping of answers (e.g. decoded JSON) into :class:`Answers`.

    Parameters
    ----------
    data:
        A mapping of contract keys to values. ``None`` values count as not answered.

    Returns
    -------
    Answers
        The validated answers.

    Raises
    ------
    InputError
        Naming the first wrong key and what it expects.
    """
    if isinstance(data, Answers):
        return data
    if not isinstance(data, Mapping):
        raise InputError("", "answers_object", data)
    for key in data:
        if not isinstance(key, str):
            raise InputError(str(key), "text_keys")
    cleaned = {k: v for k, v in data.items() if v is not None}
    try:
        return Answers.model_validate(cleaned)
    except ValidationError as exc:
        raise _input_error(exc, cleaned) from None


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise InputError(_shown_key(key), "key_once")
        result[key] = value
    return result


def parse_json(text: str | bytes) -> Answers:
    """Parse JSON text into :class:`Answers`.

    Parameters
    ----------
    text:
        The JSON document: one object of answers.

    Returns
    -------
    Answers
        The validated answers.

    Raises
    ------
    InputError
        Malformed JSON, a repeated key or any wrong answer.
    """
    try:
        raw = text.decode("utf-8") if isinstance(text, bytes) else text
        data = json.loads(raw, object_pairs_hook=_no_duplicates)
    except UnicodeDecodeError:
        raise InputError("", "utf8_text") from None
    except json.JSONDecodeError as exc:
        raise InputError("", "valid_json", None, line=exc.lineno, column=exc.colno, detail=exc.msg) from None
    except RecursionError:
        raise InputError("", "answers_not_deep") from None
    return parse_answers(data)


def answers_schema() -> dict[str, Any]:
    """The JSON Schema of the answers (what ``--schema`` prints)."""
    schema = Answers.model_json_schema()
    schema["title"] = "Knee Compass checker answers"
    schema["description"] = (
        "All keys optional; null means not answered. Whole-number keys accept a number without "
        "a fraction (30.0). Lists are sets: order and repeats do not matter."
    )
    return schema
