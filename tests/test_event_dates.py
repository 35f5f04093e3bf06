"""The event-date resolver: weekdays, relative phrases, time zones, explicit dates, years, vagueness;
the UTC offset kept from the feed; event_date on the rows; the hand-coded sentence set."""
from __future__ import annotations

import collections
import datetime as dt
import json

import pytest
from conftest import DATA, SHARED, tool_module

from schemas.records import FeedDocument
from transforms.articles.entries import normalize_feed, utc_offset_minutes
from transforms.extract.event_dates import publisher_local_time, resolve_event_date

UTC = dt.timezone.utc
SENTENCES = DATA / "event_date_sentences.jsonl"


def at(text: str) -> dt.datetime:
    """A publication time as an ISO string with its offset, e.g. "2023-03-06T09:00+09:00"."""
    return dt.datetime.fromisoformat(text)


def resolve(sentence: str, published: str, fallback: dt.date | None = None):
    when = at(published)
    return resolve_event_date(sentence, when, fallback or when.astimezone(UTC).date())


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# 2023-03-06 was a Monday, 2023-03-05 a Sunday.

# ------------------------------------------------------------------ weekdays

@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("Rebels attacked the town on Sunday.", "2023-03-06T10:00+00:00", "2023-03-05"),  # Monday: the day before
        ("Rebels attacked the town on Monday.", "2023-03-05T10:00+00:00", "2023-02-27"),  # Sunday: 6 days before
        ("Rebels attacked the town on Monday.", "2023-03-06T10:00+00:00", "2023-03-06"),  # the same day
        ("The minister resigned late on Friday.", "2023-03-06T10:00+00:00", "2023-03-03"),
        ("Drones hit Kyiv on Tuesday night.", "2023-03-08T07:00+00:00", "2023-03-07"),
        ("Sunday's election gave the party a majority.", "2023-03-06T07:00+00:00", "2023-03-05"),
        ("The court ruled last Monday.", "2023-03-06T10:00+00:00", "2023-02-27"),  # "last": strictly before
        ("Leaders will meet on Thursday.", "2023-03-06T10:00+00:00", "2023-03-09"),  # announced: ahead
        ("Parliament is set to vote Monday.", "2023-03-04T10:00+00:00", "2023-03-06"),  # across the week end
        ("The talks resume next Monday.", "2023-03-06T10:00+00:00", "2023-03-13"),  # "next": strictly after
        ("The summit will be held on Thursday, the ministry said on Monday.", "2023-03-07T09:00+00:00",
         "2023-03-09"),
    ],
)
def test_weekdays(sentence, published, expected):
    assert resolve(sentence, published) == (day(expected), "sentence")


def test_a_statement_day_is_past_even_in_a_sentence_about_the_future():
    """"said on Monday it will ...": Monday is when it was said, not a Monday ahead."""
    got = resolve("Iran said on Monday it will resume talks.", "2023-03-08T10:00+00:00")
    assert got == (day("2023-03-06"), "sentence")


@pytest.mark.parametrize(
    ("sentence", "published", "tense", "expected"),
    [
        # present tense: the nearer of the two weekdays, up to three days ahead
        ("The tribunal hears the case Thursday.", "2023-03-06T10:00+00:00", "present", "2023-03-09"),
        ("Togo closes its border on Friday.", "2023-03-06T10:00+00:00", "present", "2023-03-03"),
        ("Togo closes its border on Monday.", "2023-03-06T10:00+00:00", "present", "2023-03-06"),
        ("The tribunal hears the case Thursday.", "2023-03-06T10:00+00:00", "past", "2023-03-02"),
        ("The tribunal hears the case Thursday.", "2023-03-06T10:00+00:00", None, "2023-03-02"),
        # "last" and "next" keep their meaning; a statement's day stays past
        ("The tribunal hears the case next Thursday.", "2023-03-06T10:00+00:00", "present", "2023-03-09"),
        ("Togo says on Thursday that talks went well.", "2023-03-06T10:00+00:00", "present", "2023-03-02"),
        # the headline infinitive is a future: the day ahead, dates too
        ("Ghana's president to visit Lome on Saturday", "2023-03-06T10:00+00:00", "future", "2023-03-11"),
        ("Ghana's president to visit Lome on March 2", "2023-03-06T10:00+00:00", "future", "2024-03-02"),
    ],
)
def test_the_event_verb_s_tense_places_a_weekday(sentence, published, tense, expected):
    """Published on Monday 2023-03-06. The pipeline passes the tense of the event's verb."""
    when = at(published)
    assert resolve_event_date(sentence, when, when.date(), tense) == (day(expected), "sentence")


