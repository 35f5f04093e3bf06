"""Resolve a noun phrase to an actor code, article by article.

The gazetteer (schemas/data) maps names, demonyms, capitals and organization
names to codes. An article adds what it teaches: an acronym it defines
("Collective Security Treaty Organization (CSTO)") and the people it introduces
with a title ("Russian Foreign Minister Sergey Lavrov"), so that a later bare
"Lavrov" resolves to the same actor. A phrase that resolves to nothing is not
an actor: the extractor emits no event for it.

Works on spaCy tokens but reads only plain attributes (text, idx, lemma_,
ent_type_, dep_), and returns plain values.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from schemas import ontology
from transforms.extract.country_reference import country_referred
from transforms.extract.doc_cache import doc_text, entities_before, entity_at, run_text, tokens_with_pos
from transforms.extract.places import place_countries, place_country

MAX_NAME_TOKENS = 7
# Children that belong to the name of a noun phrase; prepositional phrases and
# clauses are left out so that "the ambassador to Britain" is not Britain.
NAME_DEPS = frozenset({"compound", "amod", "nmod", "poss", "det", "flat", "appos", "case", "punct"})
# Prepositions whose object may carry an actor's country: "protesters in Georgia".
LOCATING_PREPS = frozenset({"in", "from", "of"})
# A role "from" or "of" a body belongs to it ("officials of the EU"); "in" a body's seat it may not.
MEMBERSHIP_PREPS = frozenset({"from", "of"})
NAME_PREPS = frozenset({"of", "for", "in"})
# Unnamed areas, and the participles that say who holds them ("Houthi-controlled areas").
HELD_AREA_NOUNS = frozenset({"area", "territory", "region", "part", "zone", "district", "town", "village",
                             "city", "enclave", "neighbourhood", "neighborhood", "province", "stronghold"})
HOLDING_PARTICIPLES = frozenset({"control", "controlled", "hold", "held", "run"})
KIND_PRIORITY = {"person": 0, "alias": 0, "organization": 1, "metonym": 2, "country": 2, "demonym": 3}
_ACRONYM_DEFINITION = re.compile(r"((?:[A-Z][\w'’.-]*\s+)(?:(?:[A-Za-z][\w'’.-]*|and|for|of|the|in|on)\s+){0,8}[A-Z][\w'’.-]*)\s+\(([A-Z][A-Z0-9&.-]{1,11})\)")
_PERSON_ENTS = frozenset({"PERSON"})
BUSINESS = "BUS"
MEMBER_NOUNS = frozenset({"member", "members", "ally", "allies"})
# "NATO state to close border with Russia", "EU nation resumes purchases of Russian gas": one
# member the headline leaves unnamed, for its body to name.
ONE_MEMBER_NOUNS = frozenset({"state", "nation", "country", "member"})
ANY_MEMBER_WORDS = frozenset({"any", "every", "each", "no"})
CONTEXT_ROLES = frozenset({"GOV", "MIL", "COP", "JUD"})
# Verbs and prepositions by which a role goes to a country ("to visit France", "travelled to
# Ghana"), which is then not the role's own (ArticleActors._receives_the_act).
VISITING_VERBS = frozenset({"visit", "tour", "travel", "fly", "head", "arrive", "go", "come"})
DESTINATION_PREPS = frozenset({"to", "in"})
# Sectors of a state's own bodies: "the government's spokesman" is the state's.
STATE_SECTORS = CONTEXT_ROLES | frozenset({"LEG", "SPY"})
# Owners that are the story's state or a place of it: "the country's president", "the island's governor".
PLACE_NOUNS = frozenset({"country", "nation", "state", "kingdom", "republic", "island", "city", "region", "province"})
# Staff and governments named after the leader they serve: "a Netanyahu adviser", "Erdogan aide",
# "Xi envoy", "the Biden administration".
LEADERS_STAFF = frozenset({"aide", "aides", "adviser", "advisers", "advisor", "advisors", "envoy", "envoys",
                           "spokesman", "spokeswoman", "spokesperson", "administration", "government", "cabinet"})
LOCAL_FORCE_ROLES = frozenset({"MIL", "COP"})
# Offices a place's name frames as its state's ("the governor of Texas", "Lagos police"); a
# place's residents or visitors may be anyone's.
PLACE_OFFICES = frozenset({"GOV", "LEG", "JUD", "COP", "MIL", "SPY"})
# Sectors of the titles a person is named with ("President Joe Biden"), which "the president" recalls.
TITLE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "OPP"})
CIVILIANS = "CVL"
# Private people named by their nationality ("Chinese citizens", "Ukrainian children", "many
# people in Ireland"): they protest, demand, fight and are attacked, but what they say, ask,
# meet or do together (01-09) is no event between states. On the development split such rows
# were wrong 12 times in 13.
PRIVATE_PEOPLE = frozenset({CIVILIANS, "PPL"})
OUTLET_ROLES = CONTEXT_ROLES | frozenset({"LEG", "OPP", "SPY"})
# Words for rulers no outlet uses of its own country's government: "the junta", "the Kiev
# regime", "the coup leaders" are someone else's, so they are never framed with the outlet's home.
FOREIGN_RULER_WORDS = frozenset({"junta", "regime", "putschist", "putschists", "coup"})
# ... and "the military rulers", "the military government", "the ruling military council"
MILITARY_RULE_NOUNS = frozenset({"ruler", "government", "council", "authority", "leadership"})
# Who protests or strikes without a nationality word: crowds, workers, students, unions. Such a
# crowd is of the country where it protests, else the headline's or the outlet's
# (engine._crowd_of_the_place).
CROWD_SECTORS = frozenset({"CVL", "LAB", "AGR", "EDU", "HLH", "OPP"})
PROTEST_ROOT = "14"
_WORDS = re.compile(r"[a-z][a-z.]*[a-z]|[a-z]")


@functools.cache
def _ambiguous_names() -> tuple[dict, ...]:
    return tuple({"name": r["name"].lower(), "other": r["other"], "cues": frozenset(r["cues"].lower().split("|"))}
                 for r in ontology.table_rows("ambiguous_names.csv"))


# Role words that name an official only as the head of a phrase ("the army chief").
HEAD_ONLY_ROLES = frozenset({"chief", "head", "deputy"})  # a rank before another role ("deputy minister")
# "foreign governments", "overseas diplomats": explicitly not the country the story frames.
FOREIGN_WORDS = frozenset({"foreign", "overseas", "international", "western", "other", "global", "world"})
# Adjectives of a region or of many peoples: "Arab leaders", "African officials", "European judges"
# are no one state's, least of all the one the story frames (a region's code, as MEA for "Arab
# leaders", comes from the gazetteer's names).
REGION_DEMONYMS = frozenset({"arab", "african", "european", "asian", "nordic", "baltic", "balkan", "latin",
                             "gulf", "caribbean", "pacific", "scandinavian", "kurdish",
                             "muslim", "islamic", "regional"})
# Role nouns that name a condition before "of" and a common noun: "a state of emergency".
CONDITION_NOUNS = frozenset({"state"})
QUANTITY_NOUNS = frozenset({"tens", "hundreds", "thousands", "dozens", "millions", "scores"})
# Sectors a modifier may refine ("rebel forces" are REB, not MIL); ELI: a former official.
GENERIC_ROLES = frozenset({"GOV", "MIL", "CVL", "PPL"})
SIDE_ROLES = frozenset({"OPP", "REB"})  # "opposition lawmakers", "rebel soldiers": the side wins
FORMER = "ELI"
PARTY_SECTOR = "PTY"  # the sector of a politician out of office (schemas/data/additions/people_parties.csv)
ARMED_NON_STATE = frozenset({"REB", "CRM", "OPP"})  # sectors whose fighters keep them
PAIR = "PAIR"  # anaphora.csv: "the two leaders", "both sides" refer to two actors at once
COLLECTIVE_NOUNS = MEMBER_NOUNS | frozenset({"partner", "nation", "country", "state", "capital"})
# Words for another state by its relation to the one named with them: "Ukraine's allies", "US
# ally", "Russian ally Belarus", "Israel's enemies" are other states than the one named ("NATO
# allies", of no one state, are NATO).
RELATIONAL_NOUNS = frozenset({"ally", "partner", "neighbour", "neighbor", "rival", "foe", "enemy", "adversary"})
# Last words of the names of bodies no state acts through: "the British Museum", "the Foreign
# Correspondents' Club of Japan", "Peking University". The country in such a name says where the
# body is, not that the state acts (a central bank, a commission or a court may be the state's).
CIVIL_BODY_NOUNS = frozenset({"museum", "club", "association", "society", "university", "institute", "foundation",
                              "academy", "college", "school", "hospital", "league", "company", "corporation",
                              "gallery", "library", "orchestra", "theatre", "theater", "zoo"})
# What a named body is, said after its name: "the Islamic State group", "Al-Shabab group", "the
# Houthi movement" are the body itself. Not after a country ("a Russian group" is no state).
BODY_NOUNS = frozenset({"group", "movement", "organisation", "organization", "faction", "network", "outfit"})


@dataclass(frozen=True)
class Actor:
    """A resolved mention."""

    code: str
    name: str  # the text that named it
    country: str | None
    actor_type: str | None
    via: str  # "gazetteer" or "context" (learned earlier in the article)


@functools.lru_cache(maxsize=200_000)
def _normalize(text: str) -> str:
    """`ontology.normalize_name`, remembered: the resolver looks up every window of every phrase
    (`_best_match`) and every proper noun's next words (`_named_entries`), mostly the same
    strings again; remembering them cut extraction's CPU by about a tenth (docs/performance.md).
    Bounded, so a long run's memory stays so."""
    return ontology.normalize_name(text)


