"""The language an article is written in, detected from its text (py3langid, model shipped).

Feeds often declare no language or a wrong one (a French site with `<language>en</language>`),
and the English model turns French into nonsense events ("Un suspect a été arrêté" became a UN
event). The text decides when the detector is confident; otherwise the feed's declaration
stands. py3langid was chosen because it ships its model (no download) and is deterministic.

Most items of an English news feed say so in their function words, so `plainly_english` answers
for them before the detector is asked: 73% of the news corpus's items, none of them another
language by the detector, and none of 2,741 pieces of German, Russian, Spanish, French, ... text
(`bench/language_check.py`). Language identification took about 5% of a 5,000-item run (py-spy),
half of it loading the detector's model, which a run with any text that is not plainly English
still does; the check halves the other half (3.5 s of CPU → 1.5 s on 32,526 items).
"""
from __future__ import annotations

import functools
import re

CONFIDENT = 0.7  # normalised probability; short or mixed texts score lower and keep the declaration
MIN_CHARS = 40   # below this (a bare headline) the detector is guessing

# English function words that are no common word of another language written in Latin script
# (not "to": Polish, Czech; "for", "by", "over": Danish, Norwegian, Dutch; "in", "is", "was",
# "will", "also", "had", "have", "we", "her": Dutch or German; "on": French; "he": Spanish;
# "are": Romanian).
ENGLISH_MARKERS = frozenset(
    "the of and with that from this which said says after would has been were their its who but not "
    "could should about into than what when more she they his our you there being because while".split())
MARKER_SHARE = 0.08     # of the words
DISTINCT_MARKERS = 3    # a quoted English title inside another language's text has fewer
_WORD = re.compile(r"[^\W\d_]+")


@functools.cache
def _identifier():
    import py3langid.langid as langid

    return langid.LanguageIdentifier.from_modelpath(langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True)


def plainly_english(text: str) -> bool:
    """At least DISTINCT_MARKERS different English function words, making MARKER_SHARE of
    the words: what the detector says of such text with confidence (`bench/language_check.py`)."""
    words = _WORD.findall(text.lower())
    markers = [word for word in words if word in ENGLISH_MARKERS]
    return len(set(markers)) >= DISTINCT_MARKERS and len(markers) >= MARKER_SHARE * len(words)


def detect(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the detector is not confident."""
    text = " ".join(text.split())
    if len(text) < MIN_CHARS:
        return None
    if plainly_english(text):
        return "en"
    code, probability = _identifier().classify(text)
    return code if probability >= CONFIDENT else None


def primary(tag: str | None) -> str | None:
    """'en-GB' → 'en'."""
    return tag.replace("_", "-").split("-")[0].lower() if tag else None


def article_language(title: str, text: str, declared: str | None) -> str | None:
    """The feed's declaration when the text agrees with it or cannot tell (it keeps a region,
    "en-GB", which places the outlet), else the detected language."""
    found = detect(f"{title}. {text}")
    if found is None or found == primary(declared):
        return declared
    return found
