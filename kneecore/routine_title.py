"""The name a new routine starts with, read from ``content/exercises/_page.yaml``.

A :class:`kneecore.routines.Plan` made without a title (a new routine, or a shared link
that carries no name) takes the label ``routine_default_title``, so a clinic rewords or
translates it with the rest of the page. The label is read from the content folder in use
(:func:`kneecore.content.default_root`, so ``$KNEECORE_CONTENT_DIR`` too) and read again
when the file changes, like the message catalogue.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["LABEL", "default_routine_title"]

LABEL = "routine_default_title"
"""The key of the label in ``_page.yaml`` ``labels``."""

_cache: dict[Path, tuple[tuple[int, int], str]] = {}


def default_routine_title() -> str:
    """The default routine name from the content in use.

    Returns
    -------
    str
        The label's text; the label key itself when the file cannot be read (the app's
        content check shows the broken file before any page runs).
    """
    from kneecore.content import default_root, resolved
    from kneecore.content._base import Problems, read_file
    from kneecore.content.exercises import PageText

    root = resolved(default_root())
    path = root / "exercises" / "_page.yaml"
    try:
        stat = path.stat()
    except OSError:
        return LABEL
    stamp = (stat.st_mtime_ns, stat.st_size)
    cached = _cache.get(path)
    if cached is None or cached[0] != stamp:
        page = read_file(root, "exercises/_page.yaml", PageText, Problems(root))
        cached = (stamp, page.labels[LABEL] if page is not None else LABEL)
        _cache[path] = cached
    return cached[1]
