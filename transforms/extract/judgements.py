"""Criticism told as a judgement in speech: the statement is the criticism.

"The foreign minister said the strikes were unacceptable", "described the situation as
abhorrent", "said “flagrant war crimes” were being committed": the speaker says nothing
happened beyond the judgement, and CAMEO codes such a statement as criticism (111) or, for
war crimes and crimes against humanity, as an accusation of them (1124), not as a plain
statement (010). The words are in schemas/data/judgements.csv:
- "predicate" phrases count as what the reported clause says its subject is ("were
  unacceptable", "was a provocation", "described ... as abhorrent");
- "anywhere" phrases count wherever they stand in the reported content, except as a
  modifier of another noun ("a war crimes tribunal").

What is judged may be a situation as well as an act ("described the situation as abhorrent" is
criticism to the team's coders too), so a judgement of a harvest would count as well; in
political news such words are seldom about anything else.

A reported clause that says what another actor must do is a demand of that actor (100):
"Israel must face an international court – Erdogan", "Brussels must trim its budget, EU capitals
say"; what it should do is advice, an appeal (020: "BRICS should strengthen ties, Russian
minister says"). The speaker's own duty ("said it must act") is no demand. One that says what
must be done to something, naming no actor as its subject, asks no one named: an appeal (020,
"says hospitals must be protected"), aimed at the thing's owner if it has one.

The recipient is who the judged thing belongs to: the subject when it names an actor, its
possessor ("said Israel's actions were ..."), or its "by" agent ("the sanctions imposed by
ECOWAS").

The curated words are few; beyond them a sentiment lexicon decides (VADER's, from the
vaderSentiment package: about 7,500 words rated by people from -4 to +4). A predicate rated at
or below CONDEMNING ("described China as the existential threat", "said Kyiv's plan was a
failure"), or a negated one rated at or above its opposite ("said the UN chief was not fit to
lead"), is criticism too, but only of a named actor other than the speaker: without one, a
negative word is as likely about a flood or a market as about anyone. Words for how someone
feels ("afraid", "worried": schemas/data/feelings.csv) judge nobody.

A reported clause may also tell what another actor did wrong: "says Rishi Sunak has betrayed the
nation", "says Russia is using gold to evade sanctions". The wrong is alleged, not told as fact,
and is no event of its own; the saying accuses its doer (112). The verbs of wrongdoing are in
schemas/data/wrongdoing_verbs.csv; a sentiment rating alone does not do here, as it would for "says
Russia lost ground" or "fears" (said of a loss or a feeling, no one's wrong). Any act told as done
wrongfully is a wrong too (schemas/data/wrongful_manners.csv: "says a US destroyer entered its
waters without permission", "illegally", "in breach of"), and so is one done as a shield or
a pretext ("says Hamas uses hospitals as human shields"; "uses" alone is no wrong: "says Kenya
will use the loan to build roads"). A clause whose verb is an event of its
own ("says Russia attacked Kyiv") is that event (GOLD.md rule 4), not an accusation; private
people and migrants do no state's wrong.
"""
from __future__ import annotations

import functools
import re

from schemas import ontology
from transforms.extract.actors import OUTLET_ROLES, PRIVATE_PEOPLE, Actor, ArticleActors, resolve_all
from transforms.extract.clauses import agents_of, is_negated, is_obligation
from transforms.extract.targets import OWN_INSTITUTION
from transforms.extract.tense import PERFECT_AUXILIARIES

