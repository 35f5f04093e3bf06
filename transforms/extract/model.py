"""Loading the spaCy model the way the extractor needs it.

Feed text keeps its paragraphs as line breaks, and the small model's parser
often runs a sentence across them (a quote's closing mark, a "Read more:"
line). A line break therefore always starts a new sentence: the component
below sets that before the parser runs, and the parser respects it.

The extractor reads POS tags (tagger + attribute_ruler), dependencies and
sentences (parser), lemmas (lemmatizer) and PERSON entities (ner): every
component of the small English models is used, so none is disabled.

The attribute ruler is swapped for `indexed_ruler.IndexedAttributeRuler`: the same
patterns and annotations, matched by table lookup (spaCy's Matcher made it cost as much
as the parser). The lemmatizer remembers its answers (`memo_lemmatizer`).

The lemmatizer's suffix rules drop a verb's final "e" when the stem is a word of its own
("staged" → "stag", "sniped" → "snip", "hopes" → "hop"): a component after it restores the
lemma the verb table knows (VERB_LEMMAS).

A headline verb the tagger read as a plural noun ("Turkey summons Swedish ambassador") is
tried as a verb by a last component (`headline_verbs`).

`SurfaceForms` reads the model's own lemmatizer tables
so that the pre-filter knows every spelling the model turns into a verb lemma.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import spacy
from spacy.language import Language
from spacy.symbols import NORM, ORTH, VERB

from schemas import ontology
from transforms.extract.headline_verbs import HEADLINE_VERBS
from transforms.extract.indexed_ruler import index_attribute_ruler
from transforms.extract.memo_lemmatizer import memoize_lemmatizer
from transforms.extract.name_spans import NAME_SPANS

PARAGRAPHS = "eventwire_paragraphs"
VERB_LEMMAS = "eventwire_verb_lemmas"


@Language.component(PARAGRAPHS)
def paragraph_boundaries(doc):
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or (token.is_space and "\n" in token.text):
            token.is_sent_start = True
    return doc


@Language.component(VERB_LEMMAS)
def repair_verb_lemmas(doc):
    """An inflected verb whose lemma no verb rule knows, while the lemma with its "e" back does
    ("stag" for "staged": the rule is "stage"; "hop" for "hopes"), gets that lemma."""
    known = ontology.verb_rules()
    for token in doc:
        if token.pos == VERB and token.lower_.endswith(("ing", "ed", "es")):
            lemma = token.lemma_.lower()
            if lemma not in known and lemma + "e" in known:
                token.lemma_ = lemma + "e"
    return doc


# Abbreviated titles the small model reads as something else, and the word its features should
# see instead (a lexeme's NORM feeds the model's embeddings, not its text): "PM" is post meridiem to
# it, so "Indian PM Modi says" ended a sentence after "PM" and lost its speaker, while in news
# "PM" is a prime minister 1,090 times in 97,579 items of the corpus and a time almost never.
READ_AS = {"PM": "premier"}

HYPHENATED = "eventwire_hyphenated_words"


@functools.cache
def hyphenated_words() -> dict[str, tuple[str, str]]:
    """Hyphenated spellings of one word the tables know (schemas/data/hyphenated_words.csv):
    spelling → (the one-word spelling, its lemma). The tokenizer cuts "cease-fire" into three
    tokens, so "Israel-Hamas cease-fire begins" named no ceasefire; kept whole and read as the
    one-word spelling, it is tagged, parsed and looked up as that word."""
    return {row["spelling"]: (row["word"], row["lemma"]) for row in ontology.table_rows("hyphenated_words.csv")}


def _spellings_in_case(spelling: str) -> set[str]:
    return {spelling, spelling.capitalize(), "-".join(part.capitalize() for part in spelling.split("-")),
            spelling.upper()}


@Language.component(HYPHENATED)
def lemma_hyphenated_words(doc):
    """A hyphenated spelling kept whole by the tokenizer takes the one-word spelling's lemma, and
    is a noun (every word of the table is): the tagger reads the shape "xxxx-xxxx" as an
    adjective even where the parser made the word a subject ("Ghana's counter-offensive stalled")."""
    table = hyphenated_words()
    for token in doc:
        if "-" in token.text and token.lower_ in table:
            word, lemma = table[token.lower_]
            token.lemma_, token.pos_, token.tag_ = lemma, "NOUN", "NN" if word == lemma else "NNS"
    return doc


def load_model(name: str) -> Language:
    nlp = spacy.load(name)
    for text, norm in READ_AS.items():
        nlp.vocab[text].norm_ = norm
    for spelling, (word, _) in hyphenated_words().items():
        for text in _spellings_in_case(spelling):
            nlp.tokenizer.add_special_case(text, [{ORTH: text, NORM: word}])
    index_attribute_ruler(nlp)  # same annotations, a sixth of the ruler's time
    memoize_lemmatizer(nlp)  # same lemmas, a quarter of the lemmatizer's time
    if NAME_SPANS not in nlp.pipe_names:
        nlp.add_pipe(NAME_SPANS, first=True)
    if PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser" if "parser" in nlp.pipe_names else None)
    if "lemmatizer" in nlp.pipe_names and VERB_LEMMAS not in nlp.pipe_names:
        nlp.add_pipe(VERB_LEMMAS, after="lemmatizer")
    if "lemmatizer" in nlp.pipe_names and HYPHENATED not in nlp.pipe_names:
        nlp.add_pipe(HYPHENATED, after="lemmatizer")
    if "parser" in nlp.pipe_names and HEADLINE_VERBS not in nlp.pipe_names:
        nlp.add_pipe(HEADLINE_VERBS, last=True)
    return nlp


def surface_forms(nlp: Language, lemmas: Iterable[str], pos: str = "verb") -> set[str]:
    """Every lower-case word that this model may lemmatize to one of `lemmas` as `pos`
    ("verb", "noun", "adj"). For many calls on one model, build one `SurfaceForms`."""
    return SurfaceForms(nlp)(lemmas, pos)


class SurfaceForms:
    """The spellings a model gives its lemmas: `spell(lemmas, pos)` → lower-case words.

    The inverse of the rule lemmatizer (suffix rules and exceptions for `pos`), plus
    the attribute ruler's lemma overrides and tokenizer special cases that contain
    such a word ("gonna"); regular inflections and common irregulars when the model
    has no rule tables (a lookup or a trainable lemmatizer).

    The answer for a set of lemmas is the union of the answers for each, so each
    lemma is spelled once and remembered, and the attribute ruler's patterns and the
    tokenizer's special cases are indexed once: the pre-filter asks about a few
    thousand lemmas in hundreds of calls, and scanning every special case on each
    call cost seconds at every worker start.
    """

    def __init__(self, nlp: Language):
        from transforms.extract.prefilter import runs

        self._nlp = nlp
        self._tables: dict[str, tuple] = {}
        self._known: dict[tuple[str, str], frozenset[str]] = {}
        self._ruler_forms: dict[str, set[str]] = {}
        if "attribute_ruler" in nlp.pipe_names:
            for pattern in nlp.get_pipe("attribute_ruler").patterns:
                lemma = str(pattern["attrs"].get("LEMMA", "")).lower()
                if not lemma:
                    continue
                for tokens in pattern["patterns"]:
                    token = tokens[pattern.get("index", 0)] if tokens else {}
                    for value in (token.get("LOWER"), token.get("ORTH"), token.get("TEXT")):
                        if isinstance(value, str):
                            self._ruler_forms.setdefault(lemma, set()).update(runs(value))
        # A special case's piece (lower case) → the words of the special cases that hold it.
        self._specials: dict[str, set[str]] = {}
        for special, pieces in nlp.tokenizer.rules.items():
            for piece in pieces:
                self._specials.setdefault(str(piece.get(65, piece.get("ORTH", ""))).lower(), set()).update(
                    runs(special))

    def __call__(self, lemmas: Iterable[str], pos: str = "verb") -> set[str]:
        found: set[str] = set()
        for lemma in {lemma.lower() for lemma in lemmas}:
            key = (lemma, pos)
            if key not in self._known:
                self._known[key] = self._spell(lemma, pos)
            found |= self._known[key]
        return found

    def _spell(self, lemma: str, pos: str) -> frozenset[str]:
        from transforms.extract.prefilter import english_inflections, rule_inflections, runs

        if pos not in self._tables:
            rules, exceptions = _tables(self._nlp, pos)
            exception_forms: dict[str, set[str]] = {}  # lemma → the exceptional forms that give it
            for form, form_lemmas in exceptions.items():
                for form_lemma in form_lemmas:
                    exception_forms.setdefault(form_lemma, set()).add(form)
            self._tables[pos] = rules, exception_forms
        rules, exception_forms = self._tables[pos]
        forms = english_inflections(lemma)
        if rules is not None:
            forms |= rule_inflections(lemma, rules, {}) | exception_forms.get(lemma, set())
        forms |= self._ruler_forms.get(lemma, set())
        for form in list(forms):
            forms |= self._specials.get(form, set())
        words = {f for f in forms if re.fullmatch(r"[^\W_]+", f)} | {r for f in forms for r in runs(f)[-1:]}
        # A clitic's letters are no word: "let's" must not make every "Israel's" a trigger.
        return frozenset(w for w in words if len(w) > 1)


def _tables(nlp: Language, pos: str):
    if "lemmatizer" not in nlp.pipe_names:
        return None, {}
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule":
        return None, {}
    lookups = lemmatizer.lookups
    rules = lookups.get_table("lemma_rules", {}).get(pos, [])
    exceptions = lookups.get_table("lemma_exc", {}).get(pos, {})
    return [tuple(rule) for rule in rules], dict(exceptions)
