"""UI helpers of the exercises page: filters kept in the URL, result cards, the detail view.

The filter state lives in the query string (``?condition=pfps&level=1-3&q=wall``) so a
link reopens the same view. Widgets keep the keys ``exercises.<field>``; on each run
:func:`filters_from_url` seeds them when the URL changed from outside (a fresh link),
and :func:`filters_to_url` writes the current state back. kneecore decodes and
validates; unknown values are dropped and named in a note.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import streamlit as st

from kneecore import Content
from kneecore.avoid import flag_plan, leave_out_for_now
from kneecore.content.exercises import PHASES, POSITIONS, Exercise, ExerciseContent
from kneecore.exercises import DIFFICULTY, FILTER_PARAMS, TIME_LIMITS, Filters, decode_filters, encode_filters
from kneecore.figures import render_svg
from kneecore.handout import pain_text
from kneecore.ids import CONDITION_IDS
from kneecore.routines import MAX_ROUTINE_ITEMS, Plan, dosage_text
from pages.ui.common import references
from pages.ui.exercises_ladder import ladder_chart
from pages.ui.exercises_routine import add_to_plan, context_conditions, current_plan
from pages.ui.routing import page_target

__all__ = [
    "card",
    "current_filters",
    "detail",
    "filter_widgets",
    "filters_from_url",
    "filters_to_url",
    "labels",
    "leave_out",
]

_URL = "exercises._url"
PAGE_SIZE = 8
"""Cards drawn at first (then "show more"): eight fill a phone screen several times over."""


def labels(lib: ExerciseContent) -> dict[str, str]:
    """The page's words from _page.yaml."""
    return dict(lib.page.labels) if lib.page else {}


def _equipment(lib: ExerciseContent) -> tuple[str, ...]:
    return tuple(lab.id for lab in lib.page.equipment) if lib.page else ()


def _url_snapshot() -> dict[str, tuple[str, ...]]:
    return {k: tuple(st.query_params.get_all(k)) for k in FILTER_PARAMS if k in st.query_params}


def filters_from_url(lib: ExerciseContent) -> list[str]:
    """Seed the filter widgets from the URL when it changed from outside; return notes."""
    snap = _url_snapshot()
    if st.session_state.get(_URL) == snap:
        return []
    state, notes = decode_filters({k: list(v) for k, v in snap.items()}, _equipment(lib))
    st.session_state["exercises.q"] = state.query
    st.session_state["exercises.condition"] = list(state.conditions)
    st.session_state["exercises.phase"] = list(state.phases)
    st.session_state["exercises.equipment"] = list(state.equipment)
    st.session_state["exercises.position"] = list(state.positions)
    st.session_state["exercises.level"] = state.difficulty
    st.session_state["exercises.time"] = state.max_minutes or 0
    st.session_state[_URL] = snap
    return notes


def filters_to_url(filters: Filters) -> dict[str, str]:
    """Write the filter state into the URL (other parameters are left alone); return it encoded."""
    encoded = encode_filters(filters)
    for key in FILTER_PARAMS:
        if key in encoded:
            if st.query_params.get_all(key) != [encoded[key]]:
                st.query_params[key] = encoded[key]
        elif key in st.query_params:
            del st.query_params[key]
    st.session_state[_URL] = _url_snapshot()
    return encoded


_FILTER_DEFAULTS: dict[str, object] = {
    "exercises.q": "",
    "exercises.condition": [],
    "exercises.phase": [],
    "exercises.equipment": [],
    "exercises.position": [],
    "exercises.level": DIFFICULTY,
    "exercises.time": 0,
}


def current_filters() -> Filters:
    """The filters in session state (the widgets keep it while their tab is closed)."""
    state = {key: st.session_state.get(key, value) for key, value in _FILTER_DEFAULTS.items()}
    level = state["exercises.level"]
    low, high = level if isinstance(level, (tuple, list)) and len(level) == 2 else DIFFICULTY
    return Filters(
        query=str(state["exercises.q"] or "").strip()[:80],
        conditions=tuple(state["exercises.condition"]),  # type: ignore[arg-type]
        phases=tuple(state["exercises.phase"]),  # type: ignore[arg-type]
        equipment=tuple(state["exercises.equipment"]),  # type: ignore[arg-type]
        positions=tuple(state["exercises.position"]),  # type: ignore[arg-type]
        difficulty=(int(low), int(high)),
        max_minutes=int(state["exercises.time"] or 0) or None,  # type: ignore[call-overload]
    )


