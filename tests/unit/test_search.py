"""Search ranks by field (title > aliases > body), stems plurals, matches prefixes and shows snippets."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from pydantic import BaseModel

from kneecore.search import SearchDoc, build_index, doc_of, index_content, search, snippet, tokens


def doc(ident: str, title: str = "", aliases: tuple[str, ...] = (), body: str = "") -> SearchDoc:
    """A test document."""
    return SearchDoc("guide", ident, title or ident, f"/guides?guide={ident}", aliases, body)


FILLER = "Runners often feel better with patience and a plan. " * 3


@pytest.mark.parametrize(
    ("docs", "query", "best"),
    [
        ([doc("b", "Knee", body="hips " + FILLER), doc("t", "Hips", body=FILLER)], "hips", "t"),
        ([doc("b", "Other", body="tendon " + FILLER), doc("a", "Two", ("tendon",), FILLER)], "tendon", "a"),
        ([doc("a", "Alpha", ("yoga",), FILLER), doc("t", "Yoga", body=FILLER)], "yoga", "t"),
        ([doc("one", "Foam", body=FILLER), doc("two", "Foam rolling", body=FILLER)], "foam rolling", "two"),
        ([doc("x", "Stairs", body=FILLER), doc("y", "Ramps", body=FILLER)], "stair", "x"),
        ([doc("x", "Tendinopathy", body=FILLER), doc("y", "Bursitis", body=FILLER)], "tendin", "x"),
        ([doc("x", "Kneecap", body="kneecap " * 2), doc("y", "Kneecap", body="kneecap " * 2 + FILLER * 5)],
         "kneecap", "x"),
    ],
    ids=["title-beats-body", "alias-beats-body", "title-beats-alias", "more-words-win", "plural-stem",
         "prefix", "shorter-field-wins"],
)  # fmt: skip
def test_ranking_rules(docs: list[SearchDoc], query: str, best: str) -> None:
    """Each ranking rule puts the expected document first."""
    hits = search(build_index(docs), query)
    assert hits[0].doc.id == best


def test_exact_word_beats_prefix_match() -> None:
    """A word that matches exactly outranks one that only starts with the query."""
    index = build_index([doc("p", "Hipster", body=FILLER), doc("e", "Hip", body=FILLER)])
    assert [h.doc.id for h in search(index, "hip")] == ["e"]  # short words do not prefix-match
    index = build_index([doc("p", "Rolling", body=FILLER), doc("e", "Roll", body=FILLER)])
    assert [h.doc.id for h in search(index, "roll")] == ["e", "p"]


def test_empty_and_stop_word_queries_find_nothing() -> None:
    """Blank text and only stop words return no hits; unknown words too."""
    index = build_index([doc("a", "Knee", body=FILLER)])
    assert search(index, "") == ()
    assert search(index, "   the and of  ") == ()
    assert search(index, "zebra") == ()


def test_limit_and_ties_keep_index_order() -> None:
    """Equal scores keep the documents' order; limit cuts the list."""
    index = build_index([doc(str(n), "Knee", body=FILLER) for n in range(5)])
    assert [h.doc.id for h in search(index, "knee", limit=3)] == ["0", "1", "2"]
    assert search(index, "knee", limit=0) == ()


def test_hit_names_matching_words_and_bolds_them() -> None:
    """A hit lists the query words it matched and bolds them in the snippet."""
    index = build_index(
        [doc("a", "Guide", body="First sentence here. Pain on the stairs going down. Last one.")]
    )
    hit = search(index, "stairs pain zebra")[0]
    assert hit.matched == ("stair", "pain")
    assert hit.snippet == "**Pain** on the **stairs** going down."


def test_snippet_escapes_markdown_and_trims_long_sentences() -> None:
    """Snippets escape Markdown characters and cut long sentences around the first match."""
    assert (
        snippet("Costs \\$40 or $40 * 2 [sic].", {"cost"}) == "**Costs** \\\\\\$40 or \\$40 \\* 2 \\[sic\\]."
    )
    long = "word " * 80 + "target " + "word " * 80
    out = snippet(long, {"target"}, width=60)
    assert "**target**" in out
    assert out.startswith("…")
    assert out.endswith("…")
    assert len(out) < 100


