"""The day an event happened, read from its sentence and the article's publication time.

`date` (the partition) is when the article was published; a report published on Tuesday
about "Monday's strike" is about Monday. `resolve_event_date` finds the time expressions of
the sentence and turns the one that dates its event into a calendar day, counted from the
publisher's LOCAL date (an article published at 01:30 in Tokyo on the 5th is dated the 4th in
UTC; its "yesterday" is the 4th). Plain Python, no spaCy: it needs only the sentence.

Rules (each one measured on tests/data/event_date_sentences.jsonl, see tools/score_event_dates.py):

* **Weekdays** ("on Monday", "late on Friday", "Tuesday night", "Sunday's election") are the
  most recent such day on or before the local publication date; with a future cue in the
  sentence ("will", "would", "is set to", "scheduled for", "preview") the next one on or after
  it: an announced event is dated by the day it is to happen. "last Monday" is strictly
  before, "next Monday" strictly after. A weekday that a speech verb dates ("said on
  Monday") is the day of the statement, never a future one. The caller may pass the tense of
  the event's verb (transforms/extract/tense.py): in the present tense a weekday is the nearer
  of the last and the next one, up to NEAREST_AHEAD_DAYS ahead ("the court holds a hearing
  Tuesday" read on Sunday; "Israel raids the hospital on Friday" read on Monday); a headline
  infinitive ("Lavrov to visit Pyongyang on Wednesday") is a future.
* **Relative phrases** (`schemas/data/date_phrases.csv`): "today", "this morning", "tonight"
  are the local date; "yesterday", "last night", "a day earlier" the day before;
  "overnight" is dated by the evening the night began: the day before the local publication
  date (published 01:30 local about overnight strikes: the previous day; "overnight into
  Tuesday": Monday).
* **Explicit dates** ("March 3", "3 March 2023", "Oct. 7", ISO "2023-03-03", "on the 5th", a
  holiday on a fixed date: "on Christmas Day", schemas/data/holidays.csv):
  that day; without a year, the year that puts it nearest the publication date
  ("December 30" published January 2 is the previous December), or the next occurrence with a
  future cue. A date used as a name ("the October 7 attack", "the events of January 8",
  "over Jan. 6") does not date the sentence; after a time of day it dates it ("the early hours
  of May 1").
* **Vague** ("last week", "this month", "over the weekend", "in October", "in 2022",
  "recently", "until Friday", "two years ago", a span of days that has begun: "held from
  November 16-18", a total "by" a day told in the past: "were burned by May 31"): the sentence
  says the event is not on the publication date but gives no day: `None` (basis "vague"). A
  deadline ahead is its day ("will shut down by Saturday"). A span still to come is its first day ("will travel November
  1-9"); a period to come does not date an act told in the past ("ordered him held until a
  hearing next week" is dated by publication).
* **Future cues** after the day do not govern it in a past-tense sentence ("demonstrated on
  Saturday against the government's plans to ..."); a bare "due to" is a cue only when the verb
  is not in the past ("killed due to heavy rain on Friday"); a date announced as ahead that fell
  at most STALE_ANNOUNCEMENT_DAYS before publication is that date, in a late item.
* **Which expression**: one governed by "since", "before", "ahead of" marks a reference point,
  not the event, and is skipped; but what has lasted "since" a day ("has been held since
  Tuesday", "has freed 40 prisoners since the truce began on Friday") happened on no one day:
  vague, when nothing else dates the sentence (a record counted from a day, "the first visit
  since 2014", is news of now); a possessive period ("this week's", "next year's") names a
  thing, not the event. Then the first day the sentence gives for its event wins (an explicit
  date or weekday before a relative phrase), before a statement's day ("said on Tuesday that
  ... on Monday" is Monday), before a vague period, before a day governed by "after",
  "following" or a relative pronoun ("dead after flooding early Wednesday", "64 of which
  started Sunday"); a vague period in those side clauses is ignored.
* **Nothing** dates the sentence: the fallback (the row's `date`), basis "published".

A clause that the main clause dates by a measure ("a day after Ghana and Togo announced a deal")
needs the parse to be found; the caller moves the main clause's day by it
(`transforms.extract.rows.event_date_of`, `transforms.extract.tense.days_from_main`).
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from pathlib import Path
from typing import NamedTuple

from transforms.extract.tense import FUTURE, PAST, PRESENT

DATA = Path(__file__).resolve().parents[2] / "schemas" / "data" / "date_phrases.csv"

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
_MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
                        "sept": 9, "oct": 10, "nov": 11, "dec": 12}
MONTH_NUMBERS = {**{name: i for i, name in enumerate(MONTHS, 1)}, **_MONTH_ABBREVIATIONS}

# Month names are matched case-sensitively (capitalised or upper case): "may" and "march" are verbs.
_MONTH = r"(?:" + "|".join(
    sorted({m.capitalize() for m in MONTH_NUMBERS} | {m.upper() for m in MONTH_NUMBERS}, key=len, reverse=True)
) + r")(?![\w-])\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:|%|\.\d)"
_YEAR = r"(?:19[5-9]\d|20\d\d)(?!\d)"
_WEEKDAY = r"(?i:" + "|".join(WEEKDAYS) + r")"

_YEAR_AFTER = rf"(?:,?\s+(?P<year>{_YEAR})|\s+(?P<relative_year>(?i:last|this|next))\s+(?i:year))?"
MONTH_DAY = re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>{_DAY}){_YEAR_AFTER}")
DAY_MONTH = re.compile(rf"\b(?:(?i:the)\s+)?(?P<day>{_DAY})\s+(?:(?i:of)\s+)?(?P<month>{_MONTH}){_YEAR_AFTER}")
ISO_DATE = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
ORDINAL_DAY = re.compile(r"\b(?i:on\s+the)\s+(?P<day>(?:[12]\d|3[01]|0?[1-9]))(?i:st|nd|rd|th)\b")
WEEKDAY = re.compile(
    rf"\b(?:(?P<modifier>(?i:last|next|this\s+coming|coming))\s+)?(?P<weekday>{_WEEKDAY})(?!s\b)(?:'s|’s)?\b"
)
# A span of days that has begun ("occurring from November 16-18", "between Saturday and
# Wednesday", read after them) dates no single day: vague, like "last week". One still to come
# ("will travel November 1-9") is news of its first day, and is read as that day.
_POINT = rf"(?:{_WEEKDAY}|{_MONTH}\s+{_DAY}|{_DAY}\s+(?:(?i:of)\s+)?{_MONTH}|{_DAY})"
DATE_RANGE = re.compile(
    rf"\b(?i:from|between)\s+{_POINT}\s*(?:(?i:to|until|till|through|and)\s|[-–])\s*{_POINT}"
    rf"|\b{_MONTH}\s+{_DAY}\s*[-–]\s*{_DAY}|\b{_DAY}\s*[-–]\s*{_DAY}\s+{_MONTH}")
OVERNIGHT_INTO = re.compile(rf"\b(?i:overnight\s+(?:into|to))\s+(?P<weekday>{_WEEKDAY})\b")
MONTH_ALONE = re.compile(rf"\b(?P<month>{_MONTH})(?:\s+(?P<year>{_YEAR}))?(?!\s*\d)")
YEAR_ALONE = re.compile(rf"(?<![\d-])(?P<year>{_YEAR})(?!-\d)")
# Words that make a bare month or year a period of time ("in October", "from 2019 to 2022"); "of"
# only for months ("the end of July"): "defamation of 2020 election workers" names a thing.
_PERIOD_WORDS = {"in", "during", "since", "until", "by", "from", "to", "through", "last", "this", "next",
                 "early", "mid", "late", "and", "between"}
# A month-day after these is a date used as a name: "the October 7 attack", "the events of January 8".
_NAME_WORDS = {"the", "of", "over", "a", "an"}
_DATE_PREPOSITIONS = {"on", "from", "to", "until", "by", "since", "before", "after", "as"}
# "the early hours of May 1", "the night of 3 March": a time of that day, not a name.
_TIME_OF_DAY = {"hours", "morning", "afternoon", "evening", "night", "dawn", "day"}
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\n\"“”—–]|\s-\s|--")
_WORD = re.compile(r"[\w'’.-]+")
WINDOW_WORDS = 12  # how far back a governor ("since", "after") reaches within the clause
SPEECH_REACH_WORDS = 4  # "told lawmakers in parliament on Tuesday"
# A weekday in a present-tense clause is the nearer of the last and the next one: up to this many
# days ahead ("holds a hearing Tuesday" on Sunday), else behind ("raids the hospital on Friday"
# read on Monday).
NEAREST_AHEAD_DAYS = 3
# A date announced as ahead that fell this many days before publication is that date, passed.
STALE_ANNOUNCEMENT_DAYS = 3


class Phrase(NamedTuple):
    kind: str
    pattern: re.Pattern
    days: int | None
    reach: str


class Mention(NamedTuple):
    """One time expression of the sentence: where it is and the day it names (None: vague)."""

    start: int
    end: int
    day: dt.date | None
    role: str  # "main", "speech", "vague", "after", "since"
    what: str  # "explicit", "weekday", "relative", "vague"


@functools.lru_cache(maxsize=1)
def holiday_patterns() -> tuple[tuple[re.Pattern, int, int], ...]:
    """Holidays on a fixed date ("Christmas Day", "New Year's Eve"): schemas/data/holidays.csv."""
    rows = []
    with open(DATA.with_name("holidays.csv"), encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name = re.escape(row["name"]).replace("'", "['’]")
            rows.append((re.compile(rf"(?<![\w'’]){name}(?![\w])", re.IGNORECASE), int(row["month"]), int(row["day"])))
    return tuple(rows)


@functools.lru_cache(maxsize=1)
def phrase_table() -> tuple[Phrase, ...]:
    """The phrase table, longest phrases first so "the day before yesterday" beats "yesterday"."""
    rows = []
    with open(DATA, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            pattern = re.compile(r"(?<![\w'’])(?:" + row["phrase"] + r")(?![\w])", re.IGNORECASE)
            rows.append(Phrase(row["kind"], pattern, int(row["days"]) if row["days"] else None, row["reach"]))
    return tuple(sorted(rows, key=lambda p: -len(p.pattern.pattern)))


def _phrases(kind: str) -> list[Phrase]:
    return [p for p in phrase_table() if p.kind == kind]


def publisher_local_time(published: dt.datetime | None, offset_minutes: int | None) -> dt.datetime | None:
    """The publication time on the publisher's clock, when the feed gave its UTC offset."""
    if published is None or offset_minutes is None:
        return published
    return published.astimezone(dt.timezone(dt.timedelta(minutes=offset_minutes)))