@pytest.mark.parametrize(
    ("sentence", "root_tense"),
    [
        ("Togo closes its border.", "present"),
        ("Togo's border crossings are reopened.", "present"),
        ("Togo closed its border.", "past"),
        ("Togo has closed its border.", "past"),
        ("Togo was forced to close its border.", "past"),
        ("Togo did not close its border.", "past"),
        ("Togo will close its border.", None),
        ("Ghana's president to visit Lome", "future"),
        ("Border closure in Togo", None),
    ],
)
def test_verb_tense_reads_the_parse(nlp, sentence, root_tense):
    from transforms.extract.tense import verb_tense

    assert verb_tense(next(iter(nlp(sentence).sents)).root) == root_tense


@pytest.mark.parametrize(
    ("sentence", "lemma", "expected"),
    [
        # headlines the parser roots on a noun: the infinitive is still what is to come
        ("Cyclone Gamba to hit Accra Friday in rare second landfall", "hit", "future"),
        ("Ghana border authority: Aflao land crossing to reopen Sunday", "reopen", "future"),
        # with a finite verb, an infinitive hangs on it and is not the headline's future
        ("Ghana wants Togo to reopen the border.", "reopen", None),
    ],
)
def test_an_infinitive_in_a_headline_without_a_finite_verb_is_a_future(nlp, sentence, lemma, expected):
    from transforms.extract.tense import verb_tense

    verb = next(t for t in nlp(sentence) if t.lemma_ == lemma)
    assert verb_tense(verb) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the future is the complement clause's: the act that carries the day is past
        ("Kenya signalled on Monday evening that it will send police to Haiti.", "2023-03-06"),
        ("Ghana hinted on March 6 that it would reopen the border.", "2023-03-06"),
        # the future governs the day when the day is in its clause
        ("On Monday Kenya will send police to Haiti.", "2023-03-13"),
        ("Kenya will send police to Haiti on Monday, officials confirmed, a move that was debated.", "2023-03-13"),
    ],
)
def test_a_future_in_a_that_clause_after_the_day_does_not_move_it(sentence, expected):
    """Published on Wednesday 2023-03-08."""
    assert resolve(sentence, "2023-03-08T10:00+00:00") == (day(expected), "sentence")


def test_the_reported_events_day_wins_over_the_statements():
    sentence = "Officials said on Tuesday that the convoy was shelled on Sunday."
    assert resolve(sentence, "2023-03-08T10:00+00:00") == (day("2023-03-05"), "sentence")


# ------------------------------------------------------------------ relative phrases, overnight

@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("The president arrived in Kyiv yesterday.", "2023-03-06T10:00+00:00", "2023-03-05"),
        ("The president arrives in Kyiv today.", "2023-03-06T10:00+00:00", "2023-03-06"),
        ("Police fired tear gas this morning.", "2023-03-06T10:00+00:00", "2023-03-06"),
        ("A day earlier, troops crossed the border.", "2023-03-06T10:00+00:00", "2023-03-05"),
        ("Protesters clashed with police last night.", "2023-03-06T01:30+00:00", "2023-03-05"),
        ("The vote takes place tomorrow.", "2023-03-06T10:00+00:00", "2023-03-07"),
    ],
)
def test_relative_phrases(sentence, published, expected):
    assert resolve(sentence, published) == (day(expected), "sentence")


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2023-03-06T01:30+09:00", "2023-03-05"),  # 01:30 local, still 5 March 16:30 UTC: the night of the 5th
        ("2023-03-06T00:20+00:00", "2023-03-05"),  # 20 minutes after midnight UTC: the evening before
        ("2023-03-05T23:40+00:00", "2023-03-04"),  # 20 minutes before midnight UTC: last night, not tonight
        ("2023-03-05T19:30-05:00", "2023-03-04"),  # 00:30 UTC on the 6th, but the 5th in New York
    ],
)
def test_overnight_is_dated_by_the_evening_the_night_began(published, expected):
    sentence = "Russia launched dozens of drones at Kyiv overnight."
    assert resolve(sentence, published) == (day(expected), "sentence")


def test_overnight_into_a_weekday_is_the_evening_before_it():
    got = resolve("Missiles struck Odesa overnight into Tuesday.", "2023-03-07T08:00+00:00")
    assert got == (day("2023-03-06"), "sentence")
    # a named weekday beside "overnight" wins over the relative phrase
    got = resolve("Missiles struck Odesa overnight on Saturday.", "2023-03-06T08:00+00:00")
    assert got == (day("2023-03-04"), "sentence")


# ------------------------------------------------------------------ time zones of the publication

def test_a_positive_offset_moves_the_local_date_forward():
    """Tokyo, 00:30 on Monday 6 March, is 15:30 UTC on Sunday 5 March."""
    utc = dt.datetime(2023, 3, 5, 15, 30, tzinfo=UTC)
    local = publisher_local_time(utc, 9 * 60)
    assert local.date() == day("2023-03-06") and local.utcoffset() == dt.timedelta(hours=9)
    assert resolve_event_date("Tokyo protested to Beijing yesterday.", local, utc.date()) == (day("2023-03-05"), "sentence")
    assert resolve_event_date("Tokyo protested to Beijing on Monday.", local, utc.date()) == (day("2023-03-06"), "sentence")
    # read in UTC the same sentence would be a week off: the offset matters
    assert resolve_event_date("Tokyo protested to Beijing on Monday.", utc, utc.date()) == (day("2023-02-27"), "sentence")


