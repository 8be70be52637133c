"""UI pieces of the form page: the filming guide, checklist items and the ranked summary.

Answers live in widget state only (keys ``form.answer.<item id>``, kept for the session
so they survive the one-at-a-time view and a visit to the exercises page).
"""

from __future__ import annotations

import streamlit as st

from kneecore import Content
from kneecore.avoid import avoided_ids
from kneecore.cadence import CadenceResult
from kneecore.content.form import ANSWERS, FormContent, FormItem
from kneecore.form import FormSummary
from kneecore.form_report import describe_week, drill_name, form_pdf
from pages.ui.common import references
from pages.ui.routing import page_target

__all__ = [
    "answer_key",
    "filming_guide",
    "read_answers",
    "render_checklist",
    "render_item",
    "render_summary",
]

MODE_KEY = "form.mode"
INDEX_KEY = "form.index"


def answer_key(item_id: str) -> str:
    """The widget key of an item's answer."""
    return f"form.answer.{item_id}"


def read_answers(form: FormContent) -> dict[str, object]:
    """The answers given so far, from session state (skipped items are None)."""
    return {item.id: st.session_state.get(answer_key(item.id)) for item in form.items}


def filming_guide(form: FormContent) -> None:
    """The short filming guide shown before the checklist."""
    guide = form.filming
    st.header(f"🎥 {guide.title}")
    st.markdown(guide.intro)
    with st.expander(form.label("film_first"), expanded=False):
        st.markdown("\n".join(f"- **{step.title}.** {step.body}" for step in guide.steps))


def _drill_links(content: Content, drills: tuple[str, ...], condition: str | None = None) -> None:
    """Links to the drills' exercise pages; a drill the condition says to leave out for now
    is named with that warning instead of a link (safety case H4)."""
    avoided = avoided_ids(content, condition)
    for drill in drills:
        if drill in avoided and condition:
            note = content.form.label("drill_avoided").format(
                condition=content.checker.short_names()[condition]
            )
            st.markdown(f"🚫 **{drill_name(content, drill)}**: {note}")
            continue
        st.page_link(
            page_target("exercises"),
            label=drill_name(content, drill),
            icon="🏋️",
            query_params={"exercise": drill},
        )


def render_item(content: Content, item: FormItem, number: int) -> None:
    """One checklist item: how to check, the yes / no / not sure question, and why it matters."""
    form = content.form
    with st.container(border=True):
        st.markdown(f"**{number}. {item.title}** · {form.ui.view_labels[item.view]}")
        st.caption(item.summary)
        with st.expander(form.label("how_to_check")):
            st.markdown(item.how_to_check)
            st.markdown(f"**{form.label('look_for')}.** {item.look_for}")
        st.radio(
            item.question,
            ANSWERS,
            index=None,
            format_func=lambda a, c=item.choices: str(getattr(c, a)),
            key=answer_key(item.id),
            persist_state="session",
        )
        with st.expander(form.label("why")):
            st.markdown(item.why)
            if item.conditions:
                short = content.checker.short_names()
                names = ", ".join(short[c] for c in item.conditions)
                st.markdown(f"**{form.label('conditions')}:** {names}")
            link = form.ui.knee_link_labels[item.knee_link]
            st.markdown(f"**{form.label('evidence')}:** {form.ui.evidence_labels[item.evidence]} · {link}")
            st.caption(item.evidence_note)
            st.markdown(f"**{form.label('cue')}:** {item.cue}")
            st.markdown(f"**{form.label('do_not')}:** {item.do_not}")
            references(item.references, form.label("sources"))


def _move(step: int, total: int) -> None:
    st.session_state[INDEX_KEY] = (st.session_state.get(INDEX_KEY, 0) + step) % total


def render_checklist(content: Content, start_item: str | None) -> None:
    """The checklist, one item at a time (with Previous / Next) or all at once."""
    form = content.form
    st.header(form.label("checklist"))
    modes = {"one": form.label("mode_one"), "all": form.label("mode_all")}
    mode = st.segmented_control(
        form.label("mode"),
        list(modes),
        format_func=modes.get,
        default="one",
        key=MODE_KEY,
        required=True,
        persist_state="session",
    )
    total = len(form.items)
    ids = [item.id for item in form.items]
    if start_item in ids and "form.start_seen" not in st.session_state:
        st.session_state[INDEX_KEY] = ids.index(start_item)
    st.session_state["form.start_seen"] = True
    if mode == "all":
        for number, item in enumerate(form.items, start=1):
            render_item(content, item, number)
        return
    index = st.session_state.get(INDEX_KEY, 0) % total
    st.caption(form.label("item_of").format(n=index + 1, total=total))
    render_item(content, form.items[index], index + 1)
    back, forward = st.columns(2)
    back.button(f"⬅️ {form.label('previous')}", key="form.previous", on_click=_move, args=(-1, total))
    forward.button(f"{form.label('next')} ➡️", key="form.next", on_click=_move, args=(1, total))


def render_summary(content: Content, summary: FormSummary, cadence: CadenceResult | None) -> None:
    """What to work on first, the four-week plan and the printable page."""
    form = content.form
    st.header(f"🎯 {form.label('summary')}")
    if summary.condition:
        st.caption(form.label("condition_note").format(name=content.checker.short_names()[summary.condition]))
    if not summary.answered:
        st.info(form.label("summary_empty"))
        return
    if not summary.focus:
        st.success(form.plan.nothing_to_change)
    for ranked in summary.focus:
        item = ranked.item
        with st.container(border=True):
            answer = getattr(form.ui.answer_labels, ranked.answer or "not_sure")
            tag = f" · {form.label('condition_match')}" if ranked.matches_condition else ""
            st.markdown(f"**{ranked.rank}. {item.title}** ({answer}){tag}")
            st.markdown(f"**{form.label('cue')}:** {item.cue}")
            st.caption(
                f"{form.ui.evidence_labels[item.evidence]} · {form.ui.knee_link_labels[item.knee_link]}"
            )
            if item.drills:
                st.markdown(f"**{form.label('drills')}:**")
                _drill_links(content, item.drills, summary.condition)
            st.markdown(f"**{form.label('do_not')}:** {item.do_not}")
    if any(r.answer is None for r in summary.ranked):
        st.caption(form.label("summary_skipped"))
    if summary.plan:
        st.subheader(f"🗓️ {form.plan.title}")
        st.markdown(form.plan.intro)
        for week in summary.plan:
            heading, body = describe_week(form, week)
            st.markdown(f"**{heading}**  \n{body}")
        references(form.plan.references, form.label("sources"))
    st.download_button(  # built on click (about 0.1 s), not on every rerun
        f"🖨️ {form.label('download_pdf')}",
        lambda: form_pdf(content, summary, cadence),
        file_name="running-form-plan.pdf",
        mime="application/pdf",
        key="form.pdf",
        on_click="ignore",
    )
