"""AppTest of the checker page: red-flag screen, steps, result, downloads, share links, clinician mode."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator

import pytest
from streamlit.testing.v1 import AppTest

from kneecore import sharing
from kneecore.checker import parse_answers
from kneecore.checker.share import encode_answers
from tests.app.pages import open_page

STEPS = 5


def checker(params: dict[str, str] | None = None) -> AppTest:
    """The checker page through the router, with optional query parameters."""
    return open_page("checker", params)


def go(at: AppTest, key: str) -> None:
    at.button(key=key).click().run()
    assert not at.exception


def test_red_flag_screen_warns_at_once_and_lets_the_user_go_on(content) -> None:
    """A yes on the screen shows what to do and why straight away; Continue still leads on."""
    at = checker()
    assert at.session_state["checker.step"] == 0
    assert [r.key for r in at.radio] == [f"checker.{k}" for k in content.checker.questions.screen.questions]
    assert not at.error
    at.radio(key="checker.deformity").set_value("yes").run()
    flag = next(f for f in content.checker.red_flags if f.id == "deformity")
    assert any(flag.message.strip() in e.value for e in at.error)
    go(at, "checker.continue")
    assert at.session_state["checker.step"] == 1
    assert at.multiselect(key="checker.location") is not None


def test_screen_catches_a_possible_septic_knee_at_once(content) -> None:
    """Fever with a swollen knee, both on the first screen, shows the emergency message there."""
    at = checker()
    at.radio(key="checker.fever").set_value("yes").run()
    at.radio(key="checker.swollen_now").set_value("yes").run()
    septic = next(f for f in content.checker.red_flags if f.id == "septic_joint")
    assert septic.triage == "emergency"
    assert any(septic.message.strip() in e.value for e in at.error)


def test_steps_show_progress_and_back_keeps_every_answer() -> None:
    """Each step shows its progress; answers survive Next and Back."""
    at = checker()
    go(at, "checker.continue")
    assert "Step 2 of 6" in at.get("progress")[0].proto.text
    at.multiselect(key="checker.location").set_value(["outside"]).run()
    at.radio(key="checker.joint_line_tenderness").set_value("none").run()
    go(at, "checker.next")
    at.radio(key="checker.onset").set_value("gradual").run()
    at.number_input(key="checker.duration_weeks").set_value(3.0).run()
    go(at, "checker.next")
    at.multiselect(key="checker.triggers").set_value(["after_set_distance", "downhill"]).run()
    go(at, "checker.back")
    go(at, "checker.back")
    assert at.multiselect(key="checker.location").value == ["outside"]
    assert at.radio(key="checker.joint_line_tenderness").value == "none"
    go(at, "checker.next")
    assert at.radio(key="checker.onset").value == "gradual"
    assert at.number_input(key="checker.duration_weeks").value == 3.0
    go(at, "checker.next")
    assert at.multiselect(key="checker.triggers").value == ["after_set_distance", "downhill"]


def finish(at: AppTest) -> None:
    while at.session_state["checker.step"] <= STEPS:
        go(at, "checker.next" if at.session_state["checker.step"] else "checker.continue")


def test_journey_to_result_with_links_and_downloads(content) -> None:
    """A classic ITB picture ends in a self-care banner first, the condition, running advice and downloads."""
    at = checker()
    go(at, "checker.continue")
    at.multiselect(key="checker.location").set_value(["outside"]).run()
    go(at, "checker.next")
    at.radio(key="checker.onset").set_value("gradual").run()
    at.radio(key="checker.recent_training_increase").set_value("yes").run()
    go(at, "checker.next")
    at.multiselect(key="checker.triggers").set_value(["after_set_distance", "downhill"]).run()
    finish(at)
    page = content.checker.results.page
    assert at.header[0].value == page["results_heading"]
    assert content.checker.results.triage["self_care"].title in at.success[0].value
    itbs = content.checker.condition("itbs")
    conditions = [e.label for e in at.expander if e.label != "Sources"]
    assert conditions[0].startswith(itbs.name)
    assert any(s.value.endswith(page["running_heading"]) for s in at.subheader)
    links = [str(el.proto) for el in at.get("page_link")]
    assert any("condition=itbs" in link and "exercises" in link for link in links)
    assert any("condition=itbs" in link and "ramp" in link for link in links)
    assert any(line in m.value for m in at.markdown for line in content.checker.results.safety_net)
    assert len(at.get("download_button")) == 2


def test_nothing_answered_gives_a_weak_result(content) -> None:
    """Skipping everything still reaches a result, with no likely cause listed."""
    at = checker()
    finish(at)
    assert content.checker.results.page["no_conditions"] in [i.value for i in at.info]
    assert at.success or at.info


def test_share_link_reopens_the_result(content) -> None:
    """A share link fills the answers and opens the result with the same red flag."""
    value = encode_answers(parse_answers({"locking": True, "location": ["inside"], "onset": "sudden"}))
    at = checker({"a": value})
    assert at.session_state["checker.step"] == STEPS + 1
    assert at.header[0].value == content.checker.results.page["results_heading"]
    assert content.checker.results.triage["urgent"].title in at.warning[0].value
    for _ in range(STEPS - 1):
        go(at, "checker.back")
    assert at.session_state["checker.step"] == 2
    assert at.radio(key="checker.onset").value == "sudden"


def test_bad_share_link_shows_a_message_and_an_empty_checker(content) -> None:
    """A tampered link gives a plain message, no traceback, and the checker starts empty."""
    at = checker({"a": "1this-is-not-a-link"})
    assert "could not be opened" in at.warning[0].value
    assert at.session_state["checker.step"] == 0
    assert all(r.value is None for r in at.radio)


def test_bad_share_link_keeps_the_answers_already_given(content) -> None:
    """A damaged link opened in a session with answers shows the message and loses none of them."""
    at = checker()
    go(at, "checker.continue")
    at.multiselect(key="checker.location").set_value(["outside"]).run()
    go(at, "checker.next")
    at.radio(key="checker.onset").set_value("gradual").run()
    at.query_params["a"] = "1this-is-not-a-link"
    at.run()
    assert not at.exception
    assert "could not be opened" in at.warning[0].value
    assert at.session_state["checker.step"] == 2
    assert at.radio(key="checker.onset").value == "gradual"
    go(at, "checker.back")
    assert at.multiselect(key="checker.location").value == ["outside"]


def test_clinician_mode_lists_everything_and_next_patient_clears(content) -> None:
    """Clinician mode asks every question on one screen, shows Ottawa and all scores; Next patient clears."""
    at = checker({"mode": "clinician"})
    assert at.toggle(key="checker.clinician").value is True
    widgets = [*at.radio, *at.multiselect, *at.number_input]
    assert len(widgets) == 40
    at.radio(key="checker.onset").set_value("sudden")
    at.radio(key="checker.mechanism").set_value("twist_pivot")
    at.number_input(key="checker.age").set_value(60)
    at.button[1].click().run()  # the form's Assess button
    assert not at.exception
    page = content.checker.results.page
    assert any(page["ottawa_positive"] in m.value for m in at.markdown)
    assert "ottawa_age" in at.warning[0].value
    assert len(at.dataframe[0].value) == 16
    assert at.get("download_button")
    go(at, "checker.next_patient")
    assert at.number_input(key="checker.age").value is None
    assert at.radio(key="checker.onset").value is None
    assert at.toggle(key="checker.clinician").value is True


def test_make_share_link_holds_the_answers() -> None:
    """The share button shows a link whose value decodes to the answers on screen, with a privacy note."""
    from kneecore.checker.share import decode_answers

    answers = parse_answers({"location": ["back"], "swelling_behind_knee": True, "age": 50})
    at = checker({"a": encode_answers(answers)})
    at.button(key="checker.share_button").click().run()
    link = at.code[0].value
    assert "?a=" in link
    assert decode_answers(link.split("?a=", 1)[1]) == answers
    assert any("holds your answers" in c.value for c in at.caption)


def test_red_flag_result_puts_the_warning_before_other_conditions(content) -> None:
    """A septic picture shows the emergency banner and the flag above 'other things your answers fit'."""
    answers = {
        "fever": True,
        "hot_red_knee": True,
        "location": ["inside_below"],
        "triggers": ["stairs_up", "prolonged_sitting"],
        "age": 56,
        "sex": "female",
    }
    at = checker({"a": encode_answers(parse_answers(answers))})
    page = content.checker.results.page
    septic = next(f for f in content.checker.red_flags if f.id == "septic_joint")
    texts = [str(getattr(node, "value", "") or getattr(node, "label", "") or "") for node in at.main]

    def first(predicate: Callable[[str], bool]) -> int:
        return next(i for i, text in enumerate(texts) if predicate(text))

    banner = first(lambda t: content.checker.results.triage["emergency"].title in t)
    flag = first(lambda t: septic.message.strip() in t)
    heading = first(lambda t: t == page["conditions_heading_flagged"])
    note = first(lambda t: t == page["conditions_note_flagged"])
    condition = first(lambda t: t.startswith(content.checker.condition("pes_anserine").name))
    assert banner < flag < heading < note < condition
    assert page["conditions_heading"] not in texts
    assert not any(e.proto.expanded for e in at.expander if e.label != "Sources")


def test_result_without_red_flag_keeps_the_usual_heading(content) -> None:
    """Without a warning sign the list is 'what it most likely is', with the first condition open."""
    answers = {"location": ["outside"], "onset": "gradual", "triggers": ["after_set_distance", "downhill"]}
    at = checker({"a": encode_answers(parse_answers(answers))})
    page = content.checker.results.page
    headings = [s.value for s in at.subheader]
    assert page["conditions_heading"] in headings
    assert page["conditions_heading_flagged"] not in headings
    first = next(e for e in at.expander if e.label != "Sources")
    assert first.proto.expanded


def map_spots(at: AppTest) -> dict[str, bool]:
    """The knee map's spots and whether each is lit, read from the chart's Vega-Lite spec."""
    chart = next(n for n in at.main if n.type == "vega_lite_chart")
    layers = json.loads(chart.proto.spec)["layer"]
    rows = [row for layer in layers for row in layer.get("data", {}).get("values", []) if "region" in row]
    assert rows
    return {row["region"]: row["chosen"] for row in rows}


def test_locations_picked_from_the_list_light_up_the_map(content) -> None:
    """Choosing spots in the list lights the same spots on the map, and clearing the list turns them off."""
    at = checker()
    go(at, "checker.continue")
    assert not any(map_spots(at).values())
    at.multiselect(key="checker.location").set_value(["outside", "back"]).run()
    spots = map_spots(at)
    where = {r.id: r.location for r in content.checker.questions.knee_map.regions}
    assert {r for r, on in spots.items() if on} == {
        r for r, loc in where.items() if loc in ("outside", "back")
    }
    at.multiselect(key="checker.location").set_value([]).run()
    assert not any(map_spots(at).values())


TODAY = dt.date(2026, 11, 26)
LINK_ANSWERS = {"location": ["outside"], "onset": "gradual", "triggers": ["after_set_distance", "downhill"]}


@pytest.fixture
def fixed_today() -> Iterator[dt.date]:
    """Fix the app's today (kneecore.sharing.today) for one test."""
    sharing.set_clock(lambda: TODAY)
    yield TODAY
    sharing.set_clock(None)


