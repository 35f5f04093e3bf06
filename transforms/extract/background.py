"""Acts told as history: "kidnapped by Islamic State in 2014" in a story of 2019 is background,
and so is the act a "since" clause names as the start of a state of things ("has fled since
Russia invaded"), and a perfect that has lasted years ("has fought Turkey for 40 years").

The sentence's own time expressions (transforms/extract/event_dates.history_spans) name a year,
or a month of a year, that ended well before publication; the act is history when such a year
belongs to the act's own clause. A past year in another clause ("restored relations, which were
severed in 2023") leaves the act news, and so does a year that is only a point of comparison
("the first leader to address the assembly since Atassi in 1967").
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

from transforms.extract.doc_cache import span_text
from transforms.extract.event_dates import MONTH_ALONE, MONTH_NUMBERS, history_spans, past_days_named
from transforms.extract.tense import PERFECT_AUXILIARIES

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
        if year is None or clause_verb(year.root, stop=BASELINE_WORDS) != own_clause or (
                not year.text.isdigit() and _dates_a_noun(year)):  # a period's, not a year's
            continue
        between = {t.lower_ for t in sent.doc[min(own_clause.i, year.start) : year.start]}
        if not between & BASELINE_WORDS:  # "... since Atassi in 1967": a baseline the parser put on the verb
            return True
    return False


def _dates_a_noun(span) -> bool:
    """"demanded reparations for Nazi crimes during World War Two": the period is the crimes', a
    noun's, not the demand's (the clause the parser climbs to from the noun is the demand's).
    Only for named periods: a year is checked as it always was."""
    prep = span.root.head
    while prep.dep_ in ("pobj", "compound", "amod", "det") and prep.head is not prep:  # "the Second World War"
        prep = prep.head
    if prep.dep_ == "prep" and prep.lower_ in ("in", "during") and prep.head.pos_ in ("NOUN", "PROPN"):
        return True
    # the parser often hangs it on the verb: a common noun right before it that ends a reason or
    # topic ("for Nazi crimes", "over forced labour"), not a "by" agent ("hanged by German troops")
    before = span.doc[span.start - 2] if span.start >= 2 else None
    return (before is not None and before.pos_ == "NOUN" and before.dep_ == "pobj"
            and before.head.lower_ in REASON_PREPS)


REASON_PREPS = frozenset({"for", "over", "of", "against", "about"})


# An event noun named by its day this long after it is the event everyone knows ("Hamas's 7
# October attacks" in a story of November), not the day's news.
DATED_BACKGROUND_DAYS = 14
# The children of an event noun that hold the day it names: "the Oct. 7 attack", "Hamas's 7
# October attacks", "a Hamas attack on Oct. 7".
_DAY_DEPS = frozenset({"compound", "nmod", "nummod", "npadvmod", "amod", "poss"})


def named_by_a_past_day(noun, published: dt.datetime | None, fallback: dt.date) -> bool:
    """Whether an event noun's own phrase names the day it happened, DATED_BACKGROUND_DAYS or more
    before publication: "following Hamas's 7 October attacks" a month on refers to them. Only
    nouns: a verb with a date ("Hamas attacked on 7 October") is the sentence's own telling, which
    `told_as_history` judges."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    parts = [t for c in noun.children if c.dep_ in _DAY_DEPS and c.i < noun.i for t in c.subtree]
    parts += [t for c in noun.children if c.dep_ == "prep" and c.lower_ == "on" for t in c.subtree]
    if not parts:
        return False
    start, end = min(t.i for t in parts), max(t.i for t in parts)
    local = published.date() if published is not None else fallback
    text = noun.doc[start : end + 1].text
    return any((local - day).days >= DATED_BACKGROUND_DAYS
               for day in past_days_named(text, local) + _past_months_ended(text, local))


def _past_months_ended(text: str, local: dt.date) -> list[dt.date]:
    """The last day of each month a phrase names alone ("Yoon's March visit", "the January
    talks"), in its year when it gives one, else the last such month before the publication's
    own (the publication's month names this month's event: none)."""
    ends = []
    for match in MONTH_ALONE.finditer(text):
        month = MONTH_NUMBERS[match["month"].lower().rstrip(".")]
        if match["year"]:
            year = int(match["year"])
        elif month == local.month:
            continue
        else:
            year = local.year if month < local.month else local.year - 1
        ends.append(dt.date(year, month, calendar.monthrange(year, month)[1]))
    return ends


def clause_verb(token, stop: frozenset = frozenset()):
    """The verb of the clause a token is in (the token itself when it is one); None when the way
    up passes a word of `stop`."""
    # "following", "including" as prepositions are no clause's verb
    while (token.pos_ not in ("VERB", "AUX") or token.dep_ == "prep") and token.head.i != token.i:
        if token.lower_ in stop:
            return None
        token = token.head
    return token


PAST_TAGS = frozenset({"VBD", "VBN"})
# A row's verb inside these stays inside the clause that holds it ("since the US said it would
# expel ...": the expelling is part of what the "since" clause tells).
INNER_CLAUSES = frozenset({"ccomp", "xcomp", "conj"})


def told_as_starting_point(verb) -> bool:
    """The act is the point a state of things is measured from: "millions have fled since Russia
    invaded Ukraine", "the first visit since relations were restored", "the first tank to be
    provided since Russia invaded". The "since" clause is in the past; a causal "since" ("since
    Moscow refuses, the EU will ...") is in the present and stays news, and so does a "since"
    clause on a simple past ("since the talks failed, both sides accused ...")."""
    clause = verb
    while not _marked_since(clause) and clause.dep_ in INNER_CLAUSES and clause.head.i != clause.i:
        clause = clause.head
    if not _marked_since(clause) or clause.tag_ not in PAST_TAGS:
        return False
    return clause.head.i != clause.i and clause.head.tag_ != "VBD"


# Measures that make an "after" or "before" clause the point another act is dated from.
LONG_MEASURES = frozenset({"week", "month", "year", "decade"})
REFERENCE_MARKS = frozenset({"after", "before"})


def told_as_reference_point(verb) -> bool:
    """The act dates another by weeks or more: "fled weeks after Moscow launched its invasion",
    "two years after Russia invaded": the invasion is the story's reference point, not its
    news. "Hours after" and "days after" stay news (the same day's story)."""
    clause = verb
    while not _marked(clause, REFERENCE_MARKS) and clause.dep_ in INNER_CLAUSES and clause.head.i != clause.i:
        clause = clause.head
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in REFERENCE_MARKS), None)
    if mark is None or mark.i == 0:
        return False
    measure = mark.doc[mark.i - 1]  # the parser hangs it anywhere: "weeks after ..."
    return measure.lemma_.lower() in LONG_MEASURES