def named_foreign(head) -> bool:
    """"foreign governments", "overseas diplomats", "African officials": explicitly not the
    country the story frames."""
    return any(c.lower_ in FOREIGN_WORDS or c.lower_ in REGION_DEMONYMS
               for c in head.children if c.dep_ in ("amod", "compound"))


@functools.cache
def _resolver_tables() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """(role word → sector, with the abbreviated titles; head word of "the bloc"-like phrases →
    the kind it refers back to; head words of pair phrases, "the two leaders"): derived from the
    tables alone, so built once per process rather than for every article. Read only."""
    anaphora = ontology.anaphora()
    heads = {phrase.split()[-1]: kind for phrase, kind in anaphora.items() if phrase.startswith("the ") and kind != PAIR}
    pair_heads = frozenset(phrase.split()[-1] for phrase, kind in anaphora.items() if kind == PAIR)
    return ontology.role_types() | ontology.abbreviated_roles(), heads, pair_heads


def _one_member(tokens, head, bloc: Actor) -> bool:
    """'NATO state', 'EU nation's parliament': a singular member noun after the bloc's name heads
    the phrase or owns its head (not "EU member states", the members, nor "EU member state Hungary")."""
    bloc_words = bloc.name.lower().split()
    return any(t.tag_ == "NN" and t.lower_ in ONE_MEMBER_NOUNS and t.lower_ not in bloc_words
               and (t == head or (t.dep_ == "poss" and t.head == head))
               and not any(c.lower_ in ANY_MEMBER_WORDS for c in t.lefts)  # "any NATO country", "each EU state"
               and any(c.lower_ in bloc_words for c in t.lefts) for t in tokens
               ) and not any(c.dep_ == "appos" for c in head.children)


