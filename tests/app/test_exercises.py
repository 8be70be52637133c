"""AppTest of the exercises page: browse, filters from the URL, search, detail, routine, exports."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from urllib.parse import parse_qs

import pytest
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from kneecore import sharing
from kneecore.exercises import DIFFICULTY, Filters, decode_filters, find_exercises
from kneecore.handout import build_handout
from kneecore.routines import dosage_text, plan_from_link, plan_to_link, start_plan, total_minutes
from pages.ui.exercises import PAGE_SIZE
from pages.ui.exercises_ladder import picked_id
from tests.app.pages import open_page, open_tab


def tab_label(at: AppTest, content, tab: str) -> str:
    """The label of the "tab_browse", "tab_routine" or "tab_table" tab (the routine's counts its items)."""
    words = content.exercises.page.labels
    return (
        words[tab].format(n=len(at.session_state["exercises.plan"].items))
        if tab == "tab_routine"
        else words[tab]
    )


def captions(at: AppTest) -> list[str]:
    return [c.value for c in at.caption]


def test_browse_shows_every_exercise_with_pictures(content) -> None:
    """With no filters, all exercises are counted, and the first page of cards has pictures."""
    at = open_page("exercises")
    total = len(content.exercises.exercises)
    assert f"{total} of {total} exercises" in captions(at)
    assert len(at.get("image")) == PAGE_SIZE
    assert at.button(key="exercises.more").label.startswith("Show more")


def test_filters_come_from_the_url_and_stay_there(content) -> None:
    """A link with filters opens the same view; the widgets and the URL both hold them."""
    at = open_page("exercises", {"condition": "itbs", "level": "1-3", "phase": "early,strength"})
    expected, _ = decode_filters({"condition": "itbs", "level": "1-3", "phase": "early,strength"}, ())
    n = len(find_exercises(content.exercises.exercises, expected))
    assert f"{n} of {len(content.exercises.exercises)} exercises" in captions(at)
    assert at.multiselect(key="exercises.condition").value == ["itbs"]
    assert at.slider(key="exercises.level").value == (1, 3)
    assert at.query_params["condition"] == "itbs"
    assert at.query_params["level"] == "1-3"
    assert any("Iliotibial band syndrome" in i.value for i in at.info)


def test_unknown_url_values_are_dropped_with_a_note() -> None:
    """A bad filter value is named in a warning and removed from the URL; good ones stay."""
    at = open_page("exercises", {"phase": "sideways", "condition": "pfps", "time": "lots"})
    warning = " ".join(w.value for w in at.warning)
    assert "phase: 'sideways' is not a known value" in warning
    assert "time: 'lots' is not a number of minutes" in warning
    assert "phase" not in at.query_params
    assert at.query_params["condition"] == "pfps"


def test_search_box_filters_and_updates_the_url(content) -> None:
    """Typing a search narrows the cards and puts the words in the URL."""
    at = open_page("exercises")
    at.text_input(key="exercises.q").input("bridge").run()
    n = len(find_exercises(content.exercises.exercises, Filters(query="bridge")))
    assert f"{n} of {len(content.exercises.exercises)} exercises" in captions(at)
    assert "**Glute bridge**" in " ".join(m.value for m in at.markdown)
    assert at.query_params["q"] == "bridge"


def test_cards_follow_the_ranking(content) -> None:
    """Cards appear in ranked order (row by row), so phones stack them best first."""
    at = open_page("exercises", {"q": "squat"})
    ranked = [e.name for e in find_exercises(content.exercises.exercises, Filters(query="squat"))][:PAGE_SIZE]
    names = [m.value.split("**")[1] for m in at.markdown if m.value.startswith("**") and "Level" in m.value]
    assert names == ranked


def test_each_card_shows_its_dose_in_small_print(content) -> None:
    """Each card's one text block holds the name, the badges and the dose in small print."""
    at = open_page("exercises", {"q": "squat"})
    found = find_exercises(content.exercises.exercises, Filters(query="squat"))[:PAGE_SIZE]
    words = dict(content.exercises.page.labels)
    cards = [m.value for m in at.markdown if m.value.startswith("**") and "Level" in m.value]
    assert len(cards) == len(found)
    for text, ex in zip(cards, found, strict=True):
        assert text.startswith(f"**{ex.name}**")
        assert text.endswith(f":small[{dosage_text(ex.dosage, words)}]")


def test_clear_filters_resets_everything() -> None:
    """The clear button empties every filter and the URL's filter keys."""
    at = open_page("exercises", {"condition": "pfps", "q": "wall"})
    at.button(key="exercises.clear").click().run()
    assert at.multiselect(key="exercises.condition").value == []
    assert at.text_input(key="exercises.q").value == ""
    assert "condition" not in at.query_params


def test_detail_view_from_a_link(content) -> None:
    """?exercise=<id> opens its steps, cues, dose, pain rule, ladder chart and sources."""
    at = open_page("exercises", {"exercise": "step_down"})
    ex = content.exercises.exercise("step_down")
    assert [h.value for h in at.header] == [ex.name]
    text = " ".join(m.value for m in at.markdown)
    assert ex.steps[0] in text
    assert ex.cues[0] in text
    assert "3/10" in at.info[0].value
    assert len(at.get("vega_lite_chart")) == 1
    assert any(e.label == "Sources" for e in at.expander)


def detail_links(at: AppTest) -> dict[str, dict[str, list[str]]]:
    """Each card's Details link: exercise id -> the link's query parameters."""
    links = {}
    for el in at.get("page_link"):
        query = parse_qs(el.proto.query_string)
        if el.proto.page == "exercises" and "exercise" in query:
            links[query["exercise"][0]] = query
    return links


def test_details_link_and_back(content) -> None:
    """A card's Details link opens the detail view with the filters kept; Back returns to the same list."""
    at = open_page("exercises", {"condition": "acl_tear", "level": "1-4"})
    found = find_exercises(content.exercises.exercises, Filters(conditions=("acl_tear",), difficulty=(1, 4)))
    links = detail_links(at)
    assert list(links) == [ex.id for ex in found[:PAGE_SIZE]]
    first = found[0]
    query = links[first.id]
    assert query == {"condition": ["acl_tear"], "level": ["1-4"], "exercise": [first.id]}
    assert not [b for b in at.button if b.key.startswith("exercises.open.")]  # a link, not a widget
    at.query_params["exercise"] = first.id  # what following the link does
    at.run()
    assert [h.value for h in at.header] == [first.name]
    assert at.query_params["exercise"] == first.id
    at.button(key="exercises.back").click().run()
    assert at.header == [] or first.name not in [h.value for h in at.header]
    assert "exercise" not in at.query_params
    assert at.multiselect(key="exercises.condition").value == ["acl_tear"]
    assert at.slider(key="exercises.level").value == (1, 4)
    assert at.query_params["condition"] == "acl_tear"


def test_unknown_exercise_link_falls_back_to_the_list() -> None:
    """An unknown ?exercise= id shows a note and the full list."""
    at = open_page("exercises", {"exercise": "moonwalk"})
    assert "There is no exercise called 'moonwalk'" in at.warning[0].value
    assert any("of" in c and "exercises" in c for c in captions(at))


def test_routine_from_link_edit_and_minutes(content) -> None:
    """?routine= loads a starter; changing sets, moving and removing update the plan and total."""
    lib = content.exercises
    at = open_page("exercises", {"routine": "hips_first"})
    plan = at.session_state["exercises.plan"]
    assert plan.ids == start_plan(lib, "hips_first").ids
    assert at.tabs[1].label == f"🗂️ My routine ({len(plan.ids)})"
    assert lib.routine("hips_first").why in " ".join(m.value for m in at.markdown)
    assert any("Hips first" in s.value for s in at.success)
    first = plan.ids[0]
    at.number_input(key=f"exercises.sets.{first}").set_value(5).run()
    plan = at.session_state["exercises.plan"]
    assert plan.items[0].dosage.sets == 5
    assert f"⏱️ Total: about {total_minutes(plan, lib)} minutes" in [s.value for s in at.subheader]
    at.button(key=f"exercises.down.{first}").click().run()
    assert at.session_state["exercises.plan"].ids[1] == first
    at.button(key=f"exercises.remove.{first}").click().run()
    assert first not in at.session_state["exercises.plan"].ids


def test_add_from_card_and_starter_select(content) -> None:
    """Add to routine from a card, then replace the plan with a chosen starter routine."""
    at = open_page("exercises")
    ex = content.exercises.exercises[0]
    at.button(key=f"exercises.add.{ex.id}").click().run()
    assert at.session_state["exercises.plan"].ids == (ex.id,)
    assert at.button(key=f"exercises.add.{ex.id}").disabled
    open_tab(at, tab_label(at, content, "tab_routine"))
    at.selectbox(key="exercises.starter").set_value("foam_roller").run()
    at.button(key="exercises.load").click().run()
    assert at.session_state["exercises.plan"].source == "foam_roller"


def test_condition_from_the_checker_preloads_its_routine(content) -> None:
    """Coming from the checker with ?condition=pfps filters the list and starts routine_pfps."""
    at = open_page("exercises", {"condition": "pfps"})
    assert at.session_state["exercises.plan"].ids == start_plan(content.exercises, "routine_pfps").ids


def _leave_out_box(at: AppTest, content, condition: str) -> str:
    """The text of the "leave these out for now" warning for ``condition`` ('' when there is none)."""
    name = content.checker.short_names()[condition]
    title = content.exercises.label("leave_out").format(condition=name)
    return next((w.value for w in at.warning if title in w.value), "")


@pytest.mark.parametrize("condition", ["pfps", "patellar_tendinopathy", "stress_fracture", "acl_tear"])
def test_condition_from_the_checker_lists_what_to_leave_out(content, condition: str) -> None:
    """?condition= shows what it avoids for now, with why; none of that is a card or in its routine."""
    from kneecore.avoid import leave_out_for_now

    at = open_page("exercises", {"condition": condition})
    box = _leave_out_box(at, content, condition)
    items = leave_out_for_now(content, [condition])
    assert items
    avoided = {e for item in items for e in item.exercises}
    for item in items:
        assert item.why in box
        assert all(name in box for name in item.names)
    cards = set(detail_links(at))
    assert cards
    assert not cards & avoided
    if condition == "stress_fracture":  # rest and clearance first: no starter routine is loaded
        assert "exercises.plan" not in at.session_state
    else:
        assert not set(at.session_state["exercises.plan"].ids) & avoided


def test_choosing_a_condition_in_the_filter_shows_its_leave_out_list(content) -> None:
    """Picking a condition in the filter shows its list; a condition that avoids nothing shows none."""
    at = open_page("exercises")
    assert not _leave_out_box(at, content, "meniscus_tear")
    at.multiselect(key="exercises.condition").set_value(["itbs", "meniscus_tear"]).run()
    assert "Bulgarian split squat" in _leave_out_box(at, content, "meniscus_tear")
    assert not _leave_out_box(at, content, "itbs")


def test_detail_of_an_avoided_exercise_warns_within_that_condition(content) -> None:
    """Opening an exercise the chosen condition avoids (say, up the ladder) warns with the reason."""
    from kneecore.avoid import leave_out_for_now

    why = next(i.why for i in leave_out_for_now(content, ["pfps"]) if "decline_squat" in i.exercises)
    at = open_page("exercises", {"condition": "pfps", "exercise": "decline_squat"})
    assert any(why in w.value for w in at.warning)
    at = open_page("exercises", {"exercise": "decline_squat"})
    assert not any(why in w.value for w in at.warning)


def test_export_pdf_and_share_link(content) -> None:
    """The handout holds the chosen exercises on one page; the share link reopens the same plan."""
    lib = content.exercises
    at = open_page("exercises", {"routine": "routine_knee_oa"})
    assert at.get("download_button")
    plan = at.session_state["exercises.plan"]
    reader = PdfReader(io.BytesIO(build_handout(content.site, lib, plan)))
    text = reader.pages[0].extract_text()
    assert len(reader.pages) == 1
    for ident in plan.ids:
        assert lib.exercise(ident).name in text
    assert content.site.clinic.name in text
    at.button(key="exercises.share").click().run()
    link = at.code[0].value
    assert "?plan=" in link
    assert any("holds the exercises" in c for c in captions(at))
    shared, notes = plan_from_link(link.split("?plan=")[1], lib)
    assert (shared.ids, notes) == (plan.ids, [])
    again = open_page("exercises", {"plan": link.split("?plan=")[1]})
    assert again.session_state["exercises.plan"].ids == plan.ids


def test_damaged_share_link_is_named() -> None:
    """A cut-short ?plan= link or an unknown ?routine= gives a note naming it, not an error."""
    at = open_page("exercises", {"plan": "1abc"})
    assert "plan: expected a share link made by this app" in at.warning[0].value
    assert "exercises.plan" not in at.session_state
    other = open_page("exercises", {"routine": "routine_gout"})
    assert "There is no starter routine called 'routine_gout'" in other.warning[0].value


def test_clinician_table_lists_the_results(content) -> None:
    """The table tab lists the filtered exercises and offers a CSV."""
    at = open_page("exercises", {"phase": "return"})
    open_tab(at, tab_label(at, content, "tab_table"))
    frame = at.dataframe[0].value
    expected = find_exercises(content.exercises.exercises, Filters(phases=("return",)))
    assert list(frame["id"]) == [e.id for e in expected]
    assert len(at.get("download_button")) >= 1


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (None, None),
        ({}, None),
        ({"selection": {}}, None),
        ({"selection": {"pick": []}}, None),
        ({"selection": {"pick": [{"id": "wall_sit"}]}}, "wall_sit"),
        ({"selection": {"pick": [{"id": 3}]}}, None),
    ],
)
def test_chart_click_maps_to_an_exercise(event: object, expected: str | None) -> None:
    """A ladder-chart click event gives the clicked exercise id, anything else None."""
    assert picked_id(event) == expected


