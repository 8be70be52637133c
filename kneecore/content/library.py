"""content/conditions/, content/guides/ and content/stories/: the reading side (issue 8).

``conditions/<id>.yaml``
    One page per checker condition id; all sixteen are required, each exactly once.
``guides/<id>.yaml`` and ``guides/index.yaml``
    One guide per file; ``index.yaml`` holds the page text of guides, stories, help and search.
``stories/<id>.yaml``
    Illustrative composite recovery stories, one per file.

:func:`check` makes sure every id named (exercises, routines, form items, conditions) and
every in-app Markdown link (``[text](/ramp?condition=pfps)``) resolves.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel

from kneecore.content._base import ContentModel, Problems, check_refs, read_file, read_folder
from kneecore.content.conditions import ConditionPage
from kneecore.content.guides import Guide, LibraryText
from kneecore.content.links import KnownIds, known_ids, link_problem, markdown_links
from kneecore.content.stories import Story
from kneecore.ids import CONDITION_IDS

if TYPE_CHECKING:
    from kneecore.content import Content

__all__ = ["SCHEMAS", "LibraryContent", "check", "load"]

INDEX_FILE = "index.yaml"

M = TypeVar("M", bound=ContentModel)


@dataclass(frozen=True)
class LibraryContent:
    """Condition pages (in CONDITION_IDS order), guides (index order), stories and page text."""

    conditions: tuple[ConditionPage, ...] = ()
    guides: tuple[Guide, ...] = ()
    stories: tuple[Story, ...] = ()
    text: LibraryText | None = None
    files: dict[str, Path] = field(default_factory=dict, compare=False, repr=False)
    """``"condition:pfps"`` -> the file it came from (for messages)."""

    def condition(self, ident: str) -> ConditionPage | None:
        """The condition page with this id, or None."""
        return next((c for c in self.conditions if c.id == ident), None)

    def guide(self, ident: str) -> Guide | None:
        """The guide with this id, or None."""
        return next((g for g in self.guides if g.id == ident), None)

    def story(self, ident: str) -> Story | None:
        """The story with this id, or None."""
        return next((s for s in self.stories if s.id == ident), None)


SCHEMAS: dict[str, type[BaseModel]] = {
    "conditions/*.yaml": ConditionPage,
    "guides/index.yaml": LibraryText,
    "guides/*.yaml": Guide,
    "stories/*.yaml": Story,
}
"""File (or folder glob) under content/ -> the model one such file must match."""


def _unique(problems: Problems, kind: str, found: list[tuple[Path, M]], files: dict[str, Path]) -> list[M]:
    """Keep the first item of each id; report later ones naming the first file."""
    kept: list[M] = []
    for path, item in found:
        ident = str(getattr(item, "id"))  # noqa: B009 - every library model has an id
        key = f"{kind}:{ident}"
        if key in files:
            also = problems.label(files[key])
            problems.add(path, f"has more than one page (also {also})", f"{kind} '{ident}'")
            continue
        files[key] = path
        kept.append(item)
    return kept


def _read_guides(root: Path, problems: Problems) -> list[tuple[Path, Guide]]:
    folder = root / "guides"
    if not folder.is_dir():
        problems.add(folder, "folder is missing")
        return []
    found: list[tuple[Path, Guide]] = []
    for path in sorted(folder.glob("*.yaml")):
        if path.name == INDEX_FILE:
            continue
        guide = read_file(root, str(path.relative_to(root)), Guide, problems, kind="guide")
        if guide is not None:
            found.append((path, guide))
    return found


def load(root: Path, problems: Problems) -> LibraryContent | None:
    """Read and validate this domain's files under ``root``.

    Parameters
    ----------
    root:
        The content folder.
    problems:
        Where problems are recorded.

    Returns
    -------
    LibraryContent, or None when the page text file could not be read.
    """
    files: dict[str, Path] = {}
    conditions = _unique(
        problems,
        "condition",
        read_folder(root, "conditions", ConditionPage, problems, kind="condition"),
        files,
    )
    for page in conditions:
        if page.id not in CONDITION_IDS:
            where = files[f"condition:{page.id}"]
            problems.add(
                where, "is not a checker condition id (see kneecore/ids.py)", f"condition '{page.id}'", "id"
            )
    have = {page.id for page in conditions}
    for ident in CONDITION_IDS:
        if ident not in have:
            problems.add(
                root / "conditions", f"condition '{ident}' has no page (add conditions/{ident}.yaml)"
            )
    order = {ident: i for i, ident in enumerate(CONDITION_IDS)}
    conditions.sort(key=lambda page: order.get(page.id, len(order)))

    text = read_file(root, f"guides/{INDEX_FILE}", LibraryText, problems)
    guides = _unique(problems, "guide", _read_guides(root, problems), files)
    groups = [g.id for g in text.groups] if text else []
    guides.sort(key=lambda g: (groups.index(g.group) if g.group in groups else len(groups), g.order, g.id))
    stories = _unique(problems, "story", read_folder(root, "stories", Story, problems, kind="story"), files)
    if text is None:
        return None
    return LibraryContent(tuple(conditions), tuple(guides), tuple(stories), text, files)


def _strings(node: object, prefix: str = "") -> Iterator[tuple[str, str]]:
    """Every text value in a model, with a key path that names list items by id."""
    if isinstance(node, str):
        yield prefix, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _strings(getattr(node, name), f"{prefix}.{name}" if prefix else name)
    elif isinstance(node, tuple):
        for i, item in enumerate(node):
            ident = getattr(item, "id", None)
            yield from _strings(item, f"{prefix}.{ident}" if isinstance(ident, str) else f"{prefix}[{i + 1}]")


def _check_links(problems: Problems, where: Path, item: str, model: BaseModel, known: KnownIds) -> None:
    for key, text in _strings(model):
        targets = [text] if key.endswith(".to") else list(markdown_links(text))
        for target in targets:
            problem = link_problem(target, known)
            if problem:
                problems.add(where, problem, item, key)


def check(content: Content, problems: Problems) -> None:
    """Cross-file checks: named ids exist and every in-app link resolves.

    Parameters
    ----------
    content:
        All loaded content.
    problems:
        Where problems are recorded.
    """
    lib = content.library
    known = known_ids(content, (g.id for g in lib.guides), (s.id for s in lib.stories))
    for page in lib.conditions:
        where, item = lib.files[f"condition:{page.id}"], f"condition '{page.id}'"
        check_refs(problems, where, item, "exercises", page.exercises, known.exercises, "exercise")
        check_refs(problems, where, item, "routines", page.routines, known.routines, "routine")
        check_refs(problems, where, item, "form", page.form, known.form, "form item")
        check_refs(problems, where, item, "look_alikes", page.look_alikes, known.conditions, "condition")
        _check_links(problems, where, item, page, known)
    groups = {g.id for g in lib.text.groups} if lib.text else set()
    for guide in lib.guides:
        where, item = lib.files[f"guide:{guide.id}"], f"guide '{guide.id}'"
        check_refs(problems, where, item, "group", [guide.group], groups, "group")
        _check_links(problems, where, item, guide, known)
    for story in lib.stories:
        where, item = lib.files[f"story:{story.id}"], f"story '{story.id}'"
        check_refs(problems, where, item, "condition", [story.condition], known.conditions, "condition")
        check_refs(problems, where, item, "exercises", story.exercises, known.exercises, "exercise")
        check_refs(problems, where, item, "routines", story.routines, known.routines, "routine")
        _check_links(problems, where, item, story, known)