# ---------------------------------------------------------------- calendar arithmetic

def _weekday_date(local: dt.date, weekday: int, future: bool, modifier: str, nearest: bool = False) -> dt.date:
    modifier = " ".join(modifier.lower().split())
    if nearest and not modifier:  # the present tense: whichever of the two is closer
        ahead = (weekday - local.weekday()) % 7
        return local + dt.timedelta(days=ahead if ahead <= NEAREST_AHEAD_DAYS else ahead - 7)
    if modifier == "last":
        return local - dt.timedelta(days=(local.weekday() - weekday - 1) % 7 + 1)
    if modifier == "next":
        return local + dt.timedelta(days=(weekday - local.weekday() - 1) % 7 + 1)
    if future or modifier in ("this coming", "coming"):
        return local + dt.timedelta(days=(weekday - local.weekday()) % 7)
    return local - dt.timedelta(days=(local.weekday() - weekday) % 7)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_day_date(local: dt.date, month: int, day: int, year: int | None, future: bool) -> dt.date | None:
    """An explicit year wins; else the year that puts the day nearest the publication (ties: the
    past one), or its next occurrence when the sentence announces a future event."""
    if year is not None:
        return _safe_date(year, month, day)
    candidates = [d for d in (_safe_date(local.year + k, month, day) for k in (-1, 0, 1)) if d]
    if not candidates:
        return None
    if future:
        # A day just gone is a late-published announcement ("2 Dec will be Africa Day", run on
        # 3 December), not one a year ahead, which would name its year.
        ahead = [d for d in candidates if d >= local - dt.timedelta(days=STALE_ANNOUNCEMENT_DAYS)]
        if ahead:
            return min(ahead)
    return min(candidates, key=lambda d: (abs((d - local).days), d > local))