def filter_widgets(lib: ExerciseContent, names: Mapping[str, str]) -> Filters:
    """The search box and the filters (in an expander, for phones); returns the state.

    The widgets keep their state for the session (``persist_state``): the page draws only
    its open tab, and the filters must survive a visit to the routine or the table.
    ``names`` are the conditions' short names (``CheckerContent.short_names``).
    """
    words = labels(lib)
    page = lib.page
    for key, value in _FILTER_DEFAULTS.items():
        st.session_state.setdefault(key, value)
    st.text_input(
        words["search"], key="exercises.q", placeholder=words["search_help"], persist_state="session"
    )
    phase_names = {lab.id: lab.label for lab in page.phases} if page else {}
    position_names = {lab.id: lab.label for lab in page.positions} if page else {}
    kit_names = {lab.id: lab.label for lab in page.equipment} if page else {}
    active = any(
        st.session_state.get(f"exercises.{k}") for k in ("condition", "phase", "equipment", "position")
    )
    with st.expander(words["filters"], expanded=active):
        st.multiselect(
            words["condition"],
            CONDITION_IDS,
            key="exercises.condition",
            format_func=names.__getitem__,
            persist_state="session",
        )
        st.multiselect(
            words["phase"],
            PHASES,
            key="exercises.phase",
            format_func=phase_names.get,
            persist_state="session",
        )
        st.multiselect(
            words["equipment"],
            tuple(kit_names),
            key="exercises.equipment",
            format_func=kit_names.get,
            help=words["equipment_help"],
            persist_state="session",
        )
        st.multiselect(
            words["position"],
            POSITIONS,
            key="exercises.position",
            format_func=position_names.get,
            persist_state="session",
        )
        st.slider(words["difficulty"], *DIFFICULTY, key="exercises.level", persist_state="session")
        st.number_input(
            words["time"],
            0,  # no limit
            TIME_LIMITS[1],
            step=5,
            key="exercises.time",
            help=words["time_help"],
            persist_state="session",
        )
        st.button(words["clear"], key="exercises.clear", on_click=_clear)
    return current_filters()


def leave_out(content: Content, conditions: Iterable[str]) -> None:
    """For each chosen condition, the exercises it says to leave out for now, why, and sources."""
    words = labels(content.exercises)
    items = leave_out_for_now(content, conditions)
    for condition in dict.fromkeys(item.condition for item in items):
        lines = [f"- **{', '.join(i.names)}**: {i.why}" for i in items if i.condition == condition]
        title = words["leave_out"].format(condition=content.checker.short_names().get(condition, condition))
        with st.container(key=f"exercises.leave_out.{condition}"):
            st.warning(f"**{title}**\n\n" + "\n".join(lines), icon="🚫")
    refs = {ref.link: ref for item in items for ref in item.references}
    references(refs.values(), label=words["leave_out_sources"])


def _clear() -> None:
    for key in ("condition", "phase", "equipment", "position"):
        st.session_state[f"exercises.{key}"] = []
    st.session_state["exercises.q"] = ""
    st.session_state["exercises.level"] = DIFFICULTY
    st.session_state["exercises.time"] = 0


def _badges(ex: Exercise, lib: ExerciseContent) -> str:
    words = labels(lib)
    phase = {lab.id: lab.label for lab in lib.page.phases}.get(ex.phase, ex.phase) if lib.page else ex.phase
    level = words["difficulty_short"].format(n=ex.difficulty)
    return f"{phase} · {level} · ⏱️ {words['minutes_short'].format(n=ex.minutes)}"


def _add_button(ex: Exercise, lib: ExerciseContent, key: str, plan: Plan) -> None:
    words = labels(lib)
    if ex.id in plan.ids:
        st.button(f"✅ {words['added']}", key=key, disabled=True)
    else:
        full = len(plan.items) >= MAX_ROUTINE_ITEMS
        st.button(f"➕ {words['add']}", key=key, on_click=add_to_plan, args=(lib, ex.id), disabled=full)


