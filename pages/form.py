"""Running-form checklist: filming guide, checklist, ranked summary and plan, step-rate tools.

Query parameters: ``?condition=<checker condition id>`` personalises the ranking (an
unknown id is ignored with a note); ``?item=<form item id>`` opens that item first.
"""

from __future__ import annotations

import streamlit as st

from kneecore import InputError
from kneecore.form import summarise_form
from pages.ui import footer, offers, start_page
from pages.ui.form import filming_guide, read_answers, render_checklist, render_summary
from pages.ui.form_tools import read_cadence, render_barefoot, render_cadence, render_metronome

content = start_page("form")
form = content.form
offers(content.site.pages["form"])

raw_condition = st.query_params.get("condition")
raw_item = st.query_params.get("item")
labels = [form.label(k) for k in ("tab_checklist", "tab_cadence", "tab_metronome", "tab_barefoot")]
# Only the open tab is drawn (a tab switch reruns): each rerun costs what one tab shows.
# The tools' widgets keep their state for the session while their tab is closed.
checklist_tab, cadence_tab, metronome_tab, barefoot_tab = st.tabs(labels, key="form.tab", on_change="rerun")
cadence, cadence_error = read_cadence(form)  # once a run: the tools and the printed plan share it

if cadence_tab.open:
    with cadence_tab:
        render_cadence(form, cadence, cadence_error)
if metronome_tab.open:
    with metronome_tab:
        render_metronome(form, cadence)
if barefoot_tab.open:
    with barefoot_tab:
        render_barefoot(form)

if checklist_tab.open:
    with checklist_tab:
        filming_guide(form)
        if raw_item and raw_item not in {item.id for item in form.items}:
            st.info(form.label("item_unknown").format(value=raw_item[:40]), icon="ℹ️")
        render_checklist(content, raw_item)
        try:
            summary = summarise_form(form, read_answers(form), raw_condition)
        except InputError as exc:  # a tampered session value; the widgets only offer valid answers
            st.error(f"**{form.label('checklist')}:** {exc.message}")
            st.stop()
        if raw_condition and summary.condition is None:
            st.info(form.label("condition_unknown").format(value=raw_condition[:40]), icon="ℹ️")
        render_summary(content, summary, cadence)

footer(content)
