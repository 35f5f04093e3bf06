"""Acts told in a sentence that are no news between actors, so give no row (transforms/extract/engine.py asks).

- descriptions: support, cooperation or aid in a present-tense relative clause ("Iran, which
  supports armed groups"), or a participle of cooperation no day of the news dates ("forces
  backed by Moscow"; but "released by Hamas on Monday");
- figurative force: a verb of force against an abstract target ("smashed any hopes") or by a
  disaster no one owns ("hit by floods", "a hospital fire kills 21");
- acts with no one on the other side: an agreement with no counterpart (lawmaking at home), an
  aim at no one, a wish asked of no one, a hosting of no guest, a warning that threatens no one.
"""
from __future__ import annotations

from schemas import ontology
from transforms.extract.actors import ArticleActors, is_weapon
from transforms.extract.clauses import SUBJECT_DEPS, clause_kind, direct_object, is_negated
from transforms.extract.coding import WARNING_VERBS
from transforms.extract.doc_cache import entity_at
from transforms.extract.nominal import ARMED_SECTORS, FORCE_ROOTS, figurative
from transforms.extract.verbs import match_verb

# An agreement is made with someone: signed or struck with no counterpart anyone can name, or
# with the actor's own side, it is a law, a rule or a deal among a state's or a bloc's own parts
# ("signs law restricting records", "EU reaches a deal on AI rules", "Biden and McCarthy reach a
# deal"), which the gold set codes as domestic, no event.
FORMAL_AGREEMENT = "057"
# An aim ("seeks to", "plans to", "aims to": schemas/data/aims.csv) whose act is no event of its
# own (030, the generic intent) and that names no one it is aimed at is a policy goal, not news
# of an intent between actors ("France seeks to recoup €2.5bn from banks").
GENERIC_INTENT = "030"
# Weighing a policy option (014: "mulls", "considers", "weighs") that names no one it is aimed at
# is a government's or a party's own business ("Germany mulls law banning citizenship for ..."),
# as domestic legislation is in the gold set.
POLICY_OPTION = "014"
# A call, letter or message received (041, verbs.csv "receive") from no one the text can name
# is no consultation: "received letters claiming to be from a banned group"; nor is one not
# received ("received no message"), a call to act ("a call for help", "a call from the UN to halt
# strikes", "calls to resign") or a message that threatens or warns ("a threatening letter", "a
# message warning of consequences"), whose act is its own.
RECEIVED_CONSULTATION = "041"
# Verbs by which an actor receives a visitor, a call or a letter (engine.SENT_ACTS reads them too).
RECEIVING_VERBS = frozenset({"receive"})
HOSTILE_MESSAGE_WORDS = frozenset({"threatening", "threat", "warning", "abusive", "angry", "hate"})
# Seeking something from no one (020, the generic appeal) is wanting it: "Kamala Harris seeks a
# second act", "Beijing still seeking answers", "Cubans seek solutions". An appeal has an
# addressee ("sought support from Russia"). On the development split such rows were right 2
# times in 12; the other appeals told without an addressee ("urged", "called for") 27 in 49.
BARE_APPEAL = "020"
WISHING_VERBS = frozenset({"seek"})
# Hosting (043) is hosting someone: with no guest the text can name, and no meeting, summit or
# dinner as its object (verbs.csv), it is an event, a show or a week one holds ("Zimbabwe hosts
# the World AMR Awareness Week", "the Queen hosts an afternoon tea"). On the development split
# "host" with no guest was right 2 times in 8, with one 8 in 11.
# Receiving or welcoming with no guest named is still a visit, the guest named elsewhere in the
# article ("Syria receives Arab League envoy" told as "was received in Damascus").
HOSTED_VISIT = "043"
HOSTING_VERBS = frozenset({"host"})