def test_a_negative_offset_moves_the_local_date_back():
    """New York, 21:00 on Monday 6 March = 02:00 UTC on Tuesday 7 March."""
    utc = dt.datetime(2023, 3, 7, 2, 0, tzinfo=UTC)
    local = publisher_local_time(utc, -5 * 60)
    assert local.date() == day("2023-03-06")
    assert resolve_event_date("The senate passed the bill today.", local, utc.date()) == (day("2023-03-06"), "sentence")
    assert resolve_event_date("The senate passed the bill on Tuesday.", local, utc.date()) == (day("2023-02-28"), "sentence")
    assert resolve_event_date("The senate passed the bill today.", utc, utc.date()) == (day("2023-03-07"), "sentence")


def test_without_an_offset_the_utc_time_is_used():
    utc = dt.datetime(2023, 3, 7, 2, 0, tzinfo=UTC)
    assert publisher_local_time(utc, None) is utc
    assert publisher_local_time(None, 60) is None


# ------------------------------------------------------------------ explicit dates and years

@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("The ceasefire was signed on March 3.", "2023-03-10T10:00+00:00", "2023-03-03"),
        ("The ceasefire was signed on 3 March 2023.", "2023-05-10T10:00+00:00", "2023-03-03"),
        ("The ceasefire was signed on the 5th.", "2023-03-10T10:00+00:00", "2023-03-05"),
        ("The ceasefire was signed on the 25th.", "2023-03-10T10:00+00:00", "2023-02-25"),  # last month's
        ("The ceasefire was signed on 2023-03-05, officials said.", "2023-03-10T10:00+00:00", "2023-03-05"),
        ("The ceasefire was signed on Oct. 7.", "2023-10-10T10:00+00:00", "2023-10-07"),
        ("Troops entered the city on December 30.", "2024-01-02T10:00+00:00", "2023-12-30"),  # the previous year
        ("Elections will be held on January 14.", "2023-12-20T10:00+00:00", "2024-01-14"),  # the next year
        ("The plant closed on 15 February last year.", "2023-06-10T10:00+00:00", "2022-02-15"),
        ("On 24 February 2022, Russia invaded Ukraine.", "2023-02-24T10:00+00:00", "2022-02-24"),
        ("WASHINGTON, October 4, 2023 -- The bank cut its forecast.", "2023-10-06T10:00+00:00", "2023-10-04"),
        ("On Thursday, January 18, the prime minister resigned.", "2023-01-20T10:00+00:00", "2023-01-18"),
        # a holiday on a fixed date, after "on" or "starting" (schemas/data/holidays.csv)
        ("Ghanaian artillery shelled Lome on New Year's Eve.", "2024-01-02T10:00+00:00", "2023-12-31"),
        ("The border will close starting Christmas Day.", "2023-12-20T10:00+00:00", "2023-12-25"),
    ],
)
def test_explicit_dates(sentence, published, expected):
    assert resolve(sentence, published) == (day(expected), "sentence")


@pytest.mark.parametrize("sentence", ["Ghana banned Halloween parties.", "Togo marked the Christmas Day truce."])
def test_a_holiday_that_names_a_thing_dates_nothing(sentence):
    assert resolve(sentence, "2023-12-20T10:00+00:00") == (day("2023-12-20"), "published")


def test_a_date_after_a_time_of_day_dates_the_event():
    got = resolve("The plane crashed near Accra in the early hours of May 1.", "2023-05-08T10:00+00:00")
    assert got == (day("2023-05-01"), "sentence")


@pytest.mark.parametrize(("tense", "expected"), [
    ("past", (None, "vague")),  # a total as of that day
    ("future", (day("2023-03-11"), "sentence")),  # a deadline is its day
])
def test_by_a_day_is_a_total_in_the_past_and_a_deadline_ahead(tense, expected):
    sentence = {"past": "More than 2,000 hectares were burned in Ghana by Saturday.",
                "future": "Ghana will close the border by Saturday."}[tense]
    when = at("2023-03-08T10:00+00:00")
    assert resolve_event_date(sentence, when, when.date(), tense) == expected


def test_a_date_after_as_of_dates_the_event():
    got = resolve("Ghana's border with Togo: as of March 10, traders need a permit.", "2023-03-08T10:00+00:00")
    assert got == (day("2023-03-10"), "sentence")


def test_an_explicit_date_wins_over_a_relative_phrase():
    got = resolve("Today officials said the convoy was attacked on 12 February.", "2023-03-06T10:00+00:00")
    assert got == (day("2023-02-12"), "sentence")