class ArticleActors:
    """Actor resolution for one article; learns acronyms and people as it goes."""

    def __init__(self, on_date: dt.date | None = None):
        self._date = on_date
        self._names = ontology.actor_names(on_date)
        self._roles, self._anaphora_heads, self._pair_heads = _resolver_tables()
        self._learned: dict[str, ontology.ActorEntry] = {}
        # `_best_match` of each phrase (document, token indexes) read with the names learned so
        # far; emptied whenever one is learned (`_learn`), as it reads nothing else that changes.
        self._matches: dict[tuple, Actor | None] = {}
        self.context_country: str | None = None
        self.outlet_country: str | None = None  # set by frame_with_outlet
        self._anaphora = ontology.anaphora()
        self._headline_pair: list[Actor] = []  # the two actors a headline names, for "the two leaders"
        # The last actor of each kind named so far, for "the bloc", "he".
        self._last: dict[str, Actor] = {}
        # Title (role lemma) → the last person named with it: "the president" after "President Joe Biden".
        self._titles: dict[str, Actor] = {}
        self._docs: tuple = (None, None)  # (headline, body), for the member a headline leaves unnamed

    # -- learning -------------------------------------------------------------
    def learn_context_country(self, headline_doc) -> None:
        """The one country a headline names (if exactly one) frames bare role nouns."""
        found = {entry.code for entry in self._named_entries(headline_doc) if entry.code == entry.country}
        self.context_country = found.pop() if len(found) == 1 else None

    def learn_documents(self, headline_doc, body_doc) -> None:
        """The headline and the body, read only when a headline leaves an actor for its body to
        name ("NATO state to close border with Russia" over "Finland is closing ...")."""
        self._docs = (headline_doc, body_doc)

    def _unnamed_member(self, bloc: Actor, head) -> Actor | None:
        """The bloc's member a headline does not name (as the body resolves it): a member state (schemas/data/bloc_members.csv)
        that is the subject of a body sentence and not named in the headline, the subject of the
        headline's own verb first ("NATO state to close border with Russia" over "Finland is
        closing its last border crossing"; not "The United States said it supported ..."). No body,
        a bloc the table does not list, or no such subject: no actor, not the bloc itself."""
        headline_doc, body_doc = self._docs
        members = ontology.bloc_members().get(bloc.code, frozenset())
        if headline_doc is None or body_doc is None or not members:
            return None
        in_headline = {entry.country for entry in self._named_entries(headline_doc)}
        subjects = [(token, self.resolve(token, remember=False)) for token in body_doc
                    if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ in ("PROPN", "NOUN")]
        subjects = [(token, actor) for token, actor in subjects
                    if actor is not None and actor.code == actor.country and actor.code in members
                    and actor.code not in in_headline]
        if not subjects:
            return None
        # the headline's verb: the member's own, or the one a headline hangs on it ("NATO state to close ...")
        verbs = [head.head] if head.dep_ in ("nsubj", "nsubjpass") else [c for c in head.children if c.dep_ in ("relcl", "acl")]
        lemmas = {verb.lemma_.lower() for verb in verbs}
        return next((a for t, a in subjects if t.head.lemma_.lower() in lemmas), subjects[0][1])

    def learn_headline_pair(self, headline_doc) -> None:
        """The two actors a headline names ("Putin raises concerns with Erdogan"), when it names
        exactly two, or makes two the subject ("Biden and Kishida to bolster alliance amid
        China's power"): what "the leaders" of the body refers to when its own text names no pair."""
        subjects = [conjunct for token in headline_doc if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT"
                    for conjunct in conjuncts(token)]
        named = self._actors_named(subjects, with_modifiers=True)
        both = _as_pair(named) if len(named) == 2 else []
        if both and len({e.country or e.code for e in self._named_entries(headline_doc)}
                        - {a.country or a.code for a in both}) >= 2:
            both = []  # "France and Germany criticise Israel-Hamas truce talks": "both sides" may be either pair
        self._headline_pair = both or _as_pair(self._actors_named(ent.root for ent in headline_doc.ents))

    def is_pair_phrase(self, head) -> bool:
        """'The two leaders', 'both sides' (anaphora.csv, PAIR): a phrase that names two actors at once."""
        return (head.lower_ in self._pair_heads
                and self._anaphora.get(_normalize(phrase_text(name_tokens(head)))) == PAIR)

    def pair_referred(self, head) -> list[Actor]:
        """'The two leaders agreed ...', 'both sides said ...' (anaphora.csv, PAIR): the two actors
        named in this sentence before it or in the sentence before, else the headline's two.
        One or three named there is no pair: no guess."""
        if not self.is_pair_phrase(head):
            return []
        named = self._actors_named(ent.root for ent in reversed(list(entities_before(head, sentences_back=1))))
        return _as_pair(named) if named else list(self._headline_pair)

    def _actors_named(self, heads, with_modifiers: bool = False) -> list[Actor]:
        """The actors of these phrase heads, in order (`with_modifiers`: and of their conjoined
        modifiers, "Ghanaian and Togolese leaders"), without learning anything: looking at the
        headline, or back for a pair, must not teach the resolver a person before the text names
        them in reading order."""
        learned, matches = dict(self._learned), self._matches
        try:
            named = []
            for head in heads:
                actor = self.resolve(head, remember=False)
                if actor is not None:
                    named += [actor] + (_conjoined_modifiers(self, head, actor) if with_modifiers else [])
            return named
        finally:
            self._learned, self._matches = learned, matches  # the matches read with these names

    def _named_entries(self, doc, acting_only: bool = False):
        """The longest known name (up to three words) starting at each proper noun or adjective;
        `acting_only` skips names that stand where an actor cannot ("sanctions on Iran")."""
        for token in tokens_with_pos(doc, ("PROPN", "ADJ")):
            if acting_only and _only_acted_upon(token):
                continue
            for size in (3, 2, 1):
                entry = self._names.get(_normalize(run_text(token, doc[min(token.i + size, len(doc)) - 1])))
                if entry is not None:
                    yield entry
                    break

    def frame_with_outlet(self, country: str | None, docs) -> None:
        """Let the publisher's country frame national institutions, unless the article names
        another country where an actor could stand (then it is not the outlet's home story);
        a country only acted upon ("announced sanctions on Iran") leaves the frame."""
        if country is None:
            return
        for doc in docs:
            if doc is not None and any(e.country not in (None, country) for e in self._named_entries(doc, True)):
                return
        self.outlet_country = country

    def learn_acronyms(self, text: str) -> None:
        """Learn "Long Name (ACR)" definitions whose long name is known."""
        for match in _ACRONYM_DEFINITION.finditer(text):
            long_name, acronym = match.group(1), match.group(2)
            entry = self._lookup_suffix(long_name)
            if entry is not None and _normalize(acronym) not in self._names:
                self._learn(_normalize(acronym), entry)

    def learn_place_names(self, text: str) -> None:
        """'Georgia prosecutors', 'Fulton County, Georgia': a name shared by a country and a
        place elsewhere (schemas/data/ambiguous_names.csv) means the other place when the article
        carries that place's cue words (Atlanta, Trump, county), and the country otherwise."""
        words = set(_WORDS.findall(text.lower()))
        for row in _ambiguous_names():
            if row["name"] in words and words & row["cues"]:
                entry = ontology.ActorEntry(row["other"], row["other"], None, "country")
                self._learn(row["name"], entry)

    def _learn(self, key: str, entry: ontology.ActorEntry, keep_known: bool = False) -> None:
        """Learn a name (`keep_known`: unless it is learned already); the phrases matched before
        may now match it, so `_best_match` reads them again."""
        if keep_known and key in self._learned:
            return
        self._learned[key] = entry
        self._matches = {}

    def _lookup_suffix(self, phrase: str) -> ontology.ActorEntry | None:
        """The longest known name that ends the phrase ("... the Collective ... Organization")."""
        words = phrase.split()
        for start in range(len(words)):
            entry = self._names.get(_normalize(" ".join(words[start:])))
            if entry is not None and entry.kind == "organization":
                return entry
        return None

    def _learn_person(self, tokens: Sequence, actor: Actor) -> None:
        """Remember a titled person's name and surname for later bare mentions."""
        person = [t for t in tokens if t.ent_type_ in _PERSON_ENTS and t.dep_ != "poss"]
        if not person or actor.country is None and actor.actor_type != "IGO":
            return
        entry = ontology.ActorEntry(
            code=actor.code, country=actor.country, actor_type=actor.actor_type, kind="alias"
        )
        full = _normalize(" ".join(t.text for t in person))
        self._learn(full, entry, keep_known=True)
        self._learn(_normalize(person[-1].text), entry, keep_known=True)
        for title in (t for t in tokens if t not in person and self._role_of(t) in TITLE_SECTORS):
            self._titles[title.lemma_.lower()] = Actor(actor.code, title.text, actor.country, actor.actor_type, "context")

    @property
    def on_date(self) -> dt.date | None:
        """The article's date, which people's offices are looked up on."""
        return self._date

    # -- resolution -----------------------------------------------------------
    def leader(self, surname: str) -> Actor | None:
        """The one leader in office on the article's date with this surname, as an actor; else
        the one minister or secretary (ontology.official_by_surname: "Yellen says")."""
        entry = ontology.leader_by_surname(surname, self._date) or ontology.official_by_surname(surname, self._date)
        return Actor(entry.code, surname, entry.country, entry.actor_type, "gazetteer") if entry else None

    def place_country(self, phrase: str) -> str | None:
        """The country a country's or capital's name stands for (not a demonym's: "a Ghanaian-born
        witness" is no place), from the gazetteer alone (a name the article taught as a person's,
        as the small model tags "Abuja", does not hide it)."""
        entry = self._names.get(_normalize(phrase))
        return entry.country if entry is not None and entry.kind in ("country", "metonym") else None

    def lookup(self, phrase: str) -> ontology.ActorEntry | None:
        key = _normalize(phrase)
        return self._learned.get(key) or self._names.get(key)

    def resolve(self, head, remember: bool = True, as_target: bool = False) -> Actor | None:
        """Resolve the noun phrase headed by token `head`, or None.

        `remember=False` looks without making the actor the antecedent of a
        later "he" or "the bloc" (used when scanning names, not subjects).
        `as_target=True` accepts the owner of a thing as the target: rejecting
        "Seoul's offer" is rejecting Seoul.
        """
        tokens = name_tokens(head)
        actor = self._best_match(tokens)
        if actor is not None and head.pos_ == "PROPN" and head.text not in actor.name.split():
            # "Portugal, and the United Kingdom": the next item of a list is not this head's name
            own_tokens = _without_conjuncts(tokens, head)
            own = self._best_match(own_tokens)
            if own is not None:
                actor, tokens = own, own_tokens
        role_type = self._role_type(tokens, head)
        if actor is not None and role_type == FORMER and actor.actor_type == "IGO" and not as_target:
            return None  # "former NATO chief Rasmussen" no longer acts for NATO, and for whom else we cannot say
        if actor is not None and actor.actor_type == "IGO" and _one_member(tokens, head, actor):
            # "NATO state", "EU nation's parliament": a member, not the bloc
            member = None if head.doc is self._docs[1] else self._unnamed_member(actor, head)
            return None if member is None else Actor(member.code, member.name, member.country, role_type or "GOV", "context")
        if actor is not None and actor.actor_type == PARTY_SECTOR and role_type in TITLE_SECTORS:
            actor = self._titled_state(tokens) or actor  # "US President Joe Biden": the office the text gives him
        if actor is not None and role_type is not None and self._role_is_the_name(tokens, actor):
            role_type = None  # "the African National Congress" is a party, not a legislature
        if actor is not None and not as_target and not self._names_an_actor(head, tokens, actor, role_type):
            return None
        if actor is not None and _a_company(actor) and (not as_target or not _names_the_company(head)):
            # what a company does is its business; what states do to it is news ("Russia bans
            # Meta"), when the phrase is the company's name, not a thing of it ("a Lukoil
            # refinery in Volgograd" was hit in Russia) nor a word ("a Latin alphabet")
            return None
        if actor is not None and self._named_by_what_it_makes(head, actor, role_type):
            return None
        if actor is None and role_type is not None and not owned_by_a_pronoun(head):
            # "its troops in Togo" are the troops of whoever "its" is (a speaker's own forces:
            # engine._speakers_own), not Togo's
            actor = self._located_actor(head, None if as_target else role_type)
        if actor is None and role_type in PLACE_OFFICES:
            actor = _placed_role(head, tokens)
        if actor is None and head.pos_ == "NOUN" and head.tag_ == "NN" and _definite(head, tokens) and len(tokens) <= 3:
            actor = self._titles.get(head.lemma_.lower())  # "the president": the one the article titled so
        if actor is None and (head.lemma_.lower() in MEMBER_NOUNS or head.lower_ in QUANTITY_NOUNS):
            actor = self._members_of(head)  # "members of the alliance", "thousands of Georgians"
        if actor is None and head.lower_ in QUANTITY_NOUNS and not as_target:
            actor = self._located_actor(head, "CVL")  # "thousands in Honduras marched": its people
        foreign = named_foreign(head)
        if actor is None and (foreign or self._owned_by_another(head)):
            # "foreign governments airlifted their diplomats", "zoo officials": not the story's state
            return None
        # Weapons name their user only by a modifier ("Russian missiles"): the one country a
        # headline names ("Missile strikes Norwegian tanker") or the outlet's is as often the one they hit.
        weapon = is_weapon(head)
        if (actor is None and role_type in CONTEXT_ROLES and self.context_country is not None and not weapon
                and not self._receives_the_act(head, self.context_country)):
            # "Police arrested ..." in a story about one country: that country's police.
            actor = Actor(self.context_country, "", self.context_country, role_type, "context")
        if (actor is None and role_type in OUTLET_ROLES and self.outlet_country is not None and not weapon
                and _definite(head, tokens) and not _foreign_rulers(tokens)):
            # "The government announced ..." in a British outlet's story that names no other
            # country: the British government (transforms/extract/outlets.py).
            actor = Actor(self.outlet_country, "", self.outlet_country, role_type, "outlet")
        if actor is None and as_target:
            actor = self._country_referred(head)  # "launched drones on the country's capital"
        if actor is None:
            return self._refer_back(head, tokens)
        actor_type = role_type or actor.actor_type
        if role_type == "GOV" and actor.code != actor.country and actor.actor_type is not None:
            actor_type = actor.actor_type  # "the Red Cross president", "the NATO chief": the body's own sector
        if role_type == "MIL" and actor.code != actor.country and actor.actor_type in ARMED_NON_STATE:
            actor_type = actor.actor_type  # "Al-Shabaab fighters": rebels, not a state's military
        actor = Actor(
            code=actor.code,
            name=phrase_text(tokens),
            country=actor.country,
            actor_type=actor_type,
            via=actor.via,
        )
        if role_type is not None or actor.via == "gazetteer":
            self._learn_person(tokens, actor)
        if remember:
            self._remember(actor, tokens)
        return actor

    def place(self, head) -> Actor | None:
        """The country of the place a phrase names, as a target: "Mariupol", "the city of Afrin";
        for areas someone holds, the holder ("Houthi-controlled areas in Yemen": the Houthis)."""
        holder = self.holder_of(head)
        if holder is not None:
            return holder
        phrases = [name_tokens(head)]
        phrases += [name_tokens(pobj) for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of"
                    for pobj in prep.children if pobj.dep_ == "pobj"]
        for tokens in phrases:
            found = place_country(tokens)
            if found is not None:
                country, text = found
                return Actor(country, text, country, None, "place")
        return None

    def _owned_by_another(self, head) -> bool:
        """A role a modifier makes someone else's than the story's state: "zoo officials", "the
        company's adviser"."""
        return any((c.dep_ == "compound" and c.pos_ == "NOUN" and self._role_of(c) is None)
                   or (c.dep_ in ("compound", "poss") and self._private_owner(c)) for c in head.children)

    def _private_owner(self, owner) -> bool:
        """An owner that makes a role someone's rather than the story's state's: "the company's
        adviser", "Smith's aide" (a person the tables do not know, and no place)."""
        if owner.pos_ == "NOUN":
            return owner.dep_ == "poss" and self._role_of(owner) not in STATE_SECTORS and owner.lemma_.lower() not in PLACE_NOUNS
        return (owner.pos_ == "PROPN" and owner.head.pos_ == "NOUN" and owner.dep_ == "poss"
                and self._best_match(name_tokens(owner)) is None and place_country([owner]) is None
                and self._role_of(owner) is None)

    def _receives_the_act(self, head, country: str) -> bool:
        """Whether the country a story is about is where the role's own clause goes, named as a
        country ("King and Queen to visit France", "the president will travel to Ghana"): the
        story's one country is then the host, and the role someone else's (the outlet's, if
        any). Other acts on a country may be at home ("President urges Nigeria to unite")."""
        subject = head
        while subject.dep_ == "conj" and subject.head is not subject:
            subject = subject.head  # "King and Queen to visit": the first subject's verb
        verb = subject.head
        if subject.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in VISITING_VERBS:
            return False  # "President urges Nigeria to unite": a president may well address their own country
        objects = [c for c in verb.children if c.dep_ == "dobj"] + [
            o for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in DESTINATION_PREPS
            for o in prep.children if o.dep_ == "pobj"]
        for obj in objects:  # the country by its name ("visit France"), not a body of it
            tokens = name_tokens(obj)
            if obj.ent_type_ != "GPE" or self._role_type(tokens, obj) is not None:
                continue  # "visit the French parliament": a body one may visit at home
            found = self._best_match(tokens)
            if found is not None and found.code == country:
                return True
        return False

    def holder_of(self, head) -> Actor | None:
        """Who holds the unnamed areas a phrase names: "Houthi-controlled areas", "a part of Yemen
        controlled by the Houthis" ("-controlled", "-held", "-run"). A named place keeps its
        country, and an occupier does not hold what it occupies ("the territory occupied by Israel"
        is the Palestinians')."""
        if head.pos_ != "NOUN" or head.lemma_.lower() not in HELD_AREA_NOUNS:
            return None
        of_places = [p for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children]
        for noun in [head, *of_places]:  # "a part of Yemen controlled by the Houthi group"
            for modifier in noun.children:
                if modifier.lemma_.lower() not in HOLDING_PARTICIPLES and modifier.lower_ not in HOLDING_PARTICIPLES:
                    continue
                if modifier.dep_ in ("amod", "compound"):  # "Houthi-controlled areas"
                    names = [n for n in modifier.children if n.dep_ in ("npadvmod", "compound", "nmod", "amod")]
                    # "Boko Haram-controlled areas": the parser may hang the name's first word on the noun
                    before = [t for t in noun.doc[noun.left_edge.i: modifier.i] if t.text != "-" and t.pos_ == "PROPN"]
                    named = self._best_match(before) if before else None
                    if named is not None:
                        return named
                elif modifier.dep_ == "acl":  # "areas held by the Houthis"
                    names = [n for agent in modifier.children if agent.dep_ == "agent" for n in agent.children
                             if n.dep_ == "pobj"]
                else:
                    continue
                for name in names:
                    actor = self.resolve(name, remember=False, as_target=True)
                    if actor is not None:
                        return actor
        return None

    def _names_an_actor(self, head, tokens: Sequence, actor: Actor, role_type: str | None) -> bool:
        """'Indian inflation', 'Nigerian bank stocks': a name modifying a thing is no actor.

        When the matched name does not include the phrase's head, the head must
        be a name itself or a role noun (minister, troops, protesters, jets).
        """
        if head.text in actor.name.split():
            return True
        if head.pos_ == "PROPN" and head.lower_ in CIVIL_BODY_NOUNS and actor.code == actor.country:
            return False  # "British Museum", "Club of Japan": a body of the country, not the state
        if head.pos_ == "PROPN" or head.ent_type_:
            return True
        if head.lemma_.lower() in RELATIONAL_NOUNS and actor.code == actor.country and _named_by_relation(head, actor):
            return False  # "Ukraine's allies", "US ally": other states than the one named
        if head.lemma_.lower() in COLLECTIVE_NOUNS:  # "NATO members", "EU countries"
            return True
        if head.lemma_.lower() in BODY_NOUNS and actor.code != actor.country:  # "the Islamic State group"
            return True
        return role_type is not None or head.lemma_.lower() in self._roles

    def _named_by_what_it_makes(self, head, actor: Actor, role_type: str | None) -> bool:
        """"Swiss watchmaker Swatch", "Chinese e-commerce giant JD.com": a name the tables do not
        know, described as a business (a noun of the roles table's business sector), or as
        anything that is no office when the name is no person's, is a company or a brand; the
        nationality before it says where it comes from, not which state acts (GOLD.md: "the
        company" acts for no state). A person described by a noun the roles table lacks
        ("presidential adviser Mykhailo Podolyak") keeps the nationality."""
        if (head.pos_ != "PROPN" or actor.code != actor.country or head.text in actor.name.split()
                or ontology.is_leader_surname(head.text)):  # "Russian hawk Medvedev": a person
            return False
        described = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.text.islower()
                     and c.i < head.i]  # "Sassou-Nguesso": a name's part
        if role_type == BUSINESS:
            return bool(described)
        return (role_type is None and head.ent_type_ not in _PERSON_ENTS
                and any(self._role_of(c) is None for c in described))

    def _remember(self, actor: Actor, tokens: Sequence) -> None:
        if actor.actor_type == "IGO":
            self._last["IGO"] = actor
        if any(t.ent_type_ in _PERSON_ENTS for t in tokens) or actor.via == "context":
            self._last["PERSON"] = actor

    def _refer_back(self, head, tokens: Sequence) -> Actor | None:
        """'the bloc' after the EU, 'he' after a titled official: the actor named last."""
        kind = self._anaphora.get(_normalize(phrase_text(tokens)))
        if kind is None and tokens and tokens[0].lower_ == "the":
            kind = self._anaphora_heads.get(head.lemma_.lower())  # "the continental body"
        if kind is None:
            return None
        if kind == "PERSON" and head.pos_ != "PRON":
            return None
        if kind == "PERSON":
            named, person = self._nearest_person(head)
            if named:  # "Riedijk said he rejected Isis": he is Riedijk, whom no table knows
                return None if person is None else Actor(
                    person.code, phrase_text(tokens), person.country, person.actor_type, "context")
        earlier = self._last.get(kind)
        if earlier is None:
            return None
        return Actor(earlier.code, phrase_text(tokens), earlier.country, earlier.actor_type, "context")

    def _country_referred(self, head) -> Actor | None:
        def country_of(token) -> str | None:
            found = self.resolve(token, remember=False)
            return found.country if found is not None else None

        found = country_referred(head, self.lookup, country_of, self.context_country)
        return Actor(found[0], found[1] or phrase_text(name_tokens(head)), found[0], None, "context") if found is not None else None

    def _nearest_person(self, pronoun) -> tuple[bool, Actor | None]:
        """(found, actor) for the person named last before a pronoun, in its sentence or the one
        before: "he" is most often the nearest person, and when that person is nobody the tables
        or the article can resolve, the pronoun is nobody either, not an official named further
        back. Farther back (or when the model tagged no person) the last remembered one decides."""
        for entity in entities_before(pronoun, sentences_back=1):
            if entity.root.ent_type_ not in _PERSON_ENTS:
                continue
            entry = self._names.get(_normalize(entity.text))
            if (entry is None or entry.kind not in ontology.PLACE_KINDS) and self.place(entity.root) is None:
                return True, self.resolve(entity.root, remember=False)
            # else a place the model took for a person ("Kyiv"): look further back
        return False, None

    def _members_of(self, head) -> Actor | None:
        """'members of the alliance', 'member states of the EU': the organization."""
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = self.resolve(pobj)
                        if found is not None:  # "members of the alliance", "members of the Mexican Army"
                            return found
        return None

    def _plural_demonym(self, text: str) -> ontology.ActorEntry | None:
        """'Georgians': the people of a country; 'Houthi' (as in 'Houthi missiles'): the Houthis."""
        if " " in text:
            return None
        if text.endswith("s"):
            entry = self._names.get(_normalize(text[:-1]))
            return entry if entry is not None and entry.kind == "demonym" else None
        entry = self._names.get(_normalize(text + "s"))
        return entry if entry is not None and entry.kind == "organization" else None

    def _role_type(self, tokens: Sequence, head=None) -> str | None:
        """The role a phrase names: its head noun's ("the army"), or a title before a name
        ("Foreign Minister Sergey Lavrov"); a modifier of a thing is no role ("a drone strike")."""
        if self._names_a_former_office(tokens):
            return FORMER  # "former President Bolsonaro", "ex-minister": no longer the state
        if head is not None and head.pos_ != "PROPN":
            if head.lower_ in CONDITION_NOUNS and any(
                    c.dep_ == "prep" and c.lower_ == "of" and any(o.pos_ == "NOUN" for o in c.children)
                    for c in head.children):
                return None  # "a state of emergency": a condition, not the state
            return self._modified_role(head)
        for token in reversed(tokens):
            if token.lower_ in HEAD_ONLY_ROLES and token.dep_ in ("amod", "compound"):
                continue  # "Adam Aron, the chief executive of AMC"
            if self._role_of(token) is not None:
                return self._modified_role(token)  # "opposition leader Tundu Lissu": OPP
        return None

    def _modified_role(self, noun) -> str | None:
        """The role noun decides, unless a modifier names a more specific sector: "rebel forces"
        (REB), "intelligence officials" (SPY), "opposition lawmakers" (OPP)."""
        role = self._role_of(noun)
        for modifier in (c for c in noun.children if c.dep_ in ("amod", "compound")):
            pair = self._roles.get(f"{modifier.lower_} {noun.lower_}") or self._roles.get(
                f"{modifier.lemma_} {noun.lemma_}".lower())
            if pair is not None:
                return pair  # "business leaders" (BUS), "security service" (SPY): the pair decides
            if modifier.lower_ in HEAD_ONLY_ROLES:
                continue  # "chief executive", "head teacher": no official
            specific = self._role_of(modifier)
            if specific is not None and (specific in SIDE_ROLES or (
                    specific not in GENERIC_ROLES and (role is None or role in GENERIC_ROLES))):
                return specific
        return role

    def _role_is_the_name(self, tokens: Sequence, actor: Actor) -> bool:
        """Whether every role word of the phrase belongs to the matched organisation's or country's
        own name ("Congress" in "African National Congress", "Party" in "Kurdistan Workers' Party",
        "Kingdom" in "the United Kingdom"): then the name's own kind is its sector."""
        entry = self.lookup(actor.name)
        if entry is None or entry.kind not in ("organization", "country"):
            return False  # "the United Kingdom" names a country, not its government
        name_words = set(_normalize(actor.name).split())
        role_words = [_normalize(t.text) for t in tokens if self._role_of(t) is not None]
        # "GOP presidential candidates": a role only the pair of words names is no word of the name
        return bool(role_words) and all(word in name_words for word in role_words)

    def role_type_of(self, head) -> str | None:
        """The sector the phrase headed by `head` names by its words ("military commanders": MIL),
        or None; a foreign one ("foreign troops") names none of the story's own."""
        return None if named_foreign(head) else self._role_type(name_tokens(head), head)

    def _names_a_former_office(self, tokens: Sequence) -> bool:
        """'former', 'ex-': the phrase names an office no longer held."""
        return any(self._role_of(t) == FORMER for t in tokens)

    def _role_of(self, token) -> str | None:
        """A role noun by its lemma ("ministers"); any other word only as written: "a suspected
        gas explosion" holds no suspect."""
        if token.pos_ in ("NOUN", "PROPN"):
            return self._roles.get(token.lemma_.lower()) or self._roles.get(token.text.lower())
        return self._roles.get(token.text.lower())

    def _located_actor(self, head, role_type: str | None = None) -> Actor | None:
        """'protesters in Georgia': a role noun whose country sits in a preposition; a place of
        it does for a force ('police in Lagos', 'troops in Kharkiv': LOCAL_FORCE_ROLES), whose
        place is its state's, as is an office "of" a place ("the governor of Texas"). Residents,
        courts or delegations in a place may be anyone's ("a
        delegation in Geneva", "a court in Pakistan-held Kashmir"). A name of a body ("officials
        in Brussels": the EU's seat) is no country's."""
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in LOCATING_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        tokens = _without_conjuncts(name_tokens(pobj), pobj)  # "of Ghana, Togo and Benin": Ghana
                        found = self._best_match(tokens)
                        if found is not None:
                            if found.code == found.country:
                                return found
                            if child.lower_ in MEMBERSHIP_PREPS and place_country(tokens) is None:
                                return found  # "officials from the European Commission": the body's
                            continue
                        # "the governor of Texas", "the mayor of Lagos": an office of a place
                        place = place_country(tokens) if role_type in LOCAL_FORCE_ROLES or (
                            role_type in PLACE_OFFICES and child.lower_ == "of") else None
                        if place is not None:
                            return Actor(place[0], place[1], place[0], None, "place")
        return None

    def _titling_body(self, tokens: Sequence, name_start: int, text_of: str) -> Actor | None:
        """The organisation named right before a role word before the person's name ("CIA
        director", "Wagner group chief"), or None."""
        role = name_start - 1
        if role < 1 or (tokens[role].lower_ not in OFFICE_TITLES and self._role_of(tokens[role]) is None):
            return None
        body = self._body_after(tokens[:role], text_of)
        if body is None or body.actor_type in (None, "MNC", "BUS"):
            return None
        if (tokens[role].lemma_.lower() in DIPLOMATIC_POSTS and body.actor_type == "IGO"
                and self._country_before(tokens[:role], body.code) is not None):
            return None  # "Israel's UN ambassador Gilad Erdan" is Israel's
        return body

    def _body_after(self, tokens: Sequence, text_of: str) -> Actor | None:
        """The longest organisation's name among these tokens, or None."""
        n = len(tokens)
        for size in range(min(n, MAX_NAME_TOKENS), 0, -1):
            for start in range(0, n - size + 1):
                text = text_of[tokens[start].idx: tokens[start + size - 1].idx + len(tokens[start + size - 1].text)].strip()
                entry = self._names.get(_normalize(text))
                if (entry is not None and entry.kind == "organization" and not _is_region(entry)
                        and not (size == 1 and _acronym_as_a_word(tokens[start]))
                        and not _names_a_posting(tokens, start + size, entry)):  # "Israel's UN ambassador"
                    return Actor(entry.code, text, entry.country, entry.actor_type, "gazetteer")
        return None

    def _titled_state(self, tokens: Sequence) -> Actor | None:
        """The country of a state title before a person's name ("US President Joe Biden")."""
        title = [t for t in tokens if t.ent_type_ not in _PERSON_ENTS]
        actor = self._best_match(title) if title else None
        return actor if actor is not None and actor.code == actor.country else None

    def named_in(self, tokens: Sequence) -> Actor | None:
        """The actor a run of tokens names by itself, whatever the parse hung on its words ("UN" in
        "... in Chad - UN", which the parser reads as one phrase "Chad - UN")."""
        return self._best_match(list(tokens))

    def _country_before(self, tokens: Sequence, other_than: str) -> ontology.ActorEntry | None:
        """A country named by one word of `tokens` (its name or demonym), other than `other_than`."""
        for token in tokens:
            entry = self._names.get(_normalize(token.text))
            if entry is not None and entry.kind in ("country", "demonym") and entry.code != other_than:
                return entry
        return None

    def _best_match(self, tokens: Sequence) -> Actor | None:
        """The most specific known name inside the phrase's tokens (`_match`), remembered until
        the resolver learns a name: the resolver asks again for the same phrases (a subject
        when its people are learned and when its verb is coded, the headline's names for its
        pair and its frame), about a quarter of its calls."""
        key = (tokens[0].doc, tuple(t.i for t in tokens)) if tokens else None
        if key not in self._matches:
            self._matches[key] = self._match(tokens)
        return self._matches[key]

    def _match(self, tokens: Sequence) -> Actor | None:
        """The most specific known name inside the phrase's tokens; reads the names learned, the
        gazetteer of the article's date and the parse, nothing else."""
        best = None
        best_rank = None
        state_body = False
        region = None  # a region's name, kept for when the phrase names nobody else
        n = len(tokens)
        # Per token, read once: every window below starts or ends at one of them.
        starts = [t.idx for t in tokens]
        ends = [t.idx + len(t.text) for t in tokens]
        pronoun = [t.pos_ == "PRON" for t in tokens]
        gap_before = [k > 0 and tokens[k].i != tokens[k - 1].i + 1 for k in range(n)]
        can_start = [not _supporters_of(t) for t in tokens]  # "pro-Palestinian protesters" are not Palestine
        text_of = doc_text(tokens[0].doc) if tokens else ""
        for size in range(min(n, MAX_NAME_TOKENS), 0, -1):
            for start in range(0, n - size + 1):
                end = start + size
                if any(gap_before[start + 1 : end]) or all(pronoun[start:end]) or not can_start[start]:
                    continue
                if size == 1 and _acronym_as_a_word(tokens[start]):
                    continue  # "Asa Hutchinson" is no ASA
                if (end < n and tokens[end].ent_iob_ == "I" and tokens[end].ent_type_ == "NORP"
                        and tokens[end].text != "-"):
                    continue  # "the West African nation": a name cut out of a longer group's adjective
                text = text_of[starts[start] : ends[end - 1]].strip()
                key = _normalize(text)
                learned = self._learned.get(key)
                entry = learned or self._names.get(key) or self._plural_demonym(text)
                if entry is None and size == 1 and text.isupper():  # "a WHO official", never "who"
                    entry = ontology.word_acronyms().get(text)
                if entry is None or _names_a_topic(tokens, start + size, entry) or _part_of_a_region(tokens, start, entry):
                    continue
                if entry.kind in ("country", "demonym") and _inside_a_place(text_of, starts, ends, gap_before, start, end, entry):
                    continue  # "Northern Ireland secretary", "New Mexico governor": a place's office
                if entry.code.lower() in key.split() and _acronym_in_lower_case(text, entry.code, tokens[start]):
                    continue  # "the un-diplomat"
                if _is_region(entry) and end < n and tokens[end].lemma_.lower() in POST_NOUNS:
                    # "China's Middle East envoy": the region names the post, China acts (but
                    # "Ukraine's Western allies" are the West's)
                    region = region or Actor(entry.code, text, None, None, "gazetteer")
                    continue
                if _names_a_posting(tokens, end, entry) and self._country_before(tokens[:start], entry.code) is not None:
                    continue  # "the Maltese UN ambassador": the body names the posting, the country sends the ambassador
                # The longest name wins ("South Africa" over "Africa"), then the most specific kind.
                rank = (-size, KIND_PRIORITY.get(entry.kind, 9), start)
                if best_rank is None or rank < best_rank:
                    best_rank = rank
                    state_body = entry.kind == "organization" and entry.code == entry.country
                    best = Actor(
                        code=entry.code,
                        name=text,
                        country=entry.country,
                        actor_type=entry.actor_type,
                        via="context" if learned is not None else "gazetteer",
                    )
            if best is not None:
                break  # a shorter window cannot outrank a longer name
        if best is None and region is not None:
            return region
        if best is not None and state_body:
            # "Nigeria's Justice Department", "the Indian Commerce Department": a state body's
            # name other states give theirs too belongs to the country the phrase names
            owner = self._country_before(tokens[: best_rank[2]], best.code)
            if owner is not None:
                return Actor(owner.code, best.name, owner.country, best.actor_type, best.via)
        # "The Netherlands' VVD party", "Russia's Rosatom": a body named after the possessive is
        # the phrase's own; the country before it only owns it.
        possessive = next((k for k, t in enumerate(tokens) if t.tag_ == "POS" or (
            k > 0 and t.text in ("'", "’") and tokens[k - 1].text.endswith("s"))), None)
        if best is not None and possessive is not None and best_rank[2] < possessive:
            best = self._body_after(tokens[possessive + 1:], text_of) or best
        # "CIA director Bill Burns", "Wagner chief Yevgeny Prigozhin": a person titled by a body's
        # office acts for the body (GOLD.md rule 2: Guterres for the UN).
        if (best is not None and best_rank[1] == KIND_PRIORITY["person"] and best.code == best.country
                and not self._names_a_former_office(tokens)):  # "former UN envoy Nikki Haley": not the UN's
            best = self._titling_body(tokens, best_rank[2], text_of) or best
        if best is None:
            hyphenated = _hyphenated_surname(tokens)  # "Akufo-Addo", cut in three by the tokenizer
            leader = self.leader(hyphenated) if hyphenated is not None else None
            if leader is not None:
                return leader
            for token in tokens:
                if not token.text[:1].isupper() or token.lower_ in self._names:
                    continue
                # "Erdogan said", "a Netanyahu adviser": a leader in office on the article's date, named
                # by surname alone, or whose office a role noun serves.
                lone = _lone_argument_name(token)
                titling = token.dep_ == "compound" and token.head.lemma_.lower() in LEADERS_STAFF  # "Netanyahu adviser"
                leader = self.leader(token.text) if lone or titling or _bare_person_name(token) else None
                if leader is not None:
                    return leader
                # Headlines drop the article: "Putin slams West" names what "the West" does.
                definite = self._names.get(_normalize("the " + token.text)) if lone and len(tokens) == 1 else None
                if definite is not None and definite.kind != "country":  # not "Emirates suspends flights": an airline
                    return Actor(definite.code, token.text, definite.country, definite.actor_type, "gazetteer")
                # Wire copy misspells country names: "Afghanisatn", "Venezeula".
                # ... but not a place the table knows ("Granada" is no misspelled Grenada)
                code = None if _part_of_a_name(token) or place_country([token]) else ontology.misspelled_country(token.text)
                if code is not None:
                    return Actor(code, token.text, code, None, "gazetteer")
        return best