COPULAS = frozenset({"be", "remain", "seem", "appear", "become", "constitute", "amount"})
# Verbs that say what their object is ("called the move outrageous", "dubbed him a traitor"):
# not events in themselves (verbs.csv), but a judgement when what they name the object condemns
# it, as "said the move was outrageous" is.
NAMING_VERBS = frozenset({"call", "deem", "dub", "term", "find", "label"})
QUOTATION_MARKS = frozenset({"'", "‘", "’", '"', "“", "”", "``", "''"})
# How far after the naming verb its quoted name may open: "calls Biden's EV push a 'ridiculous".
NAME_REACH = 8
# What makes "call" a call for or on someone, however the parser hangs it ("for" as a mark)
CALLING_PARTICLES = frozenset({"for", "on", "off", "up"})
# Where the words after a naming verb stop being its object: a clause, a purpose, another verb
# ("called Zelensky and said the attacks were 'barbaric'") or a preposition of the verb's own
# ("called on Iran to ...") begins.
NAME_BOUNDARIES = frozenset({",", ";", ":", "that", "to", "after", "before", "because", "while", "when",
                            "and", "but", "or"})
PREDICATE_DEPS = frozenset({"acomp", "attr", "oprd"})
# Who a reported clause judges ("said the strikes were ...", "were committed by X"); not
# clauses.SUBJECT_DEPS, which are the subjects that act.
JUDGED_DEPS = frozenset({"nsubj", "nsubjpass"})
# How the parser hangs the subject of a headline with no verb on its predicate: "US, UK
# complicit in attack", "Zelensky ally unfit to lead"
VERBLESS_JUDGED_DEPS = frozenset({"nmod", "compound", "amod"})
DEMAND = "100"
APPEAL = "020"
CRITICISM = "111"
ACCUSATION = "112"
CONDEMNING = -1.4  # VADER's mean rating: "mistake" -1.4, "failure" -2.3, "threat" -2.4


def judgement(verb, speaker: Actor, resolver: ArticleActors) -> tuple[str, Actor | None] | None:
    """(CAMEO code, recipient) when what the speech verb reports is a judgement, else None."""
    for content, predicates, judged in _contents(verb):
        found = _judged(content, predicates, judged, speaker, resolver, reported=content.dep_ == "ccomp")
        if found is not None:
            return found
    return None


def attributed_judgement(root, speaker: Actor, resolver: ArticleActors) -> tuple[str, Actor | None] | None:
    """A headline attributed to its speaker ("Canada is a hostage to Nazi ideology – Moscow",
    "EU must reconsider its Ukraine policy – member state") is what the speaker said: its root is
    the reported clause, judged, demanded or accusing as a clause after "says" is."""
    return (_judged(root, *_clause_parts(root), speaker, resolver, reported=True)
            or _accused(root, speaker, resolver, events_at=set()))


def _judged(content, predicates, judged, speaker: Actor, resolver: ArticleActors,
            reported: bool) -> tuple[str, Actor | None] | None:
    """What one reported content says: a demand or advice (`reported`: a clause, whose modal
    asks something of its subject), a judging word, or a condemning predicate."""
    if reported and is_obligation(content):
        owner = _judged_owner(judged, speaker, resolver)
        if any(c.dep_ == "auxpass" for c in content.children) and not any(
                resolver.resolve(head, remember=False) for head in judged):
            # "says hospitals must be protected": asked of no one it names; the subject is
            # what is to be done to ("Israel should be brought to account" names whom it
            # demands of)
            return APPEAL, owner
        if owner is not None and _regretted(content):
            return CRITICISM, owner  # "Israel should not have attacked the consulate"
        if owner is not None:
            if _judged_by_copula(content):  # "should be ashamed": a judging adjective judges
                code = _judging_code(content, predicates) or (
                    CRITICISM if _condemning(predicates, is_negated(content)) else None)
                if code is not None:
                    return code, owner
            return (APPEAL if _advised(content) else DEMAND), owner
    negated = is_negated(content)
    if not negated:
        code = _judging_code(content, predicates)
        if code is not None:
            return code, _judged_owner(judged, speaker, resolver)
    if _condemning(predicates, negated):
        owner = _judged_owner(judged, speaker, resolver)
        if owner is not None:
            return CRITICISM, owner
    return None