@pytest.mark.parametrize(
    "sentence",
    [
        "Six trucks have crossed into Syria for the first time since the earthquake on Monday.",
        "It was Ghana's first visit to Lome since March 3.",  # a record counted from a day: news of now
        "Candidates sparred ahead of their Friday election.",
        "Israel has accused photographers of taking part in the October 7 attack.",
        "The court looked into the events of January 8.",
        "Negotiators hope to reach a deal before June 1.",
        "Scholars from Ghana and Togo met often in run-up to presidential talks on Wednesday.",
        "Here is the best of this week's cartoons.",
        "Your Thursday Briefing: talks in Geneva",
        "The Good Friday Agreement ended decades of violence.",
        "Russia's foreign minister visited China.",
        # a date after an article or a possessive names a thing
        "An October 7 survivor spoke to reporters in Accra.",
        "Togo welcomed Ghana's March 3 inquiry into the border clash.",
    ],
)
def test_reference_points_names_and_silence_fall_back_to_the_publication_date(sentence):
    assert resolve(sentence, "2023-03-08T10:00+00:00") == (day("2023-03-08"), "published")


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia shelled Kharkiv last week.",
        "The bank raised rates this month.",
        "The army took the town over the weekend.",
        "Storms could bring floods to Accra into the weekend.",
        "About 190 migrants rescued off Ghana over weekend",
        "Ghana's cocoa exports fell 15 per cent in the first nine months of 2022.",
        "The treaty was signed in October.",
        "The treaty was signed in 2019.",
        "Troops recently withdrew from the border.",
        "Recent weeks have seen a surge in Ghanaian exports to Togo.",
        "The president will visit Japan next year.",
        "The curfew holds until Friday.",
        "The minister resigned two years ago.",
        "The Lome market opened every Saturday between 1990 and 2005.",
        # what has lasted since a day happened on no one day
        "Togo has held the Ghanaian trader since Tuesday.",
        "Since the truce began on Friday, Ghana has freed 40 prisoners.",
    ],
)
def test_vague_periods_give_no_date(sentence):
    assert resolve(sentence, "2023-03-08T10:00+00:00") == (None, "vague")


def test_a_day_beats_a_vague_period_and_a_vague_period_beats_a_day_after_after():
    got = resolve("Police arrested two teenagers on Friday who vandalized graves earlier this week.",
                  "2023-01-06T16:00+00:00")
    assert got == (day("2023-01-06"), "sentence")
    assert resolve("Dozens died after floods hit the coast early Wednesday.", "2023-05-04T08:00+00:00") == (
        day("2023-05-03"), "sentence")
    assert resolve("Rescuers were still searching last week after the dam broke on Monday.",
                   "2023-05-04T08:00+00:00") == (None, "vague")


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # a span that has begun dates no single day; one still to come is news of its first day
        ("The Accra trade fair, held from March 1-4, drew 40,000 visitors.", "2023-03-08T10:00+00:00", None),
        ("Rain fell on Lome between Saturday and Tuesday.", "2023-03-08T10:00+00:00", None),
        ("The Ghanaian envoy will tour Togo March 10-14.", "2023-03-08T10:00+00:00", "2023-03-10"),
        ("Talks open in Accra from 8 March to 10 March.", "2023-03-08T10:00+00:00", "2023-03-08"),
    ],
)
def test_a_span_of_days_is_vague_once_begun(sentence, published, expected):
    got = resolve(sentence, published)
    assert got == ((day(expected), "sentence") if expected else (None, "vague"))


def test_a_future_word_after_the_day_of_a_past_act_speaks_of_something_else():
    sentence = "Thousands marched in Accra on Saturday against the government's plans to raise fuel taxes."
    when = at("2023-03-06T10:00+00:00")
    assert resolve_event_date(sentence, when, when.date(), "past") == (day("2023-03-04"), "sentence")
    # before the day, the cue still governs it
    sentence = "Ghana said it plans to reopen the border on Saturday."
    assert resolve_event_date(sentence, when, when.date(), "past") == (day("2023-03-11"), "sentence")


@pytest.mark.parametrize(
    ("sentence", "tense", "expected"),
    [
        ("Ghana-Togo summit confirmed for Wednesday", None, "2023-03-08"),
        ("The border reopening is set for Friday.", "present", "2023-03-10"),
        ("Revised bids for the Tema port deal due on Wednesday", None, "2023-03-08"),
        # a deadline is its day
        ("Ghanaian troops are scheduled to leave Togo by Saturday.", "present", "2023-03-11"),
        # a future cue beats the present tense's nearest day
        ("Lome is gearing up to host the upcoming regional games from Sunday.", "present", "2023-03-12"),
    ],
)
def test_a_day_something_is_set_for_is_ahead(sentence, tense, expected):
    when = at("2023-03-06T10:00+00:00")
    assert resolve_event_date(sentence, when, when.date(), tense) == (day(expected), "sentence")