def test_leaving_and_coming_back_keeps_the_level_range() -> None:
    """After visiting another page, the difficulty filter is still a range and the page runs."""
    at = open_page("exercises")
    at.switch_page("pages/home.py")
    at.run()
    at.switch_page("pages/exercises.py")
    at.run()
    assert not at.exception
    assert at.slider(key="exercises.level").value == (1, 5)


@pytest.fixture
def fixed_today() -> Iterator[dt.date]:
    """Fix the app's today (kneecore.sharing.today) for one test."""
    sharing.set_clock(lambda: dt.date(2026, 11, 26))
    yield dt.date(2026, 11, 26)
    sharing.set_clock(None)


@pytest.mark.parametrize("days_old", [0, 30, None], ids=["today", "old", "undated"])
def test_shared_routine_notes_its_date(content, fixed_today: dt.date, days_old: int | None) -> None:
    """A shared routine opens unchanged, its loaded note saying when the link was made (no re-check)."""
    lib, texts = content.exercises, content.site.sharing
    plan = start_plan(lib, "hips_first")
    value = plan_to_link(plan, fixed_today - dt.timedelta(days=days_old or 0))
    if days_old is None:
        value = "1" + value[9:]
    at = open_page("exercises", {"plan": value})
    assert at.session_state["exercises.plan"].ids == plan.ids
    [loaded] = [s.value for s in at.success if plan.title in s.value]
    if days_old is None:
        assert loaded.endswith(texts.undated)
    else:
        made = fixed_today - dt.timedelta(days=days_old)
        when = texts.age_today if days_old == 0 else texts.age_days.format(days=days_old)
        assert loaded.endswith(texts.made.format(made=made.isoformat(), age=when))
    assert texts.stale.format(limit=texts.stale_after_days) not in loaded
    assert not [w for w in at.warning if "⏳" in str(w.icon)]


