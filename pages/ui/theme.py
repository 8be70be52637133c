"""Apply the theme colours from site.yaml, so a clinic rebrands by editing one file.

Streamlit reads ``[theme]`` options when it starts each script run, so the first run
that changes them reruns once; every later run and session starts with them set.
``streamlit.config.set_option`` is internal: Streamlit's version is pinned and
``tests/app/test_home.py`` checks the options after a run.
"""

from __future__ import annotations

import streamlit as st
from streamlit import config

from kneecore.content.site import Theme

__all__ = ["apply_theme"]

_OPTIONS = {
    "theme.primaryColor": "primary_color",
    "theme.backgroundColor": "background_color",
    "theme.secondaryBackgroundColor": "secondary_background_color",
    "theme.textColor": "text_color",
}


def apply_theme(theme: Theme) -> None:
    """Set Streamlit's theme options from ``theme``; rerun once if they changed."""
    changed = False
    for option, field in _OPTIONS.items():
        value = getattr(theme, field)
        if config.get_option(option) != value:
            config.set_option(option, value, where_defined="content/site.yaml")
            changed = True
    if changed and not st.session_state.get("_theme_applied"):
        st.session_state["_theme_applied"] = True
        st.rerun()