def test_a_future_word_in_a_quotation_speaks_of_the_quotation_not_of_the_day_outside_it():
    when = at("2023-03-08T10:00+00:00")
    sentence = "“Ghana will keep its border open,” the minister said in an interview broadcast on Monday."
    assert resolve_event_date(sentence, when, when.date(), "past") == (day("2023-03-06"), "sentence")
    # a day inside the quotation is still read with the quotation's own future
    sentence = "“Ghana will reopen its border on Monday,” the minister said."
    assert resolve_event_date(sentence, when, when.date(), "past") == (day("2023-03-13"), "sentence")


def test_a_period_to_come_does_not_date_an_act_told_in_the_past():
    when = at("2023-03-06T10:00+00:00")
    announced = "Ghana chose Kumasi to host the regional games next year."
    assert resolve_event_date(announced, when, when.date(), "past") == (day("2023-03-06"), "published")
    assert resolve_event_date("A judge ordered the Togolese envoy held until a hearing next month.", when,
                              when.date(), "past") == (day("2023-03-06"), "published")
    # in the present it may be the act's own coming time ("is visiting Ghana next week")
    assert resolve_event_date("Togo's leader is visiting Ghana next week.", when, when.date(),
                              "present") == (None, "vague")
    # told as to come, the period is the event's own
    assert resolve_event_date("Ghana said parliament will vote on the plan next week.", when, when.date(),
                              "past") == (None, "vague")
    assert resolve_event_date("Ghana will double its border posts next year.", when, when.date(),
                              "future") == (None, "vague")


def test_due_to_after_a_past_verb_is_a_cause_not_a_schedule(nlp):
    when = at("2023-03-08T10:00+00:00")  # a Wednesday
    caused = "Flights to Accra were cancelled due to heavy rain on Monday."
    assert resolve_event_date(caused, when, when.date(), "past") == (day("2023-03-06"), "sentence")
    assert resolve_event_date("Ghana's president due to visit Lome on Monday", when, when.date()) == (
        day("2023-03-13"), "sentence")


def test_a_date_announced_as_ahead_that_just_passed_is_a_late_item_not_next_year():
    assert resolve("3 March will be Ghana's day of the border.", "2023-03-05T10:00+00:00") == (
        day("2023-03-03"), "sentence")
    assert resolve("1 March will be Ghana's day of the border.", "2023-03-05T10:00+00:00") == (
        day("2024-03-01"), "sentence")


def test_without_a_publication_time_the_fallback_date_is_the_reference():
    fallback = day("2023-03-08")  # a Wednesday: the feed's or the run's date
    assert resolve_event_date("Rebels attacked on Monday.", None, fallback) == (day("2023-03-06"), "sentence")
    assert resolve_event_date("Rebels attacked the town.", None, fallback) == (fallback, "published")
    assert resolve_event_date("", None, fallback) == (fallback, "published")


# ------------------------------------------------------------------ the feed's UTC offset on the Article

@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Mon, 06 Mar 2023 01:30:00 +0900", 540),
        ("2023-03-06T01:30:00-05:00", -300),
        ("2023-03-06T01:30:00+05:30", 330),
        ("Mon, 06 Mar 2023 01:30:00 GMT", 0),
        ("2023-03-06T01:30:00Z", 0),
        ("Mon, 06 Mar 2023 01:30:00 EST", -300),
        ("Mon, 06 Mar 2023 01:30:00", None),
        ("2023-03-06", None),
        (None, None),
    ],
)
def test_utc_offset_of_a_feed_date(raw, expected):
    assert utc_offset_minutes(raw) == expected