def past_days_named(text: str, local: dt.date) -> list[dt.date]:
    """Each day a phrase names by month and day ("Oct. 7", "7 October 2023"), in its year when it
    gives one, else its last occurrence on or before `local`: the day a known event happened
    ("Togo's May 2 attack", read in November, is last May's)."""
    days = []
    for pattern in (MONTH_DAY, DAY_MONTH):
        for match in pattern.finditer(text):
            month, day = _month_and_day(match)
            if match["year"]:
                found = _safe_date(int(match["year"]), month, day)
            else:
                found = next((d for d in (_safe_date(local.year - k, month, day) for k in (0, 1))
                              if d is not None and d <= local), None)
            if found is not None:
                days.append(found)
    return days


def _ordinal_date(local: dt.date, day: int, future: bool) -> dt.date | None:
    """"on the 5th": this month's, else the nearest month's in the direction of the tense."""
    step = 1 if future else -1
    year, month = local.year, local.month
    for _ in range(3):
        candidate = _safe_date(year, month, day)
        if candidate and (candidate >= local if future else candidate <= local):
            return candidate
        month += step
        if month == 0:
            year, month = year - 1, 12
        elif month == 13:
            year, month = year + 1, 1
    return None


# ---------------------------------------------------------------- context of a mention

def _words_before(sentence: str, start: int) -> list[str]:
    """The words before `start` back to the clause's start (lower case, nearest last)."""
    head = sentence[:start]
    breaks = list(_CLAUSE_BREAK.finditer(head))
    clause = head[breaks[-1].end():] if breaks else head
    return [w.lower().strip(".") for w in _WORD.findall(clause)]


