"""transforms/extract/memo_lemmatizer.py: the model's lemmas, each distinct word worked out once."""
from __future__ import annotations

import spacy

from transforms.extract import memo_lemmatizer
from transforms.extract.memo_lemmatizer import memoize_lemmatizer

# The team's own sentences: base forms, plurals, irregular verbs, proper nouns, a word the
# attribute ruler gives its lemma ("gonna"), the same word as noun and verb ("talks").
TEXTS = [
    "Ghana's ministers were gonna sign the accords, but talks with Togo broke down.",
    "Togo talks to Ghana; the ministers' talks resumed and the envoys flew to Lomé.",
    "Ghana's ministers were gonna sign the accords, but talks with Togo broke down.",
]


def stock_model():
    from pipeline.options import DEFAULT_MODEL

    return spacy.load(DEFAULT_MODEL)


def counting(lemmatizer) -> list:
    """Record every word the lemmatizer works out (its own rules still answer)."""
    asked = []
    rules = lemmatizer.lemmatize

    def lemmatize(token):
        asked.append(token.text)
        return rules(token)

    lemmatizer.lemmatize = lemmatize
    return asked


def test_the_same_lemmas_as_the_stock_lemmatizer():
    stock, memo = stock_model(), stock_model()
    memoize_lemmatizer(memo)
    for ours, theirs in zip(memo.pipe(TEXTS), stock.pipe(TEXTS)):
        assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]
    doc = memo(TEXTS[0])
    assert [t.lemma_ for t in doc][4:6] == ["go", "to"]  # the attribute ruler's lemmas are kept
    assert doc[8].lemma_ == "accord" and doc[14].lemma_ == "break"


def test_a_word_seen_before_is_not_worked_out_again():
    nlp = stock_model()
    memoize_lemmatizer(nlp)
    asked = counting(nlp.get_pipe("lemmatizer"))
    nlp(TEXTS[0])
    assert "ministers" in asked and "gonna" not in asked  # the ruler set that one
    asked.clear()
    nlp(TEXTS[2])  # the same sentence again
    assert asked == []
    nlp(TEXTS[1])
    assert "ministers" not in asked and "envoys" in asked


def test_the_memo_stays_bounded(monkeypatch):
    nlp = stock_model()
    memoize_lemmatizer(nlp)
    monkeypatch.setattr(memo_lemmatizer, "MEMO_SIZE", 5)
    lemmatizer = nlp.get_pipe("lemmatizer")
    nlp(TEXTS[0])
    nlp(TEXTS[1])
    assert len(lemmatizer._eventwire_memo) <= 5 + len(nlp.make_doc(TEXTS[1]))
    assert [t.lemma_ for t in nlp(TEXTS[1])] == [t.lemma_ for t in stock_model()(TEXTS[1])]


def test_memoizing_twice_or_a_model_without_a_rule_lemmatizer_changes_nothing():
    nlp = stock_model()
    memoize_lemmatizer(nlp)
    kind = type(nlp.get_pipe("lemmatizer"))
    memoize_lemmatizer(nlp)
    assert type(nlp.get_pipe("lemmatizer")) is kind
    blank = spacy.blank("en")
    memoize_lemmatizer(blank)
    assert blank.pipe_names == []


def test_the_extractor_s_model_remembers(nlp):
    assert isinstance(nlp.get_pipe("lemmatizer"), memo_lemmatizer._MemoLemmatizer)


def test_the_lemma_index_answers_from_a_set_with_the_same_words():
    """spaCy asks `form in index` for every suffix rule that fits a word; the index's lists
    (57,528 nouns) were scanned from the start on each question."""
    stock, memo = stock_model(), stock_model()
    memoize_lemmatizer(memo)
    ours = memo.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    theirs = stock.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert list(ours.keys()) == list(theirs.keys())
    for pos in theirs.keys():
        assert isinstance(ours[pos], memo_lemmatizer._WordList)
        assert list(ours[pos]) == list(theirs[pos])  # same words, same order
        word = theirs[pos][len(theirs[pos]) // 2]
        assert word in ours[pos] and word + "qx" not in ours[pos]
    # The tables still serialize, as the list they are.
    restored = stock_model().get_pipe("lemmatizer").from_bytes(memo.get_pipe("lemmatizer").to_bytes())
    assert list(restored.lookups.get_table("lemma_index")[next(iter(theirs.keys()))]) == list(
        theirs[next(iter(theirs.keys()))])