def test_query_is_cut_to_200_characters() -> None:
    """Words after the first 200 characters are ignored."""
    index = build_index([doc("a", "Knee", body=FILLER)])
    assert search(index, "x" * 200 + " knee") == ()


def test_tokens_fold_case_accents_and_plurals() -> None:
    """Tokens are lower case, accent-free, stemmed and without stop words."""
    assert tokens("The Injuries of Décary's knees, classes and bus") == [
        "injury",
        "decary",
        "knee",
        "class",
        "bus",
    ]


def test_index_content_covers_every_domain(content) -> None:
    """Conditions, guides and stories are indexed; an empty domain adds nothing."""
    index = index_content(content)
    kinds = {d.kind for d in index.docs}
    assert {"condition", "guide", "story"} <= kinds
    lib = content.library
    minimum = len(lib.conditions) + len(lib.guides) + len(lib.stories)
    assert len(index.docs) >= minimum
    empty = SimpleNamespace(library=lib, exercises=SimpleNamespace(), form=SimpleNamespace())
    assert len(index_content(empty).docs) == minimum


def test_other_domains_are_indexed_through_their_models(content) -> None:
    """Exercise and form items with an id and a name or title become hits linking to their pages."""
    exercise = SimpleNamespace(id="clamshell", name="Clamshell", aliases=(), cues=("Knees together",))
    item = SimpleNamespace(id="cadence", title="Cadence", summary="Quicker steps")
    fake = SimpleNamespace(
        library=content.library,
        exercises=SimpleNamespace(exercises=(exercise,)),
        form=SimpleNamespace(items=(item,)),
    )
    index = index_content(fake)
    assert search(index, "clamshell")[0].doc.link == "/exercises?q=Clamshell"
    assert search(index, "cadence")[0].doc.kind == "form"


@pytest.mark.parametrize(
    ("query", "kind", "ident"),
    [
        ("runner's knee", "condition", "pfps"),
        ("IT band", "condition", "itbs"),
        ("Baker's cyst", "condition", "popliteal_cyst"),
        ("acupuncture", "guide", "treatments"),
        ("red flags", "guide", "know_the_cause"),
        ("Osgood-Schlatter", "condition", "apophysitis"),
    ],
)
def test_real_content_top_hits(content, query: str, kind: str, ident: str) -> None:
    """Common runner searches find the page they mean first."""
    hit = search(index_content(content), query)[0]
    assert (hit.doc.kind, hit.doc.id) == (kind, ident)


def test_whole_query_in_an_alias_is_boosted() -> None:
    """A document whose alias holds the whole query in order beats one with the words scattered."""
    scattered = doc("s", "Runner kneeling", body="A runner on a knee. " + FILLER)
    phrase = doc(
        "p", "Patellofemoral pain", ("runner's knee", "kneecap pain", "anterior knee pain"), FILLER * 3
    )
    index = build_index([scattered, phrase])
    assert [h.doc.id for h in search(index, "runner's knee")] == ["p", "s"]
    assert search(index, "knee runner")[0].doc.id == "s"  # order matters for the boost


class _Item(BaseModel):
    """A content-like model with an id, an enum-like value and prose."""

    id: str
    name: str
    position: str
    cues: tuple[str, ...]


def test_ids_and_enum_values_are_not_indexed_as_prose() -> None:
    """Snake-case values (ids, enums) stay out of the body; sentences and the name stay in."""
    item = _Item(id="clamshell", name="Clamshell", position="side_lying", cues=("Knees together.", "Slow"))
    made = doc_of("exercise", item, "/exercises?q=Clamshell")
    assert made.title == "Clamshell"
    assert made.body == "Knees together. Slow"