def accusation(verb, speaker: Actor, resolver: ArticleActors, events_at: set[int]) -> tuple[str, Actor] | None:
    """(112, the accused) when a clause the speech verb reports tells a wrong its subject did
    ("says Sunak has betrayed the nation"), or one it did so as to do ("is using gold to evade
    sanctions"); `events_at` are the token indices of verbs that tell an event of their own."""
    for content in (c for c in verb.children if c.dep_ == "ccomp"):
        found = _accused(content, speaker, resolver, events_at)
        if found is not None:
            return found
    return None


def _accused(content, speaker: Actor, resolver: ArticleActors, events_at: set[int]) -> tuple[str, Actor] | None:
    """The accusation one reported clause makes: its verb, or the purpose its verb serves, a wrong
    its doer (subject or "by" agent, another actor than the speaker) did."""
    if content.pos_ not in ("VERB", "AUX") or is_negated(content) or content.lemma_.lower() in AVOIDING_VERBS:
        return None
    wrongs = ontology.wrongdoing_verbs()
    acts = [content, *(c for c in content.children if _purpose(c))]
    if any(act.i in events_at for act in acts):
        return None
    if not any((act.lemma_.lower() in wrongs or _done_wrongfully(act)) and not is_negated(act)
               and not _done_to_nothing(act) for act in acts):
        return None
    doers = [c for c in content.children if c.dep_ == "nsubj"] + agents_of(content)
    for actor in resolve_all(resolver, doers, as_target=True):
        if actor.actor_type in NO_STATE_WRONGDOERS:
            continue  # "said Mexican migrants crossed the border illegally": no state's wrong
        if _other_than(actor, speaker) and actor.via != "outlet":
            # a doer the publisher's country only frames ("the opposition had misled farmers"
            # in a story abroad) is no one the speaker names
            return ACCUSATION, actor
    return None


# Private people, and people on the move ("REF": migrants, refugees), do no state's wrong.
NO_STATE_WRONGDOERS = PRIVATE_PEOPLE | frozenset({"REF"})
# Verbs that say a wrong was not done: "said China had avoided interfering in the election".
AVOIDING_VERBS = frozenset({"avoid", "refrain", "stop", "cease", "deny", "decline", "refuse"})


def _purpose(child) -> bool:
    """An infinitive of purpose with no subject of its own ("is using gold to evade sanctions"),
    not a clause about another doer ("because the US had exploited the crisis")."""
    return (child.dep_ in ("xcomp", "advcl") and child.i > child.head.i
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children))


def _done_wrongfully(act) -> bool:
    """Told with a manner that makes any act a wrong (schemas/data/wrongful_manners.csv):
    "entered its waters without permission", "illegally crossed", "acted in breach of the deal"."""
    manners = ontology.wrongful_manners()
    for child in act.children:
        if child.dep_ == "advmod" and child.lower_ in manners:
            return True
        if child.dep_ == "prep" and any(f"{child.lower_} {pobj.lemma_.lower()}" in manners
                                        for pobj in child.children if pobj.dep_ == "pobj"):
            return True
    return False


def _done_to_nothing(act) -> bool:
    """"had neglected nothing": a wrong done to nothing is none."""
    return any(c.dep_ == "dobj" and c.lower_ in ("nothing", "nobody", "none") for c in act.children)


# What someone "should", "must" or "needs to" do, in another's words, is asked of them (020:
# "EU should support Tunisia, Italy minister says", "West must provide more military aid to
# Ukraine, EU's Borrell says"); what they "have to" do is demanded (100). On the development
# split the coders coded "should" as an appeal 5 times in 6, and "must" 6 times in 8.
ADVISING_MODALS = frozenset({"should", "ought", "must"})
ADVISING_VERBS = frozenset({"need"})


def _regretted(content) -> bool:
    """What someone should (not) have done is a judgement of a past act, not advice; what should
    have been done to them ("should have been warned") judges someone else."""
    return (any(c.dep_ == "aux" and c.lower_ in PERFECT_AUXILIARIES for c in content.children)
            and not any(c.dep_ == "auxpass" for c in content.children))