def age_warnings(at: AppTest) -> list[str]:
    """The link-age warnings on the page (they carry the hourglass icon)."""
    return [w.value for w in at.warning if "⏳" in str(w.icon)]


def test_old_link_asks_to_recheck(content, fixed_today: dt.date) -> None:
    """An old link still opens its result, above which a note gives its date and asks to re-check first."""
    texts = content.site.sharing
    made = fixed_today - dt.timedelta(days=texts.stale_after_days + 6)
    at = checker({"a": encode_answers(parse_answers(LINK_ANSWERS), made)})
    assert at.session_state["checker.step"] == STEPS + 1
    assert at.header[0].value == content.checker.results.page["results_heading"]
    [note] = age_warnings(at)
    assert made.isoformat() in note
    assert texts.age_days.format(days=texts.stale_after_days + 6) in note
    assert texts.stale.format(limit=texts.stale_after_days) in note
    assert note.endswith(texts.recheck_result)
    go(at, "checker.back")
    go(at, "checker.next")
    assert len(age_warnings(at)) == 1, "unchanged answers keep the note"
    for _ in range(STEPS - 1):
        go(at, "checker.back")
    at.radio(key="checker.onset").set_value("sudden").run()
    finish(at)
    assert age_warnings(at) == [], "once an answer changes, the answers are the reader's own"


