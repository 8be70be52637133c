"""UI of the checker's clinician mode: all questions on one screen, Ottawa panel, every score, visit PDF."""

from __future__ import annotations

import streamlit as st

from kneecore import Content, sharing
from kneecore.checker import assess, rank
from kneecore.checker.clinical import ottawa_panel
from kneecore.checker.summary import visit_pdf
from pages.ui.checker import answers_or_error, clear_answers, question
from pages.ui.checker_results import triage_banner

__all__ = ["clinician_view"]


def clinician_view(content: Content) -> None:
    """All questions in clinical terms, then triage with its rule, Ottawa Knee Rules and all scores."""
    checker = content.checker
    page = checker.results.page
    st.header(f"🩺 {page['clinician_heading']}")
    st.button(f"🧹 {page['next_patient']}", key="checker.next_patient", on_click=clear_answers)
    with st.form("checker.clinician_form"):
        groups = [checker.questions.screen, *checker.questions.steps]
        for group in groups:
            st.markdown(f"**{group.title}**")
            cols = st.columns(2)
            for i, key in enumerate(group.questions):
                with cols[i % 2]:
                    question(checker, checker.question(key), clinical=True)
        st.form_submit_button(page["assess"], type="primary")
    answers = answers_or_error(checker)
    if answers is None:
        return
    result = assess(checker, answers)
    triage_banner(content, result, rule=True)
    for flag in result.red_flags:
        st.markdown(f"- **{flag.clinical}** ({checker.results.triage[flag.triage].title})")
    panel = ottawa_panel(checker, answers)
    st.markdown(f"**{page['ottawa_heading']}**")
    scope = page["ottawa_scope_in"] if panel.in_scope else page["ottawa_scope_out"]
    verdict = page["ottawa_positive"] if panel.positive else page["ottawa_negative"]
    marks = {True: "✅", False: "➖", None: "❔"}
    st.markdown(
        f"{scope} **{verdict}**\n" + "\n".join(f"- {marks[met]} {name}" for name, met in panel.criteria)
    )
    st.markdown(f"**{page['scores_heading']}**")
    score = page["scores_score"]
    rows = [
        {
            page["scores_condition"]: c.clinical_name,
            score: c.score,
            page["scores_triage"]: checker.results.triage[c.triage].title,
            page["scores_reasons"]: "; ".join(c.reasons),
        }
        for c in rank(checker, answers)
    ]
    st.dataframe(
        rows,
        hide_index=True,
        key="checker.scores",
        column_config={score: st.column_config.ProgressColumn(min_value=0.0, max_value=1.0, format="%.2f")},
    )
    today = sharing.today()
    st.download_button(
        f"📄 {page['visit_pdf']}",
        lambda: visit_pdf(content.site, checker, answers, result, today),  # built on click
        file_name=f"visit-summary-{today.isoformat()}.pdf",
        mime="application/pdf",
        key="checker.visit_pdf",
        on_click="ignore",
    )
    st.caption(result.disclaimer)
