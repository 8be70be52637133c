"""AppTest of the guides page: index, condition page, guide page, bad ids and the search box."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.pages import open_page


def links(at: AppTest) -> str:
    """Every page link as ``page?query label``, one per line."""
    return "\n".join(
        f"{el.proto.page}?{el.proto.query_string} {el.proto.label}" for el in at.get("page_link")
    )


def test_index_lists_every_guide_and_condition(content) -> None:
    """The index links every guide and every condition page."""
    at = open_page("guides")
    text = links(at)
    for guide in content.library.guides:
        assert guide.title in text
    for page in content.library.conditions:
        assert page.title in text
    assert at.text_input(key="guides.query") is not None


@pytest.mark.parametrize("condition", ["pfps", "itbs", "acl_tear", "plica_syndrome"])
def test_condition_page(content, condition: str) -> None:
    """A condition link shows its page: headings, help warning, plan link and clinicians' detail."""
    page = content.library.condition(condition)
    at = open_page("guides", {"condition": condition})
    assert page.title in [h.value for h in at.header]
    heads = content.library.text.condition
    subs = [s.value for s in at.subheader]
    assert heads.what_it_is in subs
    assert heads.see_a_clinician in subs
    assert heads.for_clinicians in [e.label for e in at.expander]
    assert f"exercises?condition={condition}" in links(at)
    assert f"ramp?condition={condition}" in links(at)


def test_guide_page_shows_red_flags_and_facts(content) -> None:
    """The overview guide shows each red flag in an alert box and the headline facts."""
    guide = content.library.guide("know_the_cause")
    at = open_page("guides", {"guide": "know_the_cause"})
    assert guide.title in [h.value for h in at.header]
    boxes = " ".join(b.value for b in [*at.error, *at.warning, *at.info])
    for flag in guide.red_flags:
        assert flag.title in boxes
    body = " ".join(m.value for m in at.markdown)
    assert "62%" in body
    assert "three quarters" in body


def test_return_part_links_ramp_and_next_part(content) -> None:
    """A return-to-running part links to the ramp calculator and to the next part."""
    at = open_page("guides", {"guide": "return_baby_steps"})
    text = links(at)
    assert "\nramp? " in text
    assert content.library.guide("return_direction").title in text
    assert "Part 2 of 4" in [c.value for c in at.caption]


def test_treatments_show_evidence_levels(content) -> None:
    """Every treatment shows its evidence level in plain words."""
    at = open_page("guides", {"guide": "treatments"})
    body = " ".join(m.value for m in at.markdown)
    for item in content.library.guide("treatments").treatments:
        assert content.library.text.evidence[item.evidence] in body


@pytest.mark.parametrize(("key", "value"), [("condition", "housemaids_knee"), ("guide", "no-such-guide")])
def test_unknown_id_shows_note_and_index(content, key: str, value: str) -> None:
    """An unknown id shows a short note naming it, then the index, with no error."""
    at = open_page("guides", {key: value})
    assert any(value in i.value for i in at.info)
    assert content.library.text.conditions_title in [s.value for s in at.header]


def test_search_shows_ranked_results_with_bold_words() -> None:
    """Typing in the search box lists results with links and the matching words in bold."""
    at = open_page("guides")
    at.text_input(key="guides.query").input("acupuncture").run()
    assert not at.exception
    assert "guides?guide=treatments" in links(at)
    assert any("**" in m.value and "cupuncture" in m.value for m in at.markdown)


def test_search_with_no_match_says_so(content) -> None:
    """A search that matches nothing says what to try instead."""
    at = open_page("guides")
    at.text_input(key="guides.query").input("zzzqqq").run()
    assert content.library.text.messages.no_results in [i.value for i in at.info]


def test_home_search_box_finds_a_condition(content) -> None:
    """The search box on home lists matching pages below the tool cards, which it keeps."""
    at = open_page("home")
    at.text_input(key="home.search").input("baker's cyst").run()
    assert not at.exception
    first_hit = links(at).splitlines()[len(content.site.home.cards)]
    assert first_hit.startswith("guides?condition=popliteal_cyst ")
    assert "Start here" in [s.value for s in at.header]


@pytest.mark.parametrize("condition", ["pfps", "patellar_tendinopathy", "stress_fracture"])
def test_condition_page_lists_what_to_leave_out_for_now(content, condition: str) -> None:
    """A condition with an avoid-for-now list shows it under its heading, each exercise with the reason."""
    from kneecore.avoid import leave_out_for_now

    at = open_page("guides", {"condition": condition})
    assert content.library.text.condition.leave_out in [s.value for s in at.subheader]
    shown = "\n".join(m.value for m in at.markdown)
    items = leave_out_for_now(content, [condition])
    assert items
    for item in items:
        assert item.why in shown
        for name in item.names:
            assert name in shown


def test_condition_page_without_an_avoid_list_has_no_such_heading(content) -> None:
    """A condition that avoids nothing shows no empty "leave out" section."""
    assert not content.library.condition("itbs").avoid_for_now
    at = open_page("guides", {"condition": "itbs"})
    assert content.library.text.condition.leave_out not in [s.value for s in at.subheader]
