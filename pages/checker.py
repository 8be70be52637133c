"""The symptom checker: a red-flag screen, one topic per step, then the result (or clinician mode)."""

from __future__ import annotations

import streamlit as st

from kneecore.checker import assess
from pages.ui import footer, start_page
from pages.ui.checker import (
    STEP_KEY,
    answers_or_error,
    clear_answers,
    knee_map,
    load_share_link,
    question,
    read_answers,
    red_flag_banners,
    set_step,
)
from pages.ui.checker_clinician import clinician_view
from pages.ui.checker_results import render_result
from pages.ui.link_age import checker_link_note

content = start_page("checker")
checker = content.checker
page = checker.results.page
steps = checker.questions.steps

load_share_link(checker)
if "checker.link_error" in st.session_state:
    st.warning(page["share_bad"].format(problem=st.session_state.pop("checker.link_error")), icon="🔗")
if "checker.clinician" not in st.session_state:
    st.session_state["checker.clinician"] = st.query_params.get("mode") == "clinician"
clinician = st.toggle(f"🩺 {page['mode_label']}", key="checker.clinician", help=page["mode_help"])

if clinician:
    checker_link_note(content)
    clinician_view(content)
    footer(content)
    st.stop()

step = st.session_state.setdefault(STEP_KEY, 0)
total = len(steps) + 1
if step <= len(steps):
    st.progress((step + 1) / (total + 1), text=page["progress"].format(step=step + 1, total=total))

if step == 0:
    screen = checker.questions.screen
    st.header(screen.title)
    if screen.intro:
        st.caption(screen.intro)
    for key in screen.questions:
        question(checker, checker.question(key))
    if red_flag_banners(checker, read_answers()):
        st.caption(page["screen_flag_note"])
    st.button(page["screen_continue"], key="checker.continue", type="primary", on_click=set_step, args=(1,))
elif step <= len(steps):
    current = steps[step - 1]
    st.header(current.title)
    if current.intro:
        st.caption(current.intro)
    st.caption(page["skip_note"])
    for key in current.questions:
        if key == "location":
            knee_map(checker)
        question(checker, checker.question(key))
    back, forward = st.columns(2)
    back.button(f"⬅️ {page['back']}", key="checker.back", on_click=set_step, args=(step - 1,), width="stretch")
    label = page["see_result"] if step == len(steps) else page["next"]
    forward.button(
        f"{label} ➡️", key="checker.next", type="primary", on_click=set_step, args=(step + 1,), width="stretch"
    )
else:
    answers = answers_or_error(checker)
    if answers is not None:
        checker_link_note(content)
        render_result(content, answers, assess(checker, answers))
    back, restart = st.columns(2)
    back.button(
        f"⬅️ {page['back']}", key="checker.back", on_click=set_step, args=(len(steps),), width="stretch"
    )
    restart.button(f"🔄 {page['restart']}", key="checker.restart", on_click=clear_answers, width="stretch")

footer(content)
