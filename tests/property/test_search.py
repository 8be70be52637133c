"""Search holds its promises for any query: no crash, best first, within the limit, honest matches."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kneecore import load_content
from kneecore.search import index_content, search, tokens
from tests.conftest import CONTENT

INDEX = index_content(load_content(CONTENT))
WORDS = sorted({d.title.split()[0] for d in INDEX.docs if d.title.split()})


@given(st.text(max_size=300), st.integers(min_value=0, max_value=20))
def test_any_text_is_safe(query: str, limit: int) -> None:
    """Arbitrary text never fails; hits are sorted, within the limit, and name only query words."""
    hits = search(INDEX, query, limit=limit)
    assert len(hits) <= limit
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    words = set(tokens(query[:200]))
    for hit in hits:
        assert set(hit.matched) <= words
        assert hit.matched


@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3))
def test_title_words_find_something(words: list[str]) -> None:
    """A query made of real title words always finds at least one result."""
    query = " ".join(words)
    if tokens(query):
        assert search(INDEX, query)
