""""The country" as a recipient: which country a story means by it.

News names a country once and then calls it "the country" ("Ukraine's air force said Russia
launched more than 30 drones on the country's capital"). As a recipient the phrase means the
country named last before it, in its own sentence or the two before, other than the clause's own
subject (Russia does not strike its own capital), else the one country the headline names. As a subject the phrase is left alone: there a
wrong guess makes a whole row wrong, not just its recipient.
"""
from __future__ import annotations

from collections.abc import Callable

from schemas.ontology import PLACE_KINDS
from transforms.extract.doc_cache import entities_before

REFERRING_NOUNS = frozenset({"country", "nation"})
SENTENCES_BACK = 2
# Children that make the phrase a description, not a reference: "the country of origin",
# "the country that hosts", "the host country".
_DESCRIBING_DEPS = frozenset({"prep", "compound", "relcl", "acl", "poss"})


def refers_to_a_country(head) -> bool:
    """'the country', 'the embattled nation': a definite reference with nothing that describes it."""
    children = list(head.children)
    return (head.lemma_.lower() in REFERRING_NOUNS and head.tag_ == "NN"
            and any(c.dep_ == "det" and c.lower_ == "the" for c in children)
            and not any(c.dep_ in _DESCRIBING_DEPS for c in children))


def clause_subject_countries(head, country_of: Callable) -> set[str]:
    """The countries of the subjects of the verb the phrase hangs on."""
    verb = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return set()
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "agent")]
    subjects += [g for s in subjects if s.dep_ == "agent" for g in s.children if g.dep_ == "pobj"]
    subjects += [c for s in subjects for c in s.conjuncts]
    return {country for country in map(country_of, subjects) if country is not None}


def country_referred(head, lookup: Callable, country_of: Callable,
                     headline_country: str | None = None) -> tuple[str, str] | None:
    """(country code, the name that named it) for "the country" at `head`, or None.

    `lookup(text)` gives a name's gazetteer entry; `country_of(token)` the country of the phrase
    a token heads (for the clause's subjects, which are skipped). When no country is named
    before it, the one country the headline names (`headline_country`) is the one meant: "The EU
    offered to embrace Ukraine" over "... a path to membership for the embattled country"."""
    if not refers_to_a_country(head):
        return None
    excluded = clause_subject_countries(head, country_of)
    for entity in entities_before(head, SENTENCES_BACK):  # any entity type: the small model tags "Moldova" ORG at times
        entry = lookup(entity.text)
        if (entry is not None and entry.kind in PLACE_KINDS and entry.code == entry.country
                and entry.country not in excluded):
            return entry.country, entity.text
    if headline_country is not None and headline_country not in excluded:
        return headline_country, ""
    return None
