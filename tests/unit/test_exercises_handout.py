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


def test_handout_warns_under_each_flagged_item(content) -> None:
    """Each flagged item prints its warning, the reason is printed once; without flags neither is."""
    from kneecore.avoid import flag_plan

    lib = content.exercises
    words = lib.page.labels
    plan = Plan("Mine")
    for ident in ("clamshell", "pogo_hops", "a_skip"):
        plan = add_item(plan, lib.exercise(ident))
    flags = flag_plan(content, plan, ["stress_fracture"])
    assert [f.exercise for f in flags] == ["pogo_hops", "a_skip"]
    pages, text = pdf_text(build_handout(content.site, lib, plan, flags=flags))
    flat = " ".join(text.split())
    mark = words["handout_flag"].format(condition=flags[0].name).replace("**", "")
    reason = words["handout_flag_reason"].format(condition=flags[0].name, why=" ".join(flags[0].why.split()))
    assert pages == 1
    assert flat.count(mark) == 2
    assert flat.count(reason.replace("**", "")) == 1
    assert (
        flat.index(lib.exercise("pogo_hops").name)
        < flat.index(mark)
        < flat.index(lib.exercise("a_skip").name)
    )
    _, plain = pdf_text(build_handout(content.site, lib, plan))
    assert "Leave out for now" not in plain


def _flagged_plan(content, conditions: list[str]):
    """A full plan of the avoided exercises with the longest steps, and its flags."""
    from kneecore.avoid import avoided_ids, flag_plan

    lib = content.exercises
    avoided = {ident for condition in conditions for ident in avoided_ids(content, condition)}
    plan = Plan("Flagged")
    for ident in sorted(avoided, key=lambda e: -sum(len(s) for s in lib.exercise(e).steps))[
        :MAX_ROUTINE_ITEMS
    ]:
        plan = add_item(plan, lib.exercise(ident))
    return plan, flag_plan(content, plan, conditions)


def test_one_condition_with_every_item_flagged_fits_one_page(content) -> None:
    """A full routine whose every item one condition leaves out for now still prints on one page."""
    for condition in ("stress_fracture", "quadriceps_tendinopathy"):
        plan, flags = _flagged_plan(content, [condition])
        assert {f.index for f in flags} == set(range(len(plan.items)))
        pages, _ = pdf_text(build_handout(content.site, content.exercises, plan, flags=flags))
        assert pages == 1


def test_rows_never_split_across_pages(content) -> None:
    """With many conditions' reasons on top, a row that does not fit starts the next page, whole."""
    conditions = ["stress_fracture", "pfps", "posterior_tendinopathy", "fat_pad_impingement", "meniscus_tear"]
    plan, flags = _flagged_plan(content, conditions)
    reader = PdfReader(io.BytesIO(build_handout(content.site, content.exercises, plan, flags=flags)))
    texts = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert len(texts) == 2
    lines = [dosage_text(item.dosage, content.exercises.page.labels) for item in plan.items]
    for ident, dose in zip(plan.ids, lines, strict=True):
        name = content.exercises.exercise(ident).name
        (page,) = [t for t in texts if name in t]
        assert dose in page[page.index(name) :]