def no_one_on_the_other_side(verb, rule, actor, target, resolver: ArticleActors) -> bool:
    """An agreement with no counterpart or with the actor's own side, a call or letter received
    from no one or that consults no one, a policy option or an aim at no one whose act is no
    event, or a warning to no one (see the constants above and `_warning_to_no_one`)."""
    if rule.code == FORMAL_AGREEMENT:
        return target is None or target.code == actor.code
    if rule.code == RECEIVED_CONSULTATION and verb.lemma_.lower() in RECEIVING_VERBS:
        return target is None or not _consultation_received(verb)
    if target is not None:
        return False
    if rule.code == POLICY_OPTION or (rule.code == HOSTED_VISIT and verb.lemma_.lower() in HOSTING_VERBS
                                      and not rule.object_heads):
        return True
    if rule.code == BARE_APPEAL and verb.lemma_.lower() in WISHING_VERBS:
        return True
    if rule.code == GENERIC_INTENT and verb.lemma_.lower() in ontology.aim_verbs():
        return True
    return _warning_to_no_one(verb, rule, resolver)


def _consultation_received(verb) -> bool:
    """Whether the call, letter or message the verb receives is one (see RECEIVED_CONSULTATION)."""
    message = direct_object(list(verb.children))
    if message is None or is_negated(verb) or any(c.lower_ == "no" for c in message.children):
        return False
    for node in (verb, message):
        for child in node.children:
            if child.dep_ in ("acl", "relcl", "xcomp", "advcl") or (child.dep_ == "prep" and child.lower_ == "for"):
                return False
    # the parser hangs "warning of" anywhere in the clause
    return not any(t.lower_ in HOSTILE_MESSAGE_WORDS or t.lemma_.lower() in HOSTILE_MESSAGE_WORDS for t in verb.subtree)


FUTURE_AUXILIARIES = frozenset({"will", "would", "'ll", "shall"})


def _warning_to_no_one(verb, rule, resolver: ArticleActors) -> bool:
    """A warning (13) that names no one it is aimed at, warns against nothing, tells of nothing
    that will or would follow ("warned there would be consequences if ...") and of no actor's
    act (the subject of what is said: "warned that Togo closing the border is a mistake") is a
    grim view of the world, not a threat ("the king warned the world was entering dangerous
    territory", "Putin warns on Gaza toll")."""
    if verb.lemma_.lower() not in WARNING_VERBS or not rule.code.startswith("13") or rule.object_heads:
        return False  # "warned of retaliation": the rule's own object makes it a threat
    if any(c.dep_ == "prep" and c.lower_ == "against" for c in verb.children):
        return False
    said = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    if any(t.dep_ == "aux" and t.lower_ in FUTURE_AUXILIARIES for clause in said for t in clause.subtree):
        return False  # "warned that any attack on Belarus would be met with ...": a consequence to come
    subjects = [s for clause in said for s in clause.children if s.dep_ in SUBJECT_DEPS | {"csubj"}]
    # "that Togo closing the border would be a mistake": the subject's own doer names the actor
    doers = subjects + [c for s in subjects for c in s.children if c.dep_ in SUBJECT_DEPS | {"poss"}]
    return not any(d.pos_ == "PRON" or resolver.resolve(d, remember=False) is not None for d in doers)


def figurative_force(verb, rule, subjects, dobj, preps, resolver: ArticleActors) -> bool:
    """A verb of force whose object is no one (schemas/data/off_topic.csv's abstract targets:
    "smashed any hopes", "grapples with a teacher shortage", "bombarded the government with
    warnings") or whose doer is a disaster (schemas/data/disasters.csv: "Australia hit by floods",
    "hospital fire kills 21"). An object the verb's own rule names keeps its sense ("opened
    fire", "set fire to", "exchanged fire")."""
    abstract = ontology.off_topic_cues().get("abstract_target", frozenset())
    objects = [dobj] if dobj is not None else []
    objects += [c for prep in preps if prep.lower_ in ("with", "against") for c in prep.children if c.dep_ == "pobj"]
    doers = list(subjects) + [c for agent in verb.children if agent.dep_ == "agent" or agent.lower_ == "by"
                              for c in agent.children if c.dep_ == "pobj"]
    if verb.lemma_.lower() in DISMISSING_VERBS and dobj is not None and (_a_person(dobj) or _a_role(dobj)):
        return True  # "Netanyahu fires defence minister Gallant", "fired his spokesman": a dismissal
    if rule.code[:2] in FORCE_ROOTS and dobj is not None and _figurative(dobj):
        return True  # "launched a charm offensive", "opened a new legal front"
    if verb.lemma_.lower() in COURT_FIGHTS and _in_court(preps):
        return True  # "is fighting the UK government in court": a lawsuit
    if (verb.lemma_.lower() in COURT_FIGHTS and not objects and _strives_for_an_aim(verb)
            and not any(_armed(s, resolver) for s in subjects)):
        return True  # "fought to regain control of his party", "are fighting to retire at 62": a struggle
    # "fire" itself is a weapon's as an object ("unleashed fire on the guards"); "fires" burn
    return (any(_is_one_of(o, abstract) and o.lemma_.lower() not in GUNFIRE_NOUNS and not _is_one_of(o, rule.object_heads)
                for o in objects)
            or any(_is_one_of(d, ontology.disaster_nouns()) and not _fired_by_someone(d, resolver) for d in doers)
            # "Indonesia landslides kill 10": a headline's disaster the tagger read as the verb
            or (verb.dep_ in ("xcomp", "ccomp") and verb.head.tag_ == "VBZ"
                and _is_one_of(verb.head, ontology.disaster_nouns())))


