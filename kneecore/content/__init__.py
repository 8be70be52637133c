"""Loading and validating everything under ``content/``.

``load_content()`` reads every domain, runs the cross-file checks and either returns
one frozen :class:`Content` or raises :class:`~kneecore.errors.ContentError` listing
every problem as ``file: item 'id': key: message``.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from kneecore.content import checker, exercises, form, library, messages, ramp, site
from kneecore.content._base import Problems
from kneecore.content.checker import CheckerContent
from kneecore.content.exercises import ExerciseContent
from kneecore.content.form import FormContent
from kneecore.content.library import LibraryContent
from kneecore.content.messages import MessageFile
from kneecore.content.ramp import RampContent
from kneecore.content.site import Site
from kneecore.errors import ContentError

__all__ = ["Content", "default_root", "json_schemas", "load_content", "resolved", "validate"]

CONTENT_ENV = "KNEECORE_CONTENT_DIR"
"""Environment variable naming another content folder (a clinic's copy, a test fixture)."""


@dataclass(frozen=True)
class Content:
    """Everything a user reads, validated. Treat it as read-only: it is shared."""

    root: Path
    site: Site
    checker: CheckerContent
    ramp: RampContent
    exercises: ExerciseContent
    form: FormContent
    library: LibraryContent
    messages: MessageFile
    """The words of every input error (``messages.yaml``; rendered by :mod:`kneecore.messages`)."""


_REPOSITORY_CONTENT = Path(__file__).resolve().parents[2] / "content"


def default_root() -> Path:
    """The content folder: ``$KNEECORE_CONTENT_DIR`` or the repository's ``content/``.

    Cheap enough to call per message (no file-system access): the repository's folder is
    resolved once, at import.
    """
    env = os.environ.get(CONTENT_ENV)
    return Path(env) if env else _REPOSITORY_CONTENT


@functools.lru_cache(maxsize=16)
def resolved(root: Path) -> Path:
    """``root.resolve()``, remembered: resolving walks every folder of the path (``lstat``).

    Parameters
    ----------
    root:
        A content folder, as :func:`default_root` gives it.

    Returns
    -------
    Path
        The absolute path without symlinks.
    """
    return root.resolve()


def load_content(root: Path | str | None = None) -> Content:
    """Read and validate the content folder.

    Parameters
    ----------
    root:
        The content folder; default :func:`default_root`.

    Returns
    -------
    Content
        Every domain, validated and cross-checked.

    Raises
    ------
    ContentError
        With every problem found, one line each.
    """
    folder = Path(root) if root is not None else default_root()
    problems = Problems(folder)
    if not folder.is_dir():
        problems.add(folder, "content folder is missing")
        raise ContentError(problems.lines)
    parts: dict[str, Any] = {
        "site": site.load(folder, problems),
        "checker": checker.load(folder, problems),
        "ramp": ramp.load(folder, problems),
        "exercises": exercises.load(folder, problems),
        "form": form.load(folder, problems),
        "library": library.load(folder, problems),
        "messages": messages.load(folder, problems),
    }
    if problems or any(value is None for value in parts.values()):
        raise ContentError(problems.lines or ["content could not be read"])
    content = Content(root=folder, **parts)
    for domain in (checker, ramp, exercises, form, library):
        domain.check(content, problems)
    if problems:
        raise ContentError(problems.lines)
    return content


def validate(root: Path | str | None = None) -> list[str]:
    """Every problem in the content folder (an empty list when all is well)."""
    try:
        load_content(root)
    except ContentError as exc:
        return list(exc.problems)
    return []


def json_schemas() -> dict[str, dict[str, Any]]:
    """JSON Schema of each content file, keyed by its path under ``content/``."""
    models: dict[str, type[BaseModel]] = {"site.yaml": site.Site}
    for domain in (checker, ramp, exercises, form, library, messages):
        models.update(domain.SCHEMAS)
    return {path: model.model_json_schema() for path, model in sorted(models.items())}
