"""The stories page (filled in by its feature issue)."""

from __future__ import annotations

from pages.ui import footer, offers, start_page

content = start_page("stories")
offers(content.site.pages["stories"])
footer(content)
