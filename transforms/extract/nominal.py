"""Events named by a noun: "a Russian drone strike on Kyiv", "clashes between A and B".

Wire copy often reports an attack without a clause for it ("five people are
killed in an Israeli strike on ..."). The noun's modifiers name the actor
(a demonym, a possessive, "by"/"from" a named force) and its "on"/"against"
phrase, or the place it happened in, names the target. Only conflict nouns
from schemas/data/nominal_events.csv count, and only with a resolvable actor.
"""
from __future__ import annotations

import functools
from collections.abc import Iterator

from schemas import ontology
from transforms.extract.actors import Actor, ArticleActors, is_weapon, name_tokens
from transforms.extract.clauses import (
    FUTURE_AUX,
    is_hypothetical,
    is_negated,
    object_heads,
    subjects_of,
    verb_of_misread_subject,
)
from transforms.extract.doc_cache import tokens_with_words
from transforms.extract.verbs import match_verb

AGENT_PREPS = frozenset({"by", "from"})
TARGET_PREPS = frozenset({"on", "against", "at", "targeting"})
OF_PREPS = frozenset({"of"})
PLACE_PREPS = frozenset({"in", "near", "across", "into"})
PAIR_PREPS = frozenset({"between"})
# A noun's phrase that may change what it names (schemas/data/nominal_events.csv): "declaration of
# war"; "strikes over pay", "strikes against the pension reform" are labour strikes, not attacks.
PHRASE_PREPS = frozenset({"of", "over", "against", "for", "amid"})
# Force (posture, assault, fighting, mass violence), which a modifier can make figurative
FORCE_ROOTS = frozenset({"15", "18", "19", "20"})


def figurative(word) -> bool:
    """A modifier that makes a force noun no force: "a charm offensive", "a legal front", "a
    political battle" (schemas/data/off_topic.csv "figurative_modifier")."""
    return word.lower_ in ontology.off_topic_cues().get("figurative_modifier", frozenset())


# What a standing truce or set of talks does after it began ("the truce held for another day",
# "the ceasefire collapsed", "a day after the truce ended"): news about it, but not the act of
# agreeing or meeting again.
CONTINUING_VERBS = frozenset({"hold", "continue", "last", "remain", "persist", "survive", "collapse", "fail",
                              "falter", "expire", "stall", "drag", "end", "lapse"})


def _reported_as_happening(noun) -> bool:
    """The noun is the subject of a clause that reports it taking place ("talks ... resumed",
    "talks were held in Doha"), not one that reports it lasting or ending ("the truce held")."""
    verb, dep = noun.head, noun.dep_
    misread = verb_of_misread_subject(noun) if dep == "pobj" else None
    if misread is not None:  # "as a ceasefire ... began": the parser hung the subject on "as"
        verb, dep = misread, "nsubj"
    if dep not in ("nsubj", "nsubjpass") or verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
        return False
    if verb.lemma_.lower() in EXPECTING_VERBS:  # "a peace deal ... is expected to be announced soon"
        return False
    return dep == "nsubjpass" or verb.lemma_.lower() not in CONTINUING_VERBS


# What these say of an event has not happened yet.
EXPECTING_VERBS = frozenset({"expect", "anticipate", "forecast", "predict", "hope", "plan", "propose", "seek"})


# A noun after "since" names the time from which something else has been going on ("since Hamas's
# attack on Israel"): a point of reference, never the news of the sentence.
TIME_REFERENCE_PREPS = frozenset({"since"})
# After these, or as the object of another verb, the noun is a reference when it names a known
# event (definite or possessive: "after Russia's invasion", "the fight against Russia's invasion",
# "in the wake of Russia's invasion", "sanctions over Russia's invasion", "refused to condemn the
# Russian invasion"), and news when it is new ("after an Iranian attack
# on a base", "gave their position away before a Ukrainian attack", "condemned a Russian
# missile strike"). "In" and "by" are left out: "killed in Russia's strike on Kyiv" reports it.
KNOWN_EVENT_PREPS = frozenset({"after", "following", "before", "until", "against", "of", "over", "amid", "to",
                               "despite", "during", "into"})  # "a year into Russia's invasion"
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
# An event noun so modified has not happened ("warned of a possible raid on the hospital").
UNREALIZED_MODIFIERS = frozenset({"possible", "potential", "planned", "imminent", "expected", "threatened",
                                  "looming", "feared", "proposed", "likely", "future", "anticipated",
                                  "hypothetical", "prospective", "impending", "unlikely", "improbable"})


def referenced_not_reported(noun) -> bool:
    """The event noun is something the sentence refers to, not news it reports: writing it would
    count one invasion again on every day a story mentions it. A noun whose own clause says what
    it did ("the strike that killed seven") is news; one that has not happened ("a possible
    raid") never is."""
    if _unrealized_or_counted_from(noun):
        return True
    if _tells_its_effect(noun):
        return False
    head = noun.head
    if noun.dep_ == "pobj" and head.head.pos_ == "ADJ":  # "vulnerable to Ukrainian attacks": a quality
        return True
    known = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS) for c in noun.children)
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in AFTERMATH_NOUNS:
        return False  # "the aftermath of Russia's drone attack on Ukraine": what it left, as news
    if noun.dep_ == "pobj" and head.lower_ in KNOWN_EVENT_PREPS:
        return known
    if noun.dep_ == "pobj" and head.head.pos_ == "NOUN" and known:
        return True  # "his involvement in El Salvador's El Mozote massacre": a thing's reference
    if noun.dep_ == "dobj" and head.pos_ == "VERB":
        lemma = head.lemma_.lower()
        return (known and lemma not in ontology.light_verbs() and lemma not in IMPACT_VERBS
                and lemma not in OWN_ACT_CLAIM_VERBS)  # "claimed the capture of Kara": its news
    return False


# What an act leaves behind, told as the news of it: "the aftermath of Russia's drone attack",
# "the toll of the Israeli strike", "victims of the shelling".
AFTERMATH_NOUNS = frozenset({"aftermath", "toll", "victim", "survivor", "wreckage", "rubble", "ruins"})


def _unrealized_or_counted_from(noun) -> bool:
    """An event noun that has not happened ("a possible raid", "warned against a raid", "Macron's
    visit was cancelled") or that time is counted from ("since Russia's invasion"): never news,
    whatever it names."""
    return (any(c.dep_ == "amod" and c.lower_ in UNREALIZED_MODIFIERS for c in noun.children)
            or foreseen(noun)
            or _governing_verb(noun) in ontology.unrealized_object_verbs()
            or (noun.dep_ == "pobj" and noun.head.lower_ in TIME_REFERENCE_PREPS)
            or _measured_from(noun)
            or _called_off(noun))


def foreseen(word) -> bool:
    """What the sentence says is likely or not, as its predicate ("a Chinese invasion is
    unlikely"), or a headline's bare one right after it ("says Russian offensive likely in
    spring", "says China attack unlikely for now"): a forecast, not an event."""
    predicated = word.head if word.dep_ in ("nsubj", "nsubjpass") else word if word.pos_ == "VERB" else None
    if predicated is not None and any(
            c.dep_ == "acomp" and c.lower_ in UNREALIZED_MODIFIERS and not any(x.dep_ == "xcomp" for x in c.children)
            for c in predicated.children):
        return True  # not "the blockade is unlikely to end soon": what it will do, not whether it is
    after = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return (after is not None and after.lower_ in UNREALIZED_MODIFIERS and after.pos_ in ("ADJ", "ADV")
            and after.head.pos_ not in ("VERB", "AUX")  # not "Russian attack likely caused blackout"
            and (after.dep_ == "advmod" or (after.head.i == word.i and after.dep_ in ("amod", "acomp"))))


