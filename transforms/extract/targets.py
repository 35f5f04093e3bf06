"""The recipient of an event (`target`): where the syntax of a clause puts it.

Searched in the order the syntax makes it likelier: the object itself (the dative first), a
recipient inside the object phrase, the verb's prepositional objects, and for visits and uses
of force the place, which stands for its country (transforms/extract/places.py). Some names in
those places are never the recipient: a broker or helper ("a China-brokered deal", "with
China's help") and a meeting's venue ("a summit in Quito").
"""
from __future__ import annotations

from schemas import ontology
from transforms.extract.actors import OUTLET_ROLES, Actor, ArticleActors, named_foreign, resolve_all
from transforms.extract.clauses import (
    BODY_ENTITIES,
    DEPRIVING_VERBS,
    KIN_NOUNS,
    PARTICLE_ADVERBS,
    dative_object,
    direct_object,
    names_people,
    prepositions,
)
from transforms.extract.nominal import FORCE_ROLES, IMPACT_VERBS, MEETING_ROOT, ORIGIN_ENTITIES, nominal_code

TARGET_PREPS = frozenset({"on", "against", "with", "to", "from", "for", "into"})
# Prepositions that carry the recipient for one root only, after a verb's particle: criticism
# is aimed "at" someone ("hit out at the US", "hits back at Kyiv"); without the particle "at" is
# a place ("condemned meddling at the UN", "met at the palace").
ROOT_TARGET_PREPS = {"11": frozenset({"at"})}
# Prepositions that carry the partner for one root only: joint military work (06) is done beside
# the partner ("fought alongside Togolese forces"); a mediator (04) works between the sides
# ("mediated between Israel and Hamas": the first side named).
ROOT_PARTNER_PREPS = {"06": frozenset({"alongside"}), "04": frozenset({"between"})}
# Objects that make the verb a gesture aimed "at" someone, as a particle does: "takes a swipe at
# Washington", "took aim at Beijing", "had a dig at the minister".
AIMED_OBJECTS = frozenset({"aim", "swipe", "swipes", "jab", "jabs", "potshot", "potshots", "dig", "digs"})
# Verbs of criticism whose "at" names whom they are aimed at without a particle: "scoffed at US
# support", "sneered at Kyiv's plan", "railed at Brussels".
AIMED_VERBS = frozenset({"scoff", "sneer", "jeer", "rail"})
# Cooperation done with someone: the verb's "with" names the partner, before any country the
# object is about ("shared evidence of Russian war crimes with the court"), also inside a phrase
# on what the act is about ("a deal on refugees with Nigeria"; not "despite the war with Russia").
PARTNER_ROOTS = frozenset({"03", "04", "05", "06"})
ABOUT_PREPS = frozenset({"on", "over", "about", "of", "for"})
# Disapproval and rejection of an act are aimed at whoever did it, named after "by".
AGENT_BLAMED_ROOTS = frozenset({"11", "12"})
# Visits, aid, investigations, protests and uses of force: the place they happen in stands for
# the country that receives them ("airdropped food into Gaza", "examined the halls at Natanz",
# "rallied in Tbilisi against the government").
PLACE_ROOTS = frozenset({"04", "07", "09", "14", "15", "17", "18", "19", "20"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "across", "inside", "into", "over", "toward", "towards"})
# Whatever the root, a place the act goes to receives it ("resume direct flights to Lebanon").
DIRECTIONAL_PREPS = frozenset({"to", "into"})
# A meeting's own place is its venue, not its recipient: "attend a summit in Quito" (but "visited
# Quito", "arrived in Quito": the verb's place is where the visit goes).
VENUE_ROOTS = frozenset({"04"})


def _partners(preps, dobj) -> list:
    """The objects of "with" after the verb, its object, or a phrase of either: the parser often
    hangs "with Nigeria" on the last noun ("a deal on Togolese refugees with Nigeria")."""
    phrases = list(preps) + ([c for c in dobj.children if c.dep_ == "prep"] if dobj is not None else [])
    phrases += [p for prep in phrases if prep.lower_ in ABOUT_PREPS for pobj in prep.children
                if pobj.dep_ == "pobj" for p in pobj.children if p.dep_ == "prep"]
    return [c for prep in phrases if prep.lower_ == "with" for c in prep.children if c.dep_ == "pobj"]


