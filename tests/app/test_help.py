"""AppTest of the help page: warning signs, who to see for what, what to bring, the clinic card."""

from __future__ import annotations

from tests.app.pages import open_page


def test_help_page_lists_professionals_bring_and_clinic(content) -> None:
    """Help shows the emergency note, each professional, what to bring and the clinic card."""
    at = open_page("help")
    assert content.site.app.emergency in [w.value for w in at.warning]
    body = " ".join(m.value for m in at.markdown)
    guide = content.library.guide("getting_help")
    for pro in guide.professionals:
        assert pro.title in body
    assert guide.bring[1] in body
    assert content.site.clinic.name in [s.value for s in at.header]
    assert content.site.clinic.phone in body
    links = [f"{el.proto.page}?{el.proto.query_string}" for el in at.get("page_link")]
    assert "checker?" in links
    assert "guides?guide=know_the_cause" in links
