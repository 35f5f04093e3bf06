"""Loading the spaCy model the way the extractor needs it.

Feed text keeps its paragraphs as line breaks, and the small model's parser
often runs a sentence across them (a quote's closing mark, a "Read more:"
line). A line break therefore always starts a new sentence: the component
below sets that before the parser runs, and the parser respects it.

The extractor reads POS tags (tagger + attribute_ruler), dependencies and
sentences (parser), lemmas (lemmatizer) and PERSON entities (ner): every
component of the small English models is used, so none is disabled.

`surface_forms` reads the model's own lemmatizer tables
so that the pre-filter knows every spelling the model turns into a verb lemma.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import spacy
from spacy.language import Language

PARAGRAPHS = "eventwire_paragraphs"


@Language.component(PARAGRAPHS)
def paragraph_boundaries(doc):
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or (token.is_space and "\n" in token.text):
            token.is_sent_start = True
    return doc


def load_model(name: str) -> Language:
    nlp = spacy.load(name)
    if PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser" if "parser" in nlp.pipe_names else None)
    return nlp


def surface_forms(nlp: Language, lemmas: Iterable[str], pos: str = "verb") -> set[str]:
    """Every lower-case word that this model may lemmatize to one of `lemmas` as `pos`
    ("verb", "noun", "adj").

    The inverse of the rule lemmatizer (suffix rules and exceptions for `pos`), plus
    the attribute ruler's lemma overrides and tokenizer special cases that contain
    such a word ("gonna"); regular inflections and common irregulars when the model
    has no rule tables (a lookup or a trainable lemmatizer).
    """
    from transforms.extract.prefilter import english_inflections, rule_inflections, runs

    lemmas = {lemma.lower() for lemma in lemmas}
    forms: set[str] = set()
    rules, exceptions = _tables(nlp, pos)
    for lemma in lemmas:
        forms |= english_inflections(lemma)
        if rules is not None:
            forms |= rule_inflections(lemma, rules, exceptions)
    if "attribute_ruler" in nlp.pipe_names:
        for pattern in nlp.get_pipe("attribute_ruler").patterns:
            lemma = str(pattern["attrs"].get("LEMMA", "")).lower()
            if lemma in lemmas:
                for tokens in pattern["patterns"]:
                    token = tokens[pattern.get("index", 0)] if tokens else {}
                    for value in (token.get("LOWER"), token.get("ORTH"), token.get("TEXT")):
                        if isinstance(value, str):
                            forms.update(runs(value))
    for special, pieces in nlp.tokenizer.rules.items():
        if any(str(piece.get(65, piece.get("ORTH", ""))).lower() in forms for piece in pieces):
            forms.update(runs(special))
    words = {f for f in forms if re.fullmatch(r"[^\W_]+", f)} | {r for f in forms for r in runs(f)[-1:]}
    # A clitic's letters are no word: "let's" must not make every "Israel's" a trigger.
    return {w for w in words if len(w) > 1}


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