def _window_before(sentence: str, start: int) -> str:
    """The last WINDOW_WORDS words of the clause before `start`: where a governor may stand."""
    return " ".join(_words_before(sentence, start)[-WINDOW_WORDS:])


def _governor(sentence: str, start: int) -> str | None:
    """The nearest governing phrase before the mention in its clause: its kind, or None.

    A speech verb governs only from close by and with no future cue in between: "told the
    Senate committee on Wednesday" is the statement's day, "said Putin will visit China on
    Monday" is the visit's."""
    window = _window_before(sentence, start)
    best = None  # (position of the phrase's end, kind)
    for kind in ("discard", "after", "relative_clause", "speech", "period_end"):
        for phrase in _phrases(kind):
            for match in phrase.pattern.finditer(window):
                between = window[match.end():]
                if phrase.reach == "next" and between.strip():
                    continue
                # the cue may begin with the speech verb itself: "summit confirmed for Wednesday"
                if kind == "speech" and (len(between.split()) > SPEECH_REACH_WORDS
                                         or _has_future_cue(window[match.start():])):
                    continue
                if best is None or match.end() > best[0]:
                    best = (match.end(), kind)
    return best[1] if best else None


# "Italy on Wednesday said", "On Tuesday President Putin said" (up to three words
# between, no comma: "the summit is on Thursday, the ministry said" dates the summit).
_SPEECH_AFTER = re.compile(
    r"(?:\s*,?\s*|\s+(?:[\w'’.-]+\s+){1,3}?)(?:said|says|told|announced)\b", re.IGNORECASE)


def _speech_follows(sentence: str, end: int) -> bool:
    """"Italy on Wednesday said ...", "On Tuesday President Putin said ...": the statement's own day."""
    return bool(_SPEECH_AFTER.match(sentence, end))


def _has_future_cue(sentence: str, tense: str | None = None) -> bool:
    kinds = ("future",) if tense == PAST else ("future", "future_unless_past")
    return any(p.pattern.search(sentence) for kind in kinds for p in _phrases(kind))


def _previous_words(sentence: str, start: int, count: int = 2) -> list[str]:
    return [w.lower().strip(".") for w in _WORD.findall(sentence[:start])][-count:]


# ---------------------------------------------------------------- finding mentions

def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)