@pytest.mark.parametrize(
    ("days_old", "warned"),
    [(0, False), (14, False), (15, True), (-1, True)],
    ids=["today", "limit", "limit+1", "future"],
)
def test_link_date_note_by_age(content, fixed_today: dt.date, days_old: int, warned: bool) -> None:
    """A fresh link's date is a quiet caption; an old or future-dated link warns and asks to re-check."""
    texts = content.site.sharing
    assert texts.stale_after_days == 14
    made = fixed_today - dt.timedelta(days=days_old)
    at = checker({"a": encode_answers(parse_answers(LINK_ANSWERS), made)})
    assert at.session_state["checker.step"] == STEPS + 1
    assert bool(age_warnings(at)) == warned
    if warned:
        assert texts.recheck_result in age_warnings(at)[0]
    else:
        assert any(made.isoformat() in c.value for c in at.caption)


def test_undated_old_version_link_still_opens_and_asks_to_recheck(content, fixed_today: dt.date) -> None:
    """A link from before links were dated reproduces its answers, with a note that its date is unknown."""
    value = encode_answers(parse_answers(LINK_ANSWERS))
    at = checker({"a": "1" + value[9:]})
    assert at.session_state["checker.step"] == STEPS + 1
    assert at.session_state["checker.triggers"] == LINK_ANSWERS["triggers"]
    [note] = age_warnings(at)
    assert note.startswith(content.site.sharing.undated)


def test_hand_edited_link_date_is_refused(content, fixed_today: dt.date) -> None:
    """A link whose date is not a real day is refused, naming ``a``, and the checker starts empty."""
    value = encode_answers(parse_answers(LINK_ANSWERS))
    at = checker({"a": "2" + "20261131" + value[9:]})
    warning = at.warning[0].value
    assert "could not be opened" in warning
    assert "a: expected a share link dated with a real day" in warning
    assert at.session_state["checker.step"] == 0
    assert age_warnings(at) == []


def test_old_link_in_clinician_mode_asks_to_recheck(content, fixed_today: dt.date) -> None:
    """Clinician mode opened from an old link shows the same dated note."""
    made = fixed_today - dt.timedelta(days=40)
    at = checker({"mode": "clinician", "a": encode_answers(parse_answers(LINK_ANSWERS), made)})
    assert at.toggle(key="checker.clinician").value is True
    [note] = age_warnings(at)
    assert made.isoformat() in note