def find_target(resolver: ArticleActors, target_heads, preps, dobj, root: str = "") -> Actor | None:
    """The recipient of a clause, searched in this order:

    1. the object itself (the dative first): "warned Iran", "gave Serbia an ultimatum";
    2. a recipient inside the object phrase: "aid to Ukraine", "sanctions against Iran",
       "the resilience of Ukraine's soldiers", "Erdoğan's calls for a ceasefire";
    3. the verb's prepositional objects: "talks with Iran", "sanctions on Belarus";
    4. for visits and uses of force, the place: "visited Mariupol", "struck targets in Khan Younis".
    """
    recipient = country_before_region(find_recipient(resolver, target_heads, preps, dobj, root),
                                      resolver, target_heads, preps, dobj, root)
    return recipient or find_place(resolver, target_heads, preps, dobj, root)


VISIT_ROOT = "04"
TRIP_NOUNS = frozenset({"trip", "tour", "visit", "swing", "journey"})


def country_before_region(recipient: Actor | None, resolver: ArticleActors, target_heads, preps, dobj,
                          root: str) -> Actor | None:
    """A region found as the recipient of a visit told as part of a trip yields to the country the
    clause puts the visitor in: "arrives in Beijing on Asia trip" is a visit to China."""
    if (recipient is None or recipient.code not in ontology.region_codes() or root != VISIT_ROOT
            or not any(pobj.lemma_.lower() in TRIP_NOUNS for prep in preps if prep.lower_ in ("on", "during")
                       for pobj in prep.children if pobj.dep_ == "pobj")):
        return recipient  # "Macron meets African leaders in Paris": the leaders are the recipient
    place = find_place(resolver, target_heads, preps, dobj, root)
    return place if place is not None and place.code not in ontology.region_codes() else recipient


def find_recipient(resolver: ArticleActors, target_heads, preps, dobj, root: str = "") -> Actor | None:
    """Steps 1-3 of `find_target`: a recipient the clause names as one, not where the act happened."""
    heads = [h for h in target_heads if h is not None]
    for head in heads:  # "struck Boko Haram-controlled areas in Benin": the holder, before the place
        holder = resolver.holder_of(head)
        if holder is not None:
            return holder
    for actor in _recipients(resolver, heads):
        return actor
    if root in PARTNER_ROOTS:  # "signed a deal on Togolese refugees with Nigeria": the partner
        for actor in resolve_all(resolver, _partners(preps, dobj), as_target=True):
            return actor
    if root in AGENT_BLAMED_ROOTS:  # "condemned the confiscation of Palestinian lands by Israeli authorities"
        agents = [c for head in heads for prep in _by_phrases(head) for c in prep.children if c.dep_ == "pobj"]
        for actor in resolve_all(resolver, agents, as_target=True):
            return actor
    for head in heads:
        found = _recipient_inside(resolver, head, depth=2)
        if found is not None:
            return found
    candidate_preps = list(preps)
    if dobj is not None:
        candidate_preps += [c for c in dobj.children if c.dep_ == "prep"]
    after_particle = ROOT_TARGET_PREPS.get(root, frozenset())
    for prep in candidate_preps:
        aimed = prep.lower_ in after_particle and (prep.head.lemma_.lower() in AIMED_VERBS or any(
            c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in PARTICLE_ADVERBS)
            or (c.dep_ == "dobj" and c.lower_ in AIMED_OBJECTS) for c in prep.head.children))
        beside = prep.lower_ in ROOT_PARTNER_PREPS.get(root, frozenset())
        if prep.lower_ not in TARGET_PREPS and not aimed and not beside:
            continue
        pobjs = [c for c in prep.children if c.dep_ == "pobj" and not _third_party_phrase(c)]
        for actor in _recipients(resolver, pobjs):
            return actor
        for pobj in pobjs:  # "arrives for a tour of Turkey's earthquake zone"
            found = _recipient_inside(resolver, pobj, depth=1)
            if found is not None:
                return found
    return None


def find_place(resolver: ArticleActors, target_heads, preps, dobj, root: str = "") -> Actor | None:
    """Step 4 of `find_target`: for visits and uses of force, the place; else a country deep
    inside the object."""
    heads = [h for h in target_heads if h is not None]
    candidate_preps = list(preps)
    if dobj is not None:
        candidate_preps += [c for c in dobj.children if c.dep_ == "prep"]
    if root in PLACE_ROOTS:
        for head in heads:
            place = resolver.place(head)
            if place is not None:
                return place
    place_preps = TARGET_PREPS | LOCATIVE_PREPS if root in PLACE_ROOTS else DIRECTIONAL_PREPS
    for prep in preps if root in VENUE_ROOTS else candidate_preps:
        if prep.lower_ in place_preps:
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                found = country_or_place(resolver, pobj)
                if found is not None:
                    return found
    inside = heads + [pobj for prep in candidate_preps if prep.lower_ in TARGET_PREPS | place_preps
                      for pobj in prep.children if pobj.dep_ == "pobj" and not _third_party_phrase(pobj)]
    return _country_deep_inside(resolver, inside, root)