# A complement clause after the time expression: "signalled on Wednesday evening that China will
# send pandas" dates the signal; the clause's future is the pandas'.
_COMPLEMENT = re.compile(r"\bthat\b", re.IGNORECASE)


def _future_at(sentence: str, start: int, end: int) -> bool:
    """Whether a future cue governs the time expression at [start, end): the sentence has one
    outside a "that" clause that begins after the expression."""
    after = sentence[end:]
    complement = _COMPLEMENT.search(after)
    if complement is None:
        return _has_future_cue(sentence)
    return _has_future_cue(sentence[:start] + " " + after[:complement.start()])


def _month_and_day(match: re.Match) -> tuple[int, int]:
    """The month number and day of a MONTH_DAY or DAY_MONTH match ("Oct. 7", "7th of October")."""
    return MONTH_NUMBERS[match["month"].rstrip(".").lower()], int(re.match(r"\d+", match["day"])[0])


def _range_start(text: str, local: dt.date, ahead: bool) -> dt.date | None:
    """The first day a DATE_RANGE match names, as a single mention of it would be read."""
    weekday = WEEKDAY.search(text)
    dated = MONTH_DAY.search(text) or DAY_MONTH.search(text)
    if dated is not None and (weekday is None or dated.start() < weekday.start()):
        return _month_day_date(local, *_month_and_day(dated), None, ahead)
    if weekday is not None:
        return _weekday_date(local, WEEKDAYS.index(weekday["weekday"].lower()), ahead, "")
    return None


_QUOTATION = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _quotes_blanked(sentence: str, span: tuple[int, int]) -> str:
    """The sentence with the quotations that do not hold `span` blanked (offsets kept)."""
    return _QUOTATION.sub(lambda m: m[0] if m.start() <= span[0] < m.end() else " " * len(m[0]), sentence)


