"""transforms/extract/doc_cache.py returns exactly what spaCy's own attributes return."""
from __future__ import annotations

from transforms.extract.doc_cache import (
    doc_text,
    entities_before,
    entities_in,
    entity_at,
    has_pos,
    keep_text,
    run_text,
    span_text,
    tokens_with_pos,
    tokens_with_words,
)

TEXT = ("  Russian Foreign Minister Sergey Lavrov met  Wang Yi in Beijing on Monday.\n\n"
        "The two sides signed an agreement, officials said. Iran's  president, Ebrahim Raisi, "
        "condemned the strike by Israel ")


def test_texts_are_the_spans_texts(nlp):
    doc = nlp(TEXT)
    assert doc_text(doc) == doc.text
    for sent in doc.sents:
        assert span_text(sent) == sent.text
    for start in range(len(doc)):
        for end in range(start + 1, min(start + 8, len(doc)) + 1):
            assert run_text(doc[start], doc[end - 1]) == doc[start:end].text


def test_the_entity_around_each_token(nlp):
    doc = nlp(TEXT)
    assert any(len(ent) > 1 for ent in doc.ents), "the example needs a multi-word entity"
    for token in doc:
        holding = [ent for ent in doc.ents if ent.start <= token.i < ent.end]
        found = entity_at(token)
        if holding:
            assert (found.start, found.end, found.label_) == (holding[0].start, holding[0].end, holding[0].label_)
        else:
            assert found is None


def test_a_kept_text_is_used_as_given(nlp):
    doc = nlp(TEXT)
    keep_text(doc, TEXT)
    assert doc_text(doc) is TEXT
    assert [span_text(s) for s in doc.sents] == [s.text for s in doc.sents]


def test_entities_before_a_token_are_the_doc_s_entities_nearest_first_within_the_window(nlp):
    doc = nlp(TEXT)
    last = doc[-1]
    expected = [e for e in reversed(doc.ents) if e.end <= last.i and e.start >= last.sent.start]
    assert [e.text for e in entities_before(last, 0)] == [e.text for e in expected]
    earlier = [e for e in reversed(doc.ents) if e.end <= last.i]
    assert [e.text for e in entities_before(last, 5)] == [e.text for e in earlier]


def test_the_entities_in_a_span_are_the_span_s_own(nlp):
    doc = nlp(TEXT)
    spans = list(doc.sents) + [doc[start:end] for start in range(len(doc)) for end in range(start, min(start + 6, len(doc)) + 1)]
    for span in spans:
        assert [(e.start, e.end, e.label_) for e in entities_in(span)] == [(e.start, e.end, e.label_) for e in span.ents]


def test_tokens_with_words_are_those_whose_form_or_lemma_is_given(nlp):
    doc = nlp(TEXT)
    forms, lemmas = frozenset({"beijing", "officials"}), frozenset({"sign", "condemn", "be"})
    for sent in doc.sents:
        expected = [t.i for t in sent if t.lower_ in forms or t.lemma_.lower() in lemmas]
        assert [t.i for t in tokens_with_words(sent, forms, lemmas)] == expected
    found = [t.text for s in doc.sents for t in tokens_with_words(s, forms, lemmas)]
    assert found == ["Beijing", "signed", "officials", "condemned"], "the example needs a form and lemmas in two sentences"


def test_tokens_with_pos_are_those_of_the_doc_or_span_with_those_tags(nlp):
    doc = nlp(TEXT)
    tags = ("PROPN", "ADJ")
    assert [t.i for t in tokens_with_pos(doc, tags)] == [t.i for t in doc if t.pos_ in tags]
    sents = list(doc.sents)
    assert len(sents) >= 2, "the example needs sentences after the first"
    for sent in sents:
        assert [t.i for t in tokens_with_pos(sent, tags)] == [t.i for t in sent if t.pos_ in tags]
        assert has_pos(sent, ("VERB", "AUX")) == any(t.pos_ in ("VERB", "AUX") for t in sent)
    assert not has_pos(doc[0:1], ("VERB",)) and has_pos(doc, ("VERB",))
