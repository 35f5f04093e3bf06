"""Views of a parsed document that the extractor reads many times, computed once per document.

`Span.text`, `Doc.text` and `Doc.ents` build new Python objects on every call (one per token,
one per entity), and the extractor asks for the same sentence's text, a phrase's text or the
entity around a token again and again: each rule that reads a sentence's words, each window
of a name lookup, each token a rule classifies. The document's text and its token → entity
map are built on the first call and kept in `doc.user_data`; the functions below return
exactly what the spaCy attributes would (tests/test_doc_cache.py).
"""
from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Doc

_TEXT = "eventwire.text"
_ENTITIES = "eventwire.entities"
_ENTS = "eventwire.ents"
_WORDS = "eventwire.words"
_POS = "eventwire.pos"


def keep_text(doc, text: str) -> None:
    """Record the text the document was parsed from (spaCy's `doc.text` is always that text),
    so that `doc_text` need not rebuild it."""
    doc.user_data[_TEXT] = text


def _per_document(doc, key: str, build):
    """The document's value under `key`, built by `build()` on the first call and kept in its
    user data (the document's own lifetime: nothing outlives it)."""
    value = doc.user_data.get(key)
    if value is None:
        value = doc.user_data[key] = build()
    return value


def doc_text(doc) -> str:
    """`doc.text`, built on the first call."""
    return _per_document(doc, _TEXT, lambda: doc.text)


def span_text(span) -> str:
    """What `span.text` returns."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def run_text(first, last) -> str:
    """The text from token `first` to token `last`, both included (`doc[first.i : last.i + 1].text`)."""
    return doc_text(first.doc)[first.idx : last.idx + len(last.text)]


def document_entities(doc) -> tuple:
    """`doc.ents`, built on the first call."""
    return _per_document(doc, _ENTS, lambda: doc.ents)


def entities_in(span) -> list:
    """What `span.ents` returns: the entities wholly inside the span (spaCy builds every entity of
    the document for each call, and each sentence asks)."""
    start, end = span.start, span.end
    found = []
    for ent in document_entities(span.doc):
        if ent.start >= start:
            if ent.end <= end:
                found.append(ent)
            else:
                break
    return found


def entity_at(token):
    """The named entity (a span of `doc.ents`) that holds the token, or None."""
    doc = token.doc
    by_token = _per_document(doc, _ENTITIES, lambda: {i: ent for ent in document_entities(doc)
                                                       for i in range(ent.start, ent.end)})
    return by_token.get(token.i)


def _words(doc) -> tuple[list[str], list[str]]:
    """Each token's lower-case form and lower-case lemma, by index: `token.lower_` and
    `token.lemma_` make a new token and a new string on every call."""
    return _per_document(doc, _WORDS, lambda: ([t.lower_ for t in doc], [t.lemma_.lower() for t in doc]))


def tokens_with_words(sent, forms: Container[str], lemmas: Container[str]) -> list:
    """The sentence's tokens, in order, whose lower-case form is in `forms` or lower-case lemma in
    `lemmas`: a lexical gate for the rules that read every token of every sentence but act on a
    few words, so that the others are not even made into token objects."""
    doc = sent.doc
    lowers, lemmas_of = _words(doc)
    return [doc[i] for i in range(sent.start, sent.end) if lowers[i] in forms or lemmas_of[i] in lemmas]


def _extent(part) -> tuple:
    """(document, first token index, end index) of a document or a span."""
    if isinstance(part, Doc):
        return part, 0, len(part)
    return part.doc, part.start, part.end


def _parts_of_speech(doc) -> list[str]:
    """Each token's `pos_`, by index."""
    return _per_document(doc, _POS, lambda: [t.pos_ for t in doc])


def tokens_with_pos(part, tags: Container[str]) -> list:
    """The tokens of a document or a span, in order, whose part of speech is one of `tags`
    ("PROPN", "ADJ" for names), without making token objects of the others."""
    doc, start, end = _extent(part)
    pos = _parts_of_speech(doc)
    return [doc[i] for i in range(start, end) if pos[i] in tags]


def has_pos(part, tags: Container[str]) -> bool:
    """Whether some token of a document or a span has a part of speech of `tags`."""
    doc, start, end = _extent(part)
    return any(tag in tags for tag in _parts_of_speech(doc)[start:end])


def entities_before(token, sentences_back: int):
    """The named entities before `token`, nearest first, within its sentence and the
    `sentences_back` sentences before it; a token tagged outside any entity span comes alone.
    For "he" and "the country", which mean a name the text gave shortly before."""
    doc = token.doc
    first = token.sent.start
    for _ in range(sentences_back):
        first = doc[first - 1].sent.start if first > 0 else 0
    i = token.i - 1
    while i >= first:
        if doc[i].ent_type_:
            span = entity_at(doc[i]) or doc[i : i + 1]
            yield span
            i = span.start
        i -= 1
