"""axe-core on every page at phone and desktop widths: no violations at all, of any impact.

axe-core is pinned in ``tests/e2e/axe/package.json`` (with its lock file) and installed by
``tests/run.sh`` (``npm ci``). Every page is checked with its expanders open, so that their
content is checked too. Each run's full result (all impacts) is written to
``tests/e2e/artifacts/axe-<page>-<width>.json`` for review.

Issue 9 asks for no serious or critical violation; the pages meet more than that, so every
impact blocks (minor and moderate too, e.g. ``heading-order``: a page's sections are ``h2``
under its ``h1`` title), except Streamlit's own navigation markup (``UPSTREAM_RULES``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pages.ui.routing import PAGE_FILES
from tests.e2e.conftest import DESKTOP, PHONE, ROOT, open_page, wait_for_app

AXE = ROOT / "tests" / "e2e" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "tests" / "e2e" / "artifacts"
PATHS = {slug: ("" if slug == "home" else name.removesuffix(".py")) for slug, name in PAGE_FILES.items()}
BLOCKING = ("minor", "moderate", "serious", "critical")
RUN_AXE = """async () => {
  const r = await axe.run(document, {
    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},
    resultTypes: ['violations'],
  });
  const inNav = sel => { try { const e = document.querySelector(sel);
    return !!(e && e.closest('[data-testid=stSidebarNavItems]')); } catch (err) { return false; } };
  return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 160),
                              message: ((n.any[0] || n.all[0] || n.none[0] || {}).message || ''),
                              in_sidebar_nav: inNav(n.target[0])}))}));
}"""
UPSTREAM_RULES = ("list", "listitem")
"""Streamlit 1.67's own sidebar navigation with sections puts a section's ``<li>`` items in a
``<div>`` directly inside ``<ul data-testid=stSidebarNavItems>``; the app cannot change that
markup (it is not ours). Only these two rules, and only when every node lies inside that
list, are set aside: they are still written to the artifact and listed in the report."""


def run_axe(page) -> list[dict]:
    """Inject the pinned axe-core and return its violations."""
    assert AXE.is_file(), "axe-core missing: tests/run.sh installs it (npm ci --prefix tests/e2e/axe)"
    # settle transitions first: a colour caught mid-fade would be a false contrast failure
    page.add_style_tag(
        content="*, *::before, *::after { transition: none !important; animation: none !important; }"
    )
    page.wait_for_timeout(300)
    page.add_script_tag(path=str(AXE))
    return list(page.evaluate(RUN_AXE))


def summary(violations: list[dict]) -> str:
    """One line per violation: impact, rule, where."""
    return "\n".join(
        f"{v['impact']}: {v['id']} ({v['help']}) at {', '.join(n['target'] for n in v['nodes'][:3])}: "
        f"{v['nodes'][0]['message']} {v['nodes'][0]['html'][:100]}"
        for v in violations
    )


@pytest.mark.parametrize("slug", list(PAGE_FILES))
@pytest.mark.parametrize(("width", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_page_has_no_axe_violations(browser, server, slug: str, width: str, viewport) -> None:
    """axe-core finds no WCAG 2.2 AA or best-practice violation of any impact on the page."""
    page = open_page(browser, f"{server.url}/{PATHS[slug]}", viewport)
    violations = check_view(page)
    # Pages draw only their open tab (a tab switch reruns): check each tab's own content too.
    tabs = page.locator("[data-testid=stMain] [role=tab]")
    for index in range(1, tabs.count()):
        tabs.nth(index).click()
        wait_for_app(page)
        violations += [dict(v, tab=index) for v in check_view(page)]
    page.close()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    Path(ARTIFACTS / f"axe-{slug}-{width}.json").write_text(
        json.dumps(violations, indent=2), encoding="utf-8"
    )
    blocking = [v for v in violations if v["impact"] in BLOCKING and not upstream(v)]
    assert blocking == [], summary(blocking)


def check_view(page) -> list[dict]:
    """Open every expander in view, run axe, and keep what is still there a moment later."""
    for summary_el in page.locator("[data-testid=stExpander] summary").all():
        if summary_el.is_visible() and summary_el.locator("xpath=..").get_attribute("open") is None:
            summary_el.click()
    wait_for_app(page)
    violations = run_axe(page)
    if [v for v in violations if not upstream(v)]:
        # Under load a rerun can still be repainting (a field caught mid-layout measured
        # 18 px once): a real violation is still there a moment later, so check again.
        page.wait_for_timeout(1500)
        wait_for_app(page)
        again = {v["id"] for v in run_axe(page)}
        violations = [v for v in violations if v["id"] in again]
    return violations


UPSTREAM_WIDGETS = {"presentation-role-conflict": 'data-testid="stFileUploaderDropzone"'}
"""Streamlit's file uploader draws its drop zone as ``<section role="presentation"
tabindex="-1" aria-label=...>`` around the real, labelled "Browse files" button and file
input (which axe passes). axe calls the role and the tabindex a conflict (minor); the markup
is Streamlit's, so this rule is set aside only when every node is that drop zone."""


def upstream(violation: dict) -> bool:
    """A violation in Streamlit's own markup (see UPSTREAM_RULES and UPSTREAM_WIDGETS)."""
    rule, nodes = violation["id"], violation["nodes"]
    if rule in UPSTREAM_RULES:
        return all(n["in_sidebar_nav"] for n in nodes)
    marker = UPSTREAM_WIDGETS.get(rule)
    return marker is not None and all(marker in n["html"] for n in nodes)


def test_axe_finds_a_planted_violation(browser, server) -> None:
    """The axe check really fails on a violation (no alt text, a nameless button, a skipped heading level)."""
    page = open_page(browser, server.url)
    page.evaluate(
        "() => { const m = document.querySelector('[data-testid=stMain]');"
        " m.insertAdjacentHTML('beforeend', '<button id=planted></button><img id=planted2 src=x.png>'); }"
    )
    page.evaluate(
        "() => { const m = document.querySelector('[data-testid=stMain]');"
        " m.insertAdjacentHTML('beforeend', '<h5 id=planted3>Skipped levels</h5>'); }"
    )
    ids = {v["id"] for v in run_axe(page) if v["impact"] in BLOCKING}
    page.close()
    assert {"button-name", "image-alt", "heading-order"} <= ids