# A stretch of months or years just before "after" or "into" ("one year after Russian invasion",
# "months into Israeli offensive") counts time from the event; the news tells days or weeks after
# a raid as news of it ("Patients leave Gaza hospital days after Israeli raid": coded so).
DURATION_NOUNS = frozenset({"year", "years", "month", "months", "decade", "decades"})
MEASURING_PREPS = frozenset({"after", "into"})


def _measured_from(noun) -> bool:
    """The event is the point a stretch of time is measured from ("one year after Russian
    invasion"): a reference, whether or not it is named as a known one."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in MEASURING_PREPS or prep.i == 0:
        return False
    before = prep.doc[prep.i - 1]  # "one year after": a measure of time, not "highest in months after"
    return before.lower_ in DURATION_NOUNS and before.dep_ == "npadvmod"


# Prepositions that make a noun the object of a verb's content ("warned against / of / about an
# attack", "threatened him with a strike"); "warned amid an invasion" is only its circumstance.
OBJECT_PREPS = frozenset({"against", "of", "about", "with"})


def _governing_verb(noun) -> str | None:
    """The lemma of the verb whose object the noun is, directly or after one of OBJECT_PREPS
    ("feared an attack", "warned against an attack"), else None."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in OBJECT_PREPS:
        head = head.head
    elif noun.dep_ != "dobj":
        return None
    return head.lemma_.lower() if head.pos_ == "VERB" else None


def _tells_its_effect(noun) -> bool:
    return any(c.dep_ in ("relcl", "acl") and c.lemma_.lower() in IMPACT_VERBS for c in noun.children)


def nominal_code(token, standalone_only: bool = True) -> str | None:
    table = ontology.nominal_events(standalone_only=standalone_only)
    own = table.get(token.lower_) or table.get(token.lemma_.lower())
    left = token.doc[token.i - 1] if token.i > 0 else None
    if left is not None and left.dep_ in ("compound", "amod") and left.head.i == token.i:  # "air strike", "general strike"
        code = table.get(f"{left.lower_} {token.lower_}")
        if code:
            return code
        if figurative(left) and own and own[:2] in FORCE_ROOTS:
            return None  # "a charm offensive", "a legal battle": no force ("political negotiations" are talks)
    for prep in token.children:  # "declaration of war", "strikes over pay": the noun with its phrase
        if prep.dep_ == "prep" and prep.lower_ in PHRASE_PREPS:
            code = next((table[key] for pobj in prep.children if pobj.dep_ == "pobj"
                         for key in (f"{token.lower_} {prep.lower_} {pobj.lower_}",
                                     f"{token.lemma_.lower()} {prep.lower_} {pobj.lemma_.lower()}") if key in table), None)
            if code:
                return code
    return own


def _cut_at_spaces(key: str) -> Iterator[str]:
    """The key, and each part of it before or after one of its spaces: a token is one of these
    when a lookup joins it with the words around it ("air strike", "declaration of war")."""
    yield key
    parts = key.split(" ")
    for k in range(1, len(parts)):
        yield " ".join(parts[:k])
        yield " ".join(parts[k:])


@functools.cache
def _event_noun_words() -> frozenset[str]:
    """Every word (lower case) that some reading of `nominal_events` can act on, from the same
    tables and word sets those readings look words up in: the event nouns, alone or as the first
    or last word of a longer entry (`nominal_code`), the partnered nouns (`framing_meetings`),
    the nominalizations (`agentive_nominal`), the captive, mediated and meeting nouns. A token
    none of whose forms is here gives no row and teaches the resolver nothing."""
    words = set(CAPTIVE_NOUNS | MEDIATED_NOUNS | HELD_MEETINGS)
    tables = (ontology.nominal_events(standalone_only=True), ontology.nominal_events(standalone_only=False),
              ontology.partnered_nominal_events(), ontology.nominalizations())
    for table in tables:
        for key in table:
            words.update(_cut_at_spaces(key))
    return frozenset(words)


@functools.cache
def _event_noun_gate() -> tuple[frozenset[str], frozenset[str]]:
    """(forms, lemmas) of `doc_cache.tokens_with_words`, the lexical gate of `nominal_events`:
    only a token whose word, lemma or singular form (`held_captives`: the word less one final
    "s") is one of `_event_noun_words` reaches its parse checks, which would otherwise run on
    every token of every sentence. A word less its "s" is one of them exactly when the word is
    one of them with an "s" added."""
    words = _event_noun_words()
    return words | frozenset(word + "s" for word in words), words


def nominal_events(sent, resolver: ArticleActors) -> Iterator[tuple[object, str, Actor, Actor | None]]:
    """(noun token, code, actor, target) for each event noun with a resolvable actor."""
    for token in tokens_with_words(sent, *_event_noun_gate()):
        held = held_captives(token, resolver)
        if held is not None:
            yield held
            continue
        mediated = _mediated(token, resolver)
        if mediated is not None:
            yield mediated
        meeting = _meeting_of_a_pair(token, resolver)
        if meeting is CALLED_OFF:
            continue  # "the Macron-Scholz meeting was called off": no meeting, by any reading
        if meeting is not None:
            code, (first, second) = meeting
            yield token, code, first, second
            yield token, code, second, first
            continue
        if _meeting_read_as_verb(token):  # "hails ties in meeting with Raisi": "meeting" as VBG
            yield from framing_meetings(token, resolver)
            continue
        if token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound":
            continue
        code = nominal_code(token)
        if code is None:
            found = agentive_nominal(token, resolver)
            if found is not None:
                yield found
                continue
            framed = framing_meetings(token, resolver)
            if framed:
                yield from framed
                continue
        if code is None and (_reported_as_happening(token) or _labels_a_pair(token, resolver)):
            # "Talks between Armenia and Azerbaijan resumed": a cooperative noun is an event
            # when its clause reports it, and only between two named sides.
            code = nominal_code(token, standalone_only=False)
            pair = _between(token, resolver) if code else None
            if pair and pair[1] is not None:
                yield token, code, pair[0], pair[1]
                yield token, code, pair[1], pair[0]
            continue
        if code is None or referenced_not_reported(token):
            continue
        pair = _between(token, resolver) or _casualties_of(token, resolver)
        if pair:
            first, second = pair
            yield token, code, first, second
            if second is not None:
                yield token, code, second, first
            continue
        actor = _agent(token, resolver)
        if actor is None:
            continue
        if code.startswith(POSTURE_ROOT):
            if _shows_force(token, actor):
                yield token, code, actor, None  # whom a test is meant to impress, the news rarely says
            continue
        target = nominal_target(token, resolver, actor)
        yield token, code, actor, target


# An agreement a named side "brokered" or "mediated" ("a Qatar-brokered truce", "a Doha-mediated
# deal between Moscow and Kyiv"): the broker mediated (045), the coders code it so when the
# agreement is news, not background ("despite a UN-brokered truce ending in October").
MEDIATING_PARTICIPLES = frozenset({"broker", "mediate"})
MEDIATED_NOUNS = frozenset({"truce", "ceasefire", "deal", "agreement", "accord", "pact", "talks", "negotiations",
                            "swap", "exchange"})
MEDIATION_CODE = "045"


# Where the agreement is told as in force: its parties reach, sign or accept it, something is done
# "under" or "through" it, or it holds, lasts or frees someone. Any other mention (violated,
# rejected, proposed, collapsed, "if a deal is reached", "despite a truce") is no news of it.
AGREED_BY_VERBS = frozenset({"agree", "sign", "reach", "strike", "seal", "accept", "announce", "implement",
                             "extend", "welcome"})