# Where a fight is a lawsuit: "fighting the government in court", "battling the ban through the
# courts"; not a beating in court ("police beat lawyers in court" is an assault).
COURT_FIGHTS = frozenset({"fight", "battle", "challenge", "contest"})
COURT_NOUNS = frozenset({"court", "courts", "tribunal", "tribunals"})


# Rulers that hold power by arms: their fight for an aim is a fight ("the junta fights to keep
# control of the border town").
RULERS_BY_FORCE = frozenset({"junta", "regime"})


def _armed(subject, resolver: ArticleActors) -> bool:
    """Troops, an armed group, the police or a state named as itself ("Russia fights to take
    Bakhmut"): their fight for an aim is still a fight."""
    if subject.ent_type_ == "GPE" or subject.lemma_.lower() in RULERS_BY_FORCE:
        return True
    actor = resolver.resolve(subject, remember=False)
    if (actor is not None and actor.code == actor.country and actor.actor_type in (None, "GOV")
            and subject.pos_ == "PROPN" and subject.ent_type_ != "PERSON" and not ontology.is_leader_surname(subject.text)):
        return True  # "Kyiv battles to stem the advance": the state by its capital's name, not its leader
    sector = (actor.actor_type if actor is not None else None) or resolver.role_type_of(subject)
    return sector in ARMED_SECTORS


