"""The exercises page (filled in by its feature issue)."""

from __future__ import annotations

from pages.ui import footer, offers, start_page

content = start_page("exercises")
offers(content.site.pages["exercises"])
footer(content)
