"""The routine builder tab: the plan in session state, edits, total minutes and exports.

The plan (a :class:`kneecore.routines.Plan`) lives in ``st.session_state["exercises.plan"]``
and never in the URL, unless the user asks for a share link. Every edit goes through a
kneecore function; an :class:`~kneecore.InputError` is shown by the field it names.

Safety case H4: an item that a condition in context (:func:`context_conditions`) leaves out
for now is still allowed (a clinician may have cleared the runner) but is marked with the
reason, under a summary line, and in the printed handout (:func:`kneecore.avoid.flag_plan`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import streamlit as st

from kneecore import Content, InputError
from kneecore.avoid import PlanFlag, flag_plan
from kneecore.content.exercises import ExerciseContent
from kneecore.handout import build_handout
from kneecore.routines import (
    Plan,
    add_item,
    change_dosage,
    dosage_text,
    item_minutes,
    move_item,
    plan_from_link,
    plan_to_link,
    remove_item,
    start_plan,
    total_minutes,
)
from pages.ui.common import references

__all__ = ["add_to_plan", "context_conditions", "current_plan", "load_from_url", "plan_flags", "routine_tab"]

_PLAN = "exercises.plan"
_ERROR = "exercises.error"
_SEEN = "exercises._loaded"
_LINK = "exercises._show_link"


def current_plan() -> Plan:
    """The routine being built in this session (empty at first)."""
    plan = st.session_state.get(_PLAN)
    return plan if isinstance(plan, Plan) else Plan()


def context_conditions() -> tuple[str, ...]:
    """The condition ids in context: the condition filter, which ``?condition=`` seeds.

    The leave-out box, the detail view's warning and the routine's marks all read this one
    source, so they never disagree.
    """
    picked = st.session_state.get("exercises.condition") or ()
    return tuple(str(ident) for ident in picked)


def plan_flags(content: Content) -> tuple[PlanFlag, ...]:
    """The items of this session's plan that a condition in context leaves out for now."""
    return flag_plan(content, current_plan(), context_conditions())


def _set(plan: Plan) -> None:
    st.session_state[_PLAN] = plan
    st.session_state.pop(_ERROR, None)
    st.session_state.pop(_LINK, None)


def _try(fn: object, *args: object, **kwargs: object) -> None:
    try:
        _set(fn(current_plan(), *args, **kwargs))  # type: ignore[operator]
    except InputError as exc:
        st.session_state[_ERROR] = exc.message


def add_to_plan(lib: ExerciseContent, ident: str) -> None:
    """Button callback: add exercise ``ident`` to the plan."""
    ex = lib.exercise(ident)
    if ex is not None:
        _try(add_item, ex)


def load_from_url(
    lib: ExerciseContent, words: dict[str, str], dated: Callable[[str], str] | None = None
) -> tuple[list[str], list[str]]:
    """Load ``?routine=``, ``?plan=`` or the checker's ``?condition=`` once per value.

    ``dated(value)`` words when a ``?plan=`` link was made (added to its loaded note).
    Returns what was loaded and, separately, what in the link could not be used.
    """
    loaded: list[str] = []
    notes: list[str] = []
    params = st.query_params
    seen = st.session_state.setdefault(_SEEN, set())
    for key in ("routine", "plan"):
        value = params.get(key)
        if not value or (key, value) in seen:
            continue
        seen.add((key, value))
        try:
            if key == "routine":
                _set(start_plan(lib, value))
                loaded.append(words["routine_loaded"].format(name=current_plan().title))
            else:
                plan, dropped = plan_from_link(value, lib)
                _set(plan)
                when = f" {dated(value)}" if dated else ""
                loaded.append(words["routine_loaded"].format(name=plan.title) + when)
                notes.extend(dropped)
        except InputError as exc:
            notes.append(words["unknown_routine"].format(id=value[:40]) if key == "routine" else exc.message)
    condition = params.get("condition")
    if condition and ("condition", condition) not in seen:
        seen.add(("condition", condition))
        if not current_plan().items and lib.routine(f"routine_{condition}"):
            _set(start_plan(lib, f"routine_{condition}"))
            loaded.append(words["routine_loaded"].format(name=current_plan().title))
    return loaded, notes


def _dose_changed(index: int, field: str, key: str) -> None:
    _try(change_dosage, index, **{field: int(st.session_state[key])})