# What is said to or about, or done to, someone in words or by law: an appeal, a demand,
# criticism, a rejection, a threat, a lawsuit's or a complaint's (11), a cut of ties (16).
ADDRESSED_ROOTS = frozenset({"02", "10", "11", "12", "13", "16"})
# Cities that, addressed, may stand for the bodies seated there rather than for their state:
# "Orbán slams Brussels" is the EU.
BODIES_SEATS = frozenset({"brussels", "geneva", "strasbourg", "the hague", "hague", "luxembourg"})


def governed_place(resolver: ArticleActors, heads, root: str) -> Actor | None:
    """A state, province or city addressed by name is its government: "Mexico condemns Texas",
    "Democrats sue New Hampshire", "China criticises California's new law" (the place as the
    object, or owning it); a coded act is coded to the place's country (CAMEO codes a
    sub-national government as its state). Not an event the place suffered: "condemned
    Kharkiv's shelling" is of whoever shelled it. Only the verb's own objects: "invites Musk to
    visit Gaza" addresses Musk."""
    if root not in ADDRESSED_ROOTS:
        return None
    for head in heads:
        owners = [] if nominal_code(head, standalone_only=False) is not None else [
            c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
        for name in ([head] if head.pos_ == "PROPN" else []) + owners:
            place = resolver.place(name)
            if place is not None and place.name.lower() not in BODIES_SEATS:
                return place
    return None


def named_as_recipient(resolver: ArticleActors, target: Actor, target_heads, preps) -> bool:
    """The target is the object itself or the object of a recipient's preposition ("sanctioned
    Niger", "imposed sanctions on Niger", "talks with Niger"), not a place inside what the act is
    about ("discuss a Crimea tunnel") or where it happened ("fighting around hospitals in
    northern Gaza")."""
    heads = [h for h in target_heads if h is not None]
    heads += [c for prep in preps if prep.lower_ in TARGET_PREPS for c in prep.children if c.dep_ == "pobj"]
    # a meeting's own partner: "Germany and France to hold talks with Biden" meet Biden, not each
    # other; "discussed relations with China" is a topic, "a truce with Qatar acting as mediator"
    # names a broker
    heads += [c for head in list(heads) if _a_meeting(head)
              for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "with"
              for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() not in HELP_NOUNS
              and not any(a.lower_ == "as" for a in c.subtree)]
    return any(actor.code == target.code for actor in resolve_all(resolver, heads, as_target=True))


def _a_meeting(noun) -> bool:
    """A noun of meeting (04) of schemas/data/nominal_events.csv: "talks", "summit", "call"."""
    return any((table.get(noun.lower_) or table.get(noun.lemma_.lower()) or "").startswith(MEETING_ROOT)
               for table in (ontology.nominal_events(standalone_only=False), ontology.partnered_nominal_events()))


DEEP_TARGET_DEPTH = 4
# Who brokered, mediated or hosted a deal is a third party, not its recipient: "restore ties in a
# China-brokered deal", "sign a truce mediated by Qatar". Who led or backed an act is its author
# and stays a recipient: "condemned the US-led strikes".
BROKER_VERBS = frozenset({"broker", "mediate", "facilitate", "host", "sponsor"})
# "with China's help", "with Qatari mediation": the helper of an act, not its recipient.
HELP_NOUNS = frozenset({"help", "mediation", "assistance", "support", "backing", "blessing", "facilitation"})


def _country_deep_inside(resolver: ArticleActors, heads, root: str) -> Actor | None:
    """Last resort: the nearest country named anywhere inside the object phrase ("condemned the
    unrest that emerged in Brazil", "hit a cluster of buildings in Hamad City, ... in the Gaza
    Strip"), nearest first; for visits and uses of force a known place counts too. Only a
    country, never an organisation: deep inside a phrase an organisation is seldom the recipient."""
    level = [h for h in heads if h is not None]
    for _ in range(DEEP_TARGET_DEPTH):
        level = [c for node in level for c in node.children
                 if c.dep_ not in ("appos", "punct", "advcl", "xcomp", "ccomp") and not _purpose_phrase(c)
                 and not _broker_phrase(c) and not _third_party_phrase(c) and not _circumstance(c)
                 and not (root in FORCE_ROOTS and names_a_maker(c))]
        for node in level:
            if node.pos_ not in ("PROPN", "NOUN", "ADJ"):
                continue
            if root in PLACE_ROOTS and root not in VENUE_ROOTS:
                found = country_or_place(resolver, node)
            else:  # "a summit in Cairo" is where, not whom: a capital after "in" is a place
                found = _country(resolver, node, capital=not _locative(node))
            if found is not None:
                return found
    return None


# "US-made armoured vehicles", "Iranian-designed drones": who made a thing, not who holds it,
# when the thing is attacked or seized; one who buys or signs for it deals with its maker.
MAKING_PARTICIPLES = frozenset({"make", "build", "produce", "manufacture", "design"})


def names_a_maker(node) -> bool:
    """The node is the participle of making that a maker's name hangs on ("US-made")."""
    return node.dep_ == "amod" and node.tag_ == "VBN" and node.lemma_.lower() in MAKING_PARTICIPLES


# Phrases that say when or amid what an act happens, never to whom: "ties amid China worries",
# "talks despite US pressure", "a truce after Russian strikes".
CIRCUMSTANCE_PREPS = frozenset({"amid", "amidst", "despite", "after", "before", "during", "following", "since",
                                "until", "ahead"})


def _circumstance(node) -> bool:
    return node.dep_ == "prep" and node.lower_ in CIRCUMSTANCE_PREPS


# "met on the sidelines of the AU summit", "on the margins of the UN General Assembly": where a
# meeting happens, whoever holds the gathering; never its recipient.
SIDELINE_NOUNS = frozenset({"sidelines", "sideline", "margins", "margin", "fringes", "fringe"})


def _third_party_phrase(pobj) -> bool:
    """A helper ("with China's help") or a gathering's sidelines: a third party, not the recipient."""
    return (pobj.head.lower_ == "with" and pobj.lemma_.lower() in HELP_NOUNS) or pobj.lower_ in SIDELINE_NOUNS


def _broker_phrase(node) -> bool:
    return node.dep_ in ("amod", "acl") and node.lemma_.lower() in BROKER_VERBS


def _purpose_phrase(node) -> bool:
    """'in a bid to end the protests against Uganda': what an act is for names no recipient of it."""
    return node.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)


