"""Ramp page helpers: share links and ?condition= in, the form, the plan card.

Session state holds only raw answers (widget values under ``ramp.*`` and the log as
``ramp.log``). A share link's parameters seed the form once per distinct link.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import streamlit as st

from kneecore import Content, InputError, sharing
from kneecore.ids import CONDITION_IDS
from kneecore.ramp import LogEntry, RampInputs, RampPlan, build_plan, from_params, parse_inputs
from kneecore.ramp.chart import weeks_spec
from kneecore.ramp.export import current_week, format_date, short_label
from pages.ui.link_age import RAMP_LINK_KEY, age_of

__all__ = ["DEFAULTS", "apply_query", "card", "form", "plan_for", "read_inputs", "today"]

DEFAULTS: dict[str, Any] = {
    "ramp.weeks_off": 4.0,
    "ramp.pain_now": 2,
    "ramp.pain_free": 10.0,
    "ramp.pre_injury": 150.0,
    "ramp.runs_per_week": 3,
    "ramp.condition": "unknown",
    "ramp.goal": None,
    "ramp.units": "km",
}
"""Widget key -> default answer (the start date defaults to today)."""
_INPUT_KEYS = {
    "ramp.weeks_off": "weeks_off",
    "ramp.pain_now": "pain_now",
    "ramp.pain_free": "pain_free_run_minutes",
    "ramp.pre_injury": "pre_injury_weekly_minutes",
    "ramp.runs_per_week": "runs_per_week",
    "ramp.condition": "condition",
    "ramp.goal": "goal_weekly_minutes",
    "ramp.start_date": "start_date",
    "ramp.units": "units",
}


_CARD_KINDS = ("walk", "walk_run", "run")


def today() -> dt.date:
    """Today's date (one place, :func:`kneecore.sharing.today`, so tests, links and the card agree)."""
    return sharing.today()


def _seed(inputs: RampInputs) -> None:
    state = st.session_state
    state["ramp.weeks_off"] = float(inputs.weeks_off)
    state["ramp.pain_now"] = inputs.pain_now
    state["ramp.pain_free"] = float(inputs.pain_free_run_minutes)
    state["ramp.pre_injury"] = float(inputs.pre_injury_weekly_minutes)
    state["ramp.runs_per_week"] = inputs.runs_per_week
    state["ramp.condition"] = inputs.condition
    state["ramp.goal"] = float(inputs.goal_weekly_minutes) if inputs.goal_given else None
    state["ramp.start_date"] = inputs.start_date
    state["ramp.units"] = inputs.units


def apply_query(content: Content) -> None:
    """Seed the form from a share link or ?condition= (once per distinct query) and show notes."""
    texts = content.ramp.page
    params: Mapping[str, str] = st.query_params.to_dict()
    signature = "&".join(f"{k}={v}" for k, v in sorted(params.items()))
    state = st.session_state
    if state.get("ramp._applied") != signature:
        state["ramp._applied"] = signature
        notes: list[tuple[str, str]] = []
        result = from_params(params, today())
        state.pop(RAMP_LINK_KEY, None)
        if result is not None and result.inputs is None:
            # Keep whatever the runner has entered in this session: a damaged link only
            # adds a note (a fresh session gets the defaults below).
            notes.append(("error", f"{texts['broken_link']} ({result.broken})"))
        elif result is not None and result.inputs is not None:
            _seed(result.inputs)
            state[RAMP_LINK_KEY] = (result.inputs, age_of(content, result.made))
            state["ramp.log"] = list(result.log)
            notes.extend(("info", f"{texts['from_link']}: {note}.") for note in result.notes)
        condition = params.get("condition")
        if condition and (result is None or result.inputs is None):
            if condition in CONDITION_IDS:
                state["ramp.condition"] = condition
            else:
                notes.append(("info", texts["unknown_condition"]))
        state["ramp._notes"] = notes
    for kind, note in state.get("ramp._notes", []):
        (st.error if kind == "error" else st.info)(note)
    for key, value in DEFAULTS.items():
        state.setdefault(key, value)
    state.setdefault("ramp.start_date", today())
    state.setdefault("ramp.log", [])


