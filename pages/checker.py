"""The checker page (filled in by its feature issue)."""

from __future__ import annotations

from pages.ui import footer, offers, start_page

content = start_page("checker")
offers(content.site.pages["checker"])
footer(content)