def _raw_mentions(sentence: str, local: dt.date, future: bool, tense: str | None = None,
                  ahead_spans: tuple[tuple[int, int], ...] = ()) -> list[tuple[int, int, dt.date | None, str]]:
    """(start, end, day or None, what) for every time expression, longest and most explicit first.
    `future`: the sentence has a future cue (each expression is then checked with `_future_at`);
    `tense`: the event verb's (transforms/extract/tense.py), when the caller parsed it;
    `ahead_spans`: clauses whose present tells of what is to come (tense.future_clause_spans)."""
    found: list[tuple[int, int, dt.date | None, str]] = []
    taken: list[tuple[int, int]] = [m.span() for p in _phrases("ignore") for m in p.pattern.finditer(sentence)]

    def ahead_at(span: tuple[int, int]) -> bool:
        # A cue after the expression in a past-tense sentence speaks of something else:
        # "demonstrated on Saturday against the government's plans to weaken the courts".
        # So does a cue inside a quotation the expression is not in: "“Israel will ...,” he said
        # in an interview broadcast on Monday".
        text = _quotes_blanked(sentence, span)
        cued = future and (_has_future_cue(text[:span[0]], tense) if tense == PAST else _future_at(text, *span))
        return (tense == FUTURE or cued
                or any(low <= span[0] < high for low, high in ahead_spans))

    def add(span: tuple[int, int], day: dt.date | None, what: str) -> None:
        if not _overlaps(span, taken):
            taken.append(span)
            found.append((span[0], span[1], day, what))

    for match in DATE_RANGE.finditer(sentence):
        first = _range_start(match[0], local, ahead_at(match.span()))
        if first is None or first < local:
            add(match.span(), None, "vague")
    for match in ISO_DATE.finditer(sentence):
        add(match.span(), _safe_date(*(int(match[g]) for g in ("year", "month", "day"))), "explicit")
    for pattern in (MONTH_DAY, DAY_MONTH):
        for match in pattern.finditer(sentence):
            month, day = _month_and_day(match)
            year = int(match["year"]) if match["year"] else None
            if match["relative_year"]:  # "on 15 February last year"
                year = local.year + ("last", "this", "next").index(match["relative_year"].lower()) - 1
            previous = _previous_words(sentence, match.start())
            if match[0][:3].lower() == "the":  # "on the 5th of March" dates; "what the 4 May elections mean" names
                named = not previous or previous[-1] not in _DATE_PREPOSITIONS
            else:
                named = bool(previous) and previous != ["as", "of"] and not (  # "as of August 2" dates
                    len(previous) == 2 and previous[1] == "of" and previous[0] in _TIME_OF_DAY) and (  # "the early hours of May 1"
                    previous[-1] in _NAME_WORDS or previous[-1].endswith(("'s", "’s")) or (
                        len(previous) == 2 and previous[0] == "the" and previous[1].islower()
                        and previous[1] not in _DATE_PREPOSITIONS))
            what = "name" if named else "explicit"
            add(match.span(), _month_day_date(local, month, day, year, ahead_at(match.span())), what)
    for pattern, month, day in holiday_patterns():  # "on Christmas Day": a fixed date (holidays.csv)
        for match in pattern.finditer(sentence):
            # Only "on" or "starting" make it the day of an act: "Halloween activities", "a fatal
            # Halloween crowd surge last year", "Valentine's Day hugs" name things.
            if _previous_words(sentence, match.start(), 1) in (["on"], ["starting"]):
                add(match.span(), _month_day_date(local, month, day, None, ahead_at(match.span())), "explicit")
    for match in ORDINAL_DAY.finditer(sentence):
        add(match.span(), _ordinal_date(local, int(match["day"]), ahead_at(match.span())), "explicit")
    for match in OVERNIGHT_INTO.finditer(sentence):
        weekday = _weekday_date(local, WEEKDAYS.index(match["weekday"].lower()), ahead_at(match.span()), "")
        add(match.span(), weekday - dt.timedelta(days=1), "weekday")
    for match in WEEKDAY.finditer(sentence):
        if _previous_words(sentence, match.start(), 1) == ["every"]:  # a habit: "every Saturday"
            add(match.span(), None, "vague")
            continue
        speech = _speech_follows(sentence, match.end()) or _governor(sentence, match.start()) == "speech"
        weekday = WEEKDAYS.index(match["weekday"].lower())
        ahead = not speech and ahead_at(match.span())
        nearest = tense == PRESENT and not speech and not ahead  # "is gearing up to host the upcoming ... from Thursday"
        add(match.span(), _weekday_date(local, weekday, ahead, match["modifier"] or "", nearest), "weekday")
    for phrase in _phrases("relative") + _phrases("vague"):
        for match in phrase.pattern.finditer(sentence):
            if phrase.kind == "vague" and re.match(r"['’]s\b", sentence[match.end():match.end() + 2]):
                add(match.span(), None, "name")  # "this week's crop": a thing, not the event
            elif phrase.kind == "vague":
                add(match.span(), None, "vague")
            else:
                add(match.span(), local + dt.timedelta(days=phrase.days), "relative")
    for pattern in (MONTH_ALONE, YEAR_ALONE):
        for match in pattern.finditer(sentence):
            previous = _previous_words(sentence, match.start(), 1)
            month_and_year = pattern is MONTH_ALONE and match["year"]  # "in January 2023", "January 2023"
            period_words = _PERIOD_WORDS | {"of"}  # "in March", "the first nine months of 2023"
            if month_and_year or (previous and previous[0] in period_words):
                add(match.span(), None, "vague")
    return sorted(found)