def test_hand_edited_routine_link_date_is_refused(content, fixed_today: dt.date) -> None:
    """A ?plan= link dated with a day that does not exist is refused with a note naming ``plan``."""
    value = plan_to_link(start_plan(content.exercises, "hips_first"))
    at = open_page("exercises", {"plan": "2" + "20260229" + value[9:]})
    assert "plan: expected a share link dated with a real day" in at.warning[0].value
    assert "exercises.plan" not in at.session_state


def test_only_the_open_tab_is_drawn_and_it_stays_open(content) -> None:
    """Closed tabs draw nothing; filters survive a tab switch; removing from the routine keeps it open."""
    lib = content.exercises
    at = open_page("exercises", {"routine": "hips_first"})  # a routine link opens on the routine
    plan = at.session_state["exercises.plan"]
    assert at.button(key=f"exercises.remove.{plan.ids[0]}")
    assert not at.dataframe
    assert not any(b.key.startswith("exercises.add.") for b in at.button)
    at.button(key=f"exercises.remove.{plan.ids[0]}").click().run()
    assert len(at.session_state["exercises.plan"].items) == len(plan.items) - 1
    assert at.button(key=f"exercises.remove.{plan.ids[1]}")  # still on the routine, under its new label
    open_tab(at, tab_label(at, content, "tab_browse"))
    at.text_input(key="exercises.q").input("bridge").run()
    open_tab(at, tab_label(at, content, "tab_table"))
    expected = find_exercises(lib.exercises, Filters(query="bridge"))
    assert list(at.dataframe[0].value["id"]) == [e.id for e in expected]
    open_tab(at, tab_label(at, content, "tab_browse"))
    assert at.text_input(key="exercises.q").value == "bridge"


def test_filter_limits_follow_kneecore(monkeypatch) -> None:
    """The level slider and the time box take their limits from kneecore, not from numbers of their own."""
    import pages.ui.exercises as ui

    monkeypatch.setattr(ui, "TIME_LIMITS", (1, 90))
    at = open_page("exercises")
    slider = at.slider(key="exercises.level")
    assert (slider.min, slider.max) == DIFFICULTY
    assert at.number_input(key="exercises.time").max == 90