def _hyphenated_surname(tokens: Sequence) -> str | None:
    """The last "Name-Name" written without spaces in the phrase ("President Akufo-Addo"), or None."""
    for k in range(len(tokens) - 3, -1, -1):
        first, hyphen, second = tokens[k : k + 3]
        if (hyphen.text == "-" and not first.whitespace_ and not hyphen.whitespace_
                and first.text[:1].isupper() and second.text[:1].isupper()):
            return first.text + "-" + second.text
    return None


# Titles of a body's office before a name: "CIA director Bill Burns", "Wagner boss Yevgeny Prigozhin".
OFFICE_TITLES = frozenset({"director", "chief", "head", "boss", "leader", "spokesman", "spokeswoman",
                           "spokesperson", "commander", "chairman", "chairwoman", "chair", "president",
                           "secretary-general", "founder", "envoy"})
# Posts a state sends to an international body: "Israel's UN ambassador", "Ukraine's UN
# delegation" act for the state that sends them. Not envoys, representatives or missions:
# "Yemen's UN envoy" and "Somalia's African Union mission" are the body's, sent to that country.
DIPLOMATIC_POSTS = frozenset({"ambassador", "delegation"})
# Nouns of a post a region can name ("Middle East envoy", "Africa minister", "Asia correspondent").
POST_NOUNS = OFFICE_TITLES | {"minister", "ambassador", "adviser", "advisor", "representative", "commissioner",
                              "correspondent", "editor", "coordinator", "czar", "tsar", "secretary", "official"}