def _locative(node) -> bool:
    return node.dep_ == "pobj" and node.head.lower_ in LOCATIVE_PREPS


def _country(resolver: ArticleActors, head, capital: bool = True) -> Actor | None:
    for actor in resolve_all(resolver, [head], as_target=True):
        if actor.code == actor.country:
            entry = resolver.lookup(actor.name)
            if capital or entry is None or entry.kind != "metonym":
                return actor
    return None


def _by_phrases(head) -> list:
    """The object's "by" phrases, and the "by" the parser hung on an active verb instead ("condemned
    the confiscation of lands in Silwan by Israeli authorities": an active verb has no agent)."""
    phrases = [prep for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "by"]
    verb = head.head
    if head.dep_ == "dobj" and not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        phrases += [c for c in verb.children if c.dep_ == "agent"]
    return phrases


def _recipients(resolver: ArticleActors, heads) -> list[Actor]:
    """The actors these phrases name as recipients: a thing's owner before the names in it."""
    owners = [actor for actor in (_owner(resolver, head) for head in heads) if actor is not None]
    return owners or resolve_all(resolver, heads, as_target=True)


def _owner(resolver: ArticleActors, head) -> Actor | None:
    """'ratify Sweden's NATO accession', 'hosts talks on Ukraine's EU bid': an act on something
    (no person, body or role) that an actor owns is received by the owner, not by a name that
    only says what the thing is."""
    if head.pos_ != "NOUN" or resolver.role_type_of(head) is not None:
        return None
    names = [c for c in head.children if c.dep_ == "compound" and c.text[:1].isupper()]
    owners = [c for t in [head, *names] for c in t.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    return next(iter(resolve_all(resolver, owners, as_target=True)), None) if names else None


# Nouns of talking, whose "on" phrase is their topic
TALK_NOUNS = frozenset({"talk", "talks", "meeting", "discussion", "negotiation", "summit", "consultation",
                        "conference", "dialogue"})


def _recipient_inside(resolver: ArticleActors, head, depth: int) -> Actor | None:
    """An actor in the object's own "to/on/against/with/of/by" phrases or possessives, `depth`
    levels down: the author of what is acted on receives the act ("spurned efforts by the UN",
    "rejected the UN's plan")."""
    if depth <= 0:
        return None
    for child in head.children:
        if child.dep_ == "poss":
            for actor in resolve_all(resolver, [child], as_target=True):
                return actor
    for prep in head.children:
        if prep.dep_ != "prep" or (prep.lower_ not in TARGET_PREPS and prep.lower_ not in ("of", "by")):
            continue
        if prep.lower_ == "on" and head.lemma_.lower() in TALK_NOUNS:
            continue  # "arrives in China for talks on Ukraine": what the talks are about, not with whom
        for pobj in (c for c in prep.children if c.dep_ == "pobj" and not _third_party_phrase(c)):
            for actor in _recipients(resolver, [pobj]):
                return actor
            found = _recipient_inside(resolver, pobj, depth - 1)
            if found is not None:
                return found
    return None


def country_or_place(resolver: ArticleActors, head) -> Actor | None:
    """A country (not any actor: "in the UN" is no place) or a known place inside the phrase."""
    for actor in resolve_all(resolver, [head], as_target=True):
        if actor.code == actor.country:
            return actor
    return resolver.place(head)


# The paths from an intent, an appeal or a refusal to the act it is about: "agreed to keep
# supplying Sri Lanka", "was ready to open talks with Pakistan", "signalled its willingness to
# resume talks with the IAEA", "committed to sending officers to Haiti".
COMPLEMENT_DEPS = frozenset({"xcomp", "acomp", "pcomp", "acl", "prep", "dobj"})
COMPLEMENT_DEPTH = 4


# Verbs whose "with" names the other side, not a means: "clashed with police", "met with commanders"
# ("struck Kharkiv with missiles" is a means).
OPPOSITE_SIDE_VERBS = frozenset({"clash", "fight", "battle", "skirmish", "scuffle", "meet", "talk", "confer"})


def _opposite_side(pobj) -> bool:
    """Whether a prepositional object is the other side of the act, not its means."""
    preposition, verb = pobj.head, pobj.head.head
    return preposition.lower_ == "against" or (preposition.lower_ == "with"
                                               and verb.lemma_.lower() in OPPOSITE_SIDE_VERBS)


OWN_INSTITUTION = "own"  # the `via` of a target own_institution_target found
# Institution nouns that are plural in sense without a plural ending ("arrested police").
PLURAL_INSTITUTIONS = frozenset({"police", "military", "army", "parliament", "government", "opposition"})


def acting_state(actors) -> str | None:
    """The one state that acts, when every actor is that state itself (not a body of it with
    its own code): the state a domestic act is coded to, or None."""
    countries = {actor.country for actor in actors}
    if len(countries) != 1 or any(actor.code != actor.country for actor in actors):
        return None
    return countries.pop()


def own_institution_target(resolver: ArticleActors, target_heads, preps, actors) -> Actor | None:
    """A national institution named without a country as the object ("met with military
    commanders", "clashed with police", "sacked the defence minister") is the acting state's own:
    the domestic act is coded state to state (tests/data/GOLD.md: "TUR 17 TUR"). Only for a
    state's own acts, and only a named group or a definite one ("a state of emergency" names no
    institution); its own forces and police only as the other side ("met with", "clashed with"):
    as the object they are what it acts with ("deployed police", "built up forces"), and "paid
    tribute to the soldiers" is about them, not an act on them."""
    country = acting_state(actors)
    if country is None:
        return None
    objects = [h for h in target_heads if h is not None]
    pobjs = [c for prep in preps if prep.lower_ in TARGET_PREPS for c in prep.children if c.dep_ == "pobj"]
    for head in objects + pobjs:
        if head.pos_ != "NOUN" or not (head.tag_ == "NNS" or head.lower_ in PLURAL_INSTITUTIONS
                                       or any(c.lower_ == "the" for c in head.children)):
            continue
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
            continue  # "killed three leaders of the militant group": someone else's
        role = resolver.role_type_of(head)
        if role in OUTLET_ROLES and (role not in FORCE_ROLES or _opposite_side(head)):
            return Actor(country, head.text, country, role, OWN_INSTITUTION)
    return None


# Acts done to people, whom a state's own courts, police and prisons mostly act on: arrests,
# detentions and sentences (172, 173, 175), charges and lawsuits (115, 116), acquittals and dropped
# charges (081), pardons and releases (0841), investigations (090).
ACTS_ON_PEOPLE = ("172", "173", "175", "115", "116", "081", "0841", "090")
# A seizure is of someone's only through a possessive: "seizes exiled billionaire's car dealership".
SEIZURE = "171"
# The prepositions that name whom such an act is about: "dropped charges against 24 aid workers",
# "opened an investigation into five doctors", "loosened restrictions on a blogger", "strips
# citizenship from two men".
PEOPLE_PREPS = frozenset({"against", "into", "on", "from"})
# Nouns of a sentence or a custody, whose "for" or "of" phrase names the person it is of:
# "upholds 7-year sentence for opposition activist", "extends detention of the former prime minister".
PENALTY_NOUNS = frozenset({"sentence", "detention", "custody", "arrest", "conviction", "jail", "prison",
                           "term", "trial", "imprisonment"})
PENALTY_PREPS = frozenset({"for", "of", "against"})


def _deprived(head) -> bool:
    """"strips the bishop of citizenship": the "of" names what is taken, not whose the person is."""
    return head.dep_ == "dobj" and head.head.lemma_.lower() in DEPRIVING_VERBS


def _of_another_origin(head) -> bool:
    """People named by where they come from ("foreign journalists", "Central Asian men", "crew
    members", "14 foreigners"), who may be no one's own; a name the model tags a nationality."""
    modifiers = [c for c in head.children if c.dep_ in ("amod", "compound")]
    return (head.ent_type_ == "NORP" or named_foreign(head)
            or any(w.lemma_.lower() in FOREIGN_PEOPLE for w in [head, *modifiers])
            or any(w.ent_type_ in ORIGIN_ENTITIES for w in modifiers))



# People a state's act names as not its own ("Poland finds 14 foreigners guilty of spying"), or
# mostly not: the fishermen and crews a state arrests have mostly crossed into its waters.
FOREIGN_PEOPLE = frozenset({"foreigner", "migrant", "immigrant", "refugee", "tourist", "expat", "expatriate",
                            "national", "alien", "visitor", "asylum", "asylum-seeker", "fisherman", "crew",
                            "sailor", "seafarer"})


# Role nouns that name a body, not a person: "the RAND Corporation" is no one a state jails.
BODY_HEADS = frozenset({"corporation", "company", "firm", "party", "ministry", "agency", "group", "organisation",
                        "organization", "bank", "court", "council", "committee", "union", "foundation", "institute",
                        "university", "network", "channel", "newspaper", "broadcaster", "movement", "fund",
                        "commission", "authority", "office", "board", "assembly", "parliament", "senate", "tribunal",
                        "association", "federation", "service", "department", "bureau", "league", "alliance",
                        "coalition", "front", "chamber"})


def own_people_target(resolver: ArticleActors, target_heads, preps, actors, code: str) -> Actor | None:
    """The people a state arrests, jails, charges, pardons or investigates, named by no country
    ("Russia jails activist Pyotr Verzilov", "Japanese police arrested a suspect", "a Greek court
    dropped charges against 24 aid workers"), are its own: the domestic act is coded state to
    state, as for its own institutions (tests/data/GOLD.md: "Pakistan's police arrested Imran
    Khan" → PAK 17 PAK). A person is a name the model tags PERSON or a noun of the roles table;
    people named foreign ("foreign journalists") or of someone ("leaders of the militant group")
    are not the state's own, and a thing ("the incident") is nobody."""
    seizure = code.startswith(SEIZURE)
    country = acting_state(actors) if code.startswith(ACTS_ON_PEOPLE) or seizure else None
    if country is None:
        return None
    objects = [h for h in target_heads if h is not None]
    if seizure:  # only the owner of what is taken
        objects = [c for h in objects for c in h.children if c.dep_ == "poss"]
    for prep in preps + [c for h in objects for c in h.children if c.dep_ == "prep"]:
        if prep.lower_ in PEOPLE_PREPS or (prep.lower_ in PENALTY_PREPS and prep.head.lemma_.lower() in PENALTY_NOUNS):
            objects += [c for c in prep.children if c.dep_ == "pobj"]
    for head in objects:
        if (any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children) and not _deprived(head)
                and head.lemma_.lower() not in PENALTY_NOUNS):
            continue
        if head.pos_ not in ("NOUN", "PROPN") or (head.pos_ == "NOUN" and _of_another_origin(head)):
            continue  # "extends detention of refugees": people from elsewhere, even with a role
        if head.pos_ == "NOUN" and names_people(head):
            # "arrested a 17-year-old boy", "jails teenagers": a noun only for people
            return Actor(country, head.text, country, resolver.role_type_of(head), OWN_INSTITUTION)
        role = resolver.role_type_of(head)
        person_role = role is not None and head.lemma_.lower() not in BODY_HEADS
        if head.ent_type_ in BODY_ENTITIES and not person_role:
            continue  # "outlaws the RAND Corporation": a body, whose country is its own
        # (a person's role noun is a person even where a title-case headline made it an ORG: "Jails Activist")
        if role is not None or head.lemma_.lower() in KIN_NOUNS or (head.ent_type_ == "PERSON" and head.pos_ == "PROPN"):
            return Actor(country, head.text, country, role, OWN_INSTITUTION)
    return None


