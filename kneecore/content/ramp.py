"""content/ramp.yaml: return-to-running stages, gates and texts (issue 7).

Placeholder until that issue fills it in: the model is empty and nothing is read.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

from kneecore.content._base import ContentModel, Problems

if TYPE_CHECKING:
    from kneecore.content import Content

__all__ = ["SCHEMAS", "RampContent", "check", "load"]


class RampContent(ContentModel):
    """Nothing yet."""


SCHEMAS: dict[str, type[BaseModel]] = {}
"""File (or folder glob) under content/ -> the model one such file must match."""


def load(root: Path, problems: Problems) -> RampContent | None:
    """Read and validate this domain's files under ``root``."""
    del root, problems
    return RampContent()


def check(content: Content, problems: Problems) -> None:
    """Cross-file checks for this domain (ids that other files name)."""
    del content, problems
