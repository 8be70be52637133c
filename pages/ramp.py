"""Return-to-running plan: a short form, the plan at once, a card to screenshot, table,
chart, calendar, session log, downloads and a share link (issue 7).
"""

from __future__ import annotations

import streamlit as st

from kneecore.ramp.chart import weeks_spec
from kneecore.ramp.export import current_week
from pages.ui import footer, offers, references, start_page
from pages.ui.link_age import ramp_link_note
from pages.ui.ramp import apply_query, card, form, plan_for, read_inputs, today
from pages.ui.ramp_views import calendar, downloads, log_panel, share, week_detail, week_rows

content = start_page("ramp")
offers(content.site.pages["ramp"])
texts = content.ramp.page
apply_query(content)
link_note = st.container()  # the shared link's date goes above the form it asks to re-check
form(content)
inputs = read_inputs(content)
if inputs is not None:
    with link_note:
        ramp_link_note(content, inputs)
    log = st.session_state["ramp.log"]
    plan = plan_for(content, inputs, log)
    if plan.warnings:
        st.markdown(f"**{texts['warnings_heading']}**")
    for warning in plan.warnings:
        st.warning(warning, icon="⚠️")
    rule = content.ramp.condition(inputs.condition)
    if rule is not None:
        st.caption(f"{texts['condition_note']}: {content.checker.short_names()[rule.id]}.")
        references(rule.references, content.site.app.sources)
    st.caption(plan.start_stage_reason)
    card(content, plan, log)
    if plan.next_step not in plan.warnings:
        st.info(plan.next_step)
    # Only the open tab is drawn (a tab switch reruns): a rerun costs what one tab shows.
    labels = [texts[t] for t in ("tab_weeks", "tab_chart", "tab_calendar", "tab_log", "tab_save")]
    weeks_tab, chart_tab, cal_tab, log_tab, save_tab = st.tabs(labels, key="ramp.tab", on_change="rerun")
    if weeks_tab.open:
        with weeks_tab:
            st.header(texts["weeks_heading"])
            st.dataframe(week_rows(plan, content.ramp.words), hide_index=True, key="ramp.weeks_table")
            with st.expander(texts["acwr_heading"]):
                st.markdown(plan.acwr_note)
                references(content.ramp.acwr_references, content.site.app.sources)
    if chart_tab.open:
        with chart_tab:
            st.header(texts["chart_heading"])
            words = content.ramp.words
            st.vega_lite_chart(
                weeks_spec(
                    plan, content.site.theme.primary_color, titles=(words.chart_week, words.chart_minutes)
                ),
                width="stretch",
                height=260,
            )
    if cal_tab.open:
        with cal_tab:
            st.header(texts["calendar_heading"])
            st.markdown(calendar(plan, texts["calendar_legend"], content.ramp.words))
            week_detail(plan, current_week(plan, today()).week, texts["detail_week"], content.ramp.words)
    if log_tab.open:
        with log_tab:
            st.header(texts["log_heading"])
            log_panel(content, plan)
    if save_tab.open:
        with save_tab:
            st.header(texts["downloads_heading"])
            downloads(content, plan)
            st.header(texts["share_heading"])
            share(content, plan)
    references(
        [ref for stage in content.ramp.stages for ref in stage.references]
        + list(content.ramp.limits.references)
        + list(content.ramp.schedule.references),
        texts["sources"],
    )
footer(content)
