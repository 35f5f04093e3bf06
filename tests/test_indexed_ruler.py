"""transforms/extract/indexed_ruler.py finds exactly the matches spaCy's Matcher finds."""
from __future__ import annotations

import spacy
from spacy.pipeline import AttributeRuler

from transforms.extract.indexed_ruler import IndexedAttributeRuler, _Tables
from transforms.extract.model import VERB_LEMMAS

# The team's own sentences, written to reach the small model's ruler patterns of every
# kind: contractions, negation, auxiliaries, "there is", object pronouns, sets of
# words, regular expressions ("ain't", "nothin'", "y'all") and runs of white space.
TEXTS = [
    "Ghana's foreign minister said he isn't gonna sign the deal, and Togo won't either.",
    "There are talks in Accra today; there's nothing to announce, an aide told them.",
    "Y'all ain't seen nothin' yet, the mayor of Lomé told reporters who'd asked him.",
    "Do they have to leave?  We've done what we could, and I'd do it again, she said.",
    "That which was promised to us in 2024 must be delivered, whether or not Niger agrees.",
    "The army, which had   been deployed since Monday, was withdrawn because it wasn't needed.\n\n"
    "Mali has said it will not attend; nobody asked it to, though some did invite me.",
]


def ruler_of(nlp) -> AttributeRuler:
    return nlp.get_pipe("attribute_ruler")


def test_the_model_s_ruler_is_indexed_and_every_pattern_fits_the_tables(nlp):
    ruler = ruler_of(nlp)
    assert isinstance(ruler, IndexedAttributeRuler)
    tables = _Tables.of(ruler)
    assert tables, "a pattern of the small model fell back to the Matcher"
    assert tables.scanned and any(any(rest for *_, rest in candidates) for _, table in tables.keyed
                                  for candidates in table.values()), "patterns without a key, or of two tokens, untested"


def test_the_same_matches_as_the_matcher_on_every_text(nlp):
    ruler = ruler_of(nlp)
    kinds = set()
    for doc in nlp.pipe(TEXTS, disable=["attribute_ruler", "lemmatizer", "ner"]):
        expected = AttributeRuler.match(ruler, doc)  # spaCy's Matcher, same patterns
        assert ruler.match(doc) == expected
        for number, _, start, end in expected:
            spec = ruler.patterns[number]["patterns"][0]
            kinds.update(op for token in spec for value in token.values() if isinstance(value, dict) for op in value)
            kinds.add("two tokens" if end - start > 1 else "one token")
    assert {"IN", "NOT_IN", "REGEX", "two tokens", "one token"} <= kinds


def test_the_same_annotations_as_the_stock_model(nlp):
    from pipeline.options import DEFAULT_MODEL

    stock = spacy.load(DEFAULT_MODEL)
    assert type(ruler_of(stock)) is AttributeRuler
    ours_only = [VERB_LEMMAS] if VERB_LEMMAS in nlp.pipe_names else []  # repairs lemmas on purpose
    with nlp.select_pipes(disable=ours_only):
        pairs = list(zip(nlp.pipe(TEXTS), stock.pipe(TEXTS)))
    for ours, theirs in pairs:
        assert [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in ours] == \
               [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in theirs]


def ruler_with(patterns) -> IndexedAttributeRuler:
    nlp = spacy.blank("en")
    ruler = IndexedAttributeRuler(nlp.vocab, "attribute_ruler")
    ruler.add_patterns(patterns)
    return nlp, ruler


def test_a_pattern_the_tables_cannot_hold_keeps_the_matcher():
    nlp, ruler = ruler_with([{"patterns": [[{"LOWER": "very", "OP": "+"}, {"LOWER": "big"}]], "attrs": {"LEMMA": "huge"}},
                             {"patterns": [[{"LOWER": "accra"}]], "attrs": {"LEMMA": "Accra"}}])
    doc = ruler(nlp("a very very big rally in accra"))
    assert ruler._tables is False
    assert [t.lemma_ for t in doc][1:4] == ["huge", "huge", ""]
    assert doc[-1].lemma_ == "Accra"


def test_later_patterns_win_and_added_patterns_count():
    nlp, ruler = ruler_with([{"patterns": [[{"LOWER": "lomé"}]], "attrs": {"LEMMA": "first"}},
                             {"patterns": [[{"LOWER": {"IN": ["lomé", "accra"]}}]], "attrs": {"LEMMA": "second"}}])
    assert [t.lemma_ for t in ruler(nlp("Lomé and Accra"))] == ["second", "", "second"]
    ruler.add_patterns([{"patterns": [[{"LOWER": "and"}, {"LOWER": "accra"}]], "attrs": {"LEMMA": "third"}, "index": -1}])
    assert [t.lemma_ for t in ruler(nlp("Lomé and Accra"))] == ["second", "", "third"]
    assert ruler._tables is not False
