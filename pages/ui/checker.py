"""UI of the checker's runner journey: question widgets, the knee map, steps and the share link.

Answers live only in widget state (keys ``checker.<answer key>``, kept for the session so
Back, the clinician switch and a visit to another page lose nothing). The page turns
them into :class:`kneecore.checker.Answers` with :func:`read_answers`.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import streamlit as st

from kneecore import InputError
from kneecore.checker import ANSWER_KEYS, Answers, CheckerContent, assess, parse_answers
from kneecore.checker.answers import answer_bounds, answer_kind
from kneecore.checker.knee_map import MAP_PARAM, map_spec, selected_regions, toggle_locations
from kneecore.checker.share import SHARE_PARAM, decode_dated_answers
from kneecore.content.checker import Question

__all__ = [
    "LINK_MADE_KEY",
    "STEP_KEY",
    "clear_answers",
    "knee_map",
    "load_share_link",
    "question",
    "read_answers",
    "red_flag_banners",
    "set_step",
]

STEP_KEY = "checker.step"
MAP_KEY = "checker.map"
MAP_ROUND_KEY = "checker.map_round"
LINK_KEY = "checker.link_seen"
LINK_MADE_KEY = "checker.link_made"
"""Session key: (the share link's date, the answers it held)."""
UNSURE = "unsure"


def key_of(answer: str) -> str:
    """The widget key of an answer."""
    return f"checker.{answer}"


def _to_value(answer: str, raw: Any) -> Any:
    if raw is None or raw == UNSURE or raw == []:
        return [] if raw == [] else None
    if answer_kind(answer) == "flag":
        return raw == "yes"
    return raw


def read_answers() -> dict[str, Any]:
    """The answers given so far, as a contract mapping (unanswered keys left out)."""
    out = {}
    for answer in ANSWER_KEYS:
        value = _to_value(answer, st.session_state.get(key_of(answer)))
        if value is not None and value != []:
            out[answer] = value
    return out


def write_answers(answers: Answers) -> None:
    """Put validated answers into the widgets' state (before the widgets are drawn)."""
    for answer, value in answers.given().items():
        if isinstance(value, bool):
            value = "yes" if value else "no"
        st.session_state[key_of(answer)] = value


def clear_answers() -> None:
    """Forget every answer and go back to the first screen (a callback).

    Answer widgets are set to "not answered" rather than deleted: a deleted key lets the
    browser keep showing (and, inside the clinician form, submit again) the last patient's
    answer, because the widget itself is unchanged.
    """
    answer_keys = {key_of(answer): answer_kind(answer) for answer in ANSWER_KEYS}
    for name in [k for k in st.session_state if isinstance(k, str) and k.startswith("checker.")]:
        if name in ("checker.clinician", LINK_KEY):
            continue
        if name in answer_keys:
            st.session_state[name] = [] if answer_keys[name] == "multi" else None
        else:
            del st.session_state[name]
    st.session_state[STEP_KEY] = 0


def set_step(step: int) -> None:
    """Move to a step (a callback, so one click is one move)."""
    st.session_state[STEP_KEY] = step


def question(checker: CheckerContent, q: Question, *, clinical: bool = False) -> None:
    """One question's widget; every widget allows "not answered"."""
    page = checker.results.page
    label = q.clinical if clinical else q.label
    kind = answer_kind(q.id)
    key = key_of(q.id)
    if kind == "flag":
        words = {"yes": page["answer_yes"], "no": page["answer_no"], UNSURE: page["not_sure"]}
        st.radio(
            label,
            list(words),
            index=None,
            key=key,
            format_func=words.__getitem__,
            horizontal=True,
            help=q.help,
            persist_state="session",
        )
    elif kind == "multi":
        labels = {o.value: (o.clinical or o.label) if clinical else o.label for o in q.options}
        st.multiselect(
            label, list(labels), key=key, format_func=labels.__getitem__, help=q.help, persist_state="session"
        )
    elif kind == "choice":
        labels = {o.value: (o.clinical or o.label) if clinical else o.label for o in q.options}
        labels[UNSURE] = page["not_sure"]
        st.radio(
            label,
            list(labels),
            index=None,
            key=key,
            format_func=labels.__getitem__,
            horizontal=clinical,
            help=q.help,
            persist_state="session",
        )
    else:
        lo, hi = answer_bounds(q.id) or (0.0, 0.0)
        whole = kind == "whole"
        st.number_input(
            label,
            min_value=int(lo) if whole else float(lo),
            max_value=int(hi) if whole else float(hi),
            value=None,
            step=1 if whole else 1.0,
            key=key,
            help=q.help,
            persist_state="session",
        )


def _map_key() -> str:
    """The chart's key for this round: a new key after each tap gives a fresh, unselected chart."""
    return f"{MAP_KEY}.{st.session_state.get(MAP_ROUND_KEY, 0)}"


def _on_map_tap(checker: CheckerContent, key: str) -> None:
    """Switch the tapped spot's location in the list, then start a fresh map (a callback)."""
    tapped = selected_regions(st.session_state.get(key))
    if not tapped:
        return
    current = st.session_state.get(key_of("location")) or []
    st.session_state[key_of("location")] = toggle_locations(checker, current, tapped)
    st.session_state[MAP_ROUND_KEY] = st.session_state.get(MAP_ROUND_KEY, 0) + 1


def knee_map(checker: CheckerContent) -> None:
    """The knee map (front, outer side, back) with visible labels; it and the list show one choice.

    A spot is lit (red, with a tick) when its location is chosen, whether tapped or picked
    from the list below, which is the accessible twin of the map.
    """
    kmap = checker.questions.knee_map
    st.markdown(f"**{kmap.title}**")
    st.caption(kmap.help)
    chosen = st.session_state.get(key_of("location")) or []
    key = _map_key()
    with st.container(key=MAP_KEY):
        st.vega_lite_chart(
            map_spec(checker, chosen),
            key=key,
            on_select=partial(_on_map_tap, checker, key),
            selection_mode=MAP_PARAM,
            width="stretch",
        )


def red_flag_banners(checker: CheckerContent, answers: dict[str, Any]) -> bool:
    """Show at once what to do for each red flag the answers raise; True when any did."""
    try:
        result = assess(checker, answers)
    except InputError:
        return False
    for flag in result.red_flags:
        show = st.error if flag.triage == "emergency" else st.warning
        show(f"**{flag.title}.** {flag.message}", icon="🚑" if flag.triage == "emergency" else "⚠️")
    return bool(result.red_flags)


def load_share_link(checker: CheckerContent) -> None:
    """Open a share link once: fill the answers and show the result, or explain why it cannot."""
    value = st.query_params.get(SHARE_PARAM)
    if value is None or st.session_state.get(LINK_KEY) == value:
        return
    st.session_state[LINK_KEY] = value
    try:
        answers, made = decode_dated_answers(value)
    except InputError as exc:  # the answers given in this session stay as they were
        st.session_state["checker.link_error"] = exc.message
        return
    clear_answers()
    write_answers(answers)
    st.session_state[LINK_MADE_KEY] = (made, answers)
    st.session_state[STEP_KEY] = len(checker.questions.steps) + 1


def answers_or_error(checker: CheckerContent) -> Answers | None:
    """The validated answers, or None after showing which answer is wrong."""
    try:
        return parse_answers(read_answers())
    except InputError as exc:
        st.error(checker.results.page["input_error"].format(message=exc.message))
        return None