def find_mentions(sentence: str, local: dt.date, tense: str | None = None,
                  other_events: tuple[tuple[int, int], ...] = (),
                  ahead_spans: tuple[tuple[int, int], ...] = (),
                  plan_spans: tuple[tuple[int, int], ...] = ()) -> list[Mention]:
    """The sentence's time expressions that may date its event, with their roles; none inside
    `other_events`, the spans of clauses that tell of other events (tense.other_event_spans)."""
    future = _has_future_cue(sentence, tense)
    mentions = []
    for start, end, day, what in _raw_mentions(sentence, local, future, tense, ahead_spans):
        if what == "name" or any(low <= start < high for low, high in other_events):
            continue
        if (what == "vague" and tense == PAST and _AHEAD_PERIOD.match(sentence, start)
                and not _has_future_cue(sentence[:start], tense)):  # "said the Senate will vote next week": the vote's
            continue  # "ordered him held until a hearing next week": the hearing's time, not the order's
        if (what == "vague" and tense != FUTURE and _AHEAD_PERIOD.match(sentence, start)
                and any(low <= start < high for low, high in plan_spans)):
            continue  # "give up on clinching a trade pact next week": the plan's time (tense.plan_clause_spans)
        governor = _governor(sentence, start)
        if governor == "discard":
            if _since_duration(_window_before(sentence, start)):
                mentions.append(Mention(start, end, None, "since", what))
            continue
        if governor == "relative_clause":
            governor = "after"
        if governor == "period_end" and what == "relative":  # "targeted by overnight attacks": an agent
            governor = None
        if tense == PAST and _previous_words(sentence, start, 1) == ["by"] and what in ("explicit", "weekday"):
            governor = "period_end"  # "were burned by May 31": a total as of that day; "will shut by Saturday" is its day
        if day is None or governor == "period_end":
            role = "after-vague" if governor == "after" else "vague"
            day = None
        elif governor == "after":
            role = "after"
        elif governor == "speech" or _speech_follows(sentence, end):
            role = "speech"
        else:
            role = "main"
        if role != "after-vague":  # "found dead after the attack earlier this month": undated
            mentions.append(Mention(start, end, day, role, what))
    return mentions


_SINCE = re.compile(r"\bsince\b")
# "the first visit since 2014", "for the first time since the earthquake": a record measured from
# a day, told of an event that happened now; not a state that has lasted since that day.
_FIRST_SINCE = re.compile(r"\b(?:first|time)\b[^,;]*\bsince\b")


def _since_duration(window: str) -> bool:
    """Whether the nearest clause before a mention says what has lasted "since" it."""
    return bool(_SINCE.search(window)) and not _FIRST_SINCE.search(window)


# A period still to come cannot date an act told in the past tense: it dates something the act
# is about (a plan, a hearing, a deadline), so the act is dated by publication. The present is
# left alone: "is visiting Africa next week" is the visit's own time.
_AHEAD_PERIOD = re.compile(r"(?i:next|coming|this coming)\b")

ROLE_ORDER = ("main", "speech", "vague", "after", "since")
# Within a role an explicit date or weekday wins over a relative phrase ("overnight on Monday").
WHAT_ORDER = ("explicit", "weekday", "relative", "vague")


def resolve_event_date(sentence: str, published: dt.datetime | None, fallback: dt.date,
                       tense: str | None = None, other_events: tuple[tuple[int, int], ...] = (),
                       ahead_spans: tuple[tuple[int, int], ...] = (),
                       plan_spans: tuple[tuple[int, int], ...] = ()) -> tuple[dt.date | None, str]:
    """(event date, basis) for one evidence sentence.

    `published` is the publication time on the publisher's clock (see
    `publisher_local_time`); a naive datetime is read as UTC, None means unknown (the fallback
    date is then the reference day). Basis: "sentence" (the sentence gives the day), "vague"
    (the sentence places the event in a week, month or year: the date is None) or "published"
    (nothing in the sentence dates the event: the fallback, i.e. the row's `date`). `tense` is
    the event verb's (`transforms.extract.tense.verb_tense`); None reads weekdays as past.
    `other_events` are the character spans of clauses under the event verb that tell of other
    events (`transforms.extract.tense.other_event_spans`): their time words date those.
    `ahead_spans` are the spans of clauses whose present tells of what is to come ("if he is
    granted parole on Friday": `transforms.extract.tense.future_clause_spans`): their weekdays
    and dates are the coming ones. `plan_spans` are those of clauses telling what is planned
    ("give up on clinching a pact next week": `transforms.extract.tense.plan_clause_spans`): a
    period to come in them is the plan's, unless the event itself is told in the future.
    """
    local = published.date() if published is not None else fallback
    return _resolve_on(sentence or "", local, fallback, tense, tuple(other_events), tuple(ahead_spans),
                       tuple(plan_spans))


