"""Shared pieces of the reading pages: in-app links, id names and de-duplicated sources."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import parse_qsl, urlsplit

import streamlit as st

from kneecore import Content
from kneecore.content._base import Reference
from pages.ui.routing import page_target

__all__ = ["exercise_name", "form_name", "link", "unique_refs"]


def link(to: str, label: str, icon: str | None = None) -> None:
    """A page link for an in-app address such as ``/ramp?condition=pfps``."""
    parts = urlsplit(to)
    slug = parts.path.strip("/") or "home"
    params = dict(parse_qsl(parts.query))
    st.page_link(page_target(slug), label=label, icon=icon, query_params=params or None)


def _named(items: Iterable[object], ident: str, attr: str) -> str | None:
    for item in items:
        if getattr(item, "id", None) == ident:
            return str(getattr(item, attr, ident))
    return None


def exercise_name(content: Content, ident: str) -> str:
    """The exercise's name from its content, or its id in words until that exists."""
    items = getattr(content.exercises, "exercises", ()) or ()
    return _named(items, ident, "name") or ident.replace("_", " ").capitalize()


def form_name(content: Content, ident: str) -> str:
    """The form item's title from its content, or its id in words until that exists."""
    items = getattr(content.form, "items", ()) or ()
    return _named(items, ident, "title") or ident.replace("_", " ").capitalize()


def unique_refs(refs: Iterable[Reference]) -> list[Reference]:
    """References in first-seen order, each citation once."""
    seen: set[str] = set()
    out: list[Reference] = []
    for ref in refs:
        key = ref.doi or ref.url or ref.citation
        if key not in seen:
            seen.add(key)
            out.append(ref)
    return out
