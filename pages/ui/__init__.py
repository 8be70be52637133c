"""Shared UI helpers for the pages (the only place besides pages/ that imports streamlit).

This folder sits inside ``pages/`` but is a package, not a page: Streamlit only lists
``pages/*.py`` files, never sub-folders.
"""

from __future__ import annotations

from pages.ui.common import (
    content_or_stop,
    footer,
    offers,
    page_header,
    references,
    start_page,
)
from pages.ui.routing import PAGE_FILES, hand_over_to_router

__all__ = [
    "PAGE_FILES",
    "content_or_stop",
    "footer",
    "hand_over_to_router",
    "offers",
    "page_header",
    "references",
    "start_page",
]
