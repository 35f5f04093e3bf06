"""Protests named by a noun: "Kenya protests", "protests across Iran", "mass rioting has broken
out in Dagestan", "France battered by protests over pension plans".

The news often tells a protest without a clause whose subject protests, and without naming
the crowd: the noun and the place are all there is. A crowd that protests is of the country
where it protests (GOLD.md: crowds are coded by their country), so the noun's place decides the
actor: a country or a place of one that modifies it ("Kenya protests", "Israel's protests"),
its "in"/"across" phrase, the country the passive clause it acts on is about ("France battered
by protests"), else the one country the headline names. The recipient is who the protest is
against ("anti-Israeli riot", "protests against Israel"), else the crowd's own state (GOLD.md:
a domestic act is coded state to state). A protest that has not happened ("planned protests",
"called for protests", "banned the march") is none. The nouns are in
schemas/data/protest_nouns.csv.
"""
from __future__ import annotations

import functools
from collections.abc import Iterator

from schemas import ontology
from transforms.extract.actors import Actor, ArticleActors
from transforms.extract.clauses import MAY_BE_MODALS, is_hypothetical
from transforms.extract.doc_cache import tokens_with_words
from transforms.extract.nominal import EXPECTING_VERBS, _unrealized_or_counted_from
from transforms.extract.targets import country_or_place, own_state
from transforms.extract.tense import PERFECT_AUXILIARIES

# Verbs whose object protest has not happened, or is not the news of a crowd: "banned the
# march", "called for protests", "organised a rally" (by someone named elsewhere).
# (Verbs whose object has not happened for any event noun, "feared protests", "prevented a
# march", are schemas/data/unrealized_objects.csv's, read by _unrealized_or_counted_from.)
NOT_HELD_VERBS = frozenset({"ban", "prohibit", "outlaw", "forbid", "criminalise", "criminalize", "call", "urge",
                            "organise", "organize", "announce", "cancel", "postpone", "allow", "permit",
                            "authorise", "authorize", "brace", "prepare", "await", "turn", "stop", "block"})