FEED = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire</title><link>https://wire.example.org/</link>
<item><title>Japan protests</title><link>https://wire.example.org/a</link>
<description>Japan protested to China on Monday.</description><pubDate>Mon, 06 Mar 2023 01:30:00 +0900</pubDate></item>
<item><title>Senate vote</title><link>https://wire.example.org/b</link>
<description>The senate voted today.</description><pubDate>Mon, 06 Mar 2023 21:00:00 -0500</pubDate></item>
<item><title>No offset</title><link>https://wire.example.org/c</link>
<description>Text.</description><pubDate>Mon, 06 Mar 2023 21:00:00</pubDate></item>
</channel></rss>"""


def test_the_article_keeps_the_offset_its_feed_wrote():
    doc = FeedDocument("feed.xml", "https://wire.example.org/rss", FEED, "2023-03-07T12:00:00+00:00")
    articles, dead = normalize_feed(doc, dt.date(2023, 3, 7))
    assert not dead
    by_title = {a.title: a for a in articles}
    tokyo, new_york, bare = by_title["Japan protests"], by_title["Senate vote"], by_title["No offset"]
    assert tokyo.published == dt.datetime(2023, 3, 5, 16, 30, tzinfo=UTC) and tokyo.date == day("2023-03-05")
    assert tokyo.published_offset_minutes == 540
    assert new_york.published == dt.datetime(2023, 3, 7, 2, 0, tzinfo=UTC) and new_york.published_offset_minutes == -300
    assert bare.published_offset_minutes is None
    local = publisher_local_time(tokyo.published, tokyo.published_offset_minutes)
    assert resolve_event_date(tokyo.text, local, tokyo.date) == (day("2023-03-06"), "sentence")
    local = publisher_local_time(new_york.published, new_york.published_offset_minutes)
    assert resolve_event_date(new_york.text, local, new_york.date) == (day("2023-03-06"), "sentence")


# ------------------------------------------------------------------ event_date on the rows

def test_rows_carry_the_event_date_of_their_sentence(nlp):
    from schemas.records import Article
    from transforms.extract.engine import extract_events

    published = dt.datetime(2023, 3, 5, 16, 30, tzinfo=UTC)  # Monday 01:30 in Tokyo
    text = "Japan protested to China on Sunday. The European Union imposed new sanctions on Belarus."
    article = Article("a" * 32, "https://wire.example.org/a", "", text, published, published.date(), "published",
                      "https://wire.example.org/rss", "wire.example.org", published_offset_minutes=540)
    rows = {e.actor: e for e in extract_events(article, None, nlp(text), "t")}
    assert rows["JPN"].event_date == day("2023-03-05") and rows["JPN"].event_date_basis == "sentence"
    assert rows["EU"].event_date == article.date and rows["EU"].event_date_basis == "published"
    assert all(e.date == day("2023-03-05") for e in rows.values())  # the partition stays the UTC publication date


@pytest.mark.parametrize(("text", "expected"), [("Ghana hosts talks with Togo on Thursday.", "2023-03-09"),
                                               ("Ghana hosted talks with Togo on Thursday.", "2023-03-02")])
def test_rows_read_a_weekday_by_the_tense_of_their_verb(nlp, text, expected):
    """Published on Monday 2023-03-06: the present tense announces the coming Thursday."""
    from schemas.records import Article
    from transforms.extract.engine import extract_events

    published = dt.datetime(2023, 3, 6, 9, 0, tzinfo=UTC)
    article = Article("b" * 32, "https://wire.example.org/b", "", text, published, published.date(), "published",
                      "https://wire.example.org/rss", "wire.example.org")
    rows = {e.actor: e for e in extract_events(article, None, nlp(text), "t")}
    assert rows["GHA"].event_date == day(expected) and rows["GHA"].event_date_basis == "sentence"


@pytest.mark.parametrize(("text", "expected"), [
    # a clause of time or condition in the present tells of what is to come: the coming Thursday
    ("Ghana will recall its ambassador from Togo when the report is released Thursday.", "2023-03-09"),
    # in the past it is the Thursday before
    ("Ghana attacked Togo when its troops crossed the border on Thursday.", "2023-03-02"),
])
def test_a_present_clause_of_time_or_condition_names_a_day_to_come(nlp, text, expected):
    """Published on Monday 2023-03-06 (tense.future_clause_spans)."""
    from schemas.records import Article
    from transforms.extract.engine import extract_events
    from transforms.extract.tense import future_clause_spans

    published = dt.datetime(2023, 3, 6, 9, 0, tzinfo=UTC)
    article = Article("d" * 32, "https://wire.example.org/d", "", text, published, published.date(), "published",
                      "https://wire.example.org/rss", "wire.example.org")
    rows = {e.actor: e for e in extract_events(article, None, nlp(text), "t")}
    assert (rows["GHA"].event_date, rows["GHA"].event_date_basis) == (day(expected), "sentence")
    doc = nlp(text)
    spans = future_clause_spans(next(doc.sents).root, 0)
    assert [text[a:b] for a, b in spans] == (["when the report is released Thursday"] if "report" in text else [])


def _ghana_row_of_monday(nlp, text):
    """Ghana's row of a body published on Monday 2023-03-06, 09:00 UTC."""
    from schemas.records import Article
    from transforms.extract.engine import extract_events

    published = dt.datetime(2023, 3, 6, 9, 0, tzinfo=UTC)
    article = Article("c" * 32, "https://wire.example.org/c", "", text, published, published.date(), "published",
                      "https://wire.example.org/rss", "wire.example.org")
    return next(e for e in extract_events(article, None, nlp(text), "t") if e.actor == "GHA")


def test_a_relative_clause_dates_its_own_event_not_the_row(nlp):
    """Published on Monday 2023-03-06: "on Saturday" dates the clashes the relative clause tells
    of, not the condemnation; the same words on the row's own verb date it."""
    def ghana_row(text):
        return _ghana_row_of_monday(nlp, text)

    other = ghana_row("Ghana condemned the clashes that erupted in Togo on Saturday.")
    assert (other.event_date, other.event_date_basis) == (day("2023-03-06"), "published")
    own = ghana_row("Ghana condemned the clashes in Togo on Saturday.")
    assert (own.event_date, own.event_date_basis) == (day("2023-03-04"), "sentence")


