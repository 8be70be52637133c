"""The note a page shows for a share link: when it was made and, if old, what to do.

The wording and the age limit come from ``content/site.yaml`` (``sharing:``); the date
and age from :mod:`kneecore.sharing`. A link within the limit gets a quiet caption; an
older, undated or future-dated one a warning that asks the reader to re-check the
answers. The ramp also offers to start the same plan from today.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from kneecore import Content, InputError, sharing
from kneecore.checker import parse_answers
from kneecore.ramp import RampInputs
from kneecore.sharing import LinkAge, describe_age, link_age
from pages.ui.checker import LINK_MADE_KEY, read_answers

__all__ = ["RAMP_LINK_KEY", "age_of", "checker_link_note", "ramp_link_note", "routine_link_note", "show_age"]

RAMP_LINK_KEY = "ramp._link"
"""Session key: (the inputs a share link opened, their :class:`LinkAge`)."""
_RAMP_RESTARTED = "ramp._restarted"


def age_of(content: Content, made: dt.date | None) -> LinkAge:
    """How old a link made on ``made`` is today, against ``sharing.stale_after_days``.

    Parameters
    ----------
    content:
        The app's content.
    made:
        The link's date (None: it does not say).

    Returns
    -------
    LinkAge
        The date, age in days and status.
    """
    return link_age(made, sharing.today(), content.site.sharing.stale_after_days)


def show_age(content: Content, age: LinkAge, extra: str = "") -> None:
    """Show the link's date: a caption when fresh, else a warning asking for a re-check.

    Parameters
    ----------
    content:
        The app's content.
    age:
        From :func:`age_of`.
    extra:
        A page's own request added to the warning (e.g. re-check before relying on the result).
    """
    text = describe_age(age, content.site.sharing)
    if age.recheck:
        st.warning(f"{text} {extra}".strip(), icon="⏳")
    else:
        st.caption(f"📅 {text}")


def checker_link_note(content: Content) -> None:
    """The date of the share link the checker's answers came from, while they are still the link's.

    An old, undated or future-dated link also asks the reader to re-check the answers
    before relying on the result.

    Parameters
    ----------
    content:
        The app's content.
    """
    opened = st.session_state.get(LINK_MADE_KEY)
    if opened is None:
        return
    try:
        same = parse_answers(read_answers()) == opened[1]
    except InputError:
        same = False
    if same:
        show_age(content, age_of(content, opened[0]), content.site.sharing.recheck_result)


def routine_link_note(content: Content, value: str, param: str = "plan") -> str:
    """When a shared routine was made, in words (the date only: a routine holds no answers).

    Parameters
    ----------
    content:
        The app's content.
    value:
        The link's value, already opened without error.
    param:
        The query parameter that carried it.

    Returns
    -------
    str
        One sentence, e.g. "This link was made on 2026-11-20 (6 days ago)."
    """
    age = age_of(content, sharing.made_on(value, param))
    return describe_age(age, content.site.sharing, advice=False)


def _start_today() -> None:
    """Button callback: the same answers, the plan starting today (the link's note goes)."""
    st.session_state["ramp.start_date"] = sharing.today()
    st.session_state.pop(RAMP_LINK_KEY, None)
    st.session_state[_RAMP_RESTARTED] = True


def ramp_link_note(content: Content, inputs: RampInputs) -> None:
    """The date of the link the plan came from, while the plan is still the link's.

    An old link also gets a button that starts the same plan from today; the shared
    plan stays on screen until the reader presses it.

    Parameters
    ----------
    content:
        The app's content.
    inputs:
        The plan's current inputs (the note goes once they differ from the link's).
    """
    texts = content.site.sharing
    if st.session_state.pop(_RAMP_RESTARTED, False):
        st.success(texts.new_start_done, icon="📅")
    opened = st.session_state.get(RAMP_LINK_KEY)
    if opened is None or opened[0] != inputs:
        return
    age: LinkAge = opened[1]
    show_age(content, age)
    if age.recheck:
        st.button(
            texts.new_start,
            key="ramp.new_start",
            on_click=_start_today,
            help=texts.new_start_help,
            icon="🔄",
        )
