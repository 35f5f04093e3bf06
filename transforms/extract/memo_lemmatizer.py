"""The model's rule lemmatizer, remembering every answer it gives.

spaCy's rule lemmatizer keeps a cache, but fills it only at the end of its suffix rules: a
word it takes as its own base form (a singular noun, an infinitive, a plain adjective:
most words of news) or a proper noun is worked out again at every occurrence, by reading
the token's morphology into a dictionary, and each answer is written back as a string the
vocabulary hashes again. On corpus text that made the lemmatizer 9% of the extract stage's
time (py-spy of `bench/run.py`'s pipeline on 5,000 items: 270 of its 2,872 samples).

`memoize_lemmatizer(nlp)` gives the model's lemmatizer a `__call__` that asks the model's
own `lemmatize` once per distinct (word, POS, morphology), the key spaCy's cache uses, and
gives every later token with that key the remembered lemma's hash. The lemmas are the
same: `bench/components.py` compares every token with the stock model's, and
`tests/test_memo_lemmatizer.py` compares documents.

A word that is worked out is still slow: for each suffix rule that fits, spaCy asks whether the
form is a known word with `form in index`, and the index (the lemmatizer's `lemma_index` table)
is a list per part of speech, 57,528 nouns in the small English model, scanned from its start.
That was about 300 µs per distinct word, 5.1-5.7 s of CPU for the 16,356 distinct words of the
pre-filtered texts of 5,000 corpus items. `index_known_words` gives each list a set to answer
`in` (the list itself is unchanged, so the tables still serialize): 0.8-0.9 s, the same lemmas.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

# Distinct (word, POS, morphology) keys remembered (the titles and descriptions of 5,000
# corpus items have 22,603); past it the memo starts again, so memory stays bounded.
MEMO_SIZE = 200_000


class _MemoLemmatizer:
    """Mixed into the model's own lemmatizer class: only `__call__` changes."""

    def __call__(self, doc: Doc) -> Doc:
        memo: dict = self.__dict__.setdefault("_eventwire_memo", {})
        if len(memo) > MEMO_SIZE:
            memo.clear()
        strings = doc.vocab.strings
        for token in doc:
            if token.lemma and not self.overwrite:
                continue  # set before this component (the attribute ruler's fixed words)
            key = (token.orth, token.pos, token.morph.key)
            lemma = memo.get(key)
            if lemma is None:
                lemma = memo[key] = strings.add(self.lemmatize(token)[0])
            token.lemma = lemma
        return doc


class _WordList(list):
    """A lemma index's list of words that answers `word in words` from a set."""

    def __init__(self, words):
        super().__init__(words)
        self._words = frozenset(self)

    def __contains__(self, word) -> bool:
        return word in self._words


def index_known_words(lemmatizer: Lemmatizer) -> None:
    """Give every list of the lemmatizer's `lemma_index` table set lookups (same words, same order)."""
    table = lemmatizer.lookups.get_table("lemma_index", {})
    for pos in list(table.keys()):
        if isinstance(table[pos], list) and not isinstance(table[pos], _WordList):
            table[pos] = _WordList(table[pos])


def memoize_lemmatizer(nlp: Language) -> None:
    """Give the model's rule lemmatizer the remembering `__call__` (lookup and trainable
    lemmatizers, and models without one, are left as they are)."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule" or isinstance(lemmatizer, _MemoLemmatizer):
        return
    lemmatizer._validate_tables()
    index_known_words(lemmatizer)
    base = type(lemmatizer)
    lemmatizer.__class__ = type("Memo" + base.__name__, (_MemoLemmatizer, base), {})