def _judged_by_copula(content) -> bool:
    """"Israel should be ashamed", "Iran must be transparent": what it should be; a judging
    adjective makes it criticism, any other stays asked of it, as a role it should take is ("the
    US should be a peacemaker")."""
    return content.lemma_ == "be" and any(c.dep_ == "acomp" for c in content.children)


def _advised(content) -> bool:
    """Advice to act ("Togo should reopen the border"); what should be done to someone ("Togo
    should be brought to account") stays a demand of them."""
    return ((any(c.dep_ == "aux" and c.lower_ in ADVISING_MODALS for c in content.children)
             or content.lemma_.lower() in ADVISING_VERBS)
            and not any(c.dep_ == "auxpass" for c in content.children))


@functools.cache
def _valences() -> dict[str, float]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer().lexicon


def _condemning(predicates, negated: bool) -> bool:
    """Whether what the content says its subject is condemns it: a predicate word or its
    modifier ("a dangerous man") rated CONDEMNING or lower, or, negated, its opposite or higher."""
    valences = _valences()
    feelings = ontology.feeling_words()
    for predicate in predicates:
        for word in [predicate, *(c for c in predicate.children if c.dep_ == "amod")]:
            text = word.lower_
            if text in feelings or word.tag_ == "VBN" or (word.pos_ == "ADJ" and text.endswith("ed")):
                continue  # "were afraid", "was worried": a feeling, no judgement
            if word.i > 0 and word.doc[word.i - 1].text == "-":
                continue  # part of a hyphenated word: "an anti-illegal immigration law"
            valence = valences.get(text, valences.get(word.lemma_.lower()))
            if valence is None:
                continue
            if (valence >= -CONDEMNING) if negated else (valence <= CONDEMNING):
                return True
    return False