# "the Taiwan Affairs Office" is a Chinese body about Taiwan: a country followed by one of
# these words inside a name is the body's subject, not its owner.
TOPIC_WORDS = frozenset({"affairs", "relations", "studies"})
# "the charity's Syria researcher", "a Russia analyst", "the BBC's Ukraine correspondent": a
# country's name before these nouns is the subject someone works on, not whom they act for.
# (A demonym before them, "a Russian analyst", still gives the person's nationality.)
SUBJECT_EXPERT_WORDS = frozenset({"analyst", "analysts", "researcher", "researchers", "expert", "experts",
                                  "specialist", "specialists", "scholar", "scholars", "correspondent",
                                  "correspondents", "editor", "editors", "reporter", "reporters", "watcher",
                                  "watchers", "observer", "observers", "director", "desk"})


# How far a place's name may reach past a country's name inside it: "Northern Ireland",
# "East New Britain".
PLACE_REACH = 2


def _inside_a_place(text_of: str, starts: list, ends: list, gap_before: list, start: int, end: int,
                    entry: ontology.ActorEntry) -> bool:
    """Whether the country or demonym at tokens[start:end] shares a word with a longer place's name
    of another country (schemas/data/places.csv): "Ireland" in "Northern Ireland" (GBR), "Mexico" in
    "New Mexico", "British" in "British Columbia", "Mongolia" in "Inner Mongolia". The place then
    decides (`_placed_role`, `_located_actor`), or nothing does."""
    places = place_countries()
    for lo in range(max(0, start - PLACE_REACH), end):  # windows that share a word with the match
        for hi in range(max(lo + 2, start + 1), min(len(starts), end + PLACE_REACH) + 1):  # ... and reach past it
            if (lo >= start and hi <= end) or any(gap_before[lo + 1 : hi]):
                continue
            text = text_of[starts[lo] : ends[hi - 1]]
            if not all(word[:1].isupper() for word in text.split()):
                continue  # "a small Spanish town", "west Jordan": words, not Spanish Town or West Jordan
            country = places.get(_normalize(text))
            if country is not None and country != entry.country:
                return True
    return False


