"""The guides page view a link asks for, series neighbours and in-app link checks."""

from __future__ import annotations

import pytest

from kneecore.content.links import KnownIds, link_problem, markdown_links
from kneecore.guides import open_guides, series_neighbours, stories_about


@pytest.mark.parametrize(
    ("params", "kind", "ident"),
    [
        ({}, "index", None),
        ({"condition": "itbs"}, "condition", "itbs"),
        ({"guide": "hips"}, "guide", "hips"),
        ({"guide": "hips", "condition": "itbs"}, "guide", "hips"),
        ({"other": "x"}, "index", None),
    ],
)
def test_view_for_link(content, params: dict[str, str], kind: str, ident: str | None) -> None:
    """Each query string opens the right view; guide wins over condition; other keys are ignored."""
    view = open_guides(content.library, params)
    item = view.condition or view.guide
    assert view.kind == kind
    assert (item.id if item else None) == ident
    assert view.note is None


@pytest.mark.parametrize(
    ("params", "word"), [({"condition": "knee_pain"}, "condition"), ({"guide": "zzz"}, "guide")]
)
def test_unknown_id_gives_index_and_note(content, params: dict[str, str], word: str) -> None:
    """An unknown id shows the index with a note naming the value."""
    view = open_guides(content.library, params)
    assert view.kind == "index"
    assert view.note is not None
    assert next(iter(params.values())) in view.note
    assert word in view.note


def test_return_series_neighbours(content) -> None:
    """The four return-to-running parts link to their neighbours; other guides have none."""
    lib = content.library
    first, second = lib.guide("return_mental_game"), lib.guide("return_baby_steps")
    last = lib.guide("return_toolbox")
    assert series_neighbours(lib, first) == (None, second)
    assert series_neighbours(lib, second)[0] == first
    assert series_neighbours(lib, last)[1] is None
    assert series_neighbours(lib, lib.guide("hips")) == (None, None)


def test_stories_about(content) -> None:
    """A condition's stories are those about it."""
    assert all(s.condition == "itbs" for s in stories_about(content.library, "itbs"))
    assert stories_about(content.library, "plica_syndrome") == ()


KNOWN = KnownIds(
    conditions=frozenset({"pfps"}), exercises=frozenset({"clamshell"}), routines=frozenset(),
    form=frozenset({"cadence"}), guides=frozenset({"hips"}), stories=frozenset({"tom"}),
)  # fmt: skip


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        ("/", None),
        ("/ramp?condition=pfps", None),
        ("/exercises?q=any+words", None),
        ("/stories?story=tom&condition=pfps", None),
        ("/guides?guide=hips", None),
        ("/ramp?condition=pfp", "links to /ramp?condition=pfp, but condition 'pfp' does not exist"),
        ("/guides?guide=hip", "links to /guides?guide=hip, but guide 'hip' does not exist"),
        ("/stories?story=ann", "links to /stories?story=ann, but story 'ann' does not exist"),
        ("/nowhere", "links to /nowhere, but there is no page /nowhere"),
        ("/not_found", "links to /not_found, but there is no page /not_found"),
        ("/ramp?guide=hips", "links to /ramp?guide=hips, but /ramp takes no 'guide' parameter"),
    ],
)
def test_link_problem(target: str, problem: str | None) -> None:
    """In-app links resolve only to real pages, parameters they honour and ids that exist."""
    assert link_problem(target, KNOWN) == problem


def test_markdown_links_finds_only_in_app_targets() -> None:
    """Only links starting with / are checked; web links are left alone."""
    text = "See [a](/ramp?condition=pfps), [b](https://doi.org/10.1/x) and [c](/guides)."
    assert list(markdown_links(text)) == ["/ramp?condition=pfps", "/guides"]