def _strives_for_an_aim(verb) -> bool:
    """A fight whose only complement is the aim it is fought for, an infinitive that is no act of
    force ("fought to regain control", not "fought to retake the town"): striving, not fighting."""
    aims = [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.tag_ == "VB"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    if not aims:
        return False
    for aim in aims:
        rule = match_verb(aim.lemma_, frozenset(), frozenset())
        if rule is not None and rule.code[:2] in FORCE_ROOTS:
            return False
    return True


def _in_court(preps) -> bool:
    return any(prep.lower_ in ("in", "through") and any(
        c.dep_ == "pobj" and c.lower_ in COURT_NOUNS for c in prep.children) for prep in preps)


# Verbs of force that dismiss when their direct object is a person named or a role: "fires defence
# minister Gallant", "fired his spokesman" (not "fired on officers": a preposition's object).
DISMISSING_VERBS = frozenset({"fire"})
# Roles the roles table has no word for, or only in the singular
STAFF_NOUNS = frozenset({"aide", "adviser", "advisor", "architect", "editor", "executive", "coach", "staffer",
                         "spokeswoman", "manager", "director"})


def _a_role(noun) -> bool:
    """A person by their role ("his spokesman", "three officers"); not a weapon the roles table
    lists ("missile")."""
    if is_weapon(noun):
        return False
    lemma = noun.lemma_.lower()
    return lemma in STAFF_NOUNS or lemma in ontology.role_types()


def _figurative(noun) -> bool:
    """The object of a verb of force is made figurative by its modifier: "launched a charm
    offensive", "opened a new legal front"."""
    return any(c.dep_ in ("compound", "amod") and figurative(c) for c in noun.children)


def _a_person(noun) -> bool:
    """A person named by a singular name ("defence minister Gallant"); a role noun alone is the
    verb rule's ("fires army chief": verbs.csv). Not a weapon the tagger takes for a person
    ("fired Storm Shadows")."""
    return (noun.ent_type_ == "PERSON" and noun.tag_ == "NNP"
            and not is_weapon(noun))


def _is_one_of(token, nouns) -> bool:
    return token.lemma_.lower() in nouns or token.lower_ in nouns


# Disaster nouns that are also a weapon's fire when someone's ("Israeli fire", "fire from tanks").
GUNFIRE_NOUNS = frozenset({"fire"})


def _fired_by_someone(noun, resolver: ArticleActors) -> bool:
    """"Israeli fire", "Togolese fire", "fire from Israeli tanks": a people's or a state's fire is a
    weapon's; a fire "in Accra" or a "Nigerian tanker fire", and any flood or crash, is a disaster."""
    if noun.lemma_.lower() not in GUNFIRE_NOUNS or any(
            c.dep_ == "compound" and c.pos_ == "NOUN" and not is_weapon(c) for c in noun.children):
        return False  # "tanker fire", "hospital fire": what burned (not "artillery fire", "tank fire")
    owners = [c for c in noun.children if c.dep_ in ("amod", "poss", "compound", "nmod")
              and (c.pos_ == "PROPN" or (c.pos_ == "ADJ" and c.text[:1].isupper()))]
    owners += [p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in ("from", "by")
               for p in prep.children if p.dep_ == "pobj"]
    return any(_named_by_gazetteer(o, resolver) for o in owners)


def _named_by_gazetteer(token, resolver: ArticleActors) -> bool:
    actor = resolver.resolve(token, remember=False)
    return actor is not None and actor.via == "gazetteer"


# Support, cooperation and aid (05, 06, 07): relations that last, which a relative clause in the
# present tense describes rather than reports ("Iran, which supports armed groups").
STANDING_ROOTS = frozenset({"05", "06", "07"})


def standing_relation(verb, rule) -> bool:
    """Support, cooperation or aid told in a relative clause in the present tense, simple,
    progressive or perfect ("Iran, which supports armed groups", "the agency that protects
    heritage", "the SDF, which has fought alongside US forces"): a description of the noun, as
    the participle of "forces backed by Moscow" is, unless a day dates it. Meetings and words in
    such a clause are news ("Netanyahu, who meets Trump on Monday, said ...")."""
    if clause_kind(verb) != "relcl" or rule.code[:2] not in STANDING_ROOTS:
        return False
    clause = verb
    while clause.dep_ == "conj":
        clause = clause.head
    relative = any(c.lower_ in ("which", "who", "whom", "whose") or (c.lower_ == "that" and c.dep_ in SUBJECT_DEPS)
                   for c in clause.children)  # not "intelligence that Wagner plans to ...": a content clause
    # the present, its progressive and its perfect: "which supports", "which is fighting
    # alongside the regime", "which has fought alongside US forces"
    present = verb.tag_ in ("VBZ", "VBP") or any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children)
    return relative and present and not dated(verb)


def dated(verb) -> bool:
    """A day of the news hangs on the verb ("released by Hamas on Monday", "brokered by Qatar
    last week", "freed yesterday"): the participle reports an act that happened then. A year, a
    month or a span ("in 1948", "in May", "for years", "since last year") dates a standing fact."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in SPAN_PREPS:
            continue
        words = [child] if child.dep_ in ("npadvmod", "advmod") else (
            [c for c in child.children if c.dep_ == "pobj"] if child.dep_ == "prep" else [])
        if any(w.ent_type_ in ("DATE", "TIME") and _names_a_day(w) for w in words):
            return True
    return False


SPAN_PREPS = frozenset({"for", "since", "over", "during", "throughout"})
DAY_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                       "yesterday", "today", "tonight", "overnight", "week", "weekend"})


def _names_a_day(token) -> bool:
    """"on Monday", "last week", "yesterday", "on March 3": a day, not a year or a month."""
    entity = entity_at(token)
    words = list(entity) if entity is not None else [token]
    if any(w.lower_ in DAY_WORDS for w in words):
        return not any(w.lower_ in ("every", "each") for w in words)
    return any(w.like_num and len(w.text) <= 2 for w in words)  # "March 3", "3 March"