def is_weapon(noun) -> bool:
    """The noun names arms (schemas/data/weapons.csv: "missiles", "cluster munitions", "white
    phosphorus"), by its lemma, its form ("Storm Shadows" is no person) or with the word before it."""
    weapons = ontology.weapon_nouns()
    lemma = noun.lemma_.lower()
    if lemma in weapons or noun.lower_ in weapons:
        return True
    left = noun.doc[noun.i - 1] if noun.i > 0 else None
    return left is not None and left.head.i == noun.i and f"{left.lower_} {lemma}" in weapons


def _names_a_topic(tokens: Sequence, end: int, entry: ontology.ActorEntry) -> bool:
    if end >= len(tokens) or entry.kind not in ("country", "demonym"):
        return False
    following = tokens[end].lower_
    return following in TOPIC_WORDS or (entry.kind == "country" and following in SUBJECT_EXPERT_WORDS)


# Demonyms a region shares with a country or a continent, and the words that make them the
# region's: "Central American", "Latin American", "Northern Irish", "West African" name no
# country. ("eastern Ukrainian", "South African", "North Korean" are left alone: the first is
# the country's, the others match as the longer names the tables know.)
SHARED_DEMONYMS = frozenset({"american", "americans", "irish", "african", "africans", "asian", "asians",
                             "european", "europeans"})