def _contents(verb):
    """(content head, its predicate tokens, what is judged) for each thing the verb reports: a
    reported clause ("said the strikes were unacceptable": its subject or "by" agent), an "as"
    phrase ("described the raid as barbaric", on the verb or on its object) or an object
    predicate ("called the raid barbaric"): the verb's object."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for child in verb.children:
        if child.dep_ == "ccomp":
            yield child, *_clause_parts(child)
        elif child.dep_ == "oprd":
            yield child, [child], _named(verb, objects, child.i)
    quoted = quoted_name(verb)
    if quoted:
        content = next((t for t in quoted if t.head not in quoted), quoted[0])
        # "calls Biden's warning 'nonsense'" may be parsed with the object hung on the name
        hung = [c for word in quoted for c in word.children if c.i < quoted[0].i and c.pos_ in ("NOUN", "PROPN")]
        yield content, quoted, _named(verb, objects + hung, quoted[0].i)
    for obj in objects:
        for late in trailing_predicates(obj):
            yield late, [late], objects
    name = second_object_name(verb)
    if name is not None:
        yield name, [name], [name.head if name.head != verb else objects[0]]
    late = trailing_adjective(verb)
    if late is not None:
        yield late, [late], objects
    for head in [verb, *objects]:
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "as"):
            yield prep, [c for c in prep.children if c.dep_ in ("pobj", "amod", "acomp")], objects


# The endings of an adjective the small model may tag as a noun after the object ("calls the
# strike incomprehensible", read as "dep")
ADJECTIVE_ENDING = re.compile(r"(?:ible|able|ous|ful|less|ive|ic|al|ant|ent)$")


def trailing_adjective(verb):
    """An adjective closing the clause after the verb's object, which the parser left hanging
    ("calls Israeli strike on the French institute in Gaza incomprehensible"); else None."""
    children = list(verb.children)
    if not any(c.dep_ == "dobj" for c in children) or any(c.dep_ == "prep" and c.i == verb.i + 1 for c in children):
        return None  # "calls for 'major countries' to be impartial": a call for something, no naming
    last = max(children, key=lambda c: c.i)
    if (last.dep_ == "dep" and last.i == last.right_edge.i and last.i + 1 >= verb.sent.end - 1
            and ADJECTIVE_ENDING.search(last.lower_)):
        return last
    return None


# How the parser hangs the name a naming verb gives a noun object: as a second object ("called
# the march a provocation") or on a noun it read as a clause ("called Ghana's move a provocation").
NAME_AS_OBJECT_DEPS = frozenset({"npadvmod", "attr", "dobj"})


def second_object_name(verb):
    """The noun a naming verb gives its object, written with no quotation marks and no "as", which
    the parser read as a second object or hung on the object; else None."""
    if verb.lemma_.lower() not in NAMING_VERBS:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objects) >= 2 and objects[-1].pos_ == "NOUN":
        return objects[-1]
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.pos_ == "NOUN"):
        name = next((c for c in clause.children if c.dep_ in NAME_AS_OBJECT_DEPS and c.i > clause.i
                     and c.pos_ == "NOUN"), None)
        if name is not None:
            return name
    return None


def quoted_name(verb) -> list:
    """The words of a name in quotation marks that a naming verb gives its object ("calls Biden's
    warning 'nonsense'", "called the proceedings against the rescuers 'a farce'"). The small
    model parses such quotes in many ways (a second object, a possessive mark, a clause), so the
    name is found by its marks: an opening mark has a space before it and none after, a closing
    one no space before it. Empty when the verb names nothing so."""
    if verb.lemma_.lower() not in NAMING_VERBS:
        return []
    doc, end = verb.doc, verb.sent.end
    for i in range(verb.i + 1, min(end, verb.i + 1 + NAME_REACH)):
        token = doc[i]
        if token.lower_ in NAME_BOUNDARIES or (token.dep_ in ("prep", "agent", "prt") and token.head == verb):
            return []
        if i == verb.i + 1 and token.lower_ in CALLING_PARTICLES:
            return []  # "calls for 'major countries' to be impartial": a call for something
        if token.text in QUOTATION_MARKS and doc[i - 1].whitespace_ and not token.whitespace_:
            words = []
            for inner in doc[i + 1 : end]:
                if inner.text in QUOTATION_MARKS and not doc[inner.i - 1].whitespace_:
                    return words
                if inner.pos_ in ("NOUN", "ADJ", "VERB", "ADV"):
                    words.append(inner)
            return []  # never closed: no name
    return []


def _named(verb, objects, name_at: int) -> list:
    """What a naming verb names: its objects before the name, or the noun its relative clause
    hangs on ("a move Russia called 'extremely dangerous'")."""
    before = [o for o in objects if o.i < name_at]
    if not before and verb.dep_ == "relcl":
        return [verb.head]
    return before


def _clause_parts(clause) -> tuple[list, list]:
    """(its predicate tokens, what it judges) for a reported clause: the predicate of its copula,
    or the clause itself when a headline leaves out the verb ("says UN chief not fit to lead");
    its subject or "by" agent."""
    predicates = [c for c in clause.children if c.dep_ in PREDICATE_DEPS and clause.lemma_.lower() in COPULAS]
    judged = [c for c in clause.children if c.dep_ in JUDGED_DEPS]
    if clause.pos_ in ("ADJ", "NOUN"):
        predicates.append(clause)
        if clause.dep_ == "ROOT" and not judged and _is_judging_word(clause):
            # "US, UK complicit in attack – Moscow", "Russian embassy complicit": what comes before the judging word
            judged = [c for c in clause.children if c.dep_ in VERBLESS_JUDGED_DEPS and c.i < clause.i
                      and (c.pos_ in ("PROPN", "NOUN") or c.text[:1].isupper())]
    return predicates, judged + agents_of(clause)


# How the parser hangs an object predicate on the object: "the move outrageous" (amod), "the
# Russian move unacceptable" (advmod)
TRAILING_DEPS = frozenset({"amod", "advmod", "acomp"})


def trailing_predicates(obj) -> list:
    """"called the move outrageous": the parser may hang the object predicate on the object as a
    modifier, but an English adjective after its noun ("the move outrageous") does not modify it."""
    return [c for c in obj.children if c.dep_ in TRAILING_DEPS and c.i > obj.i and c.pos_ == "ADJ"]


def _judging_code(content, predicates) -> str | None:
    """The code of the judging word the predicate is, else of one named anywhere in the clause
    ("a war crime"); the more precise of the two when both judge alike ("complicit in
    genocide" accuses of genocide, 1124, not only of a wrong, 112)."""
    table = ontology.judgements()
    said = next((found[1] for predicate in predicates for tokens in _phrases_at(predicate)
                 for found in [table.get(tokens)] if found is not None), None)
    named = next((found[1] for token in content.subtree if token.dep_ != "compound"
                  for tokens in _phrases_at(token) for found in [table.get(tokens)]
                  if found is not None and found[0] == "anywhere"), None)
    if said is not None and named is not None and named.startswith(said):
        return named
    return said or named


def _is_judging_word(token) -> bool:
    """The word, with its compounds or its phrase, is one of judgements.csv ("complicit")."""
    table = ontology.judgements()
    return any(tokens in table for tokens in _phrases_at(token))


def _phrases_at(token):
    """The lemma sequences a phrase headed by this token can have: the word alone, with its
    compounds before it ("war crime"), with the prepositional phrase after it ("crime
    against humanity", "act of aggression")."""
    word = token.lemma_.lower()
    yield (word,)
    before = [c.lemma_.lower() for c in token.children if c.dep_ == "compound" and c.i < token.i]
    if before:
        yield (*before, word)
    for prep in (c for c in token.children if c.dep_ == "prep" and c.i == token.i + 1):
        for pobj in (c for c in prep.children if c.dep_ == "pobj" and c.i == prep.i + 1):
            yield (word, prep.lower_, pobj.lemma_.lower())


def _judged_owner(judged, speaker: Actor, resolver: ArticleActors) -> Actor | None:
    """Whose act or thing is judged: the judged phrase itself when it names an actor, else its
    possessor or "by" agent ("Togo's decision", "strikes by X", "sanctions imposed by X")."""
    for head in judged:
        for actor in resolve_all(resolver, [head], as_target=True):
            if _other_than(actor, speaker):
                return actor
        owners = [c for c in head.children if c.dep_ == "poss"]
        owners += [p for prep in head.children if prep.dep_ in ("prep", "agent") and prep.lower_ == "by"
                   for p in prep.children if p.dep_ == "pobj"]
        owners += [a for acl in head.children if acl.dep_ == "acl" for a in agents_of(acl)]  # "sanctions imposed by X"
        for actor in resolve_all(resolver, owners, as_target=True):
            if _other_than(actor, speaker):
                return actor
        own = _own_institution(head, owners, speaker, resolver)
        if own is not None:
            return own
    return None


def _own_institution(head, owners, speaker: Actor, resolver: ArticleActors) -> Actor | None:
    """A national institution named without a country ("the government's plan", "parliament's
    vote") judged by another body of a state is that state's own (targets.own_institution_target)."""
    if speaker.code != speaker.country or speaker.actor_type is None:
        return None
    for noun in [head, *owners]:
        role = resolver.role_type_of(noun)
        if noun.pos_ == "NOUN" and role in OUTLET_ROLES and role != speaker.actor_type:
            return Actor(speaker.code, noun.text, speaker.country, role, OWN_INSTITUTION)
    return None


def _other_than(actor: Actor, speaker: Actor) -> bool:
    """Whether the judged actor is someone other than the speaker: another code, or another body
    of the speaker's own state ("a Ghanaian court said the government's plan was unlawful": a
    domestic judgement, coded state to state as GOLD.md codes domestic acts). The speaker's own
    sector, or a bare country, is the speaker itself ("said it was confident")."""
    if actor.code != speaker.code:
        return True
    return (actor.code == actor.country and None not in (actor.actor_type, speaker.actor_type)
            and actor.actor_type != speaker.actor_type)
