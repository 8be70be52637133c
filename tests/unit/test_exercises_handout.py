"""The routine handout PDF: one page for a full routine, with names, doses and clinic details."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from kneecore.handout import build_handout, pain_text
from kneecore.routines import MAX_ROUTINE_ITEMS, Plan, add_item, change_dosage, dosage_text


def pdf_text(data: bytes) -> tuple[int, str]:
    """Page count and all text of a PDF."""
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages)


def test_full_routine_fits_one_page(content) -> None:
    """Eight exercises with the longest steps and tallest pictures still print on one page."""
    lib = content.exercises
    longest = sorted(lib.exercises, key=lambda e: -sum(len(s) for s in e.steps))[:MAX_ROUTINE_ITEMS]
    plan = Plan("Longest")
    for ex in longest:
        plan = add_item(plan, ex)
    pages, text = pdf_text(build_handout(content.site, lib, plan, made=dt.date(2026, 3, 1)))
    assert pages == 1
    for ex in longest:
        assert ex.name in text
    assert content.site.clinic.phone in text
    assert "2026-03-01" in text


def test_handout_shows_the_changed_dose(content) -> None:
    """The dose printed is the plan's, not the exercise's default."""
    lib = content.exercises
    plan = add_item(Plan("Mine"), lib.exercise("clamshell"))
    plan = change_dosage(plan, 0, sets=5, reps=20)
    _, text = pdf_text(build_handout(content.site, lib, plan))
    assert dosage_text(plan.items[0].dosage, lib.page.labels) in text.replace("\n", " ")
    assert "5 x 20 reps" in text


def test_handout_draws_the_pictures(content) -> None:
    """Each exercise's figure is drawn into the page (vector paths in the content stream)."""
    lib = content.exercises
    empty = build_handout(content.site, lib, Plan("Empty"))
    one = build_handout(content.site, lib, add_item(Plan("One"), lib.exercise("wall_sit")))
    assert len(one) > len(empty) + 500


def test_pain_text_fills_the_template(content) -> None:
    """The pain rule names the exercise's limits and adds its own note."""
    ex = content.exercises.exercise("spanish_squat_hold")
    text = pain_text(ex, content.exercises.page.pain_rule)
    assert f"**{ex.pain.during}/10**" in text
    assert text.endswith(ex.pain.note)