REGION_PREFIXES = frozenset({"central", "latin", "north", "south", "east", "west", "northern", "southern",
                             "eastern", "western", "southeast", "southeastern", "northeast", "northeastern",
                             "northwest", "northwestern", "southwest", "southwestern", "middle", "sub-saharan"})


def _names_a_posting(tokens: Sequence, end: int, entry: ontology.ActorEntry) -> bool:
    """An international body's name before a diplomat's post ("UN ambassador", "EU delegation"): the
    posting; a state the phrase names before it sends the diplomat."""
    return entry.actor_type == "IGO" and end < len(tokens) and tokens[end].lemma_.lower() in DIPLOMATIC_POSTS


def _is_region(entry: ontology.ActorEntry) -> bool:
    """A region's own entry (organizations.csv kind REG: "the Middle East", "Arab states")."""
    return entry.kind == "organization" and entry.actor_type is None and entry.country is None


def _part_of_a_region(tokens: Sequence, start: int, entry: ontology.ActorEntry) -> bool:
    if start == 0 or entry.kind != "demonym" or tokens[start].lower_ not in SHARED_DEMONYMS:
        return False
    before = tokens[start - 1]
    return before.lower_ in REGION_PREFIXES and before.i == tokens[start].i - 1


def _placed_role(head, tokens: Sequence) -> Actor | None:
    """'Lagos governor', 'Texas Governor Greg Abbott', 'Bavaria's premier': an office whose modifier
    names a state, province or city (schemas/data/places.csv, not a person's name) is an office
    of that place's country, as the capital's is ("Kyiv mayor")."""
    found = place_country([t for t in tokens if t.i < head.i])
    return Actor(found[0], found[1], found[0], None, "place") if found is not None else None


OWNING_PRONOUNS = frozenset({"its", "their"})


def owned_by_a_pronoun(head) -> bool:
    """"its troops", "their forces": a noun whose owner is a pronoun."""
    return any(c.dep_ == "poss" and c.lower_ in OWNING_PRONOUNS for c in head.children)


def _bare_person_name(token) -> bool:
    """A one-word PERSON entity: "Macron said", not the "Michel" of "Michel Aupetit"."""
    entity = entity_at(token) if token.ent_type_ == "PERSON" else None
    return entity is not None and len(entity) == 1


def _foreign_rulers(tokens: Sequence) -> bool:
    """Words no outlet uses of its own government: "the junta", "the military rulers"."""
    lemmas = [t.lemma_.lower() for t in tokens]
    return any(t.lower_ in FOREIGN_RULER_WORDS for t in tokens) or any(
        first == "military" and second in MILITARY_RULE_NOUNS for first, second in zip(lemmas, lemmas[1:]))


def _definite(head, tokens: Sequence) -> bool:
    """'the government', 'the prime minister', 'Parliament', 'ministers', 'police': an
    institution the reader knows, not 'a minister' or 'some officials'."""
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children):
        return False  # "their government": whoever "their" is, not the outlet's
    determiners = [t for t in tokens if t.dep_ == "det"]
    if determiners:
        return determiners[0].lower_ == "the"
    return head.tag_ in ("NNS", "NNP", "NNPS") or head.lower_ in ("police", "parliament", "government", "cabinet")


def name_tokens(head) -> list:
    """The tokens that name the phrase headed by `head`, in text order.

    A proper name's own "of"/"for" phrase is part of it ("the Association of
    Southeast Asian Nations"); other prepositional phrases are not.
    """
    keep = [head]
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ in NAME_DEPS or _name_preposition(token, child):
                keep.append(child)
                stack.append(child)
    keep.sort(key=lambda t: t.i)
    # A possessive marks the owner ("Lavrov's statement"), not the head's name.
    return [t for t in keep if t.text not in {"(", ")", ","}]


OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})
LOCATIVE_WORDS = frozenset({"in", "at", "near", "inside", "across", "within"})


def _only_acted_upon(token) -> bool:
    """Whether the name sits in an object ("sanctions on Iran", "met the Japanese emperor",
    "aid to Ukrainian refugees"), where it cannot name whose institutions the story is about; a
    place the story happens in ("polls close in Gabon") is not acted upon: it frames the story."""
    node = token
    while node.dep_ in ("compound", "amod", "flat", "nmod") and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj":
        return node.head.lower_ not in LOCATIVE_WORDS
    return node.dep_ in OBJECT_DEPS


def _acronym_as_a_word(token) -> bool:
    """A word that spells an organisation's acronym: in lower case, or capitalised inside a
    person's full name ("Asa Hutchinson" is no ASA); "Nato" or "Opec" alone, as British style
    writes them, stay."""
    text = token.text
    if _acronym_in_lower_case(text, text, token):
        return True
    if not (2 <= len(text) <= 5 and text[:1].isupper() and not text.isupper() and text.upper() in _acronyms()):
        return False
    entity = entity_at(token)
    if entity is not None and entity.label_ == "PERSON" and len(entity) > 1:
        return True
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (following is not None and following.pos_ == "PROPN" and following.text[:1].isupper()
            and following.lemma_.lower() not in ontology.role_types())  # "Asa Hutchinson", not "Nato Secretary"


def _acronym_in_lower_case(text: str, acronym: str, token) -> bool:
    """An organisation's acronym written in lower case ("the un-diplomat") is a word, in a
    sentence that uses capitals at all (an all-lower-case headline still writes "nato")."""
    return (text.islower() and acronym.upper() in _acronyms()
            and any(ch.isupper() for ch in token.sent.text))


@functools.cache
def _acronyms() -> frozenset[str]:
    """The organisations' codes and names written all in capitals (schemas/data/organizations.csv)."""
    return frozenset(name for row in ontology.table_rows("organizations.csv")
                     for name in [row["code"], *row["names"].split("|")] if name.isupper() and name.isalpha())


def _supporters_of(token) -> bool:
    """'pro-Palestinian', 'anti-Russian': the word names a cause, not the country."""
    doc = token.doc
    if token.lower_.startswith(("pro-", "anti-")):
        return True
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in ("pro", "anti")


NAME_ENTITIES = frozenset({"PERSON", "ORG"})  # what the small model calls a lone surname it does not know
PLACE_ENTITY_LABELS = frozenset({"GPE", "LOC"})


def _pair_of_names(entity) -> bool:
    """"Trump and Pence" tagged as one entity: two one-word names joined by "and" or "&"."""
    return (len(entity) == 3 and entity[1].dep_ == "cc" and entity[0].dep_ != "compound"
            and all(_proper_noun(t) for t in (entity[0], entity[2])))


