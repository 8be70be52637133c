"""Plan wording and the printable plan: week texts from the YAML, drill names, the PDF's contents."""

from __future__ import annotations

import datetime as dt
import io

import pypdf
import pytest

from kneecore.cadence import CadenceInput, plan_cadence
from kneecore.form import PlanWeek, summarise_form
from kneecore.form_report import describe_week, drill_name, form_pdf


def pdf_text(data: bytes) -> str:
    """All the text of a PDF."""
    return " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize(
    ("week", "has_cue", "has_keep", "has_check"),
    [
        (PlanWeek(1, "introduce", "cadence", ()), True, False, False),
        (PlanWeek(2, "extend", "cadence", ()), True, False, False),
        (PlanWeek(3, "introduce", "pelvic_drop", ("cadence",), check_first=True), True, True, True),
        (PlanWeek(4, "review", None, ("cadence", "pelvic_drop")), False, True, False),
    ],
)
def test_describe_week(content, week, has_cue, has_keep, has_check) -> None:
    """Each phase uses its own text from form.yaml, with the cue, the changes kept and a film-first note."""
    form = content.form
    heading, body = describe_week(form, week)
    assert heading.startswith(form.label("week").format(n=week.week))
    phase_text = {"introduce": form.plan.introduce, "extend": form.plan.extend, "review": form.plan.review}
    assert phase_text[week.phase] in body
    if week.item_id:
        assert form.item(week.item_id).title in heading
    assert (form.label("cue") in body) is has_cue
    assert (form.plan.keep in body) is has_keep
    assert (form.plan.check_first in body) is has_check


def test_drill_name_uses_exercise_names(content) -> None:
    """A drill shows its exercise's name when the exercise exists, else a readable id."""
    known = content.exercises.exercises[0]
    assert drill_name(content, known.id) == known.name
    assert drill_name(content, "no_such_drill") == "No such drill"


def test_pdf_holds_focus_plan_cadence_and_answers(content) -> None:
    """The PDF lists the top changes with cues, the weeks, the cadence targets and every answer."""
    summary = summarise_form(
        content.form, {"overstriding": "yes", "cadence": "yes", "footwear": "no"}, "pfps"
    )
    cadence = plan_cadence(CadenceInput(80, 30, 6.0))
    text = pdf_text(form_pdf(content, summary, cadence, made=dt.date(2025, 1, 2)))
    assert content.form.label("pdf_title") in text
    assert content.site.clinic.name in text
    for ranked in summary.focus:
        assert ranked.item.title in text
    assert content.form.label("week").format(n=4) in text
    for target in cadence.targets:
        assert f"{target.step_rate:.0f}" in text
    assert content.form.label("skipped") in text
    assert "2025-01-02" in text


def test_pdf_with_nothing_to_change(content) -> None:
    """With every answer no, the PDF says there is nothing to change and has no plan."""
    summary = summarise_form(content.form, {item.id: "no" for item in content.form.items})
    text = pdf_text(form_pdf(content, summary))
    assert content.form.plan.title not in text
    assert content.form.plan.nothing_to_change.split(".")[0] in text


def test_pdf_marks_drills_the_condition_leaves_out(content) -> None:
    """With a suspected stress fracture, hop drills are printed with the leave-out note; without, plainly."""
    from kneecore.avoid import avoided_ids

    answers = {"loud_landing": "yes"}
    item = content.form.item("loud_landing")
    avoided = avoided_ids(content, "stress_fracture")
    hops = [d for d in item.drills if d in avoided]
    assert hops  # the content pairs this item with hop drills
    note = content.form.label("drill_avoided").format(
        condition=content.checker.short_names()["stress_fracture"]
    )
    flagged = " ".join(
        pdf_text(form_pdf(content, summarise_form(content.form, answers, "stress_fracture"))).split()
    )
    plain = " ".join(pdf_text(form_pdf(content, summarise_form(content.form, answers, None))).split())
    assert f"{drill_name(content, hops[0])} ({note.split(';')[0]}" in flagged
    assert note.split(";")[0] not in plain
