"""Names of bodies that read as a clause: "Committee to Protect Journalists", "Save the
Children", "Doctors Without Borders".

The small model parses such a name as words of the sentence: "Protect" and "Save" come out as
verbs (an act of protecting, a rescue), "Without Borders" as a phrase of the verb, and the
resolver, which reads a name from a noun and its compounds, finds only "Committee" or
"Doctors". So the statement "the Committee to Protect Journalists condemned the arrest" gave
an act of protection by nobody in particular and no condemnation by the CPJ.

A component that runs right after the tokenizer, before any other, merges each such name of
schemas/data/organizations.csv (a name of three words or more whose second word is "to", "the"
or "without": LINKING_WORDS) into one token, with a proper noun's
features: the tagger, the parser and the recognizer see a name where the words were, and the
resolver looks the whole name up. Names are matched as written (case matters: "save the
children" in a sentence is not the charity).
"""
from __future__ import annotations

import functools

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from schemas import ontology

NAME_SPANS = "eventwire_name_spans"
# The word after a name's first word that makes the name read as a clause: "Committee to
# Protect ...", "Save the ...", "Doctors Without ...". Names that link with "of", "for" or "and"
# ("International Committee of the Red Cross", "Law and Justice") parse as noun phrases, which the
# resolver reads, and merging them made the parser misread the verb after them.
LINKING_WORDS = frozenset({"to", "the", "without"})


@functools.cache
def clause_like_names() -> tuple[str, ...]:
    """Organisation names (as written in the table) whose words include a linking word."""
    names = set()
    for row in ontology.table_rows("organizations.csv"):
        for name in row["names"].split("|"):
            words = name.split()
            if len(words) >= 3 and words[1].lower() in LINKING_WORDS and words[0][:1].isupper():
                names.add(name)
    return tuple(sorted(names))


@Language.factory(NAME_SPANS)
def make_name_spans(nlp: Language, name: str):
    return NameSpans(nlp)


class NameSpans:
    def __init__(self, nlp: Language):
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.matcher.add(NAME_SPANS, list(nlp.tokenizer.pipe(clause_like_names())))

    def __call__(self, doc: Doc) -> Doc:
        spans = filter_spans([doc[start:end] for _, start, end in self.matcher(doc)])
        if spans:
            with doc.retokenize() as retokenizer:
                for span in spans:
                    retokenizer.merge(span, attrs={"TAG": "NNP", "POS": "PROPN", "LEMMA": span.text})
        return doc