def _lone_argument_name(token) -> bool:
    """'Modi meets Xi': a one-word proper noun that is a clause's subject or object, with no name
    beside it. The small model often tags no entity in a headline, an organisation ("Sunak") or
    a place ("Xi meets Biden": Biden as a GPE); a sitting leader's surname is then still the
    leader. A place the gazetteer knows is not taken ("Scotland's first minister" is no
    Secretary-General Scotland), nor a group ("any Christian who speaks out" is no President
    Christian)."""
    argument = token.head if token.dep_ == "conj" else token  # "Modi and Xi meet": Xi too
    if not _proper_noun(token) or argument.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "poss"):
        return False
    entity = entity_at(token) if token.ent_type_ else None
    if entity is not None and _runs_into_a_verb(entity, token):
        entity = None  # "Biden welcomes ICC's" read as one organisation: the name ends at its verb
    if entity is not None and len(entity) > 1 and not _pair_of_names(entity):
        return False  # part of a longer name
    if entity is not None and entity.label_ not in NAME_ENTITIES and not (
            entity.label_ in PLACE_ENTITY_LABELS and place_country([token]) is None):
        return False
    return not _neighbouring_name(token)


def _runs_into_a_verb(entity, token) -> bool:
    """An entity that goes on past the token into the clause's verb, which no name holds: the
    small model's "Biden welcomes ICC's" (ORG) in a headline."""
    return any(t.i > token.i and t.pos_ == "VERB" and t.dep_ == "ROOT" and token.head == t for t in entity)


def _proper_noun(token) -> bool:
    """A proper noun, or a capitalised word the small model tagged as a common noun: it reads an
    unknown surname that opens a headline as one ("Sunak attacks Starmer": "Sunak" NN)."""
    return token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.text[:1].isupper() and token.text[1:].islower())


def _part_of_a_name(token) -> bool:
    """'Dominic Perrottet': a first name beside a surname is no misspelled country ("Dominica")."""
    return token.ent_type_ == "PERSON" or _neighbouring_name(token)


def _neighbouring_name(token) -> bool:
    doc = token.doc
    neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    return any(n.pos_ == "PROPN" and n.text[:1].isupper() for n in neighbours)


def _a_company(actor: Actor) -> bool:
    """A company of organizations.csv (kind BUS, its own code), not "business leaders" of a country
    nor a state-owned company (filed under its state's code: organizations_national.csv).
    On the development split, companies named as actors gave 4 right rows of 19 ("Tesla sues
    Sweden", beside Apple, Ford and Xiaomi launching, hiring and saying)."""
    return actor.actor_type == BUSINESS and actor.code != actor.country


def _names_the_company(head) -> bool:
    """The phrase names the company ("Meta", "the consultancy firm PricewaterhouseCoopers") or
    one of its people ("a Meta spokesman"), not a thing of it ("a Lukoil refinery") nor a word
    ("a Latin alphabet")."""
    if head.pos_ == "PROPN":
        return head.text[:1].isupper()
    lemma = head.lemma_.lower()
    return lemma in COMPANY_PEOPLE or lemma in ontology.role_types()


# Words for a company's people or for the company itself that the roles table lacks
COMPANY_PEOPLE = frozenset({"giant", "group", "owner", "executive", "staff", "maker"})


def _without_conjuncts(tokens: Sequence, head) -> list:
    """The phrase's tokens without the items conjoined to its head ("and the United Kingdom")."""
    others = {t.i for child in head.children if child.dep_ in ("conj", "cc") for t in child.subtree}
    return [t for t in tokens if t.i not in others]


def _name_preposition(token, child) -> bool:
    if child.dep_ == "prep" and child.lower_ in NAME_PREPS and token.pos_ == "PROPN":
        return all(t.pos_ in ("PROPN", "DET", "CCONJ", "PUNCT", "ADP") for t in child.subtree)
    if child.dep_ in ("pobj", "conj", "cc") and token.dep_ in ("prep", "pobj", "conj") and token.pos_ in ("ADP", "PROPN"):
        return child.pos_ in ("PROPN", "CCONJ", "DET")
    return False


def conjuncts(head) -> list:
    """The head and the heads conjoined with it: 'India and Japan' -> [India, Japan]."""
    name = next((c for c in head.children if c.dep_ == "appos" and c.i == head.i + 1 and c.pos_ == "PROPN"
                 and head.pos_ == "NOUN" and any(x.dep_ == "conj" for x in c.children)), None)
    if name is not None:  # "the militant group Hezbollah and the Israeli army": the group is Hezbollah, one item
        return conjuncts(name)
    found = [head]
    for child in head.children:
        # "Australia, Canada, Portugal and the UK": the small model reads the second item of a
        # list as an apposition of the first; an apposition that continues the list is an item.
        if child.dep_ == "conj" or (child.dep_ == "appos" and any(c.dep_ == "conj" for c in child.children)):
            found.extend(conjuncts(child))
    return found


def phrase_text(tokens: Sequence) -> str:
    if not tokens:
        return ""
    return run_text(tokens[0], tokens[-1]).strip()


def _as_pair(actors: list[Actor]) -> list[Actor]:
    """Two actors of two countries (places do not count), as the context of a "the two leaders"; else none."""
    by_country: dict[str, Actor] = {}
    for actor in actors:
        if actor.via != "place":
            by_country.setdefault(actor.country or actor.code, actor)
    if len(by_country) != 2:
        return []
    return [Actor(a.code, a.name, a.country, a.actor_type, "context") for a in by_country.values()]


# Headlines name a country by its relation to another and then by its name: "US ally Israel",
# "China warns Russia ally Iran". The parser makes the relation noun the head (with the first
# country as its compound) and hangs the name anywhere; the name is the one meant.
RELATION_NOUNS = frozenset({"ally", "partner", "neighbour", "neighbor", "foe", "rival", "enemy", "adversary"})


def apposed_name(head):
    """The name right after a relation noun that another name modifies ("US ally Israel": Israel),
    else `head` itself."""
    following = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if (following is None or head.lemma_.lower() not in RELATION_NOUNS or not following.text[:1].isupper()
            or not any(c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" for c in head.children)):
        return head
    while following.dep_ == "compound" and following.head.i > following.i and following.head.pos_ == "PROPN":
        following = following.head
    return following


def _named_by_relation(head, actor: Actor) -> bool:
    """Whether the actor is the state a relational noun's modifier names ("US" of "US ally",
    "Russian" of "Russian ally Belarus"), not a name after the noun ("Belarus") nor a list the
    parser hung on the noun ("the U.S. and European allies")."""
    words = {t.text for c in head.children if c.dep_ in ("poss", "compound", "amod", "nmod")
             and not any(x.dep_ == "cc" for x in c.children) for t in c.subtree}
    return bool(words) and set(actor.name.split()) <= words


def resolve_all(resolver: ArticleActors, heads: Iterable, as_target: bool = False) -> list[Actor]:
    """Resolve each conjunct of each head, dropping the unresolved ones.

    'Indian and Chinese troops' conjoins the modifiers, not the heads: each
    modifier is resolved with the shared head's role.
    """
    actors = []
    for head in heads:
        for conjunct in conjuncts(apposed_name(head)):
            pair = [] if as_target else resolver.pair_referred(conjunct)
            if pair:  # "the two leaders agreed ..."
                actors.extend(pair)
                continue
            if not as_target and resolver.is_pair_phrase(conjunct):
                continue  # "the two leaders" with no two named before: nobody the text gives
            actor = resolver.resolve(conjunct, remember=not as_target, as_target=as_target)
            if actor is not None:
                actors.append(actor)
                actors.extend(_conjoined_modifiers(resolver, conjunct, actor))
                actors.extend(_conjoined_places(resolver, conjunct, actor))
    return actors


def _conjoined_places(resolver: ArticleActors, head, first: Actor) -> list[Actor]:
    """'Police in Belgium, Germany and the Netherlands', 'officials from Ghana and Togo': a role
    located in several countries is each country's, when the first of them made the actor."""
    if first.code != first.country or head.pos_ == "PROPN":
        return []
    found = []
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in LOCATING_PREPS:
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if resolver.place_country(phrase_text(_without_conjuncts(name_tokens(pobj), pobj))) != first.code:
                continue
            for other in conjuncts(pobj)[1:]:
                country = resolver.place_country(phrase_text(_without_conjuncts(name_tokens(other), other)))
                if country is not None and country != first.code:
                    found.append(Actor(country, other.text, country, first.actor_type, first.via))
    return found


def _conjoined_modifiers(resolver: ArticleActors, head, first: Actor) -> list[Actor]:
    found = []
    for modifier in head.children:
        if modifier.dep_ not in ("amod", "compound", "nmod"):
            continue
        joined = conjuncts(modifier)
        # every conjunct, the first too: the head's own name may be a later modifier ("US,
        # Japan, South Korea defence chiefs" resolves to South Korea)
        for other in joined if len(joined) > 1 else []:
            # "the U.S. and South Korean militaries": the conjunct keeps its own modifiers
            words = [c.text for c in other.lefts if c.dep_ in ("amod", "compound")] + [other.text]
            entry = resolver.lookup(" ".join(words)) or resolver.lookup(other.text)
            if entry is not None and entry.code != first.code and all(a.code != entry.code for a in found):
                found.append(Actor(entry.code, other.text, entry.country, first.actor_type, "gazetteer"))
    return found
