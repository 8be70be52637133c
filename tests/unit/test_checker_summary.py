"""Summaries, share links and the clinician helpers carry the right facts."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from kneecore import InputError
from kneecore.checker import assess, parse_answers
from kneecore.checker.clinical import describe_answers, ottawa_panel
from kneecore.checker.share import decode_answers, encode_answers
from kneecore.checker.summary import summary_markdown, summary_pdf, visit_pdf
from kneecore.sharing import encode

ANSWERS = {
    "age": 24,
    "sex": "female",
    "location": ["front_kneecap"],
    "onset": "gradual",
    "locking": False,
    "triggers": ["stairs_down", "prolonged_sitting"],
    "pain_level": 4,
    "duration_weeks": 8.0,
}
DAY = dt.date(2026, 3, 14)


def pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def test_markdown_summary_holds_answers_result_date_disclaimer_clinic(content) -> None:
    """The Markdown summary has triage, conditions, running advice, answers, date, disclaimer and clinic."""
    answers = parse_answers(ANSWERS)
    result = assess(content.checker, answers)
    text = summary_markdown(content.site, content.checker, answers, result, DAY)
    assert "2026-03-14" in text
    assert content.checker.results.triage[result.triage].title in text
    assert result.conditions[0].name in text
    assert result.keep_running.title in text
    assert "| Your age | 24 |" in text
    assert "Going down stairs" in text
    assert content.site.clinic.name in text
    assert content.site.clinic.phone in text
    assert "does not diagnose" in text or "not a diagnosis" in text
    assert all(line in text for line in result.safety_net)


def test_pdf_summary_text(content) -> None:
    """The PDF summary carries the same key facts and the clinic header."""
    answers = parse_answers(ANSWERS)
    result = assess(content.checker, answers)
    text = pdf_text(summary_pdf(content.site, content.checker, answers, result, DAY))
    assert content.site.clinic.name in text
    assert content.checker.results.triage[result.triage].title in text
    assert "Your age" in text
    assert "2026-03-14" in text


def test_visit_pdf_is_one_page_in_clinical_terms(content) -> None:
    """The clinician's visit summary fits one page and lists every condition with clinical names."""
    answers = parse_answers({**ANSWERS, "onset": "sudden", "mechanism": "twist_pivot", "age": 60})
    result = assess(content.checker, answers)
    data = visit_pdf(content.site, content.checker, answers, result, DAY)
    assert len(PdfReader(io.BytesIO(data)).pages) == 1
    text = pdf_text(data)
    assert "Ottawa Knee Rules" in text
    assert "ottawa_age" in text
    for cond in content.checker.conditions:
        assert cond.clinical_name.split(" (")[0][:20] in text


def test_empty_answers_summary(content) -> None:
    """With nothing answered the summary still renders, saying the list is empty."""
    answers = parse_answers({})
    result = assess(content.checker, answers)
    text = summary_markdown(content.site, content.checker, answers, result, DAY)
    assert content.checker.results.page["no_conditions"] in text
    assert summary_pdf(content.site, content.checker, answers, result, DAY).startswith(b"%PDF")


def test_share_round_trip() -> None:
    """A share link decodes to the same answers."""
    answers = parse_answers(ANSWERS)
    assert decode_answers(encode_answers(answers)) == answers


@pytest.mark.parametrize(
    "value",
    [
        "",
        "garbage",
        "1!!!",
        encode({"age": 400}),
        encode({"knee": "left"}),
        encode({"fever": 1}),
        encode_answers(parse_answers(ANSWERS))[:-6],
    ],
    ids=["empty", "not-a-link", "bad-alphabet", "out-of-range", "unknown-key", "wrong-type", "cut-short"],
)
def test_broken_or_tampered_share_link(value: str) -> None:
    """A damaged or tampered link raises InputError naming the parameter or the key."""
    with pytest.raises(InputError) as caught:
        decode_answers(value)
    assert caught.value.key in ("a", "age", "knee", "fever")


