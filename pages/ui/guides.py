"""Rendering of the guides page: the index, a condition page and a guide."""

from __future__ import annotations

import streamlit as st

from kneecore import Content
from kneecore.avoid import leave_out_for_now
from kneecore.content.conditions import ConditionPage
from kneecore.content.guides import Guide, Professional
from kneecore.guides import series_neighbours, stories_about
from pages.ui.common import references
from pages.ui.guides_links import exercise_name, form_name, link, unique_refs

__all__ = ["show_condition", "show_guide", "show_index", "show_professionals"]

_URGENCY = {"emergency": st.error, "urgent": st.warning, "consult": st.info}
_ICONS = {"emergency": "🚑", "urgent": "⚠️", "consult": "ℹ️"}


def _bullets(lines: tuple[str, ...]) -> None:
    st.markdown("\n".join(f"- {line}" for line in lines))


def show_index(content: Content) -> None:
    """Guides grouped as in index.yaml, then every condition page."""
    lib = content.library
    text = lib.text
    assert text is not None
    for group in text.groups:
        guides = [g for g in lib.guides if g.group == group.id]
        if not guides:
            continue
        st.header(group.title)
        st.caption(group.blurb)
        for guide in guides:
            link(f"/guides?guide={guide.id}", f"**{guide.title}**", icon="📄")
            st.caption(guide.summary)
    st.header(text.conditions_title)
    st.caption(text.conditions_blurb)
    for page in lib.conditions:
        link(f"/guides?condition={page.id}", page.title, icon="🦵")


def show_condition(content: Content, page: ConditionPage) -> None:
    """One condition page: plain words first, the clinicians' detail in an expander."""
    lib = content.library
    text = lib.text
    assert text is not None
    heads = text.condition
    link("/guides", text.back_to_index, icon="⬅️")
    st.header(page.title)
    if page.aliases:
        st.caption(" · ".join(page.aliases))
    st.markdown(f"**{page.summary}**")
    for title, body in (
        (heads.what_it_is, page.what_it_is),
        (heads.who_gets_it, page.who_gets_it),
    ):
        st.subheader(title)
        st.markdown(body)
    for title, lines in (
        (heads.signs, page.signs),
        (heads.worse_with, page.worse_with),
        (heads.what_helps, page.what_helps),
    ):
        st.subheader(title)
        _bullets(lines)
    st.subheader(heads.recovery)
    st.markdown(page.recovery)
    st.subheader(heads.see_a_clinician)
    st.markdown(page.see_a_clinician)
    if page.get_help_now:
        st.warning(
            f"**{heads.get_help_now}:**\n\n" + "\n".join(f"- {line}" for line in page.get_help_now), icon="⚠️"
        )
    if page.exercises:
        st.subheader(heads.exercises)
        st.markdown(", ".join(exercise_name(content, e) for e in page.exercises))
        link(f"/exercises?condition={page.id}", heads.exercises, icon="🏋️")
    avoid = leave_out_for_now(content, [page.id])
    if avoid:
        st.subheader(heads.leave_out)
        with st.container(key="guides.leave_out"):
            _bullets(tuple(f"**{', '.join(item.names)}**: {item.why}" for item in avoid))
    if page.form:
        st.subheader(heads.form)
        st.markdown(", ".join(form_name(content, f) for f in page.form))
        link(f"/form?condition={page.id}", heads.form, icon="🏃")
    link(f"/ramp?condition={page.id}", heads.plan, icon="📈")
    stories = stories_about(lib, page.id)
    if stories:
        st.subheader(heads.stories)
        for story in stories:
            link(f"/stories?story={story.id}", story.title, icon="📖")
    if page.look_alikes:
        st.subheader(heads.look_alikes)
        for other in page.look_alikes:
            found = lib.condition(other)
            if found is not None:
                link(f"/guides?condition={other}", found.title, icon="🦵")
    link("/checker", heads.checker, icon="🩺")
    with st.expander(heads.for_clinicians):
        st.markdown(page.for_clinicians)
    references(
        unique_refs([*page.references, *(r for item in avoid for r in item.references)]), label=text.sources
    )


def show_professionals(professionals: tuple[Professional, ...]) -> None:
    """Who to see for what: one bordered card per professional."""
    for pro in professionals:
        with st.container(border=True):
            st.markdown(f"**{pro.title}**")
            _bullets(pro.see_for)
            st.caption(pro.expect)


def show_guide(content: Content, guide: Guide) -> None:
    """One guide: intro, structured parts, sections, links and all its sources once."""
    lib = content.library
    text = lib.text
    assert text is not None
    heads = text.guide
    link("/guides", text.back_to_index, icon="⬅️")
    st.header(guide.title)
    if guide.part is not None:
        total = sum(1 for g in lib.guides if g.group == guide.group and g.part is not None)
        st.caption(heads.part.replace("{part}", str(guide.part)).replace("{total}", str(total)))
    st.markdown(guide.intro)
    refs = list(guide.references)
    if guide.facts:
        st.subheader(heads.facts)
        _bullets(tuple(f.text for f in guide.facts))
        refs += [r for f in guide.facts for r in f.references]
    if guide.red_flags:
        st.subheader(heads.red_flags)
        for flag in guide.red_flags:
            box = _URGENCY[flag.urgency]
            box(f"**{flag.title}**\n\n{flag.signs}\n\n**{flag.action}**", icon=_ICONS[flag.urgency])
            refs += flag.references
    for section in guide.sections:
        st.subheader(section.title)
        st.markdown(section.body)
        refs += section.references
    if guide.myths:
        st.subheader(heads.myths)
        for myth in guide.myths:
            with st.container(border=True):
                st.markdown(f"**{heads.myth}:** {myth.myth}")
                st.markdown(f"**{heads.truth}:** {myth.truth}")
            refs += myth.references
    if guide.treatments:
        st.subheader(heads.treatments)
        for item in guide.treatments:
            with st.container(border=True):
                st.markdown(f"#### {item.title}")
                st.markdown(f"**{text.evidence[item.evidence]}.** {item.verdict}")
                st.markdown(f"**{heads.can}:**\n" + "\n".join(f"- {c}" for c in item.can))
                st.markdown(f"**{heads.cannot}:**\n" + "\n".join(f"- {c}" for c in item.cannot))
                st.markdown(item.body)
            refs += item.references
    if guide.professionals:
        st.subheader(text.help.professionals)
        show_professionals(guide.professionals)
    if guide.bring:
        st.subheader(text.help.bring)
        _bullets(guide.bring)
    before, after = series_neighbours(lib, guide)
    if guide.links or before or after:
        st.subheader(heads.more)
        for item in guide.links:
            link(item.to, item.label, icon="➡️")
        if before is not None:
            link(f"/guides?guide={before.id}", f"{heads.previous}: {before.title}", icon="⏮️")
        if after is not None:
            link(f"/guides?guide={after.id}", f"{heads.next}: {after.title}", icon="⏭️")
    references(unique_refs(refs), label=text.sources)