def test_a_period_to_come_in_a_clause_of_what_is_planned_is_the_plans(nlp):
    """Published on Monday 2023-03-06: the refusal is news of the day; "next week" is when the
    border would have reopened. Told in the future, the period is the event's own."""
    def ghana_row(text):
        return _ghana_row_of_monday(nlp, text)

    planned = ghana_row("Ghana rejects Togo's plan for reopening the border next week.")
    assert (planned.event_date, planned.event_date_basis) == (day("2023-03-06"), "published")
    own = ghana_row("Ghana will reopen the border with Togo next week.")
    assert (own.event_date, own.event_date_basis) == (None, "vague")


@pytest.mark.parametrize(("text", "actor", "expected"), [
    # undated main clause: the publisher's local day (Monday 2023-03-06), minus the measure
    ("Border talks opened a day after Ghana and Togo announced a trade deal.", "GHA", ("2023-03-05", "sentence")),
    ("Togo recalled its envoy two days after Ghana expelled three Togolese diplomats.", "GHA", ("2023-03-04", "sentence")),
    # a dated main clause moves with its day
    ("Togo recalled its envoy on Saturday, the day after Ghana expelled three Togolese diplomats.", "GHA",
     ("2023-03-03", "sentence")),
    # a news present about a past clause
    ("The findings come a day after Togo accused Ghana of harbouring rebels.", "TGO", ("2023-03-05", "sentence")),
    # the clause's own date wins; "hours after" is the main clause's day
    ("Togo recalled its envoy two days after Ghana expelled three diplomats on Wednesday.", "GHA",
     ("2023-03-01", "sentence")),
    ("Togo recalled its envoy hours after Ghana expelled three Togolese diplomats.", "GHA", ("2023-03-06", "published")),
    # a main clause about the future dates nothing that has happened
    ("Ghana will host talks two days after Togo signed the accord with Benin.", "TGO", ("2023-03-06", "published")),
])
def test_a_clause_after_a_measure_is_dated_by_the_main_clause(nlp, text, actor, expected):
    """ "N days after X did": X happened N days before the main clause's event."""
    from schemas.records import Article
    from transforms.extract.engine import extract_events

    published = dt.datetime(2023, 3, 6, 9, 0, tzinfo=UTC)
    article = Article("d" * 32, "https://wire.example.org/d", "", text, published, published.date(), "published",
                      "https://wire.example.org/rss", "wire.example.org")
    row = next(e for e in extract_events(article, None, nlp(text), "t") if e.actor == actor)
    assert (row.event_date, row.event_date_basis) == (day(expected[0]), expected[1])


def test_event_date_is_written_and_read_back(tmp_path):
    from conftest import make_event

    from pipeline.query import run_query
    from transforms.store import dataset

    rows = [make_event(event_date=day("2026-11-19"), event_date_basis="sentence"),
            make_event(event_id="f" * 32, event_date=None, event_date_basis="vague")]
    change = dataset.stage_partition(str(tmp_path), "r1", dt.date(2026, 11, 20), "RUS", rows)
    dataset.commit(str(tmp_path), "r1", [change])
    got = run_query(str(tmp_path), "SELECT event_date, event_date_basis, date FROM events ORDER BY event_id")[1]
    assert got == [(day("2026-11-19"), "sentence", day("2026-11-20")), (None, "vague", day("2026-11-20"))]


# ------------------------------------------------------------------ the hand-coded sentence set

