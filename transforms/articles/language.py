"""The language an article is written in, detected from its text (py3langid, model shipped).

Feeds often declare no language or a wrong one (a French site with `<language>en</language>`),
and the English model turns French into nonsense events ("Un suspect a été arrêté" became a UN
event). The text decides when the detector is confident; otherwise the feed's declaration
stands. py3langid was chosen because it ships its model (no download), is deterministic and
classifies an item in about 0.03 ms.
"""
from __future__ import annotations

import functools

CONFIDENT = 0.7  # normalised probability; short or mixed texts score lower and keep the declaration
MIN_CHARS = 40   # below this (a bare headline) the detector is guessing


@functools.cache
def _identifier():
    import py3langid.langid as langid

    return langid.LanguageIdentifier.from_modelpath(langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True)


def detect(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the detector is not confident."""
    text = " ".join(text.split())
    if len(text) < MIN_CHARS:
        return None
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
