"""Printouts name triage levels with the content's titles, never with internal ids."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from kneecore import load_content
from kneecore.checker import assess, parse_answers
from kneecore.checker.summary import visit_pdf

LOCKED = {"locking": True, "location": ["inside"], "onset": "sudden"}


def test_visit_pdf_names_a_flags_level_by_its_title(edit_yaml) -> None:
    """A red flag's line in the visit PDF ends with the (reworded) triage title, not the level id."""
    content = load_content(
        edit_yaml(
            "checker/results.yaml",
            'title: "Urgent: be seen within 24 hours"',
            'title: "Dringend: heute noch"',
        )
    )
    answers = parse_answers(LOCKED)
    result = assess(content.checker, answers)
    assert [f.triage for f in result.red_flags] == ["urgent"]
    pdf = visit_pdf(content.site, content.checker, answers, result, dt.date(2026, 3, 14))
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert f"{result.red_flags[0].clinical} (Dringend: heute noch)" in " ".join(text.split())
    assert "(urgent)" not in text
