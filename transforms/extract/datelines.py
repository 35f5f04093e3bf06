"""A body's dateline ("RIYADH: ...", "BELGRADE, Serbia — ...", "KYIV (AP) — ...") is not part of
its first sentence.

Wire copy opens with the place it was filed from, in capitals, then a colon or a dash. The
parser reads it into the sentence: "DUBAI, United Arab Emirates: Suspected members of a
separatist group killed 11 people" makes the Emirates a subject. `dateline_apart` ends the
dateline with a full stop instead (same length, so every offset into the text stays valid)
before the text is parsed: it becomes a sentence of its own, with no verb and so no event, and
the first sentence starts as sentences do (blanked to spaces, it would follow a whitespace
token, and the tagger reads a capitalised first word after one as a proper noun:
"Authorities in southern Yemen" lost its subject). An organisation's name before a colon is an
attribution, not a place ("UN: half the fatalities ..."), and is kept; a capital, which the
tables know as its country's metonym ("RIYADH:", "KYIV (AP) —"), is a dateline.

A partner's story republished by allAfrica opens with the source's tag in brackets, then often a
dateline in title case before " -- " ("[VOA] Nairobi, Kenya -- ..."): the tag is set apart the
same way (`source_tag_apart`), and the title-case dateline is read only after such a tag.
"""
from __future__ import annotations

import re

from schemas import ontology

_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z’'.\-]+(?: [A-Z][A-Z’'.\-]+)*)"  # RIYADH, SAN FRANCISCO, AS-SAWIYAH
    r"(?:, (?P<region>[A-Z][\w’'.\-]+(?: [A-Z][\w’'.\-]+)*))?"  # , United Arab Emirates / , Serbia
    r"(?: \([A-Za-z ]+\))?"  # (AP), (Reuters)
    r"(?P<space>\s*)(?P<mark>:|—|–|--)\s"
)
# allAfrica's partners write the place in title case, always before a double hyphen and after
# their tag: "[VOA] Nairobi, Kenya -- Some 150 countries ..."; without a tag a double hyphen
# is as often a parenthesis ("Israel -- facing growing pressure -- struck ...")
_TITLE_CASE_DATELINE = re.compile(
    r"(?P<place>[A-Z][\w’'.\-]+(?: [A-Z][\w’'.\-]+){0,2})"
    r"(?:, (?P<region>[A-Z][\w’'.\-]+(?: [A-Z][\w’'.\-]+)?))?"
    r"(?P<space>\s*)(?P<mark>--)\s"
)
MIN_LETTERS = 3  # "US:" is an actor's label more often than a place


def _dateline(text: str):
    text = text or ""
    after_tag = _tag_end(text)  # "[VOA] Nairobi, Kenya -- ..."
    match = _DATELINE.match(text, after_tag) or (_TITLE_CASE_DATELINE.match(text, after_tag) if after_tag else None)
    if match is None:
        return None
    place = match["place"]
    entry = ontology.actor_names(None).get(ontology.normalize_name(place))
    if sum(c.isalpha() for c in place) < MIN_LETTERS or (entry is not None and entry.kind not in ontology.PLACE_KINDS):
        return None  # "UN: ...", "NATO: ...": who says it
    return match


def source_tag_apart(text: str) -> str:
    """A body that opens with its source's tag in brackets ("[MSF] Médecins Sans Frontières
    calls for ...", "[New Times] The Minister of Infrastructure has urged ...", as allAfrica
    republishes its partners' stories) has the tag made a sentence of its own, as a dateline is
    ("MSF . Médecins Sans Frontières calls ..."; same length): read into the sentence, the
    bracketed words break the name after them ("Médecins" and "Frontières" read as two
    subjects)."""
    end = _tag_end(text)
    return text if not end else text[1:end - 2] + " . " + text[end:]


# "[MSF] ", "[Capital FM] ": a short bracketed name opening the text (no note: "[Update: ...]")
_SOURCE_TAG = re.compile(r"\[[^\[\]\n:]{1,60}\] ")


def _tag_end(text: str) -> int:
    tag = _SOURCE_TAG.match(text)
    return tag.end() if tag else 0


def dateline_apart(text: str) -> str:
    """`text` with its opening dateline made a sentence of its own ("LOME, Togo — The ..." becomes
    "LOME, Togo . The ..."; same length), or unchanged."""
    match = _dateline(text)
    if match is None:
        return text
    start, end = match.span("mark")
    return text[:start] + "." + " " * (end - start - 1) + text[end:]


def dateline_country(text: str) -> str | None:
    """The country a body's dateline names ("LONDON:" GBR, "DUBAI, United Arab Emirates —" ARE),
    if the tables know it: a story filed from abroad is not the outlet's home story
    (transforms/extract/actors.ArticleActors.frame_with_outlet)."""
    match = _dateline(text)
    if match is None:
        return None
    from transforms.extract.places import place_countries

    names, places = ontology.actor_names(None), place_countries()
    for part in (match["region"], match["place"]):
        key = ontology.normalize_name(part or "")
        entry = names.get(key)
        if entry is not None and entry.country:
            return entry.country
        if places.get(key):
            return places[key]
    return None
