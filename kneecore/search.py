"""One search over conditions, guides, stories, exercises and form items.

Ranking is BM25F: each field's term frequency is weighted (title 5, aliases 3, body 1)
and length-normalised before BM25's saturation, so a word in a title outranks the same
word in a body. Words match by a light plural stem; a query word of four or more letters
also matches longer words it starts (``tendin`` finds tendinopathy) at a discount.
Each hit carries a snippet with the matching words in bold.

Domains are read through their content models; one with no content yet adds nothing.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from pydantic import BaseModel

__all__ = ["SearchDoc", "SearchHit", "SearchIndex", "build_index", "index_content", "search", "tokens"]

WEIGHTS = (5.0, 3.0, 1.0)
"""Field weights: title, aliases, body."""
K1 = 1.2
B = 0.75
PREFIX_DISCOUNT = 0.6
PHRASE_BOOST = 2.0
"""Score factor when the whole query appears, in order, in the title or one alias."""
MAX_QUERY = 200
SNIPPET_CHARS = 180

_STOP = frozenset(
    "a an and are as at be but by can do for from how i if in into is me my no not of on or so "
    "the their then there these this to was what when where which who why will with you your".split()
)
_WORD = re.compile(r"[a-z0-9]+")
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_MARK = re.compile(r"[*_`#>|]+")
_SPACE = re.compile(r"\s+")
_ID_LIKE = re.compile(r"^[a-z0-9_]+$")
_SKIP_FIELDS = frozenset(
    {"id", "title", "name", "aliases", "references", "to", "doi", "url", "citation", "composite"}
)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    """Search terms of a text: lower case, accents folded, stop words out, plurals stemmed.

    Parameters
    ----------
    text:
        Any text.

    Returns
    -------
    The terms in order (repeats kept).
    """
    words = _WORD.findall(_POSSESSIVE.sub("", _fold(text)))
    return [_stem(w) for w in words if w not in _STOP]


def plain(markdown: str) -> str:
    """Markdown reduced to plain text for indexing and snippets."""
    text = _MD_LINK.sub(r"\1", markdown).replace("\\$", "$")
    return _SPACE.sub(" ", _MD_MARK.sub(" ", text)).strip()


@dataclass(frozen=True)
class SearchDoc:
    """One searchable item and where it lives in the app."""

    kind: str
    """condition, guide, story, exercise or form."""
    id: str
    title: str
    link: str
    aliases: tuple[str, ...] = ()
    body: str = ""


@dataclass(frozen=True)
class SearchHit:
    """A ranked result: the item, its score, the query words it matched and a snippet."""

    doc: SearchDoc
    score: float
    matched: tuple[str, ...]
    snippet: str
    """Markdown: plain text with the matching words in bold (Markdown characters escaped)."""


@dataclass(frozen=True)
class SearchIndex:
    """Term postings per field, built once by :func:`build_index`."""

    docs: tuple[SearchDoc, ...]
    postings: dict[str, dict[int, tuple[int, int, int]]]
    lengths: tuple[tuple[int, int, int], ...]
    average: tuple[float, float, float]
    vocabulary: tuple[str, ...]
    phrases: tuple[tuple[tuple[str, ...], ...], ...] = ()
    """Per document: the terms of its title and of each alias, for the phrase boost."""
    sentences: tuple[tuple[tuple[str, frozenset[str]], ...], ...] = ()
    """Per document: each body sentence with its terms, for fast snippets."""


def build_index(docs: Iterable[SearchDoc]) -> SearchIndex:
    """Index documents for :func:`search`.

    Parameters
    ----------
    docs:
        The documents; their order breaks ties.

    Returns
    -------
    SearchIndex
    """
    items = tuple(docs)
    postings: dict[str, dict[int, tuple[int, int, int]]] = {}
    lengths: list[tuple[int, int, int]] = []
    phrases = tuple(tuple(tuple(tokens(name)) for name in (doc.title, *doc.aliases)) for doc in items)
    sentences = tuple(_sentences(doc.body) for doc in items)
    for n, doc in enumerate(items):
        fields = (tokens(doc.title), tokens(" ".join(doc.aliases)), tokens(doc.body))
        lengths.append((len(fields[0]), len(fields[1]), len(fields[2])))
        for f, terms in enumerate(fields):
            for term in terms:
                counts = list(postings.setdefault(term, {}).get(n, (0, 0, 0)))
                counts[f] += 1
                postings[term][n] = (counts[0], counts[1], counts[2])
    count = max(len(items), 1)
    average = tuple(max(sum(length[f] for length in lengths) / count, 1.0) for f in range(3))
    return SearchIndex(
        items,
        postings,
        tuple(lengths),
        (average[0], average[1], average[2]),
        tuple(sorted(postings)),
        phrases,
        sentences,
    )


def _expand(index: SearchIndex, term: str) -> Iterator[tuple[str, float]]:
    """The index terms a query term matches, with their weight (1 exact, less for prefixes)."""
    if term in index.postings:
        yield term, 1.0
    if len(term) < 4:
        return
    at = bisect_left(index.vocabulary, term)
    while at < len(index.vocabulary) and index.vocabulary[at].startswith(term):
        if index.vocabulary[at] != term:
            yield index.vocabulary[at], PREFIX_DISCOUNT
        at += 1


def _contains(phrase: tuple[str, ...], words: list[str]) -> bool:
    """True when ``words`` appear contiguously, in order, in ``phrase``."""
    size = len(words)
    return any(list(phrase[i : i + size]) == words for i in range(len(phrase) - size + 1))


def search(index: SearchIndex, query: str, limit: int = 10) -> tuple[SearchHit, ...]:
    """Rank the index's documents for a query.

    Parameters
    ----------
    index:
        From :func:`build_index` or :func:`index_content`.
    query:
        What the user typed (cut to 200 characters); empty gives no hits.
    limit:
        At most this many hits.

    Returns
    -------
    Hits, best first (ties keep index order).
    """
    words = list(dict.fromkeys(tokens(query[:MAX_QUERY])))
    scores: dict[int, float] = {}
    matched: dict[int, dict[str, set[str]]] = {}
    total = len(index.docs)
    for word in words:
        for term, weight in _expand(index, word):
            docs = index.postings[term]
            idf = math.log(1 + (total - len(docs) + 0.5) / (len(docs) + 0.5))
            for n, counts in docs.items():
                tf = sum(
                    WEIGHTS[f] * counts[f] / (1 - B + B * index.lengths[n][f] / index.average[f])
                    for f in range(3)
                    if counts[f]
                )
                scores[n] = scores.get(n, 0.0) + weight * idf * tf / (K1 + tf)
                matched.setdefault(n, {}).setdefault(word, set()).add(term)
    for n in scores:
        if any(_contains(phrase, words) for phrase in index.phrases[n]):
            scores[n] *= PHRASE_BOOST
    ranked = sorted(scores, key=lambda n: (-scores[n], n))[: max(limit, 0)]
    return tuple(
        SearchHit(
            index.docs[n],
            round(scores[n], 6),
            tuple(w for w in words if w in matched[n]),
            _snippet(index.sentences[n], {t for ts in matched[n].values() for t in ts}),
        )
        for n in ranked
    )


_ESCAPE = re.compile(r"([\\`*_\[\]<>#$~|])")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_WORD_SPAN = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+")


def snippet(body: str, terms: set[str], width: int = SNIPPET_CHARS) -> str:
    """The sentence of ``body`` that matches most terms, trimmed, with matches in bold.

    Parameters
    ----------
    body:
        Plain text.
    terms:
        Index terms to highlight.
    width:
        Rough maximum length.

    Returns
    -------
    Markdown-safe text with ``**word**`` around matching words ("" for an empty body).
    """
    return _snippet(_sentences(body), terms, width)


def _sentences(body: str) -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple((s, frozenset(tokens(s))) for s in _SENTENCE.split(body) if s.strip())


def _snippet(
    sentences: tuple[tuple[str, frozenset[str]], ...], terms: set[str], width: int = SNIPPET_CHARS
) -> str:
    if not sentences:
        return ""
    best = max(enumerate(sentences), key=lambda pair: (len(terms & pair[1][1]), -pair[0]))[1][0]
    spans = [m for m in _WORD_SPAN.finditer(best) if _stem(_fold(m.group())) in terms]
    start = 0
    if spans and spans[0].start() > width // 2:
        start = best.rfind(" ", 0, spans[0].start() - width // 3) + 1
    end = len(best)
    if end - start > width:
        end = best.rfind(" ", start, start + width)
        end = end if end > start else start + width
    piece = best[start:end]
    out: list[str] = ["…" if start else ""]
    at = 0
    for m in _WORD_SPAN.finditer(piece):
        if _stem(_fold(m.group())) in terms:
            out.append(_ESCAPE.sub(r"\\\1", piece[at : m.start()]))
            out.append(f"**{m.group()}**")
            at = m.end()
    out.append(_ESCAPE.sub(r"\\\1", piece[at:]))
    out.append("…" if end < len(best) else "")
    return "".join(out)


def _texts(node: Any) -> Iterator[str]:
    """Every text value of a content model except ids, titles, aliases and references."""
    if isinstance(node, str):
        if not _ID_LIKE.match(node):  # ids and enum values are not prose
            yield node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            if name not in _SKIP_FIELDS:
                yield from _texts(getattr(node, name))
    elif isinstance(node, (tuple, list)):
        for item in node:
            yield from _texts(item)


def doc_of(
    kind: str, item: Any, link: str, extra_aliases: Iterable[str] = (), extra_body: str = ""
) -> SearchDoc:
    """A search document from any content model with an ``id`` and a ``title`` or ``name``.

    Parameters
    ----------
    kind:
        The result kind.
    item:
        The content model.
    link:
        Where the item opens in the app.
    extra_aliases:
        More names to match (e.g. the contract's default name of a condition).
    extra_body:
        More text for the body (e.g. the condition's name on a story).

    Returns
    -------
    SearchDoc
    """
    ident = str(getattr(item, "id", ""))
    title = getattr(item, "title", None) or getattr(item, "name", None) or ident.replace("_", " ")
    aliases = tuple(getattr(item, "aliases", ()) or ()) + tuple(extra_aliases)
    body = plain(" ".join([*_texts(item), extra_body]).strip())
    return SearchDoc(kind, ident, str(title), link, tuple(str(a) for a in aliases), body)


def _items(domain: Any, attr: str) -> tuple[Any, ...]:
    return tuple(getattr(domain, attr, None) or ())


def index_content(content: Any) -> SearchIndex:
    """Index everything a runner can read: conditions, guides, stories, exercises, form items.

    Parameters
    ----------
    content:
        A :class:`kneecore.Content`; a domain without items yet contributes nothing.

    Returns
    -------
    SearchIndex
    """

    lib = content.library
    checker = getattr(content, "checker", None)  # a domain may be missing, as below
    names: dict[str, str] = checker.short_names() if checker is not None else {}
    docs: list[SearchDoc] = []
    for page in _items(lib, "conditions"):
        docs.append(doc_of("condition", page, f"/guides?condition={page.id}", [names.get(page.id, "")]))
    for guide in _items(lib, "guides"):
        docs.append(doc_of("guide", guide, f"/guides?guide={guide.id}"))
    for story in _items(lib, "stories"):
        name = lib.condition(story.condition).title if lib.condition(story.condition) else ""
        docs.append(doc_of("story", story, f"/stories?story={story.id}", extra_body=name))
    for exercise in _items(content.exercises, "exercises"):
        name = str(getattr(exercise, "name", None) or exercise.id)
        docs.append(doc_of("exercise", exercise, f"/exercises?{urlencode({'q': name})}"))
    for item in _items(content.form, "items"):
        docs.append(doc_of("form", item, "/form"))
    return build_index(docs)
