"""``content/site.yaml``: the app's name, disclaimer, clinic, theme and page texts.

A clinic rebrands the app by editing this one file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from kneecore.content._base import (
    Between,
    ContentModel,
    Markdown,
    Problems,
    References,
    Text,
    only_placeholders,
    read_file,
)

__all__ = [
    "PAGE_SLUGS",
    "Clinic",
    "Fact",
    "Page",
    "Printout",
    "Sharing",
    "Site",
    "Theme",
    "contrast_ratio",
    "load",
]

PAGE_SLUGS = ("home", "checker", "form", "exercises", "ramp", "stories", "guides", "help", "not_found")
"""Every page the router knows; ``site.yaml`` must describe each one."""

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def _hex(value: str) -> str:
    if not _HEX.match(value):
        raise ValueError(f"must be a colour like #1a6b5c, got {value!r}")
    return value.lower()


Colour = Annotated[str, AfterValidator(_hex)]


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG 2 contrast ratio between two ``#rrggbb`` colours (1 to 21)."""
    a, b = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


class Theme(ContentModel):
    """Colours; the checks keep text and buttons at WCAG AA contrast (4.5:1)."""

    primary_color: Colour
    background_color: Colour
    secondary_background_color: Colour
    text_color: Colour

    @model_validator(mode="after")
    def _contrast(self) -> Theme:
        pairs = {
            "text_color on background_color": (self.text_color, self.background_color),
            "text_color on secondary_background_color": (self.text_color, self.secondary_background_color),
            "primary_color on background_color": (self.primary_color, self.background_color),
        }
        for name, (fg, bg) in pairs.items():
            ratio = contrast_ratio(fg, bg)
            if ratio < 4.5:
                raise ValueError(f"{name} has contrast {ratio:.1f}:1; WCAG AA needs 4.5:1")
        return self


class Clinic(ContentModel):
    """The clinic behind this copy of the app, shown on the help page and every printout."""

    name: Text
    city: Text
    phone: Text
    booking_url: Annotated[str, Field(pattern=r"^https://\S+$")]
    hours: Text
    email: Text | None = None


class Fact(ContentModel):
    """A headline fact with its sources."""

    text: Text
    references: References


class Page(ContentModel):
    """One page's navigation title, icon (an emoji, so nothing is fetched) and intro."""

    title: Text
    nav_title: Text
    icon: Annotated[str, Field(min_length=1, max_length=8)]
    intro: Markdown
    offers: tuple[Text, ...] = ()
    """What the page does for the reader, one line each."""


class Card(ContentModel):
    """An entry card on the home page."""

    page: str
    title: Text
    blurb: Text


class App(ContentModel):
    name: Text
    tagline: Text
    icon: Annotated[str, Field(min_length=1, max_length=8)]
    disclaimer: Markdown
    emergency: Markdown
    footer: Markdown
    sources: Text
    """The label of a collapsed list of references where the page names no other."""


class Home(ContentModel):
    audience: Markdown
    facts: Annotated[tuple[Fact, ...], Field(min_length=1)]
    cards: Annotated[tuple[Card, ...], Field(min_length=1)]
    start_here: Text
    help_now: Text
    good_to_know: Text


class ClinicLabels(ContentModel):
    """Labels of the clinic card (help page)."""

    where: Text
    phone: Text
    hours: Text
    email: Text


class Maintenance(ContentModel):
    title: Text
    body: Markdown


_Plain = Annotated[Text, AfterValidator(only_placeholders())]
_MadeAge = Annotated[Text, AfterValidator(only_placeholders("made", "age"))]
_Made = Annotated[Text, AfterValidator(only_placeholders("made"))]
_Days = Annotated[Text, AfterValidator(only_placeholders("days"))]
_Limit = Annotated[Text, AfterValidator(only_placeholders("limit"))]
_Footer = Annotated[Text, AfterValidator(only_placeholders("date", "page", "pages"))]
_Dated = Annotated[Text, AfterValidator(only_placeholders("date"))]


class Sharing(ContentModel):
    """Share links: how old a link may be before it asks for a re-check, and the notes shown.

    ``{made}`` is the link's date, ``{age}`` one of the ``age_*`` phrases, ``{days}`` a
    number of days, ``{limit}`` is ``stale_after_days``.
    """

    stale_after_days: Between(1, 365)  # type: ignore[valid-type]
    made: _MadeAge
    age_today: _Plain
    age_one_day: _Plain
    age_days: _Days
    undated: _Plain
    future: _Made
    stale: _Limit
    check_answers: _Limit
    recheck_result: _Plain
    new_start: _Plain
    new_start_help: _Plain
    new_start_done: _Plain


class Printout(ContentModel):
    """Words on every PDF and downloaded summary.

    ``footer`` ends each PDF page: ``{date}`` is the day it was made, ``{page}`` the page
    number, ``{pages}`` the number of pages. ``dated`` heads a Markdown summary (``{date}``).
    """

    footer: _Footer
    dated: _Dated


class Site(ContentModel):
    """The whole of ``site.yaml``."""

    app: App
    clinic: Clinic
    clinic_labels: ClinicLabels
    theme: Theme
    home: Home
    pages: dict[str, Page]
    maintenance: Maintenance
    sharing: Sharing
    pdf: Printout

    @model_validator(mode="after")
    def _pages(self) -> Site:
        missing = [slug for slug in PAGE_SLUGS if slug not in self.pages]
        extra = [slug for slug in self.pages if slug not in PAGE_SLUGS]
        if missing:
            raise ValueError(f"pages: missing {', '.join(missing)}")
        if extra:
            raise ValueError(f"pages: unknown page {', '.join(extra)} (known: {', '.join(PAGE_SLUGS)})")
        bad = [c.page for c in self.home.cards if c.page not in PAGE_SLUGS]
        if bad:
            raise ValueError(f"home.cards: unknown page {', '.join(bad)}")
        return self


def load(root: Path, problems: Problems) -> Site | None:
    """Read and validate ``site.yaml``."""
    return read_file(root, "site.yaml", Site, problems)