IN_FORCE_PREPS = frozenset({"under", "through", "via"})
IN_FORCE_VERBS = frozenset({"hold", "last", "begin", "start", "free", "allow", "see", "bring", "take"})


def _mediated(noun, resolver: ArticleActors):
    """(noun, 045, broker, a side of the agreement) for "X-brokered <agreement>" told as in
    force; the side is another than the broker, else none (not the venue: "a truce signed in
    Jeddah" is no mediation with Saudi Arabia)."""
    if noun.lemma_.lower() not in MEDIATED_NOUNS or noun.pos_ != "NOUN" or not _in_force(noun):
        return None
    for participle in noun.children:
        if participle.dep_ != "amod" or participle.lemma_.lower() not in MEDIATING_PARTICIPLES:
            continue
        named = [c for c in participle.children if c.dep_ in ("npadvmod", "compound", "nmod") and c.i < participle.i]
        broker = next((a for a in (resolver.resolve(c, remember=False) for c in named) if a is not None), None)
        if broker is None:
            return None
        sides = [side for side in (_between(noun, resolver) or ()) if side is not None and side.code != broker.code]
        return noun, MEDIATION_CODE, broker, sides[0] if sides else None
    return None


def _in_force(noun) -> bool:
    head = noun.head
    if noun.dep_ == "pobj":
        return head.lower_ in IN_FORCE_PREPS
    if head.pos_ not in ("VERB", "AUX") or is_negated(head) or any(
            c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in head.children):
        return False
    lemma = head.lemma_.lower()
    return ((noun.dep_ == "dobj" and lemma in AGREED_BY_VERBS)
            or (noun.dep_ in ("nsubj", "nsubjpass") and lemma in IN_FORCE_VERBS | AGREED_BY_VERBS))


# A meeting after (or during) which a clause's subject acts: "After talks with Togolese leaders,
# the Ghanaian president said ...", "Following calls with several leaders, Putin warned ...".
FRAMING_PREPS = frozenset({"after", "following", "during"})
AFTER_PREPS = frozenset({"after", "following"})
MEETING_ROOT = "04"
# Verbs that address someone: "Xi warned Biden at a summit", "urged Gantz during a phone call"
# tell a meeting of the speaker and the one addressed as well, when the meeting names no one else.
ADDRESSING_VERBS = frozenset({"tell", "warn", "urge", "ask", "press", "assure", "inform", "brief", "caution",
                              "thank", "congratulate", "invite", "reassure", "promise", "pledge"})
# "at a summit", "in a call": the meeting an addressing verb was said in; a meeting or call named
# with its partner ("in a call with Lavrov", "in meeting with Jordan king") was held, whatever was
# said in it (not "talks", which one may believe in or refuse to take part in)
ADDRESSING_PREPS = frozenset({"at", "in"})
HELD_MEETINGS = frozenset({"meeting", "call", "conversation", "summit"})
# Talks one is said to be in were held ("pledge stronger cooperation in rare talks"), except by
# these verbs, which tell a view of talks ("believes in talks with Russia", "puts hopes in talks")
VIEWING_VERBS = frozenset({"believe", "trust", "put", "place"})
TALKS = frozenset({"talk", "talks"})
# "On a visit to Washington, X said ...": the subject is on the trip, whatever it says there
TRIP_PREPS = frozenset({"on"})
# The phrase may hang on the subject ("Scholz, on China trip, calls for ..."): the trip is the
# subject's, told with its verb. On an object it may be the object's ("China slams US lawmakers
# on Taiwan trip"), so it is not climbed from.


def _verb_above(token):
    """The token, or the verb whose subject it is (through an apposition)."""
    while token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("nsubj", "appos") and token.head is not token:
        token = token.head
    return token


def _meeting_read_as_verb(token) -> bool:
    """"in Meeting With Raisi", "in meeting with Orban": the tagger may read the noun as a gerund."""
    return token.tag_ == "VBG" and token.dep_ in ("pobj", "pcomp") and token.lower_ in HELD_MEETINGS


def framing_meetings(noun, resolver: ArticleActors) -> list[tuple[object, str, Actor, Actor]]:
    """The meeting of the clause's subject with the one its "with" or "to" phrase names ("talks
    with", "a visit to"), told as what came before (or around) the clause's act: the subject took
    part in it. Only a meeting noun
    (a consultation, 04) that names its partner, in a phrase of FRAMING_PREPS on the clause's
    verb, and reported rather than referred to ("after the talks" is a known meeting); also a trip
    the clause is told on ("on a visit to Washington"). A verb that addresses someone, at or in
    a meeting told by its kind only, names the partner too ("warned Biden at a summit").

    The phrase may hang on the verb's object ("backs efforts to give Palestinians their rights in
    call with Egyptian counterpart", "vow better ties following summit"): the meeting is the
    subject's all the same, of the nearest verb up the tree that has one. Two subjects joined by
    "and" ("China and North Korea pledge cooperation in rare talks", "Leaders from Japan and South
    Korea vow better ties following summit") met each other when the meeting names no one else."""
    head = noun.head
    if noun.dep_ not in ("pobj", "pcomp"):
        return []
    lemma = noun.lower_ if _meeting_read_as_verb(noun) else noun.lemma_.lower()
    trip = head.lower_ in TRIP_PREPS and lemma in DESTINATION_NOUNS
    held = head.lower_ in ADDRESSING_PREPS and (lemma in HELD_MEETINGS or lemma in TALKS)
    if not (head.lower_ in FRAMING_PREPS or trip or held):
        return []  # "declined to comment on talks": no meeting held
    code = nominal_code(noun, standalone_only=False) or ontology.partnered_nominal_events().get(lemma)
    if trip:
        verb = _verb_above(head.head)
    elif held and lemma in TALKS:  # "in talks": held by the verb it hangs on, or the one of its object
        verb = _talks_verb(head.head)
    else:
        verb = _acting_verb(head.head, held)
    if (code is None or not code.startswith(MEETING_ROOT) or verb is None or verb.pos_ not in ("VERB", "AUX")
            or referenced_not_reported(noun)):
        return []
    if lemma in TALKS and head.lower_ == "in" and verb.lemma_.lower() in VIEWING_VERBS:
        return []  # "believes in talks with Russia"
    if held and (_infinitive_complement(verb) or is_hypothetical(verb) or is_negated(verb)):
        return []  # "too scared to engage in frank talks", "could make concessions in talks": not held
    addressing = verb.lemma_.lower() in ADDRESSING_VERBS and not trip  # on a trip, no one addressed is met
    actors = [a for a in (resolver.resolve(s) for s in _joined_subjects(verb)) if a is not None]
    if not actors:
        return []
    actor = actors[0]
    partner = _recipient_phrase(noun, resolver, actor)
    if partner is not None and partner.via == "outlet":
        partner = None  # "in a meeting with opposition leaders": whose, the story does not say
    if partner is None and addressing and _names_no_one(noun):
        partner = _addressee(verb, resolver, actor)
    pair = list({a.code: a for a in actors}.values())
    if partner is not None:  # each subject met the partner: "Ghana and Benin ... in talks with Togo"
        return [(noun, code, a, partner) for a in pair if a.code != partner.code]
    # (a summit many attend, where the two need not have met: "call for a ceasefire at summit",
    # "clash over budget during summit"; after one, the two tell what they agreed)
    if len(pair) == 2 and (lemma != "summit" or head.lower_ in AFTER_PREPS) and _names_no_one(noun):
        return [(noun, code, pair[0], pair[1]), (noun, code, pair[1], pair[0])]
    return []


