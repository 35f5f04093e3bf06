"""Acts told as history: "kidnapped by Islamic State in 2014" in a story of 2019 is background.

The sentence's own time expressions (transforms/extract/event_dates.history_spans) name a year,
or a month of a year, that ended well before publication; the act is history when such a year
belongs to the act's own clause. A past year in another clause ("restored relations, which were
severed in 2023") leaves the act news, and so does a year that is only a point of comparison
("the first leader to address the assembly since Atassi in 1967").
"""
from __future__ import annotations

import datetime as dt

from transforms.extract.doc_cache import span_text
from transforms.extract.event_dates import history_spans

# A year inside these names a point of comparison, not the act's time.
BASELINE_WORDS = frozenset({"since", "than", "after", "before", "until"})


def told_as_history(verb, published: dt.datetime | None, fallback: dt.date) -> bool:
    """Whether the clause of `verb` (a token: the verb or event noun of a row) dates it to an
    earlier year or month. `published` is the publication time on the publisher's clock."""
    sent = verb.sent
    spans = history_spans(span_text(sent), published, fallback)
    if not spans:
        return False
    own_clause = clause_verb(verb)
    for start, end in spans:
        year = sent.char_span(start, end)
        if year is None or clause_verb(year.root, stop=BASELINE_WORDS) != own_clause:
            continue
        between = {t.lower_ for t in sent.doc[min(own_clause.i, year.start) : year.start]}
        if not between & BASELINE_WORDS:  # "... since Atassi in 1967": a baseline the parser put on the verb
            return True
    return False


def clause_verb(token, stop: frozenset = frozenset()):
    """The verb of the clause a token is in (the token itself when it is one); None when the way
    up passes a word of `stop`."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        if token.lower_ in stop:
            return None
        token = token.head
    return token
