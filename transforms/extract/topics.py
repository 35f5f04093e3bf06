"""Items that are not political news give no rows, whatever verbs they use.

Decided from the headline, with the cue words of schemas/data/item_cues.csv:
- a question ("What has Beijing said?", "Will Iran retaliate?"): an explainer, not a report;
- a programme blurb ("Podcast: ...", "In pictures: ...", "Listen: ..."): its first words name it.
  A video or photo page ("Watch: ...", "Video: ...", "Photos: ...") is no blurb: it shows an act
  and its headline says which ("Video: Malaysia's leader condemns Israel over Gaza strikes"); on
  the development split 8 of 21 such pages had gold events (12 in all);
- a natural disaster or a death ("Earthquake kills 2,000", "Singer dies at 93"): rows of the
  item are kept only when they are visits and meetings (04: "Blinken tours the earthquake
  zone"), protests (14: "flood victims protest over slow aid") or uses of force (roots 15-20),
  which such stories can report;
- an item of an outlet's sport section, told by a segment of its link's path ("/sport/",
  ".../sports/soccer/...", "/node/123/sport"): its "beats", "clashes" and "defends" are games.
  Read on every tenth sport-section item of the corpus, its rows were wrong nine times in ten.
The sentence-level cues for sport and markets live in coding.off_topic.
"""
from __future__ import annotations

import functools
import re
from urllib.parse import urlsplit

from schemas import ontology

# Protests (14) too: "flood victims protest over slow aid", and a crowd that storms a building
# ("protesters storm parliament": "storm" is also the weather).
KEPT_ROOTS = frozenset({"04", "14"} | {f"{n:02d}" for n in range(15, 21)})
# An inquiry too: a state that opens an investigation into a derailment or a death acts on the
# news (the coders coded 7 of 9 such items of the development split), while its search for
# survivors or its inspection of the damage (other 09 verbs) is rescue work, and what it says
# about the disaster (01, 11, 12) comment.
INQUIRY_ROOT = "09"
INQUIRY_WORDS = frozenset({"investigate", "investigation", "probe", "inquiry", "enquiry"})


_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


@functools.cache
def _cues() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in ontology.table_rows("item_cues.csv"):
        out.setdefault(row["kind"], set()).add(row["cue"].lower())
    return {kind: frozenset(cues) for kind, cues in out.items()}


def item_kind(title: str, url: str | None = "") -> str | None:
    """'sport', 'question', 'blurb', 'disaster', 'obituary', or None for an ordinary item."""
    return _item_kind(title, url or "")


# Each item is asked twice: before its parse (texts.texts_to_parse, `gives_no_rows`) and by the
# extractor (engine, `keeps`), a batch apart at most; the answer, a pure function of the title,
# the link and the cue table, is remembered in between.
@functools.lru_cache(maxsize=4096)
def _item_kind(title: str, url: str) -> str | None:
    if url and _in_sport_section(url):
        return "sport"
    text = ontology.fold(title).lower().strip()
    words = _WORD.findall(text)
    if not words:
        return None
    cues = _cues()
    if text.endswith("?") and words[0] in cues["question"]:
        return "question"
    head = text.split(":", 1)[0] if ":" in text[:40] else " ".join(words[:2])
    if any(head == cue or head.startswith(cue + " ") for cue in cues["blurb"]):
        return "blurb"
    joined = " " + " ".join(words) + " "
    for kind in ("disaster", "obituary"):
        if any(f" {cue} " in joined for cue in cues[kind]):
            return kind
    return None


def _in_sport_section(url: str) -> bool:
    segments = urlsplit(url).path.lower().split("/")
    return any(segment in _cues()["sport_section"] for segment in segments)


NO_ROW_KINDS = frozenset({"question", "blurb", "sport"})


def gives_no_rows(title: str, url: str = "") -> bool:
    """Whether the item gives no rows whatever its sentences say: no need to parse it."""
    return item_kind(title, url) in NO_ROW_KINDS


def keeps(kind: str | None, root: str, act_words=()) -> bool:
    """Whether a row of this root survives in an item of this kind; `act_words`, the lower-case
    lemmas of the act's verb and object, keep an investigation that names an inquiry ("opens
    investigation", "probes contractors") in a disaster's item."""
    if kind is None:
        return True
    if kind in NO_ROW_KINDS:
        return False
    return root in KEPT_ROOTS or (root == INQUIRY_ROOT and bool(INQUIRY_WORDS & set(act_words)))