def _acting_verb(token, held: bool):
    """The verb whose clause a phrase belongs to: the token itself, or the nearest verb above it
    when the parser hung the phrase on a noun; for a meeting held, an infinitive on the way is
    the clause ("were too scared to engage in talks")."""
    for node in (token, *token.ancestors):
        if node.pos_ in ("VERB", "AUX") and (subjects_of(node) or (held and _infinitive_complement(node))):
            return node
    return None


# What one has or feels about talks, which tells nothing of their being held: "sees no point in
# talks", "has no interest in talks", "lost faith in talks", "puts hopes in talks"
ATTITUDE_NOUNS = frozenset({"point", "interest", "faith", "hope", "confidence", "trust", "belief", "sense",
                            "progress", "breakthrough", "say", "stake", "value", "use"})


def _talks_verb(token):
    """The verb of talks one is "in": the verb the phrase hangs on, or the verb whose object it
    hangs on ("pledge stronger cooperation in rare talks"), unless that object tells an attitude
    to talks or names none ("no point in talks")."""
    if token.pos_ in ("VERB", "AUX"):
        return token
    if (token.dep_ == "dobj" and token.lemma_.lower() not in ATTITUDE_NOUNS
            and not any(c.lower_ == "no" for c in token.children)):
        return token.head
    return None


def _infinitive_complement(verb) -> bool:
    return verb.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _joined_subjects(verb) -> list:
    """The verb's subjects with those joined to them by "and" ("China and North Korea", "leaders
    from Japan and South Korea")."""
    subjects = list(subjects_of(verb))
    for subject in list(subjects):
        subjects += list(subject.conjuncts)
        subjects += [c for prep in subject.children if prep.dep_ == "prep" and prep.lower_ == "from"
                     for pobj in prep.children if pobj.dep_ == "pobj" for c in (pobj, *pobj.conjuncts)]
    return subjects


def _names_no_one(noun) -> bool:
    """A meeting told by its kind only ("a summit", "a phone call"), not by who held it or with whom
    ("a NATO summit", "a cabinet meeting", "a call with reporters"): only then is the one addressed
    taken to be the other side."""
    for child in noun.children:
        if child.dep_ in ("prep", "poss", "nmod") or child.pos_ == "PROPN" or child.ent_type_:
            return False
        if child.dep_ == "compound" and child.lemma_.lower() in ontology.role_types():
            return False
    return True


def _addressee(verb, resolver: ArticleActors, actor: Actor) -> Actor | None:
    """The one an addressing verb addresses: its object or dative ("warned Biden", "told China's Xi")."""
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "dative")):
        found = resolver.resolve(obj, remember=False, as_target=True)
        if found is not None and found.code != actor.code:
            return found
    return None


# The phrase of a nominalization that holds what its verb would take as object: "expulsion of
# diplomats", "ban on imports", "withdrawal from the pact".
NOMINAL_OBJECT_PREPS = ("of", "on", "against", "from")


def agentive_nominal(noun, resolver: ArticleActors) -> tuple[object, str, Actor, Actor | None] | None:
    """(noun, code, actor, target) for a noun that names a verb's act with its agent: "Togo's
    expulsion of Ghanaian diplomats" is Togo expelling them, "the arrest of the opposition leader
    by Tunisian police" Tunisia arresting. A possessive or a "by" phrase names the agent, and a
    demonym does only beside the act's object ("the Russian ban of a wildlife fund"): alone,
    "Russian sanctions" are as often sanctions on Russia. The verb's rule for
    the noun's object codes it (schemas/data/nominalizations.csv, verbs.csv); a noun the sentence
    only refers to ("after Togo's expulsion of ...") is not news (referenced_not_reported)."""
    rule = nominalized_rule(noun)
    if rule is None:
        return None
    # A visit or a meeting the sentence refers to ("dismissed Zelensky's visit to Washington",
    # "what Xi gained from his Biden meeting") is mostly the one the story is about, unlike a
    # war's invasion that stories mention for years: its own news once it names both sides
    # (checked below), unless it has not happened or time is counted from it ("since his visit").
    if _unrealized_or_counted_from(noun):
        return None
    referenced = referenced_not_reported(noun)
    if not _noun_objects(noun) and not rule.code.startswith(MEETING_ROOT) and _person_possessor(noun, rule.code):
        # "Gershkovich's detention", "Bazoum's ouster": the person it was done to, by whoever
        # a "by" phrase names ("Duterte's arrest by Philippine police")
        actor = _by_phrase_agent(noun, resolver)
        if actor is None or referenced:
            return None
        possessor = next(c for c in noun.children if c.dep_ == "poss")
        return noun, rule.code, actor, resolver.resolve(possessor, remember=False, as_target=True)
    actor = _explicit_agent(noun, resolver)
    if actor is None:
        return None
    target = nominal_target(noun, resolver, actor) or _recipient_phrase(noun, resolver, actor)
    if referenced and not (rule.code.startswith(MEETING_ROOT) and target is not None):
        return None
    return noun, rule.code, actor, target


def _noun_objects(noun) -> list:
    return [pobj for prep_word in NOMINAL_OBJECT_PREPS for prep in noun.children
            if prep.dep_ == "prep" and prep.lower_ == prep_word for pobj in prep.children if pobj.dep_ == "pobj"]


def nominalized_rule(noun) -> ontology.VerbRule | None:
    """The rule of the verb a noun names (nominalizations.csv) for the noun's object: "expulsion of
    diplomats" is expelling diplomats (161), "a plea for calm" pleading (020); None for a noun
    that names no verb's act, or whose verb with that object is no event."""
    table = ontology.nominalizations()
    verb = table.get(noun.lower_) or table.get(noun.lemma_.lower())
    if verb is None:
        return None
    objects = _noun_objects(noun)
    # the noun's prepositions are its verb's particles: "a call for a ceasefire" is calling for one
    particles = frozenset(c.lower_ for c in noun.children if c.dep_ == "prep")
    rule = match_verb(verb, particles, object_heads(objects[0], [], noun) if objects else set())
    if rule is None or not rule.code or not rule.code[0].isdigit():
        return None
    return rule


# "Xi's visit to Moscow", "Biden's meeting with Kishida": who a visit or a meeting is for.
RECIPIENT_PREPS = frozenset({"to", "with"})


