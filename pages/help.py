"""Getting help: warning signs, who to see for what, what to bring, and the clinic card."""

from __future__ import annotations

import streamlit as st

from pages.ui import footer, start_page
from pages.ui.guides import show_professionals
from pages.ui.guides_links import link

content = start_page("help")
site = content.site
clinic = site.clinic
text = content.library.text
assert text is not None
guide = content.library.guide("getting_help")

st.warning(site.app.emergency, icon="🚑")
overview = content.library.guide("know_the_cause")
if overview is not None:
    link("/guides?guide=know_the_cause", overview.title, icon="🚩")

if guide is not None:
    st.header(text.help.professionals)
    st.markdown(guide.intro)
    show_professionals(guide.professionals)
    st.header(text.help.bring)
    st.markdown("\n".join(f"- {line}" for line in guide.bring))
    link("/checker", content.site.pages["checker"].title, icon="🩺")

st.caption(text.help.clinic)
st.header(clinic.name)
labels = site.clinic_labels
lines = [
    f"**{labels.where}:** {clinic.city}",
    f"**{labels.phone}:** {clinic.phone}",
    f"**{labels.hours}:** {clinic.hours}",
]
if clinic.email:
    lines.append(f"**{labels.email}:** {clinic.email}")
st.markdown("  \n".join(lines))
st.link_button(text.help.book, clinic.booking_url)
footer(content)
