"""Loading the spaCy model the way the extractor needs it.

Feed text keeps its paragraphs as line breaks, and the small model's parser
often runs a sentence across them (a quote's closing mark, a "Read more:"
line). A line break therefore always starts a new sentence: the component
below sets that before the parser runs, and the parser respects it.
"""
from __future__ import annotations

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