def _marked(clause, marks) -> bool:
    return any(child.dep_ == "mark" and child.lower_ in marks for child in clause.children)


def _marked_since(clause) -> bool:
    return _marked(clause, SINCE)


SINCE = frozenset({"since"})


LONG_SPANS = frozenset({"year", "years", "decade", "decades", "century", "centuries"})
YEAR = re.compile(r"(1[89]|20)\d\d")


def told_as_lasting(verb, publication_year: int) -> bool:
    """A simple perfect whose own clause says it has held for a year or more ("which has fought
    the Turkish state for more than 40 years", "have supported the Kurds since 2014"): a state of
    things the story explains, not an act of the day. Days or weeks ("has shelled the city for
    three days") are news, and so is the perfect progressive, an activity reported as going on
    now ("the CSTO has been encouraging NATO for many years to ...")."""
    clause = clause_verb(verb)
    if clause is None:
        return False
    while clause.dep_ == "conj" and clause.head.i != clause.i and not _perfect(clause):
        clause = clause.head
    if not _perfect(clause) or clause.tag_ == "VBG":
        return False
    # "have for years sought the arrest of ...": the parser hangs the span on the auxiliary
    auxiliary_phrases = [p for aux in clause.children if aux.dep_ == "aux" for p in aux.children]
    for prep in [*clause.children, *auxiliary_phrases]:
        if prep.dep_ != "prep":
            continue
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if prep.lower_ == "for" and any(o.lower_ in LONG_SPANS for o in objects):
            return True
        if prep.lower_ == "since" and any(YEAR.fullmatch(o.text) and int(o.text) < publication_year for o in objects):
            return True
    return False


def _perfect(clause) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in PERFECT_AUXILIARIES for c in clause.children)
