"""Ramp page views: week table, calendar, session log, downloads and the share link."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

import pyarrow as pa
import streamlit as st

from kneecore import Content, InputError
from kneecore.content.ramp_words import RampWords
from kneecore.ramp import LogEntry, RampPlan, log_from_csv, log_to_csv, to_params
from kneecore.ramp.export import (
    card_png,
    card_spec,
    format_date,
    plan_to_csv,
    plan_to_ics,
    plan_to_pdf,
    session_label,
)
from pages.ui.ramp import today

__all__ = ["CAL_ICONS", "calendar", "downloads", "log_panel", "share", "week_detail", "week_rows"]

CAL_ICONS = {
    "rest": "·",
    "cross_train": "🚴",
    "strength": "💪",
    "walk": "🚶",
    "walk_run": "🔁",
    "run": "🏃",
}


def week_rows(plan: RampPlan, words: RampWords) -> pa.Table:
    """One row a week for the table, as an Arrow table, with column names from ``ramp.yaml``.

    ``st.dataframe`` sends an Arrow table as it is; a list of dicts would go through
    pandas first (about 1 ms a table here, for the same columns and types).
    """
    cols = words.columns
    return pa.Table.from_pylist(
        [
            {
                cols.week: w.week,
                cols.from_date: format_date(w.sessions[0].date, words, "short"),
                cols.runs: w.runs,
                cols.run_min: w.total_run_minutes,
                cols.longest: max((s.run_minutes for s in w.sessions), default=0),
                cols.distance.format(units=plan.inputs.units): w.distance,
                cols.easier: words.easier_yes if w.easier else "",
                cols.ratio: "" if w.acute_chronic_ratio is None else f"{w.acute_chronic_ratio:.2f}",
            }
            for w in plan.weeks
        ]
    )


def calendar(plan: RampPlan, legend: str, words: RampWords) -> str:
    """A Markdown calendar: one row a week, one cell a day (icon and run minutes).

    Column heads are the first two letters of the weekday names in ``words.dates``.
    """
    names = words.dates.weekdays
    days = [names[s.date.weekday()][:2] for s in plan.weeks[0].sessions]
    lines = ["| # | " + " | ".join(days) + " |", "|---" * (len(days) + 1) + "|"]
    for w in plan.weeks:
        cells = [CAL_ICONS[s.kind] + (f" {s.run_minutes}" if s.run_minutes else "") for s in w.sessions]
        lines.append(f"| {w.week} | " + " | ".join(cells) + " |")
    return legend + "\n\n" + "\n".join(lines)


def week_detail(plan: RampPlan, current: int, label: str, words: RampWords) -> None:
    """Every day of one chosen week, with its notes."""
    number = st.number_input(label, 1, len(plan.weeks), current, key="ramp.detail_week")
    week = plan.weeks[int(number) - 1]
    for s in week.sessions:
        head = f"**{format_date(s.date, words)}** {CAL_ICONS[s.kind]} {session_label(s, words)}"
        st.markdown(f"{head}  \n{s.note}" if s.note else head)


def log_panel(content: Content, plan: RampPlan) -> None:
    """Log a session, upload or download the log (kept in this session only)."""
    t = content.ramp.page
    log: list[LogEntry] = st.session_state["ramp.log"]
    st.markdown(t["log_intro"])
    running = [s for s in plan.sessions if s.is_running or s.logged == "skipped"]
    if running:
        with st.form("ramp.log_form", clear_on_submit=True):
            past = [s for s in running if s.date <= today()] or running[:1]
            date = st.selectbox(
                t["log_session"],
                [s.date for s in running],
                index=running.index(past[-1]),
                format_func=lambda d: format_date(d, content.ramp.words, "day_long"),
                key="ramp.log_date",
            )
            done = st.checkbox(t["log_done"], value=True, key="ramp.log_done")
            during = st.slider(t["log_during"], 0, 10, 0, key="ramp.log_during")
            morning = st.slider(t["log_morning"], 0, 10, 0, key="ramp.log_morning")
            swelling = st.checkbox(t["log_swelling"], key="ramp.log_swelling")
            limp = st.checkbox(t["log_limp"], key="ramp.log_limp")
            stiffer = st.checkbox(t["log_stiffer"], key="ramp.log_stiffer")
            if st.form_submit_button(t["log_add"]):
                entry = LogEntry(date, done, during, morning, swelling, limp, stiffer)
                st.session_state["ramp.log"] = [e for e in log if e.date != date] + [entry]
                st.rerun()
    upload = st.file_uploader(t["log_upload"], type=["csv"], key="ramp.log_upload")
    if upload is not None and st.session_state.get("ramp._upload") != upload.file_id:
        try:
            st.session_state["ramp.log"] = list(log_from_csv(upload.getvalue()))
            st.session_state["ramp._upload"] = upload.file_id
            st.rerun()
        except InputError as exc:
            st.error(f"{t['log_bad_file']}: {exc.message}")
    if log:
        shown = sorted(log, key=lambda e: e.date)
        cols = content.ramp.words.columns
        st.dataframe(
            pa.Table.from_pylist(
                [
                    {
                        cols.date: e.date,
                        cols.done: e.done,
                        cols.during: e.pain_during,
                        cols.morning: e.pain_next_morning,
                        cols.swelling: e.swelling,
                        cols.limp: e.limp,
                    }
                    for e in shown
                ]
            ),
            hide_index=True,
        )
        left, right = st.columns(2)
        left.download_button(
            t["log_download"],
            log_to_csv(log),
            "session-log.csv",
            "text/csv",
            key="ramp.log_csv",
            on_click="ignore",
        )
        if right.button(t["log_clear"], key="ramp.log_clear"):
            st.session_state["ramp.log"] = []
            st.rerun()


def _png(content: Content, plan: RampPlan, made: dt.date) -> bytes:
    # Built only when the button is clicked (deferred download): the spec too, so a page
    # run pays nothing for it. Never cached: a global cache would keep a user's plan on the
    # server, and a session-scoped one cannot be used here because Streamlit serves
    # deferred downloads outside a script run. The plan is frozen, so the click gets the
    # plan this run showed.
    return card_png(card_spec(plan, content.site, made, dict(content.ramp.page), content.ramp.words))


def downloads(content: Content, plan: RampPlan) -> None:
    """PNG card, CSV, calendar and PDF downloads (built when clicked)."""
    t = content.ramp.page
    made = today()
    stem = f"return-to-running-{plan.inputs.start_date.isoformat()}"
    left, right = st.columns(2)
    left.download_button(
        t["dl_png"],
        lambda: _png(content, plan, made),
        f"{stem}.png",
        "image/png",
        key="ramp.dl_png",
        on_click="ignore",
    )
    right.download_button(
        t["dl_pdf"],
        lambda: plan_to_pdf(plan, content.site, content.ramp, today()),
        f"{stem}.pdf",
        "application/pdf",
        key="ramp.dl_pdf",
        on_click="ignore",
    )
    left.download_button(
        t["dl_ics"],
        lambda: plan_to_ics(plan, content.site.app.name, content.ramp.words),
        f"{stem}.ics",
        "text/calendar",
        key="ramp.dl_ics",
        on_click="ignore",
    )
    right.download_button(
        t["dl_csv"],
        lambda: plan_to_csv(plan),
        f"{stem}.csv",
        "text/csv",
        key="ramp.dl_csv",
        on_click="ignore",
    )


def share(content: Content, plan: RampPlan) -> None:
    """Make a share link on request (with a note that it holds the answers)."""
    t = content.ramp.page
    st.caption(t["share_note"])
    log: list[LogEntry] = st.session_state["ramp.log"]
    with_log = st.checkbox(t["share_with_log"], key="ramp.share_with_log", disabled=not log)
    if st.button(t["share_button"], key="ramp.share"):
        params = to_params(plan.inputs, tuple(log) if with_log else ())
        st.query_params.from_dict(params)
        st.session_state["ramp._applied"] = "&".join(f"{k}={v}" for k, v in sorted(params.items()))
        st.session_state["ramp.link"] = params
    params = st.session_state.get("ramp.link")
    current = to_params(plan.inputs)
    if params and all(params.get(k) == v for k, v in current.items()):
        base = (st.context.url or "").split("?")[0] or "/ramp"
        st.code(f"{base}?{urlencode(params)}", language=None, wrap_lines=True)
