"""A body's dateline is no part of its first sentence, and says where the story was filed."""
from __future__ import annotations

import pytest
from test_extractor import triples

from transforms.extract.datelines import dateline_apart, dateline_country


@pytest.mark.parametrize(
    ("text", "apart"),
    [
        ("ACCRA: Ghana recalled its envoy.", "ACCRA. Ghana recalled its envoy."),
        ("LOME, Togo — Togo recalled its envoy.", "LOME, Togo . Togo recalled its envoy."),
        ("ABIDJAN (AP) -- Ivory Coast recalled its envoy.", "ABIDJAN (AP) .  Ivory Coast recalled its envoy."),
        ("SNEAK PEEK — Ministers meet today.", "SNEAK PEEK . Ministers meet today."),
        # an organisation's name before a colon says who speaks: kept
        ("UN: half the deaths were civilians.", None),
        ("NATO: allies agree to meet.", None),
        # not a dateline
        ("Ghana: the vote count begins.", None),
        ("US: talks resume.", None),
    ],
)
def test_the_dateline_becomes_a_sentence_of_its_own_and_offsets_stay(text, apart):
    out = dateline_apart(text)
    assert len(out) == len(text)
    assert out == (apart or text)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("ACCRA: Ghana recalled its envoy.", "GHA"),
        ("LOME, Togo — officials said.", "TGO"),
        ("SNEAK PEEK — Ministers meet today.", None),
        ("Ghana recalled its envoy.", None),
    ],
)
def test_the_dateline_names_the_country_the_story_was_filed_from(text, country):
    assert dateline_country(text) == country


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RIGA, Latvia — A Belarusian court on Thursday convicted a musician for swapping price tags with "
         "antiwar messages, sentencing her to prison.", {("BLR", "11", "BLR")}),  # a musician: its own people
        ("LONDON — Actor Tom Smith on Thursday denied allegations that he assaulted two men, as he gave "
         "evidence for the first time.", set()),
        ("NEW DELHI, India — The Group of 20 economies welcomed the African Union as a member at their summit "
         "Saturday.", set()),
        ("ACCRA: Authorities in southern Ghana have declared a state of emergency and suspended schools.",
         {("GHA", "17", None)}),
    ],
)
def test_a_worker_parses_no_dateline_into_the_first_sentence(nlp, text, expected):
    """transforms/extract/stage.extract_batch parses the dateline apart: the place there is no actor,
    and the first sentence's subject stays its subject ("Authorities in southern Ghana ...")."""
    from test_extractor import article

    from transforms.extract.stage import extract_batch

    rows = [row for _, events in extract_batch(nlp, None, [article(text)], "t") for row in events]
    assert triples(rows) == expected


@pytest.mark.parametrize(
    ("text", "apart"),
    [
        # a source's bracketed tag is a sentence of its own, as a dateline is; a dateline after it too
        ("[MSF] Médecins Sans Frontières calls for a ceasefire.", "MSF . Médecins Sans Frontières calls for a ceasefire."),
        ("[Capital FM] Nairobi -- The African Union urged talks.", "Capital FM . Nairobi .  The African Union urged talks."),
        ("[Reuters] LAGOS — The army said it killed 20.", "Reuters . LAGOS . The army said it killed 20."),
        # a title-case place is a dateline only after a tag, before a double hyphen
        ("[GNA] Cape Town -- Former leaders met.", "GNA . Cape Town .  Former leaders met."),
        ("Cape Town -- Former leaders met.", None),
        ("Israel -- facing growing pressure -- struck targets in Lebanon.", None),
        ("Ghana's army said it killed 20.", None),
        ("[Editorial note: this item was updated] later.", None),  # a tag is followed by a word, not one after a colon
    ],
)
def test_a_source_tag_is_set_apart_like_a_dateline(text, apart):
    from transforms.extract.datelines import source_tag_apart

    out = source_tag_apart(dateline_apart(text))
    assert len(out) == len(text)
    assert out == (apart or text)


def test_the_dateline_after_a_source_tag_names_where_the_story_was_filed():
    assert dateline_country("[VOA] Nairobi, Kenya -- Some 150 countries signed on.") == "KEN"
    assert dateline_country("[New Times] The minister of infrastructure urged talks.") is None


def test_a_name_after_a_source_tag_is_read_whole(nlp):
    """The bracketed tag read into the sentence broke the name after it into two subjects."""
    from test_extractor import article

    from transforms.extract.stage import extract_batch

    text = "[MSF] Médecins Sans Frontières calls for an immediate ceasefire to prevent more deaths in Gaza."
    rows = [row for _, events in extract_batch(nlp, None, [article(text)], "t") for row in events]
    assert ("MSF", "02") in {(row.actor, row.event_root) for row in rows}


@pytest.mark.parametrize("text", [
    "KYIV (AP) -- Russian forces shelled Kharkiv overnight.",
    "[Reuters] LAGOS -- Nigerian troops attacked the rebels' camp.",
    "Russian forces shelled Kharkiv overnight.",
])
def test_a_dateline_or_tag_is_not_the_bodys_first_sentence(nlp, text):
    """The feature "first_sentence" (the lede) goes to the first sentence that tells something,
    not to a dateline or a source's tag set apart as a sentence of its own."""
    from test_extractor import article

    from transforms.extract.engine import extract_with_features
    from transforms.extract.texts import texts_to_parse

    art = article(text)
    title, body = texts_to_parse(art)
    found = extract_with_features(art, nlp(title) if title else None, nlp(body), "t")
    assert found and all(features.get("first_sentence") == 1.0 for _, features in found)