def _references() -> list[dict]:
    return [json.loads(line) for line in SENTENCES.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_sentence_set_is_well_formed():
    refs = _references()
    assert len(refs) >= 150 and len({r["id"] for r in refs}) == len(refs)
    splits = collections.Counter((r["batch"], r["split"]) for r in refs)
    # Batches 1-2 are development: their test sentences were read to fix four rules, so they are
    # kept as dev and marked `was_test`. Batch 3, drawn and coded after that, is the frozen test.
    assert splits[1, "test"] == splits[2, "test"] == 0
    was_test = sum(1 for r in refs if r.get("was_test"))
    assert 0.35 <= was_test / (splits[1, "dev"] + splits[2, "dev"]) <= 0.45
    assert splits[3, "test"] >= 100 and splits[3, "dev"] == 0
    assert len({r["locator"]["line"] for r in refs}) == len(refs)  # one sentence per feed item
    for ref in refs:
        assert "text" not in ref  # references only: the sentences are third-party text
        assert ref["corpus"].startswith("rumca_rss_2023/") and isinstance(ref["locator"]["line"], int)
        published = dt.datetime.fromisoformat(ref["published"].replace(" ", "T"))
        if not ref["dated"]:  # nothing in the sentence dates its event: the UTC publication date
            assert ref["event_date"] == published.astimezone(UTC).date().isoformat(), ref["id"]
        elif ref["event_date"] is not None and not ref.get("history"):  # "history": a past year the text names
            assert abs((day(ref["event_date"]) - published.date()).days) <= 400, ref["id"]
    assert sum(r["dated"] for r in refs if r["split"] == "test") >= 60


def _scorer():
    return tool_module("score_event_dates")


# Measured on the development split without the parse (tools/score_event_dates.py --split dev
# --words-only): 0.806 of all 1,560 sentences, 0.915 of the 1,025 dated ones; the floors leave a margin.
DEV_FLOORS = (0.80, 0.90)


@pytest.mark.skipif(not SHARED.is_dir(), reason="the sentences are read from ../shared/corpus")
def test_accuracy_on_the_development_sentences():
    scorer = _scorer()
    items = scorer.load_sentences(SENTENCES, SHARED)  # every reference resolves and its sha1 matches
    report = scorer.score([i for i in items if i["split"] == "dev"])
    assert report["accuracy"] >= DEV_FLOORS[0], report["misses"]
    assert report["dated_accuracy"] >= DEV_FLOORS[1], report["misses"]


def test_the_same_instant_on_two_clocks_gives_each_clock_its_own_day():
    """01:30 in Tokyo and 16:30 UTC the day before are one instant (equal datetimes) but two
    publishers' days: a cached answer for one must not serve the other."""
    tokyo = dt.datetime(2023, 3, 6, 1, 30, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    utc = tokyo.astimezone(dt.timezone.utc)
    assert tokyo == utc
    sentence = "Protesters blocked the port yesterday."
    assert resolve_event_date(sentence, tokyo, dt.date(2023, 3, 6)) == (dt.date(2023, 3, 5), "sentence")
    assert resolve_event_date(sentence, utc, dt.date(2023, 3, 6)) == (dt.date(2023, 3, 4), "sentence")


@pytest.mark.parametrize(
    ("sentence", "lemma", "expected"),
    [
        # a weekday in the possessive dates its noun: the clause's act is the day of publication
        ("ECOWAS condemned Sunday's attack on the Togolese border post.", "condemn", "2023-03-08"),
        ("Ghana's sprinter was withdrawn from Saturday's race in Lome.", "withdraw", "2023-03-08"),
        # a day's papers report that day's news
        ("Tuesday's papers lead with the border closure.", "lead", "2023-03-07"),
        # the clause's own time words still date it
        ("On Monday ECOWAS condemned Sunday's attack.", "condemn", "2023-03-06"),
    ],
)
def test_a_weekday_in_the_possessive_dates_its_noun_not_the_clause(nlp, sentence, lemma, expected):
    """Published on Wednesday 8 March 2023."""
    from transforms.extract.tense import other_event_spans, verb_tense

    verb = next(t for t in nlp(sentence) if t.lemma_ == lemma)
    got, _ = resolve_event_date(sentence, at("2023-03-08T12:00+00:00"), day("2023-03-08"), verb_tense(verb),
                                other_event_spans(verb, 0))
    assert got == day(expected)


def test_the_possessed_event_noun_keeps_its_weekday(nlp):
    """The row of "Sunday's attack" itself is dated by the weekday."""
    from transforms.extract.tense import other_event_spans

    sentence = "Sunday's attack on the Togolese border post killed four soldiers."
    noun = next(t for t in nlp(sentence) if t.lower_ == "attack")
    got, _ = resolve_event_date(sentence, at("2023-03-08T12:00+00:00"), day("2023-03-08"), None,
                                other_event_spans(noun, 0))
    assert got == day("2023-03-05")


def test_what_is_expected_on_a_weekday_is_ahead():
    """Published on Wednesday 8 March 2023: the coming Saturday; after a past verb, the one before."""
    assert resolve("Ghana heatwave: hottest day expected on Saturday", "2023-03-08T12:00+00:00")[0] == day("2023-03-11")
    published = at("2023-03-08T12:00+00:00")
    assert resolve_event_date("The rain arrived as expected on Saturday.", published, day("2023-03-08"), "past")[0] == day("2023-03-04")


def test_a_day_an_event_is_named_by_is_its_last_occurrence_before_publication():
    """past_days_named: "Togo's May 2 attack" read in November is last May's, "the Dec. 30 raid"
    read on 2 January last year's, and a given year wins."""
    from transforms.extract.event_dates import past_days_named

    assert past_days_named("Togo's May 2 attack", dt.date(2026, 11, 20)) == [dt.date(2026, 5, 2)]
    assert past_days_named("the Dec. 30 raid", dt.date(2027, 1, 2)) == [dt.date(2026, 12, 30)]
    assert past_days_named("the 7 October 2023 attack", dt.date(2026, 11, 20)) == [dt.date(2023, 10, 7)]
    assert past_days_named("the latest attack", dt.date(2026, 11, 20)) == []
