"""Building blocks shared by every content model, and the problem collector.

Every model forbids unknown keys, is frozen and strict (YAML's ``no`` is not text and
``12:30`` is not a time). Validation problems become one line each:
``content/exercises/hip.yaml: exercise 'clamshell': dosage.sets: must be 1-10, got 40``.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from kneecore.content._yaml import YamlError, read_yaml

__all__ = [
    "Between",
    "ContentModel",
    "Id",
    "Markdown",
    "Number",
    "Problems",
    "Reference",
    "References",
    "Text",
    "only_placeholders",
    "read_file",
    "read_folder",
]

M = TypeVar("M", bound=BaseModel)


class ContentModel(BaseModel):
    """Base of all content models: unknown keys rejected, frozen, strict types."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?>")


def _no_html(value: str) -> str:
    if _HTML_TAG.search(value):
        raise ValueError("must be Markdown without HTML tags")
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


_ID = re.compile(r"^[a-z][a-z0-9_]*$")


def _snake_id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError(f"must be a snake_case id (a-z, 0-9, _), got {value!r}")
    return value


Text = Annotated[str, AfterValidator(_not_blank), AfterValidator(_no_html)]
"""One line or a paragraph of plain text (Markdown allowed, HTML refused)."""

Markdown = Text
"""A Markdown body. Write ``\\$`` for a dollar sign; HTML is refused."""

Id = Annotated[str, AfterValidator(_snake_id)]
"""A snake_case id that never changes once published."""

Number = Annotated[float, Field(allow_inf_nan=False)]


def Between(lo: float, hi: float, *, whole: bool = True) -> Any:  # noqa: N802 - reads as a type
    """A number type that must lie in [lo, hi]; the error reads ``must be lo-hi, got x``."""

    def check(value: float) -> float:
        if not lo <= value <= hi:
            raise ValueError(f"must be {_fmt(lo)}-{_fmt(hi)}, got {_fmt(value)}")
        return value

    base: Any = int if whole else Number
    return Annotated[base, Field(json_schema_extra={"minimum": lo, "maximum": hi}), AfterValidator(check)]


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


_DOI = re.compile(r"^10\.\d{4,9}/\S+$")


class Reference(ContentModel):
    """A source for a claim: a citation plus a DOI or a web address (at least one)."""

    citation: Text
    doi: str | None = None
    url: str | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _doi_or_url(self) -> Reference:
        if self.doi is None and self.url is None:
            raise ValueError("needs a doi or a url")
        if self.doi is not None and not _DOI.match(self.doi):
            raise ValueError(f"doi must look like 10.1234/abc, got {self.doi!r}")
        if self.url is not None and not self.url.startswith("https://"):
            raise ValueError(f"url must start with https://, got {self.url!r}")
        return self

    @property
    def link(self) -> str:
        """Where a reader can find the source."""
        return f"https://doi.org/{self.doi}" if self.doi else str(self.url)


References = Annotated[tuple[Reference, ...], Field(min_length=1)]
"""At least one reference: every medical claim carries one."""


# ---------------------------------------------------------------------------
# Problems: gathered across all files, reported together.

_KINDS = {
    "stories": "story",
    "entries": "entry",
    "categories": "category",
    "exercises": "exercise",
    "routines": "routine",
    "conditions": "condition",
    "red_flags": "red flag",
    "questions": "question",
    "features": "feature",
    "stages": "stage",
    "items": "item",
    "guides": "guide",
    "facts": "fact",
    "myths": "myth",
    "sections": "section",
    "steps": "step",
}

_TYPE_WORDS = {
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "string_type": "text (put it in quotes if it looks like a number, date or yes/no)",
    "bool_type": "true or false",
    "tuple_type": "a list",
    "list_type": "a list",
    "dict_type": "a mapping of keys to values",
    "model_type": "a mapping of keys to values",
    "model_attributes_type": "a mapping of keys to values",
    "date_type": "a date (YYYY-MM-DD)",
    "finite_number": "a finite number",
}


def _singular(key: str) -> str:
    return _KINDS.get(key, key[:-1] if key.endswith("s") else key)