def _item(
    index: int, lib: ExerciseContent, words: dict[str, str], count: int, flags: tuple[PlanFlag, ...]
) -> None:
    plan = current_plan()
    item = plan.items[index]
    ex = lib.exercise(item.exercise)
    if ex is None:
        return
    d = item.dosage
    field = (
        "reps" if d.reps is not None else "hold_seconds" if d.hold_seconds is not None else "duration_minutes"
    )
    limits = {"reps": (1, 50), "hold_seconds": (5, 120), "duration_minutes": (1, 60)}[field]
    with st.container(border=True):
        st.markdown(
            f"**{index + 1}. {ex.name}** · ⏱️ {words['minutes_short'].format(n=item_minutes(item, ex))}"
        )
        st.caption(dosage_text(d, words))
        mine = [flag for flag in flags if flag.index == index]
        if mine:
            with st.container(key=f"exercises.flag.{ex.id}"):
                for flag in mine:
                    st.warning(words["routine_flag"].format(condition=flag.name, why=flag.why), icon="🚫")
        sets_key, amount_key = f"exercises.sets.{ex.id}", f"exercises.{field}.{ex.id}"
        st.session_state[sets_key] = d.sets
        st.session_state[amount_key] = getattr(d, field)
        with st.container(horizontal=True):
            st.number_input(
                words["sets"],
                1,
                10,
                key=sets_key,
                on_change=_dose_changed,
                args=(index, "sets", sets_key),
                width=140,
            )
            st.number_input(
                words[field],
                *limits,
                key=amount_key,
                on_change=_dose_changed,
                args=(index, field, amount_key),
                width=140,
            )
        with st.container(horizontal=True):
            st.button(f"⬆️ {words['up']}", key=f"exercises.up.{ex.id}", on_click=_try,
                      args=(move_item, index, -1), disabled=index == 0)  # fmt: skip
            st.button(f"⬇️ {words['down']}", key=f"exercises.down.{ex.id}", on_click=_try,
                      args=(move_item, index, 1), disabled=index == count - 1)  # fmt: skip
            st.button(f"🗑️ {words['remove']}", key=f"exercises.remove.{ex.id}", on_click=_try,
                      args=(remove_item, index))  # fmt: skip


def _load_starter(lib: ExerciseContent) -> None:
    ident = st.session_state.get("exercises.starter")
    if ident:
        _set(start_plan(lib, ident))


def _retitle() -> None:
    title = str(st.session_state.get("exercises.title", "")).strip()[:80]
    if title:
        _set(replace(current_plan(), title=title))


def routine_tab(content: Content, words: dict[str, str]) -> None:
    """Starter routines, the plan with its edits, total minutes, the PDF and the share link."""
    lib = content.exercises
    names = {r.id: r.name for r in lib.routines}
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    left.selectbox(words["starter"], list(names), key="exercises.starter", format_func=names.get, index=None,
                   placeholder=words["starter_none"])  # fmt: skip
    right.button(words["load_starter"], key="exercises.load", on_click=_load_starter, args=(lib,))
    plan = current_plan()
    starter = lib.routine(st.session_state.get("exercises.starter") or "")
    if starter and starter.id != plan.source:
        st.caption(starter.summary)
    source = lib.routine(plan.source or "")
    if source and plan.items:
        with st.expander(f"💡 {words['routine_why']}: {source.name}", expanded=True):
            st.markdown(f"**{source.summary}**\n\n{source.why}")
    if st.session_state.get(_ERROR):
        st.error(st.session_state[_ERROR])
    if not plan.items:
        st.info(words["routine_empty"])
        return
    flags = plan_flags(content)
    if flags:
        with st.container(key="exercises.flag_summary"):
            summary = words["routine_flag_summary"].format(
                conditions=", ".join(dict.fromkeys(flag.name for flag in flags)),
                n=len({flag.index for flag in flags}),
                total=len(plan.items),
            )
            st.warning(summary, icon="🚫")
    st.session_state["exercises.title"] = plan.title
    st.text_input(words["routine_title"], key="exercises.title", on_change=_retitle, max_chars=80)
    for index in range(len(plan.items)):
        _item(index, lib, words, len(plan.items), flags)
    st.subheader(f"⏱️ {words['total'].format(n=total_minutes(plan, lib))}")
    frozen = plan
    st.download_button(
        words["pdf"],
        data=lambda: build_handout(content.site, lib, frozen, flags=flags),
        file_name="knee-routine.pdf",
        mime="application/pdf",
        key="exercises.pdf",
        on_click="ignore",
    )
    st.button(words["share"], key="exercises.share", on_click=st.session_state.update, args=({_LINK: True},))
    if st.session_state.get(_LINK):
        base = (st.context.url or "").rstrip("/") or "/exercises"
        st.caption(words["share_note"])
        st.code(f"{base}?plan={plan_to_link(plan)}", language=None, wrap_lines=True)
    if source:
        references(source.references, content.site.app.sources)