# Coercion that a state does to its own people by its nature: restrictions on political freedoms,
# a ban on a party, a curfew (1721-1723), repression (175). An arrest, a ban or a restriction
# may be of foreigners, migrants or exports, and a seizure, an expulsion or a cyber attack is as
# often aimed abroad; a state of emergency or martial law (1724) is a condition declared, aimed
# at no one (the coders gave one their own state, one the migrants' country).
DOMESTIC_COERCION = ("1721", "1722", "1723", "175")


# Coercion and force (17-20) by a state's police: police act at home ("police and supporters of
# the opposition leader clashed", "police raided the offices"), as an army may not.
POLICE_FORCE_ROOTS = ("17", "18", "19", "20")


def coerced_at_home(actors, code: str, target_heads, resolver: ArticleActors, verb) -> Actor | None:
    """A state's domestic coercion (DOMESTIC_COERCION), or its police's coercion or force, that
    names no one it is aimed at ("China cracks down on comedy", "Sierra Leone declares nationwide
    curfew", "Georgian police use tear gas to halt protest", "police clashed with supporters") is
    aimed at its own people: coded state to state, as tests/data/GOLD.md codes domestic acts. Not
    a named body ("Togo outlawed the Carnegie Commission"), which is of its own country."""
    if any(head is not None and (head.pos_ == "PROPN" or head.ent_type_ in BODY_ENTITIES) for head in target_heads):
        return None
    by_police = bool(actors) and all(actor.actor_type == "COP" and actor.via != "outlet" for actor in actors)
    at_home = code.startswith(DOMESTIC_COERCION) or (
        by_police and code.startswith(POLICE_FORCE_ROOTS) and not _abroad(actors, resolver, verb))
    country = acting_state(actors) if at_home else None
    return own_state(country) if country is not None else None


