"""The outlet frame: national institutions named without a country take the publisher's home country."""
from __future__ import annotations

import datetime as dt

import pytest

from schemas.records import Article
from transforms.extract.datelines import dateline_apart
from transforms.extract.engine import extract_events
from transforms.extract.outlets import outlet_country


def article(text, source="example.org", language=None, source_country=None, title=""):
    return Article("b" * 32, None, title, text, None, dt.date(2026, 11, 20), "run", f"https://{source}/rss", source,
                   language, "", source_country)


def events(nlp, art):
    return extract_events(art, nlp(art.title) if art.title else None, nlp(art.text), "t")


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"source": "example.org", "source_country": "NZL"}, "NZL"),  # the user's setting wins
        ({"source": "feeds.bbci.co.uk"}, "GBR"),  # the outlets table, through parent domains
        ({"source": "example.org", "language": "en-IE"}, "IRL"),  # the language's region
        ({"source": "nachrichten.example.de"}, "DEU"),  # the country-code domain
        ({"source": "example.co"}, None),  # .co is used as a generic domain
        ({"source": "example.org", "language": "en"}, None),
    ],
)
def test_the_outlet_country_comes_from_setting_table_language_or_domain(kwargs, expected):
    assert outlet_country(article("", **kwargs)) == expected


def test_the_government_of_a_home_story_is_the_outlets_country(nlp):
    rows = events(nlp, article("The government imposed new sanctions on the shipping company.", source="example.org",
                               source_country="GBR"))
    assert [(e.actor, e.event_root, e.actor_via) for e in rows] == [("GBR", "16", "outlet")]
    framed = rows[0].confidence
    named = events(nlp, article("The British government imposed new sanctions on the shipping company."))[0]
    assert named.actor_via == "gazetteer" and framed < named.confidence


def test_no_frame_when_the_article_names_another_country_that_could_act(nlp):
    rows = events(nlp, article("Belarusian officials met the opposition. The government imposed new curbs on protests.",
                               source_country="GBR"))
    assert not any(e.actor == "GBR" for e in rows)


def test_a_country_only_acted_upon_leaves_the_frame(nlp):
    """'sanctions on Belarus': Belarus is where the act lands, not whose government the British
    outlet means; a story that happens abroad ("polls close in Gabon") is not framed."""
    rows = events(nlp, article("The government imposed new sanctions on Belarus.", source_country="GBR"))
    assert [(e.actor, e.event_root, e.target, e.actor_via) for e in rows] == [("GBR", "16", "BLR", "outlet")]
    abroad = events(nlp, article("Polls closed in Gabon. The opposition accused the government of fraud.",
                                 source_country="FRA"))
    assert not any(e.actor == "FRA" for e in abroad), abroad


def test_an_indefinite_institution_is_not_framed(nlp):
    assert not events(nlp, article("A minister criticised the decision on Tuesday.", source_country="GBR"))


def test_a_chief_executive_is_no_official_of_the_outlets_country(nlp):
    rows = events(nlp, article("Adam Aron, the chief executive of AMC, exchanged messages with a Spanish minister.",
                               source_country="GBR"))
    assert not any(e.actor == "GBR" and e.actor_type == "GOV" for e in rows), rows


def test_a_story_filed_from_abroad_is_not_framed_by_the_outlet(nlp):
    """"LOME, Togo — The government ...": the dateline names where the story was filed
    (transforms/extract/datelines.py); the home country of a British outlet does not frame it.
    A worker parses the body without its dateline (transforms/extract/stage.py), as here."""
    def as_a_worker_parses(text):
        art = article(text, source_country="GBR")
        return extract_events(art, None, nlp(dateline_apart(art.text)), "t")

    abroad = as_a_worker_parses("LOME, Togo — The government imposed new curbs on protests.")
    assert not any(e.actor == "GBR" for e in abroad), [(e.actor, e.event_root) for e in abroad]
    home = as_a_worker_parses("LONDON — The government imposed new curbs on protests.")
    assert [(e.actor, e.actor_via) for e in home] == [("GBR", "outlet")]


def test_officials_of_a_region_are_not_the_outlets_country(nlp):
    """"African officials", "European judges" are no one state's: not framed by the outlet; "Arab
    leaders" have the region's code from the gazetteer."""
    assert events(nlp, article("African officials attended a workshop in London on Tuesday.", source_country="GBR")) == []
    rows = events(nlp, article("Arab leaders condemned the decision as a mark of shame.", source_country="USA"))
    assert [(e.actor, e.event_root) for e in rows] == [("MEA", "11")]