def test_describe_answers_plain_and_clinical(content) -> None:
    """Answers read back in plain words for runners and clinical terms for clinicians."""
    answers = parse_answers({"location": ["back", "inside"], "locking": True, "days_since_injury": 3.0})
    plain = dict(describe_answers(content.checker, answers))
    assert plain["Where does it hurt?"] == "Back of the knee; Inner side of the knee"
    assert plain["Does the knee get stuck so that it will not straighten fully?"] == "Yes"
    assert plain["How many days ago did it start?"] == "3"
    clinical = dict(describe_answers(content.checker, answers, clinical=True))
    assert "Posterior / popliteal fossa" in clinical["Site of pain"]
    assert clinical["True locking"] == "Yes"


@pytest.mark.parametrize(
    ("answers", "in_scope", "positive", "met"),
    [
        ({"onset": "sudden", "mechanism": "twist_pivot", "age": 60}, True, True, {"age 55": True}),
        ({"onset": "gradual", "age": 60}, False, False, {"age 55": True}),
        (
            {"onset": "sudden", "mechanism": "direct_blow", "cannot_flex_90": False},
            True,
            False,
            {"90": False},
        ),
        (
            {"onset": "sudden", "mechanism": "direct_blow", "fibular_head_tenderness": True},
            True,
            True,
            {"fibula": True, "patella": None},
        ),
        ({}, False, False, {"age 55": None}),
    ],
    ids=["older-injury", "gradual-out-of-scope", "negative", "fibula", "nothing"],
)
def test_ottawa_panel(content, answers, in_scope, positive, met) -> None:
    """The panel gives scope, each criterion (or unanswered), and whether an X-ray is indicated."""
    panel = ottawa_panel(content.checker, parse_answers(answers))
    assert panel.in_scope is in_scope
    assert panel.positive is positive
    assert len(panel.criteria) == 5
    for fragment, value in met.items():
        assert next(m for name, m in panel.criteria if fragment in name) is value


def test_summary_puts_a_red_flag_before_other_conditions(content) -> None:
    """With a red flag the summary shows the flag first, then 'other things your answers fit'."""
    answers = parse_answers({**ANSWERS, "fever": True, "swollen_now": True})
    result = assess(content.checker, answers)
    page = content.checker.results.page
    text = summary_markdown(content.site, content.checker, answers, result, DAY)
    flag_at = text.index(result.red_flags[0].message)
    heading_at = text.index(f"## {page['conditions_heading_flagged']}")
    assert flag_at < heading_at < text.index(result.conditions[0].name, heading_at)
    assert page["conditions_note_flagged"] in text
    assert f"## {page['conditions_heading']}" not in text
    pdf = pdf_text(summary_pdf(content.site, content.checker, answers, result, DAY))
    assert page["conditions_heading_flagged"] in pdf


def test_summary_without_red_flag_keeps_the_usual_heading(content) -> None:
    """Without a red flag the summary's list is 'what it most likely is'."""
    answers = parse_answers(ANSWERS)
    result = assess(content.checker, answers)
    text = summary_markdown(content.site, content.checker, answers, result, DAY)
    assert f"## {content.checker.results.page['conditions_heading']}" in text
    assert content.checker.results.page["conditions_heading_flagged"] not in text


def test_table_headers_come_from_the_content(content) -> None:
    """The answer and score tables' column headers are the texts in results.yaml, in every summary."""
    labels = {
        "answers_question": "Frage",
        "answers_answer": "Antwort",
        "scores_condition": "Befund",
        "scores_score": "Punkte",
        "scores_reasons": "Gruende",
    }
    results = content.checker.results
    checker = content.checker.model_copy(
        update={"results": results.model_copy(update={"page": {**results.page, **labels}})}
    )
    answers = parse_answers(ANSWERS)
    result = assess(checker, answers)
    markdown = summary_markdown(content.site, checker, answers, result, DAY)
    assert "| Frage | Antwort |" in markdown
    assert "| Question | Answer |" not in markdown
    summary = pdf_text(summary_pdf(content.site, checker, answers, result, DAY))
    assert "Frage" in summary
    assert "Antwort" in summary
    assert "Question" not in summary
    visit = pdf_text(visit_pdf(content.site, checker, answers, result, DAY))
    assert all(word in visit for word in ("Befund", "Punkte", "Gruende"))