def cracked_down_at_home(resolver: ArticleActors, noun, actor: Actor, code: str) -> Actor | None:
    """A state's domestic coercion named by a noun ("Vietnam's crackdown on civil society", "as
    Lome's crackdown grows") is aimed at its own people, as `coerced_at_home` codes the verb; not
    when it is aimed at people named foreign ("on foreign journalists", "on sub-Saharan
    migrants") or told in another country ("Moscow's crackdown in occupied Crimea")."""
    if not code.startswith(DOMESTIC_COERCION):
        return None
    if any(_of_another_origin(aimed) for aimed in aimed_at(noun)) or _abroad([actor], resolver, noun):
        return None
    return coerced_at_home([actor], code, [], resolver, noun)


# What an act is aimed at, after its word: "a strike on the base", "attacks against Kyiv".
OBJECTIVE_PREPS = frozenset({"on", "against"})


def aimed_at(word) -> list:
    """What an act named by a verb or a noun is aimed at: its "on" or "against" objects."""
    return [pobj for prep in word.children if prep.dep_ == "prep" and prep.lower_ in OBJECTIVE_PREPS
            for pobj in prep.children if pobj.dep_ == "pobj"]


# What a crackdown on trade is on: companies and their goods ("a crackdown on tech giants", "on
# Chinese apps", "on fentanyl shipments"), a regulation or a trade measure rather than coercion
# of anyone.
TRADE_NOUNS = frozenset({"company", "firm", "giant", "maker", "exchange", "app", "platform", "product", "goods",
                         "export", "import", "shipment", "car", "vehicle", "chip", "bank", "investor", "business",
                         "industry", "market", "brand", "retailer", "vape", "vaping", "e-cigarette"})


