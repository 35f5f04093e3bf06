"""What the parse tells the event date of a verb: its tense, the clauses under it that tell of
other events, and the main clause that dates its own clause by a measure ("a day after ...":
`days_from_main`, used by transforms/extract/rows.event_date_of).

A weekday means a different day in "Israel raided the hospital on Wednesday" (the Wednesday
before publication) and "the court holds a hearing Tuesday" (the coming one, when Tuesday is
near). Words alone cannot tell a present-tense verb from a plural noun ("raids", "holds"), so the
tense comes from the parser's tags and is handed to `event_dates.resolve_event_date`, with the
spans of `other_event_spans`, whose time words it leaves out.
"""
from __future__ import annotations

from schemas import ontology

PAST = "past"
PRESENT = "present"
FUTURE = "future"

_PAST_TAGS = frozenset({"VBD"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
PERFECT_AUXILIARIES = frozenset({"have", "has", "had", "'ve"})


def verb_tense(verb) -> str | None:
    """PAST, PRESENT, FUTURE or None (not a finite verb, or not decided: the caller's default).

    * PAST: a past form ("raided"), a past auxiliary ("was raided", "did not raid") or a
      perfect ("has raided": the act is done).
    * PRESENT: a present form with no past auxiliary ("raids", "is raiding", "are released").
    * FUTURE: the headline infinitive, a verb whose only auxiliary is "to" and that heads the
      sentence ("Lavrov to visit North Korea on Wednesday"), or stands in one without a finite
      verb, which the parser may root on a noun ("Cyclone Freddy to slam Mozambique Friday").
    """
    if not verb.tag_.startswith("VB"):
        return None
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if [a.lower_ for a in auxiliaries] == ["to"] and (verb.dep_ == "ROOT" or verbless_headline(verb.sent)):
        return FUTURE
    if any(a.tag_ in _PAST_TAGS or a.lower_ in PERFECT_AUXILIARIES for a in auxiliaries):
        return PAST
    if any(a.tag_ == "MD" for a in auxiliaries):
        return None  # "will", "could": the sentence's own future cues decide
    if verb.tag_ in _PAST_TAGS:
        return PAST
    if verb.tag_ in PRESENT_TAGS or any(a.tag_ in PRESENT_TAGS for a in auxiliaries):
        return PRESENT
    return None


FINITE_TAGS = _PAST_TAGS | PRESENT_TAGS | {"MD"}


def verbless_headline(sent) -> bool:
    """A sentence with no finite verb: a headline ("Rafah land crossing to reopen Sunday")."""
    return not any(t.tag_ in FINITE_TAGS for t in sent)


# Clauses under the event's verb that tell of other events, each with its own time: a relative
# clause ("condemned the unrest that emerged over the weekend", "wildfires, 64 of which started
# Sunday"). Measured on the development sentences of tools/score_event_dates.py, clauses after a
# preposition ("despite losing Tuesday's second leg"), on a noun ("a deal announced Monday"),
# reported clauses and clauses opened by a conjunction lost more than they gained: they often
# share the event's time.
OTHER_EVENT_CLAUSES = frozenset({"relcl"})


def _clause_spans(verb, base: int, heads) -> tuple[tuple[int, int], ...]:
    """Character spans, counted from `base` (the evidence sentence's start in the text), of the
    clauses under `verb` headed by a token for which `heads(token)` is true."""
    spans = set()
    for token in verb.subtree:
        if token.i != verb.i and heads(token):
            left, right = token.left_edge, token.right_edge
            spans.add((left.idx - base, right.idx + len(right.text) - base))
    return tuple(sorted(spans))


def other_event_spans(verb, base: int) -> tuple[tuple[int, int], ...]:
    """The spans of the clauses under `verb` that tell of other events (OTHER_EVENT_CLAUSES), and
    of weekdays that date another noun (`dates_another_noun`)."""
    return _clause_spans(verb, base, lambda token: token.dep_ in OTHER_EVENT_CLAUSES
                         or dates_another_noun(token, verb))


WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
# A day's papers report that day's news: "Tuesday's papers lead with the strike" is dated by it.
NEWS_OF_THE_DAY_NOUNS = frozenset({"paper", "papers", "newspaper", "newspapers", "page", "pages",
                                   "edition", "editions", "headline", "headlines"})


def dates_another_noun(token, verb) -> bool:
    """A weekday in the possessive dates its noun, not the clause: "ASEAN condemns Sunday's
    attack" is a condemnation of the day of publication, "withdrawn from Saturday's Derby" a
    withdrawal. Only the event noun itself ("Sunday's attack" as the row) takes that day."""
    return (token.dep_ == "poss" and token.lower_ in WEEKDAYS and token.head.i != verb.i
            and token.head.lemma_.lower() not in NEWS_OF_THE_DAY_NOUNS)


# Clauses under the event's verb that tell of what is planned or chosen, not done: "give up on
# clinching a trade pact next week" (a clause after a preposition), "Malmo chosen to host Eurovision
# next year" (a clause on a noun). A period still to come in them is the plan's time, not the
# event's: the event is the giving up, the choice. Measured on the development sentences of
# tools/score_event_dates.py, the complements of verbs ("xcomp": "are running to face off against
# Maduro next year") and adverbial clauses lost more than they gained.
PLAN_CLAUSES = frozenset({"pcomp", "acl"})
_NONFINITE_TAGS = frozenset({"VB", "VBG"})


def plan_clause_spans(verb, base: int) -> tuple[tuple[int, int], ...]:
    """The spans of the non-finite clauses under `verb` that tell of a plan (PLAN_CLAUSES)."""
    return _clause_spans(verb, base, lambda token: token.dep_ in PLAN_CLAUSES and token.tag_ in _NONFINITE_TAGS)


# Clauses of condition and time whose present tense tells of what is to come: "if he is granted
# parole on Friday", "when totals are released Monday" (the coming Friday and Monday). "After"
# and "before" are left out: headlines tell past news in the present ("strikes Gaza after Hamas
# fires rockets").
FUTURE_CLAUSE_MARKS = frozenset({"if", "when", "once", "until", "unless"})


def future_clause_spans(verb, base: int) -> tuple[tuple[int, int], ...]:
    """Character spans, counted from `base`, of the clauses of `verb`'s sentence opened by one of
    FUTURE_CLAUSE_MARKS whose verb is in the present and hangs on a verb not in the past."""
    spans = set()
    for token in verb.sent:
        if token.dep_ != "advcl" or verb_tense(token) != PRESENT or verb_tense(token.head) == PAST:
            continue
        if not any(c.dep_ in ("mark", "advmod") and c.lower_ in FUTURE_CLAUSE_MARKS for c in token.children):
            continue
        left, right = token.left_edge, token.right_edge
        spans.add((left.idx - base, right.idx + len(right.text) - base))
    return tuple(sorted(spans))


def days_from_main(verb):
    """(main verb, days) when `verb` heads a clause that the main clause dates by a measure and
    "after" or "before": in "the talks opened a day after Ghana and Togo announced a deal" the
    announcement is the opening's day minus one (days = -1); "two days before the vote" is plus
    two; "hours after" is the same day (0). None for any other verb, and for measures that give
    no day ("weeks after"). The measure stands just before the mark, on either verb (the parser
    hangs it on one or the other): schemas/data/sequence_measures.csv."""
    if verb.dep_ != "advcl":
        return None
    marks = [c for c in verb.children if c.dep_ == "mark" and c.lower_ in _SEQUENCE_MARKS]
    if not marks or marks[0].i == 0:
        return None
    mark = marks[0]
    measure = verb.doc[mark.i - 1]
    if measure.dep_ != "npadvmod" or measure.head not in (verb, verb.head):
        return None
    unit = _MEASURE_DAYS.get(measure.lower_)
    if unit is None:
        return None
    counts = [c for c in measure.children if c.dep_ in ("det", "nummod")]
    if unit == 0:
        days = 0
    elif not counts:
        return None
    elif counts[0].lower_.isdigit():
        days = int(counts[0].lower_) * unit
    elif counts[0].lower_ in _COUNT_WORDS:
        days = _COUNT_WORDS[counts[0].lower_] * unit
    else:
        return None
    return verb.head, days * _SEQUENCE_MARKS[mark.lower_]


def _sequence_table() -> tuple[dict, dict, dict]:
    marks, measures, counts = {}, {}, {}
    for row in ontology.table_rows("sequence_measures.csv"):
        table = {"mark": marks, "measure": measures, "count": counts}[row["kind"]]
        table[row["word"]] = int(row["value"])
    return marks, measures, counts


_SEQUENCE_MARKS, _MEASURE_DAYS, _COUNT_WORDS = _sequence_table()