def _added_warning(ex: Exercise, content: Content, plan: Plan) -> None:
    """Once ``ex`` is in the routine: a warning if a condition in context leaves it out (H4)."""
    words = labels(content.exercises)
    if ex.id in plan.ids:
        for flag in flag_plan(content, plan, context_conditions()):
            if flag.exercise == ex.id:
                st.warning(words["added_flagged"].format(condition=flag.name), icon="🚫")


def card(ex: Exercise, content: Content, params: Mapping[str, str], plan: Plan) -> None:
    """One result: picture, name, phase and level, dose, a Details link and an Add button.

    Details is a link, not a button: it can be opened in a new tab or shared, screen
    readers announce it as a link, and it costs a rerun less than a widget. It carries
    the current filters (``params``, as in the address) so Back returns to the same list.
    Once added, an exercise a condition in context leaves out for now says so at once.
    ``plan`` is this session's routine, read once for all the cards of a run.
    """
    lib = content.exercises
    words = labels(lib)
    with st.container(border=True):
        st.image(render_svg(ex.figure, ex.name), alt=ex.figure.alt, width="stretch")
        # name, badges and dose in one element (a caption of its own would cost one more)
        st.markdown(f"**{ex.name}**  \n{_badges(ex, lib)}  \n:small[{dosage_text(ex.dosage, words)}]")
        with st.container(horizontal=True, vertical_alignment="center"):  # one block: each costs a rerun
            st.page_link(
                page_target("exercises"),
                label=words["view_details"],
                icon="📖",
                query_params={**params, "exercise": ex.id},
            )
            _add_button(ex, lib, f"exercises.add.{ex.id}", plan)
        _added_warning(ex, content, plan)


def _back() -> None:
    del st.query_params["exercise"]


def detail(ex: Exercise, content: Content) -> None:
    """Everything about one exercise, with its progression ladder as a chart."""
    lib = content.exercises
    words = labels(lib)
    st.session_state.pop(_URL, None)  # the filter widgets are not drawn here: reseed them on the way back
    st.button(words["back"], key="exercises.back", on_click=_back)
    st.header(ex.name)
    if ex.aliases:
        st.caption(" · ".join(ex.aliases))
    st.image(
        render_svg(ex.figure, ex.name), caption=words["figure_caption"], alt=ex.figure.alt, width="stretch"
    )
    st.markdown(_badges(ex, lib))
    for item in leave_out_for_now(content, context_conditions()):
        if ex.id in item.exercises:  # reached from a condition view, e.g. up the ladder
            name = content.checker.short_names().get(item.condition, item.condition)
            title = words["leave_out_this"].format(condition=name)
            st.warning(f"**{title}** {item.why}", icon="🚫")
    plan = current_plan()
    _add_button(ex, lib, "exercises.add_detail", plan)
    _added_warning(ex, content, plan)
    st.subheader(words["why"])
    st.markdown(ex.why)
    st.markdown(f"**{words['trains']}:** " + "; ".join(ex.trains))
    st.subheader(words["dosage"])
    st.markdown(dosage_text(ex.dosage, words) + (f"  \n{ex.dosage.note}" if ex.dosage.note else ""))
    st.subheader(words["steps"])
    st.markdown("\n".join(f"{n}. {step}" for n, step in enumerate(ex.steps, 1)))
    st.subheader(words["cues"])
    st.markdown("\n".join(f"- {cue}" for cue in ex.cues))
    st.subheader(words["mistakes"])
    st.markdown("\n".join(f"- {m}" for m in ex.mistakes))
    st.subheader(words["pain"])
    st.info(pain_text(ex, lib.page.pain_rule if lib.page else ""), icon="🚦")
    if ex.video_url:
        st.link_button(words["video"], ex.video_url)
    st.subheader(words["ladder"])
    st.caption(words["ladder_help"])
    picked = ladder_chart(lib, ex.id)
    if picked and picked != ex.id:
        st.query_params["exercise"] = picked
        st.rerun()
    refs = ex.references + (lib.page.pain_references if lib.page else ())
    references(refs, content.site.app.sources)