def form(content: Content) -> None:
    """The short form (answers live in session state under their widget keys)."""
    t = content.ramp.page
    st.header(t["form_heading"])
    left, right = st.columns(2)
    num = {"step": 1.0, "format": "%g"}
    left.number_input(t["weeks_off"], 0.0, 104.0, key="ramp.weeks_off", help=t["weeks_off_help"], **num)
    right.number_input(t["pain_free"], 0.0, 120.0, key="ramp.pain_free", help=t["pain_free_help"], **num)
    st.slider(t["pain_now"], 0, 10, key="ramp.pain_now", help=t["pain_now_help"])
    left, right = st.columns(2)
    num = {"step": 10.0, "format": "%g"}
    left.number_input(t["pre_injury"], 0.0, 1200.0, key="ramp.pre_injury", help=t["pre_injury_help"], **num)
    right.number_input(
        t["goal"],
        10.0,
        1200.0,
        key="ramp.goal",
        help=t["goal_help"],
        placeholder=t["goal_placeholder"],
        **num,
    )
    st.segmented_control(t["runs_per_week"], [2, 3, 4, 5, 6], key="ramp.runs_per_week", required=True)
    names = {"unknown": t["condition_none"], **content.checker.short_names()}
    st.selectbox(
        t["condition"], ["unknown", *CONDITION_IDS], key="ramp.condition", format_func=names.__getitem__
    )
    left, right = st.columns(2)
    left.date_input(t["start_date"], key="ramp.start_date", format="YYYY-MM-DD")
    right.radio(t["units"], ["km", "mi"], key="ramp.units", horizontal=True)


def read_inputs(content: Content) -> RampInputs | None:
    """The form's answers as validated inputs; shows the error by its field if wrong."""
    state = st.session_state
    data: dict[str, Any] = {}
    for key, name in _INPUT_KEYS.items():
        value = state.get(key)
        if value is None:
            continue
        data[name] = value.isoformat() if isinstance(value, dt.date) else value
    try:
        return parse_inputs(data, today=today())
    except InputError as exc:
        st.error(f"{content.ramp.page['check_field']} **{exc.key.replace('_', ' ')}**: {exc.message}")
        return None


_PLAN_KEY = "ramp._plan"
"""Session-state key of the last plan built in this session, with what it was built from."""


def plan_for(content: Content, inputs: RampInputs, log: list[LogEntry]) -> RampPlan:
    """The plan for these answers and this log, built once per distinct answers in a session.

    Most reruns of the page do not change the answers (a tab switch, a download, coming
    back from another page); they reuse the plan instead of building it again (about
    1.5 ms). Kept in this session only, like the answers it comes from.
    """
    key = (inputs, tuple(log))
    memo = st.session_state.get(_PLAN_KEY)
    if memo is not None and memo[0] is content.ramp and memo[1] == key:
        plan: RampPlan = memo[2]
        return plan
    plan = build_plan(inputs, log, rules=content.ramp)
    st.session_state[_PLAN_KEY] = (content.ramp, key, plan)
    return plan


def card(content: Content, plan: RampPlan, log: list[LogEntry]) -> None:
    """The plan card: made to be screenshotted on a phone."""
    site = content.site
    t = content.ramp.page
    made = today()
    week = current_week(plan, made)
    goal = plan.inputs.goal_weekly_minutes
    with st.container(border=True, key="ramp.card"):
        st.markdown(f"**{site.app.icon} {site.app.name}** · {t['card_heading']}")
        st.markdown(f"**{t['card_start']}:** {plan.start_stage_title}")
        weeks = f"**{len(plan.weeks)} {t['card_weeks']}**"
        if plan.phase == "pre_run":
            st.markdown(f"{weeks} {t['card_pre_run']}.")
        else:
            per_week = f"{goal:g} {t['card_per_week']}"
            end = (
                f"{t['card_to_goal']} **{per_week}**"
                if plan.goal_reached
                else f"({t['card_goal']} {per_week})"
            )
            st.markdown(f"{weeks} {end}, {plan.inputs.runs_per_week} {t['card_runs']}.")
            st.vega_lite_chart(
                weeks_spec(plan, site.theme.primary_color, compact=True), width="stretch", height=150
            )
        lines = [
            f"{format_date(s.date, content.ramp.words)}: {short_label(s, content.ramp.words)}"
            for s in week.sessions
            if s.kind in _CARD_KINDS
        ]
        st.markdown(
            f"**{t['this_week']} ({t['card_week']} {week.week})**  \n"
            + "  \n".join(lines or [t["card_rest"]])
        )
        gates = [g for i, g in enumerate(plan.gates) if i in (0, 1, 3)]
        st.markdown(f"**{t['gates_heading']}**\n\n" + "\n".join(f"- {g}" for g in gates))
        logged = f" · {len(log)} {t['card_logged']}" if log else ""
        st.caption(f"{t['card_made']} {made.isoformat()}{logged} · {site.app.disclaimer}")