def aimed_at_trade(noun) -> bool:
    """The noun's act is aimed at companies or their goods: a named company, or a trade noun."""
    for aimed in aimed_at(noun):
        words = [aimed, *(c for c in aimed.children if c.dep_ in ("compound", "amod"))]
        if aimed.ent_type_ in ("ORG", "PRODUCT") or any(w.lemma_.lower() in TRADE_NOUNS for w in words):
            return True
    return False


def _abroad(actors, resolver: ArticleActors, verb) -> bool:
    """The sentence places the act in another country than the actors' ("Kenyan police in Haiti
    fired on gang members")."""
    own = {actor.country for actor in actors}
    places = (country_or_place(resolver, entity.root) for entity in verb.sent.ents if entity.label_ in ("GPE", "LOC"))
    return any(place is not None and place.code not in own for place in places)


def own_state(country: str) -> Actor:
    """The acting state as the recipient of its own domestic act."""
    return Actor(country, country, country, None, OWN_INSTITUTION)


# Where a statement's reported clause names whom it is about: its subject, object or predicate.
TOPIC_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})


def statement_topic(resolver: ArticleActors, content_verbs, speakers) -> Actor | None:
    """Whom a statement (01) is about, when its reported clause holds no event of its own: the
    first actor other than the speaker that the clause's subject or object names, itself, by a
    possessive or a phrase inside it ("Kiev's battle plans ended in fiasco – Moscow" → UKR; "the
    EU has lost $1.5 trillion over sanctions, Moscow says" → EU), the recipient CAMEO gives a
    comment on a situation. The speaker itself is never its own topic ("said it was confident")."""
    spoken_by = {actor.code for actor in speakers}
    for verb in content_verbs:
        heads = [c for c in verb.children if c.dep_ in TOPIC_DEPS]
        # what it needs or wants done ("Hungary needs to change the EU – Orban"), and a headline
        # without a verb, whose noun is what it is about ("Ukraine aid drying up – White House")
        heads += [c for x in verb.children if x.dep_ == "xcomp" for c in x.children if c.dep_ in TOPIC_DEPS]
        if verb.pos_ in ("NOUN", "PROPN"):
            heads.insert(0, verb)
        for head in heads:
            found = next((a for a in resolve_all(resolver, [head], as_target=True) if a.code not in spoken_by), None)
            found = found or _recipient_inside(resolver, head, depth=2)
            if found is not None and found.code not in spoken_by:
                return found
        found = _country_deep_inside(resolver, heads, "01")
        if found is not None and found.code not in spoken_by:
            return found
    return None


