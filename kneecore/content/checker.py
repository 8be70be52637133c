"""content/checker/: the checker's questions, conditions, weights and red flags (issue 4).

Placeholder until that issue fills it in: the model is empty and nothing is read.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

from kneecore.content._base import ContentModel, Problems

if TYPE_CHECKING:
    from kneecore.content import Content

__all__ = ["SCHEMAS", "CheckerContent", "check", "load"]


class CheckerContent(ContentModel):
    """Nothing yet."""


SCHEMAS: dict[str, type[BaseModel]] = {}
"""File (or folder glob) under content/ -> the model one such file must match."""


def load(root: Path, problems: Problems) -> CheckerContent | None:
    """Read and validate this domain's files under ``root``."""
    del root, problems
    return CheckerContent()


def check(content: Content, problems: Problems) -> None:
    """Cross-file checks for this domain (ids that other files name)."""
    del content, problems
