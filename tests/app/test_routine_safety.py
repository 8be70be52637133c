"""AppTest of the routine's safety marks (H4): items a condition in context leaves out for now."""

from __future__ import annotations

import io

from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from kneecore.avoid import leave_out_for_now
from kneecore.routines import Plan, add_item, plan_to_link
from tests.app.pages import open_page, open_tab

CONDITION = "stress_fracture"
PLAN = ("clamshell", "pogo_hops", "glute_bridge")
"""A hand-built routine: the middle item is a hop, which a bone stress injury leaves out for now."""


def plan_code(content, ids: tuple[str, ...] = PLAN) -> str:
    """A share-link code holding ``ids`` at their own doses."""
    plan = Plan("Hand-built")
    for ident in ids:
        plan = add_item(plan, content.exercises.exercise(ident))
    return plan_to_link(plan)


def why(content, condition: str, exercise: str) -> str:
    """The reason ``condition`` gives for leaving ``exercise`` out for now."""
    return next(i.why for i in leave_out_for_now(content, [condition]) if exercise in i.exercises)


def flag_text(at: AppTest, exercise: str) -> str:
    """The text of the warnings beside ``exercise`` in the routine ('' when there are none)."""
    try:
        block = at.get_by_key(f"exercises.flag.{exercise}")
    except KeyError:
        return ""
    return " ".join(w.value for w in block.warning)


def summary_text(at: AppTest) -> str:
    """The routine's summary warning ('' when there is none)."""
    try:
        return " ".join(w.value for w in at.get_by_key("exercises.flag_summary").warning)
    except KeyError:
        return ""


def test_shared_plan_within_a_condition_marks_the_avoided_item(content) -> None:
    """?condition=stress_fracture&plan=<hops inside> warns beside the hop, with a summary above the list."""
    name = content.checker.short_names()[CONDITION]
    words = content.exercises.page.labels
    at = open_page("exercises", {"condition": CONDITION, "plan": plan_code(content)})
    assert at.session_state["exercises.plan"].ids == PLAN
    flag = flag_text(at, "pogo_hops")
    assert words["routine_flag"].format(condition=name, why=why(content, CONDITION, "pogo_hops")) == flag
    assert all(w.icon == "🚫" for w in at.get_by_key("exercises.flag.pogo_hops").warning)
    assert not flag_text(at, "clamshell")
    assert not flag_text(at, "glute_bridge")
    summary = words["routine_flag_summary"].format(conditions=name, n=1, total=len(PLAN))
    assert summary_text(at) == summary
    first, hop, last = (f"**{n}. {content.exercises.exercise(e).name}**" for n, e in enumerate(PLAN, 1))
    nodes = list(at.main)
    top = nodes.index(at.get_by_key("exercises.flag_summary"))
    mark = nodes.index(at.get_by_key("exercises.flag.pogo_hops"))
    place = [
        next(i for i, n in enumerate(nodes) if t in str(getattr(n, "value", ""))) for t in (first, hop, last)
    ]
    assert top < place[0] < place[1] < mark < place[2]


def test_no_condition_no_mark(content) -> None:
    """The same shared routine without a condition in context carries no mark and no summary."""
    at = open_page("exercises", {"plan": plan_code(content)})
    assert at.session_state["exercises.plan"].ids == PLAN
    assert not flag_text(at, "pogo_hops")
    assert not summary_text(at)
    assert not [w for w in at.warning if w.icon == "🚫"]


def test_condition_without_the_hop_on_its_list_marks_nothing(content) -> None:
    """A condition that does not leave the hop out (ITB syndrome) marks nothing."""
    at = open_page("exercises", {"condition": "itbs", "plan": plan_code(content)})
    assert not flag_text(at, "pogo_hops")
    assert not summary_text(at)


def test_two_conditions_each_mark_the_item(content) -> None:
    """With two conditions that both leave the hop out, the item names both and the summary both."""
    names = content.checker.short_names()
    at = open_page("exercises", {"plan": plan_code(content)})
    at.session_state["exercises.condition"] = ["acl_tear", CONDITION]
    at.run()
    flag = flag_text(at, "pogo_hops")
    assert names["acl_tear"] in flag
    assert names[CONDITION] in flag
    assert f"{names['acl_tear']}, {names[CONDITION]}" in summary_text(at)


def test_handout_pdf_holds_the_warning(content, deferred) -> None:
    """The PDF the routine tab offers prints the warning under the flagged item; without a condition, not."""
    words = content.exercises.page.labels
    name = content.checker.short_names()[CONDITION]
    mark = words["handout_flag"].format(condition=name).replace("**", "")
    at = open_page("exercises", {"condition": CONDITION, "plan": plan_code(content)})
    files = {file: build for build, file in deferred}
    reader = PdfReader(io.BytesIO(files["knee-routine.pdf"]()))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert text.count(mark) == 1
    assert " ".join(why(content, CONDITION, "pogo_hops").split()) in text
    assert text.index(content.exercises.exercise("pogo_hops").name) < text.index(mark)
    assert not at.exception
    deferred.clear()
    open_page("exercises", {"plan": plan_code(content)})
    files = {file: build for build, file in deferred}
    assert (
        "Leave out for now" not in PdfReader(io.BytesIO(files["knee-routine.pdf"]())).pages[0].extract_text()
    )


def test_adding_an_avoided_exercise_from_the_detail_view_warns_at_once(content) -> None:
    """Within the condition, adding a hop from its detail view is allowed and warns straight away."""
    name = content.checker.short_names()[CONDITION]
    added = content.exercises.page.labels["added_flagged"].format(condition=name)
    at = open_page("exercises", {"condition": CONDITION, "exercise": "pogo_hops"})
    assert added not in [w.value for w in at.warning]
    at.button(key="exercises.add_detail").click().run()
    assert at.session_state["exercises.plan"].ids == ("pogo_hops",)
    assert added in [w.value for w in at.warning]
    plain = open_page("exercises", {"exercise": "pogo_hops"})
    plain.button(key="exercises.add_detail").click().run()
    assert plain.session_state["exercises.plan"].ids == ("pogo_hops",)
    assert added not in [w.value for w in plain.warning]


def test_adding_from_a_card_under_the_filter_warns_and_marks_the_routine(content) -> None:
    """Filtering by ITB syndrome and a bone stress injury shows skater hops (tagged ITB); adding warns."""
    names = content.checker.short_names()
    words = content.exercises.page.labels
    at = open_page("exercises")
    at.multiselect(key="exercises.condition").set_value(["itbs", CONDITION]).run()
    at.text_input(key="exercises.q").set_value("skater").run()
    at.button(key="exercises.add.skater_hops").click().run()
    assert at.session_state["exercises.plan"].ids == ("skater_hops",)
    assert words["added_flagged"].format(condition=names[CONDITION]) in [w.value for w in at.warning]
    open_tab(at, words["tab_routine"].format(n=1))
    assert names[CONDITION] in flag_text(at, "skater_hops")
    assert names["itbs"] not in flag_text(at, "skater_hops")
    assert summary_text(at)