def complement_target(resolver: ArticleActors, verb, root: str) -> Actor | None:
    """The recipient named by the act inside the verb's complement, nearest act first."""
    level = [verb]
    for _ in range(COMPLEMENT_DEPTH):
        level = [c for node in level for c in node.children if c.dep_ in COMPLEMENT_DEPS]
        for node in level:
            if node.pos_ not in ("VERB", "AUX"):
                continue
            found = clause_target(resolver, node, root)
            if found is not None:
                return found
    return None


def clause_target(resolver: ArticleActors, verb, root: str) -> Actor | None:
    """The recipient a verb's own objects and prepositions name (`find_target` on its clause): for
    the act inside a complement, or the main act an -ing clause goes with ("rejected Togo's plan,
    warning of countermeasures": the warning is aimed at Togo too)."""
    children = list(verb.children)
    dobj = direct_object(children)
    heads = [h for h in (dative_object(children), dobj) if h is not None]
    return find_target(resolver, heads, prepositions(children), dobj, root)


# Uses of force whose recipient may be named by a participle after them rather than where they
# happened: "conducts a raid in Benin, capturing a Boko Haram official".
FORCE_ROOTS = frozenset({"17", "18", "19", "20"})
PARTICIPLE_DEPS = frozenset({"advcl", "xcomp", "acl", "conj"})
# Participles that act on a victim: only their object is whom the use of force hit ("capturing a
# Boko Haram commander"); "prompting protests from Togo", "citing threats from Boko Haram" name
# someone else.
VICTIM_PARTICIPLES = IMPACT_VERBS | frozenset({"capture", "seize", "abduct", "kidnap", "detain", "arrest",
                                               "eliminate", "neutralize", "neutralise", "attack", "shell", "bomb"})


def participle_target(resolver: ArticleActors, verb, dobj, root: str) -> Actor | None:
    """The armed group, body or state an -ing clause on a use of force (or on its object) names
    as what it acted on: "Ghana conducts a raid in Benin capturing a Boko Haram official" → Boko
    Haram, not Benin, where it happened. Asked only when the clause names no recipient itself."""
    if root not in FORCE_ROOTS:
        return None
    owners = [verb] + ([dobj] if dobj is not None else [])
    for node in (c for owner in owners for c in owner.children):
        if node.dep_ in PARTICIPLE_DEPS and node.tag_ == "VBG" and node.lemma_.lower() in VICTIM_PARTICIPLES:
            victim = direct_object(list(node.children))
            found = find_recipient(resolver, [victim], [], victim, root) if victim is not None else None
            if found is not None:
                return found
    return None


def where_clause_target(resolver: ArticleActors, verb, root: str) -> Actor | None:
    """For visits and uses of force told in a "where" clause, the place the clause hangs on:
    "shells fell on northern Gaza, where the army is extending its offensive" → the Gaza side."""
    if root not in PLACE_ROOTS or root in VENUE_ROOTS or verb.dep_ != "relcl":
        return None
    if not any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children):
        return None
    return country_or_place(resolver, verb.head)