# Nouns whose protest has not happened: "a ban on protests", "a call to protest"
NOT_HELD_NOUNS = frozenset({"ban", "prohibition", "call", "plan", "threat"})
AGAINST_PREPS = frozenset({"against"})
PROTEST_PLACE_PREPS = frozenset({"in", "across", "at", "near", "throughout", "outside", "around"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# "anti-Israeli riot", "pro-Palestinian march": a side, not a place
SIDE_PREFIXES = ("anti-", "anti", "pro-")
CROWD = "CVL"


def place_protests(sent, resolver: ArticleActors) -> Iterator[tuple[object, str, Actor, Actor]]:
    """(noun, code, actor, target) for each protest noun whose place is a known country."""
    table = ontology.protest_nouns()
    # the word first, a lexical gate: the parse tests of `_a_noun` only for a protest noun
    for noun in tokens_with_words(sent, frozenset(), _protest_lemmas()):
        code = table.get(noun.lemma_.lower()) or _on_strike(noun)
        if code is None or not _a_noun(noun):
            continue
        phrase = noun.head if noun.dep_ == "compound" else noun  # "a protest march in Nairobi"
        if not _held(phrase, resolver.on_date.year if resolver.on_date else None):
            continue
        country = _place(phrase, resolver)
        if country is None:
            continue
        actor = Actor(country, noun.text, country, CROWD, "context")
        yield noun, code, actor, _against(phrase, resolver) or own_state(country)


@functools.cache
def _protest_lemmas() -> frozenset[str]:
    """The lemmas `place_protests` can code: the protest nouns' and a labour "strike" (`_on_strike`)."""
    return frozenset(ontology.protest_nouns()) | {STRIKE}


# Where a word the tagger read as a verb stands as a noun: "after Togo protests" ("protests" VBZ)
NOUN_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass"})


# "a demonstration of military power" is a show; "market unrest" is no crowd's
SHOW_NOUNS = frozenset({"demonstration"})
SHOWN = frozenset({"power", "force", "strength", "might", "capability", "resolve", "technology", "weapon"})
# "protests at the Swedish embassy": an embassy is its owner's, not where it stands
MISSION_NOUNS = frozenset({"embassy", "consulate", "mission"})


# "a protest march", "a protest rally": the protest is the compound's
PROTEST_HEADS = frozenset({"march", "rally", "vigil", "camp"})


def _a_noun(word) -> bool:
    if word.dep_ == "compound" and word.head.lemma_.lower() in PROTEST_HEADS:
        return True
    if word.dep_ == "compound" or not (word.pos_ == "NOUN" or (word.pos_ == "VERB" and word.dep_ in NOUN_DEPS)):
        return False
    if word.lemma_.lower() in SHOW_NOUNS and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(o.lemma_.lower() in SHOWN for o in c.children) for c in word.children):
        return False
    return not (word.lemma_.lower() == "unrest" and any(c.dep_ == "compound" and c.ent_type_ == "" for c in word.children))


# "went on strike", "remained on strike": a strike that is a stoppage, not an attack
ON_STRIKE_VERBS = frozenset({"go", "remain", "stay", "be", "come", "walk"})
LABOUR_STRIKE = "143"
STRIKE = "strike"


def _on_strike(noun) -> str | None:
    if noun.lemma_.lower() != STRIKE or noun.dep_ != "pobj":  # every token asks: the word first
        return None
    head = noun.head
    if head.lower_ == "on" and head.head.lemma_.lower() in ON_STRIKE_VERBS:
        return LABOUR_STRIKE
    return None


def _held(noun, year: int | None = None) -> bool:
    """The protest took place: not one that is planned, feared or counted from, nor the object
    of a verb that bans, calls for or organises it, nor one a modal or a condition says may come
    ("could turn into protests", "protests could erupt", "if protests break out"), nor one
    ahead ("ahead of protests"), nor one denied ("no protests were reported"), nor one of a
    past year ("the 2019 protests", "the 2011 London riots"). "Declined the invitation in
    protest" tells why someone acted, not that a crowd protested."""
    if _unrealized_or_counted_from(noun) or _of_a_past_time(noun, year):
        return False
    if any(c.dep_ in ("det", "neg") and c.lower_ in ("no", "not") for c in noun.children):
        return False
    # "protests could erupt": a modal on its taking place; "protests may force an election" is about
    # what protests do (the verb has an object), "may have toppled" what they did
    if noun.dep_ in ("nsubj", "nsubjpass"):
        verb = noun.head
        modal = any(c.dep_ == "aux" and c.lower_ in MAY_BE_MODALS for c in verb.children)
        effect = any(c.dep_ == "dobj" or (c.dep_ == "aux" and c.lower_ in PERFECT_AUXILIARIES) for c in verb.children)
        if (modal and not effect) or (is_hypothetical(verb) and not (modal and effect)):
            return False
    counted = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN" else None
    for word in (noun, counted):  # "a second round of protests"
        if word is not None and word.dep_ == "pobj" and word.head.lower_ == "of" and word.head.head.lower_ == "ahead":
            return False
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in EXPECTING_VERBS:
        return False  # "fresh protests are expected"
    if any(c.dep_ == "acl" and c.lemma_.lower() in EXPECTING_VERBS | NOT_HELD_VERBS for c in noun.children):
        return False  # a headline's "Fresh protests expected in Israel", "protests called for Friday"
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        if head.lower_ == "in" and head.head.pos_ in ("VERB", "AUX") and not any(c.dep_ == "det" for c in noun.children):
            return False  # "in protest against ..."
        if head.head.lemma_.lower() in NOT_HELD_NOUNS:
            return False
        head = head.head
    if noun.dep_ in ("dobj", "pobj") and head.pos_ == "VERB":
        if head.lemma_.lower() in NOT_HELD_VERBS or any(
                c.dep_ == "aux" and c.lower_ in MAY_BE_MODALS for c in head.children):
            return False
    return True


def _of_a_past_time(noun, year: int | None) -> bool:
    """"The 2019 protests", "Cuba's July 2021 protests": a year before the article's among its
    modifiers names a time gone, and the noun refers to those protests ("the June protests",
    "months-long protests" may be this year's)."""
    return year is not None and any(
        t.like_num and len(t.text) == 4 and t.text.isdigit() and int(t.text) < year
        for c in noun.children if c.dep_ in ("compound", "nummod", "amod", "npadvmod", "poss") for t in c.subtree)


def _place(noun, resolver: ArticleActors) -> str | None:
    for modifier in noun.children:  # "Kenya protests", "Israel's protests", "Iranian protests"
        if (modifier.dep_ in ("compound", "amod", "poss", "nmod") and not modifier.lower_.startswith(SIDE_PREFIXES)
                and not _in_a_pair(modifier)):
            place = country_or_place(resolver, modifier)
            if place is not None:
                return place.code
    told = False  # a place the sentence names that no table knows ("in Springfield") is no frame
    for prep in noun.children:  # "protests across Iran", "rioting in Dagestan", "at US universities"
        if prep.dep_ == "prep" and prep.lower_ in PROTEST_PLACE_PREPS:
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                if pobj.lemma_.lower() in MISSION_NOUNS:
                    return None
                # "in the capital Nairobi"; "around" names a place only when its object is one
                # ("around Paris"), not a topic ("around the Gaza war")
                around = prep.lower_ == "around"
                for head in [pobj] if around else _with_appositions(pobj):
                    if around and not (head.ent_type_ in PLACE_ENTS and head.pos_ == "PROPN"):
                        continue
                    place = country_or_place(resolver, head)
                    if place is not None:
                        return place.code
                told = told or _names_a_place(pobj)
    clause = noun.head.head if noun.dep_ == "pobj" else noun.head
    if clause.pos_ in ("VERB", "AUX"):  # "France battered by protests", "protests broke out in Paris",
        for head in _clause_places(clause):  # "teachers in England went on strike"
            for found in _with_appositions(head):
                place = country_or_place(resolver, found)
                if place is not None:
                    return place.code
            told = told or (head.dep_ == "pobj" and _names_a_place(head))
    if told or any(_in_a_pair(modifier) for modifier in noun.children if modifier.dep_ == "compound"):
        return None  # "Israel-Hamas protests disrupt life in Chicago": a topic, and no place told
    return resolver.context_country


def _with_appositions(head) -> list:
    """The phrase's head and the names beside it: "the capital Nairobi"."""
    return [head] + [c for c in head.children if c.dep_ in ("appos", "compound") and c.pos_ == "PROPN"]


def _names_a_place(head) -> bool:
    """A phrase that names a place ("in Springfield", "across many cities"), not a time or a cause
    ("in June", "at the weekend", "in support of the opposition")."""
    if head.ent_type_ in ("DATE", "TIME") or head.lemma_.lower() in NOT_PLACES:
        return False
    return head.ent_type_ in ("GPE", "LOC", "FAC") or head.pos_ == "PROPN" or head.lemma_.lower() in PLACE_NOUNS


# words after "in" or "at" that are no place, and common nouns that are one
NOT_PLACES = frozenset({"response", "support", "solidarity", "protest", "reaction", "day", "days", "week",
                        "weekend", "night", "morning", "evening", "year", "month", "time", "way", "wake", "part"})
PLACE_NOUNS = frozenset({"city", "cities", "town", "country", "countries", "capital", "region", "world", "globe", "state",
                         "province", "village", "campus", "university", "street", "square"})


def _clause_places(verb) -> list:
    """The phrases of a clause that may name where it happens: its passive subject ("France
    battered by protests"), its place phrases, and its subject's own ("teachers in England")."""
    found = []
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            found.append(child)
        holders = [child] if child.dep_ == "prep" else [
            c for c in child.children if c.dep_ == "prep"] if child.dep_ == "nsubj" else []
        found += [p for prep in holders if prep.lower_ in PROTEST_PLACE_PREPS for p in prep.children if p.dep_ == "pobj"]
    return found


def _in_a_pair(word) -> bool:
    """"Israel-Hamas protests": a side of a hyphenated pair names what the protest is about."""
    doc = word.doc
    return (word.i + 1 < len(doc) and doc[word.i + 1].text == "-") or (word.i > 0 and doc[word.i - 1].text == "-")


def _against(noun, resolver: ArticleActors) -> Actor | None:
    """Whom the protest is against: "protests against Israel", "anti-Israeli riot"."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in AGAINST_PREPS:
            for pobj in prep.children:
                found = resolver.resolve(pobj, remember=False, as_target=True) if pobj.dep_ == "pobj" else None
                if found is not None:
                    return found
    doc = noun.doc
    for token in doc[noun.left_edge.i:noun.i]:  # "anti-Israeli riot", "Anti-China protests"
        if token.lower_ in ("anti", "anti-") and token.i + 2 < noun.i and doc[token.i + 1].text == "-":
            entry = resolver.lookup(doc[token.i + 2].text)
            if entry is not None and entry.country:
                return own_state(entry.country)
        if token.lower_.startswith("anti-") and len(token.text) > 5:
            entry = resolver.lookup(token.text[5:])
            if entry is not None and entry.country:
                return own_state(entry.country)
    return None