@functools.lru_cache(maxsize=4096)  # a sentence's rows and the history check all ask
def _resolve_on(sentence: str, local: dt.date, fallback: dt.date, tense: str | None,
                other_events: tuple[tuple[int, int], ...] = (),
                ahead_spans: tuple[tuple[int, int], ...] = (),
                plan_spans: tuple[tuple[int, int], ...] = ()) -> tuple[dt.date | None, str]:
    """`resolve_event_date` for a sentence read on the publisher's local day `local`. Keyed by
    that day, not by the publication time: equal instants on two clocks (01:30 +09:00 and
    16:30 UTC the day before) are equal datetimes but different days."""
    mentions = find_mentions(sentence, local, tense, other_events, ahead_spans, plan_spans)
    if not mentions:
        return fallback, "published"
    first = min(mentions, key=lambda m: (ROLE_ORDER.index(m.role), WHAT_ORDER.index(m.what), m.start))
    return (first.day, "sentence") if first.day is not None else (None, "vague")


# ---------------------------------------------------------------- history

HISTORY_DAYS = 60  # an event the sentence places in a year or month ended this long before publication is history
_HISTORY = re.compile(rf"\b(?P<prep>in|during)\s+(?:(?:early|late|mid-?)\s*)?(?:(?P<month>{_MONTH})\s+)?"
                      rf"(?P<year>{_YEAR})\b(?!-\d)", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _periods() -> tuple[re.Pattern, dict[str, int]]:
    """Historical periods named "in" or "during" ("during World War Two", "in the Soviet era",
    schemas/data/historical_periods.csv) and decades ("in the 2000s"), with the year each ended."""
    with open(DATA.with_name("historical_periods.csv"), encoding="utf-8", newline="") as handle:
        ended = {row["name"].lower(): int(row["ended"]) for row in csv.DictReader(handle)}
    names = "|".join(re.escape(name) for name in sorted(ended, key=len, reverse=True))
    pattern = re.compile(rf"\b(?:in|during)\s+(?P<period>{names}|the\s+(?:(?:early|late|mid)-?\s*)?(?P<decade>1[89]\d0|20[0-9]0)s)\b", re.IGNORECASE)
    return pattern, ended


_COMPARISON = re.compile(r"\b(?:as|like)\s*$", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)  # every candidate of a sentence asks (background.told_as_history)
def _period_spans(sentence: str, local: dt.date) -> tuple[tuple[int, int], ...]:
    pattern, ended = _periods()
    spans = []
    for match in pattern.finditer(sentence):
        if _COMPARISON.search(sentence[:match.start()]):
            continue  # "as during the Cold War, Russia is deploying ...": a likeness, not the act's time
        last = int(match["decade"]) + 9 if match["decade"] else ended[" ".join(match["period"].lower().split())]
        if (local - dt.date(last + 1, 1, 1)).days >= HISTORY_DAYS:
            spans.append(match.span("period"))
    return tuple(spans)


def history_spans(sentence: str, published: dt.datetime | None, fallback: dt.date) -> list[tuple[int, int]]:
    """(start, end) of each year the sentence names "in" or "during" (alone or after a month) that
    ended at least HISTORY_DAYS before publication, when the sentence gives no day: "kidnapped by
    Islamic State in 2014", "In August 2016 it launched an offensive"; and each period that ended
    so long ago ("hanged during World War Two", "in the 2000s"). The event of the clause
    holding such a year is background, not the news of the day (transforms/extract/engine.py
    checks the clause). "since 2014" is not enough: "the first visit since 2014" is news."""
    local = published.date() if published is not None else fallback
    periods = _period_spans(sentence or "", local)
    if not periods and not _HISTORY.search(sentence or ""):
        return []
    if resolve_event_date(sentence, published, fallback)[1] == "sentence":
        return []
    spans = list(periods)
    for match in _HISTORY.finditer(sentence or ""):
        year = int(match["year"])
        if match["month"]:
            month = MONTH_NUMBERS[match["month"].rstrip(".").lower()]
            end = dt.date(year + month // 12, month % 12 + 1, 1)
        else:
            end = dt.date(year + 1, 1, 1)
        if (local - end).days >= HISTORY_DAYS:
            spans.append(match.span("year"))
    return spans
