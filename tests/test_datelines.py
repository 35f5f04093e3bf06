"""A body's dateline is no part of its first sentence, and says where the story was filed."""
from __future__ import annotations

import pytest
from test_extractor import triples

from transforms.extract.datelines import dateline_country, without_dateline


@pytest.mark.parametrize(
    ("text", "blanked"),
    [
        ("ACCRA: Ghana recalled its envoy.", "ACCRA: "),
        ("LOME, Togo — Togo recalled its envoy.", "LOME, Togo — "),
        ("ABIDJAN (AP) — Ivory Coast recalled its envoy.", "ABIDJAN (AP) — "),
        ("SNEAK PEEK — Ministers meet today.", "SNEAK PEEK — "),
        # an organisation's name before a colon says who speaks: kept
        ("UN: half the deaths were civilians.", ""),
        ("NATO: allies agree to meet.", ""),
        # not a dateline
        ("Ghana: the vote count begins.", ""),
        ("US: talks resume.", ""),
    ],
)
def test_the_dateline_is_blanked_and_offsets_stay(text, blanked):
    out = without_dateline(text)
    assert len(out) == len(text)
    assert out == " " * len(blanked) + text[len(blanked):]


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
         "antiwar messages, sentencing her to prison.", {("BLR", "11", None)}),
        ("LONDON — Actor Tom Smith on Thursday denied allegations that he assaulted two men, as he gave "
         "evidence for the first time.", set()),
        ("NEW DELHI, India — The Group of 20 economies welcomed the African Union as a member at their summit "
         "Saturday.", set()),
    ],
)
def test_a_worker_parses_no_dateline_into_the_first_sentence(nlp, text, expected):
    """transforms/extract/stage.extract_batch blanks the dateline: the place there names no actor."""
    from test_extractor import article

    from transforms.extract.stage import extract_batch

    rows = [row for _, events in extract_batch(nlp, None, [article(text)], "t") for row in events]
    assert triples(rows) == expected