def _got(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 50 else text[:47] + "..."


def describe_error(err: Mapping[str, Any]) -> str:
    """Turn one pydantic error into plain words that say what was expected."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    if kind == "missing":
        return "is required but missing"
    if kind == "extra_forbidden":
        return "is not a known key (check the spelling)"
    if kind in _TYPE_WORDS:
        return f"must be {_TYPE_WORDS[kind]}, got {_got(value)}"
    if kind in ("greater_than_equal", "greater_than"):
        bound = ctx.get("ge", ctx.get("gt"))
        return f"must be at least {bound}, got {_got(value)}"
    if kind in ("less_than_equal", "less_than"):
        bound = ctx.get("le", ctx.get("lt"))
        return f"must be at most {bound}, got {_got(value)}"
    if kind == "literal_error":
        return f"must be one of {ctx.get('expected')}, got {_got(value)}"
    if kind == "enum":
        return f"must be one of {ctx.get('expected')}, got {_got(value)}"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} item(s), got {ctx.get('actual_length')}"
    if kind == "too_long":
        return f"allows at most {ctx.get('max_length')} item(s), got {ctx.get('actual_length')}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_pattern_mismatch":
        return f"must match {ctx.get('pattern')}, got {_got(value)}"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    return f"{err['msg']}, got {_got(value)}"


def describe_key_error(err: Mapping[str, Any]) -> str:
    """Plain words for a mapping key that was refused (its location ends in ``[key]``).

    Parameters
    ----------
    err:
        One pydantic error whose location ends in ``[key]``.

    Returns
    -------
    str
        Why the key was refused: not text (YAML read ``no`` as false), not one of the
        allowed keys (listed), or not a valid key (say why).
    """
    value = err.get("input")
    if not isinstance(value, str):
        # YAML read `no` as False or `1` as 1
        return (
            f"has a key {value!r} that is not text "
            "(put it in quotes: YAML reads no, yes, on and off as true or false)"
        )
    if err["type"] in ("literal_error", "enum"):
        allowed = (err.get("ctx") or {}).get("expected", "")
        return f"has a key {value!r} that is not allowed here (allowed keys: {allowed})"
    return f"has a key {value!r} that is not valid: {describe_error(err)}"


def locate(raw: Any, loc: Sequence[str | int], kind: str | None = None) -> tuple[str, str]:
    """Name the item and the key path for an error location in a raw document.

    Returns ``(item, path)`` such as ``("exercise 'clamshell'", "dosage.sets")``; the item
    is ``""`` where the error is outside any item with an ``id``.
    """
    item = ""
    if kind and isinstance(raw, Mapping) and isinstance(raw.get("id"), str):
        item = f"{kind} '{raw['id']}'"
    path: list[str] = []
    node: Any = raw
    parent_key = ""
    for part in loc:
        if isinstance(part, int) and isinstance(node, Sequence) and not isinstance(node, str):
            node = node[part] if 0 <= part < len(node) else None
            if isinstance(node, Mapping) and isinstance(node.get("id"), str):
                item = f"{_singular(parent_key)} '{node['id']}'"
                path = []
            else:
                path.append(f"[{part + 1}]" if not path else f"{path.pop()}[{part + 1}]")
            continue
        if isinstance(part, str) and isinstance(node, Mapping):
            node = node.get(part)
            parent_key = part
            path.append(part)
        elif isinstance(part, str) and not isinstance(node, (Mapping, Sequence)) and part in _TYPE_WORDS:
            continue  # pydantic names union members; they say nothing to an editor
        else:
            path.append(str(part))
    return item, ".".join(path)


class Problems:
    """Collects problems from all files, so one run lists every one of them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.lines: list[str] = []

    def label(self, path: Path) -> str:
        """The file's name as an editor sees it: relative to the content folder's parent."""
        if path == self.root:
            return str(path)
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)

    def add(self, path: Path | str, message: str, item: str = "", key: str = "") -> None:
        """Record one problem in ``file: item: key: message`` form."""
        where = self.label(path) if isinstance(path, Path) else path
        parts = [where] + [p for p in (item, key) if p] + [message]
        self.lines.append(": ".join(parts))

    def add_validation(self, path: Path, exc: ValidationError, raw: Any, kind: str | None) -> None:
        """Record every error of a pydantic ValidationError against its file."""
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            if loc and loc[-1] == "[key]":
                item, key = locate(raw, loc[:-2], kind)
                self.add(path, describe_key_error(err), item, key)
                continue
            item, key = locate(raw, loc, kind)
            self.add(path, describe_error(err), item, key)

    def __bool__(self) -> bool:
        return bool(self.lines)


def read_file(
    root: Path, rel: str, model: type[M], problems: Problems, *, kind: str | None = None
) -> M | None:
    """Read ``root/rel`` as one ``model``; on failure record problems and return None."""
    path = root / rel
    try:
        raw = read_yaml(path)
    except YamlError as exc:
        problems.add(path, str(exc))
        return None
    if raw is None:
        problems.add(path, "file is empty")
        return None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems.add_validation(path, exc, raw, kind)
        return None


def read_folder(
    root: Path, rel: str, model: type[M], problems: Problems, *, kind: str | None = None
) -> list[tuple[Path, M]]:
    """Read every ``*.yaml`` file under ``root/rel`` (sorted by name) as ``model``."""
    folder = root / rel
    if not folder.is_dir():
        problems.add(folder, "folder is missing")
        return []
    found: list[tuple[Path, M]] = []
    for path in sorted(folder.glob("*.yaml")):
        item = read_file(root, str(path.relative_to(root)), model, problems, kind=kind)
        if item is not None:
            found.append((path, item))
    if not found and not any(folder.glob("*.yaml")):
        problems.add(folder, "folder has no .yaml files")
    return found


def check_unique(problems: Problems, where: Path | str, kind: str, ids: Iterable[str]) -> None:
    """Record each id that appears more than once."""
    seen: set[str] = set()
    for ident in ids:
        if ident in seen:
            problems.add(where, f"id {ident!r} is used more than once", f"{kind} '{ident}'")
        seen.add(ident)


def check_refs(
    problems: Problems,
    where: Path | str,
    item: str,
    key: str,
    refs: Iterable[str],
    known: Iterable[str],
    what: str,
) -> None:
    """Record each reference in ``refs`` that is not among ``known`` ids of ``what``."""
    known_set = set(known)
    for ref in refs:
        if ref not in known_set:
            problems.add(where, f"names {what} {ref!r}, which does not exist", item, key)


Check = Callable[[Any, Problems], None]


def only_placeholders(*allowed: str) -> Callable[[str], str]:
    """A validator: the text uses only the ``{placeholders}`` the code fills in.

    Parameters
    ----------
    allowed:
        The placeholder names the code passes to ``str.format``.

    Returns
    -------
    Callable[[str], str]
        A check for ``AfterValidator`` that returns the text or raises ``ValueError``
        naming the first unknown placeholder (or an unbalanced brace).
    """

    def check(value: str) -> str:
        try:
            used = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
        except ValueError as exc:
            raise ValueError(f"has an unbalanced {{ or }} ({exc})") from exc
        unknown = sorted(used - set(allowed))
        if unknown:
            known = ", ".join(f"{{{a}}}" for a in allowed) or "none"
            raise ValueError(f"unknown placeholder {{{unknown[0]}}} (known: {known})")
        return value

    return check
