"""AppTest of the checker's downloads: dated by the app clock, worded by site.yaml."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator

import pytest
from pypdf import PdfReader

from kneecore import load_content, sharing
from kneecore.checker import parse_answers
from kneecore.checker.share import encode_answers
from tests.app.pages import open_page

TODAY = dt.date(2031, 7, 8)
FOOTER = 'footer: "Made {date} - page {page}/{pages}"'
DATED = 'dated: "Date: {date}"'


@pytest.fixture
def fixed_today() -> Iterator[dt.date]:
    """Fix kneecore.sharing.today for one test."""
    sharing.set_clock(lambda: TODAY)
    yield TODAY
    sharing.set_clock(None)


def pdf_text(data: bytes) -> str:
    """All text of a PDF."""
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def reworded(edit_yaml, content_env) -> None:
    """Point the app at a content copy whose printout words are German."""
    edit_yaml("site.yaml", FOOTER, 'footer: "Erstellt {date}, Seite {page}/{pages}"')
    content_env(edit_yaml("site.yaml", DATED, 'dated: "Datum: {date}"'))


def test_summary_downloads_use_app_clock_and_site_words(
    edit_yaml, content_env, deferred, fixed_today
) -> None:
    """The result's PDF and Markdown carry the app clock's date, in the words site.yaml gives."""
    reworded(edit_yaml, content_env)
    answers = parse_answers({"location": ["outside"], "onset": "gradual"})
    at = open_page("checker", {"a": encode_answers(answers)})
    assert not at.exception
    files = {name: build for build, name in deferred}
    day = fixed_today.isoformat()
    assert set(files) == {f"knee-check-{day}.pdf", f"knee-check-{day}.md"}
    assert f"Datum: {day}" in files[f"knee-check-{day}.md"]()
    assert f"Erstellt {day}, Seite 1/" in pdf_text(files[f"knee-check-{day}.pdf"]())


def test_visit_pdf_uses_app_clock_and_site_words(edit_yaml, content_env, deferred, fixed_today) -> None:
    """The clinician visit PDF is named and footed with the app clock's date, in site.yaml's words."""
    reworded(edit_yaml, content_env)
    at = open_page("checker", {"mode": "clinician"})
    at.radio(key="checker.onset").set_value("sudden")
    at.button[1].click().run()  # the form's Assess button
    assert not at.exception
    files = {name: build for build, name in deferred}
    name = f"visit-summary-{fixed_today.isoformat()}.pdf"
    assert name in files
    assert f"Erstellt {fixed_today.isoformat()}, Seite 1/1" in pdf_text(files[name]())


def test_clinician_scores_table_is_worded_by_content(edit_yaml, content_env) -> None:
    """The clinician's score table names its columns and triage levels with results.yaml's words."""
    edit_yaml("checker/results.yaml", 'scores_condition: "Condition"', 'scores_condition: "Befund"')
    edit_yaml("checker/results.yaml", 'scores_score: "Score"', 'scores_score: "Punkte"')
    edit_yaml("checker/results.yaml", 'scores_reasons: "Reasons"', 'scores_reasons: "Gruende"')
    folder = edit_yaml("checker/results.yaml", 'scores_triage: "Triage"', 'scores_triage: "Dringlichkeit"')
    content_env(folder)
    at = open_page("checker", {"mode": "clinician"})
    at.radio(key="checker.onset").set_value("sudden")
    at.button[1].click().run()  # the form's Assess button
    assert not at.exception
    frame = at.dataframe[0].value
    assert list(frame.columns) == ["Befund", "Punkte", "Dringlichkeit", "Gruende"]
    titles = {level.title for level in load_content(folder).checker.results.triage.values()}
    assert set(frame["Dringlichkeit"]) <= titles