def _recipient_phrase(noun, resolver: ArticleActors, actor: Actor) -> Actor | None:
    """Whom a meeting or a visit is with or to: its "with"/"to" phrase ("a visit to Togo"), or a
    country's name before a visit ("Sunak's US visit", "during a Canada visit")."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in RECIPIENT_PREPS:
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                found = resolver.resolve(pobj, remember=False, as_target=True) or resolver.place(pobj)
                if found is not None and found.code != actor.code:
                    return found
    if noun.lemma_.lower() in DESTINATION_NOUNS:
        for modifier in (c for c in noun.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"):
            found = resolver.resolve(modifier, remember=False, as_target=True)
            if found is not None and found.code == found.country and found.code != actor.code:
                return found
    return None


# Nouns of going somewhere, whose country named before them is where: "a US visit", "his China trip".
DESTINATION_NOUNS = frozenset({"visit", "trip", "tour"})


def _person_possessor(noun, code: str) -> bool:
    """The noun's possessive names a person. With no object phrase, a person's arrest, detention
    or ouster is done to them ("Khan's arrest"); a state's is done by it ("Russia's annexation"),
    and so is a person's with an object ("Biden's recognition of ..."). For coercion and assault
    a leader's surname alone is a person's too, whatever the tagger makes of it ("Trump's Georgia
    arrest", tagged ORG), but not a place's name that is also a monarch's ("Belgium's ban")."""
    return any(child.dep_ == "poss" and (child.ent_type_ == "PERSON" or ontology.is_person_name(
        " ".join(t.text for t in name_tokens(child) if t.dep_ != "case")) or (
            (code[:2] in DONE_TO_ROOTS or code[:3] in DONE_TO_CODES) and child.ent_type_ not in ORIGIN_ENTITIES
            and not names_a_place(child) and ontology.is_leader_surname(child.text)))
        for child in noun.children)


# Acts a leader named by surname before them undergoes rather than does, object or not.
DONE_TO_ROOTS = frozenset({"17", "18", "20"})
DONE_TO_CODES = frozenset({"115", "116"})  # an indictment, a trial: "Trump's indictment"
ORIGIN_ENTITIES = frozenset({"NORP", "GPE", "LOC"})  # a people's or a place's name (targets reads it too)


def _quoted_not_possessive(possessor) -> bool:
    """"murdered in Pakistan 'honour killings'": a bare apostrophe after a name that does not end
    in "s" opens a quotation; only "the Philippines' ban" or "Jones' arrest" take one as a
    possessive."""
    return any(c.dep_ == "case" and c.text in ("'", "’") for c in possessor.children) and not possessor.lower_.endswith("s")


def _explicit_agent(noun, resolver: ArticleActors) -> Actor | None:
    for child in noun.children:
        if child.dep_ == "poss" and not _quoted_not_possessive(child):
            actor = resolver.resolve(child, remember=False)
            if actor is not None:
                return actor
    # "Russia claims capture of Maryinka": who claims the act says it did it.
    claim = claiming_verb(noun)
    if claim is not None and noun.dep_ == "dobj":
        for subject in (c for c in claim.children if c.dep_ == "nsubj"):
            actor = resolver.resolve(subject, remember=False)
            if actor is not None:
                return actor
    return _by_phrase_agent(noun, resolver) or _named_by_its_side(noun, resolver)


def _by_phrase_agent(noun, resolver: ArticleActors) -> Actor | None:
    """"the arrest of the leader by Tunisian police": the parser often hangs "by" on the object."""
    holders = [noun] + [pobj for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
                        for pobj in prep.children if pobj.dep_ == "pobj"]
    return _first_resolved_object((prep for holder in holders for prep in holder.children
                                   if prep.dep_ in ("prep", "agent") and prep.lower_ == "by"), resolver)


SIDE_OBJECT_PREPS = frozenset({"of", "on", "against"})


def _named_by_its_side(noun, resolver: ArticleActors) -> Actor | None:
    """"Russian ban of a wildlife fund", "the US ban on Chinese imports": a demonym or a state's
    name before a noun whose object the text names is the one who acts. Alone ("Russian
    sanctions") it may as well be the one acted on, and names no agent."""
    objects = [pobj for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in SIDE_OBJECT_PREPS
               for pobj in prep.children if pobj.dep_ == "pobj"]  # not "from": "Afghan deportations from Pakistan"
    if not objects:
        return None
    for child in noun.children:
        if (child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE", "ORG") and child.i < noun.i
                and not any(t.pos_ == "NOUN" for t in noun.doc[child.i + 1:noun.i])):  # "Ukrainian grain ban"
            actor = resolver.resolve(child, remember=False)
            if actor is not None and not any(
                    (found := resolver.resolve(o, remember=False, as_target=True)) is not None and found.code == actor.code
                    for o in objects):
                return actor
    return None


def _first_resolved_object(preps, resolver: ArticleActors) -> Actor | None:
    """The first object of these prepositions (or agent phrases) that names an actor."""
    for prep in preps:
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                actor = resolver.resolve(pobj, remember=False)
                if actor is not None:
                    return actor
    return None


# Weapons that do what their user does: "a bomb planted by militants killed ...",
# "a Russian missile hit ...".
INSTRUMENT_NOUNS = frozenset({
    "bomb", "bombs", "missile", "missiles", "rocket", "rockets", "drone", "drones", "shell", "shells",
    "mine", "mines", "grenade", "explosive", "explosives", "device", "strike", "strikes", "airstrike",
    "airstrikes", "artillery", "mortar", "mortars", "shelling", "barrage", "sniper", "gunfire",
    "fire", "shellfire", "bombardment", "bombing", "bombings",
})


def instrument_agent(subject, resolver: ArticleActors) -> Actor | None:
    """Who used the weapon that is a clause's subject: its modifiers, "by"/"from" phrase,
    or the agent of a participle on it ("a bomb planted by Taliban militants")."""
    if subject.lemma_.lower() not in INSTRUMENT_NOUNS and subject.lower_ not in INSTRUMENT_NOUNS:
        return None
    actor = _agent(subject, resolver)
    if actor is not None:
        return actor
    return _first_resolved_object((agent for clause in subject.children if clause.dep_ == "acl"
                                   for agent in clause.children if agent.dep_ == "agent"), resolver)


POSTURE_ROOT = "15"
# A state's forces (army, police), and with armed groups and spies the sectors of armed actors.
FORCE_ROLES = frozenset({"MIL", "COP"})
ARMED_SECTORS = FORCE_ROLES | frozenset({"REB", "SPY"})


def state_or_armed(actor: Actor) -> bool:
    """A state or an armed actor: who can show force, and whom a strike hits ("a SpaceX satellite
    launch" shows none; "a strike against Ford" hits no one)."""
    return actor.code == actor.country or actor.actor_type in ARMED_SECTORS


# A launch or test phrase that aims it: "missile launches on Kyiv", "toward shipping lanes".
AIMED_PREPS = TARGET_PREPS | frozenset({"toward", "towards", "over"})
# What makes a satellite a weapon's: "spy satellite launch" (not "weather satellite launch").
SPACE_NOUNS = frozenset({"satellite", "satellites"})
MILITARY_SPACE_WORDS = frozenset({"spy", "military", "reconnaissance", "surveillance"})


def _shows_force(noun, actor: Actor) -> bool:
    """A launch or a weapon's test (nominal_events.csv, 150) is a show of force by a state or an
    armed group, while it hits no one ("missile launches on Kyiv" are an attack, which the noun
    does not code), has happened ("will conduct a nuclear test soon", "watch for a missile test":
    not yet) and is a weapon's: a satellite's launch only when the satellite is a spy's."""
    if not state_or_armed(actor):
        return False
    if any(prep.dep_ == "prep" and prep.lower_ in AIMED_PREPS for prep in noun.children):
        return False
    if _unrealized_or_counted_from(noun) or _not_yet(noun):
        return False
    words = {t.lower_ for t in noun.subtree} | {t.lower_ for t in noun.doc[max(noun.i - 3, 0):noun.i]}
    return not words & SPACE_NOUNS or bool(words & MILITARY_SPACE_WORDS)


def _not_yet(noun) -> bool:
    """The noun is the object of a verb in the future or of one that waits for it: "will conduct
    a nuclear test", "to watch for a missile test"."""
    head = noun.head.head if noun.dep_ == "pobj" else noun.head
    if head.pos_ not in ("VERB", "AUX"):
        return False
    future = any(c.dep_ == "aux" and (c.lower_ in FUTURE_AUX or c.lower_ == "to") for c in head.children)
    return future or is_hypothetical(head) or (noun.dep_ == "pobj" and noun.head.lower_ == "for")


# "Putin oversaw the test-firing", "Kim guided the missile launches": the one in charge of a
# launch or a test is its agent (not one who watches it: a visitor, a rival's spy plane).
OVERSEEING_VERBS = frozenset({"oversee", "guide", "supervise", "direct"})


def _agent(noun, resolver: ArticleActors) -> Actor | None:
    modifiers = [t for t in name_tokens(noun) if t.i != noun.i and t.dep_ in ("amod", "compound", "poss", "nmod")
                 and not (t.dep_ == "poss" and _quoted_not_possessive(t))]
    # a word of a name before the noun is read with that name first ("Afghan Taliban raid": the
    # Taliban's), and alone only when the name names no one ("Russian Black Sea Fleet blockade")
    within = [t for t in modifiers if t.head.i != noun.i and t.head.pos_ == "PROPN" and t.dep_ in ("amod", "compound")]
    modifiers = [t for t in modifiers if t not in within] + within
    if noun.lemma_.lower() not in HOME_CONFLICT_NOUNS and not any(
            prep.dep_ == "prep" and prep.lower_ in TARGET_PREPS for prep in noun.children):
        modifiers = [t for t in modifiers if t.dep_ == "poss" or not (
            names_a_place(t) or any(c.dep_ in ("compound", "nmod") and names_a_place(c) for c in t.children))]
    for modifier in modifiers:
        actor = resolver.resolve(modifier, remember=False)
        if actor is not None:
            return actor
    if (noun.dep_ == "conj" and noun.head.pos_ == "NOUN" and (is_weapon(noun.head) or nominal_code(noun.head))
            and not any(c.dep_ in ("det", "poss", "amod") or (c.dep_ == "compound" and c.pos_ != "NOUN")
                        for c in noun.children)):
        # "Russian missile and drone strikes", "Israeli artillery and air strikes": the modifier
        # before the first means or act is both nouns' (not "Chinese subsidies and a blockade",
        # not "the French revolution and WWII bombing": a phrase of its own)
        for modifier in (t for t in noun.head.children if t.dep_ in ("amod", "poss") and t.i < noun.head.i):
            actor = resolver.resolve(modifier, remember=False)
            if actor is not None:
                return actor
    actor = _first_resolved_object((prep for prep in noun.children
                                    if prep.dep_ in ("prep", "agent") and prep.lower_ in AGENT_PREPS), resolver)
    if actor is not None:
        return actor
    # "Houthi rebels claimed responsibility for a missile attack on ...", "Russia claims
    # capture of Maryinka": who claims it did it.
    claimer = claiming_verb(noun)
    if claimer is not None:
        for subject in claimer.children:
            if subject.dep_ == "nsubj":
                return resolver.resolve(subject, remember=False)
    overseen = noun.dep_ == "dobj" and noun.head.lemma_.lower() in OVERSEEING_VERBS
    if overseen and (nominal_code(noun, standalone_only=False) or "").startswith(POSTURE_ROOT):
        for subject in noun.head.children:
            if subject.dep_ == "nsubj":
                return resolver.resolve(subject, remember=False)
    # "The United States responded with airstrikes on ...": the clause's subject did it.
    if noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.pos_ == "VERB":
        for subject in noun.head.head.children:
            if subject.dep_ == "nsubj":
                return resolver.resolve(subject, remember=False)
    return None


CLAIM_VERBS = frozenset({"claim", "accept", "admit", "take"})
# "claimed the capture of Maryinka": the claimer says it did the act.
OWN_ACT_CLAIM_VERBS = frozenset({"claim"})


def claiming_verb(noun):
    """The verb of "claimed responsibility for <noun>" ("accepted", "took") or of "claimed
    <noun>", or None. The claim is how the act is reported; the act is the news (as
    "claimed to have captured" is, GOLD.md rule 4)."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in OWN_ACT_CLAIM_VERBS:
        return noun.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head.lemma_.lower() != "responsibility":
        return None
    verb = prep.head.head
    return verb if prep.head.dep_ == "dobj" and verb.lemma_.lower() in CLAIM_VERBS else None


# Fighting a country's name comes before is its own ("Sudan fighting": its army and a rival force).
HOME_CONFLICT_NOUNS = frozenset({"fighting", "clash", "clashes", "war", "conflict", "unrest", "violence"})


def names_a_place(token) -> bool:
    """The token ends the name of a country, a capital or a place of the table ("Japan", "Kyiv",
    "South Korea"). Before an attack noun, or before another of its modifiers, such a name says
    where it happened ("killed in Japan attack", "Uganda school attack"), not who did it. A demonym
    does ("Russian drone attack"), as do initials ("US air strike") and a name before the attack's
    "on" phrase ("Iran attack on Israel")."""
    if token.text.replace(".", "").isupper():  # "US air strike", "UK raid": initials stand for the actor
        return False
    doc = token.doc
    for size in (3, 2, 1):
        if token.i - size + 1 >= 0:
            words = " ".join(t.lower_ for t in doc[token.i - size + 1: token.i + 1])
            if words in ontology.place_names():
                return True
    return False


# Verbs that say what an attack did to what it hit: "airstrikes hit buildings in Khan Younis".
# Other verbs ("the attack raised concerns about Taiwan") say nothing about its target.
IMPACT_VERBS = frozenset({"hit", "strike", "kill", "destroy", "damage", "injure", "wound", "target",
                          "flatten", "level", "pound", "devastate", "raze", "rock", "batter", "shake"})


def nominal_target(noun, resolver: ArticleActors, actor: Actor) -> Actor | None:
    """The target of an attack named by a noun: its "on"/"against" phrase, the country or place
    it is "of" ("the bombardment of Gaza", "Russia's invasion of Ukraine"), the place it happened
    in, or what the clause it is the subject of says it hit."""
    # The noun's own phrases, those of a participle on it ("strikes reported in Ukraine's east"), and
    # those the parser hung on its agent ("an attack by Russian forces on Kyiv").
    phrases = list(noun.children) + [c for acl in noun.children if acl.dep_ == "acl" for c in acl.children]
    phrases += [c for prep in noun.children if prep.dep_ in ("prep", "agent") and prep.lower_ in AGENT_PREPS
                for pobj in prep.children if pobj.dep_ == "pobj" for c in pobj.children]
    for preps in (TARGET_PREPS, OF_PREPS):
        found = _phrase_target(phrases, preps, resolver, actor)
        if found is not None:
            return found
    # "a raid in Benin targeted a Boko Haram leader": whom the noun's clause names as hit comes
    # before where it happened; a place (a country named only as where) comes after.
    # (only the object's own words: "killed a man wanted by Interpol" hit no Interpol)
    found = _named_as_hit(noun, resolver, actor, own_words_only=True)
    if found is not None and found.code != found.country:
        return found
    return (_victims_of(noun, resolver, actor) or _phrase_target(phrases, PLACE_PREPS, resolver, actor)
            or _named_as_hit(noun, resolver, actor) or _clause_place(noun, resolver, actor))


# Verbs of what an attack does to people: "a Ukrainian writer killed in a Russian missile attack".
HARM_VERBS = frozenset({"kill", "injure", "wound", "die", "hurt", "maim"})


def _victims_of(noun, resolver: ArticleActors, actor: Actor) -> Actor | None:
    """Whom the attack harmed, when the noun says in what they were harmed: "a Ukrainian father was
    killed in a Russian missile strike", "writer Amelina, killed in a Russian missile attack"
    (the victims' country is the attack's target, before any place the sentence names)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.head.lemma_.lower() not in HARM_VERBS:
        return None
    verb = prep.head
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        victims = [verb.head]  # "the writer killed in ...": the noun it describes
    elif verb.tag_ == "VBN" or verb.lemma_.lower() == "die" or any(c.dep_ == "auxpass" for c in verb.children):
        victims = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    else:
        return None  # "the strike killed ...": its object, which _named_as_hit reads
    for victim in victims:
        found = resolver.resolve(victim, remember=False, as_target=True)
        if found is not None and found.code != actor.code:
            return found
    return None


def _phrase_target(phrases, preps, resolver: ArticleActors, actor: Actor) -> Actor | None:
    for prep in phrases:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            # "strikes on Houthi positions" names a group; "of Gaza", "in Kharkiv" only a country's place.
            found = _country_in(prep, resolver, any_actor=preps is TARGET_PREPS)
            if found is not None and found.code != actor.code:
                return found
    return None


def _named_as_hit(noun, resolver: ArticleActors, actor: Actor, own_words_only: bool = False) -> Actor | None:
    """"Israeli airstrikes hit buildings in Khan Younis": the noun's own clause names the target."""
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() in IMPACT_VERBS:
        for child in noun.head.children:
            if child.dep_ == "dobj" or (child.dep_ == "prep" and child.lower_ in TARGET_PREPS | PLACE_PREPS):
                found = _country_in(child, resolver, any_actor=child.dep_ == "dobj" or child.lower_ in TARGET_PREPS,
                                    outside=CLAUSE_DEPS if own_words_only else APPOSITION)
                if found is None and child.dep_ == "dobj":
                    found = next((p for prep in child.children if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS
                                  for p in [_country_in(prep, resolver)] if p is not None), None)
                if found is not None and found.code != actor.code:
                    return found
    return None


def _clause_place(noun, resolver: ArticleActors, actor: Actor) -> Actor | None:
    """"... are killed in a strike on a market in Kharkiv, Ukraine": the clause's place."""
    head = noun.head
    while head.dep_ == "prep":
        head = head.head
    for prep in head.children:  # ("killed in an Israeli airstrike on a tent ... in Gaza": the clause's "on" too)
        if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS | TARGET_PREPS and prep.i > noun.i:
            found = _country_in(prep, resolver)
            if found is not None and found.code != actor.code:
                return found
    return None


APPOSITION = frozenset({"appos"})
CLAUSE_DEPS = APPOSITION | {"acl", "relcl"}


def _country_in(prep, resolver: ArticleActors, any_actor: bool = False, outside: frozenset = APPOSITION) -> Actor | None:
    """The first country (or capital) named anywhere inside the phrase (or any actor), outside
    appositions ("buildings in Hamad City, a Qatari-funded development": Qatar funded, not hit)
    or the other phrases `outside` names."""
    for token in prep.subtree:
        named = token.pos_ in ("PROPN", "ADJ") or (token.text.isupper() and len(token.text) > 1)  # "ISIS" tagged NOUN
        if not named or _in_apposition(token, prep, outside):
            continue
        actor = resolver.resolve(token, remember=False, as_target=True)
        if actor is not None and (any_actor or actor.code == actor.country):
            return actor
    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
        place = resolver.place(pobj)  # "a missile attack in Kherson": the country of the place
        if place is not None:
            return place
    for token in prep.subtree:  # "on a tent ... in the Khan Yunis refugee camp": a place further in
        if token.pos_ == "PROPN" and token.dep_ in ("pobj", "compound", "appos", "conj"):
            place = resolver.place(token)
            if place is not None:
                return place
    return None


def _in_apposition(token, top, deps: frozenset = APPOSITION) -> bool:
    while token.i != top.i and token.head.i != token.i:
        if token.dep_ in deps:
            return True
        token = token.head
    return False


MUTUAL_NOUNS = frozenset({"clash", "clashes", "shootout", "firefight", "fighting", "gunfight"})


def _casualties_of(noun, resolver: ArticleActors) -> tuple[Actor, Actor | None] | None:
    """'Six Pakistani soldiers and nine Taliban gunmen are killed in a shootout': both sides fought."""
    if noun.lower_ not in MUTUAL_NOUNS or noun.head.dep_ != "prep":
        return None
    verb = noun.head.head
    victims = [c for c in verb.children if c.dep_ == "nsubjpass"]
    from transforms.extract.actors import resolve_all

    sides = []
    for actor in resolve_all(resolver, victims):
        if all(actor.code != other.code for other in sides):
            sides.append(actor)
    return (sides[0], sides[1]) if len(sides) >= 2 else None


def _between(noun, resolver: ArticleActors) -> tuple[Actor, Actor | None] | None:
    """'clashes between Syrian security forces and the SDF' → both sides (or the one we know);
    'US-China talks', 'the Biden-Xi meeting' → both sides, named by a hyphenated pair."""
    pair = _hyphenated_pair(noun, resolver)
    if pair is not None:
        return pair
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in PAIR_PREPS:
            sides = []
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    from transforms.extract.actors import resolve_all

                    sides = resolve_all(resolver, [pobj], as_target=True)
            if len(sides) >= 2 and sides[0].code != sides[1].code:
                return sides[0], sides[1]
            if len(sides) == 1:
                return sides[0], None
    return None


# Hostages named with whoever holds them: "a hostage of Hamas", "freeing Russian hostages from
# Hamas", "Hamas's hostages" (181, abduct or take hostage); their nationality is the target.
CAPTIVE_NOUNS = frozenset({"hostage", "captive"})
HOLDER_PREPS = frozenset({"of", "from"})
HOSTAGE_TAKING = "181"


def held_captives(noun, resolver: ArticleActors) -> tuple[object, str, Actor, Actor | None] | None:
    """(noun, 181, holder, the hostages' country) for hostages named with their holder: a group
    or body, not a state or a place ("hostages from Kibbutz Be'eri" is where they came from)."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.lower_.removesuffix("s") not in CAPTIVE_NOUNS:
        return None  # "Hostages" of a headline in title case is tagged a name
    holders = [c for c in noun.children if c.dep_ == "poss"]
    holders += [p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in HOLDER_PREPS
                for p in prep.children if p.dep_ == "pobj"]
    if noun.dep_ == "dobj":  # "freeing Russian hostages from Hamas": the verb's "from" phrase
        holders += [p for prep in noun.head.children if prep.dep_ == "prep" and prep.lower_ == "from"
                    for p in prep.children if p.dep_ == "pobj"]
    for holder in holders:
        actor = resolver.resolve(holder, remember=False)
        if actor is not None and actor.code != actor.country and actor.actor_type != "IGO":
            nationality = next((a for a in (resolver.resolve(m, remember=False, as_target=True) for m in noun.children
                                            if m.dep_ in ("amod", "compound")) if a is not None and a.code != actor.code), None)
            return noun, HOSTAGE_TAKING, actor, nationality
    return None


# Words that tell people are held by captors: "a captured soldier", "citizens who were taken
# hostage", "the abducted girls", "freed four hostages". Not "seized" or "detained": a state's
# police seize and detain.
CAPTORS_WORDS = frozenset({"capture", "kidnap", "abduct", "hostage", "captive"})


def held_by_captors(noun, freer: Actor, resolver: ArticleActors) -> bool:
    """The freed are said to be held by captors other than the freer's own state ("freed a
    captured soldier", "freed four hostages", "citizens taken hostage by Hamas"), not its
    prisoners ("priests who had been abducted by police", "protesters it captured")."""
    for word in noun.subtree:
        if word.lemma_.lower() not in CAPTORS_WORDS and word.lower_.removesuffix("s") not in CAPTIVE_NOUNS:
            continue
        captor = _captor(word, holding=word.i != noun.i)
        if captor is None:
            return True
        if captor.pos_ == "PRON" or ontology.role_types().get(captor.lemma_.lower()) in DETAINING_SECTORS:
            return False  # "protesters it captured", "abducted by police": the state's own detention
        held_by = resolver.resolve(captor, remember=False)
        return held_by is None or freer.code not in (held_by.code, held_by.country)
    return False


HOLDING_VERBS = frozenset({"take", "hold"})
# A state's bodies that detain: captives of its police, courts or intelligence are its prisoners.
DETAINING_SECTORS = frozenset({"COP", "JUD", "SPY", "GOV"})


def _captor(word, holding: bool):
    """Who took the captives, as the phrase says: the agent of "captured by" or (`holding`: a
    word of the freed's own phrase) of "taken hostage by", or the subject of "it captured";
    None when it does not say."""
    verbs = [word] + ([word.head] if holding and word.head.lemma_.lower() in HOLDING_VERBS else [])
    for verb in verbs:
        for child in verb.children:
            if child.dep_ == "agent":
                return next((p for p in child.children if p.dep_ == "pobj"), None)
            if child.dep_ == "nsubj" and verb.pos_ == "VERB":
                return child
    return None


CALLED_OFF = "called off"  # a pair's meeting that did not or will not take place


def _meeting_of_a_pair(noun, resolver: ArticleActors) -> tuple[str, tuple[Actor, Actor]] | str | None:
    """'the Xi-Biden meeting', 'US-China talks resume', 'on Xi Jinping-Joe Biden meeting day': a
    meeting named after its two sides is the meeting the story is about, wherever the noun
    stands (the small model often parses it as a modifier of the next word). Only meetings
    (04): "the Israel-Hamas war" is named so on every day it lasts. Not one that has not
    happened or that time is counted from ("since the Xi-Biden summit"); one that someone wants,
    that is called off or that a year dates is CALLED_OFF, and no event of the noun's at all."""
    if noun.pos_ not in ("NOUN", "PROPN", "VERB") or noun.i < 3:
        return None
    if not any(noun.doc[noun.i - after - 1].text in HYPHENS for after in range(1, MAX_SIDE_TOKENS + 1)):
        return None  # no hyphen right before it: the common case, settled before any lookup
    code = nominal_code(noun, standalone_only=False)
    if code is None or not code.startswith(MEETING_ROOT):
        return None
    called_off = _called_off(noun)
    if not called_off and _unrealized_or_counted_from(noun):
        return None
    pair = _hyphenated_names(noun, resolver)
    if pair is None:
        return None
    if ((noun.dep_ == "pobj" and noun.head.lower_ == "for") or called_off
            or _dated_before(noun, resolver.on_date)):
        # "plan for", "hopes fade for Russia-Ukraine talks"; "Ghana-Togo talks cancelled";
        # "the 2018 Trump-Kim summit"
        return CALLED_OFF
    return code, pair


# Verbs (with their particle, where it makes the sense) that call a meeting off.
CALLING_OFF = frozenset({("cancel", ""), ("postpone", ""), ("delay", ""), ("scrap", ""), ("suspend", ""),
                         ("shelve", ""), ("abandon", ""), ("call", "off"), ("rule", "out")})
PUT_OFF_VERBS = frozenset({"postpone", "delay", "suspend"})  # what is put off may still happen
MAX_SIDE_TOKENS = 2  # "Xi Jinping-Joe Biden meeting": a side is a name of one or two words
HYPHENS = frozenset({"-", "–"})  # a hyphen, or the en dash headlines also join pairs with


def _dated_before(noun, on_date) -> bool:
    """'the 2018 Trump-Kim summit' in a later year's story: a meeting of years past."""
    years = [int(c.text) for c in noun.children if c.like_num and c.text.isdigit() and len(c.text) == 4]
    return any(on_date is None or year < on_date.year for year in years)


def _called_off(noun) -> bool:
    """The event is what a verb calls off: its object, its passive subject or a participle on
    it ("rules out Ghana-Togo summit", "the Macron-Scholz meeting was called off", "talks
    cancelled after ...", "France visit postponed"); not the subject that delays something else
    ("the Xi-Putin talks delayed a deal")."""
    # a participle on it calls it off only for good: "talks, postponed last week, took place"
    verbs = [c for c in noun.children if (c.dep_ == "acl" or (c.dep_ == "advcl" and c.tag_ == "VBN"))
             and c.lemma_.lower() not in PUT_OFF_VERBS]
    if noun.dep_ in ("dobj", "nsubjpass") or (  # a headline's passive without "was": "visit postponed"
            noun.dep_ == "nsubj" and noun.head.tag_ in ("VBN", "VBD")
            and not any(c.dep_ in ("dobj", "conj") for c in noun.head.children)):
        verbs.append(noun.head)
    for verb in verbs:
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
        if (verb.lemma_.lower(), particle) in CALLING_OFF or (verb.lemma_.lower(), "") in CALLING_OFF:
            return True
    return False


def _hyphenated_names(noun, resolver: ArticleActors) -> tuple[Actor, Actor] | None:
    """The two sides named by the words right before the noun, joined by a hyphen, each of one
    or two words ("US-China talks", "Xi Jinping-Joe Biden meeting"), however the parser hung them."""
    doc = noun.doc
    for after in range(1, MAX_SIDE_TOKENS + 1):
        hyphen_i = noun.i - after - 1
        if hyphen_i < 1 or doc[hyphen_i].text not in HYPHENS:
            continue
        if _one_hyphenated_name(doc[hyphen_i - 1], doc[hyphen_i], doc[hyphen_i + 1], resolver):
            return None  # "Guinea-Bissau talks": one country's name
        for before in range(1, MAX_SIDE_TOKENS + 1):
            if hyphen_i - before < 0:
                continue
            first = _named_side(doc[hyphen_i - before : hyphen_i], resolver)
            second = _named_side(doc[hyphen_i + 1 : noun.i], resolver)
            if first is not None and second is not None and first.code != second.code:
                return first, second
    return None


def _named_side(span, resolver: ArticleActors) -> Actor | None:
    """One side of a hyphenated pair: one word (as `_side`) or a two-word name the tables know."""
    if len(span) == 1:
        return _side(span[0], resolver)
    if not all(t.pos_ == "PROPN" for t in span):
        return None
    entry = resolver.lookup(span.text)
    return Actor(entry.code, span.text, entry.country, None, "gazetteer") if entry is not None else None


def _labels_a_pair(noun, resolver: ArticleActors) -> bool:
    """'China-EU summit: Beijing open to ...': a headline named after a meeting of two sides."""
    return noun.dep_ == "ROOT" and _hyphenated_pair(noun, resolver) is not None


def _hyphenated_pair(noun, resolver: ArticleActors) -> tuple[Actor, Actor] | None:
    """The two sides of "Ghana-Togo talks" or "Ghanaian-Togolese talks": the modifier right before
    the noun and the one joined to it by a hyphen, each naming a different actor."""
    doc = noun.doc
    if noun.i < 3:
        return None
    second, hyphen, first = doc[noun.i - 1], doc[noun.i - 2], doc[noun.i - 3]
    if hyphen.text != "-" or second.dep_ not in ("compound", "amod") or second.head.i != noun.i:
        return None
    if first.head.i not in (second.i, noun.i):
        return None
    if _one_hyphenated_name(first, hyphen, second, resolver):
        return None  # "Guinea-Bissau talks": one country's name
    # Each side alone: the name of "Togo" as the parser joins it is "Ghana-Togo".
    sides = [_side(token, resolver) for token in (first, second)]
    if any(side is None for side in sides) or sides[0].code == sides[1].code:
        return None
    return sides[0], sides[1]


def _one_hyphenated_name(first, hyphen, second, resolver: ArticleActors) -> bool:
    """"Guinea-Bissau", "Timor-Leste": the words and hyphen, written without spaces, are one name."""
    return (not first.whitespace_ and not hyphen.whitespace_
            and resolver.lookup(first.text + hyphen.text + second.text) is not None)


def _side(token, resolver: ArticleActors) -> Actor | None:
    """One side of a hyphenated pair: a name the tables know, or the surname of a leader in
    office on the article's date ("the Mahama-Gnassingbé meeting")."""
    entry = resolver.lookup(token.text)
    if entry is not None:
        return Actor(entry.code, token.text, entry.country, None, "gazetteer")
    return resolver.leader(token.text) if token.pos_ == "PROPN" else None
