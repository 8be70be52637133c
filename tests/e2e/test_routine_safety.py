"""The routine's safety marks (H4) in a real browser: a shared plan opened within a condition."""

from __future__ import annotations

from kneecore.avoid import leave_out_for_now
from kneecore.routines import Plan, add_item, plan_to_link
from tests.e2e.conftest import DESKTOP, PHONE, horizontal_overflow, open_page, screenshot

CONDITION = "stress_fracture"
PLAN = ("clamshell", "pogo_hops", "glute_bridge")


def test_shared_plan_within_a_condition_warns_beside_the_avoided_item(browser, server, content) -> None:
    """?condition=stress_fracture&plan=<hops inside> shows the summary, and the mark beside the hop."""
    plan = Plan("Hand-built")
    for ident in PLAN:
        plan = add_item(plan, content.exercises.exercise(ident))
    url = f"{server.url}/exercises?condition={CONDITION}&plan={plan_to_link(plan)}"
    name = content.checker.short_names()[CONDITION]
    why = next(i.why for i in leave_out_for_now(content, [CONDITION]) if "pogo_hops" in i.exercises)
    hop = content.exercises.exercise("pogo_hops").name
    for viewport, shot in ((PHONE, "routine-safety-phone"), (DESKTOP, "routine-safety-desktop")):
        page = open_page(browser, url, viewport)
        summary = page.locator(".st-key-exercises-flag_summary")
        mark = page.locator(".st-key-exercises-flag-pogo_hops")
        mark.wait_for(timeout=20_000)
        assert name in summary.inner_text()
        assert name in mark.inner_text()
        assert " ".join(why.split())[:60] in " ".join(mark.inner_text().split())
        assert page.locator("[class*=st-key-exercises-flag-]").count() == 1
        item = page.get_by_text(f"2. {hop}", exact=False).first
        assert summary.bounding_box()["y"] < item.bounding_box()["y"] < mark.bounding_box()["y"]
        assert horizontal_overflow(page) <= 1
        mark.scroll_into_view_if_needed()
        screenshot(page, shot)
        page.close()
