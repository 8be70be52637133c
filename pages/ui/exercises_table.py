"""The clinicians' table of the current results, with column config and a CSV download."""

from __future__ import annotations

import pandas as pd
import streamlit as st

__all__ = ["clinician_table"]


def clinician_table(rows: list[dict[str, str | int]], words: dict[str, str]) -> None:
    """Show ``rows`` (from kneecore.exercises.table_rows) as a sortable table and offer a CSV."""
    frame = pd.DataFrame(rows)
    if frame.empty:
        st.info(words["no_results"])
        return
    st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        column_config={
            "id": st.column_config.TextColumn("id", width="small"),
            words["col_name"]: st.column_config.TextColumn(words["col_name"], pinned=True),
            words["col_level"]: st.column_config.NumberColumn(
                words["col_level"], format="%d ⭐", width="small"
            ),
            words["col_minutes"]: st.column_config.NumberColumn(
                words["col_minutes"], format="%d min", width="small"
            ),
            words["col_link"]: st.column_config.LinkColumn(
                words["col_link"], display_text=words["col_link_text"]
            ),
        },
        key="exercises.table",
    )
    st.download_button(
        words["csv"],
        data=lambda: frame.to_csv(index=False).encode("utf-8"),  # built on click
        file_name="knee-exercises.csv",
        mime="text/csv",
        key="exercises.csv",
        on_click="ignore",
    )
