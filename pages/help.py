"""Getting help: the clinic card from site.yaml (who to see for what grows in issue 8)."""

from __future__ import annotations

import streamlit as st

from pages.ui import footer, start_page

content = start_page("help")
clinic = content.site.clinic

st.warning(content.site.app.emergency, icon="🚑")
st.subheader(clinic.name)
lines = [
    f"**Where:** {clinic.city}",
    f"**Phone:** {clinic.phone}",
    f"**Hours:** {clinic.hours}",
]
if clinic.email:
    lines.append(f"**Email:** {clinic.email}")
st.markdown("  \n".join(lines))
st.link_button("Book an appointment", clinic.booking_url)
footer(content)
