"""Exercise browser: search and filters kept in the URL, cards with pictures, a detail view
with the progression ladder, a routine builder with a PDF handout and share link, and a
table for clinicians. Links: ``?condition=<id>``, ``?exercise=<id>``, ``?routine=<id>``,
``?plan=<share code>`` and the filter keys (``q``, ``phase``, ``equipment``, ``position``,
``level``, ``time``)."""

from __future__ import annotations

from functools import partial

import streamlit as st

from kneecore.exercises import find_exercises, table_rows
from pages.ui import footer, offers, start_page
from pages.ui.exercises import (
    PAGE_SIZE,
    card,
    current_filters,
    detail,
    filter_widgets,
    filters_from_url,
    filters_to_url,
    labels,
    leave_out,
)
from pages.ui.exercises_routine import context_conditions, current_plan, load_from_url, routine_tab
from pages.ui.exercises_table import clinician_table
from pages.ui.link_age import routine_link_note

TAB_KEY = "exercises.tab"

content = start_page("exercises")
lib = content.exercises
words = labels(lib)

if not st.query_params:
    offers(content.site.pages["exercises"])
loaded, dropped = load_from_url(lib, words, partial(routine_link_note, content))
notes = filters_from_url(lib) + dropped
condition = st.query_params.get("condition")
names = content.checker.short_names()
if condition in names:
    st.info(words["from_checker"].format(condition=names[condition]), icon="🩺")
for line in loaded:
    st.success(line, icon="🗂️")
if loaded and ("routine" in st.query_params or "plan" in st.query_params):  # a routine link: show it
    st.session_state[TAB_KEY] = words["tab_routine"].format(n=len(current_plan().items))
if notes:
    st.warning(words["ignored"].format(notes="; ".join(notes)), icon="⚠️")

wanted = st.query_params.get("exercise")
shown = lib.exercise(wanted) if wanted else None
if wanted and shown is None:
    st.warning(words["unknown_exercise"].format(id=wanted[:40]))
    del st.query_params["exercise"]

if shown is not None:
    detail(shown, content)
else:
    # Only the open tab is drawn (a tab switch reruns). The routine tab's label counts its
    # exercises; when the count changes while it is open, the open tab follows the new label.
    routine_label = words["tab_routine"].format(n=len(current_plan().items))
    if st.session_state.get(TAB_KEY) not in (None, words["tab_browse"], words["tab_table"], routine_label):
        st.session_state[TAB_KEY] = routine_label
    browse, routine, table = st.tabs(
        [words["tab_browse"], routine_label, words["tab_table"]], key=TAB_KEY, on_change="rerun"
    )
    if browse.open:
        with browse:
            leave_out(content, context_conditions())  # above the filters
            filters = filter_widgets(lib, names)
    else:
        filters = current_filters()
    params = filters_to_url(filters)
    results = find_exercises(lib.exercises, filters)
    if browse.open:
        with browse:
            st.caption(words["results"].format(n=len(results), total=len(lib.exercises)))
            if not results:
                st.info(words["no_results"])
            limit = st.session_state.get("exercises.limit", PAGE_SIZE)
            shown_now = results[:limit]
            plan = current_plan()  # once for all the cards
            for row in range(0, len(shown_now), 2):  # rows of two: phones stack them in rank order
                for column, ex in zip(st.columns(2), shown_now[row : row + 2], strict=False):
                    with column:
                        card(ex, content, params, plan)  # type: ignore[arg-type]
            if len(results) > limit:
                st.button(
                    words["more"].format(n=len(results) - limit),
                    key="exercises.more",
                    on_click=lambda: st.session_state.update({"exercises.limit": limit + PAGE_SIZE}),
                )
    if routine.open:
        with routine:
            routine_tab(content, words)
    if table.open:
        with table:
            clinician_table(table_rows(results, words), words)  # type: ignore[arg-type]

footer(content)
