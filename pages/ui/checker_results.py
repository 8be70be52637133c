"""UI of the checker's result: triage banner, red flags, running advice, conditions, downloads, share."""

from __future__ import annotations

import streamlit as st

from kneecore import Content, sharing
from kneecore.checker import Answers, CheckerResult
from kneecore.checker.share import SHARE_PARAM, encode_answers
from kneecore.checker.summary import conditions_intro, summary_markdown, summary_pdf
from pages.ui.common import references
from pages.ui.routing import page_target

__all__ = ["BANNERS", "render_result", "triage_banner"]

BANNERS = {
    "emergency": (st.error, "🚑"),
    "urgent": (st.warning, "⚠️"),
    "consult": (st.info, "🩺"),
    "self_care": (st.success, "🏠"),
}
"""Triage level -> Streamlit alert and emoji (the colour carries the urgency)."""

LINKS = (
    ("exercises", "link_exercises", "🏋️"),
    ("form", "link_form", "🏃"),
    ("ramp", "link_ramp", "📈"),
    ("guides", "link_guides", "📚"),
)


def triage_banner(content: Content, result: CheckerResult, *, rule: bool = False) -> None:
    """The coloured triage banner: level, one plain action, the time frame, and why."""
    level = content.checker.results.triage[result.triage]
    show, icon = BANNERS[result.triage]
    note = f"{content.checker.results.page['triage_rule']}: `{result.triage_rule}`" if rule else ""
    show(
        f"**{level.title}**  \n{level.action}  \n**{level.time_frame}**  \n_{result.triage_reason}_ {note}",
        icon=icon,
    )


def _flags(content: Content, result: CheckerResult) -> None:
    if not result.red_flags:
        return
    st.subheader(content.checker.results.page["flags_heading"])
    for flag in result.red_flags:
        show, icon = BANNERS[flag.triage]
        show(f"**{flag.title}.** {flag.message}", icon=icon)


def _running(content: Content, result: CheckerResult) -> None:
    page = content.checker.results.page
    keep = result.keep_running
    st.subheader(f"🏃 {page['running_heading']}")
    st.markdown(f"**{keep.title}.** {keep.reason}")
    st.markdown("\n".join(f"- {rule}" for rule in keep.pain_rules))
    references(content.checker.results.references, page["sources"])


def _conditions(content: Content, result: CheckerResult) -> None:
    page = content.checker.results.page
    heading, note = conditions_intro(content.checker, result)
    st.subheader(heading)
    if not result.conditions:
        st.info(page["no_conditions"])
        return
    st.caption(note)
    for i, cond in enumerate(result.conditions):
        info = content.checker.condition(cond.id)
        # With a warning sign nothing is opened first: the sign, not a condition, leads.
        expanded = i == 0 and not result.red_flags
        with st.expander(f"{cond.name}: {cond.score:.0%}", expanded=expanded):
            st.progress(cond.score)
            st.markdown(f"**{page['what_it_is']}.** {info.summary}")
            if cond.reasons_for:
                st.markdown(f"**{page['reasons_for']}:**\n" + "\n".join(f"- {r}" for r in cond.reasons_for))
            if cond.reasons_against:
                st.markdown(
                    f"**{page['reasons_against']}:**\n" + "\n".join(f"- {r}" for r in cond.reasons_against)
                )
            st.markdown(f"**{page['self_care']}:**\n" + "\n".join(f"- {s}" for s in info.self_care))
            st.markdown(f"**{page['links_heading']}**")
            for slug, label, icon in LINKS:
                st.page_link(
                    page_target(slug), label=page[label], icon=icon, query_params={"condition": cond.id}
                )
            sources = "; ".join(f"[{ref.citation}]({ref.link})" for ref in info.references)
            st.caption(f"{page['sources']}: {sources}")


def _downloads(content: Content, answers: Answers, result: CheckerResult) -> None:
    page = content.checker.results.page
    st.subheader(page["downloads_heading"])
    today = sharing.today()
    left, right = st.columns(2)
    # built on click, not on every rerun of the result (fpdf2 takes tens of ms)
    left.download_button(
        page["download_pdf"],
        lambda: summary_pdf(content.site, content.checker, answers, result, today),
        file_name=f"knee-check-{today.isoformat()}.pdf",
        mime="application/pdf",
        key="checker.download_pdf",
        on_click="ignore",
        icon="📄",
    )
    right.download_button(
        page["download_md"],
        lambda: summary_markdown(content.site, content.checker, answers, result, today),
        file_name=f"knee-check-{today.isoformat()}.md",
        mime="text/markdown",
        key="checker.download_md",
        on_click="ignore",
        icon="📝",
    )


SHARE_SHOWN_KEY = "checker.share_shown"


def _show_share_link() -> None:
    """Show the share link from now on (a callback: it survives any rerun)."""
    st.session_state[SHARE_SHOWN_KEY] = True


def _share(content: Content, answers: Answers) -> None:
    page = content.checker.results.page
    with st.expander(f"🔗 {page['share_heading']}"):
        st.caption(page["share_note"])
        st.button(page["share_button"], key="checker.share_button", on_click=_show_share_link)
        if st.session_state.get(SHARE_SHOWN_KEY):
            base = (st.context.url or "").split("?", 1)[0]
            st.code(f"{base}?{SHARE_PARAM}={encode_answers(answers)}", language=None, wrap_lines=True)


def render_result(content: Content, answers: Answers, result: CheckerResult) -> None:
    """The whole result, most urgent first, with safety-netting and the disclaimer.

    The triage banner and every red-flag message come before the condition list, so a
    warning sign is never read after a benign-sounding condition.
    """
    page = content.checker.results.page
    st.header(page["results_heading"])
    triage_banner(content, result)
    _flags(content, result)
    _running(content, result)
    _conditions(content, result)
    if result.what_would_change:
        st.subheader(page["change_heading"])
        st.markdown("\n".join(f"- {line}" for line in result.what_would_change))
    st.subheader(f"🛟 {page['safety_heading']}")
    st.markdown("\n".join(f"- {line}" for line in result.safety_net))
    st.caption(result.disclaimer)
    _downloads(content, answers, result)
    _share(content, answers)
