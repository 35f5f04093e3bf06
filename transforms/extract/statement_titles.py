"""Headlines that are only the name of a statement: "Remarks by Coordinator X at AGOA",
"WHO Director-General's Opening Remarks At the Media Briefing", "Statement by the Ghanaian
Foreign Minister on the Togo Elections", "United Nations Day Message".

Press releases (allAfrica republishes many) are titled so, with no verb: the news is that the
speaker spoke, and the coders code the speaker's statement (010) with no one as its target. The
title names the speaker by a possessive, a modifier ("United Nations Day message") or "by" /
"from". A statement named inside another headline ("things to watch in Yousaf's big speech",
"details buried in the Autumn Statement") is no such title, nor is a joint statement, which the
coders code as the cooperation its parties state (03), a meeting's, or "no statement"; and the
speaker must be one the title names, not one only the story's country or the outlet would give.
"""
from __future__ import annotations

from collections.abc import Iterator

from transforms.extract.actors import Actor, ArticleActors
from transforms.extract.tense import FINITE_TAGS

STATEMENT = "010"
STATEMENT_NOUNS = frozenset({"remark", "remarks", "statement", "message", "speech", "address", "keynote"})
SPEAKER_PREPS = frozenset({"by", "from"})
SHARED_STATEMENT_WORDS = frozenset({"joint", "common", "bilateral", "trilateral", "multilateral"})
NEGATIONS = frozenset({"no", "not", "without"})
# A meeting's statement is its parties' ("Peace Summit Statement"), no one speaker's.
MEETING_NOUNS = frozenset({"summit", "conference", "meeting", "forum", "talk", "session", "dialogue"})
# A speaker the title names itself: not the story's country ("Statement from the Press
# Secretary on Haiti" is no Haitian statement) nor the outlet's home.
NAMED = "gazetteer"


def statement_titles(sent, resolver: ArticleActors) -> Iterator[tuple[object, str, Actor, None]]:
    """(noun, "010", speaker, None) for a verbless headline that names a statement and its speaker."""
    if any(token.tag_ in FINITE_TAGS for token in sent):
        return
    noun = _title_noun(sent)
    if noun is None or any(c.lower_ in SHARED_STATEMENT_WORDS | NEGATIONS or c.lemma_.lower() in MEETING_NOUNS
                           for c in noun.children):
        return  # "Trilateral Statement by ...", "No statement from Moscow", "Peace Summit Statement"
    speaker = _speaker_named(noun, resolver)
    if speaker is not None:
        yield noun, STATEMENT, speaker, None


def _title_noun(sent):
    """The statement noun the title is: its root, or what follows a region's label ("Africa:
    Remarks by ...", which the parser hangs on the label as an apposition)."""
    root = sent.root
    for noun in (root, *(c for c in root.children if c.dep_ == "appos")):
        if noun.pos_ in ("NOUN", "PROPN") and noun.lower_ in STATEMENT_NOUNS:
            return noun
    return None


def _speaker_named(noun, resolver: ArticleActors) -> Actor | None:
    """The first actor the noun's modifiers name ("WHO Director-General's", "United Nations Day"),
    else its "by" or "from" object ("by the Deputy Secretary of Commerce"), not a region's label
    before a colon ("Africa: ..."); only a speaker the title names (NAMED)."""
    start = max([noun.left_edge.i] + [t.i + 1 for t in noun.doc[noun.sent.start: noun.i] if t.text == ":"])
    named = [t for t in noun.doc[start: noun.i] if t.pos_ in ("PROPN", "NOUN")]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in SPEAKER_PREPS:
            for pobj in prep.children:
                # a name, or a role with its body's name ("by Unicef Deputy Executive Director
                # ..."), not a thing of someone's ("a message from Ukraine's front line")
                if pobj.dep_ == "pobj" and pobj.pos_ == "PROPN":
                    named.append(pobj)
                elif pobj.dep_ == "pobj" and (resolver.role_type_of(pobj) is not None or any(
                        m.pos_ == "PROPN" and m.dep_ in ("compound", "nmod") for m in pobj.lefts)):
                    named += [pobj, *(m for m in pobj.lefts if m.pos_ in ("PROPN", "NOUN"))]
    for token in named:
        actor = resolver.resolve(token, remember=False)
        if actor is not None and (actor.via == NAMED or actor.code != actor.country):  # a body is named
            return actor
    return None
